"""Rounds 72-76 urgent cases that got no triage reply, by kind (NHS 111: get care today):
itching of the palms and soles in a pregnancy told as "26 weeks." (NHS intrahepatic
cholestasis), a caesarean wound red and oozing (NHS caesarean recovery), others said to be
fine without the person (NHS help for suicidal thoughts), fresh cuts with talk of ending
life or nothing getting better (NICE NG225), a condom split for someone not on other
contraception and a pill not kept down before sex (NHS emergency contraception), waking to
the hearing in one ear gone (NHS sudden hearing loss), and new specks floating with flashes
of light (NHS floaters and flashes). Look-alikes that must stay quiet, and the emergencies
beside them. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- itching of the palms and soles in later pregnancy (NHS cholestasis) ----------------
    ("31 weeks. Itchy for days now, especially my palms and the soles of my feet", "urgent"),
    ("I'm 28 weeks with my first and my feet itch like mad at night, no rash", "urgent"),
    ("31 weeks of physio done, my palms itch from the gel", None),
    # -- a caesarean wound red, puffy or oozing (NHS caesarean section recovery) ------------
    ("my c section was 10 days ago and the wound is red and weeping a bit", "urgent"),
    ("caesarean 2 weeks ago, one side of the cut is swollen and there's pus", "urgent"),
    ("had a caesarean last year, is a bit of numbness over the scar normal?", None),
    # -- others said to be fine without the person (NHS help for suicidal thoughts) ---------
    ("I keep thinking my kids would be happier without me, I have no plan though", "urgent"),
    ("lately I feel my family would be fine without me and I can't shake it", "urgent"),
    ("I'm going into hospital for my knee, will the children be fine without me?", None),
    ("the team will be fine without me for a week while I'm on leave", None),
    # -- fresh self-harm cuts with hopeless talk, no plan (NICE NG225) -----------------------
    (
        "my daughter has fresh cuts on her thighs and says things will never get better, she says she has no plan",
        "urgent",
    ),
    (
        "found new cuts on his wrist, he says he thinks about suicide but wouldn't act on it",
        "urgent",
    ),
    ("fresh scratches on her arms from the cat, otherwise happy", None),
    # -- emergency contraception: a split for someone on nothing else, a pill not kept down --
    ("the condom split last night and my girlfriend isn't on the pill", "urgent"),
    ("a student told me the condom broke on Saturday, what should I tell her to do?", "urgent"),
    (
        "I couldn't keep my pill down with a tummy bug. We had sex yesterday, do I need the morning after pill?",
        "urgent",
    ),
    ("my pill didn't stay down on Monday, had sex two months ago, am I ok?", None),
    ("how do condoms break and how can we stop it happening?", None),
    # -- waking to the hearing in one ear gone (NHS sudden hearing loss) ---------------------
    ("woke up today and the hearing in my left ear has gone, just a hiss", "urgent"),
    ("I woke this morning to find the hearing in one ear muffled, no cold", "urgent"),
    ("my hearing has slowly got worse over the years, should I get a hearing aid?", None),
    # -- new floaters in lay words with flashes of light (NHS floaters and flashes) ----------
    (
        "since this morning black dots drifting across my eye and flashes of light at the edge",
        "urgent",
    ),
    (
        "a shower of tiny specks in my vision and flashes of light in the corner when I look around",
        "urgent",
    ),
    ("dust specks floating in the sunlight make me sneeze", None),
    ("a curtain is coming down over my vision with lots of new floaters", "emergency"),
    # -- the emergencies beside them -----------------------------------------------------------
    (
        "she has fresh cuts on her arm, says nothing will get better and has taken all her pills",
        "emergency",
    ),
    (
        "I'm 34 weeks and itchy on my palms, and now I have a severe headache and blurred vision",
        "emergency",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round76_urgent_kinds(triage: Triage, text: str, expected: str | None) -> None:
    assert flag_level(triage, text) == expected
