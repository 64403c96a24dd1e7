"""`python -m bot eval-rounds FILE...`: triage figures per writing round of labelled messages.

Each sealed set of our own test messages is written in rounds by different writers; the bars
(emergency replies, false emergencies) are read per round and for the whole set, so a weak
round is not hidden by the others. ``--dump`` writes each case's level and category as JSON,
for comparing two versions of the code case by case.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from assistant.messages import Reply
from bot.app import build_assistant, build_service
from bot.config import AppConfig
from bot.evaluation import LevelScore, answer_all, load_jsonl, score_levels

ALL = "ALL"


def rounds_of(cases: Sequence[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Cases grouped by their ``round`` field in first-seen order, then every case as ALL."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for case in cases:
        groups.setdefault(str(case.get("round", "?")), []).append(case)
    groups[ALL] = list(cases)
    return groups


def round_line(name: str, score: LevelScore, show_ids: bool) -> str:
    """One round's figures; with ``show_ids`` the ids behind every miss follow."""
    not_urgent_urgent = [entry for entry in score.over_triaged if entry.endswith("->urgent")]
    line = (
        f"{name}: E {score.emergency_replies}/{score.emergencies} "
        f"E/U {score.emergency_or_urgent}/{score.emergencies} "
        f"urgent {score.urgent_caught}/{score.urgent} "
        f"falseE {len(score.false_emergencies)}/{score.non_emergencies} "
        f"n->U {len(not_urgent_urgent)}/{score.not_urgent}\n"
    )
    if show_ids and name != ALL:
        line += (
            f"  missed {score.missed} urgent missed {score.urgent_missed}\n"
            f"  false emergencies {score.false_emergencies} n->U {not_urgent_urgent}\n"
        )
    return line


def round_report(cases: Sequence[dict[str, Any]], replies: dict[str, Reply], show_ids: bool) -> str:
    levels = {case_id: reply.level for case_id, reply in replies.items()}
    return "".join(
        round_line(name, score_levels(group, levels), show_ids)
        for name, group in rounds_of(cases).items()
    )


async def answer_without_llm(
    config: AppConfig, cases: Sequence[dict[str, Any]]
) -> dict[str, Reply]:
    """Every case through the service as the app builds it; triage needs no model."""
    assistant = await build_assistant(config, with_llm=False)
    return await answer_all(build_service(config, assistant), list(cases))


def run_round_report(
    config: AppConfig, files: Sequence[Path], out: TextIO, show_ids: bool, dump: Path | None
) -> int:
    cases = [case for path in files for case in load_jsonl(path)]
    replies = asyncio.run(answer_without_llm(config, cases))
    out.write(round_report(cases, replies, show_ids))
    if dump is not None:
        per_case = {case_id: [r.level, r.category] for case_id, r in replies.items()}
        dump.write_text(json.dumps(per_case, indent=0), encoding="utf-8")
    return 0
