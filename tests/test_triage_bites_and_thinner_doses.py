"""Two urgent kinds the fresh-trained acuity model stopped catching on its own (session 36), now
the flags': an animal bite told in slang ("the moggy sank teeth into my thumb") or whose signs of
infection since are told instead of broken skin (NHS animal and human bites: get help today),
and an extra dose of a blood thinner taken by mistake (NHS warfarin, apixaban, rivaroxaban:
speak to the anticoagulant clinic, GP, pharmacist or 111 today). Near misses: a bite that did not
break the skin, a twice-daily dose, a what-if question, and a double dose with bleeding that
will not stop (999). Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    ("our cat sank teeth into my wrist last night, now it's puffy and throbbing", "urgent"),
    (
        "the moggy bit my finger yesterday and this morning it's swollen and hot to the touch",
        "urgent",
    ),
    ("neighbours dog stuck his teeth in my calf at the gate, two puncture marks", "urgent"),
    ("my dog nipped my hand this morning and now its red and throbbing", "urgent"),
    ("took my warfarin twice tonight by mistake, no bleeding, feel fine", "urgent"),
    ("I think I had an extra apixaban this morning, forgot I'd already taken it", "urgent"),
    ("mum doubled up her rivaroxaban by accident today, what do we do", "urgent"),
    # near misses
    ("the cat bit me yesterday but it barely scratched, didn't break the skin", None),
    ("i take apixaban twice a day, is it ok with ibuprofen", None),
    ("what should I do if I ever take my warfarin twice by accident", None),
    (
        "took my warfarin twice last night and now my nose is pouring blood and won't stop",
        "emergency",
    ),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_bites_and_thinner_doses(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
