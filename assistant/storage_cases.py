"""The handoff's tables and every SQL statement on them (a part of :class:`Store`).

``cases`` keeps one row per case. Its text (``question``, ``context``) and the patient's
chat id exist only while the case is not closed; closing, retention and /forget remove
them. ``case_outbox`` holds what waits to be relayed, in order; its ``key`` is unique, so a
message enqueued twice (a staff event seen again after a restart) is stored once, and a
body is removed once it is sent.
"""

from __future__ import annotations

import json
import sqlite3
import time
from abc import abstractmethod
from typing import Any

import aiosqlite

from assistant.errors import StorageError
from assistant.handoff.model import (
    Case,
    CaseFigures,
    CaseKind,
    CaseStatus,
    CloseReason,
    Direction,
    Origin,
    OutboxItem,
    PostKind,
    Turn,
)

#: storage migration that creates the tables (appended to ``assistant.storage.MIGRATIONS``)
MIGRATION = """
CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    origin TEXT NOT NULL,
    platform TEXT NOT NULL,
    user_hash TEXT,
    chat_id TEXT,
    level TEXT NOT NULL,
    category TEXT,
    share_original INTEGER NOT NULL DEFAULT 0,
    question TEXT,
    context TEXT,
    created_at REAL NOT NULL,
    opened_at REAL,
    first_reply_at REAL,
    closed_at REAL,
    close_reason TEXT,
    claimed_by TEXT,
    thread_root TEXT,
    timeout_notified_at REAL,
    delivery_error TEXT
);
CREATE INDEX cases_user ON cases (user_hash, status);
CREATE INDEX cases_status ON cases (status, opened_at);
CREATE UNIQUE INDEX cases_thread ON cases (thread_root);
CREATE TABLE case_outbox (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL,
    direction TEXT NOT NULL,
    kind TEXT NOT NULL,
    key TEXT NOT NULL UNIQUE,
    body TEXT,
    platform TEXT,
    chat_id TEXT,
    thread TEXT,
    reply_to TEXT,
    state TEXT NOT NULL DEFAULT 'queued',
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at REAL NOT NULL,
    not_before REAL NOT NULL DEFAULT 0,
    sent_at REAL,
    event_id TEXT,
    error TEXT
);
CREATE INDEX case_outbox_queue ON case_outbox (state, direction, id);
CREATE INDEX case_outbox_case ON case_outbox (case_id);
"""

_CASE_COLUMNS = (
    "id", "kind", "status", "origin", "platform", "user_hash", "chat_id", "level", "category",
    "share_original", "question", "context", "created_at", "opened_at", "first_reply_at",
    "closed_at", "close_reason", "claimed_by", "thread_root", "timeout_notified_at",
    "delivery_error",
)  # fmt: skip
_UPDATABLE = frozenset(_CASE_COLUMNS) - {"id", "kind", "platform", "created_at"}
_OUTBOX_COLUMNS = (
    "id", "case_id", "direction", "kind", "key", "body", "platform", "chat_id", "thread",
    "reply_to", "attempts", "created_at", "not_before",
)  # fmt: skip
_SELECT_CASE = f"SELECT {', '.join(_CASE_COLUMNS)} FROM cases"
_ACTIVE = (CaseStatus.CONSENT.value, CaseStatus.OPEN.value)
#: what closing (or forgetting) a case removes: its text and the patient's chat id
_CASE_TEXT_GONE = "question = NULL, context = NULL, chat_id = NULL"


def _case(row: Any) -> Case:
    values = dict(zip(_CASE_COLUMNS, row, strict=True))
    turns = tuple(Turn(role, text) for role, text in json.loads(values["context"] or "[]"))
    return Case(
        id=int(values["id"]),
        kind=CaseKind(values["kind"]),
        status=CaseStatus(values["status"]),
        origin=Origin(values["origin"]),
        platform=values["platform"],
        user_hash=values["user_hash"],
        chat_id=values["chat_id"],
        level=values["level"],
        category=values["category"],
        share_original=bool(values["share_original"]),
        question=values["question"],
        context=turns,
        created_at=float(values["created_at"]),
        opened_at=values["opened_at"],
        first_reply_at=values["first_reply_at"],
        closed_at=values["closed_at"],
        close_reason=values["close_reason"],
        claimed_by=values["claimed_by"],
        thread_root=values["thread_root"],
        timeout_notified_at=values["timeout_notified_at"],
        delivery_error=values["delivery_error"],
    )


def _item(row: Any) -> OutboxItem:
    values = dict(zip(_OUTBOX_COLUMNS, row, strict=True))
    return OutboxItem(
        **{
            **values,
            "direction": Direction(values["direction"]),
            "kind": PostKind(values["kind"]),
        }
    )


class CaseQueries:
    """Mixed into :class:`assistant.storage.Store`; every method commits before it returns."""

    @property
    @abstractmethod
    def db(self) -> aiosqlite.Connection: ...

    async def _write(self, sql: str, params: tuple[Any, ...] = ()) -> aiosqlite.Cursor:
        try:
            cursor = await self.db.execute(sql, params)
            await self.db.commit()
        except sqlite3.Error as exc:
            raise StorageError(f"cannot write a case: {type(exc).__name__}") from exc
        return cursor

    async def _cases(self, where: str, params: tuple[Any, ...] = ()) -> list[Case]:
        async with self.db.execute(f"{_SELECT_CASE} {where}", params) as cursor:
            return [_case(row) for row in await cursor.fetchall()]

    # -- cases -------------------------------------------------------------------------

    async def create_case(
        self,
        *,
        kind: CaseKind,
        status: CaseStatus,
        origin: Origin,
        platform: str,
        user_hash: str | None,
        chat_id: str | None,
        level: str,
        category: str | None = None,
        question: str | None = None,
        context: tuple[Turn, ...] = (),
        now: float | None = None,
    ) -> Case:
        created = time.time() if now is None else now
        closed = status is CaseStatus.CLOSED
        cursor = await self._write(
            "INSERT INTO cases (kind, status, origin, platform, user_hash, chat_id, level, "
            "category, question, context, created_at, closed_at, close_reason) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                kind.value, status.value, origin.value, platform, user_hash,
                None if closed else chat_id, level, category, None if closed else question,
                None if closed else json.dumps([(t.role, t.text) for t in context]),
                created, created if closed else None,
                CloseReason.ALERT.value if closed else None,
            ),
        )  # fmt: skip
        case = await self.get_case(int(cursor.lastrowid or 0))
        assert case is not None
        return case

    async def get_case(self, case_id: int) -> Case | None:
        found = await self._cases("WHERE id = ?", (case_id,))
        return found[0] if found else None

    async def case_by_thread(self, thread_root: str) -> Case | None:
        found = await self._cases("WHERE thread_root = ?", (thread_root,))
        return found[0] if found else None

    async def active_cases(self) -> list[Case]:
        """Every case waiting for consent or open, oldest first."""
        return await self._cases("WHERE status IN (?, ?) ORDER BY id", _ACTIVE)

    async def update_case(self, case_id: int, **fields: Any) -> Case | None:
        unknown = set(fields) - _UPDATABLE
        if unknown:
            raise ValueError(f"not updatable: {sorted(unknown)}")
        values: dict[str, Any] = {}
        for name, value in fields.items():
            if isinstance(value, CaseStatus):
                value = value.value
            elif name == "context":
                value = json.dumps([(turn.role, turn.text) for turn in value])
            values[name] = value
        assignments = ", ".join(f"{name} = ?" for name in values)
        await self._write(
            f"UPDATE cases SET {assignments} WHERE id = ?", (*values.values(), case_id)
        )
        return await self.get_case(case_id)

    async def set_first_reply(self, case_id: int, now: float) -> bool:
        """Record the first staff reply; False when one was recorded already."""
        cursor = await self._write(
            "UPDATE cases SET first_reply_at = ? WHERE id = ? AND first_reply_at IS NULL",
            (now, case_id),
        )
        return cursor.rowcount == 1

    async def claim_case(self, case_id: int, staff: str) -> bool:
        """First claim wins: False when someone had claimed it already."""
        cursor = await self._write(
            "UPDATE cases SET claimed_by = ? WHERE id = ? AND claimed_by IS NULL AND status = ?",
            (staff, case_id, CaseStatus.OPEN.value),
        )
        return cursor.rowcount == 1

    async def mark_timeout_notified(self, case_id: int, now: float) -> bool:
        cursor = await self._write(
            "UPDATE cases SET timeout_notified_at = ? WHERE id = ? AND timeout_notified_at IS NULL",
            (now, case_id),
        )
        return cursor.rowcount == 1

    async def close_case(self, case_id: int, reason: CloseReason, now: float) -> bool:
        """Close it and remove its text, the patient's words not yet posted to staff
        included; False when it was closed already. Replies on their way to the patient
        stay queued: they are delivered, then their text goes too."""
        try:
            cursor = await self.db.execute(
                f"UPDATE cases SET status = ?, closed_at = ?, close_reason = ?, "
                f"{_CASE_TEXT_GONE} WHERE id = ? AND status != ?",
                (CaseStatus.CLOSED.value, now, reason.value, case_id, CaseStatus.CLOSED.value),
            )
            await self.db.execute(
                "UPDATE case_outbox SET body = NULL, state = 'failed', error = 'closed' "
                "WHERE case_id = ? AND state = 'queued' AND direction = 'staff' "
                "AND kind IN ('root', 'patient_message')",
                (case_id,),
            )
            await self.db.commit()
        except sqlite3.Error as exc:
            raise StorageError(f"cannot close a case: {type(exc).__name__}") from exc
        return cursor.rowcount == 1

    async def overdue_cases(self, opened_before: float) -> list[Case]:
        """Open cases with no staff reply and no timeout notice, opened before the time."""
        return await self._cases(
            "WHERE status = ? AND opened_at <= ? AND first_reply_at IS NULL "
            "AND timeout_notified_at IS NULL ORDER BY id",
            (CaseStatus.OPEN.value, opened_before),
        )

    # -- the outbox --------------------------------------------------------------------

    async def enqueue(
        self,
        case_id: int,
        direction: Direction,
        kind: PostKind,
        key: str,
        body: str,
        *,
        platform: str | None = None,
        chat_id: str | None = None,
        thread: str | None = None,
        reply_to: str | None = None,
        now: float | None = None,
    ) -> bool:
        """Queue one message; False when ``key`` was queued before (it is not queued twice)."""
        cursor = await self._write(
            "INSERT OR IGNORE INTO case_outbox (case_id, direction, kind, key, body, platform, "
            "chat_id, thread, reply_to, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                case_id, direction.value, kind.value, key, body, platform, chat_id, thread,
                reply_to, time.time() if now is None else now,
            ),
        )  # fmt: skip
        return cursor.rowcount == 1

    async def queued(self, direction: Direction) -> list[OutboxItem]:
        sql = (
            f"SELECT {', '.join(_OUTBOX_COLUMNS)} FROM case_outbox "
            "WHERE state = 'queued' AND direction = ? ORDER BY id"
        )
        async with self.db.execute(sql, (direction.value,)) as cursor:
            return [_item(row) for row in await cursor.fetchall()]

    async def mark_sent(self, item_id: int, now: float, event_id: str | None = None) -> None:
        await self._write(
            "UPDATE case_outbox SET state = 'sent', sent_at = ?, event_id = ?, body = NULL, "
            "chat_id = NULL WHERE id = ?",
            (now, event_id, item_id),
        )

    async def mark_failed(self, item_id: int, error: str) -> None:
        await self._write(
            "UPDATE case_outbox SET state = 'failed', error = ?, body = NULL, chat_id = NULL "
            "WHERE id = ?",
            (error, item_id),
        )

    async def defer(self, item_id: int, not_before: float) -> None:
        await self._write(
            "UPDATE case_outbox SET attempts = attempts + 1, not_before = ? WHERE id = ?",
            (not_before, item_id),
        )

    # -- privacy and reporting ---------------------------------------------------------

    async def erase_user_cases(self, user_hash: str) -> list[Case]:
        """/forget: close the user's cases, remove all their text and unlink them from the
        hashed id; returns the cases that were still active (their threads are told)."""
        active = await self._cases(
            "WHERE user_hash = ? AND status IN (?, ?)", (user_hash, *_ACTIVE)
        )
        now = time.time()
        try:
            # Nothing of theirs is sent any more, to staff or to them.
            await self.db.execute(
                "UPDATE case_outbox SET body = NULL, chat_id = NULL, state = 'failed', "
                "error = 'forgotten' WHERE state = 'queued' "
                "AND case_id IN (SELECT id FROM cases WHERE user_hash = ?)",
                (user_hash,),
            )
            await self.db.execute(
                f"UPDATE cases SET status = ?, closed_at = COALESCE(closed_at, ?), "
                f"close_reason = COALESCE(close_reason, ?), {_CASE_TEXT_GONE}, "
                "user_hash = NULL WHERE user_hash = ?",
                (CaseStatus.CLOSED.value, now, CloseReason.FORGOTTEN.value, user_hash),
            )
            await self.db.commit()
        except sqlite3.Error as exc:
            raise StorageError(f"cannot erase cases: {type(exc).__name__}") from exc
        return active

    async def purge_cases_older_than(self, cutoff_ts: float) -> int:
        """Retention: close cases created before the cutoff (removing their text) and delete
        closed cases and sent or failed relays older than it; returns rows deleted."""
        try:
            await self.db.execute(
                f"UPDATE cases SET status = ?, closed_at = COALESCE(closed_at, ?), "
                f"close_reason = COALESCE(close_reason, ?), {_CASE_TEXT_GONE} "
                "WHERE created_at < ? AND status != ?",
                (
                    CaseStatus.CLOSED.value, time.time(), CloseReason.RETENTION.value,
                    cutoff_ts, CaseStatus.CLOSED.value,
                ),
            )  # fmt: skip
            await self.db.execute(
                "UPDATE case_outbox SET body = NULL, chat_id = NULL WHERE created_at < ?",
                (cutoff_ts,),
            )
            outbox = await self.db.execute(
                "DELETE FROM case_outbox WHERE created_at < ? AND state != 'queued'",
                (cutoff_ts,),
            )
            cases = await self.db.execute(
                "DELETE FROM cases WHERE status = ? AND closed_at < ? AND NOT EXISTS "
                "(SELECT 1 FROM case_outbox o WHERE o.case_id = cases.id)",
                (CaseStatus.CLOSED.value, cutoff_ts),
            )
            await self.db.commit()
        except sqlite3.Error as exc:
            raise StorageError(f"cannot purge cases: {type(exc).__name__}") from exc
        return cases.rowcount + outbox.rowcount

    async def count_user_cases(self, user_hash: str) -> int:
        async with self.db.execute(
            "SELECT COUNT(*) FROM cases WHERE user_hash = ?", (user_hash,)
        ) as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

    async def case_figures(self, since: float, until: float) -> CaseFigures:
        bounds = (since, until)

        async def count(sql: str, params: tuple[Any, ...]) -> int:
            async with self.db.execute(sql, params) as cursor:
                row = await cursor.fetchone()
            return int(row[0]) if row else 0

        handoff = CaseKind.HANDOFF.value
        opened = await count(
            "SELECT COUNT(*) FROM cases WHERE kind = ? AND opened_at BETWEEN ? AND ?",
            (handoff, *bounds),
        )
        closed = await count(
            "SELECT COUNT(*) FROM cases WHERE kind = ? AND opened_at IS NOT NULL "
            "AND closed_at BETWEEN ? AND ?",
            (handoff, *bounds),
        )
        open_now = await count(
            "SELECT COUNT(*) FROM cases WHERE status = ?", (CaseStatus.OPEN.value,)
        )
        timed_out = await count(
            "SELECT COUNT(*) FROM cases WHERE timeout_notified_at BETWEEN ? AND ?", bounds
        )
        alerts = await count(
            "SELECT COUNT(*) FROM cases WHERE kind = ? AND created_at BETWEEN ? AND ?",
            (CaseKind.ALERT.value, *bounds),
        )
        async with self.db.execute(
            "SELECT first_reply_at - opened_at FROM cases WHERE kind = ? "
            "AND first_reply_at IS NOT NULL AND opened_at BETWEEN ? AND ?",
            (handoff, *bounds),
        ) as cursor:
            waits = tuple(float(row[0]) for row in await cursor.fetchall())
        return CaseFigures(opened, closed, open_now, timed_out, alerts, waits)
