"""Urgent kinds that only the fallback had caught, given flags before set 24 was folded
(session 40): insulin run out or left at home (NHS insulin: type 1 cannot go without it; an
emergency supply today); blood told after diarrhoea in other words, "the runs ... blood in
it" (NHS diarrhoea and vomiting); a painful sickle cell episode the home plan has not settled
(NICE CG143); low mood with self-neglect, not eating for days and unable to get up (NICE
NG222). Near misses keep their level: a question on storing insulin, a single missed
dose, no blood in it, a carrier with a sore knee, a sickle crisis with chest pain, flu that took the appetite. Our own
words."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    (
        "we're away for the weekend and I left my son's humalog pens at home, what do we do",
        "urgent",
    ),
    ("my insulin ran out this morning and the surgery is shut till monday", "urgent"),
    ("dropped my last novorapid pen and it cracked, none left", "urgent"),
    ("how should I keep my lantus pens cool on a long flight", None),
    ("I forgot my lantus last night, sugar is fine this morning, do I take it now", None),
    ("had the runs since sunday and now there's blood in it, bad cramps", "urgent"),
    ("loose stools for 3 days after a takeaway, no blood in it, drinking fine", None),
    ("had diarrhoea all week but there isn't any blood with it", None),
    (
        "HbSS, pain in my back for two days, done the codeine and heat pads like my plan says "
        "but it's not easing. no fever, breathing fine",
        "urgent",
    ),
    ("sickle cell, legs still hurting on day 3 even with my painkillers", "urgent"),
    ("I have sickle cell trait and my knee still hurts after football", None),
    ("my sickle cell pain was bad last month, it settled at home, how can I prevent another", None),
    ("sickle cell, pain not easing and now my chest hurts when I breathe in", "emergency"),
    (
        "not eaten for days, can't get out of bed, I just feel empty. not going to hurt myself",
        "urgent",
    ),
    ("my son hasn't eaten in a week and won't leave his room, says he feels hopeless", "urgent"),
    ("had flu all week, haven't eaten for days, can't get up, feeling low", None),
    ("how do I help someone with depression who stays in bed all day", None),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_fold24_followups(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
