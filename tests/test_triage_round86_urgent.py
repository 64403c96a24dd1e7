"""Rounds 82-86 urgent cases that got no triage reply, by kind: a suspected drugging with a
memory gap and signs of a sexual assault in the last few days (NHS help after rape and sexual
assault), numbness or unsteadiness after regular nitrous oxide (NHS / FRANK nitrous oxide), a
blow to the eye with sight normal (NHS eye injuries), baby movements fewer or quieter than
usual (NHS baby movements), a temple headache with a tender scalp or jaw ache on chewing (NHS
giant cell arteritis) and a shingles rash that came out in the last few days (NHS shingles).
Each kind with wordings that must be urgent, near misses that must stay emergencies, and
general questions or old episodes that must stay quiet. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- a suspected drugging with a memory gap and signs of a sexual assault ---------------
    (
        "pretty sure my drink got spiked at the club on saturday night, i remember nothing after midnight and woke up at some guys house with my jeans off",
        "urgent",
    ),
    (
        "my friend thinks she was drugged last night, she cant remember getting home and says she is sore down below",
        "urgent",
    ),
    (
        "think someone put something in my glass yesterday, no memory after 11 and my knickers were missing when i woke up",
        "urgent",
    ),
    # near misses: the drugging is an emergency now
    (
        "my drink was spiked half an hour ago and now she is unconscious and wont wake up",
        "emergency",
    ),
    ("how can you tell if your drink has been spiked?", None),
    # -- nitrous oxide and nerve damage ----------------------------------------------------
    (
        "been using laughing gas most nights for months and now my hands and feet are numb and tingly",
        "urgent",
    ),
    (
        "my son has been doing nos canisters every weekend and now he has numb feet and keeps tripping over",
        "urgent",
    ),
    (
        "doing whippets a lot recently and got pins and needles in my toes that wont go",
        "urgent",
    ),
    # near misses: collapse after the gas stays an emergency; gas and air in labour, dentist
    ("did loads of nitrous and now he has collapsed and is not breathing", "emergency"),
    ("had gas and air in labour and my legs felt a bit tingly", None),
    # -- a blow to the eye with sight normal -----------------------------------------------
    (
        "got elbowed in the eye playing basketball, it is swollen and bruised but my vision is ok",
        "urgent",
    ),
    (
        "a squash ball hit my eye this morning, it is red and aching though i can still see clearly",
        "urgent",
    ),
    ("my toddler poked me in the eye with her finger and it is sore and watering", "urgent"),
    # near misses: sight lost suddenly after the blow stays an emergency
    (
        "hit in the eye with a cricket ball and now i have suddenly gone blind in that eye",
        "emergency",
    ),
    ("got a black eye from a fight two months ago, it healed fine", None),
    # -- baby movements fewer or quieter than usual ----------------------------------------
    (
        "im 31 weeks and the baby has been much quieter than usual today, only a couple of small kicks",
        "urgent",
    ),
    (
        "36 weeks pregnant, she is not moving as much as she normally does this evening",
        "urgent",
    ),
    (
        "29 weeks with my second and the kicks feel weaker and fewer since lunchtime",
        "urgent",
    ),
    # near misses: no movement at all stays an emergency; a first-movements question
    ("34 weeks and i have felt no movements at all since yesterday morning", "emergency"),
    ("im 16 weeks pregnant, when will i feel the first kicks?", None),
    # -- a temple headache with a tender scalp or jaw ache on chewing (GCA) ------------------
    (
        "my dad is 68, pounding pain by his left temple for a few days and his scalp hurts when he combs his hair",
        "urgent",
    ),
    (
        "im 71 and have a new headache at my temples, my jaw aches after chewing for a minute, eyes are fine",
        "urgent",
    ),
    ("could this be temporal arteritis? my gran has a sore temple and feels run down", "urgent"),
    # near misses: sight loss with it stays an emergency
    (
        "my nan has a headache at her temple, tender scalp, and she suddenly cant see out of one eye",
        "emergency",
    ),
    # -- a shingles rash that came out in the last few days ---------------------------------
    (
        "a strip of painful blisters has come out round my right side since yesterday, my back burned for days before",
        "urgent",
    ),
    ("pretty sure i have got shingles, the rash appeared two days ago on my waist", "urgent"),
    (
        "my husband is 75 and a band of blisters popped up across his ribs this morning",
        "urgent",
    ),
    # near misses: shingles near the eye stays urgent; old shingles and vaccine questions
    (
        "shingles blisters came out on my forehead yesterday and my eye is red and sore",
        "urgent",
    ),
    ("had shingles last year, should i get the vaccine?", None),
    ("my shingles rash from three weeks ago has scabbed over but still itches", None),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round86_urgent(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
