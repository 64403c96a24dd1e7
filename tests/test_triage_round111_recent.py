"""Set 13 follow-up by kind: an event told in the past tense in a live message ("update:",
"edit:", "ps") that public guidance still sends to 999 once it is over. A fit told and then
said to be the first (NHS epilepsy, NHS febrile seizures: a first seizure is a 999 call); an
adrenaline pen used, or given to someone, in plain words (Resuscitation Council UK and NHS
anaphylaxis: always 999 or A&E after adrenaline, the reaction can come back); a first fit
named with "his" or "her" before an update that says it stopped (the live-update stand-down
keeps it); someone out for longer than a couple of minutes who is awake now (NHS fainting:
longer than a simple faint). Near misses that must stay none: a fit dated years back, a known
epilepsy's usual seizure that stopped, a temper ("had a fit about ..."), a question about
never having had one, a pen prescribed or handed over to carry, a pen never used or used last
year, a faint of seconds, a time since a faint. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- a fit, then said to be the first one (NHS epilepsy; NHS febrile seizures) ---------
    (
        "my lad had a seizure on the sofa, he's never had one before. update: it's stopped "
        "and he's really sleepy",
        "emergency",
    ),
    (
        "my husband had a fit in the garden, he's not epileptic. edit: he's talking again",
        "emergency",
    ),
    (
        "my 2 year old had a febrile convulsion, it was the first one ever. ps he's asleep on "
        "me now",
        "emergency",
    ),
    ("Dad had a fit at the table and he doesn't have epilepsy. He seems ok now", "emergency"),
    ("my flatmate had a seizure, never ever had one before, shes come round", "emergency"),
    ("my girl had her first fit. update: it stopped after a minute and she's dozing", "emergency"),
    (
        "my son had his first ever seizure at football. edit: he's awake and a bit confused",
        "emergency",
    ),
    ("our boy had his first fit at nursery. ps it's over and he's asleep", "emergency"),
    # near misses: an old fit, a known epilepsy's usual seizure, a temper, a question
    ("had a fit in 2015, never had one before or since. update: GP says all fine", None),
    (
        "my wife had a seizure, she has epilepsy. update: it stopped after a minute like her "
        "plan says and she's come round, breathing normally",
        None,
    ),
    ("mum had a fit about the state of the kitchen, she's never done that before", None),
    ("my son has never had a fit before, can a high fever cause one?", None),
    # -- an adrenaline pen used or given (Resuscitation Council UK; NHS anaphylaxis) -------
    (
        "she reacted to the prawns so I gave her the adrenaline pen. edit: her lips are going "
        "down now",
        "emergency",
    ),
    (
        "gave him his jext in the thigh, he's breathing easier. update: he says he's fine",
        "emergency",
    ),
    ("I used the adrenaline pen on my son after a wasp sting. ps he's calmer", "emergency"),
    ("we used her epipen 10 minutes ago and the hives are fading", "emergency"),
    # near misses: a pen prescribed or handed over to carry, never used, or used long ago
    ("the GP gave her an adrenaline pen to carry everywhere", None),
    ("the allergy clinic gave him his adrenaline pens to keep at school, how do they work?", None),
    ("I've never used the adrenaline pen, how do I know when to?", None),
    ("used her epipen last year after a bee sting, she was fine", None),
    (
        "epipen panic! update: false alarm, his pen at school had expired, he hasn't needed it. "
        "how do I order a new one?",
        None,
    ),
    # -- out for longer than a couple of minutes, awake now (NHS fainting) ----------------
    ("my mum passed out for about five minutes. update: she's back to normal", "emergency"),
    ("he fainted and was out cold for 3 mins, edit: sitting up now", "emergency"),
    ("my son blacked out on the bus for a few minutes, seems ok now", "emergency"),
    # near misses: a brief faint, a time since, a trip out, a dizzy spell, years ago
    (
        "she passed out for a few seconds at the bus stop. update: she's fine, had skipped lunch",
        None,
    ),
    ("I fainted in the queue about 20 minutes ago and I'm fine now, why does it happen?", None),
    ("he was out for 10 minutes getting milk. update: back now", None),
    ("she fainted and felt groggy for 10 minutes after, then fine", None),
    ("I was unconscious for several minutes after a faint years ago, all tests clear", None),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round111_recent(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
