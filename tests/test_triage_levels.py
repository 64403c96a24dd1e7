"""Triage levels for kinds that rounds 40-44 showed were over-called (our own wordings)."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

CASES = [
    # puffy hands or fingers in late pregnancy while on a regular medicine: not anaphylaxis
    (
        "Im 30 weeks with twins, on aspirin daily, and my face and hands have swollen up "
        "over two days so my wedding ring is stuck. Should I ring someone?",
        None,
    ),
    (
        "midwife said keep taking my aspirin. 34 wks, fingers puffed up and face looks "
        "bloated since the weekend",
        None,
    ),
    (
        "pregnant 29 weeks, take labetalol and aspirin, my ankles and fingers are swollen "
        "and face is puffy today",
        "urgent",
    ),
    # ... but a trigger or a fast reaction still counts
    (
        "Im 30 weeks pregnant and got stung by a wasp, now my face and hands are swelling",
        "emergency",
    ),
    (
        "32 weeks pregnant, took a new antibiotic an hour ago and my lips and face are "
        "swelling, fingers puffy too",
        "emergency",
    ),
    # a heavy, dull testicle ache is not heaving (retching)
    (
        "my right ball has been swollen and sore for two days, feels heavy and dragging, "
        "burns when I wee",
        "urgent",
    ),
    (
        "my left testicle is swollen and painful since yesterday, heavy dull ache, stings to pee",
        "urgent",
    ),
    (
        "testicle got slowly more swollen this week, heavy feeling, hurts to pee",
        "urgent",
    ),
    (
        "sudden pain in my left testicle an hour ago and I keep heaving",
        "emergency",
    ),
    (
        "my son's testicle really hurts and he has been vomiting",
        "emergency",
    ),
    # rings that don't fit are not a fit (seizure)
    (
        "31 weeks pregnant and my rings dont fit any more, feet a bit puffy, otherwise fine",
        None,
    ),
    (
        "36 weeks pregnant, my shoes wont fit and my rings are tight",
        None,
    ),
    (
        "38 weeks pregnant, my boots dont fit me, ankles puffy in the evenings",
        None,
    ),
    (
        "33 weeks pregnant and she just had a fit on the kitchen floor",
        "emergency",
    ),
    (
        "34 weeks pregnant and my rings dont fit, awful headache and blurry vision",
        "emergency",
    ),
    # tight or aching chest on exertion that goes off with a short rest, fine now: angina
    (
        "My chest gets tight and achy when I climb the stairs, eases when I stop for a "
        "minute, fine sitting here now",
        "urgent",
    ),
    (
        "tightness in my chest walking the dog up hills lately, settles after I rest a couple "
        "of minutes",
        "urgent",
    ),
    (
        "heavy ache in the chest when I hurry for the bus, passes once I stand still, 61 and "
        "a smoker",
        "urgent",
    ),
    (
        "my chest feels tight when I walk and it went off when I stop, but today it came on "
        "at rest and has lasted 30 minutes",
        "emergency",
    ),
    (
        "tight chest when walking that goes off when I rest, now with sweating and pain "
        "into my left arm",
        "emergency",
    ),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_level(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
