"""Gather concurrent calls into batches for a CPU-bound function that runs in a worker thread.

While one batch runs, the calls that arrive queue up and go together in the next one, so a
quiet bot handles each message at once (a batch of one) and a busy one amortises spaCy's
per-call cost over many messages. One drain task per event loop at most, alive only while
calls wait; ``aclose`` cancels it and fails whatever still waits.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


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

    async def submit(self, item: Item) -> Result:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Result] = loop.create_future()
        self._pending.append((item, future))
        task = self._drain_task
        if task is None or task.done() or task.get_loop() is not loop:
            self._drain_task = loop.create_task(self._drain(), name="anonymizer-batches")
        return await future

    async def _drain(self) -> None:
        # One turn of the loop first, so that calls made in the same tick share the batch.
        await asyncio.sleep(0)
        while self._pending:
            batch = self._pending[: self._max_batch]
            del self._pending[: self._max_batch]
            live = [(item, future) for item, future in batch if not future.done()]
            if not live:
                continue
            try:
                results = await asyncio.to_thread(self._run_batch, [item for item, _ in live])
            except asyncio.CancelledError:
                for _, future in live:
                    future.cancel()
                raise
            except Exception as exc:  # each caller sees the failure as its own
                for _, future in live:
                    if not future.done():
                        future.set_exception(exc)
                continue
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
