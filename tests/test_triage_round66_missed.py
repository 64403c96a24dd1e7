"""Rounds 64-66 missed kinds: chest tightness, heaviness or pressure named as a thing with the
chest later in the sentence and a heart-attack sign (spread, clamminess, sickness, GTN that has
not helped); medicines saved up with a time chosen to take them; and bowel obstruction told as
no stool or wind, a swollen hard belly and green or poo-smelling vomit. Each kind with wordings
that must get the intended level and near misses the other way. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- chest tightness as a noun, chest later in the sentence (NHS heart attack; CG95) ---
    (
        "the heaviness started an hour ago, right in the middle of my chest, going down my left arm",
        "emergency",
    ),
    (
        "a crushing feeling came on while walking, behind my breastbone, and I'm sweating",
        "emergency",
    ),
    (
        "the pressure has been there since lunch across the front of my chest, I used my GTN spray and it hasn't helped",
        "emergency",
    ),
    ("my dad says the tightness is all across his chest and he looks grey", "emergency"),
    ("the tightness came on at the bus stop, across my chest, and I feel sick", "emergency"),
    # near misses: a tight chest with a cough, stress at work, no chest at all
    ("the pressure at work is getting to me and I keep getting headaches", None),
    ("the tightness in my hamstring is worse after running", None),
    ("tightness in my chest from coughing all week with my cold, feel a bit sick", None),
    # -- medicines saved with a time chosen (NICE NG225; NHS help for suicidal thoughts) ---
    (
        "I've been collecting my sertraline and my dad's tramadol, they're in a drawer, tonight is when I take them",
        "emergency",
    ),
    ("I've saved up my diazepam and I've decided on tomorrow", "emergency"),
    ("I've been hoarding my tablets and I'll take them once my husband goes to work", "emergency"),
    ("I have stockpiled my pills and I am going to take them all tonight", "emergency"),
    # near misses: a medicine box kept safe, a question about taking tablets tonight
    ("my partner keeps my tablets locked away and gives me one each night", None),
    ("can I take my antibiotics tonight if I missed this morning's dose?", None),
    # -- bowel obstruction (NHS bowel obstruction: A&E) ----------------------------------
    ("no poo for four days, my belly is swollen and hard and I vomited green stuff", "emergency"),
    (
        "not passed wind or poo since Friday, tummy distended, and I can't keep anything down",
        "emergency",
    ),
    (
        "constipated for a week, stomach bloated, been sick three times and it smells like poo",
        "emergency",
    ),
    (
        "haven't been for a poo in days, stomach is hard, I was sick overnight and it was bile",
        "emergency",
    ),
    # near misses: constipation with a bloated tummy and no sickness; a cold and a bloated tummy
    ("constipated since the weekend and my tummy feels bloated, what laxative is best?", None),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round66_missed(triage: Triage, text: str, expected: str | None) -> None:
    assert flag_level(triage, text) == expected
