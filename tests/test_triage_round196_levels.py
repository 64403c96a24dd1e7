"""Rounds 192-196 by kind (set 30): levels. A night-time scare taken for a heart attack
(tight chest, could not breathe), checked at A&E days back with the ECG and bloods normal,
put down to a panic attack and not happened again (not urgent); someone else's cardiac arrest
that the writer gave CPR for days back, told with its outcome by a shaken rescuer (not 999);
a newborn's eye only sticky or crusted, told as white and not red or swollen (not urgent); a
newborn girl's small bleed from the vagina in the first days, her mother's hormones, not blood
in the poo (not urgent); "I don't get any chest pain or breathlessness", both denied (not
urgent); a time-critical medicine down to one dose with no prescription till tomorrow, or not
given back at discharge (urgent). Each kind with wordings that must reach their level, and
near misses that must keep the other one. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- a scare taken for a heart attack, checked days back (ECG, bloods normal), put down
    # to a panic attack, not happened again (NHS panic disorder; NICE CG95) ---------------
    (
        "a few days ago i woke at 2am sure it was a heart attack, chest tight and i couldnt "
        "get my breath. a and e did an ecg and bloods, all normal, doctor said panic attack. "
        "it hasnt come back since, how do i stop another one",
        None,
    ),
    (
        "on saturday my chest went tight and i felt i couldnt breathe, thought i was having a "
        "heart attack. hospital said ecg was normal and it was a panic attack. not had another "
        "since. any breathing exercises?",
        None,
    ),
    (
        "last week i had what they called a panic attack, chest tight and couldnt breathe, "
        "ecg and bloods came back fine and it hasnt happened again. should i see my gp",
        None,
    ),
    # near misses: it is back now, or a heart attack's signs now
    (
        "had a panic attack last week, ecg and bloods fine, not happened again but tonight my "
        "chest is tight and i cant breathe",
        "emergency",
    ),
    (
        "last week a and e said panic attack, ecg fine, not happened since, but now i have "
        "crushing chest pain going down my left arm",
        "emergency",
    ),
    (
        "panic attack on sunday, a and e did an ecg, all fine, it came back today and i cant "
        "breathe and my lips are blue",
        "emergency",
    ),
    # -- someone else's cardiac arrest the writer gave CPR for days back, with its outcome,
    # the rescuer shaken (NHS post-traumatic stress; Resuscitation Council UK) -------------
    (
        "gave cpr for the first time at work yesterday, a lady went into cardiac arrest in the "
        "canteen and the paramedics got her back, shes in intensive care. i keep replaying it "
        "and cant sleep",
        None,
    ),
    (
        "student nurse here, did chest compressions on a patient in cardiac arrest on "
        "saturday, sadly he died. ive been tearful all week, who can i talk to",
        None,
    ),
    (
        "i did cpr on a man having a heart attack at the gym 3 days ago, he survived and is in "
        "icu. i'm shaken, is that normal",
        None,
    ),
    # near misses: an arrest happening now, or the rescuer's own chest pain
    ("my dad is in cardiac arrest, im doing cpr now", "emergency"),
    (
        "gave cpr yesterday to a man in cardiac arrest, he survived, i am shaken and now my "
        "own chest pain is crushing",
        "emergency",
    ),
    ("man in cardiac arrest in the street, hes not breathing, what do i do", "emergency"),
    # -- a newborn's eye only sticky, the eye told as white, not red or swollen (NHS your
    # newborn baby: clean sticky eyes; NHS conjunctivitis: red or swollen, same day) -------
    (
        "my 9 day old has one sticky eye with a bit of yellow gunk, the eye is white, lids not "
        "swollen",
        None,
    ),
    (
        "10 day old son, crusty eyelashes in the morning, the whites of his eyes are clear, "
        "no redness or swelling",
        None,
    ),
    (
        "newborn is 3 weeks old, sticky eye, eye looks white, no swelling, what do i clean it with",
        None,
    ),
    # near misses: red, swollen, or pus pouring
    ("my 10 day old has a sticky eye and the white of it is red", "urgent"),
    ("2 week old, sticky eye, eye is white but the eyelid is swollen and puffy", "urgent"),
    (
        "12 day old, gunky eye, the eye looks white but theres loads of green pus pouring out",
        "urgent",
    ),
    # -- a newborn girl's small bleed from the vagina, with swollen breasts, in the first
    # days: the mother's hormones (NHS your newborn baby), not blood in the poo ----------
    (
        "our 5 day old girl has a small spot of blood in her nappy that seems to come from her "
        "vagina, feeding well, breasts a bit swollen",
        None,
    ),
    (
        "my daughter is 4 days old and theres a little pink blood from her front passage in "
        "her nappy, is this the hormones?",
        None,
    ),
    (
        "1 week old girl, tiny bit of blood from her privates on the nappy, otherwise fine, "
        "midwife visiting friday",
        None,
    ),
    # near misses: blood in the poo, a boy's nappy, or a heavy bleed
    ("our 6 day old girl has blood mixed in her poo", "urgent"),
    ("my 6 day old son has blood in his nappy", "urgent"),
    (
        "my 5 day old daughter has blood in her nappy from her front bottom and its bleeding a lot",
        "emergency",
    ),
    # -- "I don't get any X or Y": a denial that reaches every item of its list ---------
    (
        "had a stent in january, i dont get any chest pain or breathlessness going up the "
        "stairs now, can i go back to the gym",
        None,
    ),
    (
        "she doesnt have any cough or shortness of breath now, can she go back to nursery",
        None,
    ),
    # near misses: the breathlessness told apart from the denial
    ("i dont get any chest pain but im breathless even sitting still", "urgent"),
    ("i dont get any chest pain, but my breathlessness is getting worse every day", "urgent"),
    # -- a time-critical medicine down to one dose with no prescription till tomorrow, or
    # not given back at discharge (Parkinson's UK get it on time; NHS 111 emergency supply)
    (
        "dads co-beneldopa wasnt given back when he left hospital this morning, next dose due "
        "at tea time",
        "urgent",
    ),
    (
        "my husband has one levetiracetam tablet left for tonight and the surgery cant issue "
        "a prescription until monday",
        "urgent",
    ),
    ("mums sinemet: she has her last tablet left for this evening, what do i do", "urgent"),
    (
        "im on tacrolimus, the gp wont write a prescription till tomorrow and i have none left",
        "urgent",
    ),
    # near misses: plenty left, or the repeat collected before the next dose
    ("ive got 3 weeks of co-careldopa left, when should i order more", None),
    (
        "my lamotrigine repeat is ready to collect this afternoon, i have 10 tablets left",
        None,
    ),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round196_levels(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
