"""The core's per-user lanes, the dispatcher that lets emergencies go first, and the reply
cap. No network here: the dispatcher runs the real conversation service (Presidio, triage,
rules, Store), with tests.fakes.FakeBackend where a test needs an LLM request that hangs on
cue. The same paths through real servers are in tests/test_preempt.py."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import pytest

from assistant.conversation import ConversationHook, Dispatcher
from assistant.lanes import Lanes
from assistant.messages import IncomingMessage, Reply, Response, Source
from assistant.reply_cap import CUT_NOTE, MAX_REPLY_CHARS, cap_reply
from bot.config import AppConfig
from tests.conftest import MakeChat
from tests.fakes import FakeBackend, Hang
from tests.telegram_support import eventually

EMERGENCY = "I have crushing chest pain and I can't breathe"
URGENT = "My right calf has been swollen and sore since the long flight back"
RULE_QUESTION = "How much water should I drink each day?"
LLM_QUESTION = "Which knee brace is best for skiing?"


def _job(done: list[str], name: str, delay: float = 0.0) -> Callable[[], Awaitable[None]]:
    async def run() -> None:
        await asyncio.sleep(delay)
        done.append(name)

    return run


# -- lanes -----------------------------------------------------------------------------------


async def test_lanes_keep_per_key_order_and_run_keys_concurrently() -> None:
    lanes = Lanes(max_concurrent=8)
    done: list[str] = []
    lanes.submit("slow", _job(done, "slow-1", 0.2))
    lanes.submit("slow", _job(done, "slow-2"))
    for n in range(3):
        lanes.submit("fast", _job(done, f"fast-{n}", 0.01))
    assert await lanes.drain(5.0)
    assert done.index("fast-2") < done.index("slow-1")  # nobody waits for the slow user
    assert [d for d in done if d.startswith("slow")] == ["slow-1", "slow-2"]
    assert [d for d in done if d.startswith("fast")] == ["fast-0", "fast-1", "fast-2"]
    assert lanes.busy == 0


async def test_a_preempting_job_runs_at_once_and_later_jobs_wait_for_it() -> None:
    # One slot, taken by another user's hung job: the preempting job must not need it.
    lanes = Lanes(max_concurrent=1)
    done: list[str] = []
    hung = asyncio.Event()

    async def wait_for_release() -> None:
        await hung.wait()

    lanes.submit("other", wait_for_release)
    lanes.submit("u", _job(done, "earlier"))
    lanes.submit("u", _job(done, "preempting", 0.05), preempt=True)
    lanes.submit("u", _job(done, "later"))
    await asyncio.sleep(0.2)
    assert done == ["preempting"]  # ahead of "earlier", which waits for the slot
    hung.set()
    assert await lanes.drain(2.0)
    assert done == ["preempting", "earlier", "later"]


async def test_a_preempting_job_on_an_idle_lane_still_holds_later_jobs() -> None:
    lanes = Lanes(max_concurrent=4)
    done: list[str] = []
    lanes.submit("u", _job(done, "preempting", 0.1), preempt=True)
    lanes.submit("u", _job(done, "later"))
    assert await lanes.drain(2.0)
    assert done == ["preempting", "later"]


async def _yes() -> bool:
    await asyncio.sleep(0.02)  # a check that takes a while, as triage in a thread does
    return True


async def _no() -> bool:
    await asyncio.sleep(0.02)
    return False


async def _broken() -> bool:
    raise RuntimeError("a triage bug")


@pytest.mark.parametrize(
    ("check", "expected"),
    [
        (_yes, ["checked", "earlier", "later"]),
        (_no, ["earlier", "checked", "later"]),
        (_broken, ["earlier", "checked", "later"]),  # a failed check: the job waits its turn
    ],
    ids=["yes", "no", "broken"],
)
async def test_a_preempt_check_decides_after_the_place_is_taken(
    check: Callable[[], Awaitable[bool]], expected: list[str]
) -> None:
    lanes = Lanes(max_concurrent=4)
    done: list[str] = []
    lanes.submit("u", _job(done, "earlier", 0.2))
    lanes.submit("u", _job(done, "checked"), preempt=check)
    lanes.submit("u", _job(done, "later"))
    assert await lanes.drain(2.0)
    assert done == expected


@pytest.mark.parametrize("preempt", [False, True])
async def test_drain_times_out_then_cancel_reaches_every_task(preempt: bool) -> None:
    lanes = Lanes(max_concurrent=2)
    finished: list[str] = []
    lanes.submit("u", _job(finished, "forever", 3600), preempt=preempt)
    assert not await lanes.drain(0.05)
    assert await lanes.cancel() >= 1
    assert lanes.busy == 0 and finished == []


@pytest.mark.parametrize("preempt", [False, True])
async def test_lanes_survive_a_failing_job(preempt: bool) -> None:
    lanes = Lanes(max_concurrent=1)
    done: list[str] = []

    async def boom() -> None:
        raise RuntimeError("bug")

    lanes.submit("u", boom, preempt=preempt)
    lanes.submit("u", _job(done, "after"))
    assert await lanes.drain(1.0)
    assert done == ["after"]


async def test_cancelling_the_drainer_is_not_swallowed() -> None:
    lanes = Lanes(max_concurrent=1)

    async def forever() -> None:
        await asyncio.Event().wait()

    lanes.submit("u", forever)
    drainer = asyncio.create_task(lanes.drain(60))
    await asyncio.sleep(0.01)
    drainer.cancel()
    with pytest.raises(asyncio.CancelledError):
        await drainer
    assert await lanes.cancel() == 1


# -- the dispatcher on the real service ------------------------------------------------------


class _Inbox:
    """Where a dispatcher delivers: the responses in the order they came."""

    def __init__(self) -> None:
        self.responses: list[tuple[str, Response]] = []
        self.changed = asyncio.Event()

    def deliver(self, name: str) -> Callable[[Response], Awaitable[None]]:
        async def put(response: Response) -> None:
            self.responses.append((name, response))
            self.changed.set()

        return put

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.responses]

    def source(self, name: str) -> Source:
        return dict(self.responses)[name].reply.source

    async def wait_for(self, name: str, within_s: float = 10.0) -> None:
        async with asyncio.timeout(within_s):
            while name not in self.names:
                self.changed.clear()
                await self.changed.wait()


def _msg(text: str, user: str = "u1", platform: str = "telegram") -> IncomingMessage:
    return IncomingMessage(platform=platform, chat_id=user, user_id=user, text=text)


async def _llm_dispatcher(
    make_chat: MakeChat, app_config: AppConfig, backend: FakeBackend
) -> Dispatcher:
    config = app_config.model_copy(deep=True)
    config.llm.enabled = True
    config.llm.timeout_s = 30.0
    chat = await make_chat(config, backend=backend)
    return Dispatcher(chat.service, max_concurrent=4, name="test")


@pytest.mark.parametrize("platform", ["telegram", "matrix", "console"])
async def test_an_emergency_is_answered_while_the_users_llm_request_hangs(
    make_chat: MakeChat, app_config: AppConfig, platform: str
) -> None:
    backend = FakeBackend(Hang())
    dispatcher = await _llm_dispatcher(make_chat, app_config, backend)
    inbox = _Inbox()
    dispatcher.submit(_msg(LLM_QUESTION, platform=platform), inbox.deliver("hung"))
    await eventually(lambda: bool(backend.history))  # the request is with the "model" now
    dispatcher.submit(_msg(EMERGENCY, platform=platform), inbox.deliver("emergency"))
    dispatcher.submit(_msg(RULE_QUESTION, platform=platform), inbox.deliver("later"))
    await inbox.wait_for("emergency", within_s=5.0)
    await asyncio.sleep(0.2)
    # The later question waits for the hung one: replies after the emergency stay in order.
    assert inbox.names == ["emergency"]
    assert inbox.source("emergency") is Source.EMERGENCY
    assert await dispatcher.cancel() >= 1  # shutdown cancels the hung request and the queue


async def test_urgent_does_not_preempt_and_the_order_holds_after_an_emergency(
    make_chat: MakeChat, app_config: AppConfig
) -> None:
    backend = FakeBackend(answer="A general answer.", delay_s=0.4)
    dispatcher = await _llm_dispatcher(make_chat, app_config, backend)
    inbox = _Inbox()
    submitted = [
        ("slow", LLM_QUESTION),
        ("urgent", URGENT),
        ("emergency", EMERGENCY),
        ("rule", RULE_QUESTION),
    ]
    for name, text in submitted:
        dispatcher.submit(_msg(text), inbox.deliver(name))
    assert await dispatcher.drain(10.0)
    assert inbox.names == ["emergency", "slow", "urgent", "rule"]
    assert len(backend.history) == 1  # the slow one went to the model
    sources = [inbox.source(n) for n in inbox.names]
    assert [sources[0], *sources[2:]] == [Source.EMERGENCY, Source.URGENT, Source.RULE]


async def test_an_emergency_passes_a_full_queue_and_an_exhausted_limit(
    make_chat: MakeChat, app_config: AppConfig
) -> None:
    backend = FakeBackend(Hang())
    dispatcher = await _llm_dispatcher(make_chat, app_config, backend)
    chat_service = dispatcher.service
    limiter = chat_service.rate_limiter("telegram")
    assert limiter is not None
    inbox = _Inbox()
    dispatcher.submit(_msg(LLM_QUESTION), inbox.deliver("hung"))
    await eventually(lambda: bool(backend.history))
    for n in range(20):
        dispatcher.submit(_msg(f"{RULE_QUESTION} ({n})"), inbox.deliver(f"queued-{n}"))
    while limiter.check("u1").allowed:  # the rest of the burst, so the limit refuses now
        pass
    dispatcher.submit(_msg(EMERGENCY), inbox.deliver("emergency"))
    await inbox.wait_for("emergency", within_s=5.0)
    assert inbox.names == ["emergency"] and inbox.source("emergency") is Source.EMERGENCY
    await dispatcher.cancel()


# -- the long message and the long answer -----------------------------------------------------

FILLER = "Some background on my week, which has been busy with work and family. "


def _long(text: str, total: int = 4083, *, at_end: bool = False) -> str:
    filler = (FILLER * (total // len(FILLER) + 1))[: total - len(text) - 1]
    return f"{filler} {text}" if at_end else f"{text} {filler}"


@pytest.mark.parametrize(
    ("text", "source", "fragment"),
    [
        (_long(EMERGENCY), Source.EMERGENCY, "call 999 now"),
        (_long(EMERGENCY, at_end=True), Source.EMERGENCY, "call 999 now"),
        (_long(EMERGENCY, total=40_000), Source.EMERGENCY, "call 999 now"),
        (_long(URGENT), Source.URGENT, "111"),
        (_long(RULE_QUESTION), Source.FALLBACK, "shorter parts"),
    ],
    ids=["emergency-first", "emergency-last", "emergency-40k", "urgent", "no-red-flag"],
)
async def test_triage_reads_a_message_over_the_length_limit(
    make_chat: MakeChat, text: str, source: Source, fragment: str
) -> None:
    chat = await make_chat()
    assert len(text) > chat.service.settings.privacy.max_message_chars
    reply = await chat.ask(_msg(text))
    assert reply.source is source and fragment in reply.text


def test_cap_reply_cuts_at_a_break_with_an_honest_note() -> None:
    sentence = "Drink plenty of fluids and rest. "
    text = sentence * 40_000  # about 1.3 MB
    capped, cut = cap_reply(text)
    assert cut
    kept, note = capped.rsplit("\n\n", 1)
    assert note == CUT_NOTE.format(length=len(text))
    assert MAX_REPLY_CHARS * 3 // 4 <= len(kept) <= MAX_REPLY_CHARS
    assert kept.endswith("rest.") and text.startswith(kept)


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("short answer", 100, ("short answer", False)),
        ("x" * 100, 100, ("x" * 100, False)),
        ("y" * 101, 100, ("y" * 100 + "\n\n" + CUT_NOTE.format(length=101), True)),
        ("one two three four", 9, ("one two\n\n" + CUT_NOTE.format(length=18), True)),
    ],
    ids=["fits", "exactly", "no-break", "word-break"],
)
def test_cap_reply_cases(text: str, limit: int, expected: tuple[str, bool]) -> None:
    assert cap_reply(text, limit) == expected


class _Runaway(ConversationHook):
    """Answers with about 1 MB, as a runaway model would. (The answer check now stops a
    repetitive model answer itself; the cap is for every reply, whoever wrote it.)"""

    async def before(self, message: IncomingMessage) -> Response | None:
        return Response(Reply(RUNAWAY, Source.LLM))


RUNAWAY = " ".join(f"Point {n}: rest, fluids and a check-up if it lasts." for n in range(20_000))


async def test_a_runaway_answer_is_capped_before_the_disclaimer(
    make_chat: MakeChat, app_config: AppConfig
) -> None:
    assert len(RUNAWAY) > 1_000_000
    chat = await make_chat()
    chat.service.hooks.append(_Runaway())
    reply = await chat.ask(_msg(LLM_QUESTION))
    assert len(reply.text) < MAX_REPLY_CHARS + 1_000
    assert reply.text.endswith(f"narrower question for the rest.]\n\n{app_config.disclaimer.text}")
    assert reply.text.count(app_config.disclaimer.text) == 1
