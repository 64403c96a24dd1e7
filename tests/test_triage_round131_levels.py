"""Rounds 127-131 by kind: the level, not only whether a flag fires. A hernia "had for years"
that has now gone hard or will not go back, with vomiting or no wind, is 999 (NHS hernia: A&E);
a kidney infection (a urine infection with a temperature and back or side pain), an infection
after a miscarriage or termination, a COPD flare with changed phlegm told with full sentences,
and pain that moved from the navel to the lower right (possible appendicitis) are same-day
care, while their 999 signs (confusion, sepsis signs, a spreading or rigid tummy, too
breathless to talk) stay emergencies; a dog bite told after what the dog did first, a pregnant
woman who never had chickenpox in contact with it, a positive test with a coil in, and a small
child with a fever whose wee hurts or smells are same-day care. Each kind with near misses.
Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- a long-standing hernia that is now stuck (NHS inguinal/umbilical hernia: A&E) ------
    (
        "had an umbilical hernia for ages, today it's gone hard and purple and I've been sick "
        "three times",
        "emergency",
    ),
    (
        "my groin hernia that ive had for about ten years wont go back in since this morning, "
        "its really tender and ive thrown up",
        "emergency",
    ),
    (
        "Dad's had a hernia for years. Tonight it's stuck out, hard as a rock, and he hasn't "
        "passed wind since lunch and keeps vomiting",
        "emergency",
    ),
    # near misses: it goes back, no sickness
    ("I've had a hernia in my groin for years, it always goes back in, no pain", None),
    (
        "my hernia has been there for about ten years, it pops out when I cough and goes back "
        "when I lie down",
        None,
    ),
    # -- a kidney infection: same day, not raised (NHS kidney infection; NICE NG111) -------
    (
        "water infection since friday, now 38.4 and an ache in my right side under the ribs",
        "urgent",
    ),
    (
        "stinging when i pee for days and now my lower back hurts on the left and i've got a "
        "fever, feel a bit queasy",
        "urgent",
    ),
    (
        "my mum's had a uti since the weekend, today her temp is 38.7 and she has pain in her "
        "back on one side, she's with it and drinking",
        "urgent",
    ),
    # near misses: the sepsis signs stay 999
    (
        "I have cystitis and now a temp of 38.5 and pain in my back, and she's gone confused",
        "emergency",
    ),
    (
        "bladder infection, fever, pain in my side, and I feel like I'm going to die",
        "emergency",
    ),
    (
        "uti with a fever and back pain, now very drowsy and hard to wake",
        "emergency",
    ),
    # -- infection after a miscarriage or termination (NHS miscarriage; NICE NG126) -------
    ("miscarried 10 days ago and my discharge smells really bad, no fever", "urgent"),
    (
        "had a medical termination last week, now shivery with a temperature of 38.3 and "
        "tender low down",
        "urgent",
    ),
    (
        "lost the baby at 9 weeks a fortnight ago, the bleeding has a foul smell now and my "
        "temp is up",
        "urgent",
    ),
    # near misses: sepsis signs are 999; an old loss with a cold is nothing
    (
        "miscarriage last week, temp 39, shaking, and now she's confused",
        "emergency",
    ),
    ("I had a miscarriage two years ago, now I have a fever with flu", None),
    # -- a COPD flare with changed phlegm, talking in full sentences (NICE NG115) ----------
    (
        "dad has COPD, since the weekend his phlegm is thick and yellow and he's more "
        "breathless than usual, but he can still talk in full sentences",
        "urgent",
    ),
    (
        "emphysema flare i think, coughing up green stuff, a lot more out of breath than "
        "normal, im speaking in full sentences fine",
        "urgent",
    ),
    (
        "my COPD is playing up, sputum has gone brown and I'm more puffed than usual walking "
        "to the loo. can still chat in full sentences",
        "urgent",
    ),
    # near misses: can't talk, a few words at a time, blue lips
    (
        "my dad has copd, much more breathless today, green phlegm, he can't talk in full "
        "sentences",
        "emergency",
    ),
    (
        "emphysema, green gunk, far more breathless than usual, can only say a few words at a time",
        "emergency",
    ),
    (
        "copd flare, thick yellow sputum, more breathless than usual, she can still speak in "
        "full sentences but her lips have gone blue",
        "emergency",
    ),
    # -- possible appendicitis: same day (NHS appendicitis: 111 or urgent GP) --------------
    (
        "my son's tummy ache started by his belly button yesterday and today it's moved to the "
        "bottom right, it hurts when he walks",
        "urgent",
    ),
    (
        "pain in the middle of my tummy overnight has shifted to the lower right and is worse "
        "when i cough, no temperature",
        "urgent",
    ),
    (
        "15 year old, pain round her navel this morning that has now gone to the right side "
        "low down, worse going over bumps in the car",
        "urgent",
    ),
    # near misses: spread across the tummy, eased then worse, rigid, or with vomiting
    (
        "pain started at my belly button and moved to the bottom right, now it has spread "
        "across my whole tummy and it hurts to move",
        "emergency",
    ),
    (
        "my daughter's pain moved from her navel to the lower right, it suddenly eased an hour "
        "ago but now it's much worse and she's lying really still",
        "emergency",
    ),
    (
        "pain moved from my belly button to the lower right and I've vomited twice",
        "emergency",
    ),
    # -- a dog or cat bite that broke the skin (NHS animal and human bites) ----------------
    (
        "a cat I was stroking turned on me and bit my thumb, two little puncture marks, it's "
        "stopped bleeding",
        "urgent",
    ),
    (
        "dog ran up to my son in the park and bit his hand, it broke the skin, owner says "
        "it's vaccinated",
        "urgent",
    ),
    (
        "the neighbours puppy jumped at me over the fence and bit my arm, bleeding a bit, "
        "washed it",
        "urgent",
    ),
    # near misses: only a graze, no skin broken; a dog mentioned with an unrelated cut
    (
        "the neighbour's dog ran at me across the field and bit my hand, it just grazed me, "
        "didn't break the skin",
        None,
    ),
    ("the dog was a bit grumpy today and I cut my finger on the lead, bled a bit", None),
    # -- pregnant, never had chickenpox, in contact (NHS chickenpox in pregnancy) -----------
    (
        "16 weeks pregnant and never had chickenpox as a child, my friend's boy I was "
        "babysitting on sunday has it now",
        "urgent",
    ),
    (
        "pregnant and not immune to chickenpox, I spent the day with my friend's kids who have it",
        "urgent",
    ),
    (
        "im 28 weeks and never caught measles growing up, a child at my nursery has measles "
        "and i was looking after him",
        "urgent",
    ),
    # near misses: had it as a child; a contact in a past pregnancy
    ("I'm 30 weeks pregnant, had chickenpox as a child, my son has it now", None),
    (
        "when I was pregnant with my daughter I'd never had chickenpox and my niece gave it to "
        "me, she's 5 now and fine",
        None,
    ),
    # -- a positive pregnancy test with a coil in (NHS IUD; FSRH) --------------------------
    ("I have the mirena and just got a positive test, feel fine", "urgent"),
    (
        "I've had the copper IUD for three years and I've just found out I'm pregnant",
        "urgent",
    ),
    ("the hormonal coil went in last spring. two lines on the test this morning!", "urgent"),
    # near misses: the coil was taken out; no coil; a negative test; the ectopic signs
    (
        "had my coil taken out in january to try for a baby and now the test is positive!",
        None,
    ),
    ("positive pregnancy test this morning, no pain, what next", None),
    ("coil fitted last year, period late, test negative", None),
    (
        "coil fitted 2 years ago, positive test today, shoulder tip pain and some bleeding",
        "emergency",
    ),
    # -- a small child with a fever whose wee hurts or smells (NICE NG224) -----------------
    ("my 18 month old screams when she wees and her nappies stink, temp 38.9", "urgent"),
    ("3 year old cries every time he does a wee and has a temperature of 38.4", "urgent"),
    ("toddler with really smelly wee and a fever of 38.7 since last night", "urgent"),
    # near misses: smelly wee without a fever; a fever with a cold
    ("3 yo with smelly wee, no temperature, otherwise happy", None),
    ("my 2 year old has a temp of 38.5 and a runny nose", None),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round131_levels(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
