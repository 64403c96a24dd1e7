"""PTB's aiohttp transport (adapters.telegram_http) with a real PTB Bot against the Bot API
emulator over loopback HTTP: what arrives, and which failures Sender may send again without
the patient getting a message twice."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest
from telegram import Bot
from telegram.error import NetworkError, TimedOut
from telegram.request import RequestData

from adapters.base import quiet_library_loggers
from adapters.telegram import TELEGRAM_LOG_LEVELS
from adapters.telegram_http import AiohttpRequest, env_proxy
from adapters.telegram_send import Sender, _safe_to_retry
from tests.telegram_emulator import BotAPIEmulator, Fault
from tests.telegram_support import TOKEN

_PROXY_VARS = ("http_proxy", "https_proxy", "all_proxy", "no_proxy")

MakeBot = Callable[..., Awaitable[Bot]]


@pytest.fixture
async def make_bot(emulator: BotAPIEmulator) -> AsyncIterator[MakeBot]:
    bots: list[Bot] = []

    quiet_library_loggers(
        TELEGRAM_LOG_LEVELS
    )  # PTB logs the URL (token) and message texts at DEBUG

    async def make(**request: Any) -> Bot:
        bot = Bot(
            TOKEN,
            base_url=emulator.base_url,
            base_file_url=emulator.base_file_url,
            request=AiohttpRequest(**request),
            get_updates_request=AiohttpRequest(2),
        )
        await bot.initialize()
        bots.append(bot)
        return bot

    yield make
    for bot in bots:
        await bot.shutdown()


@pytest.mark.parametrize(
    "text",
    [
        "a & b = c + d",
        "100% sure? x=1&y=2#top",
        "fièvre 🤒 since Monday\nand a cough",
        "<b>*bold_ish* `code` [link](x)</b>",
    ],
)
async def test_texts_arrive_unchanged(
    make_bot: MakeBot, emulator: BotAPIEmulator, text: str
) -> None:
    bot = await make_bot()
    message = await bot.send_message(41, text)
    assert message.text == text
    assert emulator.texts_to(41) == [text]


async def test_an_upload_arrives_as_multipart(make_bot: MakeBot, emulator: BotAPIEmulator) -> None:
    bot = await make_bot()
    data = bytes(range(256)) * 40
    await bot.send_document(42, data, filename="report.csv", caption="weekly & daily")
    sent = emulator.sent[-1]
    assert (sent.method, sent.chat_id, sent.data, sent.filename, sent.text) == (
        "sendDocument", 42, data, "report.csv", "weekly & daily"
    )  # fmt: skip


async def test_a_read_timeout_is_not_sent_again(
    make_bot: MakeBot, emulator: BotAPIEmulator
) -> None:
    # Telegram took the message but answered late: a second copy would be a duplicate.
    bot = await make_bot(read_timeout=0.3)
    emulator.inject("sendMessage", Fault("slow", delay_s=2.0))
    with pytest.raises(TimedOut) as caught:
        await bot.send_message(43, "first")
    assert not _safe_to_retry(caught.value)

    emulator.inject("sendMessage", Fault("slow", delay_s=2.0))
    assert await Sender(bot).text(43, "second") is False
    assert emulator.texts_to(43) == ["first", "second"]  # each exactly once


async def test_a_pool_timeout_was_never_sent_and_is_retried(
    make_bot: MakeBot, emulator: BotAPIEmulator
) -> None:
    bot = await make_bot(connection_pool_size=1, pool_timeout=0.2)
    emulator.inject("sendMessage", Fault("slow", delay_s=1.5))
    busy = asyncio.create_task(bot.send_message(44, "holds the only connection"))
    await emulator.wait_until(lambda: bool(emulator.texts_to(44)))
    with pytest.raises(TimedOut) as caught:
        await bot.send_message(45, "no connection for me")
    assert _safe_to_retry(caught.value)
    assert emulator.texts_to(45) == []  # it never left

    assert await Sender(bot).text(45, "retried until a connection is free") is True
    await busy
    assert emulator.texts_to(45) == ["retried until a connection is free"]
    assert emulator.texts_to(44) == ["holds the only connection"]


async def test_a_refused_connection_is_a_network_error_without_the_token() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    request = AiohttpRequest(connect_timeout=2.0)
    await request.initialize()
    try:
        with pytest.raises(NetworkError) as caught:
            await request.post(f"http://127.0.0.1:{port}/bot{TOKEN}/getMe", RequestData())
    finally:
        await request.shutdown()
    assert not isinstance(caught.value, TimedOut)
    assert TOKEN not in str(caught.value) and str(port) not in str(caught.value)
    with pytest.raises(RuntimeError):  # shut down: no silent reconnect
        await request.do_request("http://127.0.0.1/", "POST")


@pytest.mark.parametrize(
    ("env", "url", "expected"),
    [
        ({}, "https://api.telegram.org/bot", None),
        ({"HTTPS_PROXY": "http://proxy:3128"}, "https://api.telegram.org/bot", "http://proxy:3128"),
        ({"HTTPS_PROXY": "http://proxy:3128", "NO_PROXY": "api.telegram.org"},
         "https://api.telegram.org/bot", None),
        ({"HTTP_PROXY": "http://proxy:3128"}, "https://api.telegram.org/bot", None),
        ({"ALL_PROXY": "http://proxy:1080"}, "http://127.0.0.1:8081/bot", "http://proxy:1080"),
        ({"http_proxy": "http://proxy:3128", "no_proxy": "localhost,127.0.0.1"},
         "http://127.0.0.1:8081/bot", None),
    ],
)  # fmt: skip
def test_env_proxy(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], url: str, expected: str | None
) -> None:
    for name in _PROXY_VARS:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert env_proxy(url) == expected
