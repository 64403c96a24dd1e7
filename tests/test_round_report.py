"""`python -m bot eval-rounds`: figures per writing round, from each case's label and reply."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.messages import Reply, Source
from bot.evaluation import answer_all
from bot.round_report import round_report, rounds_of

from .conftest import MakeChat


def case(case_id: str, level: str, round_no: int) -> dict[str, Any]:
    return {"id": case_id, "text": "", "level": level, "round": round_no}


def reply(level: str | None) -> Reply:
    source = {"emergency": Source.EMERGENCY, "urgent": Source.URGENT}.get(level or "", Source.RULE)
    return Reply(text="", source=source, level=level)


# (label, what the bot gave, which figures of round 1 it moves)
CASES = [
    ("emergency", "emergency", "E 1/1 E/U 1/1 urgent 0/0 falseE 0/0 n->U 0/0"),
    ("emergency", "urgent", "E 0/1 E/U 1/1 urgent 0/0 falseE 0/0 n->U 0/0"),
    ("emergency", None, "E 0/1 E/U 0/1 urgent 0/0 falseE 0/0 n->U 0/0"),
    ("urgent", "emergency", "E 0/0 E/U 0/0 urgent 1/1 falseE 1/1 n->U 0/0"),
    ("urgent", None, "E 0/0 E/U 0/0 urgent 0/1 falseE 0/1 n->U 0/0"),
    ("not_urgent", "urgent", "E 0/0 E/U 0/0 urgent 0/0 falseE 0/1 n->U 1/1"),
    ("not_urgent", "emergency", "E 0/0 E/U 0/0 urgent 0/0 falseE 1/1 n->U 0/1"),
    ("not_urgent", None, "E 0/0 E/U 0/0 urgent 0/0 falseE 0/1 n->U 0/1"),
]


@pytest.mark.parametrize(("label", "given", "figures"), CASES)
def test_one_case_moves_the_right_figures(label: str, given: str | None, figures: str) -> None:
    report = round_report([case("a", label, 1)], {"a": reply(given)}, show_ids=False)
    assert report.splitlines() == [f"1: {figures}", f"ALL: {figures}"]


def test_rounds_keep_their_order_and_all_sums_them() -> None:
    cases = [case("b1", "emergency", 2), case("a1", "emergency", 1), case("b2", "urgent", 2)]
    replies = {"b1": reply("urgent"), "a1": reply("emergency"), "b2": reply(None)}
    assert list(rounds_of(cases)) == ["2", "1", "ALL"]
    lines = round_report(cases, replies, show_ids=True).splitlines()
    assert lines[0] == "2: E 0/1 E/U 1/1 urgent 0/1 falseE 0/1 n->U 0/0"
    assert lines[1] == "  missed ['b1->urgent'] urgent missed ['b2']"
    assert lines[-1] == "ALL: E 1/2 E/U 2/2 urgent 0/1 falseE 0/1 n->U 0/0"


async def test_through_the_pipeline(make_chat: MakeChat) -> None:
    cases = [
        {
            "id": "r1",
            "text": "my dad's face has dropped on one side and his speech is slurred",
            "level": "emergency",
            "round": 7,
        },
        {
            "id": "r2",
            "text": "what time does the surgery open on saturdays?",
            "level": "not_urgent",
            "round": 7,
        },
    ]
    replies = await answer_all((await make_chat()).service, cases)
    report = round_report(cases, replies, show_ids=True)
    assert report.splitlines()[0] == "7: E 1/1 E/U 1/1 urgent 0/0 falseE 0/1 n->U 0/1"
