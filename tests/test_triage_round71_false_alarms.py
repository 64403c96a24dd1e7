"""Rounds 70-71 false emergencies (parents at night, long-term conditions), by kind: a
febrile fit dated "last <month>" after it, a question about what a sign looks like, a choke
that back blows or coughing cleared with the child normal after it, a named breath-holding
spell with a moment's floppiness, tips to stop an accidental overdose, a question asked
before chemotherapy about the temperature at which to ring, a sepsis admission someone
"ended up" in, and a known epilepsy's usual short seizure. Each kind with wordings that must
stand down and near misses that must stay emergencies (a new event told after the old one, a
sign now, a denial then a real sign). Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- a febrile fit dated by a month of last year, told after it (NHS febrile seizures) --
    (
        "my little boy had a febrile convulsion last June, he was checked over and was fine. He has a temperature tonight, will ibuprofen stop another one?",
        None,
    ),
    (
        "She had a febrile seizure last November and went to hospital. Should I worry every time she gets a cold?",
        None,
    ),
    (
        "our daughter had a convulsion with a high temperature last April, what can we do to prevent it?",
        None,
    ),
    # near misses: a fit now after the old one
    (
        "He had a febrile convulsion last March. Tonight he's fitting again and it has gone on for 7 minutes.",
        "emergency",
    ),
    ("She had a fit last September and now she's convulsing again and won't wake up", "emergency"),
    # -- what a sign looks like, asked in advance (NHS meningitis, sepsis: what to look out for)
    (
        "could someone explain what a meningitis rash looks like on black skin? everyone here is well",
        None,
    ),
    ("I want to know what a sepsis rash looks like in a toddler so I can spot it", None),
    ("please tell me what a meningitis rash typically looks like, nobody is ill", None),
    # near misses: a report after it, or the asker's own rash
    (
        "I don't know what a meningitis rash looks like, my son has purple spots that won't fade under a glass",
        "emergency",
    ),
    (
        "is this what a meningitis rash looks like? her spots don't fade when I press a glass on them and she's hot",
        "emergency",
    ),
    (
        "what does meningitis look like, my daughter has a stiff neck, a fever and can't stand the light",
        "emergency",
    ),
    # -- a choke that back blows or coughing cleared, normal straight after (NHS choking) ---
    (
        "my 1 year old choked on a blueberry at tea, I gave back blows and it shot out, he was totally fine after. Do I need to take him anywhere?",
        None,
    ),
    (
        "This afternoon a bit of sausage went down the wrong way and my daughter started choking. She coughed it up and has been breathing normally since. Should I book a first aid class?",
        None,
    ),
    (
        "Last night our son choked on a sweet. We did back blows, it popped out and he was back to his usual self. Can it happen again easily?",
        None,
    ),
    # near misses: something wrong after it, thrusts needed, or not cleared
    (
        "my toddler choked on a grape, back blows got it out but now she's wheezing and struggling to breathe",
        "emergency",
    ),
    (
        "he choked on a piece of meat, I did abdominal thrusts and it came out, he seems fine",
        "emergency",
    ),
    (
        "my baby is choking on a piece of carrot, back blows have not shifted it and she can't cry",
        "emergency",
    ),
    (
        "she choked on a sweet, it came out after back blows, she was ok, then she went grey and floppy",
        "emergency",
    ),
    # -- a named breath-holding spell, floppy for a moment (NICE CKS breath-holding spells) --
    (
        "My 2 year old has breath holding spells when she's cross. Once she went limp for a few seconds then came round. The GP said it's common. How should we react?",
        None,
    ),
    (
        "our toddler holds his breath in tantrums, goes dusky and has gone floppy for a second or two and then woke up. Health visitor says breath holding. Any advice?",
        None,
    ),
    # near misses: minutes of it, no coming round, jerking, not breathing
    (
        "My son has breath holding spells but today he went floppy and hasn't come round after two minutes",
        "emergency",
    ),
    (
        "my daughter gets breath holding attacks, this time she went limp for a few seconds and is still floppy and drowsy",
        "emergency",
    ),
    ("breath holding spell diagnosed, but now he's floppy and not breathing", "emergency"),
    ("my baby is floppy and will not wake up", "emergency"),
    # -- tips to stop an accidental overdose (a prevention question) -----------------------
    (
        "any tips to stop us accidentally giving the twins an overdose of calpol when we're both up at night?",
        None,
    ),
    (
        "is there an app or a chart for stopping an accidental overdose when two carers give medicines?",
        None,
    ),
    # near misses: a lot taken
    (
        "any tips to stop an overdose? my son has just swallowed 25 of my sleeping tablets",
        "emergency",
    ),
    ("my daughter took an overdose tonight, 40 paracetamol", "emergency"),
    # -- a question before chemotherapy about when to ring (NICE NG151, CG151) ---------------
    (
        "I start chemo next Thursday. What temperature should I call the acute oncology line at?",
        None,
    ),
    (
        "Beginning my first cycle soon, how high does my temperature have to be before I phone the chemo helpline?",
        None,
    ),
    # near misses: a reading, a sign or a time word of now
    ("On chemo. What temperature should I ring at? Mine is 38.3 and I'm shivering", "emergency"),
    (
        "having chemo, my temp is 38 tonight, what temperature should I ring the line at?",
        "emergency",
    ),
    ("I'm on chemo and feel hot and shaky, what temp should I call the hotline at?", "emergency"),
    # -- a sepsis admission someone "ended up" in, over now (NHS sepsis asks about now) -------
    (
        "After my second cycle I ended up admitted with neutropenic sepsis for a week, I'm well now. Will they lower the next dose?",
        None,
    ),
    (
        "My dad ended up in hospital with sepsis from a kidney infection, he's home and recovering, how long does tiredness last?",
        None,
    ),
    # near misses: sepsis signs now after the old admission
    (
        "I ended up in hospital with sepsis before. Today I'm confused, shivering and my skin is mottled",
        "emergency",
    ),
    (
        "She ended up admitted with sepsis last cycle. She's on chemo again and her temp is 38.6",
        "emergency",
    ),
    # -- a known epilepsy's usual short seizure, over and recovered (NHS epilepsy) ----------
    (
        "My daughter has epilepsy and had one of her usual seizures at school, about 90 seconds, came round and is back to normal. Anything to do?",
        None,
    ),
    (
        "He had his typical seizure after breakfast lasting 2 minutes, recovered fully and is sleeping",
        None,
    ),
    # near misses: over 5 minutes, no coming round, or a first fit
    (
        "my son with epilepsy is having one of his usual seizures and it's been going on 6 minutes",
        "emergency",
    ),
    ("her usual seizure ended 15 minutes ago but she still hasn't come round", "emergency"),
    ("my husband just had his first seizure ever, it lasted 2 minutes", "emergency"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round71_false_alarm_kinds(triage: Triage, text: str, expected: str | None) -> None:
    assert flag_level(triage, text) == expected
