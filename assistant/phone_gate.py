"""Presidio's phone recognizer, run only on texts with enough digits for a valid number.

The stock recognizer runs python-phonenumbers' matcher once per supported region (eight),
0.8 ms a message on texts that hold any digit at all: an age, a dose, a date. A number the
matcher accepts (leniency "valid") has at least as many digits as the shortest national
number of a supported region, or a country code and the shortest number of its country, so
a text with fewer digits cannot hold one. The minimum is read from phonenumbers' own
metadata, not written down here.
"""

from __future__ import annotations

from collections.abc import Iterable

from phonenumbers import COUNTRY_CODE_TO_REGION_CODE, PhoneMetadata
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import PhoneRecognizer


def _shortest(metadata: PhoneMetadata | None) -> int | None:
    if metadata is None or metadata.general_desc is None:
        return None
    lengths = [length for length in metadata.general_desc.possible_length or () if length > 0]
    return min(lengths, default=None)


def fewest_digits(regions: Iterable[str]) -> int:
    """The fewest digits a valid number can have when it is read as a national number of one
    of ``regions`` or as an international number of any country."""
    candidates: list[int] = []
    for region in regions:
        shortest = _shortest(PhoneMetadata.metadata_for_region(region))
        if shortest is not None:
            candidates.append(shortest)
    for code, code_regions in COUNTRY_CODE_TO_REGION_CODE.items():
        for region in code_regions:
            shortest = _shortest(PhoneMetadata.metadata_for_region_or_calling_code(code, region))
            if shortest is not None:
                candidates.append(len(str(code)) + shortest)
    # no metadata at all: never skip
    return min(candidates, default=0)


class GatedPhoneRecognizer(PhoneRecognizer):
    """The stock recognizer, under its own name, skipping texts with too few digits."""

    def __init__(self) -> None:
        super().__init__(name=PhoneRecognizer.__name__)
        self.min_digits = fewest_digits(self.supported_regions)

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        # str.isdigit counts every digit phonenumbers reads (and a few more): never too few
        if sum(char.isdigit() for char in text) < self.min_digits:
            return []
        return super().analyze(text, entities, nlp_artifacts)  # type: ignore[arg-type]
