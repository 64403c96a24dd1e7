"""Rounds 82-86 false emergencies, by kind: new jaundice in a heavy drinker who feels well (a
count of alcohol units is no temperature), suicidal thoughts told as long over (years sober,
doing well) by someone asking how to help another, a heavy bleed after an earlier birth told
while planning the next, and chest soreness after a workout that moving or pressing brings
on. Each kind with wordings that must stand down and near misses that must stay
emergencies. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- jaundice in someone not acutely unwell: urgent GP or 111 (NHS jaundice); a bare 38
    # to 41 that counts units, pints or weeks is no fever (NICE NG143: fever is 38C or more)
    ("skin has gone a bit yellow, I drink about 40 units a week, feel fine", "urgent"),
    (
        "I drink 40-50 units a week and my eyes have turned yellow, bit itchy, otherwise ok",
        "urgent",
    ),
    ("yellow whites of eyes, drink 38 pints a week, feel ok", "urgent"),
    # near misses: jaundice with a real fever, drowsiness or confusion
    ("temp 40 and very drowsy with yellow eyes", "emergency"),
    ("yellow skin and a temperature of 39, shivering", "emergency"),
    ("eyes gone yellow, 40 degrees and confused", "emergency"),
    ("yellow eyes and 39.5 temp", "emergency"),
    # -- suicidal thoughts long over, asked about to help someone else (NHS help for suicidal
    # thoughts; NICE NG225): stand down only when clearly past and nothing now
    (
        "I was suicidal when I was using, but I've been clean 5 years and I'm doing great. "
        "My brother has started using, how can I help him?",
        None,
    ),
    (
        "Used to get suicidal thoughts back then when I drank. Three years sober now. "
        "What can I say to a mate who is struggling with booze?",
        None,
    ),
    (
        "I had thoughts of ending my life when I was drinking, dry for 4 years and doing "
        "really well. How do I support my sister through rehab?",
        None,
    ),
    # near misses: the thoughts back now, a wish to die, means, or someone else's plan
    (
        "I used to be suicidal when I was drinking. Sober 2 years but lately I feel suicidal again",
        "emergency",
    ),
    (
        "I used to have suicidal thoughts. sober 3 years, doing well, but now I want to die",
        "emergency",
    ),
    ("I was suicidal back then, 2 years sober, but I've been stockpiling pills", "emergency"),
    (
        "used to feel suicidal when drinking, clean 2 years, doing well, but I'm having "
        "suicidal thoughts this week",
        "emergency",
    ),
    (
        "I used to have suicidal thoughts, sober 2 years, doing well. my friend is suicidal "
        "and has a plan",
        "emergency",
    ),
    (
        "i used to want to kill myself when drinking, sober 5 years doing well, now i want to "
        "kill myself",
        "emergency",
    ),
    # -- a heavy bleed after an earlier birth, told while planning the next (NICE NG235;
    # NHS: talk it over with the midwife); a bleed now or a recent birth stays 999
    (
        "I had a big bleed after my first baby was born, lost about 2 litres. Now pregnant "
        "again, can I have a water birth at home?",
        None,
    ),
    (
        "Last time I lost loads of blood after the delivery. Planning my second birth, what "
        "are my options?",
        None,
    ),
    (
        "With my first I had a massive bleed and needed a transfusion. 24 weeks with my "
        "second, is a birth centre ok for me?",
        None,
    ),
    # near misses
    ("I gave birth yesterday and im losing a lot of blood, soaking a pad an hour", "emergency"),
    (
        "I lost a lot of blood after my first birth and today at 30 weeks I'm bleeding heavily",
        "emergency",
    ),
    (
        "I lost a lot of blood after my last baby, she is 5 days old and now I feel faint",
        "emergency",
    ),
    ("with my first I had a massive bleed, she is 3 days old and I'm soaking pads", "emergency"),
    # -- chest soreness after a workout, worse on moving or pressing (NHS chest pain: a
    # strained muscle); crushing, spreading, breathless, sweaty or at rest stays 999
    (
        "chest feels tight and sore since doing heavy deadlifts yesterday, hurts when I "
        "twist, breathing fine",
        None,
    ),
    (
        "Chest has been really sore and tight for two days after a hard bench session. Hurts "
        "when I raise my arms. No breathlessness. Is this just muscle soreness?",
        None,
    ),
    ("pecs and breastbone area aching since chest day at the gym, tender when I press on it", None),
    # near misses
    (
        "after the gym my chest feels tight and heavy and the pain is going down my left arm",
        "emergency",
    ),
    ("at the gym and got crushing chest pain, sweating, feel sick", "emergency"),
    ("chest tight and sore since lifting weights, now I'm short of breath and clammy", "emergency"),
    (
        "since the gym my chest hurts when I lift my arms but now it's there at rest and "
        "spreading to my jaw",
        "emergency",
    ),
    (
        "chest pain since training yesterday, hurts when I move, but I feel dizzy and sweaty",
        "emergency",
    ),
    ("chest really tight since my workout, feels like pressure, hurts when i stretch", "emergency"),
    ("after heavy lifting my chest feels heavy and I'm sweating", "emergency"),
    (
        "sharp chest pain after boxing, sore when I touch it, and I can't catch my breath",
        "emergency",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round86_false_alarm_kinds(triage: Triage, text: str, expected: str | None) -> None:
    assert flag_level(triage, text) == expected
