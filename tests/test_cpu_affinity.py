"""The event loop's thread pinned to one CPU, and undone (in a thread of its own, so that the
test session itself is never pinned)."""

from __future__ import annotations

import os
import threading

import pytest

from assistant.cpu_affinity import PROCESS_CPUS, run_anywhere, share_loop_cpu, usable_cores


@pytest.mark.skipif(usable_cores() < 2, reason="needs a second core")
def test_share_loop_cpu_pins_the_calling_thread_only() -> None:
    seen: dict[str, object] = {}

    def loop_thread() -> None:
        seen["plan"] = share_loop_cpu()
        seen["pinned"] = os.sched_getaffinity(0)
        run_anywhere()
        seen["after"] = os.sched_getaffinity(0)

    thread = threading.Thread(target=loop_thread)
    thread.start()
    thread.join()
    plan = seen["plan"]
    assert plan is not None and len(plan.loop) == 1  # type: ignore[attr-defined]
    assert seen["pinned"] == plan.loop  # type: ignore[attr-defined]
    assert seen["after"] == PROCESS_CPUS
    assert os.sched_getaffinity(0) == PROCESS_CPUS  # this thread was never pinned
