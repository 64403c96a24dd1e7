"""No labelled PII value survives into a log line, a metric or a stored row.

Every message of the shared ``pii_public.jsonl`` goes through the real assistant (real
Presidio, real Store) on two platforms, followed by the commands that read the data back
(/privacy, /stats with its chart, /forget). Then each place the bot writes to is searched
for each labelled value: its exact text, its digits when it has four or more, and each part
of a person's name as a whole word.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

import pytest

from bot.config import AppConfig
from bot.metrics import Metrics
from bot.stats import build_report
from tests.conftest import MakeAssistant, load_jsonl
from tests.stats_support import ADMIN_MATRIX, ADMIN_TELEGRAM, make_commands, msg, with_admins


def needles(case: dict[str, Any]) -> list[tuple[str, re.Pattern[str]]]:
    found: list[tuple[str, re.Pattern[str]]] = []
    for item in case["pii"]:
        value = str(item["value"])
        found.append((value, re.compile(re.escape(value), re.IGNORECASE)))
        digits = re.sub(r"\D", "", value)
        if len(digits) >= 4:
            found.append((f"digits of {value}", re.compile(re.escape(digits))))
        if item["type"] == "PERSON":
            for part in re.findall(r"[A-Za-z]{3,}", value):
                found.append((f"name part {part}", re.compile(rf"\b{part}\b", re.IGNORECASE)))
    return found


async def test_no_pii_in_logs_metrics_rows_or_reports(
    app_config: AppConfig,
    make_assistant: MakeAssistant,
    eval_dir: object,
    caplog: pytest.LogCaptureFixture,
) -> None:
    cases = load_jsonl("pii_public.jsonl")
    assert sum(len(c["pii"]) for c in cases) > 20
    config = with_admins(app_config)
    caplog.set_level(logging.DEBUG)
    assistant = await make_assistant(config=config)
    store = assistant.store
    assert store is not None
    metrics = Metrics(assistant)
    commands = make_commands(config, assistant, store)

    for case in cases:
        for platform, user in (("telegram", "7001"), ("matrix", "@patient:localhost")):
            reply = await commands.ask(msg(platform, user, case["text"]))
            assert reply.text  # every message got an answer
    for platform, admin in (("telegram", ADMIN_TELEGRAM), ("matrix", ADMIN_MATRIX)):
        stats = await commands.run("stats", ["all"], msg(platform, admin, "/stats all"))
        assert stats.attachments
        await commands.run("privacy", [], msg(platform, admin, "/privacy"))
    await commands.run("forget", [], msg("telegram", "7001", "/forget"))
    await commands.run("forget", ["yes"], msg("telegram", "7001", "/forget yes"))

    await store.flush()
    async with store.db.execute("SELECT * FROM messages") as cursor:
        rows = [" | ".join(map(str, row)) for row in await cursor.fetchall()]
    async with store.db.execute("SELECT key, value FROM state") as cursor:
        rows += [f"{key}={value}" for key, value in await cursor.fetchall()]
    assert len(rows) >= len(cases)  # the matrix user's rows are still there
    report = await build_report(store, "all")
    places = {
        # The message, its arguments and any structured extras (record attributes).
        "log line": [r.getMessage() for r in caplog.records]
        + [" ".join(map(str, vars(r).values())) for r in caplog.records]
        + [caplog.text],
        "metric": [metrics.render().decode()],
        "stored row": rows,
        "report": [report.to_text(), json.dumps(report.to_dict())],
    }
    assert places["log line"], "logs were captured"
    leaks = [
        f"{label!r} (case {case['id']}) in a {place}"
        for case in cases
        for label, pattern in needles(case)
        for place, texts in places.items()
        if any(pattern.search(text) for text in texts)
    ]
    assert leaks == []
