"""Set 25 (rounds 167-171) by kind: urgent pictures given 999 and routine ones given urgent.
Sepsis named only as what a web search suggested, with a fever and loin pain but none of
sepsis's 999 signs: same-day care (NHS sepsis; NICE NG51, NG111). A baby under 3 months with
a temperature who is only a little sleepier than usual and feeding as normal: seen within 2
hours, urgent (NICE NG143; NHS fever in children). The baby moving less than usual late in
pregnancy, nothing else wrong: call the maternity unit now, urgent, and the fallback may not
raise it (NHS baby movements; RCOG). An adult being sick who cannot keep fluids down, with
dark or little wee and dizziness and nothing else: urgent, not raised (NHS dehydration).
Chest pain checked in A&E, called muscular and now pretty much gone: routine (NICE CG95).
A yellow fever jab or certificate question before travel: admin (NaTHNaC). Each kind with
near misses that must stay emergencies or urgent. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.normalize import normalize_text
from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- sepsis as what a search came up with, no 999 sign (NHS sepsis; NICE NG51) ----------
    (
        "water infection for 3 days, now 38.6, sore in my side under the ribs and shivery. "
        "google says kidney infection or sepsis, still eating and thinking fine",
        "urgent",
    ),
    (
        "cystitis since the weekend and today a temp and loin ache. the internet says it could "
        "turn to sepsis and im freaking out",
        "urgent",
    ),
    (
        "uti not clearing, fever 38.2 and back pain on the left. googled it and it said sepsis, "
        "im drinking ok",
        "urgent",
    ),
    # near misses: a 999 sign of sepsis with it
    (
        "uti for days, fever 39 and shaking, google says sepsis and my mum says im not making "
        "sense",
        "emergency",
    ),
    (
        "kidney infection i think, temperature 38.8, havent had a wee since yesterday, dr "
        "google reckons sepsis",
        "emergency",
    ),
    (
        "burning wee, now 39 and shivering, skin looks mottled, the internet says sepsis",
        "emergency",
    ),
    # -- under 3 months, 38 or more, a little sleepier, feeding as normal (NICE NG143) -------
    (
        "my 7 week old daughter is 38.3 tonight, a bit sleepier than usual but feeding fine",
        "urgent",
    ),
    (
        "6 wk old son has a temperature of 38.1, more sleepy than normal, still taking his "
        "bottles ok",
        "urgent",
    ),
    ("baby is 9 weeks, 38.4 this evening, seems sleepier, feeds are normal", "urgent"),
    # near misses: drowsy, feeding less, breathing fast, a rash
    ("my 8 week old is 38.5, feeding ok but very sleepy and hard to wake", "emergency"),
    ("my 5 week old has 38.2, more sleepy and feeding less than usual", "emergency"),
    ("my 10 week old is 38.3, sleepier than normal, feeding ok but breathing fast", "emergency"),
    ("my 6 week old is 38.4, sleepier, feeding ok, and has a rash", "emergency"),
    # -- chest pain checked in A&E, muscular, pretty much gone (NICE CG95) -------------------
    (
        "went to a&e last thursday with chest pain, ecg and bloods normal, they said a pulled "
        "muscle. its pretty much gone now, can the gp look at the letter",
        None,
    ),
    (
        "had chest pain so went to A&E on friday, ECG and troponin fine, they thought a "
        "strained muscle, more or less gone now. please add it to my notes",
        None,
    ),
    (
        "walk in centre did an ecg for my chest pain at the weekend, all fine, muscle strain "
        "they said, pain is just about gone",
        None,
    ),
    # near misses: the pain back and spreading, or sweaty and breathless now
    (
        "A&E last sunday for chest pain, troponin fine, a pulled muscle they said, pretty much "
        "gone but now it has come back and its spreading to my arm",
        "emergency",
    ),
    (
        "seen in A&E on monday with chest pain, ecg normal, pulled muscle, pretty much gone but "
        "today sweaty and breathless with it",
        "emergency",
    ),
    # -- a yellow fever jab or certificate question (NaTHNaC yellow fever) ------------------
    (
        "cant find my yellow fever certificate anywhere, flying to kenya in april, will i need "
        "the vaccine again?",
        None,
    ),
    (
        "going to visit ghana in june, can i get the yellow fever jab at the surgery and how "
        "much is the certificate",
        None,
    ),
    (
        "travelling to brazil next month, do I need a vaccine against yellow fever? where do i "
        "get the card",
        None,
    ),
    # near misses: a fever after travel
    (
        "back from ghana last week and now a fever of 39 and shivering, had my yellow fever "
        "jab before I went",
        "urgent",
    ),
    ("back from uganda 5 days ago, temperature 38.5 and a headache", "urgent"),
]

# (text, the flag's level, whether the fallback may raise it to an emergency)
RAISABLE: list[tuple[str, str, bool]] = [
    # -- the baby moving less, nothing else wrong (NHS baby movements; RCOG) ----------------
    (
        "34 weeks and the baby has been much quieter than usual since lunch, ive had a cold "
        "drink and lay on my left side",
        "urgent",
        False,
    ),
    (
        "im 30 weeks, wanted to book my flu jab, also baby has barely moved this evening "
        "compared to normal",
        "urgent",
        False,
    ),
    ("37 weeks, baby is moving less today than she usually does", "urgent", False),
    # near misses: another sign, and the fallback may raise it, or an emergency
    ("32 weeks, fewer movements today and my bump feels hard all the time", "urgent", True),
    ("34 weeks, baby moving less today and bad tummy pain and some bleeding", "emergency", True),
    ("38 weeks and the baby has not moved at all since yesterday", "emergency", True),
    # -- sick, cannot keep fluids down, dark or little wee, dizzy (NHS dehydration) ---------
    (
        "on mounjaro and been vomiting for two days, i cant keep anything down, hardly peeing "
        "and my mouth is dry",
        "urgent",
        False,
    ),
    (
        "been sick since yesterday with a bug, cant keep fluids down, wee is dark and im "
        "lightheaded",
        "urgent",
        False,
    ),
    (
        "throwing up all weekend, cant keep water down, barely had a wee and dizzy when i get up",
        "urgent",
        False,
    ),
    # near misses: confusion, or pain or diabetes for the fallback to read
    ("vomiting all day, cant keep water down and dizzy, now really confused", "emergency", True),
    ("vomiting, cant keep anything down, dark wee and bad stomach pain", "urgent", True),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round171_levels(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level


@pytest.mark.parametrize(("text", "level", "raisable"), RAISABLE)
def test_round171_raisable(triage: Triage, text: str, level: str, raisable: bool) -> None:
    result = triage.assess(normalize_text(text))
    assert result is not None
    assert result.level == level
    if level == "urgent":
        assert result.raisable is raisable
