"""Queue generation jobs for one shared model and run them in batches off the event loop.

One worker task takes the jobs that are waiting when the model becomes free, up to the
engine's batch size, and hands them to the engine in a single-thread executor (one model,
one thread, so torch and llama.cpp keep their thread settings). A job whose caller gave up
(timeout or cancellation) is removed from the queue, or, when it is already running, flagged
so that the engine stops working on it at the next token.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Hashable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from assistant.cpu_affinity import run_anywhere
from assistant.errors import BackendError, BackendUnavailableError
from assistant.llm.base import ChatTurn

log = logging.getLogger(__name__)

#: asyncio may run a timer this much before its time; a cancel this close is the deadline's
_CLOCK_SLACK_S = 0.005


@dataclass(eq=False)
class Job:
    """One request on its way through an engine. Engines fill the output fields."""

    messages: tuple[ChatTurn, ...]
    max_tokens: int
    temperature: float
    stop: tuple[str, ...]
    deadline: float  # time.monotonic()
    submitted: float = field(default_factory=time.monotonic)
    dropped: threading.Event = field(default_factory=threading.Event)
    # outputs
    text: str = ""
    prompt_tokens: int = 0
    completion_tokens: int = 0
    first_token_at: float | None = None
    finish_reason: str = ""
    batch_size: int = 0
    started: float | None = None

    def should_stop(self) -> bool:
        """Checked by engines at every token: the caller gave up or the deadline passed."""
        return self.dropped.is_set() or time.monotonic() >= self.deadline

    def mark_first_token(self) -> None:
        if self.first_token_at is None:
            self.first_token_at = time.monotonic()


BatchRunner = Callable[[Sequence[Job]], None]


def _start_thread(initializer: Callable[[], None] | None) -> None:
    # Spawned from the loop's thread, which may be pinned to one CPU (assistant.cpu_affinity):
    # the engine's own threads, started from this one, should use every CPU.
    run_anywhere()
    if initializer is not None:
        initializer()


class BatchScheduler:
    def __init__(
        self,
        runner: BatchRunner,
        *,
        max_batch_size: int,
        batch_key: Callable[[Job], Hashable],
        thread_initializer: Callable[[], None] | None = None,
        name: str = "llm",
    ) -> None:
        self._runner = runner
        self._max_batch = max(1, max_batch_size)
        self._batch_key = batch_key
        self._executor = ThreadPoolExecutor(
            max_workers=1,
            thread_name_prefix=name,
            initializer=functools.partial(_start_thread, thread_initializer),
        )
        self._queue: deque[tuple[Job, asyncio.Future[Job]]] = deque()
        self._wakeup = asyncio.Event()
        self._worker: asyncio.Task[None] | None = None
        self._running: list[Job] = []
        self._closed = False
        self.counters: dict[str, float] = {
            "requests": 0,
            "completed": 0,
            "failed": 0,
            "timeouts": 0,
            "cancelled": 0,
            "dropped_queued": 0,
            "dropped_running": 0,
            # jobs the engine stopped early because their caller had given up
            "stopped_after_drop": 0,
            # jobs that reached their deadline in the queue or the engine before their
            # caller's wait ended: no answer, not completed
            "expired": 0,
            "batches": 0,
            "batched_requests": 0,
            "max_batch_seen": 0,
            "completion_tokens": 0,
        }

    @property
    def queue_depth(self) -> int:
        return len(self._queue)

    @property
    def busy(self) -> bool:
        return bool(self._running)

    async def submit(self, job: Job) -> Job:
        """Queue ``job`` and wait for it. The caller owns the deadline (the backend's
        ``generate`` cancels the wait at ``job.deadline``): on cancellation the job is
        dropped, wherever it is, and engines stop it at the deadline themselves."""
        if self._closed:
            raise BackendUnavailableError("the local model is shut down", kind="not_ready")
        self.counters["requests"] += 1
        future: asyncio.Future[Job] = asyncio.get_running_loop().create_future()
        entry = (job, future)
        self._queue.append(entry)
        self._ensure_worker()
        self._wakeup.set()
        try:
            return await future
        except asyncio.CancelledError:
            self._drop(job, entry)
            late = time.monotonic() >= job.deadline - _CLOCK_SLACK_S
            self.counters["timeouts" if late else "cancelled"] += 1
            if late:
                where = "running" if job.started is not None else "queued"
                log.info("local model: a job passed its deadline while %s", where)
            raise

    def _drop(self, job: Job, entry: tuple[Job, asyncio.Future[Job]]) -> None:
        job.dropped.set()
        try:
            self._queue.remove(entry)
        except ValueError:
            if any(running is job for running in self._running):
                self.counters["dropped_running"] += 1
        else:
            self.counters["dropped_queued"] += 1

    def _ensure_worker(self) -> None:
        if self._worker is None or self._worker.done():
            self._worker = asyncio.create_task(self._work(), name="llm-batch-worker")

    def _take_batch(self) -> list[tuple[Job, asyncio.Future[Job]]]:
        """The oldest waiting job and up to max_batch-1 more that can share its batch."""
        while self._queue and self._queue[0][1].done():
            self._queue.popleft()
        if not self._queue:
            return []
        key = self._batch_key(self._queue[0][0])
        batch: list[tuple[Job, asyncio.Future[Job]]] = []
        for entry in list(self._queue):
            if len(batch) >= self._max_batch:
                break
            if not entry[1].done() and self._batch_key(entry[0]) == key:
                batch.append(entry)
                self._queue.remove(entry)
        return batch

    async def _work(self) -> None:
        loop = asyncio.get_running_loop()
        while not self._closed:
            await self._wakeup.wait()
            # Let requests that arrived in the same loop iteration join this batch.
            await asyncio.sleep(0)
            batch = self._take_batch()
            if not batch:
                self._wakeup.clear()
                continue
            jobs = [job for job, _ in batch]
            now = time.monotonic()
            for job in jobs:
                job.started = now
                job.batch_size = len(jobs)
            self._running = jobs
            self.counters["batches"] += 1
            self.counters["batched_requests"] += len(jobs)
            self.counters["max_batch_seen"] = max(self.counters["max_batch_seen"], len(jobs))
            try:
                await asyncio.shield(loop.run_in_executor(self._executor, self._runner, jobs))
            except asyncio.CancelledError:
                for job in jobs:
                    job.dropped.set()
                raise
            except Exception as exc:
                log.error("local generation failed: %s", type(exc).__name__, exc_info=True)
                self.counters["failed"] += len(jobs)
                for _job, future in batch:
                    if not future.done():
                        future.set_exception(
                            BackendError(
                                f"local generation failed ({type(exc).__name__})",
                                kind="engine_error",
                            )
                        )
            else:
                for job, future in batch:
                    if future.done():  # the caller gave up while it ran
                        if job.finish_reason == "dropped":
                            self.counters["stopped_after_drop"] += 1
                        continue
                    if job.finish_reason == "dropped":
                        self.counters["expired"] += 1
                    else:
                        self.counters["completed"] += 1
                        self.counters["completion_tokens"] += job.completion_tokens
                    future.set_result(job)
            finally:
                self._running = []

    async def close(self) -> None:
        """Stop taking work, stop the running batch at its next token, and wait for it."""
        self._closed = True
        for job in self._running:
            job.dropped.set()
        while self._queue:
            job, future = self._queue.popleft()
            job.dropped.set()
            if not future.done():
                future.set_exception(
                    BackendUnavailableError("the local model is shutting down", kind="not_ready")
                )
        if self._worker is not None:
            self._worker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._worker
            self._worker = None
        await asyncio.to_thread(self._executor.shutdown, wait=True)
