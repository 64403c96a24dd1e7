"""Rounds 147-151 by kind: babies under 3 months, test results and numbers. An emergency
given only same-day care: infant paracetamol given again by mistake to a baby of a few weeks
(two carers each giving a dose, several doses in a few hours), the baby seeming fine (NHS
paracetamol for children; NHS 111 / TOXBASE: too much in a baby is A&E now). Same-day kinds
that got nothing: a baby yellow in the first day of life (NICE CG98), a baby of a few weeks
whose every feed comes back out like a fountain and who is hungry straight after (NHS
pyloric stenosis), a baby under 4 weeks ("a 10 day old's eyes") with red eyes and pus (NHS
conjunctivitis), a home INR of 5 or more with the anticoagulation clinic or a target range
named but the drug not (NICE CKS anticoagulation), and type 1 ketones of 0.6-1.4 on a sick
day with a cold or a fever (Diabetes UK sick day rules). Not-urgent kinds given urgent: a
baby's weight that dropped a centile read as a fall, a dipstick trace of blood the writer
cannot see (NICE NG12), a young baby's fever last week checked and cleared and well since,
and a general question of what counts as a fever (NICE NG143). Each kind with near misses
that must stay emergencies or same-day care. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- infant paracetamol repeated by mistake in a baby under 3 months: 999 ---------------
    (
        "i gave our 6 week old some calpol at teatime and my partner gave her another lot an "
        "hour later without knowing, she seems fine but what do we do",
        "emergency",
    ),
    (
        "my mum and i both gave the baby infant paracetamol this evening by mistake, he's 9 "
        "weeks old, he's asleep and seems ok",
        "emergency",
    ),
    (
        "think we doubled up on calpol, our 2 month old baby has had 12ml in 4 hours between "
        "me and her dad",
        "emergency",
    ),
    (
        "my 8 week old got an extra dose of calpol by accident tonight, my husband didnt know "
        "i had already given it",
        "emergency",
    ),
    # near misses: a large dose in an older child stays 999; the advised doses after the
    # 8-week jabs raise nothing; asking whether to give it to a baby with a fever is the
    # fever's same-day care, not a poisoning
    (
        "my 6 week old is 38.2 and grizzly, i didn't know if i should give her calpol at this age",
        "urgent",
    ),
    (
        "not knowing whether paracetamol is ok for my 5 week old, he feels hot, temp 38",
        "urgent",
    ),
    ("my 3 year old drank most of a bottle of calpol", "emergency"),
    (
        "my 8 week old had her jabs today and we gave the second dose of calpol 4 hours after "
        "the first like the nurse said",
        None,
    ),
    # -- a baby yellow in the first day of life (NICE CG98): same day ------------------------
    (
        "our son was born this morning and his face already looks yellow, is that normal",
        "urgent",
    ),
    (
        "baby is only 18 hours old and her chest and face have gone yellowish, midwife comes "
        "on thursday",
        "urgent",
    ),
    (
        "gave birth yesterday evening and my daughter is looking jaundiced already, less than "
        "a day old",
        "urgent",
    ),
    # near misses: yellow and floppy, not feeding: 999; yellowing on day 4 is the midwife's
    (
        "my newborn was born yesterday, looks yellow and is floppy and wont wake for feeds",
        "emergency",
    ),
    ("my baby is 4 days old and a little yellow, the midwife is coming tomorrow", None),
    # -- projectile feeds in a baby of a few weeks (NHS pyloric stenosis): same day ---------
    (
        "my 4 week old's milk shoots out across the room after every feed and she is starving "
        "again straight away",
        "urgent",
    ),
    (
        "lo is 6 weeks, the last day and a half each feed comes straight back up like a "
        "fountain, not green, and he wants feeding again right after",
        "urgent",
    ),
    (
        "our 5 week old son has projectile sick after all his feeds and has had fewer poos",
        "urgent",
    ),
    # near misses: green vomit in a baby is 999
    ("my 3 week old is being sick and it's bright green", "emergency"),
    ("my 5 week old is projectile vomiting and the sick is green", "emergency"),
    # -- red sticky eyes under 4 weeks, "a N day old's eyes" (NHS conjunctivitis) -----------
    ("my 12 day old's eyes are red and crusted with yellow pus", "urgent"),
    ("our 2 week old's eyelids are puffy and the eyes are red with green discharge", "urgent"),
    ("my 9 day old's eye is sticky and red again after cleaning", "urgent"),
    # -- INR 5 or more, drug unnamed, clinic or target named (NICE CKS): same day -----------
    (
        "home inr meter says 6.8 this morning, my target range is 2.5 to 3.5. no bleeding. "
        "what now",
        "urgent",
    ),
    ("anticoag clinic rang, my INR came back at 8, no bruising or bleeding", "urgent"),
    ("inr is 5.9 and my target is 2-3, feel fine, surgery shut till tomorrow", "urgent"),
    # near misses: bleeding with a high INR is 999
    (
        "inr 8.1 on the home machine and my nose has been bleeding for an hour and wont stop",
        "emergency",
    ),
    ("warfarin, INR 9, and I'm vomiting blood", "emergency"),
    # -- type 1 sick day with a cold or fever, ketones 0.6-1.4: same day -------------------
    (
        "my son is 11 with type 1, he's got flu, sugar 15 and blood ketones 0.9, still "
        "drinking fine",
        "urgent",
    ),
    (
        "type 1 here, caught a stinking cold, ketones 1.1 this morning, sugars stuck around 16",
        "urgent",
    ),
    ("daughter has type 1 and a fever, ketones are 1.4, eating a bit", "urgent"),
    # near misses: higher ketones stay same day; vomiting with ketones and drowsiness is 999
    ("type 1, ketones 2.2 and I have a cold", "urgent"),
    (
        "my type 1 son has ketones of 3.4 and is vomiting and very drowsy",
        "emergency",
    ),
    # -- a weight centile drop is not a fall -------------------------------------------------
    (
        "health visitor said my 9 week old has dropped from the 75th to the 50th centile, "
        "she's feeding well",
        None,
    ),
    ("our baby fell from the 50th percentile to the 25th, is that bad", None),
    ("8 week old son's weight has dropped down a centile line, lots of wet nappies", None),
    # near misses: a baby dropped or rolled off something is still 999
    ("the baby was dropped onto the tiled floor, he is 8 weeks old", "emergency"),
    ("baby rolled off the changing table and hit the floor, she's 10 weeks", "emergency"),
    # -- a dipstick trace of blood not seen (NICE NG12 non-visible haematuria) --------------
    (
        "practice nurse dipped my urine and said there was a trace of blood, i can't see any "
        "blood in my pee though. should i worry",
        None,
    ),
    (
        "urine test at the gp showed a trace of blood, i dont see any blood in the wee, they "
        "sent it off to the lab",
        None,
    ),
    (
        "dipstick picked up microscopic blood, my wee looks normal, no blood in my urine that "
        "i can see",
        None,
    ),
    # near misses: visible red wee stays same day
    ("the dipstick showed blood and my wee is bright red today", "urgent"),
    ("there is blood in my urine, it looks pink", "urgent"),
    # -- a young baby's past fever checked and cleared, or a general question ---------------
    (
        "my 6 week old had a temperature of 38.5 four days ago, the hospital did bloods and "
        "they all came back clear, she's been completely fine since",
        None,
    ),
    (
        "last week our 8 week old ran a fever and the out of hours gp checked him over, all "
        "clear, he's been fine ever since. anything to watch for?",
        None,
    ),
    ("what temperature counts as a fever in a newborn baby?", None),
    ("whats a high temp for a 6 week old baby, which number should worry me", None),
    # near misses: a fever now in a baby under 3 months is same day; back again is too
    ("my 7 week old has a temperature of 38.2", "urgent"),
    (
        "my 6 week old had a fever last week, checked at a&e and all clear, but today she's "
        "38.4 again",
        "urgent",
    ),
    ("what counts as a fever? my 4 week old is 38.3 right now", "urgent"),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round151_babies_results(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level, text
