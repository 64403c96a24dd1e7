"""Anonymizer worker processes (assistant/anonymizer_workers.py): a real spawned process with
the real spaCy model takes the batches that arrive while the bot's own thread is busy, gives
the same placeholders, loses nothing when it dies, and does not outlive the anonymizer."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
from collections.abc import AsyncIterator, Sequence

import pytest

from assistant.anonymizer import AnonymizedText, Anonymizer
from assistant.batching import MicroBatcher
from assistant.cpu_affinity import PROCESS_CPUS, usable_cores
from assistant.placeholders import PlaceholderVault, restore
from bot.config import load_config
from tests.conftest import CONFIG_PATH
from tests.fakes import GatedAnonymizer, RecordingLane

needs_two_cores = pytest.mark.skipif(usable_cores() < 2, reason="needs a second core")

TEXTS = [
    "I'm Sarah Mitchell, call 07700 900123 about my asthma",
    "my son Tom has a fever since Monday, we live at 42 Elm Street, Leeds",
    "email priya.patel@example.com about my blood pressure",
    "how do I treat a minor burn?",
]


async def test_spare_lanes_take_only_what_arrives_while_the_thread_is_busy() -> None:
    in_thread: list[list[int]] = []

    def run(items: Sequence[int]) -> list[int]:
        in_thread.append(list(items))
        return [item * 2 for item in items]

    lane = RecordingLane()
    batcher: MicroBatcher[int, int] = MicroBatcher(run, max_batch=4)
    batcher.add_spare_lane(lane)
    assert await batcher.submit(1) == 2  # alone: in-process, no hop
    assert await asyncio.gather(*(batcher.submit(i) for i in range(6))) == [0, 2, 4, 6, 8, 10]
    assert in_thread == [[1], [0, 1, 2, 3]]
    assert lane.batches == [[4, 5]]
    await batcher.aclose()


@pytest.fixture
async def gated(anonymizer: Anonymizer) -> AsyncIterator[GatedAnonymizer]:
    """The real anonymizer whose in-process batches wait for a gate, with one loaded worker."""
    gated = GatedAnonymizer(anonymizer)
    spacy_model = load_config(CONFIG_PATH, environ={}).privacy.spacy_model
    assert gated.start_workers(1, spacy_model) == 1
    try:
        async with asyncio.timeout(180):
            assert await gated.workers_loaded() == 1
        yield gated
    finally:
        gated.gate.set()
        await gated.aclose()


async def _hold_the_thread(gated: GatedAnonymizer) -> asyncio.Future[AnonymizedText]:
    """One message that occupies the in-process thread until the gate opens."""
    held = asyncio.ensure_future(gated.anonymize_async("I'm Anna Kowalski", PlaceholderVault()))
    assert await asyncio.to_thread(gated.started.wait, 10)
    return held


@needs_two_cores
async def test_a_worker_takes_batches_while_the_thread_is_busy(
    gated: GatedAnonymizer, anonymizer: Anonymizer
) -> None:
    held = await _hold_the_thread(gated)
    vaults = [PlaceholderVault() for _ in TEXTS]
    async with asyncio.timeout(60):  # the thread is held: only the worker can answer these
        answered = await asyncio.gather(
            *(gated.anonymize_async(t, v) for t, v in zip(TEXTS, vaults, strict=True))
        )
    assert gated.workers[0].batches >= 1
    in_process = [anonymizer.anonymize(t, PlaceholderVault()) for t in TEXTS]
    assert [a.text for a in answered] == [p.text for p in in_process]
    assert [a.entities for a in answered] == [p.entities for p in in_process]
    assert "Sarah" not in answered[0].text and "asthma" in answered[0].text
    # the placeholders live in this process's vaults: they restore the values
    assert restore(answered[0].text, vaults[0]).startswith("I'm Sarah Mitchell")
    gated.gate.set()
    assert (await held).text == "I'm <PERSON_1>"
    (child,) = multiprocessing.active_children()
    await gated.aclose()  # closing the anonymizer stops its worker
    await asyncio.to_thread(child.join, 10)
    assert not child.is_alive() and gated.workers == ()


@needs_two_cores
async def test_a_dead_worker_loses_nothing(gated: GatedAnonymizer, anonymizer: Anonymizer) -> None:
    (child,) = multiprocessing.active_children()
    os.kill(child.pid, signal.SIGKILL)  # type: ignore[arg-type]
    await asyncio.to_thread(child.join, 10)
    held = await _hold_the_thread(gated)
    batch = asyncio.ensure_future(gated.anonymize_async(TEXTS[0], PlaceholderVault()))
    await asyncio.sleep(0.5)
    gated.gate.set()  # the worker's batch came back to the thread
    async with asyncio.timeout(60):
        answered = await batch
        await held
    assert answered.text == anonymizer.anonymize(TEXTS[0], PlaceholderVault()).text
    assert not gated.workers[0].ready()  # not tried again


@needs_two_cores
async def test_the_loop_and_the_anonymizer_thread_share_a_cpu_and_workers_take_the_rest(
    gated: GatedAnonymizer,
) -> None:
    plan = gated.cpu_plan
    assert plan is not None and plan.loop and plan.others
    assert plan.loop | plan.others == PROCESS_CPUS and not plan.loop & plan.others
    assert os.sched_getaffinity(0) == plan.loop  # this test runs on the loop's thread
    in_lane = await gated.anonymize_async("I'm Anna Kowalski", PlaceholderVault())
    assert in_lane.text == "I'm <PERSON_1>"
    executor = gated._batcher.executor
    assert executor is not None
    lane_cpus = await asyncio.get_running_loop().run_in_executor(executor, os.sched_getaffinity, 0)
    assert lane_cpus == plan.loop
    (worker,) = multiprocessing.active_children()
    assert os.sched_getaffinity(worker.pid or 0) == plan.others
    await gated.aclose()
    assert os.sched_getaffinity(0) == PROCESS_CPUS and gated.cpu_plan is None
