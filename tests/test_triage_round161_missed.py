"""Rounds 157-161 by kind: core red flags missed. A sudden, horrific headache told as a
superlative other than "worst" ("the most horrific/agonising headache I've ever had") or with
a comma before "came on like being hit" (NHS subarachnoid haemorrhage; NICE NG228: 999). A
period soaking a pad or tampon within the hour, or with clots the size of a palm, and
faintness now (NHS heavy periods: 999/A&E). A limb suddenly painful, cold or white "below
the knee" or "from the elbow down", or "stone cold" further on in the sentence, with
numbness or no movement (NICE CG147 acute limb ischaemia: 999). A toe going black, or foot
pain at night eased by hanging it out of bed, with poor circulation (NICE CG147 critical limb
ischaemia; NHS gangrene: same day), not frostbite. A finger stuck bent that clicks straight
with no injury is trigger finger (NHS), not an injury. Each kind with near misses: a headache
that built up slowly, a known migraine, "the most painful headache I've had in years", a
heavy period with no faintness, raynaud's, a dark toenail after running, frostbite after
snow (999) and a bent finger after a blow (same day). Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- thunderclap headache told in other words: 999 ----------------------------------------
    (
        "lifting a heavy wardrobe with my brother and suddenly got the most agonising headache "
        "ive ever had, like being whacked with a hammer. been sick and cant stand the light",
        "emergency",
    ),
    (
        "most horrendous headache of my life started mid sex, i'm 52, been sick twice. should "
        "i just sleep it off?",
        "emergency",
    ),
    (
        "the most painful headache ive ever had, came on instantly when i bent over, throwing up",
        "emergency",
    ),
    (
        "got a horrendous headache, came on like being hit over the head, never had one like it",
        "emergency",
    ),
    (
        "this horrific headache came on like being hit with a bat an hour ago, i've been sick "
        "and i can't look at the light",
        "emergency",
    ),
    (
        "my head felt like it exploded at the back while i was pushing a car, went from nothing "
        "to agony, vomited and the light hurts",
        "emergency",
    ),
    # near misses: built up over hours, the usual migraine, the worst "in years"
    (
        "headache built up slowly over the afternoon with this cold, bit of a sore throat, "
        "paracetamol helping a bit",
        None,
    ),
    (
        "my usual migraine has started, same as always, flashing lights then the headache, i "
        "get them every month",
        None,
    ),
    ("the most painful headache ive had in years, think its the hangover", None),
    ("the most annoying headache today, had it all afternoon after staring at spreadsheets", None),
    # -- a period soaking a pad or tampon within the hour with faintness: 999 ---------------
    (
        "my period is out of control today, going through a super pad every 20 minutes with "
        "huge clots and i keep nearly fainting when i stand up",
        "emergency",
    ),
    (
        "im 45 with fibroids, flooding through a night pad every half an hour since this "
        "morning and i feel really dizzy and light headed",
        "emergency",
    ),
    (
        "period bleeding soaking a pad within an hour for the last five hours, i feel really "
        "light headed and nearly passed out on the stairs",
        "emergency",
    ),
    (
        "my period has gone crazy, changing a tampon and pad together every 20 mins and i "
        "fainted in the bathroom",
        "emergency",
    ),
    (
        "on my period and bleeding through a tampon and pad every half hour for 3 hours now, "
        "passing clots as big as a plum and i feel so dizzy",
        "emergency",
    ),
    # near misses: heavy but no faintness, a pad every 2-3 hours, a question, a faint long ago
    (
        "heavy period, changing my pad every 2 to 3 hours on day two, no dizziness, is that normal?",
        None,
    ),
    (
        "my periods are heavy and i change a pad every hour on the first day, not dizzy or "
        "anything, is that normal",
        None,
    ),
    ("heavy period today, soaking a pad every 2 hours, feeling a bit tired but otherwise ok", None),
    ("what counts as a heavy period? how often is too often to change a pad", None),
    (
        "i fainted once during my period last year, saw the gp and bloods were fine, how do i "
        "stop it happening",
        None,
    ),
    # -- acute limb ischaemia told by where the colour or cold starts: 999 -----------------
    (
        "my right leg suddenly went agony about an hour ago, it's freezing cold and pale from "
        "the knee down and i can't move my toes. i had a bypass in that leg",
        "emergency",
    ),
    (
        "all of a sudden my arm is very painful, it's gone cold and white below the elbow and "
        "my fingers are numb, i can barely move them",
        "emergency",
    ),
    (
        "dad's leg went really painful out of nowhere this afternoon, he says it feels stone "
        "cold and he can hardly feel his foot, he has a stent in that leg",
        "emergency",
    ),
    (
        "my leg has been really painful since breakfast, it is ice cold and a mottled colour "
        "below the knee, toes numb and i cant move them",
        "emergency",
    ),
    # near misses: raynaud's in the cold, an arm slept on, a leg cold in the garden and warm
    # again, one swollen calf (DVT, same day)
    (
        "my feet go white and numb from the ankle down when its cold, then red and painful when "
        "they warm up, is that raynauds?",
        None,
    ),
    (
        "i slept on my arm and woke up with it numb and cold below the elbow, pins and needles "
        "now going",
        None,
    ),
    (
        "my leg went cold after sitting out in the garden this evening but it warmed up again "
        "once i came in, no pain",
        None,
    ),
    ("my left calf is painful and swollen, only that leg, it's warm and red", "urgent"),
    # -- a toe going black or night pain eased by hanging the foot down, poor circulation:
    # critical limb ischaemia or dry gangrene, same day ----------------------------------------
    (
        "the tip of my big toe has turned black and my foot is cold and hurts at night, it eases "
        "when i dangle it over the side of the bed. i'm a smoker",
        "urgent",
    ),
    (
        "one of my toes is going dark purple black at the end, my feet are always cold, "
        "diabetic with poor circulation",
        "urgent",
    ),
    (
        "a patch on my heel has gone black and dry, my foot is cold and pale, i have peripheral "
        "arterial disease",
        "urgent",
    ),
    (
        "my foot hurts at night in bed and only gets better if i hang it down over the edge of "
        "the bed, i had a stent in my leg",
        "urgent",
    ),
    # near misses: frostbite after snow stays 999; a toenail dark after a marathon or a dropped
    # tin, and feet cold in winter, stay quiet
    (
        "we were out on the hills in the snow all day and now two of his toes are black and hard",
        "emergency",
    ),
    ("my big toe nail has gone dark after running the marathon, is it going to fall off", None),
    ("my toenail has gone black after i dropped a tin on it last week, doesn't really hurt", None),
    ("my feet are always cold in winter, is that bad circulation?", None),
    # -- a finger that keeps getting stuck bent and clicks straight, no injury: trigger finger,
    # GP (not the bent-finger injury) ----------------------------------------------------------
    ("my thumb gets stuck bent in the morning and then pops straight with a click", None),
    (
        "my middle finger keeps locking bent when i make a fist and i have to straighten it with "
        "my other hand",
        None,
    ),
    ("my little finger sticks bent most mornings then clicks free, no pain really", None),
    # near misses: a bent finger after a fall or a blow stays same day
    ("fell off my bike and my finger is bent the wrong way and swollen", "urgent"),
    ("my finger is stuck bent after a cricket ball hit it and it's swollen", "urgent"),
    ("jammed my finger in the door and now the finger keeps getting stuck bent", "urgent"),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round161_missed(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level, text
