"""Past, general and everyday frames (rounds 31-34): each kind fixed, with wordings that must
get the intended level and near misses that must not. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- reading or searching about an illness is not having it -------------------------------
    ("I googled secondary drowning after our pool trip and now I can't sleep for worrying", None),
    ("been reading about sepsis on a forum, what are the first signs?", None),
    ("saw an article about carbon monoxide poisoning, which alarm should we buy?", None),
    # near misses: a report in the same breath, or the thing itself happening
    ("read about drowning online but my son is drowning in the lake right now", "emergency"),
    ("my daughter nearly drowned in the bath ten minutes ago and is coughing", "emergency"),
    ("googled overdoses last night and then swallowed 40 sleeping tablets", "emergency"),
    # -- "am I going to overdose?": a dose question when little was taken ---------------------
    ("had two ibuprofen then two more an hour later, will I overdose? feel ok", None),
    ("gave him his calpol twice by mistake, is he going to overdose on it?", None),
    ("am i gonna overdose if i had 3 paracetamol today", None),
    # near misses: a lot was taken, or the overdose is stated
    ("took 30 paracetamol, am I going to overdose?", "emergency"),
    ("my flatmate has overdosed on her tablets and is drowsy", "emergency"),
    # -- an operation for it is over --------------------------------------------------------
    ("he had surgery for testicular torsion as a teen, can it affect fertility?", None),
    (
        "I had an operation for a twisted ball at 15, is the scar normal to ache in cold weather?",
        None,
    ),
    ("she had an op to fix a twisted testicle when little, does it run in families?", None),
    # near misses: happening now
    ("sudden agony in my left testicle and I've been sick", "emergency"),
    ("think my son has a twisted testicle, it came on an hour ago", "emergency"),
    # -- "N months on from" an event -------------------------------------------------------
    ("Three months on from my pulmonary embolism, can I fly to Spain?", None),
    ("a year on from the clot in my lung and doing well, when do I stop the tablets?", None),
    ("eight weeks out from a blood clot on the lungs, is it ok to go back to the gym?", None),
    # near misses: a clot named now, or new symptoms
    ("they think I have a clot on my lung, I'm waiting in the car park", "emergency"),
    ("months on from my hip operation, my calf is swollen and I'm breathless", "emergency"),
    # -- "pretty much" is not an amount of blood ------------------------------------------------
    ("coughed up a fleck of blood with my cold last week, it's pretty much cleared", None),
    ("brought up a streak of blood once when I had bronchitis, pretty much better now", None),
    ("threw up a spot of blood after retching, feeling pretty much normal now", None),
    # near misses: a large amount
    ("coughing up so much blood, it's filling the sink", "emergency"),
    ("vomiting up a lot of bright red blood", "emergency"),
    # -- a fear of something that might happen ----------------------------------------------
    ("I'm scared of fainting during my exam next week, any tips?", None),
    ("petrified of choking on tablets so I crush them, is that ok?", None),
    ("worried about collapsing at the marathon on Sunday, how should I train?", None),
    # near misses: it has happened
    ("my grandad has collapsed in the garden and won't answer me", "emergency"),
    ("she is choking on a grape and can't breathe", "emergency"),
    # -- a product bitten and spat straight out, normal since ---------------------------------
    ("my son licked a washing pod and spat it out on Tuesday, he's been fine since", None),
    (
        "toddler chewed a dishwasher tab yesterday, spat it out, normal since, do we need anything?",
        None,
    ),
    ("she sucked on some bleach last night but spat it out, since then she is fine", None),
    # near misses: not spat out, or a battery
    ("my son just bit into a dishwasher tablet and is drooling", "emergency"),
    ("he had a button battery in his mouth, spat it out, seems fine since", "emergency"),
    # -- an age long past -------------------------------------------------------------------
    ("took an overdose at fifteen, now 40, will it show on my insurance?", None),
    ("overdosed at the age of 17, can I still give blood?", None),
    ("had carbon monoxide poisoning in my teens, could it have lasting effects?", None),
    # near misses: a clock time, or now
    ("she took 30 paracetamol at 10 this morning", "emergency"),
    ("I'm in my teens and just took an overdose", "emergency"),
    # -- food poisoning is a tummy bug, not a poison -------------------------------------------
    ("had food poisoning last week, when can I go back to the kitchen?", None),
    ("we all got food poisoning from the barbecue, how long is it catching?", None),
    ("pretty sure it's food poisoning from a takeaway, how long does it last?", None),
    # near misses: a real poison
    ("my dog and my son both had some rat poison", "emergency"),
    ("I think my husband has been poisoned, he's confused", "emergency"),
    # -- a breathless spell that has settled ---------------------------------------------------
    ("in the meeting it felt like I could not breathe, it passed after ten minutes", None),
    ("felt like he couldn't catch his breath at the gig but it calmed down and he's fine", None),
    ("it felt like I couldn't breathe on the train, settled once I got off", None),
    # near misses: still going
    ("felt like I couldn't breathe, it settled, but it is back again and worse", "emergency"),
    ("it felt like I couldn't breathe and I still can't", "emergency"),
    # -- meningitis: spots that stay under a glass, a lamp that hurts -------------------------
    (
        "she's got a fever and dark blotches that stay the same when I press a glass on them",
        "emergency",
    ),
    ("purplish spots on his tummy and he's burning up", "emergency"),
    ("high temperature and the lamp hurts his eyes", "emergency"),
    # near misses: the spots fade, or no fever
    ("spots on her arm fade when I press a glass on them, she's playing happily", None),
    ("the lamp hurts my eyes after a long day at the screen", None),
    # -- slang for sleeping tablets --------------------------------------------------------------
    ("swallowed about 25 sleepers an hour ago", "emergency"),
    ("he took 40 downers with vodka", "emergency"),
    ("took around 20 sleepers and feel heavy", "emergency"),
    # near misses: one at bedtime, or a rail sleeper
    ("took one of my sleepers at bedtime and slept fine", None),
    ("we laid 20 railway sleepers in the garden", None),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_false_alarm_kinds(triage: Triage, text: str, expected: str | None) -> None:
    assert flag_level(triage, text) == expected
