"""Emergencies go first, outsiders get nothing, runaway answers are capped: through the real
adapters against real servers (PTB against the Bot API emulator, matrix-nio against a real
Synapse), with the real assistant (Presidio, triage, rules, Store).

The hung LLM is a real HTTP server (tests/llm_support.py's FaultServer in "hang" mode) that
accepts the request and never answers: that is what a stuck OpenAI-compatible API looks like
to our real API backend, and no real model server can be made to hang on cue. A runaway
answer comes from tests.fakes.FakeBackend, which gives an exact 1 MB answer on cue.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from nio import RoomMessageNotice

from assistant.conversation import ConversationHook
from assistant.messages import IncomingMessage, Reply, Response, Source
from assistant.reply_cap import MAX_REPLY_CHARS
from assistant.settings import RateLimitSettings
from bot.config import AppConfig
from tests.conftest import MakeAssistant
from tests.llm_support import FaultServer
from tests.matrix_support import World, content_of
from tests.telegram_emulator import BotAPIEmulator
from tests.telegram_support import TOKEN, BotHarness, eventually, telegram_config

pytest_plugins = ("tests.matrix_fixtures",)

pytestmark = pytest.mark.slow

EMERGENCY = "I have crushing chest pain right now and I can't breathe"
LLM_QUESTION = "Which knee brace is best for skiing?"
RULE_QUESTION = "How much water should I drink each day?"
#: long enough to finish after the emergency, short enough for the test to see the fallback
HUNG_TIMEOUT_S = 6.0
FILLER = "Some background on my week, which has been busy with work and family. "


@pytest.fixture(autouse=True)
def bot_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)


@pytest_asyncio.fixture
async def hung_llm() -> AsyncIterator[FaultServer]:
    server = FaultServer()
    await server.start()
    yield server
    await server.stop()


class Runaway(ConversationHook):
    """Answers every message with about 1 MB, as a runaway model would. A hook, because the
    answer check now stops a repetitive model answer on its own; the cap is for every
    reply, whoever wrote it."""

    async def before(self, message: IncomingMessage) -> Response | None:
        text = " ".join(
            f"Point {n}: rest, fluids and a check-up if it lasts." for n in range(20_000)
        )
        return Response(Reply(text, Source.LLM))


def with_hung_llm(config: AppConfig, server: FaultServer) -> AppConfig:
    """The real API backend, pointed at a server that never answers."""
    config = config.model_copy(deep=True)
    llm = config.llm
    llm.enabled, llm.use_api, llm.api_url = True, True, server.url("hang")
    llm.timeout_s, llm.api_retries = HUNG_TIMEOUT_S, 0
    return config


def long_message(text: str, total: int = 4083, *, at_end: bool = False) -> str:
    filler = (FILLER * (total // len(FILLER) + 1))[: total - len(text) - 1]
    return f"{filler} {text}" if at_end else f"{text} {filler}"


# -- Telegram --------------------------------------------------------------------------------


async def test_telegram_emergency_behind_a_hung_llm_request_is_answered_within_a_second(
    app_config: AppConfig,
    make_assistant: MakeAssistant,
    emulator: BotAPIEmulator,
    hung_llm: FaultServer,
) -> None:
    config = with_hung_llm(telegram_config(app_config, emulator), hung_llm)
    harness = BotHarness(config, await make_assistant(config=config))
    await harness.start()
    try:
        emulator.send_text(601, LLM_QUESTION)
        await eventually(lambda: hung_llm.hits["hang"] == 1)  # the request is hanging now
        emergency = emulator.send_text(601, EMERGENCY)
        emulator.send_text(601, RULE_QUESTION)
        first = (await emulator.wait_sent(1, within_s=5))[0]
        latency = first.at - emulator.injected_at[emergency]
        assert "call 999 now" in first.text
        assert latency < 1.0, f"the emergency took {latency:.2f} s"
        # The hung question gets its fallback at the deadline, and only then the later one.
        await emulator.wait_until(lambda: len(emulator.texts_to(601)) >= 3, HUNG_TIMEOUT_S + 10)
    finally:
        await harness.close()
    texts = emulator.texts_to(601)
    assert len(texts) == 3
    assert "call 999" not in texts[1] and "glasses" not in texts[1]  # the hung one's fallback
    assert "glasses" in texts[2]  # the rule's answer about water, after the fallback


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (long_message(EMERGENCY), "call 999 now"),
        (long_message(EMERGENCY, at_end=True), "call 999 now"),
        (long_message(RULE_QUESTION), "shorter parts"),
    ],
    ids=["red-flag-first", "red-flag-last", "no-red-flag"],
)
async def test_telegram_4083_characters_with_a_red_flag_get_the_emergency_reply(
    app_config: AppConfig,
    make_assistant: MakeAssistant,
    emulator: BotAPIEmulator,
    text: str,
    expected: str,
) -> None:
    assert len(text) == 4083
    config = telegram_config(app_config, emulator)
    harness = BotHarness(config, await make_assistant(config=config))
    await harness.start()
    try:
        emulator.send_text(602, text)
        await emulator.wait_until(lambda: len(emulator.texts_to(602)) >= 1)
    finally:
        await harness.close()
    assert [expected in t for t in emulator.texts_to(602)] == [True]


async def test_telegram_runaway_answer_is_capped_with_a_note_in_few_messages(
    app_config: AppConfig, make_assistant: MakeAssistant, emulator: BotAPIEmulator
) -> None:
    config = telegram_config(app_config, emulator)
    harness = BotHarness(config, await make_assistant(config=config))
    await harness.start()
    assert harness.service is not None
    harness.service.hooks.append(Runaway())
    try:
        emulator.send_text(603, LLM_QUESTION)
        await emulator.wait_until(lambda: config.disclaimer.text in "".join(emulator.texts_to(603)))
        await asyncio.sleep(0.3)  # nothing more may follow
    finally:
        await harness.close()
    parts = emulator.texts_to(603)
    assert len(parts) <= 4  # 245 before the cap
    assert sum(len(p) for p in parts) < MAX_REPLY_CHARS + 1_000
    assert "I cut this answer short" in parts[-1]
    assert parts[-1].endswith(config.disclaimer.text)


# -- Matrix (a real Synapse) -----------------------------------------------------------------


async def test_matrix_emergency_behind_a_hung_llm_request_is_answered_within_a_second(
    world: World, app_config: AppConfig, hung_llm: FaultServer
) -> None:
    bot = await world.bot(config=with_hung_llm(app_config, hung_llm))
    alice = await world.person()
    room = await alice.create_room([bot.user_id], direct=True)
    await alice.wait_membership(room, bot.user_id, "join")

    hung = await alice.send(room, LLM_QUESTION)
    await eventually(lambda: hung_llm.hits["hang"] == 1, within_s=20)
    started = time.perf_counter()
    emergency = await alice.send(room, EMERGENCY)
    reply = await alice.wait_reply(emergency, bot.user_id, within_s=10)
    latency = time.perf_counter() - started
    assert "call 999 now" in content_of(reply)["body"]
    assert latency < 1.0, f"the emergency took {latency:.2f} s (sent to reply seen)"
    assert alice.replies_to(hung) == []  # still hanging
    later = await alice.send(room, RULE_QUESTION)
    await alice.wait_reply(later, bot.user_id, within_s=HUNG_TIMEOUT_S + 20)
    replies = [
        content_of(ev)["m.relates_to"]["m.in_reply_to"]["event_id"]
        for _, ev in alice.events
        if isinstance(ev, RoomMessageNotice) and ev.sender == bot.user_id
    ]
    assert replies == [emergency, hung, later]  # the later question waited for the hung one


async def test_matrix_flooded_users_emergency_is_answered(world: World) -> None:
    # The shipped limit (10 a minute, a burst of 5), met by 12 quick messages.
    bot = await world.bot(rate_limit=RateLimitSettings(per_minute=10, burst=5))
    alice = await world.person()
    room = await alice.create_room([bot.user_id], direct=True)
    await alice.wait_membership(room, bot.user_id, "join")
    flood = [await alice.send(room, f"{n}: {RULE_QUESTION}") for n in range(12)]
    emergency = await alice.send(room, EMERGENCY)
    body = content_of(await alice.wait_reply(emergency, bot.user_id))["body"]
    assert "call 999 now" in body and body.endswith(bot.config.disclaimer.text)
    # The limit did refuse the flood (rows, not replies: a nio client's sync can skip
    # events when a dozen arrive at once).
    assert bot.adapter is not None and await bot.adapter.dispatcher.drain(30)
    assert bot.assistant is not None and bot.assistant.store is not None
    store = bot.assistant.store
    await store.flush()
    rows = await store.db.execute_fetchall("SELECT source FROM messages ORDER BY id")
    sources = [str(row[0]) for row in rows]
    assert len(flood) == 12 and sources.count("rate_limited") >= 5
    assert sources.count("emergency") == 1


@pytest.mark.parametrize("members", ["group", "two"])
async def test_matrix_outsider_in_an_allowed_room_gets_no_answer(
    world: World, members: str
) -> None:
    bot = await world.bot()
    staff = await world.person()
    outsider = await world.person("visitor")  # not in allowed_users (@staff-*)
    room = await staff.create_room([bot.user_id, outsider.user_id])
    await staff.wait_membership(room, bot.user_id, "join")
    await outsider.client.join(room)
    await staff.wait_membership(room, outsider.user_id, "join")
    if members == "two":  # the bot and the outsider alone: every message would count
        await staff.client.room_leave(room)
        await outsider.wait_membership(room, staff.user_id, "leave")
    name = bot.user_id
    asked = [
        await outsider.send(room, f"{name}: {RULE_QUESTION}", mentions=[bot.user_id]),
        await outsider.send(room, f"!ask {LLM_QUESTION}"),
        await outsider.send(room, "!help"),
        await outsider.send(room, f"{name}: {EMERGENCY}", mentions=[bot.user_id]),
    ]
    # A staff message elsewhere, answered: the bot has read past the outsider's by then.
    elsewhere = await staff.create_room([bot.user_id], direct=True)
    await staff.wait_membership(elsewhere, bot.user_id, "join")
    sentinel = await staff.send(elsewhere, RULE_QUESTION)
    await staff.wait_reply(sentinel, bot.user_id)
    await asyncio.sleep(1.0)
    assert [outsider.replies_to(event_id) for event_id in asked] == [[], [], [], []]


async def test_matrix_runaway_answer_is_one_capped_event(world: World) -> None:
    bot = await world.bot()
    alice = await world.person()
    room = await alice.create_room([bot.user_id], direct=True)
    await alice.wait_membership(room, bot.user_id, "join")
    assert bot.adapter is not None
    bot.adapter.service.hooks.append(Runaway())
    asked = await alice.send(room, LLM_QUESTION)
    body = content_of(await alice.wait_reply(asked, bot.user_id))["body"]
    await asyncio.sleep(0.5)
    assert len(alice.replies_to(asked)) == 1
    assert "I cut this answer short" in body and body.endswith(bot.config.disclaimer.text)
    assert len(body) < MAX_REPLY_CHARS + 1_000
