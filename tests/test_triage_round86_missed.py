"""Rounds 82-86 missed emergencies, by kind: cauda equina signs told in passing in a post about
another condition, a hernia that has stuck out, gone hard or tender, with being sick or no wind (strangulated),
a knock in sport told without the word "head" then repeated vomiting with a worsening headache
or memory loss, and angina not eased by the GTN doses the plan says. Each kind with wordings
that must now be emergencies and near misses that must stay quiet or urgent. Our own words
throughout (NHS cauda equina syndrome, NHS inguinal hernia, NICE NG232
head injury, NHS angina and NICE CG126)."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- cauda equina told in passing (NHS cauda equina syndrome) ----------------------------
    (
        "I have fibromyalgia so aches are normal for me, but my back has been bad since Sunday "
        "and now I can't properly feel the loo paper when I wipe, is that the fibro?",
        "emergency",
    ),
    (
        "long story about my IBS first... anyway my lower back is killing me and I can barely "
        "feel anything after I wipe, both legs feel heavy",
        "emergency",
    ),
    ("my back aches after gardening, no numbness anywhere and peeing normally", None),
    ("my back aches and I can't quite feel clean after I wipe, I think it's piles", None),
    # -- strangulated or obstructed hernia (NHS inguinal hernia: 999 / A&E) -------------------
    (
        "my umbilical hernia has popped out and I can't push it back in, it's gone purple and "
        "I've been sick three times",
        "emergency",
    ),
    (
        "dad's groin hernia won't go back today, it's firm and sore, and he hasn't passed wind "
        "since last night",
        "emergency",
    ),
    (
        "the lump in my groin is stuck out and tender, I've thrown up and have sudden severe pain",
        "emergency",
    ),
    # near misses: a hernia that goes back, a hiatus hernia with sickness
    ("I've got a small hernia in my groin, it goes back in when I lie down, no pain", None),
    ("my hiatus hernia makes me feel sick after meals and I have bad heartburn again", None),
    # -- a knock in sport without the word head (NICE NG232) ----------------------------------
    (
        "my son collided with another player at football this morning, he has been sick twice "
        "and keeps asking what day it is",
        "emergency",
    ),
    (
        "my daughter took a knock at hockey, she's thrown up three times and her headache is "
        "getting worse",
        "emergency",
    ),
    (
        "got tackled hard at rugby, vomited several times since and I can't remember the second half",
        "emergency",
    ),
    # a fall named in the usual words stays an emergency
    ("my son fell off the trampoline, been sick twice and is very drowsy", "emergency"),
    # near misses: a stomach bug, falling asleep with a migraine
    (
        "I have a tummy bug, been sick three times today and my headache is getting worse",
        None,
    ),
    # -- angina not eased by GTN (NHS angina; NICE CG126) -------------------------------------
    (
        "I've got angina, took two puffs of my GTN five minutes apart and my chest is still "
        "tight, it's been 12 minutes",
        "emergency",
    ),
    (
        "my wife has angina, she's had her nitrolingual spray twice and the pain hasn't eased, "
        "if anything it's worse",
        "emergency",
    ),
    (
        "used my angina spray, then another dose after five minutes, still got the crushing pain",
        "emergency",
    ),
    # near misses: the spray worked, a question about what to do, a nasal spray
    (
        "had a twinge of angina walking the dog, used my GTN spray and it went away straight away",
        None,
    ),
    ("used my nasal spray twice today and the pressure in my sinuses is still there", None),
    (
        "had my GTN spray twice for chest pain yesterday and it went, still got a headache today",
        "urgent",
    ),
    ("i fell asleep on the sofa, sick twice with a migraine and the headache is worse", None),
    # -- no urine passed, told as "haven't managed to": at least the urgent reply (NHS
    # urinary retention; tests/test_triage_real.py keeps a painful retention urgent, whose
    # advice sends people to the emergency department)
    ("havent managed to pass any water since last night and my belly is swollen", "urgent"),
    ("my son hasnt managed to do a wee since this morning and is crying", "urgent"),
    ("I haven't managed to do a wee in the public toilets at the stadium, I'm shy", None),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round86_missed_kinds(triage: Triage, text: str, expected: str | None) -> None:
    assert flag_level(triage, text) == expected
