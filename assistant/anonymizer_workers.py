"""Worker processes for the anonymizer, so that a busy bot uses more than one core.

One Python process runs one spaCy batch at a time (the GIL): on a busy bot every other core
idled. A worker process loads its own analyzer with the same settings and takes the batches
that arrive while the bot's own thread is busy with another (a spare lane of
:class:`assistant.batching.MicroBatcher`). Only spans cross the process boundary: normalized
texts in, ``(entity, start, end, score)`` out; placeholders and each conversation's vault never
leave the bot's process. A quiet bot never uses a worker: a lone message runs in-process, with
no hop.

A worker that fails to load or dies is not restarted: its lane goes quiet, the batch it held
runs in the bot's own thread, and nothing is lost.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Protocol

from assistant.cpu_affinity import run_on
from assistant.errors import WorkerUnavailable

log = logging.getLogger(__name__)

#: one hidden value: entity type, start, end, score
Span = tuple[str, int, int, float]


class SpanFinder(Protocol):
    def find_spans(self, texts: Sequence[str]) -> list[list[Span]]: ...


# -- inside the worker process ----------------------------------------------------------

_finder: SpanFinder | None = None


def _load(factory: Callable[[], SpanFinder], cpus: frozenset[int]) -> None:
    global _finder
    run_on(cpus)  # not the loop's CPU, which a spawned process inherits
    # Ctrl-C reaches the whole process group: the bot shuts its workers down itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is not None:  # a killed bot must not leave its workers behind
        threading.Thread(target=_exit_with, args=(parent.sentinel,), daemon=True).start()
    _finder = factory()


def _exit_with(parent_sentinel: int) -> None:
    multiprocessing.connection.wait([parent_sentinel])
    os._exit(0)


def _find(texts: Sequence[str]) -> list[list[Span]]:
    if _finder is None:
        raise WorkerUnavailable("the worker's analyzer is not loaded")
    return _finder.find_spans(texts)


# -- in the bot's process -----------------------------------------------------------------


class AnalyzerProcess:
    """One worker process that finds spans with its own copy of the analyzer.

    ``start`` spawns it and loads the analyzer in the background (a few seconds); it takes
    batches once :meth:`ready`. A fresh interpreter (``spawn``), not a fork: the bot's
    threads and event loop must not be copied into it.
    """

    def __init__(
        self,
        factory: Callable[[], SpanFinder],
        *,
        name: str,
        cpus: frozenset[int] = frozenset(),
    ) -> None:
        self._factory = factory
        #: where the process runs; empty: wherever its parent may
        self.cpus = cpus
        self.name = name
        self._pool: ProcessPoolExecutor | None = None
        self._loading: asyncio.Task[None] | None = None
        self._ready = False
        #: batches this worker anonymized
        self.batches = 0

    def start(self) -> None:
        """Spawn the process and load its analyzer in the background (needs a running loop)."""
        if self._pool is not None:
            return
        self._pool = ProcessPoolExecutor(
            max_workers=1,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_load,
            initargs=(self._factory, self.cpus),
        )
        self._loading = asyncio.get_running_loop().create_task(
            self._load(), name=f"{self.name}-load"
        )

    async def _load(self) -> None:
        started = time.perf_counter()
        try:
            await self._call(["warm up"])
        except WorkerUnavailable as exc:
            log.error("%s did not start: %s", self.name, exc.__cause__.__class__.__name__)
            return
        self._ready = True
        log.info("%s ready in %.1f s", self.name, time.perf_counter() - started)

    def ready(self) -> bool:
        """Loaded and alive (the batcher gives a lane one batch at a time)."""
        return self._ready

    async def loaded(self) -> bool:
        """Wait for the process to finish loading; whether it did. A caller's timeout leaves
        the loading itself alone."""
        if self._loading is not None:
            await asyncio.wait([self._loading])
        return self._ready

    async def find_spans(self, texts: Sequence[str]) -> list[list[Span]]:
        """The spans of each text, found in the worker process. Raises WorkerUnavailable."""
        spans = await self._call(texts)
        self.batches += 1
        return spans

    async def _call(self, texts: Sequence[str]) -> list[list[Span]]:
        if self._pool is None:
            raise WorkerUnavailable(f"{self.name} is not running")
        try:
            return await asyncio.get_running_loop().run_in_executor(self._pool, _find, list(texts))
        except BrokenProcessPool as exc:  # it died, or its analyzer failed to load
            if self._ready:
                log.error("%s stopped: %s", self.name, type(exc).__name__)
            self._ready = False
            raise WorkerUnavailable(f"{self.name} is unavailable") from exc

    async def close(self) -> None:
        """Stop the process; a batch it is running is finished first (one batch at most)."""
        self._ready = False
        loading, self._loading = self._loading, None
        if loading is not None and not loading.done():
            loading.cancel()
            await asyncio.gather(loading, return_exceptions=True)
        pool, self._pool = self._pool, None
        if pool is not None:
            await asyncio.to_thread(pool.shutdown, wait=True, cancel_futures=True)
