"""Rounds 132-136 by kind: false emergencies and chest-pain over-triage. The verb "fit" of a
carpet, tyres, a boiler or shelves (DIY or a trade, not a seizure); an ache down one arm from
a trapped nerve in the neck with nothing of the chest or heart (NHS neck pain; NICE CKS
cervical radiculopathy: a GP); a carer's or teacher's "if a resident suddenly ..., what do I
do?" asked ahead for training; chest soreness after a bench press or press-ups that hurts to
press on or when twisting (NHS chest pain: a strained muscle); a young person's sharp catch of
a few seconds on breathing in that comes back now and then over weeks or months (precordial
catch: a GP if it worries); "can stress cause chest pain?" asked in general; a panic attack
over within minutes and fine since, asking how to stop them (NHS panic disorder). Each kind
with wordings that must stand down, and near misses that must keep their level: a fit now,
a nerve ache with chest pain, sweating or sickness, the same question about someone ill now,
chest pain now, at rest, crushing or heavy, spreading to the arm or jaw, with sweating,
breathlessness, sickness or faintness, or new on exertion in someone older. Our own words
throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- "fitting" a carpet, tyres, a boiler, shelves: DIY or a trade, not a seizure (NHS cuts
    # and grazes; NHS back pain) --------------------------------------------------------------
    ("grazed both my knees fitting the new carpet in the lounge, how do i clean them", None),
    ("pulled something in my back fitting new tyres on the van this morning, ibuprofen ok?", None),
    ("cut my thumb on a pipe while fitting the boiler, bled a bit, plaster enough?", None),
    ("sore shoulder from fitting some shelves and a blind at my mums all weekend", None),
    ("my husband is a carpet fitter and his knees are always swollen, what helps", None),
    # near misses: someone fitting, now
    ("my son is fitting on the carpet and wont stop", "emergency"),
    ("she started fitting in the bath and her lips look blue", "emergency"),
    (
        "dad was fitting the boiler when he collapsed and now he is fitting on the floor",
        "emergency",
    ),
    # -- an ache down one arm from a trapped or pinched nerve in the neck, nothing of the chest
    # or heart (NHS neck pain; NICE CKS neck pain, cervical radiculopathy: a GP) ---------------
    (
        "pretty sure its a trapped nerve in my neck, pain shooting down my left arm for 3 days, "
        "grip ok",
        None,
    ),
    (
        "pinched a nerve in my neck at work, ache running down my arm to my fingers, what helps",
        None,
    ),
    ("slept funny on sunday, stiff neck and an ache going down into my right arm ever since", None),
    # near misses: chest, sweating or sickness with it, or no nerve told
    (
        "think its a trapped nerve but the pain is going down my left arm and im sweating",
        "emergency",
    ),
    (
        "trapped nerve in my neck? pain spreading down my left arm and my chest feels heavy",
        "emergency",
    ),
    ("slept funny, now a pain going down my left arm and i feel sick and clammy", "emergency"),
    ("pain going down my left arm and into my jaw", "emergency"),
    # -- a carer's, teacher's or first-aider's question asked ahead for training (NHS first aid;
    # CQC staff training) ------------------------------------------------------------------------
    (
        "new at the care home: if a resident suddenly becomes confused and feverish, what "
        "should I do? just for my induction",
        None,
    ),
    ("when a resident is suddenly confused and hot, what am i meant to do? no one is ill", None),
    (
        "if a service user suddenly seems more muddled than usual and is warm, how do I respond? "
        "it is for my care certificate",
        None,
    ),
    # near misses: someone confused now
    ("a resident has suddenly become confused and hot, what do i do?", "emergency"),
    ("if a resident suddenly seems confused right now what do i do?", "emergency"),
    ("my mum is suddenly confused, what do I do?", "emergency"),
    (
        "if a resident suddenly went confused and hot like this afternoon, what do i do?",
        "emergency",
    ),
    # -- chest soreness after a bench press or press-ups, sore to press on or when twisting (NHS
    # chest pain: a strained chest muscle, self-care) -------------------------------------------
    (
        "went hard on bench press yesterday, now my chest is sore on the left, hurts to press on "
        "the spot and when i turn. breathing fine",
        None,
    ),
    ("did 100 press ups last night and my chest hurts to touch, sore when i twist. normal?", None),
    (
        "after weights at the gym my chest is sore, it hurts to push on one spot and when i "
        "reach up, otherwise fine",
        None,
    ),
    # near misses: crushing, spreading, sweating or breathlessness after the gym
    ("did bench press earlier and now crushing chest pain going into my left arm", "emergency"),
    # (999 since session 39: a tight chest with sweating and breathlessness, NHS chest pain)
    ("after the gym my chest is sore and tight, im sweating and short of breath", "emergency"),
    # -- a young person's catch in the chest of a few seconds on breathing in, coming back now
    # and then over weeks or months, otherwise well (precordial catch: a GP if it worries) -----
    (
        "my 13 year old son gets a sharp pain in his chest for a second or two when he breathes "
        "in, every few weeks, then it goes. he is fine otherwise",
        None,
    ),
    (
        "im 16 and now and then i get a stabbing pain in my chest for a few seconds when i take a "
        "breath, been like that for months, nothing else",
        None,
    ),
    (
        "teenage daughter has sharp pains in her chest that last a couple of seconds on "
        "breathing in, on and off for weeks, she is well. gp thought precordial catch",
        None,
    ),
    # near misses: lasting, now, with breathlessness or fainting, or on exercise
    (
        "im 15 and have had a sharp pain in my chest for 20 minutes when i breathe in, its "
        "still there",
        "emergency",
    ),
    (
        "my 14 yo gets a sharp pain in her chest for a few seconds every few weeks but today she "
        "fainted with it",
        "emergency",
    ),
    (
        "im 15, sharp pain in my chest for a few seconds when i run, on and off for weeks",
        "urgent",
    ),
    ("sharp pain in my chest when i breathe in, started today and im short of breath", "emergency"),
    # -- whether a thing can cause chest pain, asked in general (NHS chest pain) ----------------
    ("can stress cause chest pain", None),
    ("can anxiety cause chest pains?", None),
    ("does stress give you chest pain or is that a myth", None),
    # near misses: the writer's own, now
    ("can stress cause chest pain, ive got crushing pain in my chest now", "emergency"),
    ("can stress cause chest pain like this, its crushing and going down my arm", "emergency"),
    ("can this cause chest pain? i have had it since this morning", "urgent"),
    ("can a stroke cause slurred speech and a droopy face, dad has that", "emergency"),
    ("can a stroke cause slurred speech and a droopy face and my dad has that", "emergency"),
    ("can stress alone give you chest pain or is it always a sign of a heart attack", None),
    # -- a panic attack over within minutes and fine since, asking how to stop them (NHS panic
    # disorder: a GP or talking therapies) -------------------------------------------------------
    (
        "had a panic attack before my driving test yesterday, chest went tight and i couldnt "
        "breathe, it went after about 5 mins and ive been fine since. how do i stop them",
        None,
    ),
    (
        "panic attack during my exam this morning, felt like i was having a heart attack, tight "
        "chest, couldnt breathe. it passed in a few minutes and im fine now, tips?",
        None,
    ),
    (
        "had an anxiety attack last night, tight chest and couldnt get my breath, settled within "
        "10 minutes, feeling ok since. how do i prevent another",
        None,
    ),
    # near misses: still going, pain, or the signs of a heart attack
    (
        "had a panic attack yesterday but my chest is still tight and i cant breathe properly",
        "emergency",
    ),
    (
        "panic attack earlier, crushing chest pain going into my left arm, it went after 10 "
        "minutes and im fine now",
        "emergency",
    ),
    ("i think im having a heart attack, my chest is tight and im sweating", "emergency"),
    # -- real chest pain keeps its level (NHS chest pain; NHS heart attack; NICE CG95) ---------
    ("i have chest pain right now while sitting on the sofa", "urgent"),
    ("heavy pain in the middle of my chest, feel sick and sweaty", "emergency"),
    ("chest pain spreading to my jaw and left arm", "emergency"),
    ("chest pain and i feel faint", "emergency"),
    (
        "im 67 and get a tight chest when i walk up hills that goes when i stop, new this month",
        "urgent",
    ),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round136_false_alarms(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
