"""Recognizers for identifiers: medical record, insurance and social security numbers, the
tail of a card number, and any other identifier-like token.

Each pattern recognizer reports only the identifying value, not the context words around it:
"MRN: A7731902" keeps "MRN:" and loses the number.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from assistant.recognizers import EnglishRecognizer, GroupPatternRecognizer

# "number", "no.", "#", "ID" after a context word: "hosp no", "pt ID", "group#".
_ID_WORD = r"(?:number|num|nr|no\.?|n[°o]|#|id|ref(?:erence)?)"


class MedicalRecordRecognizer(GroupPatternRecognizer):
    def __init__(self) -> None:
        context = (
            rf"(?:mrn|urn|crn|medical\s+record(?:\s+{_ID_WORD})?|"
            rf"(?:hospital|hosp\.?|patient|pt\.?|case|chart|record|unit|clinic|nhs|chi)"
            rf"\s*{_ID_WORD})"
        )
        super().__init__(
            "MEDICAL_RECORD_NUMBER",
            [
                rf"\b{context}\s*(?:is|:|#|=|-)?\s*(?P<value>[A-Z]{{0,4}}[-\s]?\d[\d\s-]{{3,14}}\d)\b"
            ],
            0.9,
            name="MedicalRecordRecognizer",
            min_digits=4,
        )


class InsuranceIdRecognizer(GroupPatternRecognizer):
    def __init__(self) -> None:
        context = (
            r"(?:(?:insurance|ins\.?|insurer|member(?:ship)?|policy|subscriber|medicare|medicaid|"
            r"health\s+plan|group|plan|coverage|beneficiary|claim)"
            rf"(?:\s+(?:member|policy|subscriber|group|plan))?(?:\s*{_ID_WORD}|(?=\s*[:#=]))"
            r"|policy|claim)"
        )
        super().__init__(
            "INSURANCE_ID",
            [rf"\b{context}\s*(?:is|:|#|=)?\s*(?P<value>[A-Z0-9][A-Z0-9-]{{4,24}}[A-Z0-9])\b"],
            0.9,
            name="InsuranceIdRecognizer",
            min_digits=3,
        )


class ContextualSsnRecognizer(GroupPatternRecognizer):
    """SSNs after "SSN"/"social security", including the test values Presidio rejects."""

    def __init__(self) -> None:
        super().__init__(
            "US_SSN",
            [
                r"\b(?:ssn|social\s+security(?:\s+(?:number|no\.?|#))?)\s*(?:is|:|#)?\s*"
                r"(?P<value>\d{3}[-\s]?\d{2}[-\s]?\d{4})\b"
            ],
            0.9,
            name="ContextualSsnRecognizer",
        )


_RATIO_RE = re.compile(r"\d{1,3}(?:/\d{1,3})+")
_TIME_RE = re.compile(r"(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?")


class PartialNumberRecognizer(GroupPatternRecognizer):
    """The tail of a card or ID number: "card ending 4242", "last four digits 8812"."""

    def __init__(self) -> None:
        super().__init__(
            "ID_NUMBER",
            [
                r"\b(?:ending|ends|ended)(?:\s+(?:in|with))?\s*:?\s*(?P<value>\d{3,6})\b",
                r"\blast\s+(?:3|4|three|four)(?:\s+digits)?(?:\s+(?:are|is|of|were))?\s*:?\s*"
                r"(?P<value>\d{3,6})\b",
            ],
            0.75,
            name="PartialNumberRecognizer",
        )


# A number with a unit, or after a lab word, is a measurement or a dose, not an identifier:
# "50000IU", "50000 units", "platelets 150000", "viral load of 200000".
_UNITS = (
    r"(?:mg|mcg|µg|ug|ng|pg|g|kg|lbs?|ml|dl|l|iu|units?|mmol|mol|nmol|pmol|umol|µmol|meq|"
    r"mmhg|u/l|iu/l|mu/l|cal|kcal|steps|mm|cm|m|km|%)"
)
_MEASURE_RE = re.compile(rf"\d{_UNITS}$", re.IGNORECASE)
_UNIT_AFTER_RE = re.compile(rf"\s*(?:{_UNITS}|cells|copies|per|/)\b", re.IGNORECASE)
_LAB_BEFORE_RE = re.compile(
    r"\b(?:platelets?|count|wbc|rbc|cells|level|levels|load|titre|titer|dose|dosage|"
    r"reading|result|score|steps|calories|ige|psa|egfr|ferritin|b12|vitamin\s+\w+)\b"
    r"(?:\s+(?:is|was|were|are|of|at|=|:)){0,2}\s*$",
    re.IGNORECASE,
)


class IdNumberRecognizer(EnglishRecognizer):
    """Any other identifier-like token: six or more digits, or five with letters mixed in
    ("ref 77382910", "W3349281702"). In a clinic chat such a token is a record, claim, card or
    account number far more often than a measurement; doses and counts with a unit, and
    numbers written with thousands separators ("10,000"), stay."""

    def __init__(self) -> None:
        super().__init__("ID_NUMBER")

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        for match in re.finditer(r"[^\s,;()\[\]<>\"']+", text):
            token = match.group().rstrip(".:!?").lstrip("#")
            digits = sum(ch.isdigit() for ch in token)
            has_letter = any(ch.isalpha() for ch in token)
            if digits < 5 or (digits == 5 and not has_letter) or _MEASURE_RE.search(token):
                continue
            if "@" in token or "://" in token:  # e-mail addresses and URLs have recognizers
                continue
            if _RATIO_RE.fullmatch(token) or _TIME_RE.fullmatch(token):  # "150/100", "04:34:22"
                continue
            start = match.start() + match.group().index(token)
            if _UNIT_AFTER_RE.match(text, start + len(token)) or _LAB_BEFORE_RE.search(
                text, max(0, start - 40), start
            ):
                continue
            results.append(RecognizerResult("ID_NUMBER", start, start + len(token), 0.5))
        return results
