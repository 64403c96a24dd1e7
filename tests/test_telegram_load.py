"""Exactly once under restarts and load: the real PTB Application against the local Bot API
emulator, with the real assistant (Presidio, triage, rules, Store)."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys
from pathlib import Path

import pytest

from assistant.messages import IncomingMessage, Source
from bot.config import AppConfig
from tests.conftest import MakeAssistant
from tests.fakes import Chat, FakeBackend
from tests.telegram_emulator import BotAPIEmulator
from tests.telegram_support import (
    TOKEN,
    BotHarness,
    eventually,
    llm_harness,
    replies,
    telegram_config,
)

REPO = Path(__file__).resolve().parent.parent
# said once at start-up on this offline machine (the packaged model is used instead)
OFFLINE_HUB = "Hugging Face hub unreachable"
WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india"]


@pytest.fixture(autouse=True)
def bot_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)


def question(user: int, n: int) -> str:
    # a question a vetted topic (Raynaud's) covers, so that the model is asked
    return (
        f"Why do my fingers go white in the cold, asks {WORDS[user % 9]} for the {WORDS[n]} time?"
    )


def ordering_config(config: AppConfig) -> AppConfig:
    """These tests are about delivery (order, restarts), not the answer check: only the
    role-token check stays, so the scripted echo answers reach the adapter."""
    config = config.model_copy(deep=True)
    config.answer_check.checks = ["role_tokens"]
    return config


async def test_restart_with_updates_in_flight_and_pending_answers_each_once(
    app_config: AppConfig, make_assistant: MakeAssistant, emulator: BotAPIEmulator
) -> None:
    backend = FakeBackend(delay_s=0.6, answer="You asked: {question}")
    config = ordering_config(telegram_config(app_config, emulator))
    harness = await llm_harness(config, make_assistant, backend)
    users = [601, 602, 603]
    first = await harness.start()
    for n in range(2):
        for user in users:
            emulator.send_text(user, question(user, n))
    await eventually(lambda: len(backend.questions) >= 3)  # each user's first question in flight
    assert not emulator.sent
    await harness.stop(first)  # stops fetching, finishes all six within the grace period
    assert len(emulator.texts_to(601)) == 2
    for user in users:  # pending: sent while the bot is down
        emulator.send_text(user, question(user, 2))
    await harness.start()
    for user in users:
        await replies(emulator, user, 3)
    await harness.close()
    for user in users:
        answers = emulator.texts_to(user)
        assert len(answers) == 3  # nothing twice, nothing lost
        for n, answer in enumerate(answers):  # and in order
            assert answer.startswith(f"You asked: {question(user, n)}")


async def test_past_the_grace_period_the_message_is_answered_after_the_restart(
    app_config: AppConfig, make_assistant: MakeAssistant, emulator: BotAPIEmulator
) -> None:
    config = ordering_config(telegram_config(app_config, emulator, shutdown_grace_s=0.3))
    backend = FakeBackend(delay_s=30, answer="You asked: {question}")
    harness = await llm_harness(config, make_assistant, backend)
    first = await harness.start()
    emulator.send_text(611, question(611, 0))  # goes to the (slow) LLM
    emulator.send_text(612, "How long does a cold last?")  # a rule answers at once
    await replies(emulator, 612, 1)
    await eventually(lambda: len(backend.questions) == 1)
    await harness.stop(first)
    assert emulator.texts_to(611) == []  # no "please send it again"
    assert not emulator.pending  # both were confirmed: Telegram will not send them again

    backend.delay_s = 0
    await harness.start()  # answers the pending question first
    emulator.send_text(611, question(611, 1))
    answers = await replies(emulator, 611, 2)
    await harness.close()
    assert answers[0].startswith(f"You asked: {question(611, 0)}")
    assert answers[1].startswith(f"You asked: {question(611, 1)}")
    assert len(emulator.texts_to(611)) == 2 and len(emulator.texts_to(612)) == 1


LOAD_QUESTIONS = [
    "what are the symptoms of flu",
    "how long does a cold last",
    "how do i bring my temperature down",
    "what can I take for a migraine",
    "how can I sleep better at night",
]


async def test_load_200_users_5_messages_each_answered_once_in_order(
    app_config: AppConfig,
    make_assistant: MakeAssistant,
    emulator: BotAPIEmulator,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING)
    config = telegram_config(app_config, emulator)
    harness = BotHarness(config, await make_assistant(config=config))
    expected = []
    probe = Chat.of(harness.assistant, config)
    for text in LOAD_QUESTIONS:
        reply = await probe.ask(IncomingMessage("probe", "0", "0", text))
        assert reply.source is Source.RULE
        expected.append(reply.text)
    assert len(set(expected)) == len(LOAD_QUESTIONS)  # each position has its own answer

    users = list(range(700_001, 700_201))
    await harness.start()
    for text in LOAD_QUESTIONS:  # interleaved: every user's n-th message, then the next
        for user in users:
            emulator.send_text(user, text)
    await emulator.wait_until(lambda: len(emulator.sent) >= 1000, within_s=300)
    await harness.close()

    assert len(emulator.sent) == 1000
    for user in users:
        assert emulator.texts_to(user) == expected, user
    problems = [
        r
        for r in caplog.records
        if r.levelno >= logging.WARNING and not r.getMessage().startswith(OFFLINE_HUB)
    ]
    assert problems == [], [f"{r.name}: {r.getMessage()}" for r in problems[:5]]
    assert not emulator.pending  # every offset confirmed
    await asyncio.sleep(0)


async def test_python_m_bot_run_serves_telegram_and_stops_on_sigterm(
    emulator: BotAPIEmulator, tmp_path: Path
) -> None:
    """The real entry point a clinic runs, as a process: answers, then SIGTERM drains."""
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "HEALTHBOT_ADAPTERS__TELEGRAM__BASE_URL": emulator.base_url,
        "HEALTHBOT_ADAPTERS__TELEGRAM__BASE_FILE_URL": emulator.base_file_url,
        "HEALTHBOT_ADAPTERS__TELEGRAM__POLL_TIMEOUT_S": "2",
        "HEALTHBOT_ADAPTERS__TELEGRAM__FLOOD_OVERALL_PER_S": "0",
        "HEALTHBOT_LLM__ENABLED": "false",
        "HEALTHBOT_STORAGE__PATH": str(tmp_path / "healthbot.db"),
        "HEALTHBOT_PRIVACY__HASH_SALT": "e2e-salt",
        "HEALTHBOT_LOGGING__LEVEL": "DEBUG",
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "--config", str(REPO / "config.yaml"), "run",
        cwd=REPO, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
    assert process.stdout is not None
    output = asyncio.create_task(process.stdout.read())
    try:
        await eventually(lambda: bool(emulator.method_calls("getUpdates")), within_s=180)
        users = [801, 802, 803]
        for user in users:
            emulator.send_text(user, "How long does a cold last?")
        await emulator.wait_until(lambda: len(emulator.sent) >= 3, 60)
        for user in users:
            emulator.send_text(user, "What are the symptoms of flu?")
        await emulator.wait_until(lambda: not emulator.pending, 30)  # fetched: now in flight
        process.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(process.wait(), 60) == 0
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    log_text = (await output).decode()
    for user in users:
        answers = emulator.texts_to(user)
        assert len(answers) == 2, log_text[-2000:]
        assert answers[0].startswith("A cold usually") and answers[1].startswith("Flu usually")
    assert "telegram: stopped" in log_text
    assert TOKEN.split(":", 1)[1] not in log_text
    assert "symptoms of flu" not in log_text and "cold last" not in log_text  # no patient text
