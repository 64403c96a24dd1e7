"""Set 23 cases of kinds set 22's fixes had aimed at but did not reach, mended by the lead
after both merges (session 39): blue lips from food with a question on choking risk ("choking
wise"); blood in the wee once and "back to normal" since (NHS blood in urine: a GP, even if
once); chest pain last week assessed with an ECG and called reflux or a pulled muscle (NICE
CG95); a grandparent's carer telling of new muddle with weeing a lot or strong-smelling wee,
the relative's name written as a possessive without its apostrophe ("nans carer"; NICE CG103,
NHS urinary tract infections: same day). Near misses keep their level: choking now, clots or
pain with the blood, the chest pain back now, confusion with a danger sign. Our own words."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    ("are raspberries ok for my 8 month old choking wise, or should I squash them", None),
    (
        "her mouth went purple from the blueberries and she's laughing, are they safe choking wise",
        None,
    ),
    ("my toddler's lips went blue from a blue ice lolly, he is fine, is that a choking risk", None),
    ("baby choking on a blueberry, lips going blue, what do I do", "emergency"),
    (
        "my pee was pink once after a long bike ride, back to normal since, worth seeing the GP?",
        None,
    ),
    (
        "wee looked red once on saturday then went back to normal, no pain, should I mention it",
        None,
    ),
    ("blood in my wee once last week, back to normal, but today there are clots again", "urgent"),
    (
        "dad had chest pains last week, A&E did an ECG and bloods and said it was reflux, "
        "can he stay on omeprazole",
        None,
    ),
    (
        "my chest hurt 10 days ago, the walk-in did an ECG and said it was a pulled muscle, "
        "which stretches help",
        None,
    ),
    (
        "chest pain last week, ECG normal and they said it was indigestion, but now the pain "
        "is back and spreading to my arm",
        "emergency",
    ),
    (
        "grans carer rang to say she's more muddled since yesterday and weeing loads, "
        "eating and drinking fine",
        "urgent",
    ),
    (
        "nans neighbour says she's a bit confused since yesterday, peeing a lot and it smells "
        "really strong",
        "urgent",
    ),
    (
        "grandads carer says he's suddenly confused, very drowsy and hard to wake, his wee "
        "smells strong",
        "emergency",
    ),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round161_followups(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
