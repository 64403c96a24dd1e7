"""Rounds 77-81 false emergencies, by kind: a friction burn (turf, carpet, rope, mat) that is a
graze, an emergency watched on TV or in a programme, red-flag signs a clinician listed that
the writer then denies, a diagnosis named on a discharge letter once home, and a chemo team's
rule about the temperature at which to ring told ahead with normal readings. Each kind with
wordings that must stand down and near misses that must stay emergencies (someone of the
writer's own after the programme, a denial then a real sign, a high reading now, a new heart
attack now). Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- a friction burn is a graze (NHS cuts and grazes; cellulitis for spreading redness) --
    ("got a massive astroturf burn on my thigh at five a side, it stings", None),
    ("big carpet burn on both knees from wrestling with my brother, weeping a bit", None),
    ("huge rope burn across my palm from tug of war, red and sore", None),
    (
        "large mat burn on his elbow from judo on Saturday, now the redness is spreading up his arm and it's hot",
        "urgent",
    ),
    # near misses: a heat burn told with the same size words
    (
        "big burn on my forearm from the oven shelf, the middle has gone white and leathery",
        "emergency",
    ),
    ("huge scald on her chest from a cup of tea, blisters all over", "emergency"),
    (
        "carpet burn on my knee is fine but I've got a large burn from the pan of oil on my hand",
        "emergency",
    ),
    # -- an emergency watched on a screen (NHS: know the signs) ------------------------------
    (
        "saw a rugby player stop breathing on the telly yesterday, how do they train the medics for that?",
        None,
    ),
    (
        "binge watched chicago med and a patient had a seizure in every episode, is that realistic?",
        None,
    ),
    (
        "in emmerdale a man drank antifreeze and seemed fine at first, does that really happen?",
        None,
    ),
    (
        "one of the characters in a hospital drama went into anaphylactic shock from peanuts, would they really use two epipens?",
        None,
    ),
    (
        "a cyclist collapsed on tv during the race, do athletes have more heart problems?",
        None,
    ),
    # near misses: someone of the writer's own, or the writer, after the programme
    (
        "watched a footballer collapse on tv and my dad has collapsed now and isn't breathing",
        "emergency",
    ),
    ("saw an overdose on the telly, and I have taken 30 paracetamol tonight", "emergency"),
    (
        "my son collapsed and stopped breathing while we were watching the football on tv",
        "emergency",
    ),
    ("he's a real character, he swallowed a button battery an hour ago", "emergency"),
    # -- red-flag signs listed by a clinician, then denied (NHS cauda equina, sepsis) --------
    (
        "the GP ran through the warning signs, numbness around my bottom, not being able to wee, weakness in both legs. I have none of them, just a sore lower back",
        None,
    ),
    (
        "the nurse told me the red flags: a rash that does not fade under a glass, a stiff neck. He's got none of these, just a cold",
        None,
    ),
    (
        "surgeon explained the signs to watch for, chest pain, coughing up blood. I don't have any of those, only a sore wound",
        None,
    ),
    # near misses: a denial then a real sign, an exception, or the signs themselves now
    (
        "physio listed the red flags, numbness around my bottom, losing control of my bladder. None of those, but now I can't feel my bottom when I wipe",
        "emergency",
    ),
    (
        "the GP went through the red flags, numbness around my bottom, both legs weak. I have none of them except the numbness around my bottom",
        "emergency",
    ),
    (
        "they gave me a list of red flags and I now have numbness around my bottom and can't pee",
        "emergency",
    ),
    # -- a diagnosis named on a discharge letter, read once home (NHS: leaving hospital) -----
    ("the discharge summary says STEMI, what is the difference from a normal heart attack?", None),
    (
        "my hospital letter lists NSTEMI and two stents, I'm back at home and well, can I drive?",
        None,
    ),
    # near misses: the same attack now
    (
        "discharge letter says NSTEMI, now I have crushing pain in my chest spreading to my jaw and I'm sweating",
        "emergency",
    ),
    ("I think I'm having a heart attack, my chest is crushing and my arm is numb", "emergency"),
    # -- a chemo team's rule told ahead, with normal readings (NICE NG151) -------------------
    (
        "oncology nurse said if his temp hits 38 we must call the helpline. It's been 36.8 all week and he's eating well, should we buy a new thermometer?",
        None,
    ),
    (
        "on chemo and was told to ring the acute oncology line if my temperature is 38 or above, readings are 36.4 to 36.9, can I go to the cinema?",
        None,
    ),
    # near misses: a high reading or feeling unwell
    (
        "on chemo, told to ring if my temp goes over 38, it's 38.3 now and I'm shivering",
        "emergency",
    ),
    (
        "chemo nurse said to call if my temperature goes above 38, it was 38.2 this evening and I am shivering",
        "emergency",
    ),
    ("I'm on chemo and my temperature is 38.6", "emergency"),
    # someone watching TV when a real emergency happens stays an emergency (the programme is
    # only where it happened): someone of the writer's named before, a verb with no one named
    # after, or a "he" or "she"
    ("my dad was watching the match on tv when he collapsed and stopped breathing", "emergency"),
    ("we were watching corrie on the telly and she suddenly had a fit and went blue", "emergency"),
    ("Grandad collapsed on tv night in front of the telly and is not breathing", "emergency"),
    ("my dad was watching the football on tv and collapsed, not breathing", "emergency"),
    (
        "I was watching eastenders on the telly and suddenly got crushing chest pain going down my arm",
        "emergency",
    ),
    ("she was binge watching a box set and had a seizure that has lasted ten minutes", "emergency"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round81_false_alarm_kinds(triage: Triage, text: str, expected: str | None) -> None:
    assert flag_level(triage, text) == expected
