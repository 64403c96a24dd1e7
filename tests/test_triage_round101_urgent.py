"""Round 101's urgent cases left after its fixes, by kind: a chickenpox contact told as "I'm
N weeks", infected stitches after a tear, heart-failure weight told as "up 2 kg", and a
temperature after an organ transplant. Each must get the same-day (urgent) reply, near
misses keep the emergency reply, and look-alikes get none. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- chickenpox or measles contact in pregnancy, "I'm N weeks" (NHS chickenpox in
    # pregnancy: call the GP or midwife today) ----------------------------------------------
    ("im 22 weeks and my niece who stayed over now has chickenpox. never had it.", "urgent"),
    ("i am 9 wks, spent sunday with my friends kids and one has measles", "urgent"),
    ("my baby is 16 weeks old and my sister's kids have chickenpox, should i worry?", None),
    # the same age words in the newborn flags: 16 weeks is not under 4 weeks
    ("my baby is 10 weeks old and one eye is a bit sticky in the mornings", None),
    ("my baby is 2 weeks old and has come out in chickenpox spots", "urgent"),
    # -- stitches after a tear or an episiotomy that smell or have pus (NHS episiotomy and
    # perineal tears) ----------------------------------------------------------------------
    ("10 days after my episiotomy and the stitches have started to smell horrible.", "urgent"),
    ("had a 2nd degree tear with the baby, now theres yellow pus where the stitches are", "urgent"),
    (
        "a week after the birth, my stitches are itchy but no smell and no pus, is that healing?",
        None,
    ),
    # -- heart failure weight up over 2 kg in days (BHF; NICE NG106) --------------------------
    ("heart failure. scales say im up 2.5kg since saturday and my ankles are fat.", "urgent"),
    ("on furosemide, weight jumped by 3 kilos in 4 days", "urgent"),
    # near miss: breathless at rest and cannot lie flat is an emergency
    (
        "heart failure, up 3kg this week and tonight i cant lie flat, gasping for breath",
        "emergency",
    ),
    # -- a temperature after an organ transplant (transplant units: ring the same day) --------
    ("kidney transplant in 2016, on tacrolimus, temperature 38.3 today, otherwise ok", "urgent"),
    ("my son had a liver transplant last year and has a fever tonight but is playing", "urgent"),
    ("had a hair transplant on monday and now a fever", None),
    ("liver transplant, on tacrolimus, can i have the yellow fever jab for my trip?", None),
    ("i had a fever after my kidney transplant in 2016, how do i stay well this winter?", None),
    ("kidney transplant years ago, no temperature, just a runny nose", None),
    # near miss: sepsis signs stay an emergency
    (
        "lung transplant patient, high temperature, now confused and very drowsy and mottled",
        "emergency",
    ),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round101_urgent(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
