"""Towns and cities (HIPAA Safe Harbor removes every geographic unit smaller than a state).

Two signals, both casing-robust ("Leeds", "LEEDS", "Wrocław", "ΕΓΚΩΜΗ"):
- a known town from GeoNames (assistant/data/places.txt) written as a proper noun;
- any proper noun or upper-case run after a place cue ("grew up in", "originally from",
  "flew to", "lives near").
Countries stay unless they are part of an address: travel history carries clinical meaning.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from assistant.recognizers import EnglishRecognizer
from assistant.word_lists import load_words


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    return load_words("places.txt")


@lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    return load_words("countries.txt")


@lru_cache(maxsize=1)
def medical_vocab() -> frozenset[str]:
    """Clinical words (ICD-10-CM titles and the curated terms): never a name or a place."""
    return load_words("medical_vocab.txt")


def known_place(value: str) -> bool:
    return " ".join(value.split()).lower() in places()


# A proper-noun word in any script: capitalised or all capitals.
_PROPER = r"[^\W\d_a-z][^\W\d_]*(?:['’-][^\W\d_]+)*"
_PLACE_CUE = re.compile(
    r"(?i:\b(?:live|living|lives|lived|based|staying|stay|stayed|moved|moving|relocated|"
    r"relocating|here|back|visiting|visited|travell?(?:ing|ed)?|holiday|vacation|trip|born|"
    r"grew\s+up|raised|working|works|work|studying|studied|flew|fly|flying|drove|driving|"
    r"going|went|headed|heading|returned|arrived|commute|commuting|resident|originally|"
    r"hospital|clinic|surgery|practice)\s+(?:in|to|at|near|from|of|outside|around)"
    r"|\b(?:i'?m|im|i\s+am|we'?re|we\s+are|comes?|came|is|are|originally)\s+from"
    r"|\b(?:i'?m|im|i\s+am|we'?re|we\s+are)\s+(?:now\s+|currently\s+|still\s+)?in"
    r"|\b(?:university|college|city|town|village|county|state|province)\s+of"
    r"|\bnear|\bwhere\s*:|\bcity\s*:|\btown\s*:|\blocation\s*:)\s+"
)
_CUED_PLACE = re.compile(
    rf"(?P<value>{_PROPER}(?:[ -](?:(?:de|del|la|le|upon|sur|am|im)[ -])?{_PROPER}){{0,3}})"
)
_NOT_PLACES = frozenset(
    [
        "the",
        "a",
        "an",
        "my",
        "our",
        "his",
        "her",
        "their",
        "this",
        "that",
        "these",
        "those",
        "i",
        "we",
        "you",
        "he",
        "she",
        "they",
        "it",
        "me",
        "us",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "today",
        "tomorrow",
        "yesterday",
        "dr",
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "prof",
        "st",
        "saint",
        "hospital",
        "clinic",
        "ward",
        "a&e",
        "er",
        "icu",
        "gp",
        "nhs",
        "year",
        "bed",
        "room",
        "class",
        "school",
        "hospital",
        "pain",
        "labour",
        "labor",
        "remission",
        "recovery",
        "rehab",
        "treatment",
        "therapy",
    ]
)


def plausible_place(value: str) -> bool:
    first = value.split()[0].lower().strip("'’")
    if first in _NOT_PLACES:
        return False
    words = [w.lower() for w in re.split(r"[\s-]+", value)]
    return not all(w in medical_vocab() for w in words)


class PlaceRecognizer(EnglishRecognizer):
    """Known towns written as proper nouns, and proper nouns after a place cue."""

    def __init__(self) -> None:
        super().__init__("LOCATION")

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        for cue in _PLACE_CUE.finditer(text):
            match = _CUED_PLACE.match(text, cue.end())
            if match is None:
                continue
            value = _trim_trailing_common(match.group("value"))
            if value and plausible_place(value):
                start = match.start("value")
                results.append(RecognizerResult("LOCATION", start, start + len(value), 0.7))
        results.extend(self._known(text))
        return results

    @staticmethod
    def _known(text: str) -> list[RecognizerResult]:
        found: list[RecognizerResult] = []
        words = list(re.finditer(_PROPER, text))
        i = 0
        while i < len(words):
            hit = None
            for size in (4, 3, 2, 1):
                group = words[i : i + size]
                if len(group) < size or not _adjacent(text, group):
                    continue
                value = text[group[0].start() : group[-1].end()]
                if known_place(value) and _proper(value) and plausible_place(value):
                    hit = (group[0].start(), group[-1].end(), size)
                    break
            if hit is None:
                i += 1
                continue
            start, end, size = hit
            # A sentence's first word is capitalised anyway: only a longer or upper-case
            # name counts there ("Reading is hard" vs "LEEDS").
            at_sentence_start = re.search(r"(?:^|[.!?:\n]\s*)$", text[:start]) is not None
            value = text[start:end]
            if not at_sentence_start or size > 1 or (value.isupper() and len(value) > 3):
                found.append(RecognizerResult("LOCATION", start, end, 0.55))
            i += size
        return found


def _adjacent(text: str, group: list[re.Match[str]]) -> bool:
    return all(
        re.fullmatch(r"[ -]", text[a.end() : b.start()]) is not None
        for a, b in itertools.pairwise(group)
    )


def _proper(value: str) -> bool:
    """Every word capitalised or upper-case (bar short linking words)."""
    return all(w[:1].isupper() for w in re.split(r"[\s-]+", value) if len(w) > 3)


_COMMON_TAIL = re.compile(r"(?:[ -](?:Country|Club|Hospital|Clinic|Bridge|Street|Road))+$")


def _trim_trailing_common(value: str) -> str:
    """Cut what follows the place: "Leeds Country Club", "Leeds Monday"."""
    words = value.split(" ")
    for i, word in enumerate(words[1:], start=1):
        if word.lower() in _NOT_PLACES:
            value = " ".join(words[:i])
            break
    return _COMMON_TAIL.sub("", value)
