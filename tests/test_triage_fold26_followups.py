"""Urgent kinds the fallback let go once set 26 was folded and the readers retrained (session
40), given flags of their own: spotting or light bleeding in pregnancy with no pain told (NHS
vaginal bleeding in pregnancy: the GP, midwife, early pregnancy unit or 111 the same day), and
a temperature still coming after two days or more of antibiotics (NICE NG143 safety netting;
NHS antibiotics). Near misses: spotting last week checked on a scan and none since, a general
question, a fever that has come down on antibiotics, a question asked ahead. Our own words."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    ("8 weeks pregnant and some pink spotting started this morning, no pain", "urgent"),
    ("I'm pregnant, about 10 weeks, noticed light bleeding today, feel fine otherwise", "urgent"),
    ("14 weeks pregnant, bit of brown spotting since last night, no cramps", "urgent"),
    (
        "11 weeks pregnant, had brown spotting last week, the early pregnancy unit scan showed "
        "a heartbeat, no bleeding since",
        None,
    ),
    (
        "my daughter has been on amoxicillin for 3 days and is still spiking 39 at night",
        "urgent",
    ),
    ("two full days of antibiotics for his ear and the temperature won't come down", "urgent"),
    ("started antibiotics 2 days ago, temperature has come down and she is much better", None),
    ("what if my son's fever is still high after 2 days of antibiotics", None),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_fold26_followups(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
