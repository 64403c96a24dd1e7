"""Set 25 (rounds 167-171) by kind: emergencies and urgent cases the flags missed.

DNP (2,4-dinitrophenol) sold as a fat burner, taken and now overheating, sweating or with a
racing heart (FSA DNP warning; NHS poisoning: 999); a blow to the bump later in pregnancy
with bleeding, cramps or the baby moving less (NHS bleeding in pregnancy; RCOG trauma in
pregnancy: 999); strangled or squeezed round the neck by someone in the last few days and
feeling fine (same-day checks: Institute for Addressing Strangulation; NICE NG50), 999 with
a black-out, a changed voice, trouble breathing or swallowing, a swollen neck or a stroke's
signs; a needle spiking at a club or festival (NHS PEP; BASHH: PEP and hepatitis B within
72 hours); the blue reliever used many times a day (NHS asthma: urgent GP or 111); epilepsy
tablets forgotten on a trip, the last dose a day back (NHS 111 emergency supply); a result
the surgery asks the person to act on today. Each kind with near misses: figures of speech,
general questions and routine bookings stay without a flag, danger signs stay emergencies.
Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- DNP or fat burners, then overheating and a racing heart ---------------------------
    (
        "a lad at the gym sold me some fat burners, says its dnp, took two this afternoon and "
        "now im boiling and dripping with sweat",
        "emergency",
    ),
    (
        "ordered yellow capsules online for my cut, turns out its DNP, took one this morning "
        "and im burning up with my heart pounding",
        "emergency",
    ),
    (
        "my brother has been on dinitrophenol for a week, hes drenched in sweat and breathing "
        "really fast tonight",
        "emergency",
    ),
    (
        "started some fat burners off a forum, heart is going like mad and im burning up all over",
        "emergency",
    ),
    # near misses: a question about DNP with nothing taken
    ("is dnp actually as dangerous as people say, thinking about it for a cut", None),
    ("what is dinitrophenol and why is it banned", None),
    # -- a blow to the bump, then bleeding, cramps or the baby quieter ---------------------
    (
        "30 weeks pregnant, my partner punched me in the bump last night and theres spotting "
        "this morning",
        "emergency",
    ),
    (
        "im 25 weeks pregnant and slipped on the ice, fell onto my tummy and now ive got "
        "tummy pain",
        "emergency",
    ),
    (
        "pregnant 33 weeks, car crash earlier today, the seat belt went across the bump and "
        "the baby is moving less since",
        "emergency",
    ),
    (
        "34 weeks pregnant, he kicked me in the stomach an hour ago and now theres cramping "
        "and a bit of blood",
        "emergency",
    ),
    # near misses: the baby's own kicks, falling asleep on the tummy
    ("27 weeks pregnant and the baby keeps kicking me in the ribs, some cramping, normal?", None),
    ("29 weeks pregnant, fell asleep on my tummy and woke up with a bit of cramping", None),
    # -- strangled or squeezed round the neck, feeling fine: same day ----------------------
    ("my boyfriend strangled me last night, i feel ok now apart from a sore neck", "urgent"),
    ("he had his hands round my throat yesterday, no marks really, am i ok", "urgent"),
    (
        "my ex grabbed me by the throat on friday and pushed me against the wall, im ok just "
        "shaken up",
        "urgent",
    ),
    (
        "partner squeezed my neck during a row on sunday, i didnt pass out, bit of a sore throat",
        "urgent",
    ),
    # near misses that stay emergencies: a black-out, a changed voice, a swollen neck,
    # trouble breathing, a stroke's signs
    ("he strangled me and i passed out for a few seconds", "emergency"),
    (
        "partner choked me in a row yesterday and now my voice has gone hoarse and it hurts "
        "to swallow",
        "emergency",
    ),
    ("she tried to strangle me on friday, now my neck is swollen", "emergency"),
    ("ex throttled me last night and now my left arm feels numb and weak", "emergency"),
    # near misses without a flag: figures of speech, hugs, a hernia, a pet's collar
    ("i could strangle my husband sometimes, he never listens", None),
    ("my daughter put her arms round my neck and cuddled me, so sweet", None),
    ("i had a strangulated hernia repaired years ago", None),
    ("the dog pulled on his lead and the collar was squeezing his neck", None),
    ("got a rash round my neck since yesterday", None),
    # -- needle spiking: PEP and hepatitis B the same day ----------------------------------
    (
        "pretty sure i was needle spiked in a club on saturday, still got a sore red dot on "
        "my shoulder",
        "urgent",
    ),
    (
        "someone injected me at a festival last night i think, theres a puncture mark on my "
        "thigh and i felt spaced out",
        "urgent",
    ),
    ("my friend got needle spiked at a bar last night, she feels alright now", "urgent"),
    # near misses: a documentary, a sewing needle
    (
        "saw a documentary last night about needle spiking, how common is it and what are "
        "the signs",
        None,
    ),
    ("pricked my finger with a sewing needle today, bled a bit", None),
    # -- the blue reliever many times a day ------------------------------------------------
    (
        "ran out of my preventer last week, now using the blue one 6 times a day and still wheezy",
        "urgent",
    ),
    (
        "my asthma, im reaching for my blue one like four or five times a day since monday",
        "urgent",
    ),
    (
        "asthmatic, no brown inhaler for a fortnight and the blue one maybe 8 times a day now",
        "urgent",
    ),
    # -- epilepsy tablets forgotten on a trip, the last dose a day back --------------------
    ("on holiday and forgot my lamotrigine, last dose was 2 days ago", "urgent"),
    (
        "we went away for the weekend and my son forgot his tablets, its keppra, his last "
        "dose was yesterday",
        "urgent",
    ),
    (
        "staying at my sisters and forgot my epilepsy tablets, last dose was yesterday morning",
        "urgent",
    ),
    # -- a result the surgery asks to act on today -----------------------------------------
    (
        "the hospital called, my blood results are off and they want me to go to A&E today",
        "urgent",
    ),
    ("surgery texted to say my bloods need repeating urgently, sodium low", "urgent"),
    ("gp rang, my potassium is low and i need to come in this afternoon", "urgent"),
    # near misses: a routine jab, a normal result
    ("surgery rang, come in today for my flu jab", None),
    ("got my blood results back, all normal, no need to come in", None),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round171_missed(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
