"""SIGKILL with 35 messages from 10 users in flight, then a restart: every message is answered
exactly once and in order per user. Real `python -m bot run` processes against the Bot API
emulator and against the real Synapse; answers come from the rules (no model to load)."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Callable
from pathlib import Path

import pytest
from nio import RoomMessageNotice

from assistant.messages import IncomingMessage, Source
from bot.config import AppConfig
from tests.conftest import MakeAssistant
from tests.fakes import Chat
from tests.matrix_support import Staff, World, unique
from tests.process_support import BotProcess, process_env
from tests.synapse_server import SynapseServer
from tests.telegram_emulator import BotAPIEmulator
from tests.telegram_support import TOKEN, eventually

pytest_plugins = ("tests.matrix_fixtures",)
# Two cold processes per test on busy cores: more than the suite's default 300 s limit.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]

#: rule questions with five different answers, so a user's answers show their order
QUESTIONS = [
    "what are the symptoms of flu",
    "how long does a cold last",
    "how do i bring my temperature down",
    "what can I take for a migraine",
    "how can I sleep better at night",
]
USERS = 10
MESSAGES = 35
BOOT_S = 240  # a cold process on two busy cores: imports, spaCy, the rules' embeddings


def plan() -> list[tuple[int, int]]:
    """(user, n) in sending order: rounds across users; users 0-4 send 4, the others 3."""
    sends = [(u, n) for n in range(4) for u in range(USERS) if n < 3 or u < 5]
    assert len(sends) == MESSAGES
    return sends


def question(user: int, n: int) -> str:
    return QUESTIONS[(user + n) % len(QUESTIONS)]


async def rule_answers(app_config: AppConfig, make_assistant: MakeAssistant) -> dict[str, str]:
    """Each question's full reply (disclaimer included), from the same rules in process."""
    probe = Chat.of(await make_assistant(config=app_config), app_config)
    answers = {}
    for text in QUESTIONS:
        reply = await probe.ask(IncomingMessage("probe", "0", "0", text))
        assert reply.source is Source.RULE, text
        answers[text] = reply.text
    assert len(set(answers.values())) == len(QUESTIONS)
    return answers


async def test_telegram_sigkill_with_35_in_flight_answers_each_once_in_order(
    emulator: BotAPIEmulator, app_config: AppConfig, make_assistant: MakeAssistant, tmp_path: Path
) -> None:
    expected = await rule_answers(app_config, make_assistant)
    env = process_env(
        # not the in-process probe's database: that one was made under the tests' own key
        tmp_path / "bot-process.db",
        TELEGRAM_BOT_TOKEN=TOKEN,
        HEALTHBOT_ADAPTERS__TELEGRAM__BASE_URL=emulator.base_url,
        HEALTHBOT_ADAPTERS__TELEGRAM__BASE_FILE_URL=emulator.base_file_url,
        HEALTHBOT_ADAPTERS__TELEGRAM__POLL_TIMEOUT_S="2",
        HEALTHBOT_ADAPTERS__TELEGRAM__FLOOD_OVERALL_PER_S="0",
    )
    chat = [900_001 + u for u in range(USERS)]
    first = await BotProcess.start(env)
    second: BotProcess | None = None
    try:
        await eventually(lambda: bool(emulator.method_calls("getUpdates")), within_s=BOOT_S)
        # Seven replies get through; the next ones are still on their way when the bot dies.
        emulator.hold_after("sendMessage", 7)
        for user, n in plan():
            emulator.send_text(chat[user], question(user, n))
        # Every update fetched and its offset confirmed: Telegram will not send them again.
        await emulator.wait_until(lambda: not emulator.pending and emulator.held >= 3, 120)
        await asyncio.sleep(0.5)  # the delivered replies' answered marks are committed
        await first.kill()
        emulator.release("sendMessage")
        assert len(emulator.sent) == 7

        second = await BotProcess.start(env)
        await emulator.wait_until(lambda: len(emulator.sent) >= MESSAGES, BOOT_S)
        await asyncio.sleep(2.0)  # room for a doubled reply to show up
        assert await second.terminate() == 0
    finally:
        for process in (first, second):
            if process is not None:
                await process.close()
    log_text = await first.text() + (await second.text() if second else "")
    lost = doubled = 0
    wanted, got = {}, {}
    for user in range(USERS):
        wanted[user] = [expected[question(user, n)] for n in range(4 if user < 5 else 3)]
        got[user] = emulator.texts_to(chat[user])
        lost += sum(max(0, wanted[user].count(t) - got[user].count(t)) for t in set(wanted[user]))
        doubled += max(0, len(got[user]) - len(wanted[user]))
    print(f"telegram: 7 of {MESSAGES} answered before SIGKILL; lost {lost}, doubled {doubled}")
    assert (lost, doubled) == (0, 0), log_text[-3000:]
    assert got == wanted  # and in order per user
    assert "please send it again" not in " ".join(s.text for s in emulator.sent).lower()
    assert "how long does a cold" not in log_text  # still no patient text in the logs


async def test_matrix_sigkill_with_35_in_flight_answers_each_once_in_order(
    synapse: SynapseServer,
    world: World,
    app_config: AppConfig,
    make_assistant: MakeAssistant,
    tmp_path: Path,
) -> None:
    bot_user = synapse.register(unique("healthbot"))
    env = process_env(
        # not the in-process probe's database: that one was made under the tests' own key
        tmp_path / "bot-process.db",
        MATRIX_PASSWORD=bot_user.password,
        HEALTHBOT_ADAPTERS__MATRIX__ENABLED="true",
        HEALTHBOT_ADAPTERS__MATRIX__HOMESERVER=synapse.url,
        HEALTHBOT_ADAPTERS__MATRIX__USER_ID=bot_user.user_id,
        HEALTHBOT_ADAPTERS__MATRIX__ALLOWED_USERS='["@staff-*:localhost"]',
        HEALTHBOT_ADAPTERS__MATRIX__STORE_DIR=str(tmp_path / "matrix-store"),
        HEALTHBOT_ADAPTERS__MATRIX__SYNC_TIMEOUT_MS="5000",
        HEALTHBOT_ADAPTERS__MATRIX__RATE_LIMIT__PER_MINUTE="600",
        HEALTHBOT_ADAPTERS__MATRIX__RATE_LIMIT__BURST="50",
    )
    staff = [await world.person() for _ in range(USERS)]
    first = await BotProcess.start(env)
    second: BotProcess | None = None
    try:
        rooms = await asyncio.gather(
            *(s.create_room([bot_user.user_id], direct=True) for s in staff)
        )
        for person, room in zip(staff, rooms, strict=True):  # joins once the process is up
            await person.wait_membership(room, bot_user.user_id, "join")
        # Freeze the bot while the 35 messages arrive, so that they are all in flight at once.
        first.process.send_signal(signal.SIGSTOP)
        sent: dict[int, list[str]] = {u: [] for u in range(USERS)}
        for user, n in plan():
            sent[user].append(await staff[user].send(rooms[user], question(user, n)))
        first.process.send_signal(signal.SIGCONT)

        def replies() -> int:
            return sum(len(bot_notices(p, bot_user.user_id)) for p in staff)

        await asyncio.wait_for(_until(lambda: replies() >= 3), 120)
        await first.kill()
        await asyncio.sleep(1.0)  # replies sent just before the kill reach the staff's syncs
        answered_before = replies()

        second = await BotProcess.start(env)
        await asyncio.wait_for(_until(lambda: replies() >= MESSAGES), BOOT_S)
        await asyncio.sleep(3.0)  # room for a doubled reply to show up
        assert await second.terminate() == 0
    finally:
        for process in (first, second):
            if process is not None:
                await process.close()
    log_text = await first.text() + (await second.text() if second else "")
    assert answered_before < MESSAGES, "the kill came after every reply: nothing was in flight"
    lost = doubled = 0
    targets = {}
    for user in range(USERS):
        targets[user] = [reply_target(ev) for ev in bot_notices(staff[user], bot_user.user_id)]
        lost += sum(1 for event_id in sent[user] if event_id not in targets[user])
        doubled += len(targets[user]) - len(set(targets[user]))
    print(f"matrix: {answered_before} of {MESSAGES} answered before SIGKILL; ", end="")
    print(f"lost {lost}, doubled {doubled}")
    assert (lost, doubled) == (0, 0), log_text[-3000:]
    assert targets == sent  # and in order per user


def bot_notices(person: Staff, bot: str) -> list[RoomMessageNotice]:
    """The bot's replies in this person's rooms, in timeline order."""
    return [ev for _, ev in person.events if isinstance(ev, RoomMessageNotice) and ev.sender == bot]


def reply_target(event: RoomMessageNotice) -> str:
    relates = event.source.get("content", {}).get("m.relates_to", {})
    return str(relates.get("m.in_reply_to", {}).get("event_id", ""))


async def _until(predicate: Callable[[], bool]) -> None:
    while not predicate():  # noqa: ASYNC110 (staff syncs record events without a signal)
        await asyncio.sleep(0.05)
