"""Round 176 by kind (set 26): false emergencies. An older relative newly a bit muddled with
the signs of a urine infection, told as an in-law's age (urgent, not 999); "having a heart
attack every time" a team or a match goes wrong, said with a laugh; a household "collapsed on
the sofa" after a big meal, a party or work; a count of breathing pauses a sleep study gave;
a carer's question asked ahead about CPR; a fire weeks back with everyone fine now; a cold
remedy nearly taken on top of paracetamol and then not; one right-for-age dose of a 6-plus
children's paracetamol; a lacy brown mottling from a hot water bottle or heater day after day
(erythema ab igne). Each kind with wordings that must stand down (or be urgent), and near
misses that must stay emergencies. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- an older in-law newly muddled with urine infection signs, nothing else wrong (NICE
    # CG103 delirium; NHS urinary tract infections): same day, not 999 ---------------------
    (
        "my father in law is 79, weeing all the time and it smells strong. since this "
        "morning hes a bit muddled, keeps asking what day it is, but eating fine",
        "urgent",
    ),
    (
        "Mother-in-law is 91 and living with us. Her wee is cloudy and she says it stings. "
        "Today she's become a bit confused, though she's chatting away",
        "urgent",
    ),
    (
        "my mum in law is 86, going to the toilet a lot more and says it burns. this "
        "afternoon she seems muddled, not like her",
        "urgent",
    ),
    # near misses: a danger sign with it keeps the 999 call
    (
        "my father in law is 82, wee smells strong, since this morning hes confused and "
        "very drowsy, hard to wake",
        "emergency",
    ),
    (
        "mother in law is 88, weeing a lot and it stings, today shes suddenly confused and "
        "has a high temperature and is shivering",
        "emergency",
    ),
    # -- "having a heart attack every time" a team or a match goes wrong, said with a laugh:
    # a figure of speech (NHS heart attack read in the rest) -----------------------------
    (
        "my husband says hes having a heart attack every time england miss a penalty haha. "
        "any tips for calming him down during the match?",
        None,
    ),
    (
        "grandad has a heart attack whenever the darts goes to a final leg lol, he loves it. "
        "what snacks are good for him on match night?",
        None,
    ),
    (
        "I swear I'm having a heart attack every time my team concede a goal lmao. Is "
        "shouting at the telly bad for your blood pressure?",
        None,
    ),
    # near misses: real chest pain, or no joke at all
    (
        "dad always jokes hes having a heart attack every time the football is on lol but "
        "tonight he has crushing chest pain going down his arm and hes sweating",
        "emergency",
    ),
    (
        "i think im having a heart attack, crushing chest pain and sweating",
        "emergency",
    ),
    # -- the family "collapsed on the sofa" after a meal, a party or work, with a laugh: a
    # figure of speech for tiredness ------------------------------------------------------
    (
        "we all collapsed on the couch after the christmas roast lol. why does a big meal "
        "make you so sleepy?",
        None,
    ),
    (
        "literally collapsed into bed after my double shift at work haha, slept 12 hours. "
        "is that normal?",
        None,
    ),
    (
        "the kids collapsed in front of the telly after the party lmao, so full of cake. "
        "how much sugar is too much at parties?",
        None,
    ),
    # near misses: a real collapse
    (
        "my uncle collapsed on the sofa after dinner lol we thought, but now we cant wake him",
        "emergency",
    ),
    ("my wife collapsed on the kitchen floor and isnt responding", "emergency"),
    # -- a count of breathing pauses a sleep study or CPAP clinic gave (NHS sleep apnoea):
    # not someone not breathing now ----------------------------------------------------
    (
        "the sleep clinic said i stop breathing about 40 times an hour. whats the best "
        "cpap mask for a beard?",
        None,
    ),
    (
        "my sleep test showed he stops breathing 25 times an hour, hes on the waiting list "
        "for cpap. can he still drive?",
        None,
    ),
    (
        "apparently i stopped breathing 60 times an hour according to the sleep study, my "
        "cpap starts next week. will it help my headaches?",
        None,
    ),
    # near miss: not breathing now
    ("my husband has stopped breathing and wont wake up", "emergency"),
    # -- a carer's or first-aider's question asked ahead (Resuscitation Council UK) -----
    (
        "first aid course question: if one of my residents collapses and isnt breathing "
        "do i still do cpr if they have a pacemaker?",
        None,
    ),
    (
        "if one of the children at nursery stops breathing should i still give rescue "
        "breaths first?",
        None,
    ),
    (
        "If a client collapses and is not breathing, should we use the defib even with an "
        "ICD fitted?",
        None,
    ),
    # near misses: it is happening
    (
        "one of my residents collapsed and isnt breathing, do i still do cpr?",
        "emergency",
    ),
    ("my client just collapsed and is not breathing", "emergency"),
    # -- a fire weeks or months back, everyone fine now, a safety question now (NHS burns
    # and scalds; fire service home safety) -------------------------------------------
    (
        "my brothers toaster caught fire two months ago, hes fine now, the kitchen was a "
        "bit smoky. where should i keep mums oxygen concentrator?",
        None,
    ),
    (
        "we had a chip pan fire last year, nobody hurt. is it safe to use a home oxygen "
        "machine near a gas cooker?",
        None,
    ),
    (
        "a candle fire in our bedroom last month, we were all ok now. what fire alarms "
        "should we get for dads oxygen?",
        None,
    ),
    # near misses: smoke breathed in with signs now
    (
        "our kitchen caught fire last month, were all fine now but my son is still "
        "coughing up black stuff",
        "emergency",
    ),
    (
        "the house next door caught fire this morning, my dad breathed in thick smoke and "
        "his voice is hoarse",
        "emergency",
    ),
    # -- a cold remedy nearly taken on top of regular paracetamol and then not (NHS
    # paracetamol: check other medicines for it) -------------------------------------
    (
        "i take paracetamol four times a day for my knee and almost had a beechams on top "
        "last night, then saw it has paracetamol in. didnt take it. whats the limit?",
        None,
    ),
    (
        "been on paracetamol every 6 hours all week for toothache, nearly took a night "
        "nurse as well but checked the box first. what can I take instead?",
        None,
    ),
    (
        "taking 2 paracetamol 4 times a day since monday and nearly had a lemsip too, "
        "stopped myself. is ibuprofen ok with it?",
        None,
    ),
    # near miss: both taken, and now sick with pain under the ribs
    (
        "been taking paracetamol every 4 hours all week and lemsip as well, now i feel sick "
        "with pain under my right ribs",
        "emergency",
    ),
    # -- one right-for-age dose of a 6-plus children's paracetamol (NHS paracetamol for
    # children): not an overdose --------------------------------------------------------
    (
        "gave my 6 year old 5ml of calpol six plus for his earache, then read it's stronger "
        "than the infant one. did i overdose him?",
        None,
    ),
    (
        "I gave my 9 year old 7.5ml of the six plus calpol for her temperature. Is that an "
        "overdose? the bottle looks different",
        None,
    ),
    (
        "my 10 year old had 10ml of calpol six plus this morning, worried I overdosed her "
        "cos its the strong one",
        None,
    ),
    # near misses: a repeat dose, a toddler, or signs after it
    (
        "gave my 7 year old 5ml of calpol six plus and my partner gave another 5ml an hour "
        "later, overdose?",
        "emergency",
    ),
    (
        "gave my 3 year old 5ml of the calpol six plus by mistake, did i overdose him?",
        "emergency",
    ),
    (
        "did i overdose my 6 year old? gave 5 ml of the six plus calpol and now hes drowsy",
        "emergency",
    ),
    # -- a lacy brown mottling from a hot water bottle or heater day after day: erythema
    # ab igne, toasted skin (NHS; DermNet), not a burn now --------------------------------
    (
        "i use a hot water bottle on my tummy every night for period pain and now theres a "
        "mottled brownish net pattern there. it doesnt hurt at all",
        None,
    ),
    (
        "sat with my legs against the heater every evening all winter, now a lacy red brown "
        "rash on my shins, doesnt hurt",
        None,
    ),
    (
        "my laptop sits on my thighs for hours every day and there's a blotchy web-like "
        "brown mark, not painful. what is it? no blisters",
        None,
    ),
    # near misses: a real deep burn
    (
        "fell asleep on my hot water bottle and the skin has gone white and doesnt hurt",
        "emergency",
    ),
    (
        "hot water bottle burst on my leg, skin peeling off, doesnt hurt",
        "emergency",
    ),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round176_false(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
