"""Recognizers that skip texts (or patterns) that cannot hold a match lose nothing."""

from __future__ import annotations

import re

import pytest
from presidio_analyzer import EntityRecognizer
from presidio_analyzer.predefined_recognizers import EmailRecognizer, PhoneRecognizer, UrlRecognizer

from assistant import addresses
from assistant.addresses import AddressRecognizer
from assistant.calendar_dates import CalendarDateRecognizer
from assistant.phone_gate import GatedPhoneRecognizer
from assistant.recognizers import GatedUrlRecognizer, OfflineEmailRecognizer
from bot.evaluation import LABEL_DIR, load_jsonl

TEXTS = [
    "see www.example.org for the leaflet",
    "Visit NHS.UK/conditions/flu or https://clinic.example.com/book?x=1",
    "the clinic site is 'portal.health-care.co.uk'",
    "Mail me at jo.bloggs@example.com or JO@EXAMPLE.ORG",
    "my number is 07700 900123. What helps a sore throat?",
    "I took 2.5mg at 8.30, e.g. after food. Is that ok?",
    "no links here at all",
    "ring the Berlin practice on +49 30 901820 or 030 901820",
    "the desk is 212-555-0143 (NY), the lab 0161 496 0000",
    "my son is 7, took 2 doses at 10 and 15 mg",
]


class _StockEmail(OfflineEmailRecognizer):
    """The offline recognizer without its gate: what the gate must agree with."""

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):  # type: ignore[no-untyped-def]
        return EmailRecognizer.analyze(self, text, entities, nlp_artifacts, regex_flags)


def _spans(recognizer: EntityRecognizer, text: str, entity: str) -> list[tuple]:
    found = recognizer.analyze(text, [entity], None)  # type: ignore[arg-type]
    return [(r.start, r.end, round(r.score, 3)) for r in found]


def _our_texts() -> list[str]:
    names = ("pii_extra", "pii_chat_heldout", "pii_chat_heldout2", "intents_extra")
    return TEXTS + [
        case["text"] for name in names for case in load_jsonl(LABEL_DIR / f"{name}.jsonl")
    ]


@pytest.mark.parametrize(
    ("gated", "stock", "entity"),
    [
        (GatedUrlRecognizer(), UrlRecognizer(), "URL"),
        (OfflineEmailRecognizer(), _StockEmail(), "EMAIL_ADDRESS"),
        (GatedPhoneRecognizer(), PhoneRecognizer(), "PHONE_NUMBER"),
    ],
)
def test_the_gate_finds_exactly_what_the_stock_recognizer_finds(
    gated: EntityRecognizer, stock: EntityRecognizer, entity: str
) -> None:
    texts = _our_texts()
    found = 0
    for text in texts:
        expected = _spans(stock, text, entity)
        assert _spans(gated, text, entity) == expected, text
        found += len(expected)
    assert found >= 4  # the table above holds real URLs and addresses


@pytest.mark.parametrize(
    ("text", "entity", "count"),
    [
        (TEXTS[0], "URL", 1),
        (TEXTS[3], "EMAIL_ADDRESS", 2),
        (TEXTS[4], "URL", 0),
        (TEXTS[6], "EMAIL_ADDRESS", 0),
        (TEXTS[7], "PHONE_NUMBER", 2),
        (TEXTS[8], "PHONE_NUMBER", 2),
        (TEXTS[9], "PHONE_NUMBER", 0),
    ],
)
def test_gated_recognizers_still_find_their_values(text: str, entity: str, count: int) -> None:
    recognizers: dict[str, EntityRecognizer] = {
        "URL": GatedUrlRecognizer(),
        "EMAIL_ADDRESS": OfflineEmailRecognizer(),
        "PHONE_NUMBER": GatedPhoneRecognizer(),
    }
    assert len(recognizers[entity].analyze(text, [entity], None)) == count  # type: ignore[arg-type]


def test_the_phone_gate_reads_its_minimum_from_the_metadata() -> None:
    gate = GatedPhoneRecognizer()
    # the shortest national numbers of the eight stock regions are a few digits long
    assert 3 <= gate.min_digits <= 7
    assert str(gate.name) == "PhoneRecognizer"
    short = "7" * (gate.min_digits - 1)
    assert gate.analyze(f"call {short} now", ["PHONE_NUMBER"], None) == []


# Addresses and dates whose forms the gates must keep: digits, compound street words before a
# number, Continental streets and ships without digits, weekdays.
GATED_FORMS = [
    "I live at 42 Elm Street, Leeds LS1 4AB",
    "send it to Hauptstraße 12, 10115 Berlin please",
    "my flat is on Storgatan 3 in town",
    "she lives on Rue des Lilas near the park",
    "USNS Mercy, FPO AP 96672",
    "PSC 1234, Box 5678, APO AE 09012",
    "at the corner of Main and 5th",
    "seen on 3rd March 2021 and again on Monday",
    "born 12/05/1980, admitted since 4/6",
    "no digits here, just a headache since Tuesday",
]


def _all_cores(text: str) -> re.Pattern[str]:
    return addresses._CORE_RES[True, True]


def test_the_address_gate_finds_what_all_street_cores_find(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = GATED_FORMS + _our_texts()
    recognizer = AddressRecognizer()
    gated = [_spans(recognizer, text, "STREET_ADDRESS") for text in texts]
    monkeypatch.setattr(addresses, "_core_regex", _all_cores)
    assert gated == [_spans(recognizer, text, "STREET_ADDRESS") for text in texts]
    assert sum(map(len, gated)) >= 5


class _EveryDatePattern(CalendarDateRecognizer):
    """Every date pattern tried on every text, in the same order: what the gate must match."""

    def __init__(self) -> None:
        super().__init__()
        self._patterns = self._digit_patterns + self._patterns
        self._digit_patterns = []


def test_the_date_gate_finds_what_every_date_pattern_finds() -> None:
    gated, every = CalendarDateRecognizer(), _EveryDatePattern()
    found = 0
    for text in GATED_FORMS + _our_texts():
        expected = _spans(every, text, "DATE_TIME")
        assert _spans(gated, text, "DATE_TIME") == expected, text
        found += len(expected)
    assert found >= 4
