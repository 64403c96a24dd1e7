"""Per-user ordering for the Telegram adapter (no network here; platform-free).

:class:`Lanes` keeps one FIFO lane per user, so a user's messages are answered in order while
different users run concurrently (bounded by a semaphore). Every task is tracked, drained
within a deadline at shutdown and cancelled after it.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)

Job = Callable[[], Awaitable[None]]


class Lanes:
    """Run jobs in submission order per key, concurrently across keys."""

    def __init__(self, max_concurrent: int) -> None:
        self._semaphore = asyncio.Semaphore(max_concurrent)
        self._queues: dict[str, deque[Job]] = {}
        self._workers: dict[str, asyncio.Task[None]] = {}

    def submit(self, key: str, job: Job) -> None:
        queue = self._queues.get(key)
        if queue is not None:
            queue.append(job)
            return
        queue = deque([job])
        self._queues[key] = queue
        self._workers[key] = asyncio.create_task(self._work(key, queue), name="telegram-lane")

    async def _work(self, key: str, queue: deque[Job]) -> None:
        try:
            while queue:
                job = queue.popleft()
                async with self._semaphore:
                    try:
                        await job()
                    except asyncio.CancelledError:
                        raise
                    except Exception as exc:  # one bad message must not stop the user's lane
                        log.error("telegram job failed: %s", type(exc).__name__)
        finally:
            # No await between the empty check and here: a submit cannot slip in between.
            self._queues.pop(key, None)
            self._workers.pop(key, None)

    @property
    def busy(self) -> int:
        """Lanes with work queued or running."""
        return len(self._workers)

    async def drain(self, within_s: float) -> bool:
        """Wait until every lane is empty (new lanes included); False on timeout."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + within_s
        while self._workers:
            remaining = deadline - loop.time()
            if remaining <= 0:
                return False
            await asyncio.wait(list(self._workers.values()), timeout=remaining)
        return True

    async def cancel(self) -> int:
        """Cancel every lane and wait for it; returns how many were cancelled."""
        workers = list(self._workers.values())
        for task in workers:
            task.cancel()
        if workers:
            await asyncio.wait(workers)
        self._queues.clear()
        self._workers.clear()
        return len(workers)
