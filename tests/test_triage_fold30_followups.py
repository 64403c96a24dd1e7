"""After set 30's fold (session 42): the kind the retrained fallback no longer carried. A fall,
a crash or coming off a bike, then a wrist that is swollen and hurts to move or grip, told
without the hand put out (a possible broken wrist: an urgent treatment centre today), while an
old wrist injury already X-rayed, or a wrist that is sore with no swelling, is not. Our own
words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- a fall, then a swollen wrist that hurts to move or grip (NHS broken arm or wrist;
    # NICE NG38) ---------------------------------------------------------------------------
    (
        "slipped on the wet kitchen floor an hour ago, my wrist has swollen right up and it "
        "hurts to turn it",
        "urgent",
    ),
    (
        "my son crashed his scooter at the skatepark, left wrist puffy and he cant grip his drink",
        "urgent",
    ),
    (
        "got thrown off the horse this afternoon, wrist is swollen and agony when I try to bend it",
        "urgent",
    ),
    # near misses: an old injury already seen, or soreness with no swelling and no fall
    (
        "fell off my bike three weeks ago, wrist was x rayed and its a sprain, still a bit "
        "swollen, sore to grip",
        None,
    ),
    ("my wrist is sore when I grip the mouse after a long day typing", None),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_fold30_followups(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
