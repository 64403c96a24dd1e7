"""Per-user lanes: each key's jobs run in submission order, different keys concurrently.

A job may preempt: ``submit(key, job, preempt=check)`` keeps the job's place in the lane at
once, and runs ``check`` (say, triage in a thread) beside the lane. If the check says yes,
the job starts right away, outside the lane's order and outside the concurrency bound; jobs
submitted after it still wait for it, jobs submitted before it do not hold it up. If it
says no, the job waits its turn like any other. The conversation service's dispatcher uses
this for emergencies (:mod:`assistant.conversation`). Platform-free and network-free.

Every task is tracked; :meth:`Lanes.drain` waits for all of them within a deadline and
:meth:`Lanes.cancel` cancels the rest (shutdown).
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)

Job = Callable[[], Awaitable[None]]
#: whether a job goes ahead of its lane; True/False when known at submission
Preempt = bool | Callable[[], Awaitable[bool]]


@dataclass(frozen=True, slots=True)
class _Entry:
    job: Job
    #: decides (and, on yes, runs the job) beside the lane; None: the job simply waits its turn
    gate: asyncio.Task[bool] | None = None


class Lanes:
    """Run jobs in submission order per key, concurrently across keys (at most
    ``max_concurrent`` ordinary jobs at a time; preempting jobs are not counted)."""

    def __init__(self, max_concurrent: int, *, name: str = "lane") -> None:
        if max_concurrent < 1:
            raise ValueError("max_concurrent must be at least 1")
        self.name = name
        self._semaphore = asyncio.Semaphore(max_concurrent)
        self._queues: dict[str, deque[_Entry]] = {}
        self._tasks: set[asyncio.Task[Any]] = set()

    def submit(self, key: str, job: Job, *, preempt: Preempt = False) -> None:
        """Queue ``job`` on ``key``'s lane; see the module for ``preempt``."""
        gate = None
        if preempt is not False:
            gate = self._spawn(self._gate(job, preempt), f"{self.name}-gate")
        entry = _Entry(job, gate)
        queue = self._queues.get(key)
        if queue is not None:
            queue.append(entry)
            return
        queue = deque([entry])
        self._queues[key] = queue
        self._spawn(self._work(key, queue), f"{self.name}-worker")

    def _spawn(self, coro: Coroutine[Any, Any, Any], name: str) -> asyncio.Task[Any]:
        task = asyncio.create_task(coro, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def _gate(self, job: Job, preempt: Preempt) -> bool:
        """True once ``job`` has run ahead of the lane; False if it is to wait its turn."""
        if preempt is not True:
            try:
                ahead = await preempt() if callable(preempt) else False
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # the job still runs, in its turn
                log.error("%s: the preempt check failed: %s", self.name, type(exc).__name__)
                ahead = False
            if not ahead:
                return False
        await self._run(job)
        return True

    async def _work(self, key: str, queue: deque[_Entry]) -> None:
        try:
            while queue:
                entry = queue.popleft()
                if entry.gate is not None:
                    # wait() neither raises the gate's exception nor its cancellation here
                    await asyncio.wait([entry.gate])
                    if entry.gate.cancelled() or entry.gate.result():
                        continue  # ran ahead already (later jobs waited for it just now)
                async with self._semaphore:
                    await self._run(entry.job)
        finally:
            # No await between the empty check and here: a submit cannot slip in between.
            if self._queues.get(key) is queue:
                del self._queues[key]

    async def _run(self, job: Job) -> None:
        try:
            await job()
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # one bad message must not stop the user's lane
            log.error("%s: a job failed: %s", self.name, type(exc).__name__)

    @property
    def busy(self) -> int:
        """Tasks running or waiting (lane workers and preempt checks)."""
        return len(self._tasks)

    async def drain(self, within_s: float) -> bool:
        """Wait until every task is done (new ones included); False on timeout."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + within_s
        while self._tasks:
            remaining = deadline - loop.time()
            if remaining <= 0:
                return False
            await asyncio.wait(set(self._tasks), timeout=remaining)
        return True

    async def cancel(self) -> int:
        """Cancel every task and wait for it; returns how many were cancelled."""
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.wait(tasks)
        self._queues.clear()
        self._tasks.clear()
        return len(tasks)
