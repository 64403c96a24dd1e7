"""Where the bot's threads run: the event loop's thread and the in-process anonymizer
thread share one CPU; the anonymizer's worker processes and the LLM's threads get the rest.

The interpreter lock lets only one of the loop and the anonymizer thread run Python at a
time, so on two CPUs they gain nothing, and each hand-off lands on a CPU whose caches hold
the other thread's data: `bench/pipeline.py` gave service.handle p95 1.07x-1.45x raw
Presidio over eight quiet unpinned runs and 1.08x-1.10x with the process pinned to one CPU. Linux
only (``os.sched_setaffinity``); elsewhere, or with one CPU, nothing is pinned.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass

#: the CPUs this process may use, read once at start-up, before any thread is pinned
PROCESS_CPUS: frozenset[int] = frozenset(
    os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else ()
)


def usable_cores() -> int:
    """The cores this process may run on (a container's CPU set, not the host's count)."""
    return len(PROCESS_CPUS) or os.cpu_count() or 1


@dataclass(frozen=True, slots=True)
class CpuPlan:
    #: the event loop's thread and the in-process anonymizer thread
    loop: frozenset[int]
    #: worker processes
    others: frozenset[int]


def share_loop_cpu() -> CpuPlan | None:
    """Pin the calling thread (the event loop's) to one CPU and say which CPUs are left;
    None where nothing can be pinned."""
    if len(PROCESS_CPUS) < 2 or not hasattr(os, "sched_setaffinity"):
        return None
    loop = frozenset({min(PROCESS_CPUS)})
    os.sched_setaffinity(0, loop)
    return CpuPlan(loop=loop, others=PROCESS_CPUS - loop)


def run_on(cpus: Iterable[int]) -> None:
    """Pin the calling thread (a thread or process initializer) to ``cpus``."""
    wanted = set(cpus)
    if wanted and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, wanted)


def run_anywhere() -> None:
    """Undo a pin inherited from the loop's thread: the thread may use every CPU again."""
    run_on(PROCESS_CPUS)
