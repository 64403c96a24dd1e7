"""Round 101 by kind: pregnancy, men's health and long-term conditions (rounds 97, 99, 100).
Emergencies told with everyday words (a missed haemodialysis session with signs of high potassium; a large amount of blood
coughed up, the amount a few words before "blood"), and frames that are not emergencies (a
family history of leg clots asked about in pregnancy; an oxygen reading within the target
range a respiratory team set). Each kind with wordings that must fire or stand down, and near
misses that must stay emergencies. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- a missed haemodialysis session with signs of high potassium (NHS / Kidney Care UK
    # hyperkalaemia: call 999 or go to A&E) ------------------------------------------
    (
        "i skipped my hd session on monday. potassium is always high and now my legs are "
        "floppy and my heart keeps fluttering.",
        "emergency",
    ),
    (
        "dad missed haemo yesterday because of the snow, his heart is racing and his arms tingle.",
        "emergency",
    ),
    ("missed dialysis on friday and now i feel weak and breathless.", "emergency"),
    # -- a large amount of blood coughed up (NHS coughing up blood: more than a few
    # teaspoons, call 999) -------------------------------------------------------------
    (
        "i have bronchiectasis and just coughed up what looked like a whole glass of blood.",
        "emergency",
    ),
    (
        "coughing up a really scary amount of fresh blood, maybe a couple of tablespoons each time.",
        "emergency",
    ),
    ("he coughed up a lot of bright red blood into the sink.", "emergency"),
    # -- a family history of leg or lung clots asked about in pregnancy is a question, not
    # bleeding (NHS blood clots in pregnancy: ask the midwife about your risk) -------------
    (
        "my sister had blood clots in her calf after her baby. im 10 weeks pregnant, "
        "should i get blood thinners?",
        None,
    ),
    ("pregnant with my first, my dad had clots in both legs. does that raise my risk?", None),
    # near misses: heavy bleeding with clots in pregnancy stays an emergency
    ("im 9 weeks pregnant and bleeding heavily with big clots.", "emergency"),
    ("pregnant and passing large clots, soaking a pad an hour.", "emergency"),
    ("im 12 weeks pregnant and passing blood clots.", "emergency"),
    # -- an oxygen reading within the target range the team set (NICE NG115: COPD target 88
    # to 92%) is not a fall ------------------------------------------------------------
    ("copd. my target range is 88 to 92 and my sats are 90 today. feel fine.", None),
    ("the hospital gave me a target of 88 92, oximeter says 91 this morning, all ok.", None),
    # near misses: below the target, or a fall, still counts
    ("my target sats are 88 to 92 but it has dropped to 82 and im breathless.", "emergency"),
    ("copd, target range 88 92, sats now 79.", "emergency"),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round101_conditions(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
