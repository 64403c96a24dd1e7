"""Same-day (urgent) cases by kind, in our own words: what got no reply and what got the
emergency one instead.

No reply: missed pills or a failed condom a night or two ago (NHS emergency contraception:
the sooner the better, the copper coil up to 5 days), an exposure put as a general question
with the night it happened (NHS HIV PEP within 72 hours), an injured ankle or foot that takes
no weight (NHS sprains and strains, Ottawa ankle rules), a calf puffier than the other after
a long journey (NICE NG158), a child's reliever needed every few hours (NHS asthma; Asthma +
Lung UK). The emergency reply instead: a past event told in a sentence that opens with its
date ("Three years ago ..., I went septic"), a temperature checked and normal read as a fever,
"does not feel faint" read as feeling faint, a weakness an old stroke left, and a medicine
that "doesn't stop them having another fit". Each kind has look-alikes the other way.
"""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- emergency contraception: a contraception failure in the last few days ------------
    ("we had sex without condom 2 nights ago and i forgot my pill twice, help", "urgent"),
    ("forgot two of my pills this week and we slept together without a condom yesterday", "urgent"),
    ("the condom came off on saturday night, what now", "urgent"),
    ("missed my pill 3 days running and had unprotected sex this morning, what do i do", "urgent"),
    ("sex without protection last night, am i still covered on the pill?", "urgent"),
    ("condom split last night but i took the morning after pill this morning", None),
    ("had unprotected sex months ago, my period came and the test was negative", None),
    ("if we have sex without a condom tonight can i get pregnant on day 3 of my period", None),
    ("how does the combined pill work if you miss one", None),
    # -- HIV exposure put as a question, with the night it happened -----------------------
    (
        "can you catch hiv from a split condom? it happened friday night, he is hiv positive",
        "urgent",
    ),
    ("can you get hiv if the condom broke? asking for a school project", None),
    # -- an injured ankle or foot that takes no weight ------------------------------------
    (
        "went over on my ankle at football yesterday, it's puffy and i can't put any weight on it",
        "urgent",
    ),
    ("rolling my ankle off a kerb this morning, now unable to bear weight at all", "urgent"),
    ("twisted my foot on the stairs and I can't walk on it since", "urgent"),
    ("rolled my ankle last week, bit sore but i can walk on it fine", None),
    # -- one calf puffier than the other after a long journey -----------------------------
    ("after a 10 hour flight my left calf looks puffier than the right and aches", "urgent"),
    ("my calf is aching after a long run, both legs the same, no swelling", None),
    # -- a child's reliever needed every few hours ----------------------------------------
    ("my son has asthma and has needed his blue inhaler every 2 hours today", "urgent"),
    (
        "asthmatic daughter, we've given her the ventolin every three hours since last night",
        "urgent",
    ),
    ("my asthma is fine, i use my inhaler maybe once a week", None),
    # -- a past event told in a sentence that opens with its date -------------------------
    (
        "Two years ago I got sepsis from a leg infection, it was awful. Now a new red patch on "
        "my arm is spreading past the pen line I drew, no temperature",
        "urgent",
    ),
    (
        "A year ago my son had a febrile fit, he went floppy and shook. Now my boy has had a "
        "fever of 39 for five days and is pulling his ear but drinking and playing",
        "urgent",
    ),
    # a new event in the same sentence after a word of now still counts
    ("Two years ago I had a stroke, but today my face is drooping on one side", "emergency"),
    ("Last year she had a fit, and right now she is fitting and won't stop shaking", "emergency"),
    # -- a temperature checked and normal is no fever -------------------------------------
    (
        "I think I have another kidney stone, waves of pain from my back to the groin, my "
        "temperature has been normal all day, 36.7",
        "urgent",
    ),
    ("kidney stone pain from my side to the groin and my temperature is 38.9", "emergency"),
    (
        "kidney stone pain spreading to my groin, temperature higher than normal and shivering",
        "emergency",
    ),
    # -- "does not feel faint" denies feeling faint ---------------------------------------
    ("7 weeks pregnant with light spotting and mild cramps, she does not feel faint", "urgent"),
    ("6 weeks pregnant, cramping and bleeding and I feel faint", "emergency"),
    # -- a weakness an old stroke left is not a new one -----------------------------------
    (
        "my stroke 5 years ago left me with some weakness in my right arm. this morning i fell "
        "and my wrist is swollen and bent",
        "urgent",
    ),
    (
        "this morning my husband suddenly had weakness in his right arm and slurred words",
        "emergency",
    ),
    # -- what a medicine does not prevent is no seizure now -------------------------------
    ("the gp said paracetamol won't stop her having another seizure, is that true", None),
    ("i found him having another seizure on the kitchen floor", "emergency"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_same_day_kinds(triage: Triage, text: str, expected: str | None) -> None:
    assert flag_level(triage, text) == expected
