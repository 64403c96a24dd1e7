"""Rounds 137-141 by kind: not-urgent messages read as urgent or an emergency. Blue lips and
shivering after a swim (a lido, an outdoor pool), the child warmed and pink again (NHS
hypothermia); a child's rash that fades under a glass, meningitis named only as the worry,
no fever or the child well (NHS rashes in babies and children; NICE NG143); a child's chest
sore to press after PE or a sport, not breathless (NHS chest pain; NICE CKS costochondritis);
a kidney stone found and told to pass, the pain managed, no fever (NHS kidney stones; NICE
NG118); ketones up with a bug and normal now after sick-day rules (NHS diabetic ketoacidosis;
Diabetes UK sick day rules); a first-aid question about anyone asked ahead, "just so I know"
(NHS first aid; Resuscitation Council UK). Each kind with wordings that must stand down, and
near misses that must keep their level: blue lips now or not warming up, a rash that does not
fade or with fever and a child unwell, chest pain with breathlessness or at rest, a stone with
fever or no urine, ketones rising or vomiting, someone collapsed now. Our own words
throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- blue lips and shivering after a swim, warmed and pink again (NHS hypothermia) ---------
    (
        "went to the lido with my 7 year old, her lips went blue and she was shivering, we "
        "wrapped her in towels and she was pink and giggling after 15 minutes. normal?",
        None,
    ),
    (
        "my son's lips turned blue in the outdoor pool and he was freezing, got him dry and "
        "into a hoodie, he pinked up quickly and was fine. should I worry?",
        None,
    ),
    (
        "wild swimming in the lake with my daughter, lips blue and teeth chattering after, "
        "warm drink in the car and she was rosy again within half an hour",
        None,
    ),
    # near misses: still blue, not warming up, drowsy or went under
    (
        "at the lido his lips went blue and he was shivering, he is still blue 30 minutes later",
        "emergency",
    ),
    (
        "her lips went blue swimming in the sea, she was shivering, we warmed her up and she "
        "was pink but now she is not warming up and seems drowsy",
        "emergency",
    ),
    (
        "lips blue after the outdoor pool, he went under and swallowed water, now pink again",
        "emergency",
    ),
    # -- a child's rash that fades under a glass, meningitis only the worry, no fever or well
    # (NHS rashes in babies and children; NICE NG143) -------------------------------------------
    (
        "my 4 year old has a patchy red rash on her chest, I panicked about meningitis but it "
        "fades under a glass, no temperature and she's playing happily",
        None,
    ),
    (
        "worried about meningitis, my son (6) has blotches on his back, they go pale when I "
        "press a tumbler on them, no fever, eating his tea",
        None,
    ),
    (
        "did the glass test on my daughter's spots because of meningitis and they disappear, "
        "she's 3, no temp and running around the house",
        None,
    ),
    # near misses: a rash that does not fade, a headache or light, a fever and unwell, a baby
    (
        "my son's rash doesnt fade under the glass, no temperature, could it be meningitis?",
        "emergency",
    ),
    (
        "my 5 year old's rash fades under a glass, no temp, running about but she has a "
        "headache and the light hurts her eyes, meningitis?",
        "emergency",
    ),
    (
        "rash on my 2 year old fades with the glass but he has a temperature of 39 and is "
        "drowsy, is it meningitis?",
        "emergency",
    ),
    (
        "my baby is 6 weeks old, the rash fades under a glass, no temperature, feeding ok, "
        "could it be meningitis?",
        "emergency",
    ),
    # -- a child's chest sore to press after PE or a sport, not breathless (NHS chest pain;
    # NICE CKS costochondritis) -------------------------------------------------------------
    (
        "my 11 year old says her chest hurts after netball, its sore when she presses on her "
        "ribs, shes fine otherwise and not short of breath",
        None,
    ),
    (
        "son 13 got tackled at rugby and his chest hurts, tender when he touches the spot, "
        "he's playing on the xbox happily",
        None,
    ),
    (
        "my 9yo daughter has chest pain on the right after PE, it hurts when she presses it, "
        "she's bouncing around now",
        None,
    ),
    # near misses: breathless, at rest or waking, faint, a heart condition
    (
        "my 12 year old has chest pain after football, sore when he presses it, but he is "
        "breathless and dizzy",
        "urgent",
    ),
    (
        "my 10yo's chest hurts after PE, sore when she presses it, but it woke her up last night",
        "urgent",
    ),
    (
        "my son's chest hurts after football, tender when he presses it, he has a heart condition",
        "urgent",
    ),
    # -- a kidney stone found and told to pass, pain managed, no fever (NHS kidney stones;
    # NICE NG118) -----------------------------------------------------------------------------
    (
        "had an ultrasound at the hospital, 3mm kidney stone, they said it will pass by itself. "
        "painkillers are working, no fever, peeing fine. how long does it take?",
        None,
    ),
    (
        "GP confirmed a small kidney stone, should pass naturally, pain is under control with "
        "naproxen. what should I drink?",
        None,
    ),
    (
        "a&e scan showed a 5mm kidney stone, expected to pass on its own, the pain is "
        "manageable with the tablets, no temperature. can I go to work?",
        None,
    ),
    # near misses: fever, no urine, unbearable pain
    (
        "CT showed a 4mm kidney stone, told it should pass, pain manageable but now I have a "
        "temperature and the shivers",
        "emergency",
    ),
    (
        "kidney stone diagnosed in A&E, should pass on its own, pain under control but I "
        "havent weed since yesterday",
        "urgent",
    ),
    (
        "A&E told me my 4mm kidney stone should pass, pain was manageable with diclofenac but "
        "now its unbearable and I'm being sick",
        "urgent",
    ),
    # -- ketones up with a bug, normal now after sick-day rules (NHS DKA; Diabetes UK) --------
    (
        "type 1, ketones went up to 1.1 with a tummy bug on sunday, did my sick day rules, "
        "today ketones 0.2 and eating normally. anything else?",
        None,
    ),
    (
        "T1D, my ketones were raised at 0.9 last night with a cold, this morning they are 0.1 "
        "and I feel fine",
        None,
    ),
    (
        "insulin user, ketones were up yesterday when I was ill, extra insulin and lots of "
        "water, now 0.3 and feeling much better",
        None,
    ),
    # near misses: vomiting, rising, high now
    (
        "type 1, ketones went up to 1.0 yesterday, today ketones 0.2 but I'm vomiting",
        "urgent",
    ),
    (
        "type 1, ketones were up yesterday, this morning 0.4 but now 1.8 and rising",
        "urgent",
    ),
    ("type 1 diabetic, my ketones are up at 1.6 and I feel sick", "emergency"),
    ("type 1, my ketones are up at 1.7 now, this morning they were 0.3", "urgent"),
    ("type 1, ketones now 1.6, this morning 0.2", "urgent"),
    # -- a first-aid question about anyone asked ahead (NHS first aid; Resuscitation Council
    # UK) ---------------------------------------------------------------------------------------
    (
        "on a first aid course at work, if a colleague collapses and I know hes diabetic, what "
        "should I give him? just so I know",
        None,
    ),
    (
        "just in case - if someone has a fit and I know they are epileptic what do I do?",
        None,
    ),
    (
        "if someone collapses and I know theyre on insulin, what do I do? asking for our "
        "work first aid course",
        None,
    ),
    # near misses: someone collapsed now, the question about someone of one's own
    (
        "doing first aid training. my colleague just collapsed and hes diabetic what do i do?",
        "emergency",
    ),
    (
        "if someone at work collapses and I know theyre diabetic what do i do? he's on the "
        "floor now",
        "emergency",
    ),
    (
        "first aid course question: if someone collapses what do I do? my dad collapsed today "
        "and isnt responding",
        "emergency",
    ),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round141_not_urgent(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
