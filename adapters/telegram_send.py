"""Sending to Telegram: plain-text parts, photos, a typing indicator, bounded retries.

Replies go out as plain text (no ``parse_mode``), so ``*``, ``_``, ``<`` or backticks in a
patient's words or a model's answer can never make Telegram reject the message. Requests
already pass PTB's ``AIORateLimiter`` (which waits out 429s); this layer adds retries for
failures where the message surely did not arrive (connection refused, 5xx) and gives up on
the rest, so a flaky network delays a reply but never doubles it.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dtm
import logging
import warnings
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import TypeVar

from telegram import Bot, ReplyParameters
from telegram.constants import ChatAction
from telegram.error import NetworkError, RetryAfter, TelegramError, TimedOut

from adapters.telegram_http import RequestNotSent
from adapters.text_split import TELEGRAM_LIMIT, split_text, utf16_len
from assistant.messages import Attachment, Delivery

log = logging.getLogger(__name__)

T = TypeVar("T")

SEND_ATTEMPTS = 6
FIRST_RETRY_DELAY_S = 0.5
MAX_RETRY_DELAY_S = 10.0
#: answers faster than this need no "typing..." (saves a request per message)
TYPING_DELAY_S = 0.4
#: Telegram shows the action for about 5 s; refresh it before it fades
TYPING_INTERVAL_S = 4.5
PHOTO_LIMIT_BYTES = 10 * 1024 * 1024


def _retry_after_s(exc: RetryAfter) -> float:
    with warnings.catch_warnings():  # PTB warns about the int -> timedelta migration
        warnings.simplefilter("ignore")
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, dtm.timedelta) else float(value)


def _safe_to_retry(exc: TimedOut) -> bool:
    # A connect or pool timeout means the request never left (see telegram_http); a read
    # timeout may mean Telegram has the message already, and a second copy is worse than a
    # late error.
    return isinstance(exc.__cause__, RequestNotSent)


class Sender:
    """Wraps a PTB bot; every method logs failures by type and never raises TelegramError."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def call(self, what: str, request: Callable[[], Awaitable[T]]) -> T | None:
        return (await self._call(what, request))[0]

    async def _call(self, what: str, request: Callable[[], Awaitable[T]]) -> tuple[T | None, bool]:
        """(the answer or None, whether Telegram refused the request for good)."""
        delay = FIRST_RETRY_DELAY_S
        for attempt in range(1, SEND_ATTEMPTS + 1):
            try:
                return await request(), False
            except RetryAfter as exc:
                wait = _retry_after_s(exc) + 0.1
            except TimedOut as exc:
                if not _safe_to_retry(exc):
                    log.warning("telegram %s timed out; not retried", what)
                    break
                wait = delay
            except NetworkError as exc:  # refused, reset, 5xx: the message did not arrive
                log.info("telegram %s failed (%s), attempt %d", what, type(exc).__name__, attempt)
                wait = delay
            except TelegramError as exc:  # Forbidden (blocked by the user), BadRequest, ...
                log.warning("telegram %s refused: %s", what, type(exc).__name__)
                return None, True
            if attempt < SEND_ATTEMPTS:
                await asyncio.sleep(wait)
                delay = min(delay * 2, MAX_RETRY_DELAY_S)
        log.error("telegram %s gave up", what)
        return None, False

    async def text(self, chat_id: int, text: str, reply_to: int | None = None) -> bool:
        """Send ``text`` in as many parts as Telegram's limit needs; True if all arrived."""
        parts = split_text(text, TELEGRAM_LIMIT, measure=utf16_len)
        ok = True
        for index, part in enumerate(parts):
            reply = (
                ReplyParameters(reply_to, allow_sending_without_reply=True)
                if reply_to is not None and index == 0
                else None
            )

            async def send(part: str = part, reply: ReplyParameters | None = reply) -> object:
                return await self.bot.send_message(chat_id, part, reply_parameters=reply)

            ok = await self.call("sendMessage", send) is not None and ok
        return ok

    async def deliver(self, chat_id: int, text: str) -> Delivery:
        """A message nobody asked for just now (the handoff's relay): REFUSED when Telegram
        will never take it (the user blocked the bot, the chat is gone), FAILED when the
        network or Telegram failed (try again later)."""
        for part in split_text(text, TELEGRAM_LIMIT, measure=utf16_len):

            async def send(part: str = part) -> object:
                return await self.bot.send_message(chat_id, part)

            answer, refused = await self._call("sendMessage", send)
            if refused:
                return Delivery.REFUSED
            if answer is None:
                return Delivery.FAILED
        return Delivery.DELIVERED

    async def attachment(self, chat_id: int, attachment: Attachment) -> bool:
        """A PNG/JPEG goes as a photo (shown inline), anything else as a document."""
        if attachment.mime_type in {"image/png", "image/jpeg"} and (
            len(attachment.data) <= PHOTO_LIMIT_BYTES
        ):

            async def photo() -> object:
                return await self.bot.send_photo(
                    chat_id, attachment.data, filename=attachment.filename
                )

            return await self.call("sendPhoto", photo) is not None

        async def document() -> object:
            return await self.bot.send_document(
                chat_id, attachment.data, filename=attachment.filename
            )

        return await self.call("sendDocument", document) is not None

    async def _keep_typing(self, chat_id: int) -> None:
        while True:
            try:
                await self.bot.send_chat_action(chat_id, ChatAction.TYPING)
            except TelegramError as exc:  # cosmetic: never retried, never fatal
                log.debug("sendChatAction failed: %s", type(exc).__name__)
            await asyncio.sleep(TYPING_INTERVAL_S)

    @contextlib.asynccontextmanager
    async def typing(self, chat_id: int) -> AsyncIterator[None]:
        """Show "typing..." while the body runs (after a short delay), then stop it."""
        # A timer rather than a task that sleeps first: most answers come before the delay,
        # and a cancelled timer costs nothing, where a task costs loop turns to start and end.
        started: list[asyncio.Task[None]] = []

        def start() -> None:
            started.append(asyncio.create_task(self._keep_typing(chat_id), name="telegram-typing"))

        timer = asyncio.get_running_loop().call_later(TYPING_DELAY_S, start)
        try:
            yield
        finally:
            timer.cancel()
            for task in started:
                task.cancel()
            if started:
                # wait() neither raises the task's CancelledError nor swallows our own
                await asyncio.wait(started)
