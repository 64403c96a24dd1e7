"""Rounds 187-191 by kind (set 29): missed emergencies and one missed same-day case. A blow to
the head told by where it landed or by what struck it (a ball, a bat, a club, a door), then
being sick, drowsy with the eyes not staying open, or asking the same thing again (NICE NG232;
NHS head injury); someone barely rousable after tablets, mumbling, dropping straight back off
or breathing slowly, with a strip or packet found empty (NHS overdose and poisoning); more
paracetamol than the adult daily maximum, told as tablets every two or three hours or as a
count for the day, while feeling well (NHS paracetamol: A&E now even if you feel fine); and on
a blood thinner, gums that bleed at each brushing or bruises no knock explains (NHS warfarin,
apixaban: contact the clinic or GP today). Each kind with wordings that must reach the level
and near misses that must keep the other. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- struck on the head by a ball, bat, club or door, with vomiting, drowsiness or
    # repeated questions since (NICE NG232; NHS head injury: go to A&E) ------------------
    (
        "my lad was hit on the back of the head by a hockey ball at training, since then hes "
        "thrown up twice and says he feels sleepy",
        "emergency",
    ),
    (
        "a golf ball struck my husband on the side of his head on the 9th hole. he's been "
        "sick twice and keeps asking where we parked",
        "emergency",
    ),
    (
        "got clonked by a cricket bat at nets, right on the temple. now I can barely keep my "
        "eyes open and I've vomited",
        "emergency",
    ),
    (
        "the garage door came down on her head this afternoon, she's confused and keeps "
        "repeating herself",
        "emergency",
    ),
    (
        "smacked on the top of the head by a swinging boom on the boat, been sick twice since "
        "and feeling very drowsy",
        "emergency",
    ),
    # near misses: the same knock with no sign since, told days later and well
    (
        "got hit on the side of the head by a tennis ball on saturday, small lump, been "
        "completely fine since, can I play again this week?",
        None,
    ),
    (
        "a football hit my daughter on the back of the head a few days ago, no sickness, "
        "she's been herself ever since. when can she go back to matches?",
        None,
    ),
    # -- hard to wake after tablets, a pack found emptied (NHS overdose and poisoning:
    # call 999) -------------------------------------------------------------------------
    (
        "we can hardly rouse my brother, he took his sleeping pills earlier and now he just "
        "mumbles",
        "emergency",
    ),
    (
        "found an empty packet of her diazepam by the bed. she keeps drifting straight back "
        "off when I shake her",
        "emergency",
    ),
    (
        "the box of his codeine was full on monday and now it's empty. he's slumped in the "
        "chair and his breathing is really slow",
        "emergency",
    ),
    (
        "my nan's blister pack of tramadol is empty and she is mumbling and can't keep her "
        "eyes open",
        "emergency",
    ),
    # near misses: a course finished, or simply tired
    (
        "finished the course of antibiotics as prescribed, the box is empty now and I still "
        "feel a bit drowsy after the infection",
        None,
    ),
    (
        "how long does zopiclone make you drowsy the next morning?",
        None,
    ),
    # -- paracetamol over the daily maximum, told as doses too close together or a count
    # for the day, feeling fine (NHS paracetamol: go to A&E now) ------------------------
    (
        "had a migraine so i took 2 paracetamol every 2 hours through the afternoon, feel "
        "alright now though",
        "emergency",
    ),
    (
        "back was killing me so I had roughly 14 paracetamol in the day yesterday. I feel "
        "totally normal",
        "emergency",
    ),
    (
        "ive been having 3 paracetamol at a time, 4 times a day for my knee since monday, "
        "should I cut down?",
        "emergency",
    ),
    (
        "taking co-codamol, 3 at once every 3 hours for my wisdom tooth, is that alright or "
        "should I stop?",
        "emergency",
    ),
    (
        "had 12 tablets today of panadol for this period pain, no sickness, do I need to worry?",
        "emergency",
    ),
    # near misses: a right dose, or a question before taking
    (
        "I take 2 paracetamol 4 times a day for my arthritis, 4 hours apart, is that the max?",
        None,
    ),
    (
        "what is the most paracetamol I can take in a day for toothache?",
        None,
    ),
    (
        "can I take 2 paracetamol every 3 hours if the pain is bad?",
        None,
    ),
    (
        "I smoke about 20 a day and had two paracetamol for a headache, is that ok?",
        None,
    ),
    # -- on a blood thinner, gums bleeding at each brushing or bruises with no knock to
    # explain them (NHS warfarin, apixaban: contact the clinic or GP today) ------------
    (
        "I'm on warfarin and since the doctor gave me an antibiotic my gums bleed each time "
        "I brush my teeth",
        "urgent",
    ),
    (
        "my dad takes apixaban and has bruises coming up on his shins for no reason, no "
        "other bleeding",
        "urgent",
    ),
    (
        "on rivaroxaban for a clot, noticed a bruise on my tummy that keeps spreading and I "
        "can't remember knocking it",
        "urgent",
    ),
    (
        "mum is on warfarin and started cod liver oil, now she has purple bruises all over "
        "her arms she can't explain",
        "urgent",
    ),
    # near misses: a knock told, a little bleeding that stops, the jab sites, a question
    (
        "on warfarin, banged my shin on the coffee table yesterday and there's a bruise, no "
        "other bleeding. is that normal?",
        None,
    ),
    (
        "my gums bleed a little sometimes when I floss and I'm on apixaban, it stops straight away",
        None,
    ),
    (
        "I have small bruises on my tummy where I do my clexane injections",
        None,
    ),
    (
        "does warfarin make you bruise more?",
        None,
    ),
    # ... and a major bleed on one stays a 999 call
    (
        "on warfarin, gums bleeding and now I've vomited blood",
        "emergency",
    ),
    (
        "dad is on apixaban, bruises everywhere for no reason and he just banged his head "
        "and is being sick",
        "emergency",
    ),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round191_missed(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
