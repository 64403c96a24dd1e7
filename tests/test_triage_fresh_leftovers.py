"""Two urgent kinds the fresh rounds still missed after set 17 (session 37): a barbed fish hook
in the skin, and an ankle or foot that can "just about" or "barely" be hobbled on after an
injury (NHS urgent treatment centres; NHS sprains and strains, after the Ottawa ankle rules).
Near misses: a hook that came out, a hook asked about in advance or in the past, stiffness that
is not an injury. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    (
        "fish hook went into my palm and the barb is under the skin, it won't pull back out",
        "urgent",
    ),
    ("my lad has a fishhook embedded in his earlobe from casting", "urgent"),
    ("barbed hook stuck in my thumb after fishing, not bleeding much", "urgent"),
    (
        "went over on my ankle on the stairs an hour ago, it's puffy and I can barely hobble",
        "urgent",
    ),
    ("fell off the kerb, foot swollen up, can just about hobble to the car", "urgent"),
    ("rolled my ankle at five a side and can only just limp on it", "urgent"),
    # near misses
    ("what do I do if a fish hook goes in my finger on the trip next week?", None),
    ("got a fish hook in my finger but it came out easily, just a tiny hole now", None),
    ("had a fish hook in my hand last summer, minor injuries took it out, any tips?", None),
    (
        "my knees are stiff first thing with arthritis and I can hardly hobble till they loosen",
        None,
    ),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_fresh_leftovers(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
