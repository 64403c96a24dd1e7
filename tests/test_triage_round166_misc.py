"""Round 166 by kind: everyday words that are not danger signs. Someone muddled over which
of their new tablets go when (a medicines review with a pharmacist or GP, not confusion:
NICE NG5); a short nosebleed on a blood thinner that stopped within minutes of pinching,
the minutes hedged ("like 2 minutes", "maybe 5 mins"; NHS warfarin and NHS nosebleed: A&E
when it lasts over 10 minutes); a febrile fit yesterday or last night, seen and sent home
(NHS febrile seizures). Each kind with near misses that must stay emergencies.
Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- muddled over which tablets go when: a medicines question -------------------------
    (
        "since my bypass they started me on six new pills and I get muddled which ones are "
        "for the morning, can the pharmacy help",
        None,
    ),
    (
        "new meds after the stroke clinic and im a bit confused which tablets to take with "
        "food, is there a chart",
        None,
    ),
    (
        "mum has new inhalers and keeps getting muddled up which one is the brown one for "
        "the mornings",
        None,
    ),
    # near misses: real confusion that is new today stays an emergency
    ("my nan is suddenly confused which year it is and doesnt know who I am", "emergency"),
    ("dad became muddled this morning and is not making sense at all", "emergency"),
    ("grandma went confused today, she doesnt know where she is", "emergency"),
    # -- a short nosebleed on a blood thinner, pinched and stopped within minutes ---------
    (
        "I take warfarin for my heart valve, had a small nosebleed after breakfast that "
        "stopped in like 3 minutes of pinching, feeling fine, inr due next week",
        None,
    ),
    (
        "on apixaban, nose bled a bit this evening but it stopped within maybe 5 mins of "
        "squeezing the soft part, all fine now",
        None,
    ),
    (
        "take rivaroxaban, had a nosebleed, pinched it and it settled in just a few minutes, "
        "do I need to tell anyone",
        None,
    ),
    # near misses: a bleed on a thinner that will not stop, comes back or lasts stays 999
    ("on warfarin and my nosebleed wont stop, been pinching for 20 minutes", "emergency"),
    (
        "on apixaban, nosebleed stopped in like 2 minutes but it has started again and wont stop",
        "emergency",
    ),
    ("on warfarin, nosebleed for over half an hour now", "emergency"),
    # -- a febrile fit yesterday or last night, seen and sent home: a question after it ----
    (
        "my niece had a febrile seizure last night, the hospital checked her and sent her "
        "home this morning, will she get epilepsy",
        None,
    ),
    (
        "febrile convulsion at nursery yesterday, the children's ward saw him and sent us "
        "home, does it run in families",
        None,
    ),
    (
        "my grandson had a febrile convulsion yesterday, seen at hospital and sent home, "
        "my daughter asks if he will grow out of them",
        None,
    ),
    # near misses: a fit now or a danger sign since stays an emergency
    (
        "febrile convulsion yesterday, seen in A&E and sent home, now he is fitting again",
        "emergency",
    ),
    ("had a febrile fit yesterday and sent home, now floppy and hard to wake", "emergency"),
    (
        "febrile seizure last night, discharged this morning, now shes jerking and wont respond",
        "emergency",
    ),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round166_misc(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
