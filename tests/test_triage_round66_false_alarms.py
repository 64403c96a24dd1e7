"""Rounds 64-66 false emergencies, by kind: a general "how would we know if she is having
a ..." question with the person named inside it (NHS stroke: know the signs), a plain denial of
dark thoughts or thoughts of ending things in lay words (NICE NG225 assessment), a far-past
story opened by a month ("last March", "in June") and told with a hedged aside (NHS 111: what
is happening now), and a medicine's leaflet or warning that names suicide, asked about with
nothing reported (MHRA safety warnings). Each kind with wordings that must stand down and near
misses that must stay emergencies. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- "how would we know if she is having a ...": a general question --------------------
    ("my nan has just moved in with us how would we know if shes having a stroke", None),
    ("quick one how can I tell if my dad is having a heart attack what do we look for", None),
    ("how do you know if he's having a seizure? what should we watch for", None),
    ("how would we know if grandad was having a stroke what are the signs", None),
    ("how can you tell if someone is having a heart attack", None),
    # near misses: something reported after the question, or a time word of now
    ("how do i know if hes having a stroke his face has dropped on one side", "emergency"),
    ("how can we tell if mum is having a heart attack she is grey and sweaty", "emergency"),
    ("how do we know if shes having a stroke right now she cant lift her arm", "emergency"),
    ("how do I know if my baby is having a seizure she is jerking and blue", "emergency"),
    ("how do i know if hes having a stroke his speech is slurred", "emergency"),
    # -- a plain denial of dark thoughts or thoughts of ending things ------------------------
    (
        "I've been flat since my op but I'm not having any dark thoughts, can I get counselling?",
        None,
    ),
    ("she says she has no thoughts of ending things, she is just tired all the time", None),
    ("he has never had thoughts of ending his life, he is stressed at work", None),
    ("no dark thoughts about ending it, I just feel low, could I see someone", None),
    ("I am not having thoughts of not wanting to be here, only worried about money", None),
    # near misses: the denial doubted, changed since, or the thoughts said plainly
    ("I'm not having any dark thoughts but I have decided to end it tonight", "emergency"),
    (
        "I said I had no thoughts of ending it but lately I think about ending it all the time",
        "emergency",
    ),
    ("i have dark thoughts about ending things", "emergency"),
    ("he never had dark thoughts until now, he says he wants to kill himself", "emergency"),
    # -- a far-past story opened by a month, with a hedged aside -----------------------------
    (
        "Last March I fainted at a fun run in the heat. The first aiders said it was heat "
        "exhaustion, possibly heatstroke, and I had fluids in their tent before being sent home. "
        "My blood tests were normal. Should I get checked before the next race?",
        None,
    ),
    (
        "In June my husband collapsed while cycling on a hot day. They said it was probably "
        "heatstroke and he was kept in overnight on a drip. He's fine now, can he race again?",
        None,
    ),
    # near misses: a new emergency told after the old event with no ending, or now
    ("Last March he collapsed. He wasn't breathing and went blue.", "emergency"),
    ("Last July I fainted in the heat and was fine. Today I collapsed again at work.", "emergency"),
    # -- a medicine's leaflet that names suicide, nothing reported ---------------------------
    (
        "the leaflet for my daughter's acne tablets lists suicide, she seems happy, is it a worry?",
        None,
    ),
    (
        "the patient information for his new medicine mentions suicide. He is fine, should we worry?",
        None,
    ),
    # near misses: low mood, thoughts, means or intent in the message
    ("the leaflet mentions suicide and I found a rope in his room", "emergency"),
    ("the label warns about suicide and I want to kill myself", "emergency"),
    ("The leaflet mentions suicide and he says he has been having suicidal thoughts", "emergency"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round66_false_alarm_kinds(triage: Triage, text: str, expected: str | None) -> None:
    assert flag_level(triage, text) == expected
