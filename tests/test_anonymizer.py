"""Anonymization with the real Presidio and spaCy model, table-driven on labelled sets."""

from __future__ import annotations

import re
import socket
from pathlib import Path
from typing import Any

import pytest

from assistant.anonymizer import Anonymizer
from assistant.placeholders import PlaceholderVault
from bot import evaluation
from bot.evaluation import STRUCTURED_TYPES, score_pii, value_survives

from .conftest import load_jsonl

EXTRA = Path(__file__).parent / "data" / "pii_extra.jsonl"


def _extra_cases() -> list[dict[str, Any]]:
    return evaluation.load_jsonl(EXTRA)


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
        # Context variants and formats found missing in blind rounds (tests/data/pii_extra.jsonl)
        ("pt in bay 4, hosp no 7720193, post-op", "MEDICAL_RECORD_NUMBER", "7720193"),
        ("SSN: 287 65 4321, ins group# 882100", "INSURANCE_ID", "882100"),
        ("Member ID: UHC884721093, Group: 7731-A", "INSURANCE_ID", "7731-A"),
        ("claim number CLM-2024-778812", "INSURANCE_ID", "CLM-2024-778812"),
        ("quote ref 77382910 please", "ID_NUMBER", "77382910"),
        ("card ending 4242 was declined", "ID_NUMBER", "4242"),
        ("1420 Maple Ave, Columbus, OH 43215", "US_ZIP_CODE", "43215"),
        ("my address is Flat 4, 27 Victoria Road", "STREET_ADDRESS", "Flat 4, 27 Victoria Road"),
        ("send it to 501 W 42nd St, New York", "STREET_ADDRESS", "501 W 42nd St"),
        ("we're at 14 Rue des Lilas, 75011 Paris", "STREET_ADDRESS", "14 Rue des Lilas"),
        ("new address: 88 Kingsway, Cardiff", "STREET_ADDRESS", "88 Kingsway"),
        ("DOB: 07-Jun-1990 | Tel: none", "DATE_TIME", "07-Jun-1990"),
        ("DOB 3rd Feb '72, chest infection", "DATE_TIME", "3rd Feb '72"),
        ("appt on 21/03 with the nurse", "DATE_TIME", "21/03"),
        ("user fatima_z asked about her meds", "USERNAME", "fatima_z"),
        ("Handover: Bed 7 - Aaliyah Rahman, 34F", "PERSON", "Aaliyah Rahman"),
        ("i think my son tomasz has hand foot and mouth", "PERSON", "tomasz"),
        ("my name is oyelaran babatunde and my BP is high", "PERSON", "oyelaran babatunde"),
        ("book me in with dr adeyemi-cole next week", "PERSON", "adeyemi-cole"),
        ("Please update my email - Ananya Reddy", "PERSON", "Ananya Reddy"),
        ("Thanks, Lucía Fernández", "PERSON", "Lucía Fernández"),
        ("Dr Rajesh Gupta said my HbA1c was 48", "PERSON", "Rajesh Gupta"),
        ("my daughter aisha has tourette's", "PERSON", "aisha"),
        ("the waiting list is long here in Bristol", "LOCATION", "Bristol"),
        ("56 Harbour View Rd, Cobh, Co. Cork", "LOCATION", "Cork"),
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
        "Does Graves' disease cause weight loss?",
        "Guillain-Barre after the flu vaccine, is that real?",
        "Cholesterol 6.2, LDL 4.1, do I need a statin?",
        "My husband snores and stops breathing at night.",
        "BP this morning was 150/100 and platelets were 150000.",
        "I walk 10,000 steps and take 50000 IU of vitamin D.",
        "Pain is 7/10, palpitations x 3/7.",
        "Consultant Rheumatologist review next week.",
        "Headaches every morning since I started Lipitor. Normal?",
        "Ozempic made me nauseous for the first two weeks.",
    ],
)
def test_clinical_meaning_is_kept(anonymizer: Anonymizer, text: str) -> None:
    assert anonymizer.anonymize(text, PlaceholderVault()).text == text


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("SSN ending 4821, full: 601-44-4821", "4821"),
        ("claim number CLM-2024-778812", "CLM"),
        ("DOB: 07-Jun-1990", "Jun"),
        ("Dr Rajesh Gupta said my HbA1c was 48", "Gupta"),
        ("Consultant: Dr Yetunde Bakare, tel 0113 392 6000", "6000"),
    ],
)
def test_no_fragment_of_a_value_survives(anonymizer: Anonymizer, text: str, fragment: str) -> None:
    assert fragment not in anonymizer.anonymize(text, PlaceholderVault()).text


def test_relation_words_and_verbs_stay_outside_names(anonymizer: Anonymizer) -> None:
    text = anonymizer.anonymize(
        "my daughter aisha has a rash and Dr Rajesh Gupta said it is eczema", PlaceholderVault()
    ).text
    assert re.fullmatch(
        r"my daughter <PERSON_\d> has a rash and Dr <PERSON_\d> said it is eczema", text
    )


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
