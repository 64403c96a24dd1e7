"""The base of the custom recognizers, and the recognizers for contact details: phone
numbers, e-mail addresses, URLs and usernames.

A ``GroupPatternRecognizer`` reports only the identifying value (the ``value`` group of its
pattern), not the context words around it, so "call me on 07700 900123" keeps "call me on".
Identifiers are in identifiers.py, dates in calendar_dates.py, postcodes and street lines in
postal.py, names and places in names.py; how overlapping hits become the final spans is in
pii_spans.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import tldextract
from presidio_analyzer import EntityRecognizer, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import EmailRecognizer, UrlRecognizer

_DIGIT = re.compile(r"\d")


class EnglishRecognizer(EntityRecognizer):
    """The base of our own recognizers: English, registered under the class name unless named,
    and nothing to load (patterns compile in ``__init__``, word lists load on first use)."""

    def __init__(self, *entities: str, name: str | None = None) -> None:
        super().__init__(
            supported_entities=list(entities),
            name=name or type(self).__name__,
            supported_language="en",
        )

    def load(self) -> None:
        return None


class GroupPatternRecognizer(EnglishRecognizer):
    """A regex recognizer that reports the span of the pattern's ``value`` group.

    ``digit_patterns`` are patterns every match of which holds a digit: they are tried first,
    and only on texts with a digit (most messages have none). A value with fewer than
    ``min_digits`` digits is dropped (the default ``validate``).
    """

    def __init__(
        self,
        entity: str,
        patterns: Iterable[str],
        score: float,
        *,
        name: str,
        flags: int = re.IGNORECASE,
        digit_patterns: Iterable[str] = (),
        min_digits: int = 0,
    ) -> None:
        self._digit_patterns = [re.compile(p, flags) for p in digit_patterns]
        self._patterns = [re.compile(p, flags) for p in patterns]
        self._score = score
        self._min_digits = min_digits
        super().__init__(entity, name=name)

    def validate(self, value: str) -> bool:
        return sum(ch.isdigit() for ch in value) >= self._min_digits

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        searched = self._patterns
        if self._digit_patterns and _DIGIT.search(text) is not None:
            searched = self._digit_patterns + self._patterns
        for pattern in searched:
            for match in pattern.finditer(text):
                start, end = match.span("value")
                if start < 0 or not self.validate(match.group("value")):
                    continue
                results.append(
                    RecognizerResult(self.supported_entities[0], start, end, self._score)
                )
        return results


class UsernameRecognizer(GroupPatternRecognizer):
    """Telegram @usernames and Matrix ids (@user:server)."""

    def __init__(self) -> None:
        super().__init__(
            "USERNAME",
            [
                r"(?<![\w.@])(?P<value>@[A-Za-z][A-Za-z0-9_.=-]{3,31}(?::[A-Za-z0-9.-]+\.[A-Za-z]{2,})?)\b",
                # Without the @ after a cue: "user fatima_z", "username: jsmith84"
                r"(?i:\b(?:user(?:\s*name)?|handle|log\s*in|login|account|screen\s*name|"
                r"telegram|instagram|twitter|tiktok|snapchat|discord|skype)\s*(?:name|id)?\s*"
                r"(?:is|:|=)?\s*)(?P<value>[A-Za-z][A-Za-z0-9_.-]{2,31})\b",
            ],
            0.85,
            name="UsernameRecognizer",
            flags=0,
        )

    def validate(self, value: str) -> bool:
        # A bare word after "user" is a username only when it looks like one ("fatima_z",
        # "jsmith84"), not "user manual" or "account settings".
        return value.startswith("@") or any(ch.isdigit() or ch in "_." for ch in value)


class ContextualPhoneRecognizer(GroupPatternRecognizer):
    """Phone-like digit runs next to words such as call, phone, mobile or reach me."""

    def __init__(self) -> None:
        context = (
            r"(?:call|phone|mobile|cell|tel|telephone|text|reach|contact|number|ring|whatsapp)"
        )
        super().__init__(
            "PHONE_NUMBER",
            [rf"\b{context}\b[^0-9+(]{{0,24}}(?P<value>\+?\(?\d[\d \t().-]{{5,18}}\d)"],
            0.75,
            name="ContextualPhoneRecognizer",
            min_digits=7,
        )


class GatedPatternRecognizer(PatternRecognizer):
    """A pattern recognizer that searches only texts that could hold a match: the template
    owns the skip, a subclass says what every match needs (``could_match``)."""

    def could_match(self, text: str) -> bool:
        raise NotImplementedError

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        if not self.could_match(text):
            return []
        return super().analyze(text, entities, nlp_artifacts, regex_flags)


class OfflineEmailRecognizer(GatedPatternRecognizer, EmailRecognizer):
    """Presidio's e-mail recognizer, validating TLDs with tldextract's bundled suffix list.

    The stock one makes tldextract fetch the public suffix list over the network on first use.
    Every address its pattern finds holds an "@", so a text without one is not searched.
    """

    _extract = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

    def could_match(self, text: str) -> bool:
        return "@" in text

    def validate_result(self, pattern_text: str) -> bool:
        result = self._extract(pattern_text)
        return bool(result.fqdn)


#: what every match of Presidio's URL patterns contains: a host character, a dot, then the
#: first two letters of a top-level domain (the patterns are case-insensitive)
_URL_NEEDS = re.compile(r"[a-z0-9.\-]\.[a-z]{2}", re.IGNORECASE)


class GatedUrlRecognizer(GatedPatternRecognizer, UrlRecognizer):
    """Presidio's URL recognizer, run only on texts that could hold a match.

    Its patterns alternate over hundreds of top-level domains: 0.32 ms a message on real
    consumer questions, most of which hold no "x.tld" at all; with the gate 0.03 ms, and no
    match is lost (the same spans on 2,000 real and benchmark texts).
    """

    def could_match(self, text: str) -> bool:
        return _URL_NEEDS.search(text) is not None


class InternationalPhoneRecognizer(GroupPatternRecognizer):
    """Phone numbers without a context word, in the groupings used around the world:
    "+41 (0)38 549 02 90", "021 253 109 8211", "9469 9966", "60-56-85-91". Eight digits or
    more in two or more groups (seven with a country code), so that doses, dates and counts
    stay."""

    def __init__(self) -> None:
        super().__init__(
            "PHONE_NUMBER",
            [
                r"(?<![\w+/.,:-])(?P<value>(?:\+\d{1,3}[ .-]?)?(?:\(0?\d{1,4}\)[ .-]?)?"
                r"\d{2,5}(?:[ .-]\d{2,5}){1,4})(?![\w/%]|[.,:-]\d)"
            ],
            0.6,
            name="InternationalPhoneRecognizer",
            flags=0,
        )

    def validate(self, value: str) -> bool:
        digits = sum(ch.isdigit() for ch in value)
        if digits > 15 or _DATE_LIKE_RE.fullmatch(value):
            return False
        return digits >= (7 if value.startswith("+") else 8)


_DATE_LIKE_RE = re.compile(
    r"(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d{2}"
)
