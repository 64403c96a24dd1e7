"""Whole postal addresses: a street line, then whatever address parts follow it (unit, town,
state, country, postcode), on one line with commas or over several lines.

A grammar rather than a list of templates: a *street core* starts the address and each *part*
after a comma or a line break extends it while it still reads as an address part. Street
cores:
- number, words, street type: "42 Elm Street", "501 W 42nd St", "3911 Fourth Avenue";
- a Continental street word: "Rua Igreja 25", "14 Rue des Lilas", "ul. Słowicza 10";
- a compound street name with its number: "Hauptstraße 12", "Koskikatu 25", "Storgatan 3";
- house number, capitalised words, number: "83393 Pärna 33" (Baltic, Czech, Nordic forms);
- PO boxes and military mail: "PO Box 12", "PSC 1234, Box 5678", "Unit 8012 Box 44, DPO AE".
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from assistant.places import countries, known_place, medical_vocab
from assistant.recognizers import EnglishRecognizer

# A capitalised or upper-case word in any script: "Elm", "Pärna", "ΕΓΚΩΜΗ", "O'Connell".
_CAP = r"(?:[^\W\d_a-z](?:[^\W\d_]|['’.-])*)"
_NUM = r"\d{1,6}[A-Za-z]?(?:[-/]\d{1,4}[A-Za-z]?)?"
_ORDINAL = r"\d{1,4}(?:st|nd|rd|th)"
_STREET_TYPE = (
    r"(?:street|st|road|rd|avenue|ave|av|lane|ln|drive|dr|close|cl|way|court|ct|place|pl|"
    r"boulevard|blvd|terrace|terr?|crescent|cres|grove|gr|gardens|gdns|square|sq|hill|row|"
    r"parkway|pkwy|highway|hwy|mews|walk|rise|park|circle|cir|trail|trl|view|green|greens|"
    r"heights|hts|loop|path|pike|plaza|point|pt|ridge|run|turnpike|tpke|expressway|expy|"
    r"freeway|fwy|alley|aly|causeway|crossing|xing|junction|jct|mill|mills|meadow|meadows|"
    r"wharf|quay|parade|esplanade|embankment|broadway|estate|gate|end|brae|wynd|vale|"
    r"manor|spur|track|circuit|cove|glen|harbour|harbor|landing|pass|port|station|summit|"
    r"village|ville|vista|bypass|center|centre|common|commons|creek|falls|field|fields|"
    r"forest|fork|fort|haven|island|isle|key|knoll|lake|lakes|lodge|mount|mountain|oval|"
    r"pines|plains|ranch|shore|shores|spring|springs|stream|underpass|valley|well|wells|"
    r"woods|extension|ext|islands?|forges?|courts|points|streets|roads|lanes|squares|"
    r"ports|mills|groves|parks|views|villages|ways|crests?|curves?|dales?|dams?|divides?|"
    r"estates|flats?|fords?|gardens|gateway|hollows?|inlets?|lights?|locks?|mall|motorway|"
    r"orchards?|overpass|passage|plaza|prairies?|radial|rapids?|rest|routes?|shoals?|"
    r"skyway|squares|stravenue|streams|terraces|trafficway|tunnels?|unions?|viaducts?|"
    r"vistas?)\.?"
)
_EU_STREET = (
    r"(?:rue|avenue|av\.|boulevard|bd\.?|place|chemin|all[ée]e|impasse|quai|calle|c/|avenida|"
    r"av\.?|paseo|plaza|carrer|rua|travessa|largo|pra[çc]a|via|viale|piazza|corso|strada|"
    r"vicolo|ulica|ul\.|aleja|al\.|plac|os\.|n[aá]m[eě]st[ií]|t[řr]ida|utca|u\.|út|"
    r"str\.|strada|bulevardul|calea|odos|οδός|leof\.|λεωφ\.|ulitsa|ул\.|prospekt|пр\.)"
)
_EU_LINK = r"(?:de|des|du|la|le|les|del|della|dei|di|da|do|dos|das|y|i|e|d'|l'|van|von|der|den)"
# Street names written as one word with the type at the end: German, Dutch, Nordic, Finnish,
# Estonian forms ("Hauptstraße", "Kerkstraat", "Storgatan", "Koskikatu", "Pärnu mnt").
_COMPOUND_SUFFIX = (
    r"(?:stra(?:ß|ss)e|str\.?|weg|gasse|platz|allee|ring|damm|ufer|laan|straat|gracht|plein|"
    r"singel|kade|vej|gade|gatan|gata|gate|veien|vegen|vägen|väg|stien|katu|tie|kuja|polku|"
    r"raitti|kaari|tee|rand|utca|u\.|út|tér|krt\.|körút|ulice|třída|mnt|puiestee)"
)
_UNIT = (
    r"(?:(?:apt|apartment|suite|ste|unit|flat|fl|floor|room|rm|bldg|building|block|blk|lot|"
    r"space|no|nr|dept|department|box|po\s+box|p\.?\s?o\.?\s+box|postbox|postfach|bus|app|"
    r"appt|piso|puerta|esc|top|stiege|wohnung|lgh)\.?\s*#?\s*[A-Za-z]?\d{1,6}[A-Za-z]?"
    r"|#\s*\d{1,6}[A-Za-z]?)"
)
_UNIT_WORDS = r"(?:apt|apartment|suite|ste|unit|flat|floor|room|box|building|block|lot)\.?"
_MILITARY = r"(?i:(?:APO|DPO|FPO)(?:\s+(?:AA|AE|AP))?(?:\s+\d{5}(?:-\d{4})?)?)"
_PSC = r"(?i:(?:PSC|CMR|Unit)[ \t]+\d{1,6},?[ \t]+Box[ \t]+\d{1,5})"
# A ship's name before its FPO line: "USS Mahler", "USNS Cesar Chavez".
_SHIP = r"(?i:USS|USNS|USNV|USCGC)[ \t]+[^\W\d_][\w'-]*(?:[ \t]+[^\W\d_][\w'-]*)?(?=[ \t]*(?:,|\n))"

_NOT_STREET_WORD = r"(?!(?i:of|the|and|in|on|for|to|a|an|my|is|at|with|or|from|by)\b)"
# A word of a street name typed in lower case: "12 elm street" (a street type must follow).
_LOWER = rf"{_NOT_STREET_WORD}[^\W\d_](?:[^\W\d_]|['’.-])*"
# Each street core with what every one of its matches holds: "digit" (a house or box number),
# "suffix" (a compound street word, then its number) or None. A core that cannot match in a
# text is left out of the alternation searched there: the others match as they did with it.
_CORES: list[tuple[str | None, str]] = [
    # 42 Elm Street | 3536 1659 Hoog St | 501 W 42nd St | 221B Baker Street | 12 elm street
    (
        "digit",
        rf"(?:{_NUM}[ \t]+)?{_NUM},?[ \t]+(?:(?:{_CAP}|{_ORDINAL}|{_EU_LINK})[ \t]+){{0,3}}(?:{_CAP}|{_ORDINAL})"
        rf"[ \t]+(?i:{_STREET_TYPE})(?![\w])",
    ),
    (
        "digit",
        rf"(?:{_NUM}[ \t]+)?{_NUM},?[ \t]+(?:{_LOWER}[ \t]+){{0,2}}{_LOWER}[ \t]+(?i:{_STREET_TYPE})(?![\w])",
    ),
    # Rua Igreja 25 | 14 Rue des Lilas | C/ Señores Curas 88 | ul. Słowicza 10
    (
        None,
        rf"(?:{_NUM}[ \t]+){{0,2}}(?<![^\W\d_])(?i:{_EU_STREET})[ \t]+(?:(?i:{_EU_LINK})[ \t]+){{0,2}}{_CAP}"
        rf"(?:[ \t]+(?:(?i:{_EU_LINK})[ \t]+)?{_CAP}){{0,3}}(?:,?[ \t]+{_NUM})?",
    ),
    (
        "digit",
        rf"{_NUM}[ \t]+(?<![^\W\d_])(?i:{_EU_STREET})[ \t]+(?:{_LOWER}[ \t]+){{0,2}}{_LOWER}[ \t]+{_NUM}",
    ),
    # 2505 Heatherleigh Suite 620: a street without a type word, then its unit
    (
        "digit",
        rf"(?:{_NUM}[ \t]+)?{_NUM},?[ \t]+{_NOT_STREET_WORD}{_CAP}(?:[ \t]+{_NOT_STREET_WORD}{_CAP})?"
        rf"(?=,?[ \t]+(?i:apt|apartment|suite|ste|unit|flat)\.?[ \t]*#?\d)",
    ),
    # Hauptstraße 12 | 7167 Skogstien 106 | Trenerys gate 232 | Koskikatu 25
    (
        "suffix",
        rf"(?:{_NUM}[ \t]+)?(?:{_CAP}[ \t]+){{0,2}}(?:[^\W\d_]+(?i:{_COMPOUND_SUFFIX})|(?<![^\W\d_])(?i:{_COMPOUND_SUFFIX}))"
        rf"[ \t]+{_NUM}",
    ),
    # 83393 Pärna 33 | 5850 Jana Nerudy 894: house number, name, number
    (
        "digit",
        rf"\d{{2,6}}[A-Za-z]?[ \t]+{_NOT_STREET_WORD}{_CAP}(?:[ \t]+{_NOT_STREET_WORD}{_CAP}){{0,2}}"
        rf"[ \t]+\d{{1,4}}[A-Za-z]?(?![\w:/.%])",
    ),
    # PO Box 12 | PSC 1234, Box 5678 | USNS Mercy
    (
        "digit",
        r"(?i:p\.?\s?o\.?[ \t]+box|post[ \t]+office[ \t]+box|postbox)[ \t]+\d{1,6}",
    ),
    (
        "digit",
        _PSC,
    ),
    (
        None,
        _SHIP,
    ),
]


def _cores_regex(*, digit: bool, suffix: bool) -> re.Pattern[str]:
    live = {None, "digit" if digit else None, "suffix" if suffix else None}
    return re.compile("|".join(f"(?:{core})" for need, core in _CORES if need in live))


# The alternation for a text, by (has a digit, has a compound street word before a number).
_CORE_RES = {
    (digit, suffix): _cores_regex(digit=digit, suffix=suffix)
    for digit in (False, True)
    for suffix in (False, True)
}
_DIGIT_RE = re.compile(r"\d")
_SPACE_THEN_DIGIT_RE = re.compile(r"[ \t]+\d")
_SUFFIX_AT_END_RE = re.compile(rf"(?i:{_COMPOUND_SUFFIX})\Z")
# Characters before a number searched for a suffix: twice the longest ("puiestee").
_SUFFIX_WINDOW = 16


def _has_compound_street_number(text: str) -> bool:
    """Whether a compound street suffix ends right before spaces and a digit ("gatan 3"):
    the compound core's every match holds one. Far cheaper than trying that core, whose
    open-ended word before the suffix is retried at every letter of the text."""
    for match in _SPACE_THEN_DIGIT_RE.finditer(text):
        start = match.start()
        if _SUFFIX_AT_END_RE.search(text, max(0, start - _SUFFIX_WINDOW), start):
            return True
    return False


def _core_regex(text: str) -> re.Pattern[str]:
    if _DIGIT_RE.search(text) is None:
        return _CORE_RES[False, False]
    return _CORE_RES[True, _has_compound_street_number(text)]


# A street name and number after "lives on", "is on", "located at": "lives on Kirkegata 14",
# "the station is on Pod Lipami 12" (no street word, but the cue says it is a street).
_CUED_STREET_RE = re.compile(
    r"(?i:\b(?:lives?|living|located|moved)[ \t]+(?:on|at))[ \t]+"
    rf"(?P<value>{_CAP}(?:[ \t]+(?:{_CAP}|(?i:{_EU_LINK}))){{0,3}}[ \t]+\d{{1,5}}[A-Za-z]?)"
    r"(?![\w:/.%,]\d|[ \t]*(?:%|mg|ml|am|pm|years?|days?|weeks?|months?)\b)"
)
# An address part after a comma or a line break. Lines may carry a quote or list prefix.
_SEP = r"(?:[ \t]*,[ \t]*|(?:[ \t]*\.?[ \t]*\n[^\w\n#(+]{0,6}){1,2}[ \t]*(?:,[ \t]*)?|[ \t]+)"
_SEP_RE = re.compile(_SEP)
_POSTCODE = (
    r"(?:\d{3,6}(?:[- ]\d{2,4})?|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d|"
    r"[A-Z]{1,2}-\d{4,5})"
)
_US_STATE_CODES = (
    "al|ak|az|ar|ca|co|ct|de|dc|fl|ga|hi|id|il|in|ia|ks|ky|la|me|md|ma|mi|mn|ms|mo|mt|ne|nv|"
    "nh|nj|nm|ny|nc|nd|oh|ok|or|pa|ri|sc|sd|tn|tx|ut|vt|va|wa|wv|wi|wy|pr"
)
_PART_RES = [
    ("unit", re.compile(_UNIT, re.IGNORECASE)),
    # A state and ZIP code in any case: "OH 45402", "oh 45402-1234".
    ("state_zip", re.compile(rf"(?i:{_US_STATE_CODES})[ \t]+\d{{5}}(?:-\d{{4}})?(?![\w])")),
    ("military", re.compile(_MILITARY)),
    ("postcode", re.compile(rf"{_POSTCODE}(?![\w])")),
    # A street name without a number after a PO box or a building: "Medvedev Islands".
    ("street", re.compile(rf"(?:{_CAP}[ \t]+){{1,3}}(?i:{_STREET_TYPE})(?![\w])")),
    # A known town typed in lower case: "12 elm street, leeds".
    ("lower_place", re.compile(r"[^\W\d_]+(?:[ \t-][^\W\d_]+){0,2}")),
    # Town, state or country, maybe with a postcode: "Brakpan", "SANDEFJORD", "Mill Village",
    # "Cyprus (Greek) 78891", "NS", "Mora de Rubielos".
    (
        "place",
        re.compile(
            rf"{_CAP}(?:[ \t]+(?:(?i:{_EU_LINK})[ \t]+)?{_CAP}){{0,3}}(?:[ \t]*\([^()\n]{{1,30}}\))?"
            rf"(?:[ \t]+{_POSTCODE}(?![\w]))?"
        ),
    ),
]
_CORNER_RE = re.compile(
    rf"\b(?:the\s+)?corner\s+of\s+(?P<a>(?:{_CAP}|{_ORDINAL}|{_NUM})(?:\s+(?:{_CAP}|{_ORDINAL}|{_NUM}|(?i:{_EU_LINK}))){{0,4}})"
    rf"\s+(?:and|&)\s+(?P<b>(?:{_CAP}|{_ORDINAL}|{_NUM})(?:\s+(?:{_CAP}|{_ORDINAL}|{_NUM}|(?i:{_EU_LINK}))){{0,4}})",
)
_MILITARY_RE = re.compile(rf"\b{_MILITARY}")
_FIVE_DIGITS_RE = re.compile(r"\d{5}")
_MAX_PARTS = 6
_QUALIFIER_RE = re.compile(r"[ \t]*\([^()\n]{1,30}\)")


class AddressRecognizer(EnglishRecognizer):
    """The whole address from its street line on (see the module docstring)."""

    def __init__(self) -> None:
        super().__init__("STREET_ADDRESS")

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        for match in _core_regex(text).finditer(text):
            start, end = match.span()
            if _looks_like_a_date_or_measure(text, start, end) or _clinical(match.group()):
                continue
            end = extend_address(text, end)
            results.append(RecognizerResult("STREET_ADDRESS", start, end, 0.85))
        for match in _CUED_STREET_RE.finditer(text):
            if not _clinical(match.group("value")):
                end = extend_address(text, match.end("value"))
                results.append(RecognizerResult("STREET_ADDRESS", match.start("value"), end, 0.8))
        for match in _CORNER_RE.finditer(text) if "corner" in text else ():
            results.append(RecognizerResult("STREET_ADDRESS", match.start(), match.end(), 0.8))
        # Only a military line with a five-digit ZIP counts: no such digits, nothing to find.
        for match in _MILITARY_RE.finditer(text) if _FIVE_DIGITS_RE.search(text) else ():
            if _FIVE_DIGITS_RE.search(match.group()):
                results.append(RecognizerResult("STREET_ADDRESS", *match.span(), 0.85))
        return results


def extend_address(text: str, end: int) -> int:
    """Extend an address that ends at ``end`` over the unit, town, state, country and postcode
    parts that follow it."""
    for _ in range(_MAX_PARTS):
        sep = _SEP_RE.match(text, end)
        if sep is None:
            break
        gap = sep.group()
        after = sep.end()
        part_end = _address_part(text, after, bare_space=(gap.strip() == "" and "\n" not in gap))
        if part_end is None:
            break
        end = part_end
    return end


def _address_part(text: str, start: int, *, bare_space: bool) -> int | None:
    for kind, pattern in _PART_RES:
        match = pattern.match(text, start)
        if match is None or match.end() == start:
            continue
        match.group()
        if kind == "place" and not _plausible_place_part(text, match, bare_space=bare_space):
            continue
        if kind == "lower_place":
            known_end = _known_lower_place(match)
            if known_end is None:
                continue
            qualifier = _QUALIFIER_RE.match(text, known_end)  # "Cyprus (Greek)"
            return qualifier.end() if qualifier else known_end
        if bare_space and kind not in {
            "unit",
            "postcode",
            "military",
            "place",
            "state_zip",
            "street",
        }:
            continue
        return match.end()
    return None


# Words that end an address when they come next: the sentence goes on.
_SENTENCE_WORDS = re.compile(
    r"(?i:and|or|but|is|was|are|were|has|have|had|i|my|we|you|he|she|they|it|the|a|an|"
    r"please|thanks|thank|since|for|to|from|with|at|on|in|by|next|last|this|that|so|if|when|"
    r"where|who|how|what|which|because|then|also|dear|hi|hello|regards|phone|tel|email|mail|"
    r"e-mail|website|web|mobile|fax|call|ring|text|dob|born|date|name|ssn|nhs|mrn|id|card)$"
)


def _plausible_place_part(text: str, match: re.Match[str], *, bare_space: bool) -> bool:
    words = match.group().split()
    first = words[0].strip("(),.")
    # "ON", "IN", "OR", "AT 31295": a region code, alone or before its postcode.
    state_code = first.isupper() and len(first) <= 3 and all(w.isdigit() for w in words[1:])
    if _SENTENCE_WORDS.match(first) and not state_code:
        return False
    following = text[match.end() : match.end() + 2]
    if bare_space:
        # "Street Springfield": without a comma or a line break, only a known place, a
        # country or an all-capitals word (a state or a town) continues the address.
        head = " ".join(w for w in words if not any(ch.isdigit() for ch in w))
        if not (known_place(head) or head.lower() in countries() or head.isupper()):
            return False
    # "Brakpan is lovely" would read on: a place part ends at a break, comma or the end.
    return (
        following == ""
        or following[0] in ",\n.;)"
        or following.startswith(" \n")
        or (following[0] == " " and not re.match(r" [a-z]", following))
    )


_EU_STREET_RE = re.compile(_EU_STREET, re.IGNORECASE)
_ADDRESS_WORD_RE = re.compile(
    rf"{_UNIT_WORDS}|{_STREET_TYPE}|psc|cmr|uss|usns|usnv|uscgc|po|p\.o\.|box", re.IGNORECASE
)


def _clinical(value: str) -> bool:
    """ "2 Covid 19", "12 Hep B 3": clinical words make it a count, not an address, unless a
    street word says otherwise ("63 Avenue du Golf")."""
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", value)]
    if any(_ADDRESS_WORD_RE.fullmatch(w) or _EU_STREET_RE.fullmatch(w) for w in words):
        return False
    return any(w in medical_vocab() and not _ADDRESS_WORD_RE.fullmatch(w) for w in words)


def _known_lower_place(match: re.Match[str]) -> int | None:
    """The end of the longest known town or country at the start of ``match``."""
    words = list(re.finditer(r"[^\s]+", match.group()))
    while words:
        value = match.group()[: words[-1].end()]
        if known_place(value) or " ".join(value.split()).lower() in countries():
            return match.start() + words[-1].end()
        words.pop()
    return None


def _looks_like_a_date_or_measure(text: str, start: int, end: int) -> bool:
    value = text[start:end]
    return bool(re.fullmatch(r"\d{1,2}\s+\w+\s+\d{2,4}", value) and _month_in(value))


def _month_in(value: str) -> bool:
    return bool(
        re.search(
            r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b",
            value,
        )
    )


class PostcodeAfterPlaceRecognizer(EnglishRecognizer):
    """A town and its postcode in running text: "in Costamezzana 43015", "Bjert 6091"."""

    _RE = re.compile(
        rf"\b(?:in|at|to|from|near)\s+(?P<town>{_CAP}(?:\s+(?:(?i:{_EU_LINK})\s+)?{_CAP}){{0,2}})"
        rf"\s+(?P<code>\d{{4,5}}|[A-Z]{{1,2}}\d[A-Z\d]?\s?\d[A-Z]{{2}})\b(?![.,]\d|\s*(?:mg|ml|%))"
    )

    def __init__(self) -> None:
        super().__init__("LOCATION", "US_ZIP_CODE")

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        for match in self._RE.finditer(text):
            first = match.group("town").split()[0]
            if _SENTENCE_WORDS.match(first) or re.fullmatch(_UNIT_WORDS, first, re.IGNORECASE):
                continue
            results.append(RecognizerResult("LOCATION", *match.span("town"), 0.75))
            results.append(RecognizerResult("US_ZIP_CODE", *match.span("code"), 0.75))
        return results
