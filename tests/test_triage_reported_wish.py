"""A wish to die reported by someone else and said once ("my daughter told me she wants to
die"), found by a probe in session 39: before, only "keeps saying" was read, so a single
reported wish got no triage at all. Now it is urgent the same day, and 999 when means, harm, a
search for a method or a note is told with it (NHS help for suicidal thoughts; NICE NG225).
Near misses: a wish about where to die at the end of life, a joke over a football score, a
child's outburst over a game who then went out to play, and a wish said years ago by someone
well now. A wish about how to die at the end of life ("peacefully in his sleep", "of old
age") said by anyone stays quiet too (session 40 probe); a wish to die with means stays 999.
Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    ("my husband told me he wants to die", "urgent"),
    ("my daughter says she wants to die", "urgent"),
    ("she told me last night she wants to be dead", "urgent"),
    ("he texted me he wants to die", "urgent"),
    ("my son messaged us saying he wants to die", "urgent"),
    ("she said she wants to die, she has a doctors note for work stress", "urgent"),
    ("my daughter told me she wants to die and she has been cutting", "emergency"),
    ("my son said he wants to die and he has been looking up how to do it", "emergency"),
    ("my wife says she wants to die and I found paracetamol hidden in her drawer", "emergency"),
    ("he texted me he wants to die and he left a note on the table", "emergency"),
    ("my nan says she wants to die at home not in hospital", None),
    ("my mate said he wants to die after the match lol we lost 5-0", None),
    ("she texted me that she wants to die years ago, she is fine now", None),
    (
        "my son said he wants to die when I took his xbox, he laughed and went to play football",
        None,
    ),
    ("grandad said he wanted to die peacefully in his sleep", None),
    ("my dad is 94 and says he is ready to die of old age, he is at peace with it", None),
    ("I want to die with dignity at home when the cancer gets bad, how do I plan that", None),
    ("I want to die peacefully tonight, I have saved up my tablets", "emergency"),
    ("i just want to die", "emergency"),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_reported_wish(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
