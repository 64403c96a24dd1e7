"""Set-15 fixes by kind: emergencies and urgent cases the flags still missed. A toddler or
young child who fell or took a knock and is now drowsy or being sick, told with or without
the word head; a child's fit told as just over, with no history given (a same-day reply; a
first fit stays a 999 call); new jumbled or mixed-up words, whatever an old stroke left
behind; painkillers named by US brands in an overdose; giant cell arteritis signs with sight
trouble now; a sore throat or fever on carbimazole; a reliever that helps for only a few
hours. Each kind with near misses that must stay quiet or at their own level. Our own words
throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- a young child after a fall or knock, now drowsy or vomiting (NICE NG232; NHS head
    # injury: go to A&E) ---------------------------------------------------------------------
    (
        "my toddler rolled off the bed onto the floorboards and now she is so sleepy and threw up",
        "emergency",
    ),
    (
        "toddler took a tumble off the kitchen stool, since then hes been drowsy and vomited once",
        "emergency",
    ),
    ("our 2 year old fell off the sofa. now drowsy", "emergency"),
    (
        "3 year old had a fall in the garden an hour ago and has been sick since, very dozy",
        "emergency",
    ),
    (
        "my little one toppled off the step this morning and keeps nodding off and being sick",
        "emergency",
    ),
    # near misses: no warning sign, or sickness from something else
    (
        "toddler fell off the sofa earlier, not been sick and not drowsy, just a little red mark",
        None,
    ),
    (
        "my 2 year old bumped her head on the table, she hasnt vomited and isnt sleepy, is that ok?",
        None,
    ),
    ("my toddler keeps falling over when he runs about, is that normal at his age?", None),
    (
        "2 year old fell over last week and grazed her knee, now she has a tummy bug and is being sick",
        None,
    ),
    (
        "my toddler fell asleep in the car and was sick when he woke up, is it travel sickness?",
        None,
    ),
    # -- a child's fit, now over, with no history given (NHS febrile seizures) --------------
    ("my son had a fit. update: its stopped now", "urgent"),
    ("my daughter had a fit at teatime, she seems ok now", "urgent"),
    ("my 2 year old has had a seizure, it stopped after a minute, he is very hot", "urgent"),
    ("my little boy just had a convulsion but it's over now", "emergency"),
    # near misses: a first fit is a 999 call; one that will not stop too
    ("my daughter had a seizure, it has stopped, but it is her first one ever", "emergency"),
    ("my son had a fit, hes never had one before, it stopped after 2 minutes", "emergency"),
    ("my son is having a fit right now and it has lasted 6 minutes", "emergency"),
    # ... and what stays quiet: a temper, giggles, an old febrile fit, a known epilepsy's
    # usual seizure handled by the plan
    ("my daughter had a fit of giggles at the dinner table", None),
    ("my son had a fit when he saw his brother had eaten his sweets", None),
    ("my daughter had a febrile seizure last year, how can we stop another one?", None),
    ("my son had a fit two years ago when he was poorly, could it happen again?", None),
    (
        "our toddler had a febrile seizure at playgroup yesterday, paramedics checked him over "
        "and he is fine, when can he go back?",
        None,
    ),
    ("my daughter had a fit at her brother for taking her phone", None),
    (
        "my son has epilepsy and had one of his usual seizures this morning, 2 minutes, now "
        "asleep and breathing normally, we followed his care plan",
        None,
    ),
    # -- new jumbled or mixed-up words, whatever the history (NHS stroke: FAST) -------------
    ("she had a stroke in 2018 and today she's jumbling her words", "emergency"),
    ("old stroke years back. new jumbled words since an hour ago", "emergency"),
    ("mum had a stroke years ago. since this morning: jumbled speech", "emergency"),
    (
        "my wife had a stroke that left her some aphasia, but today her speech is much more jumbled",
        "emergency",
    ),
    ("grandad has had 2 strokes before. today he keeps jumbling up words", "emergency"),
    ("my mum who had a stroke last year is suddenly mixing up her words today", "emergency"),
    ("he had a stroke 5 years back, this afternoon his words came out all wrong", "emergency"),
    ("dad had a stroke in 2019. since breakfast he keeps using the wrong words", "emergency"),
    ("my husband is muddling up his words all of a sudden tonight", "emergency"),
    # near misses: a lasting change asked about, habits, learning, dementia, puzzles
    (
        "my dad had a stroke two years ago and his speech has been a bit jumbled ever since, "
        "any tips for speech therapy at home?",
        None,
    ),
    ("I always jumble my words when I'm nervous on the phone", None),
    ("my 2 year old mixes up his words, is his language coming on normally?", None),
    ("mum has dementia and mixes up her words, how can we help her?", None),
    ("my kids love jumbled word puzzles, any good books?", None),
    # -- painkillers by their US brand names, taken in a deliberate-sounding quantity (NHS
    # paracetamol overdose: go to A&E even if you feel well) --------------------------------
    (
        "my son swallowed about 16 tylenol last night after an argument, he says he feels fine",
        "emergency",
    ),
    ("took 30 advil an hour ago and I don't want to tell anyone", "emergency"),
    ("my flatmate necked like 25 excedrin earlier because of her ex", "emergency"),
    # near misses: an ordinary dosing question
    ("can I take tylenol with ibuprofen for a headache?", None),
    ("how many advil can I take in a day for period pain?", None),
    # -- a giant cell arteritis picture with sight trouble now (NHS giant cell arteritis:
    # sight problems, go to A&E) -------------------------------------------------------------
    (
        "new ache at my temple for a week, jaw hurts when I chew, scalp sore, now my vision keeps going blurry",
        "emergency",
    ),
    (
        "70F, new headache at her temples, sore scalp combing her hair, today her sight in one eye went grey twice",
        "emergency",
    ),
    (
        "pain at the side of my head, tender scalp when I brush my hair, and I'm seeing double since this morning",
        "emergency",
    ),
    # near misses: the same signs with sight fine stay a same-day reply
    (
        "new pain in my temple, scalp tender when I brush my hair, jaw aches when chewing. vision fine",
        "urgent",
    ),
    (
        "temple headache, scalp tender, jaw aches when I chew. No blurred vision or double vision",
        "urgent",
    ),
    # -- a sore throat, mouth ulcers or a temperature on an antithyroid medicine (MHRA and BNF
    # carbimazole: a same-day blood count) ---------------------------------------------------
    ("on carbimazole and I've had a sore throat and fever since yesterday", "urgent"),
    ("I take propylthiouracil, now I have mouth ulcers and a temperature", "urgent"),
    (
        "started carbimazole 6 weeks ago, woke with a really sore throat today, best lozenges?",
        "urgent",
    ),
    # near misses: a general question, a medicine stopped long ago
    ("what are the side effects of carbimazole to look out for?", None),
    ("I came off carbimazole 2 years ago, now I have a sore throat, can I use strepsils?", None),
    # -- a reliever that helps for only a few hours (NHS asthma: needing it more than every 4
    # hours, urgent GP or NHS 111) -----------------------------------------------------------
    ("my reliever inhaler only lasts 3 hours then I'm wheezy again", "urgent"),
    (
        "asthma bad with this cold, the blue inhaler helps for a couple of hours then wears off",
        "urgent",
    ),
    ("my son's ventolin only holds him for about two hours before he's wheezy again", "urgent"),
    # near misses: how long an inhaler keeps, a preventer running out
    ("how long does a salbutamol inhaler last once opened?", None),
    ("my preventer inhaler only lasts about 3 weeks, can I get a bigger one?", None),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_missed_left(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
