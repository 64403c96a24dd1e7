"""Recognizers for what a clinic sees and stock Presidio misses.

Each one reports only the identifying value (the ``value`` group of its pattern), not the
context words around it, so "MRN: A7731902" keeps "MRN:" and loses the number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import tldextract
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import EmailRecognizer

DATA_DIR = Path(__file__).resolve().parent / "data"

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"


class GroupPatternRecognizer(EntityRecognizer):
    """A regex recognizer that reports the span of the pattern's ``value`` group."""

    def __init__(
        self,
        entity: str,
        patterns: Iterable[str],
        score: float,
        *,
        name: str,
        flags: int = re.IGNORECASE,
    ) -> None:
        self._patterns = [re.compile(p, flags) for p in patterns]
        self._score = score
        super().__init__(supported_entities=[entity], name=name, supported_language="en")

    def load(self) -> None:  # patterns are compiled in __init__
        return None

    def validate(self, value: str) -> bool:
        return True

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        for pattern in self._patterns:
            for match in pattern.finditer(text):
                start, end = match.span("value")
                if start < 0 or not self.validate(match.group("value")):
                    continue
                results.append(
                    RecognizerResult(self.supported_entities[0], start, end, self._score)
                )
        return results


def _has_digits(value: str, minimum: int) -> bool:
    return sum(ch.isdigit() for ch in value) >= minimum


class MedicalRecordRecognizer(GroupPatternRecognizer):
    def __init__(self) -> None:
        context = (
            r"(?:mrn|medical\s+record(?:\s+(?:number|no\.?|#))?|hospital\s+(?:number|no\.?|id)|"
            r"patient\s+(?:id|number|no\.?|#)|case\s+(?:number|no\.?)|chart\s+(?:number|no\.?)|"
            r"nhs\s+(?:number|no\.?)|chi\s+(?:number|no\.?)|record\s+(?:number|no\.?))"
        )
        super().__init__(
            "MEDICAL_RECORD_NUMBER",
            [
                rf"\b{context}\s*(?:is|:|#|=|-)?\s*(?P<value>[A-Z]{{0,4}}[-\s]?\d[\d\s-]{{3,14}}\d)\b"
            ],
            0.9,
            name="MedicalRecordRecognizer",
        )

    def validate(self, value: str) -> bool:
        return _has_digits(value, 4)


class InsuranceIdRecognizer(GroupPatternRecognizer):
    def __init__(self) -> None:
        context = (
            r"(?:insurance|insurer|member(?:ship)?|policy|subscriber|medicare|medicaid|"
            r"health\s+plan|group|plan)"
            r"(?:\s+(?:member|policy|subscriber|group|plan))?\s+(?:id|number|no\.?|#|code)"
        )
        super().__init__(
            "INSURANCE_ID",
            [rf"\b{context}\s*(?:is|:|#|=)?\s*(?P<value>[A-Z0-9][A-Z0-9-]{{4,24}}[A-Z0-9])\b"],
            0.9,
            name="InsuranceIdRecognizer",
        )

    def validate(self, value: str) -> bool:
        return _has_digits(value, 3)


class UkPostcodeRecognizer(GroupPatternRecognizer):
    def __init__(self) -> None:
        super().__init__(
            "UK_POSTCODE",
            [r"\b(?P<value>(?:GIR\s?0AA|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}))\b"],
            0.85,
            name="UkPostcodeRecognizer",
            flags=0,
        )


_STREET_TYPES = (
    r"(?i:street|st|road|rd|avenue|ave|lane|ln|drive|dr|close|way|court|ct|place|pl|"
    r"boulevard|blvd|terrace|crescent|grove|gardens|square|sq|hill|row|parkway|pkwy|highway|"
    r"hwy|mews|walk|rise|park|circle|cir|trail|view)\.?"
)


class StreetAddressRecognizer(GroupPatternRecognizer):
    def __init__(self) -> None:
        super().__init__(
            "STREET_ADDRESS",
            [
                # 42 Elm Street, 221B Baker Street, 10 Downing St, Flat 3, 5 High Road
                rf"(?P<value>\b(?:(?:flat|apt|apartment|unit)\s+\d+[A-Z]?,?\s+)?"
                rf"\d{{1,5}}[A-Z]?,?\s+(?:[A-Z][\w'-]+\s+){{1,3}}{_STREET_TYPES})(?!\w)",
            ],
            0.85,
            name="StreetAddressRecognizer",
            flags=0,
        )


class CalendarDateRecognizer(GroupPatternRecognizer):
    """Calendar dates (a day and a month, with or without the year). Durations and ages are
    not dates and stay ("for three days", "two weeks ago", "I'm 45")."""

    def __init__(self) -> None:
        super().__init__(
            "DATE_TIME",
            [
                rf"\b(?P<value>{_DAY}\s+(?:of\s+)?{_MONTHS}\.?(?:,?\s+{_YEAR})?)\b",
                rf"\b(?P<value>{_MONTHS}\.?\s+{_DAY}(?:,?\s+{_YEAR})?)\b",
                r"\b(?P<value>(?:0?[1-9]|[12]\d|3[01])[/.-](?:0?[1-9]|1[0-2])[/.-](?:\d{4}|\d{2}))\b",
                r"\b(?P<value>(?:0?[1-9]|1[0-2])[/.-](?:0?[1-9]|[12]\d|3[01])[/.-](?:\d{4}|\d{2}))\b",
                r"\b(?P<value>(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))\b",
                rf"\b(?:born|dob|date\s+of\s+birth|birthday)\b[^.\n]{{0,12}}?(?P<value>{_MONTHS}\s+{_YEAR}|{_YEAR})\b",
            ],
            0.85,
            name="CalendarDateRecognizer",
        )


class UsernameRecognizer(GroupPatternRecognizer):
    """Telegram @usernames and Matrix ids (@user:server)."""

    def __init__(self) -> None:
        super().__init__(
            "USERNAME",
            [
                r"(?<![\w.@])(?P<value>@[A-Za-z][A-Za-z0-9_.=-]{3,31}(?::[A-Za-z0-9.-]+\.[A-Za-z]{2,})?)\b"
            ],
            0.85,
            name="UsernameRecognizer",
            flags=0,
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


class ContextualPhoneRecognizer(GroupPatternRecognizer):
    """Phone-like digit runs next to words such as call, phone, mobile or reach me."""

    def __init__(self) -> None:
        context = (
            r"(?:call|phone|mobile|cell|tel|telephone|text|reach|contact|number|ring|whatsapp)"
        )
        super().__init__(
            "PHONE_NUMBER",
            [rf"\b{context}\b[^0-9+(\n]{{0,24}}(?P<value>\+?\(?\d[\d\s().-]{{6,18}}\d)"],
            0.75,
            name="ContextualPhoneRecognizer",
        )

    def validate(self, value: str) -> bool:
        return _has_digits(value, 7)


# Words that follow "I'm", "this is", "my son" and are not names.
NOT_NAMES = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "so",
        "not",
        "no",
        "yes",
        "very",
        "really",
        "just",
        "also",
        "still",
        "always",
        "never",
        "here",
        "there",
        "feeling",
        "sick",
        "ill",
        "tired",
        "worried",
        "scared",
        "afraid",
        "anxious",
        "stressed",
        "pregnant",
        "diabetic",
        "asthmatic",
        "allergic",
        "sure",
        "sorry",
        "fine",
        "okay",
        "ok",
        "good",
        "great",
        "well",
        "better",
        "worse",
        "bad",
        "unwell",
        "dizzy",
        "nauseous",
        "having",
        "getting",
        "going",
        "taking",
        "trying",
        "looking",
        "wondering",
        "asking",
        "writing",
        "calling",
        "thinking",
        "dying",
        "in",
        "on",
        "at",
        "of",
        "to",
        "for",
        "with",
        "about",
        "from",
        "by",
        "after",
        "before",
        "since",
        "because",
        "if",
        "when",
        "while",
        "is",
        "has",
        "was",
        "have",
        "had",
        "been",
        "be",
        "can",
        "could",
        "will",
        "would",
        "should",
        "may",
        "might",
        "must",
        "do",
        "does",
        "did",
        "my",
        "your",
        "his",
        "her",
        "their",
        "our",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "who",
        "what",
        "which",
        "how",
        "why",
        "where",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "male",
        "female",
        "man",
        "woman",
        "boy",
        "girl",
        "years",
        "year",
        "old",
        "months",
        "weeks",
        "days",
        "age",
        "aged",
        "type",
        "on",
        "off",
        "hi",
        "hello",
        "hey",
        "dear",
        "thanks",
        "thank",
        "regards",
        "cheers",
        "urgent",
        "help",
        "please",
        "re",
        "new",
        "currently",
        "experiencing",
        "suffering",
        "struggling",
        "concerned",
        "curious",
        "interested",
        "new",
        "back",
        "home",
        "out",
        "up",
        "down",
        "over",
        "under",
        "all",
        "any",
        "some",
        "every",
        "each",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "now",
        "today",
        "tonight",
        "yesterday",
        "tomorrow",
        "morning",
        "evening",
        "night",
        "week",
        "month",
    ]
)


def _load_names(filename: str) -> frozenset[str]:
    lines = (DATA_DIR / filename).read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Common given names (lower case), for names typed in lower case after "I'm"."""
    return _load_names("first_names.txt")


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    return _load_names("surnames.txt")


@lru_cache(maxsize=1)
def medical_terms() -> frozenset[str]:
    """Eponyms and medicine names that must survive anonymization."""
    return _load_names("medical_terms.txt")


_INTRO = (
    r"(?:my\s+name\s+is|my\s+name'?s|name\s+is|i\s+am|i'?m|im|this\s+is|it'?s|call\s+me|"
    r"i\s+go\s+by|regards,?|thanks,?|cheers,?|from)"
)
_RELATION = (
    r"(?:my\s+(?:son|daughter|husband|wife|partner|boyfriend|girlfriend|fianc[eé]e?|mother|"
    r"mum|mom|father|dad|brother|sister|child|kid|baby|toddler|grandson|granddaughter|"
    r"grandmother|grandfather|grandma|grandpa|nan|aunt|auntie|uncle|niece|nephew|cousin|"
    r"friend|neighbou?r|colleague|carer|flatmate|roommate|gp|doctor|consultant|nurse)|"
    r"dr|doctor|nurse|mr|mrs|ms|miss|mx|prof|patient)\.?,?"
)
_WORD = r"[A-Za-z][A-Za-z'-]*"


class IntroducedNameRecognizer(GroupPatternRecognizer):
    """Names after an introduction ("I'm david chen") or a relation ("my son Lucas", "Dr. Brooks").

    spaCy's small model misses lower-case names. A name here starts with a known given name
    (any case) or a capitalised word that is not a common word; later words are capitalised or
    known surnames.
    """

    def __init__(self) -> None:
        super().__init__(
            "PERSON",
            [
                rf"(?i:\b{_INTRO})\s+(?P<value>{_WORD}(?:\s+{_WORD}){{0,2}})",
                rf"(?i:\b{_RELATION})\s+(?P<value>{_WORD}(?:\s+{_WORD}){{0,2}})",
            ],
            0.8,
            name="IntroducedNameRecognizer",
            flags=0,
        )

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        for pattern in self._patterns:
            for match in pattern.finditer(text):
                words = match.group("value").split()
                kept = _name_length(words)
                if kept:
                    start = match.start("value")
                    end = start + len(" ".join(words[:kept]))
                    results.append(RecognizerResult("PERSON", start, end, self._score))
        return results


def _is_acronym(word: str) -> bool:
    """MRN, ID, NHS, GP: all capitals, so not a name."""
    return len(word) > 1 and word.isupper()


def _name_length(words: list[str]) -> int:
    """How many leading words form a name; 0 when the first word is not one."""
    first = words[0]
    lowered = first.lower().strip("'")
    if lowered in NOT_NAMES or lowered in medical_terms() or _is_acronym(first):
        return 0
    if lowered not in first_names() and not (first[0].isupper() and len(first) > 1):
        return 0
    count = 1
    for word in words[1:]:
        lowered = word.lower()
        if lowered in NOT_NAMES or lowered in medical_terms() or _is_acronym(word):
            break
        if not (word[0].isupper() or lowered in surnames()):
            break
        count += 1
    return count


class OfflineEmailRecognizer(EmailRecognizer):
    """Presidio's e-mail recognizer, validating TLDs with tldextract's bundled suffix list.

    The stock one makes tldextract fetch the public suffix list over the network on first use.
    """

    _extract = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

    def validate_result(self, pattern_text: str) -> bool:
        result = self._extract(pattern_text)
        return bool(result.fqdn)
