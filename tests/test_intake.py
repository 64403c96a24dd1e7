"""The intake record (assistant/intake.py) on a real SQLite store, and start-up on a bad
database: `python -m bot run` prints one line and exits non-zero within seconds."""

from __future__ import annotations

import asyncio
import os
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.errors import StorageError
from assistant.intake import TOMBSTONE_KEEP_S, Intake, Sealer, derive_key
from assistant.storage import MIGRATIONS, Store
from tests.process_support import BotProcess, process_env

KEY = derive_key(b"unit-test-secret")


def files_bytes(folder: Path, pattern: str) -> bytes:
    return b"".join(f.read_bytes() for f in folder.glob(pattern))


async def open_store(path: Path) -> Store:
    store = Store(path)
    await store.open()
    return store


def test_sealed_payloads_open_only_with_the_key_and_in_their_own_row() -> None:
    sealer = Sealer(KEY)
    sealed = sealer.seal("telegram", "41", b"my chest hurts")
    assert b"chest" not in sealed
    assert sealer.open("telegram", "41", sealed) == b"my chest hurts"
    with pytest.raises(StorageError):
        Sealer(derive_key(b"another secret")).open("telegram", "41", sealed)
    with pytest.raises(StorageError):  # moved to another row
        sealer.open("telegram", "42", sealed)
    with pytest.raises(ValueError):
        derive_key(b"")


async def test_receive_pending_done_and_purge_across_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    store = await open_store(path)
    try:
        intake = Intake(store, KEY)
        new = await intake.receive(
            "telegram", [("1", b"patient-words-one"), ("2", b"patient-words-two")]
        )
        assert new == {"1", "2"}
        # Delivered again (an unconfirmed batch): nothing new.
        assert await intake.receive(
            "telegram", [("2", b"patient-words-two"), ("3", b"patient-words-three")]
        ) == {"3"}
        assert await intake.receive("matrix", [("1", b"same id, other platform")]) == {"1"}
        await intake.done("telegram", "2")
    finally:
        await store.close()

    raw = files_bytes(tmp_path, "state.db*")
    assert b"patient-words-one" not in raw and b"patient-words-three" not in raw  # sealed at rest

    store = await open_store(path)
    try:
        intake = Intake(store, KEY)
        pending = await intake.pending("telegram")
        assert [(p.event_id, p.payload) for p in pending] == [
            ("1", b"patient-words-one"),
            ("3", b"patient-words-three"),
        ]
        assert await intake.receive("telegram", [("2", b"again")]) == set()  # a tombstone
        for event_id in ("1", "3"):
            await intake.done("telegram", event_id)
        assert await intake.pending("telegram") == []
        rows = await store._fetch("SELECT COUNT(*) FROM intake WHERE payload IS NOT NULL", ())
        assert rows == [(1,)]  # only the matrix event still holds text
        assert await intake.purge(now=time.time() + TOMBSTONE_KEEP_S + 1) == 3
    finally:
        await store.close()


async def test_a_payload_sealed_with_another_key_is_dropped_not_retried(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = await open_store(tmp_path / "state.db")
    try:
        await Intake(store, derive_key(b"old key")).receive("matrix", [("$e", b"hello")])
        assert await Intake(store, KEY).pending("matrix") == []
        assert "sealed with another key" in caplog.text
        assert await Intake(store, derive_key(b"old key")).pending("matrix") == []
    finally:
        await store.close()


async def test_without_a_store_duplicates_are_still_dropped() -> None:
    intake = Intake(None, KEY)
    assert await intake.receive("telegram", [("7", b"x")]) == {"7"}
    assert await intake.receive("telegram", [("7", b"x")]) == set()
    assert await intake.pending("telegram") == []


# -- start-up on a bad database ------------------------------------------------------------


def corrupt(path: Path) -> None:
    path.write_bytes(b"this is not a database, just forty bytes." * 100)


def future_schema(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")


NOBODY = 65534
#: root ignores file modes: run the bot without the capabilities that let it (uid 0 stays)
WITHOUT_ROOT_POWERS = ("setpriv", "--inh-caps=-all", "--bounding-set=-all")


def read_only_of_another_user(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE t (x)")
    if os.geteuid() == 0:
        os.chown(path, NOBODY, NOBODY)
        os.chown(path.parent, NOBODY, NOBODY)
    path.chmod(0o444)
    path.parent.chmod(0o555)


BAD_DATABASES: dict[str, tuple[Callable[[Path], None], str]] = {
    "corrupt": (corrupt, "not a database"),
    "future schema": (future_schema, "newer than this code"),
    "read-only, another user's": (read_only_of_another_user, "readonly"),
}


def remove(folder: Path) -> None:
    folder.chmod(0o755)
    shutil.rmtree(folder, ignore_errors=True)


def bad_database(make: Callable[[Path], None]) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="healthbot-baddb-"))
    folder.chmod(0o755)
    db = folder / "healthbot.db"
    make(db)
    return db


@pytest.mark.parametrize("case", BAD_DATABASES)
async def test_a_bad_database_ends_the_process_with_one_line(case: str) -> None:
    make, reason = BAD_DATABASES[case]
    db = bad_database(make)
    wrapper = WITHOUT_ROOT_POWERS if os.geteuid() == 0 else ()
    started = time.perf_counter()
    bot = await BotProcess.start(process_env(db), wrapper=wrapper)
    try:
        code = await asyncio.wait_for(bot.process.wait(), 10)
    finally:
        await bot.close()
        remove(db.parent)
    took = time.perf_counter() - started
    lines = (await bot.text()).strip().splitlines()
    assert code != 0 and took < 10
    assert len(lines) == 1, lines
    assert lines[0].startswith("healthbot: StorageError") and reason in lines[0], lines
