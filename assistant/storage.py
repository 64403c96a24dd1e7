"""SQLite storage: one row per handled message (never its text) and a small key/value state.

The schema is versioned with ``PRAGMA user_version``; each start applies the migrations
that are newer than the file, so later starts keep earlier rows. Every SQL statement of the
project lives here, the /stats report's included (:meth:`Store.report_rows`), so that the
queries and the indexes that serve them change together; the handoff's cases have theirs,
and their migration, in :mod:`assistant.storage_cases`, a part of :class:`Store`.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import os
import sqlite3
import time
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiosqlite

from assistant import storage_cases
from assistant.errors import StorageError
from assistant.messages import Reply, Stage
from assistant.storage_cases import CaseQueries

log = logging.getLogger(__name__)

# Index i holds the script that takes the schema from version i to i + 1. Append only.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE messages (
        id INTEGER PRIMARY KEY,
        ts REAL NOT NULL,
        platform TEXT NOT NULL,
        user_hash TEXT NOT NULL,
        source TEXT NOT NULL,
        intent TEXT,
        category TEXT,
        anonymize_ms REAL,
        triage_ms REAL,
        rules_ms REAL,
        llm_ms REAL,
        total_ms REAL,
        llm_backend TEXT,
        llm_model TEXT,
        prompt_tokens INTEGER,
        completion_tokens INTEGER,
        ttft_ms REAL,
        batch_size INTEGER,
        llm_error TEXT
    );
    CREATE INDEX messages_ts ON messages (ts);
    CREATE INDEX messages_user ON messages (user_hash);
    CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
    # /stats: covering indexes whose order matches the report's GROUP BYs, so a report over
    # 100,000 rows reads compact indexes instead of sorting rows (bench/stats.py).
    # (user_hash, ts) also serves /forget, so it replaces the user_hash index.
    """
    DROP INDEX messages_user;
    CREATE INDEX messages_user_ts ON messages (user_hash, ts);
    CREATE INDEX messages_report ON messages (source, platform, intent, category, ts);
    CREATE INDEX messages_llm ON messages (
        llm_backend, llm_model, llm_error, batch_size, ts, prompt_tokens, completion_tokens, llm_ms
    ) WHERE llm_backend IS NOT NULL;
    """,
    # The pipeline's embed stage (Stage.EMBED): the message's one sentence embedding.
    """
    ALTER TABLE messages ADD COLUMN embed_ms REAL;
    """,
    # The handoff to clinic staff: cases and what waits to be relayed.
    storage_cases.MIGRATION,
    # The grounded answer's stages (Stage.RETRIEVE, Stage.CHECK).
    """
    ALTER TABLE messages ADD COLUMN retrieve_ms REAL;
    ALTER TABLE messages ADD COLUMN check_ms REAL;
    """,
    # At-least-once intake (assistant/intake.py): one row per incoming platform event, recorded
    # before the platform is told it was received. ``payload`` is the event encrypted under a
    # key kept outside this file, and is cleared once the event is answered; the row stays a
    # while as a tombstone, so an event the platform delivers again is not answered twice.
    """
    CREATE TABLE intake (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        platform TEXT NOT NULL,
        event_id TEXT NOT NULL,
        received REAL NOT NULL,
        payload BLOB,
        UNIQUE (platform, event_id)
    );
    CREATE INDEX intake_pending ON intake (platform, seq) WHERE payload IS NOT NULL;
    """,
)


@dataclass(frozen=True, slots=True)
class MessageRecord:
    """What is kept about one handled message. No text, anonymized or not."""

    platform: str
    user_hash: str
    source: str
    ts: float = dataclasses.field(default_factory=time.time)
    intent: str | None = None
    category: str | None = None
    anonymize_ms: float | None = None
    triage_ms: float | None = None
    embed_ms: float | None = None
    rules_ms: float | None = None
    llm_ms: float | None = None
    total_ms: float | None = None
    llm_backend: str | None = None
    llm_model: str | None = None
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    ttft_ms: float | None = None
    batch_size: int | None = None
    llm_error: str | None = None
    retrieve_ms: float | None = None
    check_ms: float | None = None

    @classmethod
    def for_reply(cls, platform: str, user_hash: str, reply: Reply) -> MessageRecord:
        usage = reply.llm
        record = cls(
            platform=platform,
            user_hash=user_hash,
            source=reply.source.value,
            intent=reply.intent,
            category=reply.category,
            llm_backend=usage.backend if usage else None,
            llm_model=usage.model if usage else None,
            prompt_tokens=usage.prompt_tokens if usage else None,
            completion_tokens=usage.completion_tokens if usage else None,
            ttft_ms=usage.ttft_ms if usage else None,
            batch_size=usage.batch_size if usage else None,
            llm_error=usage.error if usage else None,
        )
        timings: dict[str, Any] = {
            STAGE_COLUMNS[stage]: reply.timings_ms.get(stage.value) for stage in Stage
        }
        return dataclasses.replace(record, **timings)


#: each pipeline stage's timing column
STAGE_COLUMNS: dict[Stage, str] = {stage: f"{stage.value}_ms" for stage in Stage}
#: what :attr:`ReportRows.timings` holds per row: each stage, time to first token, and the
#: generation time of successful LLM answers only
TIMING_COLUMNS: tuple[str, ...] = (
    *STAGE_COLUMNS.values(),
    "ttft_ms",
    "CASE WHEN llm_backend IS NOT NULL AND llm_error IS NULL THEN llm_ms END",
)


@dataclass(frozen=True, slots=True)
class ReportRows:
    """The raw figures of one window, for the /stats report (``bot.stats`` builds it)."""

    #: (source, platform, intent, category, count)
    labelled: list[tuple[str, str, str | None, str | None, int]]
    unique_users: int
    #: one tuple per pipeline row, in TIMING_COLUMNS order, -1.0 where a value is NULL
    timings: list[tuple[float, ...]]
    #: (backend, model, error, batch size, count, prompt tokens, completion tokens,
    #: ms of the successful generations, newest ts)
    llm: list[tuple[Any, ...]]
    #: (source, comma-separated bucket numbers of its rows)
    timeline: list[tuple[str, str]]


_COLUMNS = tuple(f.name for f in dataclasses.fields(MessageRecord))
_INSERT = (
    f"INSERT INTO messages ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' for _ in _COLUMNS)})"
)


def _create_private(path: Path) -> None:
    """Create the database file 0600 (SQLite gives its -wal and -shm files the same mode) and
    take group and other access away from one an older version created."""
    os.close(os.open(path, os.O_RDONLY | os.O_CREAT, 0o600))
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError, PermissionError):
            os.chmod(f"{path}{suffix}", 0o600)


_RECORD_FIELDS = tuple(field.name for field in dataclasses.fields(MessageRecord))


class Store(CaseQueries):
    """An aiosqlite connection (its own thread, so the event loop never blocks on disk).

    Message rows are written behind: :meth:`record_later` queues a row and a background
    writer inserts queued rows in batches, so a slow disk never delays a patient's reply.
    The writer waits ``write_delay_s`` after the first queued row, so that a busy moment's
    rows go in one transaction: each write is two hand-offs to the database thread, which
    compete with the anonymizer's thread for the interpreter while the next message is read.
    Every read method flushes the queue first; code that queries :attr:`db` directly calls
    :meth:`flush` before it.
    """

    def __init__(self, path: Path | str, *, write_delay_s: float = 0.25) -> None:
        self.path = Path(path)
        self.write_delay_s = write_delay_s
        self._db: aiosqlite.Connection | None = None
        self._pending: list[tuple[object, ...]] = []
        self._pending_event = asyncio.Event()
        self._flush_lock = asyncio.Lock()
        self._writer: asyncio.Task[None] | None = None

    @property
    def db(self) -> aiosqlite.Connection:
        if self._db is None:
            raise StorageError("storage is not open")
        return self._db

    async def open(self) -> None:
        try:
            if str(self.path) != ":memory:":
                self.path.parent.mkdir(parents=True, exist_ok=True)
                _create_private(self.path)
            self._db = await aiosqlite.connect(self.path)
            await self._db.execute("PRAGMA journal_mode=WAL")
            await self._db.execute("PRAGMA synchronous=NORMAL")
            await self._migrate()
        except BaseException as exc:
            # Close the connection's thread, or the process could never exit after this.
            if self._db is not None:
                with contextlib.suppress(sqlite3.Error, ValueError):
                    await self._db.close()
                self._db = None
            if isinstance(exc, sqlite3.Error | OSError):
                raise StorageError(f"cannot open storage at {self.path}: {exc}") from exc
            raise
        self._writer = asyncio.create_task(self._write_behind(), name="store-writer")

    @classmethod
    async def check(cls, path: Path | str) -> None:
        """Open (and migrate) the database at ``path`` and close it: StorageError when it is
        corrupt, from a newer version or not writable. Cheap, so a start can fail fast."""
        store = cls(path)
        await store.open()
        await store.close()

    async def close(self) -> None:
        if self._writer is not None:
            self._writer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._writer
            self._writer = None
        if self._db is not None:
            with contextlib.suppress(StorageError):
                await self.flush()
            await self._db.close()
            self._db = None

    async def _write_behind(self) -> None:
        while True:
            await self._pending_event.wait()
            await asyncio.sleep(self.write_delay_s)
            self._pending_event.clear()
            try:
                await self.flush()
            except StorageError as exc:
                log.error("%s", exc)

    async def flush(self) -> None:
        """Write every queued row now."""
        async with self._flush_lock:
            if not self._pending:
                return
            batch, self._pending = self._pending, []
            try:
                await self.db.executemany(_INSERT, batch)
                await self.db.commit()
            except sqlite3.Error as exc:
                raise StorageError(
                    f"cannot store {len(batch)} message row(s): {type(exc).__name__}"
                ) from exc

    async def _migrate(self) -> None:
        async with self.db.execute("PRAGMA user_version") as cursor:
            row = await cursor.fetchone()
        version = int(row[0]) if row else 0
        if version > len(MIGRATIONS):
            raise StorageError(
                f"{self.path} has schema version {version}, newer than this code "
                f"({len(MIGRATIONS)}); upgrade healthbot"
            )
        for target, script in enumerate(MIGRATIONS[version:], start=version + 1):
            await self.db.executescript(f"BEGIN; {script}; PRAGMA user_version = {target}; COMMIT;")
            log.info("storage migrated to schema version %d", target)

    def record_later(self, record: MessageRecord) -> None:
        """Queue a row for the background writer (the reply path never waits on disk)."""
        # Every field is a str or a number: a shallow row (astuple deep-copies each one).
        self._pending.append(tuple(getattr(record, name) for name in _RECORD_FIELDS))
        self._pending_event.set()

    async def record(self, record: MessageRecord) -> None:
        """Write one row now."""
        self.record_later(record)
        await self.flush()

    async def delete_user(self, user_hash: str) -> int:
        """/forget: the user's message rows, and their cases' text and link to the hash."""
        await self.flush()
        cursor = await self.db.execute("DELETE FROM messages WHERE user_hash = ?", (user_hash,))
        await self.db.commit()
        await self.erase_user_cases(user_hash)
        return cursor.rowcount

    async def purge_older_than(self, cutoff_ts: float) -> int:
        """Retention: message rows, cases and relays older than the cutoff."""
        await self.flush()
        cursor = await self.db.execute("DELETE FROM messages WHERE ts < ?", (cutoff_ts,))
        await self.db.commit()
        return cursor.rowcount + await self.purge_cases_older_than(cutoff_ts)

    async def purge_expired(self, retention_days: float, now: float | None = None) -> int:
        current = time.time() if now is None else now
        return await self.purge_older_than(current - retention_days * 86_400)

    async def count_user_rows(self, user_hash: str) -> int:
        await self.flush()
        sql = "SELECT COUNT(*) FROM messages WHERE user_hash = ?"
        async with self.db.execute(sql, (user_hash,)) as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

    # -- the /stats report -----------------------------------------------------------------

    async def _fetch(self, sql: str, params: tuple[Any, ...]) -> list[Any]:
        async with self.db.execute(sql, params) as cursor:
            return list(await cursor.fetchall())

    async def oldest_ts(self) -> float | None:
        await self.flush()
        ((first,),) = await self._fetch("SELECT MIN(ts) FROM messages", ())
        return None if first is None else float(first)

    async def report_rows(
        self, since: float, until: float, *, bucket_s: float, not_timed: Collection[str] = ()
    ) -> ReportRows:
        """Rows with ``since <= ts <= until``; sources in ``not_timed`` leave ``timings``."""
        await self.flush()  # rows are written behind; count the ones still queued too
        bounds = (since, until)
        # A narrow window reads its rows through the ts index. A wide one scans the covering
        # indexes of migration 2 in GROUP BY order instead: looking each row up through the
        # ts index and then sorting costs several times more. Unary plus keeps SQLite off
        # messages_ts.
        ((inside,),) = await self._fetch(
            "SELECT COUNT(*) FROM messages WHERE ts >= ? AND ts <= ?", bounds
        )
        ((stored,),) = await self._fetch("SELECT COUNT(*) FROM messages", ())
        ts = "+ts" if inside * 10 > stored else "ts"
        where = f"{ts} >= ? AND {ts} <= ?"
        labelled = await self._fetch(
            "SELECT source, platform, intent, category, COUNT(*) "
            f"FROM messages WHERE {where} GROUP BY source, platform, intent, category",
            bounds,
        )
        ((users,),) = await self._fetch(
            f"SELECT COUNT(DISTINCT user_hash) FROM messages WHERE {where}", bounds
        )
        # -1 for NULL keeps every value a float, so numpy reads the rows without a loop.
        columns = ", ".join(f"IFNULL({c}, -1.0)" for c in TIMING_COLUMNS)
        skip = f" AND source NOT IN ({', '.join('?' for _ in not_timed)})" if not_timed else ""
        timings = await self._fetch(
            f"SELECT {columns} FROM messages WHERE {where}{skip}", (*bounds, *not_timed)
        )
        # Grouped in the order of the partial index messages_llm, so no sort is needed.
        llm = await self._fetch(
            "SELECT llm_backend, llm_model, llm_error, batch_size, COUNT(*), "
            "COALESCE(SUM(prompt_tokens), 0), COALESCE(SUM(completion_tokens), 0), "
            "SUM(CASE WHEN completion_tokens > 0 THEN llm_ms END), MAX(ts) "
            f"FROM messages WHERE llm_backend IS NOT NULL AND {where} "
            "GROUP BY llm_backend, llm_model, llm_error, batch_size",
            bounds,
        )
        # Bucket numbers per source: grouping by an expression would make SQLite sort every
        # row, while GROUP BY source follows the messages_report index.
        timeline = await self._fetch(
            f"SELECT source, group_concat(CAST(ts / ? AS INTEGER)) FROM messages "
            f"WHERE {where} GROUP BY source",
            (bucket_s, *bounds),
        )
        return ReportRows(labelled, int(users), timings, llm, timeline)

    # -- intake (assistant/intake.py) -----------------------------------------------------

    async def intake_add(
        self, platform: str, events: list[tuple[str, bytes]], now: float | None = None
    ) -> set[str]:
        """Record ``(event id, sealed payload)`` pairs in one commit; returns the ids that
        were new (an id seen before, answered or not, is left as it is)."""
        received = time.time() if now is None else now
        new: set[str] = set()
        try:
            for event_id, payload in events:
                cursor = await self.db.execute(
                    "INSERT OR IGNORE INTO intake (platform, event_id, received, payload) "
                    "VALUES (?, ?, ?, ?)",
                    (platform, event_id, received, payload),
                )
                if cursor.rowcount:
                    new.add(event_id)
            await self.db.commit()
        except sqlite3.Error as exc:
            raise StorageError(f"cannot record {len(events)} incoming event(s): {exc}") from exc
        return new

    async def intake_done(self, platform: str, event_id: str) -> None:
        """The event is answered: drop its payload, keep the id as a tombstone."""
        try:
            await self.db.execute(
                "UPDATE intake SET payload = NULL WHERE platform = ? AND event_id = ?",
                (platform, event_id),
            )
            await self.db.commit()
        except sqlite3.Error as exc:
            raise StorageError(f"cannot mark an event answered: {exc}") from exc

    async def intake_pending(self, platform: str) -> list[tuple[str, bytes]]:
        """(event id, sealed payload) of every unanswered event, in arrival order."""
        return [
            (str(event_id), bytes(payload))
            for event_id, payload in await self._fetch(
                "SELECT event_id, payload FROM intake WHERE platform = ? AND payload IS NOT NULL "
                "ORDER BY seq",
                (platform,),
            )
        ]

    async def intake_purge(self, answered_before: float) -> int:
        """Forget answered events received before ``answered_before`` (their tombstones)."""
        cursor = await self.db.execute(
            "DELETE FROM intake WHERE payload IS NULL AND received < ?", (answered_before,)
        )
        await self.db.commit()
        return cursor.rowcount

    async def get_state(self, key: str) -> str | None:
        async with self.db.execute("SELECT value FROM state WHERE key = ?", (key,)) as cursor:
            row = await cursor.fetchone()
        return str(row[0]) if row else None

    async def set_state(self, key: str, value: str) -> None:
        await self.db.execute(
            "INSERT INTO state (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )
        await self.db.commit()

    async def delete_state(self, key: str) -> None:
        await self.db.execute("DELETE FROM state WHERE key = ?", (key,))
        await self.db.commit()

    async def wipe_state(self, key: str) -> None:
        """Delete a state row and overwrite its bytes in the file and the WAL (a secret that
        must not stay readable in free pages)."""
        await self.db.execute("PRAGMA secure_delete = ON")
        await self.delete_state(key)
        await self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        await self.db.execute("PRAGMA secure_delete = OFF")
