"""Rounds 127-131 by kind: false alarms from figures of speech, other people's stories and
questions. A chest, throat or stomach "on fire" after a spicy meal or a workout (heartburn or
sore muscles, not a burn); a stranger's collapse seen today that the paramedics came to, the
witness shaken afterwards; soil or compost eaten out of a plant pot (low risk on its own);
a school, college or work question about what can cause a symptom, "not me"; a face numb
from a dental injection, a stroke feared from it; a "what should I do if" question about a
pregnancy still ahead. Each kind with wordings that must stand down, and near misses that
must stay emergencies: the same words about the writer now, a collapse with no breathing,
slug pellets, fertiliser or tablets eaten, a droop or slurred speech after the dentist,
bleeding in a pregnancy now. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- a body part "on fire" as a figure of speech: heartburn, a spicy meal, a workout (NHS
    # heartburn and acid reflux; NHS sprains and strains) -----------------------------------
    ("that madras will be the death of me, chest and belly on fire now, any tips?", None),
    ("this curry is killing me haha, my chest is on fire, heartburn all evening", None),
    ("my chest feels like its on fire after that kebab, took a rennie, what else helps", None),
    ("leg day is going to be the death of me, thighs and calves on fire lol", None),
    ("hot wings challenge nearly killed me, my mouth and throat are still on fire", None),
    # near misses: the writer's chest on fire with a heart attack's signs, or a real fire
    ("my chest is on fire and my left arm aches", "emergency"),
    ("chest burning like its on fire and it is spreading into my jaw", "emergency"),
    ("my chest is on fire, crushing, and im sweating", "emergency"),
    ("the chip pan caught fire and my hand and face got burnt", "emergency"),
    ("our kitchen was on fire and my chest is red with big blisters all over", "emergency"),
    # -- a stranger's collapse seen today, the paramedics came or took them away, the witness
    # shaken (NHS PTSD: upset after a frightening event is common at first) ------------------
    (
        "watched a man collapse at the train station today, paramedics came. i keep replaying it",
        None,
    ),
    (
        "saw a woman collapse in the supermarket this morning and the ambulance took her away, "
        "im still shaken",
        None,
    ),
    (
        "i saw a cyclist collapse outside work earlier, the paramedics arrived and took over. "
        "cant stop thinking about it",
        None,
    ),
    (
        "saw someone collapse at the gym today, the ambulance came and took him to hospital. "
        "i feel sick thinking about it",
        None,
    ),
    # near misses: the person still down, not breathing, or help still on the way
    ("saw someone collapse at the gym, theyre on the floor not moving, what do i do", "emergency"),
    ("I found a man collapsed in the street and he is not breathing", "emergency"),
    ("saw a man collapse in the park, paramedics are on their way, im so shaken", "emergency"),
    (
        "saw a lady collapse on the bus, paramedics came and are doing cpr on her, im shaking",
        "emergency",
    ),
    # -- soil or compost eaten from a plant pot (NHS poisoning and NPIS: soil alone is low
    # risk; a garden chemical, a battery or a medicine in it is not) ------------------------
    (
        "my 18 month old just ate a handful of compost from the plant pot, does he need anything",
        None,
    ),
    ("toddler had a fistful of soil out of the flower pot again, what do i watch for", None),
    ("caught my daughter eating dirt from the pot plant, she seems happy", None),
    # near misses: slug pellets, fertiliser, plant feed or tablets eaten
    ("my toddler ate slug pellets from the plant pot", "emergency"),
    ("toddler ate some potting mix with fertiliser granules in it", "emergency"),
    ("my son drank some of the tomato feed from the greenhouse", "emergency"),
    ("toddler ate a handful of tablets from the pot on the side", "emergency"),
    # -- a school, college or work question about what can cause a symptom (a general
    # question, NHS health A to Z) ------------------------------------------------------------
    ("for my gcse biology homework, what can cause blood in the urine? not me lol", None),
    ("doing a nursing assignment, what could cause chest pain? asking for the essay", None),
    ("what can lead to blood in your pee? its for my a level project, not about me", None),
    # near misses: the writer's own, now
    ("what could cause blood in my urine, it started today", "urgent"),
    ("what could cause my face to droop suddenly on one side", "emergency"),
    # -- a face numb from a dental injection, a stroke feared from it (NHS dental treatment:
    # the numbness wears off within hours) -------------------------------------------------
    ("thought i was having a stroke cos half my face went numb, then remembered the dentist", None),
    (
        "worried i was having a stroke, one side of my face is numb, but its the local "
        "anaesthetic from my filling isnt it",
        None,
    ),
    ("had a filling this morning and my lip and cheek are still numb on one side, normal?", None),
    # near misses: a droop, slurred speech or a weak arm, or into another day
    (
        "had a dentist injection yesterday and now my face is drooping and my speech is slurred",
        "emergency",
    ),
    ("after the dentist one side of my face is numb and my mouth is drooping", "emergency"),
    (
        "dentist this morning, the right side of my face went numb and now my right arm is weak",
        "emergency",
    ),
    # -- a "what should I do if" question about a pregnancy still ahead (NHS vaginal bleeding in
    # pregnancy; NHS planning a pregnancy) ---------------------------------------------------
    (
        "asking ahead: what should i actually do if i start bleeding heavily when im pregnant? "
        "we are only trying for now",
        None,
    ),
    ("what should i really do if i bleed a lot once im pregnant? planning for next year", None),
    ("what do you do if you get heavy bleeding when youre pregnant, just curious", None),
    # near misses: pregnant and bleeding now
    ("im pregnant and bleeding heavily, what should i do", "emergency"),
    ("what do i do if im pregnant and bleeding heavily right now", "emergency"),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round131_false_alarms(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
