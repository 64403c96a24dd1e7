"""Reading a patient's plain words for the handoff: a request for a person, and the answer
to the consent question (our own phrasings; no external text)."""

from __future__ import annotations

import pytest

from assistant.handoff.wording import Consent, asks_for_a_person, read_consent, request_details


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("can I talk to a nurse", True),
        ("Can I speak with a doctor please?", True),
        ("real person please", True),
        ("I want to talk to a human", True),
        ("a nurse please", True),
        ("human", True),
        ("put me through to someone at the clinic", True),
        ("I'd rather not talk to a bot, I need a real person", True),
        ("could I chat with one of your nurses about my results", True),
        ("connect me with the clinic team", True),
        ("Should I see a doctor about a cough that lasts three weeks?", False),
        ("my nurse told me to talk to a pharmacist about it", False),
        ("What does a nurse practitioner do?", False),
        ("How do I book an appointment with my GP?", False),
        ("the doctor said my blood pressure is high", False),
        ("", False),
    ],
)
def test_asks_for_a_person(text: str, asks: bool) -> None:
    assert asks_for_a_person(text) is asks


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("yes", Consent.YES),
        ("Yes please!", Consent.YES),
        ("ok", Consent.YES),
        ("sure.", Consent.YES),
        ("send it", Consent.YES),
        ("original", Consent.ORIGINAL),
        ("yes, original", Consent.ORIGINAL),
        ("no", Consent.NO),
        ("No thanks", Consent.NO),
        ("don't send it", Consent.NO),
        ("never mind", Consent.NO),
        ("yes I have had it for three days", None),
        ("what is a normal temperature?", None),
        ("", None),
    ],
)
def test_read_consent(text: str, answer: Consent | None) -> None:
    assert read_consent(text) is answer


@pytest.mark.parametrize(
    ("text", "details"),
    [
        ("can I talk to a nurse please", ""),
        ("Real person please!", ""),
        ("I'd like to speak to a doctor about my rash that keeps spreading",
         "about my rash that keeps spreading"),
    ],
)  # fmt: skip
def test_request_details(text: str, details: str) -> None:
    assert request_details(text) == details
