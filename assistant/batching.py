"""Gather concurrent calls into batches for a CPU-bound function that runs in a worker thread.

While one batch runs, the calls that arrive queue up and go together in the next one, so a
quiet bot handles each message at once (a batch of one) and a busy one amortises spaCy's
per-call cost over many messages. One drain task per event loop at most, alive only while
calls wait; ``aclose`` cancels it and fails whatever still waits.

Spare lanes (worker processes, :mod:`assistant.anonymizer_workers`) take a batch only while
the in-process thread is busy with another, so that a busy bot uses every core and a quiet
one never pays for a hop to another process.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from concurrent.futures import Executor
from typing import Generic, Protocol, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")
_In = TypeVar("_In", contravariant=True)
_Out = TypeVar("_Out", covariant=True)


class SpareLane(Protocol[_In, _Out]):
    """Somewhere else a batch can run: ``ready`` says whether it can take one now."""

    def ready(self) -> bool: ...

    def run(self, items: Sequence[_In]) -> Awaitable[Sequence[_Out]]: ...


class MicroBatcher(Generic[Item, Result]):
    def __init__(
        self,
        run_batch: Callable[[Sequence[Item]], list[Result]],
        *,
        max_batch: int = 32,
    ) -> None:
        self._run_batch = run_batch
        self._max_batch = max_batch
        self._pending: list[tuple[Item, asyncio.Future[Result]]] = []
        self._drain_task: asyncio.Task[None] | None = None
        self._spares: list[SpareLane[Item, Result]] = []
        self._arrived: asyncio.Event | None = None
        #: where the in-process batches run; None: the loop's default executor
        self.executor: Executor | None = None

    def add_spare_lane(self, lane: SpareLane[Item, Result]) -> None:
        self._spares.append(lane)

    async def submit(self, item: Item) -> Result:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Result] = loop.create_future()
        self._pending.append((item, future))
        task = self._drain_task
        if task is None or task.done() or task.get_loop() is not loop:
            self._drain_task = loop.create_task(self._drain(), name="anonymizer-batches")
        elif self._arrived is not None:
            self._arrived.set()  # a spare lane may be free while the thread is busy
        return await future

    async def _drain(self) -> None:
        # One turn of the loop first, so that calls made in the same tick share the batch.
        await asyncio.sleep(0)
        local: asyncio.Task[None] | None = None
        spares: dict[int, asyncio.Task[None]] = {}
        arrived = self._arrived = asyncio.Event()
        try:
            while self._pending or local is not None or spares:
                if self._pending and local is None:
                    local = asyncio.create_task(self._run(self._in_thread, self._take()))
                    continue
                free = self._free_spare(spares)
                if self._pending and free is not None:
                    lane = self._spares[free]
                    spares[free] = asyncio.create_task(self._run(lane.run, self._take()))
                    continue
                arrived.clear()
                waiter = asyncio.create_task(arrived.wait())
                running = [t for t in (local, *spares.values()) if t is not None]
                try:
                    await asyncio.wait([waiter, *running], return_when=asyncio.FIRST_COMPLETED)
                finally:
                    waiter.cancel()
                if local is not None and local.done():
                    local = None
                spares = {i: t for i, t in spares.items() if not t.done()}
        except asyncio.CancelledError:
            running = [t for t in (local, *spares.values()) if t is not None]
            for task in running:
                task.cancel()
            # Their callers' futures are cancelled by the time aclose returns.
            await asyncio.gather(*running, return_exceptions=True)
            raise
        finally:
            self._arrived = None

    def _free_spare(self, busy: dict[int, asyncio.Task[None]]) -> int | None:
        for index, lane in enumerate(self._spares):
            if index not in busy and lane.ready():
                return index
        return None

    def _take(self) -> list[tuple[Item, asyncio.Future[Result]]]:
        batch = self._pending[: self._max_batch]
        del self._pending[: self._max_batch]
        return [(item, future) for item, future in batch if not future.done()]

    async def _in_thread(self, items: Sequence[Item]) -> list[Result]:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.executor, self._run_batch, items)

    async def _run(
        self,
        runner: Callable[[Sequence[Item]], Awaitable[Sequence[Result]]],
        live: list[tuple[Item, asyncio.Future[Result]]],
    ) -> None:
        if not live:
            return
        try:
            results = await runner([item for item, _ in live])
        except asyncio.CancelledError:
            for _, future in live:
                future.cancel()
            raise
        except Exception as exc:  # each caller sees the failure as its own
            for _, future in live:
                if not future.done():
                    future.set_exception(exc)
            return
        for (_, future), result in zip(live, results, strict=True):
            if not future.done():
                future.set_result(result)

    async def aclose(self) -> None:
        task, self._drain_task = self._drain_task, None
        if task is not None and not task.done():
            task.cancel()
            try:
                await task
            except asyncio.CancelledError:
                if asyncio.current_task() is not None and asyncio.current_task().cancelling():  # type: ignore[union-attr]
                    raise
        for _, future in self._pending:
            future.cancel()
        self._pending.clear()
