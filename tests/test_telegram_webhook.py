"""The webhook endpoint (adapters.telegram_webhook) in the real adapter, over real HTTP: the
secret before the body, the body cap, and an update PTB cannot read leaving no patient words
in any log line, PTB's own loggers included (bot.logging_setup)."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import socket
from collections.abc import AsyncIterator, Iterator
from typing import Any

import aiohttp
import pytest
from pydantic import SecretStr
from telegram import Bot
from telegram.ext._utils.webhookhandler import WebhookAppClass, WebhookServer

from adapters.telegram import TelegramAdapter
from bot.config import AppConfig
from bot.logging_setup import configure_logging
from tests.conftest import MakeAssistant
from tests.telegram_emulator import BotAPIEmulator
from tests.telegram_support import TOKEN, BotHarness, replies, telegram_config

SECRET = "webhook-secret-9"
CAP = 64 * 1024
PATIENT_WORDS = "Quarterman has crushing chest pain since the funeral"
COLD = "How long does a cold last?"


@pytest.fixture(autouse=True)
def bot_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def log_output() -> Iterator[io.StringIO]:
    """Everything the process logs, at DEBUG, through the bot's own handler."""
    stream = io.StringIO()
    configure_logging("DEBUG", "text", stream)
    yield stream


@pytest.fixture
async def webhook(
    app_config: AppConfig, emulator: BotAPIEmulator, make_assistant: MakeAssistant
) -> AsyncIterator[tuple[TelegramAdapter, str]]:
    config = telegram_config(app_config, emulator)
    port = _free_port()
    hook = config.adapters.telegram.webhook
    config.adapters.telegram.mode = "webhook"
    hook.url = f"http://127.0.0.1:{port}/telegram"
    hook.port = port
    hook.secret_token = SecretStr(SECRET)
    hook.max_body_bytes = CAP
    harness = BotHarness(config, await make_assistant(config=config))
    adapter = await harness.start()
    assert emulator.webhook_secret == SECRET
    yield adapter, hook.url
    await harness.close()


async def _raw_post(url: str, headers: dict[str, str]) -> int:
    """Send the request line and headers only, then read the status line."""
    parts = url.removeprefix("http://").split("/", 1)
    host, port = parts[0].split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    lines = [
        f"POST /{parts[1]} HTTP/1.1",
        f"Host: {host}",
        *(f"{k}: {v}" for k, v in headers.items()),
    ]
    writer.write(("\r\n".join(lines) + "\r\n\r\n").encode())
    await writer.drain()
    async with asyncio.timeout(5):
        status_line = await reader.readline()
    writer.close()
    return int(status_line.split()[1])


#: (secret header, declared Content-Length, expected status); not one byte of body is sent
REFUSALS = [
    (None, 90_000_000, 403),  # no secret: refused before 90 MB that never come
    ("guess", 90_000_000, 403),
    ("guess", 200, 403),
    (SECRET, 90_000_000, 413),  # the right secret, a declared body over the cap
    (SECRET, CAP + 1, 413),
]


async def test_refused_without_reading_the_body(
    webhook: tuple[TelegramAdapter, str], emulator: BotAPIEmulator
) -> None:
    adapter, url = webhook
    for secret, length, status in REFUSALS:
        headers = {"Content-Type": "application/json", "Content-Length": str(length)}
        if secret is not None:
            headers["X-Telegram-Bot-Api-Secret-Token"] = secret
        # An answer at all means the body (never sent) was not waited for.
        assert await _raw_post(url, headers) == status, (secret, length)

    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(64):  # 4 MB in 64 KB chunks, no Content-Length (chunked)
            yield b" " * CAP

    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET, "Content-Type": "application/json"}
    async with aiohttp.ClientSession() as session:
        try:
            async with session.post(url, data=chunks(), headers=headers) as response:
                status = response.status
        except aiohttp.ClientError:  # the server may close while the client still writes
            status = 413
    assert status == 413
    emulator.send_text(517, COLD)  # the endpoint still serves Telegram
    assert len(await replies(emulator, 517, 1)) == 1
    assert adapter.is_connected()


def _unreadable_update(update_id: int) -> dict[str, Any]:
    """A message without its date and chat: PTB's Update.de_json raises KeyError."""
    return {"update_id": update_id, "message": {"message_id": 3, "text": PATIENT_WORDS}}


async def test_an_unreadable_update_leaves_no_patient_words_in_the_logs(
    log_output: io.StringIO, webhook: tuple[TelegramAdapter, str], emulator: BotAPIEmulator
) -> None:
    _, url = webhook
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    async with (
        aiohttp.ClientSession() as session,
        session.post(url, json=_unreadable_update(8080), headers=headers) as response,
    ):
        assert response.status == 200  # dropped: the same bytes would never parse
    emulator.send_text(517, COLD)
    assert len(await replies(emulator, 517, 1)) == 1
    logged = log_output.getvalue()
    assert "update 8080 could not be read (KeyError); dropped" in logged
    for word in ("Quarterman", "crushing", "funeral"):
        assert word not in logged


async def test_ptbs_own_webhook_server_logs_no_patient_words(log_output: io.StringIO) -> None:
    """PTB's tornado endpoint (which the adapter no longer uses) logs the whole unreadable
    update at CRITICAL; the bot's log handler must strip it whoever runs that code."""
    logging.getLogger("telegram").setLevel(logging.DEBUG)
    bot = Bot(TOKEN)
    port = _free_port()
    app = WebhookAppClass("/hook", bot, asyncio.Queue(), SECRET)
    server = WebhookServer("127.0.0.1", port, app, None)
    await server.serve_forever()
    try:
        headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
        async with aiohttp.ClientSession() as session:
            url = f"http://127.0.0.1:{port}/hook"
            async with session.post(url, json=_unreadable_update(9), headers=headers) as response:
                assert response.status == 400
    finally:
        await server.shutdown()
    logged = log_output.getvalue()
    assert "CRITICAL telegram.ext.Updater" in logged  # the line is there, its data is not
    for word in ("Quarterman", "crushing", "funeral"):
        assert word not in logged


@pytest.mark.parametrize(
    ("logger", "template", "args", "kept"),
    [
        (
            "telegram.ext.Updater",
            "Received data was *not* processed! Received data was: %r",
            ({"text": PATIENT_WORDS},),
            "Received data was: <redacted>",
        ),
        ("nio.rooms", "Message %s in room %s", (PATIENT_WORDS, "!r:x"), "Message <redacted>"),
        (
            "asyncio",
            "Task exception was never retrieved\nfuture: <Task exception=ValueError('"
            + PATIENT_WORDS
            + "')>",
            (),
            "Task exception was never retrieved",
        ),
        (
            "aiohttp.server",
            "Error handling request %(body)s",
            ({"body": PATIENT_WORDS},),
            "<redacted>",
        ),
        ("py.warnings", "%d%% done: %s", (50, PATIENT_WORDS), "<redacted>% done: <redacted>"),
    ],
)
def test_library_log_lines_lose_their_values(
    log_output: io.StringIO, logger: str, template: str, args: Any, kept: str
) -> None:
    if isinstance(args, tuple) and len(args) == 1 and isinstance(args[0], dict):
        logging.getLogger(logger).critical(template, args[0])
    else:
        logging.getLogger(logger).critical(template, *args)
    logged = log_output.getvalue()
    assert kept in logged
    assert "Quarterman" not in logged


def test_own_log_lines_keep_their_values(log_output: io.StringIO) -> None:
    logging.getLogger("assistant.pipeline").warning("stage %s took %d ms", "rules", 12)
    assert "stage rules took 12 ms" in log_output.getvalue()


def test_json_lines_are_redacted_too() -> None:
    stream = io.StringIO()
    configure_logging("DEBUG", "json", stream)
    logging.getLogger("telegram.ext.Updater").critical("data: %r", {"text": PATIENT_WORDS})
    line = json.loads(stream.getvalue())
    assert line["message"] == "data: <redacted>"
