"""Round 181 by kind (lookalikes found while mending set 27, written from guidance): general
or "is it normal" questions about babies' breathing pausing in sleep, and a baby's pause of a
few seconds asked about as normal (NHS baby breathing: a newborn's periodic breathing with
short pauses is normal; the Lullaby Trust), kept apart from a baby who stops breathing now,
pauses 16 seconds or more, gasps, goes blue, grey, pale or floppy, or is already ill with
bronchiolitis or feeding less (NHS: call 999; NICE NG9 and NG143); and eczema, dermatitis,
psoriasis or a rash that burns with the skin peeling (NHS eczema and contact dermatitis: a
pharmacist or GP), kept apart from a real burn or scald with skin peeling or coming off, from
a kettle, a hot drink, a fire or a chemical, even on eczema (NHS burns and scalds: A&E). Each
kind with wordings that must reach the level, and near misses that must keep the other level.
Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- general questions, and short pauses asked about as normal: not 999 -----------------
    ("do babies stop breathing in their sleep", None),
    ("Do newborns ever stop breathing while they sleep?", None),
    ("can a baby stop breathing for a moment when sleeping", None),
    ("is it normal for infants to stop breathing now and then when asleep", None),
    ("is it normal for babies to stop breathing for a couple of seconds in their sleep", None),
    ("how long can a newborn stop breathing before it becomes dangerous?", None),
    ("is it normal for my baby to stop breathing for about 5 seconds when sleeping?", None),
    ("our 4 week old stopped breathing for a few seconds in her sleep, is that normal?", None),
    ("my 2 week old stopped breathing for 10 seconds, she stayed pink and carried on", None),
    # near misses: a baby of one's own stopping now, a long pause, a gasp, a colour change,
    # an ill baby, or the general question with a danger sign in it
    ("my baby stopped breathing", "emergency"),
    ("my baby stopped breathing in her sleep, is that normal?", "emergency"),
    ("do babies stop breathing in their sleep? mine just stopped for 30 seconds", "emergency"),
    ("is it normal for babies to stop breathing for 25 seconds", "emergency"),
    ("can babies stop breathing and go blue in their sleep", "emergency"),
    ("our newborn stopped breathing for a few seconds then gasped, is that normal?", "emergency"),
    ("why does my son stop breathing when hes asleep, hes 3 months", "emergency"),
    (
        "is it normal for a baby with bronchiolitis to stop breathing for a few seconds? "
        "shes 2 months and barely taking her bottles",
        "emergency",
    ),
    (
        "my 6 week old stopped breathing for a few seconds and looked pale, is that normal",
        "emergency",
    ),
    # -- a skin condition that burns with peeling skin: a pharmacist or GP, not 999 ----------
    ("my eczema burns and the skin is peeling off my hands", None),
    ("my dermatitis burns like mad and the skin keeps coming off my fingers", None),
    ("the rash on my palms burns and the skin is peeling off", None),
    ("severe eczema that burns, the skin is coming off my knuckles", None),
    ("psoriasis on my hands burns and the skin is peeling off in flakes", None),
    ("my pompholyx burns and the skin on my fingers is peeling off", None),
    ("my eczema burns", None),
    # near misses: a real burn or scald with skin peeling or coming off, on eczema or not
    (
        "i have eczema but i scalded my hand with the kettle and the skin is peeling off",
        "emergency",
    ),
    ("spilt hot tea on my arm where my eczema is and the skin is coming off", "emergency"),
    ("got oven cleaner on my hand, it burns and the skin is peeling off", "emergency"),
    ("my dermatitis hand touched the hot oven shelf, it burns and skin is coming off", "emergency"),
    (
        "my toddler has eczema and pulled a mug of coffee onto himself, skin is peeling off",
        "emergency",
    ),
    ("burnt my hand on the bonfire last night and the skin is peeling off", "emergency"),
    ("knocked boiling water over my leg and skin is falling off", "emergency"),
    ("my eczema burns and the skin is peeling off all over my body", "emergency"),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round181_lookalikes(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
