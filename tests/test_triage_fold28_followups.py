"""After set 28's fold (session 41): the kind the retrained fallback no longer carried. Days
after an operation or a caesarean, the wound red, hot or oozing with a temperature and a
racing heart or feeling awful (sepsis from the wound: 999), while a healing wound with no
temperature, or a red wound alone, is not. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- an infected wound after an operation or a birth, with fever and a racing heart or
    # feeling awful (NHS sepsis; NICE NG51) ---------------------------------------------------
    (
        "6 days after my caesarean the wound is hot and weeping, temperature 38.8 and my "
        "heart is pounding",
        "emergency",
    ),
    (
        "knee op last week, the wound is red and hot and smells, temp 38.5 and I feel "
        "really unwell",
        "emergency",
    ),
    (
        "dad was discharged after his hernia repair, the cut is oozing pus, hes shivering "
        "and his pulse is 124",
        "emergency",
    ),
    # near misses: healing, or no temperature or racing heart told
    ("had my c section 10 days ago, scar a bit red but no temp and feel fine", None),
    ("two weeks after my operation the stitches are itchy and healing well", None),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_fold28_followups(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
