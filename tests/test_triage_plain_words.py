"""Emergencies told in second-language or hurried English and in lay vignettes (round 49-54
misses), each fixed by kind, with look-alike messages in the same styles that must not get
the emergency reply. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- no baby movements at all late in pregnancy (NHS baby movements) -----------------------
    ("34 weeks pregnant, no kicks since last night", "emergency"),
    ("32 wks pregnant and i havent felt her kick all day", "emergency"),
    ("my wife 29 week, she say she not feel him kick since morning", "emergency"),
    ("39 weeks and not a single kick since lunch, tried a cold drink", "emergency"),
    ("37 weeks, felt nothing from the baby since breakfast", "emergency"),
    ("35 weeks pregnant, no movement at all today", "emergency"),
    (
        "31 week pregnant. normally she kick very much at night, from yesterday feel nothing",
        "emergency",
    ),
    # near misses: first movements asked about, the baby moving less, moving as usual
    ("20 weeks pregnant, havent felt the baby move yet, is that ok", None),
    ("18 weeks pregnant when will i feel baby kick", None),
    ("16 weeks pregnant with my first and no kicks felt yet, normal?", None),
    ("im 12 weeks pregnant and feel nothing, no symptoms at all, is that normal", None),
    ("36 weeks pregnant, feel nothing but tired, baby kicking loads", None),
    ("33 weeks pregnant, baby moving less than usual today", "urgent"),
    ("32 wks pregnant, havent felt the baby move much today", "urgent"),
    # -- a small child and someone else's tablets, with a count or a doubt ---------------------
    ("my daughter 3 year eat some of grandma pills, we dont know how many", "emergency"),
    ("kid swallow my husband tablet for diabetes", "emergency"),
    ("toddler opened her aunties pill box, maybe two or three are missing", "emergency"),
    ("my 4 yo got my blood pressure pills, not sure how many he took", "emergency"),
    ("son 2 find his grandfather in law tablets, one or two missing", "emergency"),
    # near misses
    ("how many paracetamol can a 5 year old have in a day", None),
    # -- sudden confusion told in plain words (NHS confusion) ----------------------------------
    (
        "my dad suddenly doesnt know who we are and is talking to people who arent there",
        "emergency",
    ),
    (
        "mum was fine last night, this morning she doesnt recognise me and keeps seeing children "
        "who are not there",
        "emergency",
    ),
    ("nan today cant say her own name, yesterday she was normal", "emergency"),
    # near misses
    ("my nan has dementia and doesnt know me anymore, it has got worse over the years", None),
    ("she doesnt know me in person, we only met online today", None),
    ("i dont remember her name, we met at a party today", None),
    ("my son is 2 and cant tell you his own name yet", None),
    # -- blocked bowel: no poo or wind, a belly like a drum, green sick ------------------------
    (
        "mum not pass wind or poo since friday, stomach hard like a ball and she throw up brown",
        "emergency",
    ),
    ("no poo no wind 4 days, belly big and tight, vomit green today", "emergency"),
    # near misses
    ("constipated 2 days, belly a bit bloated, no vomiting", None),
    # -- a fit that stopped but the person has not come round (NHS epilepsy) -------------------
    ("she had a seizure, it stopped but she is still not responding", "emergency"),
    ("the jerking ended ten minutes ago and he is still not fully awake", "emergency"),
    ("he had a fit, its over now but he wont come round", "emergency"),
    # near misses
    ("he had a fit and now hes sleepy but talking to me normally", None),
    ("my hands shake and im not sleeping well", None),
    # -- whether another fit is likely: a question, and a fit "when she was two" is past -------
    (
        "she had a febrile fit when she was two, fine since. now a cold, will she be likely to "
        "have another one?",
        None,
    ),
    ("i want to know whether he is likely to get another seizure with this cold", None),
    # near misses
    ("is he likely to have a fit now? he is shaking and jerking and wont stop", "emergency"),
    ("my daughter is having a fit right now", "emergency"),
    # -- meningitis at nursery or school, own family well: what to watch for -------------------
    ("a boy in my daughters class got meningitis, she is fine, what should i look for", None),
    ("there is a case of meningitis at the nursery, my son is well, what signs to watch", None),
    # near misses
    ("a kid at school has meningitis and now my son has a temperature and headache", "emergency"),
    ("i think my baby has meningitis", "emergency"),
    # -- a baby's bump on the head, cried at once, well since (NHS head injury: care at home) ---
    (
        "my 9 month old hit his head on the floor this morning, eating, crawling and smiling as normal",
        None,
    ),
    ("baby fell off the sofa this morning, cried at once and settled, feeding normally", None),
    # near misses
    (
        "baby fell off the bed an hour ago, feeding, playing as normal but vomited twice",
        "emergency",
    ),
    ("8 month old fell off the changing table yesterday, playing and feeding normal", "emergency"),
    # -- one extra dose of an everyday prescribed medicine, feeling fine -----------------------
    ("took my amlodipine twice by mistake this morning, feel ok, have i overdosed", None),
    (
        "forgot i had already taken my cholesterol tablet and took another, i feel fine, overdose?",
        None,
    ),
    # near misses
    (
        "accidentally took two of my blood pressure tablets, now dizzy and faint, did i overdose",
        "emergency",
    ),
    ("took my warfarin twice by mistake, feel fine, overdosed?", "emergency"),
    ("i overdosed on my statins, took 30 of them, i feel fine", "emergency"),
    # -- loud snoring with pauses in breathing: sleep apnoea (NHS: see a GP) -------------------
    ("my wife snore loud and sometime she stop breathe for some second at night", None),
    ("he snores and stops breathe in sleep then gasps, always tired, which doctor", None),
    # near misses
    ("my husband stop breathe, he is blue and not answering", "emergency"),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_plain_words_level(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
