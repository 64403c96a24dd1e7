"""Rounds 124-126 by kind: false emergencies in disability, abuse and safety, and children.
Thoughts of being better off gone, told with nothing done and no intent to act tonight (urgent
mental health help, not 999); a short spell of panic after a fright that passed in minutes, the
writer fine now; a stab or road injury weeks ago, treated and healing; prevention questions
about button batteries and magnets around small children with nothing missing or swallowed;
croup with noisy breathing only when the child cries, quiet and normal at rest. Each kind with
wordings that must stand down (or stay urgent), and near misses that must stay emergencies.
Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- thoughts of being better off gone, nothing done, no intent to act (NHS help for
    # suicidal thoughts: urgent help the same day; 999 with a plan, a time or the means) ------
    (
        "ever since the divorce i keep thinking my family would be better off without me. i "
        "havent done anything and im not going to, i just want the thoughts to go away",
        "urgent",
    ),
    (
        "Feel like everyone is better off without me lately. I haven't done anything and I won't "
        "tonight, but the thoughts frighten me.",
        "urgent",
    ),
    (
        "my mum would be better off without me. i have not done anything and i am not going to, "
        "i just need to talk to someone about it",
        "urgent",
    ),
    # near misses: a later time, a plan or the means
    (
        "everyone would be better off without me. i havent done anything and im not going to "
        "tonight, but tomorrow i will",
        "emergency",
    ),
    (
        "havent done anything and im not going to tonight, but i might at the weekend. they "
        "would all be better off without me",
        "emergency",
    ),
    (
        "i dont want to be here anymore. havent done anything and im not going to tonight, but "
        "ive got the pills ready",
        "emergency",
    ),
    ("everyone would be better off without me. i havent done anything yet", "emergency"),
    # -- a short spell of panic after a fright that passed on its own, fine now (NHS panic
    # attacks) --------------------------------------------------------------------------------
    (
        "bumped into my ex at the bus stop, my heart was racing and i felt like i couldnt "
        "breathe. walked round the block for five minutes and it passed. im fine now",
        None,
    ),
    (
        "Got a letter from his solicitor this morning. I was shaking and felt like I couldn't get "
        "my breath. I sat on the stairs for a bit and it calmed down. Feeling ok now, just cross "
        "with myself.",
        None,
    ),
    (
        "heard his voice on the phone and panicked, heart pounding, felt like i couldnt breathe. "
        "after ten minutes it eased off. im okay now",
        None,
    ),
    # near misses: it goes on, comes back, or comes with chest pain or blue lips
    (
        "saw my ex and felt like i couldnt breathe. it passed for a bit. im fine now but its "
        "happening again",
        "emergency",
    ),
    (
        "panicked and couldnt breathe. it passed, im ok now, but my lips look blue",
        "emergency",
    ),
    ("i cant breathe, i just saw my ex and im shaking", "emergency"),
    # -- a stab, gunshot or road injury weeks ago, treated and healing (NHS wound care after
    # surgery; 999 for a wound that bleeds heavily or opens) -----------------------------------
    (
        "my son was stabbed two weeks ago, they operated and he came home on friday. the scar is "
        "healing well but it itches at night. what can he use?",
        None,
    ),
    (
        "got shot in the leg a few months back, operated on, the scar feels tight. can i "
        "massage it?",
        None,
    ),
    (
        "hit by a car 3 weeks ago, discharged last week, healing ok. when can i start driving "
        "after the surgery?",
        None,
    ),
    # near misses: a wound open and bleeding, or an injury now
    (
        "my son got stabbed 3 weeks ago, had surgery, now the wound has burst open and is bleeding",
        "emergency",
    ),
    ("my brother just got stabbed outside the pub", "emergency"),
    ("my son got stabbed 3 weeks ago", "emergency"),
    # -- prevention questions about button batteries and magnets, nothing missing or
    # swallowed (CAPT button battery and magnet safety; NHS button batteries) -----------------
    (
        "My nan has hearing aids and the tiny batteries end up all over her flat. My toddler "
        "visits every week. I know they're dangerous if swallowed. How do we keep them safe?",
        None,
    ),
    (
        "a mum at nursery said her son swallowed magnets from a toy and had an operation. are "
        "the magnetic letters on our fridge a risk? our baby has just started crawling",
        None,
    ),
    (
        "whats the safest way to store spare button batteries with a 2 year old in the house? "
        "read they can burn if swallowed",
        None,
    ),
    # near misses: a swallow, a missing battery or one in the mouth
    ("my toddler swallowed a button battery, how do we keep them safe", "emergency"),
    (
        "a button battery is missing from the remote, are these dangerous? my 2 year old was "
        "playing with it",
        "emergency",
    ),
    ("how do I keep magnets safe? my son just swallowed two", "emergency"),
    ("best way to store button batteries? my toddler may have swallowed one", "emergency"),
    # -- croup: noisy breathing only when crying, quiet and normal at rest (NHS croup: same-day
    # care; 999 for noise at rest, drawing in under the ribs, a pale or blue colour) -----------
    (
        "my 3 year old has a barking cough, when she cries her breathing sounds noisy and raspy "
        "but when she settles down its quiet again",
        None,
    ),
    (
        "croup i think, seal cough, his breathing is noisy when he coughs but when hes calm hes "
        "breathing normally",
        None,
    ),
    (
        "nephew is 18 months, barky cough since tea time. while he is screaming his breathing is "
        "harsh and noisy, once he is asleep it goes quiet",
        None,
    ),
    # near misses: noise at rest, drawing in, drowsy and pale
    ("toddler barking cough, his breathing is noisy even when hes calm and resting", "emergency"),
    (
        "barking cough, noisy breathing when he cries, and i can see his skin sucking in under "
        "his ribs",
        "emergency",
    ),
    (
        "croup, breathing noisy only when crying, calm otherwise but he is drowsy and pale",
        "emergency",
    ),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round126_false_alarms(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
