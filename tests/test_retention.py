"""Deleting data: the retention purge (start-up and daily) and /forget."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from assistant.storage import Store
from bot.config import AppConfig
from bot.retention import RetentionTask
from tests.conftest import MakeAssistant
from tests.stats_support import make_commands, msg, record

NOW = 1_700_000_000.0
DAY = 86_400.0


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    store = Store(tmp_path / "retention.db")
    await store.open()
    yield store
    await store.close()


async def hashes(store: Store) -> list[str]:
    async with store.db.execute("SELECT user_hash FROM messages ORDER BY ts") as cursor:
        return [str(row[0]) for row in await cursor.fetchall()]


@pytest.mark.parametrize(
    ("retention_days", "expected_left"),
    [
        (30, ["edge-30d", "29d", "1h", "now"]),
        (1, ["1h", "now"]),
        (365, ["31d", "edge-30d", "29d", "1h", "now"]),
    ],
)
async def test_purge_removes_exactly_the_expired_rows(
    store: Store, retention_days: float, expected_left: list[str]
) -> None:
    ages = {"400d": 400 * DAY, "31d": 31 * DAY, "edge-30d": 30 * DAY, "29d": 29 * DAY,
            "1h": 3600.0, "now": 0.0}  # fmt: skip
    for name, age in ages.items():
        await store.record(record(user_hash=name, ts=NOW - age))
    task = RetentionTask(store, retention_days, clock=lambda: NOW)
    await task.start()
    await task.stop()
    # A row exactly at the cutoff is kept; older ones go.
    assert await hashes(store) == expected_left
    assert task.purged_rows == len(ages) - len(expected_left)
    assert task.runs == 1


async def test_daily_purge_runs_again_in_background(store: Store) -> None:
    clock = [NOW]
    task = RetentionTask(store, 7, interval_s=0.05, clock=lambda: clock[0])
    await task.start()
    try:
        await store.record(record(user_hash="fresh", ts=NOW - DAY))
        clock[0] = NOW + 7 * DAY  # a week later the fresh row has expired too
        await store.record(record(user_hash="new", ts=clock[0]))
        deadline = time.monotonic() + 5
        # The task has no completion signal to await (it runs forever); poll its counter.
        while task.runs < 2 and time.monotonic() < deadline:  # noqa: ASYNC110
            await asyncio.sleep(0.02)
        assert task.runs >= 2
        assert await hashes(store) == ["new"]
    finally:
        await task.stop()
    runs = task.runs
    await asyncio.sleep(0.15)
    assert task.runs == runs  # stopped means stopped


async def test_purge_failure_is_logged_not_raised(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = Store(tmp_path / "closed.db")  # never opened: every query fails
    task = RetentionTask(store, 30, clock=lambda: NOW)
    with caplog.at_level(logging.ERROR, logger="bot.retention"):
        assert await task.purge_once() == 0
    assert "retention purge failed: StorageError" in caplog.text
    assert task.runs == 0


def test_retention_must_be_positive(store: Store) -> None:
    with pytest.raises(ValueError, match="positive"):
        RetentionTask(store, 0)


async def test_forget_removes_exactly_that_users_rows(
    app_config: AppConfig, make_assistant: MakeAssistant
) -> None:
    assistant = await make_assistant()
    store = assistant.store
    assert store is not None
    commands = make_commands(app_config, assistant, store)
    alice = ("telegram", "5001")
    bob = ("telegram", "5002")
    alice_on_matrix = ("matrix", "5001")  # same id string, other platform: another person
    sent = {alice: 3, bob: 2, alice_on_matrix: 1}
    for (platform, user), count in sent.items():
        for _ in range(count):
            await commands.ask(msg(platform, user, "How much water should I drink a day?"))
    await commands.run("help", [], msg(*alice, "/help"))  # a command row counts too
    alice_hash = assistant.user_hash(*alice)
    assert alice_hash is not None
    assert await store.count_user_rows(alice_hash) == 4

    # "yes" without having been asked first only asks; nothing is deleted.
    early = await commands.run("forget", ["yes"], msg(*alice, "/forget yes"))
    assert "/forget yes" in early.reply.text
    assert await store.count_user_rows(alice_hash) == 4
    asked = await commands.run("forget", [], msg(*alice, "/forget"))
    assert "cannot be undone" in asked.reply.text
    assert await store.count_user_rows(alice_hash) == 4  # the question itself stores no row

    done = await commands.run("forget", ["yes"], msg(*alice, "/forget yes"))
    assert "4 stored row(s)" in done.reply.text
    assert await store.count_user_rows(alice_hash) == 0
    for other in (bob, alice_on_matrix):
        other_hash = assistant.user_hash(*other)
        assert other_hash is not None
        assert await store.count_user_rows(other_hash) == sent[other]
    assert done.reply.text.endswith(app_config.disclaimer.text)
