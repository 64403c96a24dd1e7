"""Rounds 70-71 urgent cases that got no triage reply, by kind (NHS 111: get care today): a
missed pill and sex told further on in the sentence, a spot or bite gone red and hot with the
redness spreading, an object pushed up a nose or into an ear, blood ketones of 1.5 to 2.9 in
diabetes, and a time-critical medicine (epilepsy, Parkinson's, anti-rejection) brought back
up or not kept down. Look-alikes that must stay quiet, and the emergencies beside them. Our
own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- a missed pill, then sex further on in the sentence (NHS emergency contraception) ----
    (
        "forgot 3 of my pills at the start of the pack, the first week, and we had sex last night, do I need the morning after pill",
        "urgent",
    ),
    (
        "I missed my pill two days running, my partner and I slept together on Sunday, am I still covered?",
        "urgent",
    ),
    ("missed one pill three weeks ago but my period has come since, all good", None),
    ("I skipped a pill yesterday and we haven't had sex, do I need anything?", None),
    # -- skin gone red and hot round a spot or bite, spreading (NHS chickenpox, cellulitis) --
    (
        "one of her chickenpox blisters has gone red and hot and the red is spreading around it",
        "urgent",
    ),
    ("a horsefly bite on my calf is red and warm and getting bigger every hour", "urgent"),
    (
        "the redness round the graze on his elbow is spreading up his arm and he has a temperature",
        "urgent",
    ),
    ("the chickenpox spots are spreading to his back, he's itchy but happy", None),
    ("my baby has a temperature and her cheeks are red and hot", None),
    ("my neck and face go red and hot in hot flushes that spread up from my chest", None),
    # -- an object up the nose or in an ear (NHS objects in ears and nose) ------------------
    ("my 3 year old has pushed a dried pea up his nostril and I can't get it out", "urgent"),
    ("there's a small bead stuck in my son's ear from nursery", "urgent"),
    ("she shoved a piece of foam up her nose and it won't come out when she blows", "urgent"),
    ("he put a bead up his nose but sneezed it out straight away and he's fine", None),
    ("can I use olive oil drops in my ears for wax?", None),
    ("my nose is blocked and stuffy from a cold, what spray can I use?", None),
    ("my toddler has pushed a button battery up his nose", "emergency"),
    ("she has put two little magnets up her nose", "emergency"),
    # -- blood ketones 1.5 to 2.9 in diabetes (NHS DKA; Diabetes UK sick day rules) ---------
    ("type 1 with flu, blood ketones 2.3 and sugars 18, no vomiting or tummy pain", "urgent"),
    (
        "my daughter has type 1 and her ketones are 1.7 today with a cold, she's eating and drinking",
        "urgent",
    ),
    ("type 1, ketones 0.3, sugars a bit high with a cold, following sick day rules", None),
    ("doing a ketogenic diet, ketones 2.0 this morning, is that ok?", None),
    ("type 1, ketones 2.6, I keep being sick and my breathing is deep and fast", "emergency"),
    # -- a time-critical medicine not kept down (NHS epilepsy, Parkinson's, tacrolimus) -----
    (
        "I have epilepsy and I was sick about 15 minutes after taking my lamotrigine this morning, should I take it again?",
        "urgent",
    ),
    ("Mum has Parkinson's and a stomach bug, her co-careldopa keeps coming back up", "urgent"),
    ("heart transplant, I have D&V and I'm not able to keep my tacrolimus down", "urgent"),
    ("what should I do if I'm ever sick after my epilepsy tablets?", None),
    ("I take mycophenolate after my kidney transplant, is it safe to have the flu vaccine?", None),
    ("I had a tummy bug last week but kept my levetiracetam down and I'm fine now", None),
    ("epilepsy, threw up my tablets and now I've been fitting for 6 minutes", "emergency"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round71_urgent_kinds(triage: Triage, text: str, expected: str | None) -> None:
    assert flag_level(triage, text) == expected
