"""Rounds 157-161 by kind: core red flags missed. A sudden, horrific headache told as a
superlative other than "worst" ("the most horrific/agonising headache I've ever had") or with
a comma before "came on like being hit" (NHS subarachnoid haemorrhage; NICE NG228: 999).
Each kind with near misses: a headache that built up slowly, a known migraine like the usual
one, and "the most painful headache I've had in years" stay quiet. Our own words
throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- thunderclap headache told in other words: 999 ----------------------------------------
    (
        "lifting a heavy wardrobe with my brother and suddenly got the most agonising headache "
        "ive ever had, like being whacked with a hammer. been sick and cant stand the light",
        "emergency",
    ),
    (
        "most horrendous headache of my life started mid sex, i'm 52, been sick twice. should "
        "i just sleep it off?",
        "emergency",
    ),
    (
        "the most painful headache ive ever had, came on instantly when i bent over, throwing up",
        "emergency",
    ),
    (
        "got a horrendous headache, came on like being hit over the head, never had one like it",
        "emergency",
    ),
    (
        "this horrific headache came on like being hit with a bat an hour ago, i've been sick "
        "and i can't look at the light",
        "emergency",
    ),
    (
        "my head felt like it exploded at the back while i was pushing a car, went from nothing "
        "to agony, vomited and the light hurts",
        "emergency",
    ),
    # near misses: built up over hours, the usual migraine, the worst "in years"
    (
        "headache built up slowly over the afternoon with this cold, bit of a sore throat, "
        "paracetamol helping a bit",
        None,
    ),
    (
        "my usual migraine has started, same as always, flashing lights then the headache, i "
        "get them every month",
        None,
    ),
    ("the most painful headache ive had in years, think its the hangover", None),
    ("the most annoying headache today, had it all afternoon after staring at spreadsheets", None),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round161_missed(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level, text
