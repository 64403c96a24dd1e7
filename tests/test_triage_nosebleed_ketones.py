"""Two gaps found by the lead's own probes in session 35: a nosebleed whose length is told in
words ("forty minutes") or that pours or leaves the person faint (NHS nosebleed: A&E when it
lasts over 10 to 15 minutes, is heavy, or you feel weak or dizzy); blood ketones of 3 or more
with vomiting, tummy pain or drowsiness when diabetes is not named in the same words (NHS
diabetic ketoacidosis). Session 37 added a nosebleed whose length is told in a sentence after
an earlier bleed ("I had one last spring. This one has gone on for forty minutes"). Near
misses: a nosebleed that stopped, a ketone question with no symptom, a length with no nosebleed
in the message. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    ("my nosebleed has gone on for forty minutes now, its pouring", "emergency"),
    ("nose bleed for thirty five minutes and still going", "emergency"),
    ("her nose has been bleeding for twenty minutes and she says she feels faint", "emergency"),
    ("nosebleed pouring down the back of my throat, swallowing blood, dizzy", "emergency"),
    ("been sick five times since midnight and my blood ketones are 4.6", "emergency"),
    ("ketones 3.2 on the meter, tummy pain and getting drowsy", "emergency"),
    ("he keeps vomiting and his ketones read 5.1", "emergency"),
    # this bleed's length told after an earlier nosebleed in the past tense
    (
        "I had a nosebleed at Christmas that stopped quickly. This one has been going for "
        "half an hour",
        "emergency",
    ),
    ("nosebleeds run in my family. this time its lasted over twenty minutes", "emergency"),
    (
        "My son had a nosebleed last week. The bleeding has gone on for 25 minutes tonight",
        "emergency",
    ),
    # near misses
    ("what does a blood ketone reading of 3.5 mean? i feel fine", None),
    ("my ketones were 3 hours ago 0.4, is that normal", None),
    ("my headache has gone on for forty minutes, what can I take", None),
    ("the meeting has been going for an hour and my nose is blocked", None),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_nosebleed_and_ketones(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
