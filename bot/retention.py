"""Retention: delete stored rows older than ``storage.retention_days``, at start-up and daily."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
import time
from collections.abc import Callable

from assistant.errors import AssistantError
from assistant.storage import Store

log = logging.getLogger(__name__)

DAY_S = 86_400.0


class RetentionTask:
    """``start()`` purges once (awaited), then a tracked task purges every ``interval_s``."""

    def __init__(
        self,
        store: Store,
        retention_days: float,
        *,
        interval_s: float = DAY_S,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if retention_days <= 0:
            raise ValueError("retention_days must be positive")
        self.store = store
        self.retention_days = retention_days
        self.interval_s = interval_s
        self._clock = clock
        self._task: asyncio.Task[None] | None = None
        #: purges run so far and rows they removed (for logs and tests)
        self.runs = 0
        self.purged_rows = 0

    async def start(self) -> None:
        await self.purge_once()
        self._task = asyncio.create_task(self._loop(), name="retention-purge")

    async def stop(self) -> None:
        if self._task is None:
            return
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
        self._task = None

    async def purge_once(self) -> int:
        """Delete the expired rows now; storage errors are logged, not raised."""
        try:
            removed = await self.store.purge_expired(self.retention_days, now=self._clock())
        except (sqlite3.Error, AssistantError) as exc:
            log.error("retention purge failed: %s", type(exc).__name__)
            return 0
        self.runs += 1
        self.purged_rows += removed
        log.info("retention: purged %d row(s) older than %g days", removed, self.retention_days)
        return removed

    async def _loop(self) -> None:
        while True:
            await asyncio.sleep(self.interval_s)
            await self.purge_once()
