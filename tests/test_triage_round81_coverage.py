"""Emergencies found missing by a coverage probe after rounds 77-81 (our own sentences from
NHS "call 999" pages, run before any fix): an adrenaline pen already given, told with other
verbs ("pushed", "did", "had to use") or brand names, which NHS anaphylaxis says always needs
999 even when the person seems better; a throat "feels like it is closing"; and a hand or limb
caught or crushed in machinery with a sign of a limb at risk (NICE NG39). Each kind with near
misses that must stay quiet: a question about how to use a pen, a pen used long ago, a
finger shut in a door that moves, an old machine injury. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- an adrenaline pen already given (NHS anaphylaxis; Resuscitation Council UK) --------
    ("pushed the epipen and she's better but still a bit wheezy", "emergency"),
    ("we did her epipen 10 minutes ago and the swelling's going down", "emergency"),
    ("had to use my jext after some prawns, feel ok now", "emergency"),
    ("I stuck his adrenaline pen in his thigh, what now?", "emergency"),
    ("administered one of the emerade pens at the party, he is calmer", "emergency"),
    # near misses: how to use one, carrying one, or a pen used years ago
    ("how do you use an epipen properly?", None),
    ("the nurse showed me how to use the jext trainer pen today", None),
    ("I had to use my epipen at a wedding in 2019, should I carry two now?", None),
    ("we have never had to use her adrenaline pen, do they expire?", None),
    # -- a throat that feels like it is closing (NHS anaphylaxis) -------------------------
    (
        "my throat feels like it is closing, my voice has changed and my neck is swollen "
        "after a wasp sting",
        "emergency",
    ),
    ("after the peanut sauce his throat feels like it's closing", "emergency"),
    # near miss: a long-standing feeling with a named cause
    (
        "my throat feels like it is closing up every time I get anxious, for years, doctor "
        "said reflux",
        None,
    ),
    # -- a limb caught or crushed in machinery (NICE NG39; HSE first aid at work) ---------
    ("my arm got caught in the machine and my hand is crushed and white", "emergency"),
    ("his hand was pulled into the rollers at the factory, it's mangled and bleeding", "emergency"),
    ("my foot got trapped under the forklift pallet and it's gone cold and numb", "emergency"),
    ("dad's arm was dragged into the auger on the farm, he can't move his fingers", "emergency"),
    # near misses: a finger shut in a door that still moves, or an old injury
    ("caught my finger in the car door, it's bruised but I can move it", None),
    (
        "my hand got caught in a machine at work last year and I still get numbness, is that "
        "normal?",
        None,
    ),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round81_coverage(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
