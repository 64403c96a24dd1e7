"""Rounds 132-136 by kind: levels. A fall off a roof, ladder or wall onto the back, then legs
that cannot be felt or moved (a spinal injury: 999, NICE NG41); and same-day kinds that got
nothing or 999: new chest tightness on exertion that went off with rest (NICE CG95), a faint in
the middle of a match or a race (NICE CG109), a small child with laundry-capsule gel on the lips
who may have swallowed some and is well (NHS poisoning, TOXBASE), near-fainting on standing after
a new blood-pressure tablet (NHS low blood pressure), a numb fingertip after a cut (a nerve
injury, NHS cuts), low-level carbon monoxide with nobody really ill (NHS carbon monoxide
poisoning), quinsy with breathing said to be fine (NHS quinsy), a stomach bug with no wee since
the morning in a teenager who is alert (NHS dehydration), and a usual migraine that has lasted
days or brings the tablets back up (NHS migraine). Each kind with near misses that must stay
emergencies: legs that cannot be felt told without a fall onto the back, chest pain now, a faint
with chest pain, a child drowsy or coughing after the gel, a droop or numb face side, carbon
monoxide with confusion or collapse, quinsy with breathing hard, a confused dehydrated teenager,
a worst-ever or one-sided-weakness headache. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- a fall onto the back or neck, then legs or arms that cannot be felt or moved (NHS
    # spinal cord injury; NICE NG41: call 999, do not move them) ------------------------------
    ("my dad fell off the garage roof onto his back and now he cant move his legs", "emergency"),
    (
        "husband slipped off the top of the stepladder and landed flat on his back on the "
        "patio, he says he has no feeling in his legs",
        "emergency",
    ),
    (
        "my son came off the trampoline onto his neck and now he cant feel his hands",
        "emergency",
    ),
    (
        "she fell from the hayloft ladder straight onto her back, awake, but cannot move her "
        "legs at all",
        "emergency",
    ),
    # near misses: a fall with a sore back and the legs fine is not 999 from these words
    ("fell off a ladder onto my back, back is sore but legs feel fine and i can walk", None),
    # -- new chest tightness on exertion, gone with rest, none now (NICE CG95: same-day
    # assessment for possible angina) ------------------------------------------------------
    (
        "walked up the stairs at work this morning and got a heavy feeling in my chest, it "
        "eased off after a couple of minutes sitting down",
        "urgent",
    ),
    ("chest tightness last night cycling up a hill, had to stop, fine now", "urgent"),
    (
        "im 58, going up the steps to the station i got a tight feeling in my chest, it "
        "went away with a rest, never had that before",
        "urgent",
    ),
    # near misses: pain now, at rest or with sweating stays 999; an old, treated pain is not
    (
        "got a crushing pain in my chest walking up the hill and im sweating, its still there",
        "emergency",
    ),
    ("Used to get tight chest climbing up hills before my stents years ago, all fine now", None),
    # -- a faint in the middle of exercise, now well (NICE CG109; NHS fainting) -------------
    (
        "my daughter 14 passed out halfway through her cross country race, she was back up in "
        "a minute",
        "urgent",
    ),
    ("my lad fainted in the middle of rugby training today, seems ok now", "urgent"),
    ("i blacked out during my parkrun this morning, only for a few seconds, feel fine", "urgent"),
    # near misses: a faint with chest pain stays 999; a faint watching a match is not this
    ("fainted in the middle of the match, came round, now has chest pain", "emergency"),
    ("fainted at the football match watching in the heat, fine after", None),
    # -- a small child with a laundry or dishwasher product on the lips or in the mouth, may
    # have swallowed some, well (NHS poisoning; TOXBASE: call 111 now) -----------------------
    (
        "my toddler bit a laundry pod, some gel on his lips, not sure if he swallowed any, "
        "hes fine",
        "urgent",
    ),
    (
        "my 3 year old got washing capsule gel on his mouth, no coughing, not sure he "
        "swallowed any, fine",
        "urgent",
    ),
    (
        "2 year old was playing with the laundry tabs and has blue stuff round her mouth, "
        "might have swallowed some, running about happily",
        "urgent",
    ),
    # near misses: a child drowsy or being sick after the gel or a tab chewed stays 999
    ("my toddler chewed a washing tab and is now drowsy", "emergency"),
    (
        "toddler got laundry capsule gel in his mouth and now keeps coughing and being sick",
        "emergency",
    ),
    # -- near-fainting or dizzy on standing after a blood-pressure tablet started or raised
    # (NHS low blood pressure; BNF: speak to a GP or 111 today) -----------------------------
    ("the doctor upped my amlodipine last week and now i go dizzy every time i stand up", "urgent"),
    (
        "new blood pressure pills since monday, nearly blacked out getting out of bed this morning",
        "urgent",
    ),
    (
        "my dad started tamsulosin for his prostate and keeps going lightheaded when he gets up",
        "urgent",
    ),
    # near misses: years on the same tablets with a mild dizzy spell
    ("my blood pressure tablets make me a bit dizzy sometimes, been on them for years", None),
    # -- a fingertip or toe numb after a cut there: a nerve injury, not a stroke (NHS cuts and
    # grazes: urgent treatment centre today) -------------------------------------------------
    (
        "caught my finger on a broken glass this morning and now one side of it tingles and "
        "feels dead",
        "urgent",
    ),
    ("cut my toe on a shell at the beach, theres no feeling on the side of it", "urgent"),
    (
        "sliced my thumb on the mandoline this morning and the side of it is numb now",
        "urgent",
    ),
    # near misses: a numb face or body side stays a stroke sign
    ("suddenly the side of my face went numb about an hour ago", "emergency"),
    ("an hour ago the left side of my body went numb", "emergency"),
    # -- low-level carbon monoxide: headaches for days or weeks that ease outside, nobody
    # really ill (NHS carbon monoxide poisoning: fresh air, gas emergency line, GP or 111) -----
    (
        "for a few weeks the whole family has had headaches that clear up when we go out, "
        "our boiler is ancient, nobody is really ill",
        "urgent",
    ),
    (
        "on and off for a fortnight my flatmate and i get headaches in the flat that get better "
        "at work, the gas fire is old",
        "urgent",
    ),
    (
        "all of us have had mild headaches for about a week, better outside, we have an old "
        "gas heater, am i being paranoid",
        "urgent",
    ),
    # near misses: confusion, collapse or a child dopey with it stays 999
    (
        "for a few weeks all of us have had headaches that go away outside, old boiler, and "
        "now my mum is confused",
        "emergency",
    ),
    (
        "headaches on and off for days, better at work, old gas fire, my husband just passed "
        "out in the lounge",
        "emergency",
    ),
    # -- quinsy with breathing said to be fine (NHS quinsy: same day; 999 if breathing is
    # hard) -------------------------------------------------------------------------------
    (
        "tonsils really bad on the left, can hardly swallow my own saliva but breathing is fine",
        "urgent",
    ),
    (
        "throat much worse on one side, can barely swallow my spit, i can breathe ok though",
        "urgent",
    ),
    (
        "sore throat worse on one side, struggling to swallow my saliva, no trouble breathing",
        "urgent",
    ),
    # near misses: breathing hard, dribbling or noisy breathing stays 999
    (
        "sore throat worse on one side, can barely swallow my spit and its getting hard to breathe",
        "emergency",
    ),
    ("cant swallow my own spit, its dribbling down my chin, sore throat", "emergency"),
    # -- a teenager with a stomach bug, no wee since the morning, dizzy, alert (NHS
    # dehydration: GP or 111 today) --------------------------------------------------------
    (
        "im 14 and have had a tummy bug since last night, keep being sick, not had a wee since "
        "this morning and dizzy when i stand",
        "urgent",
    ),
    (
        "cant keep any water down with this stomach bug and havent peed since this morning, "
        "bit dizzy",
        "urgent",
    ),
    (
        "im 16, got d and v, been sick all morning, havent had a wee since this morning and "
        "feel lightheaded when i get up",
        "urgent",
    ),
    # near misses: confusion, or no wee all day, stays 999
    (
        "im 13 with a stomach bug, keep vomiting and now im confused and not making sense",
        "emergency",
    ),
    ("been throwing up since yesterday and havent had a wee all day", "emergency"),
    # -- a usual migraine lasting days or bringing the tablets back up (NHS migraine: GP or
    # 111 urgently if it lasts over 72 hours; NICE CG150) ---------------------------------
    ("fourth day of my migraine and nothing touches it, same as my normal ones", "urgent"),
    (
        "migraine since saturday, its my usual kind but i keep throwing up and cant keep my "
        "tablets down",
        "urgent",
    ),
    ("my migraine has lasted 3 days now and the rizatriptan keeps coming back up", "urgent"),
    # near misses: new weakness, slurred speech, a fever and stiff neck, or a worst-ever
    # sudden headache stay 999; a general question is not urgent
    ("third day of migraine and now my arm is weak and my speech is slurred", "emergency"),
    ("migraine for 3 days, now a fever and stiff neck", "emergency"),
    (
        "worst headache of my life came on suddenly, i get migraines but this is different",
        "emergency",
    ),
    ("i get migraines 3 days a month, what preventers are there", None),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round136_levels(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
