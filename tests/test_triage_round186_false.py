"""Round 186 by kind (set 28): false emergencies. A general question whether something can
set off a sickle cell crisis; "I think I poisoned everyone" said by the cook of a meal that
made people sick and that is over; "going to die of" an illness or a habit, a warning
someone gives; "collapsed into a chair" after a long day or minding the children, worn
out; suicidal thoughts with no plan and nothing to be done tonight, the writer doubting
themself (same day, not 999); sight in one eye gone blurred or washed out with pain on
moving it or with MS (possible optic neuritis: same day, not 999). Each kind with wordings
that must stand down (or be urgent), and near misses that keep their level. Our own words
throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- whether something can set off a sickle cell crisis, asked in general (NHS sickle cell
    # disease: know the triggers) -------------------------------------------------------------
    ("can a cold snap set off a crisis? my son has sickle cell", None),
    ("does coffee dry you out enough to trigger a crisis? im hbss", None),
    ("could a long flight spark off a crisis? I have sickle cell anaemia", None),
    # near misses: a crisis told as happening now stays 999
    ("I have sickle cell and the cold has set off a crisis, my chest hurts", "emergency"),
    ("im hbss and i think im going into a crisis, the pain is severe", "emergency"),
    # -- "I poisoned everyone" said by the cook, all well again (NHS food poisoning) ----------
    (
        "i think i poisoned my flatmates with undercooked chicken, they were sick in the "
        "night but everyone is fine this morning",
        None,
    ),
    (
        "Pretty sure I poisoned us all with reheated rice from the takeaway. We were ill "
        "yesterday evening, all better now and eating again. How long does rice keep?",
        None,
    ),
    (
        "we think we poisoned the guests at the bbq with the burgers, a few were sick on "
        "sunday but theyre all ok now",
        None,
    ),
    # near misses: a danger sign, something still going on or a wild food keeps the 999 call
    (
        "i think i poisoned my husband with wild mushrooms i cooked, he was sick but hes ok now",
        "emergency",
    ),
    (
        "i think i poisoned everyone with the curry, the kids were sick and now my "
        "daughter is drowsy and confused",
        "emergency",
    ),
    # -- "going to die of" an illness or a habit, a warning (NHS health A to Z) --------------
    ("my gran says im going to die of a heart attack if i keep eating chips", None),
    ("my wife reckons hes gonna die from lung cancer the way he smokes, is she right", None),
    ("mum says ill die of scurvy living on toast, is that even possible", None),
    # near misses: a wish to die, means, or dying of despair still fires
    ("im gonna die of loneliness, nobody would even notice", "emergency"),
    ("im going to die from an overdose tonight, ive got the tablets", "emergency"),
    ("i want to die, im going to die of something soon anyway", "emergency"),
    # -- "collapsed into a chair" after a long day or minding children, worn out (NHS
    # tiredness and feeling exhausted) ----------------------------------------------------------
    (
        "grandad collapsed into his recliner after a long day in the garden, knackered but fine",
        None,
    ),
    (
        "I collapsed into a chair after minding the twins all week, totally exhausted. "
        "Is it normal to feel this worn out at 68?",
        None,
    ),
    ("nan collapsed onto her bed after looking after the kids all day, done in lol", None),
    # near misses: not waking, dizziness, a fit or a fall keep the 999 call
    (
        "dad collapsed into his chair after gardening, exhausted, and now we cant wake him",
        "emergency",
    ),
    (
        "my wife collapsed onto the bed after shopping, shattered, and now shes having a fit",
        "emergency",
    ),
    # -- suicidal thoughts, no plan, nothing to be done tonight, the writer doubting
    # themself (NHS help for suicidal thoughts; NICE NG225): same day ----------------------
    (
        "i keep thinking everyone would be better off without me. no plan and i wont do "
        "anything tonight, i just dont trust myself much, can someone call me today",
        "urgent",
    ),
    (
        "Lately I think my kids would be better off without me. I have no plans and I "
        "won't do anything today, but I don't trust myself fully. Who can I talk to?",
        "urgent",
    ),
    # near misses: no statement of safety now, or not trusting oneself with means
    (
        "i keep thinking everyone would be better off without me. no plan but i dont trust myself",
        "emergency",
    ),
    (
        "everyone would be better off without me, i wont do anything tonight but i dont "
        "trust myself around my tablets",
        "emergency",
    ),
    # -- one eye blurred or washed out with pain on moving it or with MS (NHS optic neuritis;
    # NHS multiple sclerosis): same day ------------------------------------------------------
    (
        "the vision in my left eye has gone misty and dull since tuesday and it aches when "
        "i move my eyes",
        "urgent",
    ),
    (
        "I have MS and for three days the sight in my right eye has gone faded, colours "
        "look washed out",
        "urgent",
    ),
    ("my right eye has been blurry for 2 days and it hurts when i look up", "urgent"),
    # near misses: sight lost in one eye stays 999; blurring that cleared in MS stands down
    ("the vision in my left eye went completely for ten minutes then came back", "emergency"),
    ("vision in his right eye has gone black since this morning", "emergency"),
    (
        "ms for years. after a hot shower my sight went blurry but it went back to normal "
        "once i cooled down",
        None,
    ),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round186_false(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
