"""Round 181 by kind (gaps found while mending set 27, written from guidance): a baby under 1
whose breathing stops or pauses in sleep and who gasps, or who goes floppy, blue, grey or pale
while asleep (NHS: call 999 if a baby stops breathing or goes blue or floppy; NICE NG143 and
NG9), kept apart from a newborn's short pink pauses, general questions about babies'
breathing in sleep, a past event already checked in hospital and an adult's sleep apnoea; and
a scald or burn on a child where the skin is peeling or coming off (NHS burns and scalds: A&E
for a child's burn with skin off or blisters over a large area, or on the chest or face), kept
apart from sunburn peeling days later, eczema, and an old burn healing. Each kind with
wordings that must reach the level, and near misses that must keep the other level. Our own
words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- a baby under 1 stops breathing in sleep, or goes blue, floppy or pale asleep: 999 --
    ("my 7 week old keeps pausing her breathing in her sleep and then gasping", "emergency"),
    ("our son is 4 months old, he stops breathing while hes asleep and then gasps", "emergency"),
    ("Baby (10 weeks) stopped breathing in his sleep tonight, then a big gasp", "emergency"),
    ("my baby keeps having apnoea episodes when shes asleep", "emergency"),
    ("my newborn stops breathing in his sleep", "emergency"),
    ("my 5 month old went still and blue in her sleep", "emergency"),
    ("the baby turned grey in his cot and then started breathing again", "emergency"),
    ("my 3 month old daughter went limp and pale during her nap", "emergency"),
    ("my 9 month old stopped breathing in her cot and gasped for air", "emergency"),
    (
        "my 6 week old goes quiet in his sleep and stops breathing for about 25 seconds, "
        "his lips look dusky",
        "emergency",
    ),
    # near misses: a newborn's short pink pauses, a general question, a past event checked in
    # hospital, an adult's sleep apnoea, a child's snoring, a newborn's blue hands and feet
    (
        "our 3 week old pauses for a few seconds in her sleep then breathes quickly, stays "
        "pink the whole time and feeds well",
        None,
    ),
    ("is it normal for newborns to pause their breathing in their sleep?", None),
    ("my newborn breathes unevenly with little pauses when asleep, is that normal?", None),
    (
        "three weeks ago our 2 month old stopped breathing in her sleep, the hospital kept "
        "her in and checked her over and said it was reflux. she has been fine since. how do "
        "we help the reflux?",
        None,
    ),
    ("my husband stops breathing in his sleep and wakes up gasping, our baby is 3 months", None),
    ("my partner has sleep apnoea and stops breathing at night, we have a newborn too", None),
    ("my 6 year old snores and stops breathing in his sleep", None),
    ("my newborns hands and feet go blue when shes asleep", None),
    # -- a scald or burn on a child with skin peeling or coming off: A&E ------------------
    (
        "my 2 year old pulled a cup of tea off the table onto herself and the skin on her "
        "chest is peeling off",
        "emergency",
    ),
    ("toddler tipped my coffee down his front, the skin is coming away on his tummy", "emergency"),
    ("my baby grabbed my mug of tea and now the skin on her arm is peeling", "emergency"),
    ("my son got scalded in the bath and the skin is peeling away on his legs", "emergency"),
    ("my 3 year old burnt her hand on the hob and skin is sliding off", "emergency"),
    ("my daughter knocked the kettle over herself and the skin keeps coming off", "emergency"),
    # adults as before: a scald with skin peeling off, or coming off in sheets
    ("knocked a hot coffee over my arm and the skin is peeling off", "emergency"),
    ("scalded my hand with the kettle and skin is peeling off in sheets", "emergency"),
    # near misses: sunburn peeling days later, eczema, a healing burn, scarlet fever
    ("my son was sunburnt on holiday last week and now his back is peeling off", None),
    (
        "my 8 year old got burnt in the sun at the beach and the skin on his shoulders is "
        "peeling off now",
        None,
    ),
    ("my toddler has eczema and the skin on his hands keeps peeling off", None),
    (
        "my 4 year old burnt his finger on the oven door 6 days ago, it has a scab and is "
        "healing, the skin round it is peeling off",
        None,
    ),
    ("my daughters skin is peeling off her fingers after scarlet fever", None),
    ("my sons feet are peeling, the skin comes away between his toes", None),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round181_gaps(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
