"""Recognizers for the identifiers a clinic sees and stock Presidio misses: record, insurance
and other ID numbers, postcodes and ZIP codes, street addresses, calendar dates, usernames.

Each one reports only the identifying value (the ``value`` group of its pattern), not the
context words around it, so "MRN: A7731902" keeps "MRN:" and loses the number. Names and
places are in names.py; how overlapping hits become the final spans is in pii_spans.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import tldextract
from presidio_analyzer import EntityRecognizer, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import EmailRecognizer, UrlRecognizer

from assistant.word_lists import word_set

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_SHORT_YEAR = r"['’]\d{2}\b"  # 3rd Feb '72
_WEEKDAYS = (
    r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mondays|tuesdays|"
    r"wednesdays|thursdays|fridays|saturdays|sundays)"
)
# A number before these is a quantity, not a year: "2000 steps", "1500 mg".
_UNITS_WORDS = r"mg|mcg|ml|g\b|kg|iu|units?|steps|calories|kcal|cal\b|mmol|%|people|patients"


_DIGIT = re.compile(r"\d")


class GroupPatternRecognizer(EntityRecognizer):
    """A regex recognizer that reports the span of the pattern's ``value`` group.

    ``digit_patterns`` are patterns every match of which holds a digit: they are tried first,
    and only on texts with a digit (most messages have none).
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
    ) -> None:
        self._digit_patterns = [re.compile(p, flags) for p in digit_patterns]
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


def _has_digits(value: str, minimum: int) -> bool:
    return sum(ch.isdigit() for ch in value) >= minimum


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
        )

    def validate(self, value: str) -> bool:
        return _has_digits(value, 4)


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
        )

    def validate(self, value: str) -> bool:
        return _has_digits(value, 3)


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


class IdNumberRecognizer(EntityRecognizer):
    """Any other identifier-like token: six or more digits, or five with letters mixed in
    ("ref 77382910", "W3349281702"). In a clinic chat such a token is a record, claim, card or
    account number far more often than a measurement; doses and counts with a unit, and
    numbers written with thousands separators ("10,000"), stay."""

    def __init__(self) -> None:
        super().__init__(
            supported_entities=["ID_NUMBER"], name="IdNumberRecognizer", supported_language="en"
        )

    def load(self) -> None:
        return None

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


_UNIT = r"(?i:flat|apt|apartment|unit|suite|ste|room)\.?\s*#?\d+[A-Z]?"


_ADDRESS_CUE = (
    r"(?i:\baddress(?:\s+is)?|\b(?:i\s+)?(?:live|living|lives|moved|moving|staying)\s+(?:to|at)"
    r"|\b(?:send|post|deliver|mail)\s+(?:it\s+|them\s+|this\s+|the\s+\w+\s+)?to)"
)


# A word of a street name: "Victoria", "W 42nd", "Heol y Felin", "Rue de la Paix".
_STREET_WORD = r"(?:(?:y|de|la|le|del|du|of|the|upon|on)\s+)?(?:[A-Z][\w'-]*|\d+(?:st|nd|rd|th))"


_EU_STREET = (
    r"(?i:rue|avenue|av\.|boulevard|bd\.?|place|chemin|all[ée]e|impasse|calle|avenida|paseo|"
    r"plaza|carrer|rua|pra[çc]a|travessa|via|viale|piazza|corso|strada|ulica|ul\.|aleja|plac)"
)
_EU_LINK = r"(?i:de|des|du|la|le|les|del|della|di|da|do|dos|das|y|i)"
_EU_SUFFIX = (
    r"(?i:stra(?:ß|ss)e|str\.|weg|gasse|platz|allee|ring|laan|straat|gracht|plein|vej|gatan|gata)"
)


class StreetAddressRecognizer(GroupPatternRecognizer):
    def __init__(self) -> None:
        super().__init__(
            "STREET_ADDRESS",
            [
                # 42 Elm Street, 221B Baker Street, Flat 4, 27 Victoria Road, 1420 Maple Ave, Apt 3B
                rf"(?P<value>\b(?:{_UNIT},?\s+)?"
                rf"\d{{1,5}}[A-Z]?,?\s+(?:{_STREET_WORD}\s+){{1,3}}{_STREET_TYPES}"
                rf"(?:,?\s+(?:{_UNIT}|\#\s?\d+[A-Z]?))?)(?!\w)",
                # Continental Europe: "14 Rue des Lilas", "Calle Mayor 5", "Hauptstraße 12a"
                rf"(?P<value>\b(?:\d{{1,5}}[A-Z]?,?\s+)?{_EU_STREET}(?:\s+{_EU_LINK}){{0,2}}"
                rf"(?:\s+[A-Z][\w'-]+){{1,3}}(?:,?\s+\d{{1,4}}[A-Za-z]?\b)?)",
                rf"(?P<value>\b[A-Z][\w-]*{_EU_SUFFIX}\s+\d{{1,4}}[A-Za-z]?)\b",
                # No street type, but said to be an address: "address: 88 Kingsway"
                rf"{_ADDRESS_CUE}\s*:?\s*(?P<value>(?:{_UNIT},?\s+)?\d{{1,5}}[A-Z]?,?\s+"
                rf"{_STREET_WORD}(?:\s+{_STREET_WORD}){{0,2}})",
            ],
            0.85,
            name="StreetAddressRecognizer",
            flags=0,
        )


_US_STATES = word_set(
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH "
    "NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR"
)
_US_STATE_NAMES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|"
    "Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|"
    "Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|"
    "New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|"
    "Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|"
    "West Virginia|Wisconsin|Wyoming"
)


class UsZipCodeRecognizer(GroupPatternRecognizer):
    """US ZIP codes after a state ("Columbus, OH 43215") or the word ZIP."""

    def __init__(self) -> None:
        states = "|".join(sorted(_US_STATES))
        super().__init__(
            "US_ZIP_CODE",
            [
                rf"\b(?:{states}|{_US_STATE_NAMES}),?\s+(?P<value>\d{{5}}(?:-\d{{4}})?)\b",
                r"(?i:\bzip(?:\s*code)?|\bpost(?:al\s+)?code|\bpostcode|\bplz)\s*(?:is|:|#)?\s*"
                r"(?P<value>\d{3,6}(?:[- ]\d{2,4})?|[A-Z]\d[A-Z]\s?\d[A-Z]\d)\b",
            ],
            0.85,
            name="UsZipCodeRecognizer",
            flags=0,
        )


class CalendarDateRecognizer(GroupPatternRecognizer):
    """Calendar dates (a day and a month, with or without the year). Durations and ages are
    not dates and stay ("for three days", "two weeks ago", "I'm 45")."""

    def __init__(self) -> None:
        super().__init__(
            "DATE_TIME",
            # Weekdays date an event against the message's own timestamp.
            [rf"\b(?P<value>{_WEEKDAYS})\b"],
            0.85,
            name="CalendarDateRecognizer",
            # Every other form holds a day, a month number or a year in digits.
            digit_patterns=[
                rf"\b(?P<value>{_DAY}\s+(?:of\s+)?{_MONTHS}\b\.?(?:,?\s+(?:{_YEAR}\b|{_SHORT_YEAR}))?)",
                # 07-Jun-1990, 3/Jan/85
                rf"\b(?P<value>{_DAY}[-/.]{_MONTHS}[-/.](?:{_YEAR}|\d{{2}}))\b",
                rf"\b(?P<value>{_MONTHS}\.?\s+{_DAY}\b(?:,?\s+(?:{_YEAR}\b|{_SHORT_YEAR}))?)",
                r"\b(?P<value>(?:0?[1-9]|[12]\d|3[01])[/.-](?:0?[1-9]|1[0-2])[/.-](?:\d{4}|\d{2}))\b",
                r"\b(?P<value>(?:0?[1-9]|1[0-2])[/.-](?:0?[1-9]|[12]\d|3[01])[/.-](?:\d{4}|\d{2}))\b",
                r"\b(?P<value>(?:19|20)\d{2}(?P<sep>[-/.])(?:0?[1-9]|1[0-2])(?P=sep)(?:0?[1-9]|[12]\d|3[01])"
                r"(?:[ T](?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?)?)\b",
                # A day and month without the year only after a cue: "10/10" may be a pain score.
                r"(?i:\b(?:on|since|from|until|till|by|due|dated?|appt|appointment|booked\s+for|"
                r"seen|admitted|discharged)\s+)"
                r"(?P<value>(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2]))\b(?![/.]\d)",
                rf"\b(?:born|dob|date\s+of\s+birth|birthday)\b[^.\n]{{0,12}}?(?P<value>{_MONTHS}\s+{_YEAR}|{_YEAR})\b",
                # Month and year: "March 2019", "in Sept '98"
                rf"\b(?P<value>{_MONTHS}\.?,?\s+(?:{_YEAR}\b|{_SHORT_YEAR}))",
                # A bare year that dates an event: "in 2014", "since 1998", "a 1979 film"
                rf"\b(?:in|since|from|until|till|by|of|during|before|after|around|circa|c\.|"
                rf"early|late|mid|year|born|summer|winter|spring|autumn|fall|a|the|between|and)"
                rf"\s+(?P<value>{_YEAR})\b(?![-/.:,]?\d|\s*(?:{_UNITS_WORDS}))",
            ],
        )


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
            [rf"\b{context}\b[^0-9+(]{{0,24}}(?P<value>\+?\(?\d[\d \t().-]{{5,18}}\d)"],
            0.75,
            name="ContextualPhoneRecognizer",
        )

    def validate(self, value: str) -> bool:
        return _has_digits(value, 7)


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
