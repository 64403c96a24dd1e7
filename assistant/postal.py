"""Postcodes, ZIP codes and single street lines, by pattern. Whole addresses (a street line
with its town, state, country and postcode) are in addresses.py."""

from __future__ import annotations

from assistant.recognizers import GroupPatternRecognizer
from assistant.word_lists import word_set


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
