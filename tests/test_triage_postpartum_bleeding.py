"""Heavy bleeding after a birth told the way new mothers tell it (session 36, found when the
retrained fallback stopped catching one alone): the birth given as the baby's age ("baby is 9
days old"), the bleeding as pads gone through in minutes or clots "the size of a plum" (NHS
postpartum haemorrhage: soaking a pad an hour, large clots, faintness: call 999). Near misses:
light bleeding after a birth, lochia turning brown, a question of what counts as heavy, a
newborn's own nappy. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    ("my baby is 9 days old and im soaking a pad every 20 minutes with big clots", "emergency"),
    (
        "baby is 2 weeks old, im filling a pad an hour and passing lumps the size of golf balls",
        "emergency",
    ),
    (
        "our baby was born 6 days ago, tonight I'm going through a maternity pad every half hour",
        "emergency",
    ),
    ("ten days postpartum and passing clots the size of a plum, feel dizzy", "emergency"),
    # near misses
    ("my baby is 9 days old and the bleeding is light now, a pad lasts most of the day", None),
    ("baby is 3 weeks old, my lochia has gone brown and light, when does it stop", None),
    ("what counts as heavy bleeding after birth? my baby is 5 days old, just want to know", None),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_postpartum_bleeding(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
