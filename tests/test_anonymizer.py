"""Anonymization with the real Presidio and spaCy model, table-driven on labelled sets."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

import pytest

from assistant.anonymizer import Anonymizer
from assistant.placeholders import PlaceholderVault
from bot.evaluation import STRUCTURED_TYPES, score_pii, value_survives

from .conftest import load_jsonl

EXTRA = Path(__file__).parent / "data" / "pii_extra.jsonl"


def _extra_cases() -> list[dict[str, Any]]:
    return [json.loads(line) for line in EXTRA.read_text().splitlines() if line]


def _anonymize_all(anonymizer: Anonymizer, cases: list[dict[str, Any]]) -> dict[str, str]:
    return {c["id"]: anonymizer.anonymize(c["text"], PlaceholderVault()).text for c in cases}


@pytest.mark.parametrize("source", ["shared", "extra"])
def test_pii_bars(anonymizer: Anonymizer, source: str) -> None:
    cases = load_jsonl("pii_public.jsonl") if source == "shared" else _extra_cases()
    score = score_pii(cases, _anonymize_all(anonymizer, cases))
    assert score.removal_rate >= 0.95, f"PII survived: {score.misses}"
    assert not score.structured_leaks, f"structured identifiers survived: {score.structured_leaks}"
    assert score.keep_rate >= 0.90, f"clinical words lost: {score.lost_keep}"


@pytest.mark.parametrize(
    ("text", "entity", "value"),
    [
        ("My MRN is 00482913.", "MEDICAL_RECORD_NUMBER", "00482913"),
        ("hospital no: K1234567 for the clinic", "MEDICAL_RECORD_NUMBER", "K1234567"),
        ("insurance policy number ZX-44190-2, is it valid?", "INSURANCE_ID", "ZX-44190-2"),
        ("Send it to SW1A 1AA please", "UK_POSTCODE", "SW1A 1AA"),
        ("I live at 9 Church Lane now", "STREET_ADDRESS", "9 Church Lane"),
        ("born on 1 April 1980", "DATE_TIME", "1 April 1980"),
        ("DOB 1980-04-01", "DATE_TIME", "1980-04-01"),
        ("ask @nurse_jones on telegram", "USERNAME", "@nurse_jones"),
        ("my name is ruth and I feel dizzy", "PERSON", "ruth"),
        ("write to me at a.b@example.org", "EMAIL_ADDRESS", "a.b@example.org"),
    ],
)
def test_clinic_identifiers_are_found(
    anonymizer: Anonymizer, text: str, entity: str, value: str
) -> None:
    found = {(e.entity_type, text[e.start : e.end]) for e in anonymizer.find(text)}  # type: ignore[attr-defined]
    assert (entity, value) in found, found


@pytest.mark.parametrize(
    "text",
    [
        "I've had a fever for three days.",
        "The rash appeared two weeks ago.",
        "I'm 45 and my knees hurt.",
        "Can Parkinson's cause tremors?",
        "Does Hashimoto's thyroiditis make you tired?",
        "Is Zoloft safe in pregnancy?",
        "I take lisinopril and atorvastatin every morning.",
        "My 72 years old father has Alzheimer's.",
    ],
)
def test_clinical_meaning_is_kept(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text, PlaceholderVault()).text == text


def test_placeholders_are_typed_numbered_and_stable(anonymizer: Anonymizer) -> None:
    vault = PlaceholderVault()
    first = anonymizer.anonymize("I'm Sarah Mitchell, call 555-867-5309.", vault).text
    second = anonymizer.anonymize("Sarah Mitchell again, and my husband Tom Walsh.", vault).text
    assert "<PERSON_1>" in first and "<PHONE_NUMBER_1>" in first
    assert "<PERSON_1>" in second and "<PERSON_2>" in second
    assert "Sarah" not in first + second and "Walsh" not in second


def test_value_survives_checks_digit_runs() -> None:
    assert value_survives("943 476 5919", "number 9434765919")
    assert value_survives("943 476 5919", "ends in 5919")
    assert not value_survives("943 476 5919", "number <UK_NHS_1>")
    assert "UK_NHS" in STRUCTURED_TYPES


def test_email_recognizer_never_touches_the_network(
    anonymizer: Anonymizer, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    text = anonymizer.anonymize("mail x.y@newdomain.co.uk now", PlaceholderVault()).text
    assert "x.y@newdomain.co.uk" not in text
