"""Calendar dates: a day and a month, with or without the year; a month and year; a year
that dates an event; a weekday. Durations and ages are not dates and stay."""

from __future__ import annotations

from assistant.recognizers import GroupPatternRecognizer

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
