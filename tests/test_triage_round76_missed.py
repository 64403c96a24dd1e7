"""Rounds 72-76 emergencies that got no triage reply or only the urgent one, by kind: no
movement at all felt in late pregnancy told as "not felt anything since ..." (NHS baby
movements), a pregnancy's weeks told as "34 weeks with my second" or "I'm 33 weeks" with
pre-eclampsia's signs and flashing zigzag lights (NHS pre-eclampsia; NICE NG133), the cord
or "something" felt at the vagina after the waters break (RCOG umbilical cord prolapse), a
blow to the head from a knee, boot or ball with a blackout, repeated questions or vomiting
(NICE NG232), and a power tool's wound spurting blood (NHS cuts: call 999). Look-alikes
that must stay quiet, and past events followed by a new one now. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- no movements felt at all in late pregnancy (NHS baby movements) -------------------
    (
        "32 weeks pregnant and I haven't felt anything since last night, not one wriggle",
        "emergency",
    ),
    ("36+1, not felt a thing all morning from the baby even after a sugary drink", "emergency"),
    ("my bump has been still, I've not felt anything for 12 hours and I'm 30 weeks", "emergency"),
    ("pregnant with twins, I haven't felt anything today and I'm worried", "emergency"),
    ("38 weeks gone, baby kicking away as normal, is heartburn normal now?", None),
    ("I haven't felt anything since the epidural, is that normal?", None),
    ("had my 20 week scan, haven't felt anything yet, is that normal for a first baby?", None),
    # -- the weeks of a pregnancy in other words, with pre-eclampsia's signs ----------------
    ("33 weeks with my first, pounding headache and blurry vision since lunch", "emergency"),
    (
        "I'm 35 weeks and seeing flashing zig zag lights, my hands have swollen up suddenly",
        "emergency",
    ),
    (
        "we're 37 weeks with number two and she has a severe headache and pain under her ribs",
        "emergency",
    ),
    ("I was 30 weeks sober last month and now I have a bad headache", None),
    ("my son is 30 weeks old, is blurry vision in babies normal?", None),
    ("I'm 34 weeks with my second, just wondering about the glucose test", None),
    # -- the cord felt or seen after the waters break (RCOG umbilical cord prolapse) --------
    ("my waters broke an hour ago and I can see the cord hanging out", "emergency"),
    ("waters have gone and I can feel something like a loop at my vagina", "emergency"),
    ("big gush of fluid just now, and I think I touched a loop of cord down there", "emergency"),
    ("My waters went this morning at 39 weeks, clear fluid, contractions every 10 minutes", None),
    ("what happens to the umbilical cord after the birth?", None),
    # -- a blow to the head in sport with a blackout, repeated questions or vomiting --------
    (
        "took a boot to the head at football, was out for a few seconds and has been sick twice",
        "emergency",
    ),
    (
        "my daughter caught a hockey stick on the head and keeps asking the same question over and over",
        "emergency",
    ),
    ("clash of heads in the match, he was out cold for a minute, now very drowsy", "emergency"),
    ("took a ball to the face at netball, nose a bit sore, no other problems", None),
    ("my son took a knee to the thigh at rugby, it is swollen and bruised", None),
    ("he keeps asking the same question over and over about when we leave, he has autism", None),
    # -- a power tool's wound spurting or soaking towels (NHS cuts; St John Ambulance) -------
    (
        "the circular saw caught my thigh and blood spurts out every time I lift the towel",
        "emergency",
    ),
    ("hedge trimmer got my wrist, soaked through three tea towels already", "emergency"),
    ("caught my hand on an angle grinder, small nick, stopped bleeding with a plaster", None),
    ("my 14 year old has had a growth spurt and his knees hurt", None),
    # -- a past event first, then a new emergency now ---------------------------------------
    (
        "I had a stillbirth 2 years ago. Now I'm 31 weeks and haven't felt anything since yesterday",
        "emergency",
    ),
    (
        "He had concussion last season. Today he took a knee to the head and was out for a minute",
        "emergency",
    ),
    (
        "I cut my arm with a saw last year. Now the jigsaw slipped and it is spurting and won't stop",
        "emergency",
    ),
    (
        "Last pregnancy I had pre-eclampsia. I'm 36 weeks with my third and have a severe headache",
        "emergency",
    ),
    ("no pain and no bleeding, but my waters broke and I can see the cord coming out", "emergency"),
    # -- "coughing blood" without "up", as "coughing up blood" (NHS coughing up blood) -------
    ("I am coughing blood", "emergency"),
    ("he's been coughing blood since this morning", "emergency"),
    (
        "The scan for a clot was clear and the breathlessness went completely. Tonight I'm "
        "gasping and coughing blood.",
        "emergency",
    ),
    ("I've been coughing a lot since my blood test", None),
    ("I'm not coughing blood, just green phlegm", None),
    ("I coughed blood once two years ago, is that worth mentioning?", None),
    # -- a swallow that points back to a battery or magnets named earlier (NHS button
    # batteries) -----------------------------------------------------------------------------
    (
        "There was a piece on the news about magnets. My son swallowed two from his set.",
        "emergency",
    ),
    (
        "Saw a post about button batteries. My toddler just swallowed one from the remote!",
        "emergency",
    ),
    ("She found the spare batteries for the remote and I think she swallowed one.", "emergency"),
    ("What happens if a child swallows a magnet? Asking for a school project.", None),
    ("my son swallowed two coins yesterday, do I need to worry? luckily no batteries", None),
    ("The remote's battery is flat. Also he swallowed some water the wrong way.", None),
    ("We keep hearing aid batteries in a drawer. If the baby ever swallowed one, what then?", None),
    (
        "I'm not sure if he swallowed one of the magnets from the fridge, two are missing",
        "emergency",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round76_missed_kinds(triage: Triage, text: str, expected: str | None) -> None:
    assert flag_level(triage, text) == expected
