"""Telegram adapter on python-telegram-bot v22: patients talk to the assistant here.

Flow: PTB's updater long-polls ``getUpdates`` (or serves a webhook) and hands each update to
one handler, which runs in arrival order and only submits the message to the core's
dispatcher (:class:`assistant.conversation.Dispatcher`): users are answered concurrently, each
user's messages in order, and an emergency at once. The handler never waits for the
assistant, so one slow answer holds up nobody.

At least once in, exactly once out (:mod:`assistant.intake`): each batch ``getUpdates``
returns is recorded, sealed, in the intake table before the call returns, so before PTB's
next ``getUpdates`` confirms its offset to Telegram; each update is marked answered once its
reply is sent. A start answers what is still pending first, in arrival order, and updates
Telegram delivers again are dropped as already taken. A stop stops fetching, then answers
what it has within ``shutdown_grace_s``; what is left is answered on the next start, so no
one is asked to send a message again. (In webhook mode PTB acknowledges an update before the
handler runs, so the record is made there: a crash in between can lose that one update.)
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager, AsyncExitStack
from dataclasses import dataclass
from typing import Any

from telegram import BotCommand, BotCommandScopeChat, Update
from telegram.error import InvalidToken, TelegramError
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder, ExtBot, TypeHandler

from adapters.base import Adapter, AdapterContext, quiet_library_loggers
from adapters.telegram_http import AiohttpRequest, env_proxy
from adapters.telegram_send import Sender
from adapters.telegram_settings import TOKEN_ENV, TelegramSettings
from adapters.telegram_updates import Classified, Kind, classify
from adapters.telegram_webhook import WebhookServer
from assistant.errors import AdapterError
from assistant.intake import Intake
from assistant.messages import Command, Delivery, IncomingMessage, Response

log = logging.getLogger(__name__)

#: PTB logs request parameters (message text) and its base URL (the token) at DEBUG
TELEGRAM_LOG_LEVELS = {
    "httpx": logging.WARNING,
    "httpcore": logging.WARNING,
    "telegram": logging.INFO,
}


class _PollingBot(ExtBot[int]):
    """An ExtBot that knows whether its last ``getUpdates`` worked (for /healthz)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._polling_ok = True  # underscore: PTB freezes a Bot's public attributes
        self._on_fetched: Callable[[tuple[Update, ...]], Awaitable[None]] | None = None

    def record_fetched_with(self, hook: Callable[[tuple[Update, ...]], Awaitable[None]]) -> None:
        """Run ``hook`` on every fetched batch before ``get_updates`` returns it, and so
        before PTB's next call can confirm the batch to Telegram."""
        self._on_fetched = hook

    @property
    def polling_ok(self) -> bool:
        """False after a failed getUpdates, until the next one succeeds."""
        return self._polling_ok

    async def get_updates(self, *args: Any, **kwargs: Any) -> tuple[Update, ...]:
        try:
            updates = await super().get_updates(*args, **kwargs)
        except TelegramError:
            self._polling_ok = False
            raise
        self._polling_ok = True
        if updates and self._on_fetched is not None:
            await self._on_fetched(updates)
        return updates


@dataclass(frozen=True, slots=True)
class ChatOrigin:
    """Where a reply goes: the chat, and the message to quote (in groups)."""

    chat_id: int
    reply_to: int | None = None


class TelegramAdapter(Adapter[ChatOrigin]):
    name = "telegram"

    def __init__(self, context: AdapterContext) -> None:
        assert isinstance(context.settings, TelegramSettings)
        super().__init__(context, max_concurrent=context.settings.max_concurrent_updates)
        self.settings = context.settings
        self.intake = context.intake or Intake(None, os.urandom(32))
        #: ids recorded as new by the intake and not yet taken by the handler
        self._fresh: set[str] = set()
        self._stack = AsyncExitStack()
        self._app: Application[Any, Any, Any, Any, Any, Any] | None = None
        self._bot: _PollingBot | None = None
        self._sender: Sender | None = None
        self._username = ""
        self._bot_id = 0
        self._running = False
        self._webhook: WebhookServer[Update] | None = None

    # -- lifecycle ------------------------------------------------------------------------

    def _build(self, token: str) -> Application[Any, Any, Any, Any, Any, Any]:
        s = self.settings
        # 32 connections cover Telegram's 30 messages/s; waiting for a free connection is
        # fine (and a pool timeout is retried, see Sender).
        pool = min(32, s.max_concurrent_updates + 4)
        proxy = env_proxy(s.base_url)
        bot = _PollingBot(
            token,
            base_url=s.base_url,
            base_file_url=s.base_file_url,
            # aiohttp rather than PTB's default httpx: a fraction of the CPU per request
            request=AiohttpRequest(pool, read_timeout=10.0, pool_timeout=10.0, proxy=proxy),
            # getUpdates adds the long-poll timeout to this read timeout itself
            get_updates_request=AiohttpRequest(2, read_timeout=5.0, proxy=proxy),
            rate_limiter=AIORateLimiter(
                overall_max_rate=s.flood_overall_per_s,
                group_max_rate=s.flood_group_per_min,
                max_retries=s.flood_max_retries,
            ),
        )
        bot.record_fetched_with(self._on_fetched)
        self._bot = bot
        self._sender = Sender(bot)
        # Updates are dispatched one at a time (cheap: the handler only queues them); the
        # dispatcher gives the concurrency, so PTB's concurrent_updates stays off.
        app = ApplicationBuilder().bot(bot).concurrent_updates(False).build()
        app.add_handler(TypeHandler(Update, self._on_update))
        app.add_error_handler(self._on_error)
        return app

    async def start(self) -> None:
        token = os.environ.get(TOKEN_ENV, "").strip()
        if not token:
            raise AdapterError(f"{TOKEN_ENV} is not set")
        quiet_library_loggers(TELEGRAM_LOG_LEVELS)
        s = self.settings
        webhook_secret = s.webhook.secret_token.get_secret_value()
        if s.mode == "webhook" and (not s.webhook.url or not webhook_secret):
            raise AdapterError(
                "webhook mode needs adapters.telegram.webhook.url and the secret "
                "HEALTHBOT_ADAPTERS__TELEGRAM__WEBHOOK__SECRET_TOKEN"
            )
        app = self._build(token)
        try:
            await self._stack.enter_async_context(app)  # initialize(): getMe
            self._username = app.bot.username
            self._bot_id = app.bot.id
            await self._register_commands()
            await app.start()
            self._app = app
            self._running = True
            await self._replay_pending(app.bot)
            updater = app.updater
            assert updater is not None  # the builder always makes one
            if s.mode == "webhook":
                await self._start_webhook(app, webhook_secret)
            else:
                await updater.start_polling(
                    timeout=s.poll_timeout_s,
                    # without a long poll, pause between requests instead of spinning
                    poll_interval=0.0 if s.poll_timeout_s else 1.0,
                    bootstrap_retries=3,
                    error_callback=self._on_poll_error,
                )
        except InvalidToken as exc:
            await self._abort()
            raise AdapterError(
                "Telegram rejected the bot token (check TELEGRAM_BOT_TOKEN)"
            ) from exc
        except (TelegramError, OSError) as exc:
            await self._abort()
            raise AdapterError(f"cannot start the Telegram bot: {type(exc).__name__}") from exc
        log.info("telegram: running as @%s (%s)", self._username, s.mode)

    async def _start_webhook(
        self, app: Application[Any, Any, Any, Any, Any, Any], secret: str
    ) -> None:
        """Our endpoint (secret checked before the body is read, body capped), not PTB's."""
        hook = self.settings.webhook
        self._webhook = WebhookServer(
            listen=hook.listen,
            port=hook.port,
            url_path=hook.url_path,
            secret=secret,
            max_body_bytes=hook.max_body_bytes,
            parse=lambda data: Update.de_json(data, app.bot),
            deliver=app.update_queue.put,
        )
        await self._webhook.start()
        await app.bot.set_webhook(url=hook.url, secret_token=secret)

    async def _abort(self) -> None:
        self._running = False
        if self._webhook is not None:
            await self._webhook.stop()
        app = self._app
        if app is not None and app.running:
            await app.stop()
        await self._stack.aclose()
        self._app = None

    async def stop(self) -> None:
        app = self._app
        if app is None:
            return
        self._running = False
        grace = self.settings.shutdown_grace_s
        # 1. Stop fetching (PTB confirms the fetched offsets: all of those get answered next).
        if self._webhook is not None:
            await self._webhook.stop()
        if app.updater is not None and app.updater.running:
            try:
                await asyncio.wait_for(app.updater.stop(), timeout=max(grace, 1.0))
            except TimeoutError:  # e.g. sleeping in a long network back-off
                log.warning("telegram: the updater did not stop in time")
        # 2. Updates still in PTB's queue go to the dispatcher; answer them within the grace.
        await app.stop()
        if not await self.dispatcher.drain(grace):
            cut = await self.dispatcher.cancel()
            log.warning(
                "telegram: %d chat(s) not finished after %.1f s; their messages are answered "
                "first on the next start",
                cut,
                grace,
            )
        await self._stack.aclose()
        self._app = None
        log.info("telegram: stopped")

    async def _register_commands(self) -> None:
        """The command menu: everyone sees the patient commands, admins also /stats."""
        assert self._bot is not None
        commands = self.service.commands
        public = [BotCommand(n, d) for n, d in commands.menu(admin=False)]
        everything = [BotCommand(n, d) for n, d in commands.menu(admin=True)]
        try:
            await self._bot.set_my_commands(public)
            for admin in self.service.admin_ids(self.name):
                if admin.lstrip("-").isdigit():
                    await self._bot.set_my_commands(
                        everything, scope=BotCommandScopeChat(int(admin))
                    )
        except TelegramError as exc:  # the menu is a convenience; the commands work anyway
            log.warning("telegram: setMyCommands failed: %s", type(exc).__name__)

    def is_connected(self) -> bool:
        app = self._app
        if not self._running or app is None:
            return False
        if self.settings.mode == "webhook":
            return self._webhook is not None and self._webhook.running
        updater = app.updater
        polling = updater is not None and updater.running
        return polling and self._bot is not None and self._bot.polling_ok

    def _on_poll_error(self, exc: TelegramError) -> None:
        # PTB retries with a growing pause (up to 30 s); the type is all operators need.
        log.warning("telegram: polling failed (%s); retrying", type(exc).__name__)

    async def _on_error(self, update: object, context: Any) -> None:
        log.error("telegram: handler error %s", type(context.error).__name__)

    # -- updates --------------------------------------------------------------------------

    async def _on_fetched(self, updates: tuple[Update, ...]) -> None:
        batch = [(str(u.update_id), json.dumps(u.to_dict()).encode()) for u in updates]
        self._fresh.update(await self.intake.receive(self.name, batch))

    async def _replay_pending(self, bot: Any) -> None:
        """Answer, first and in arrival order, what the last run left unanswered."""
        for event in await self.intake.pending(self.name):
            update = Update.de_json(json.loads(event.payload), bot)
            if update is not None:
                await self._accept(update)

    async def _on_update(self, update: Update, context: Any) -> None:
        """Runs for every update, one at a time in arrival order: submit it to the core."""
        if self.settings.mode == "webhook":
            await self._on_fetched((update,))
        key = str(update.update_id)
        if key not in self._fresh:
            log.debug("telegram: update %s was taken before; not answered again", key)
            return
        self._fresh.discard(key)
        await self._accept(update)

    async def _accept(self, update: Update) -> None:
        key = str(update.update_id)
        item = classify(
            update,
            username=self._username,
            bot_id=self._bot_id,
            group_mode=self.settings.group_mode,
        )
        message = item.message
        if item.kind is Kind.IGNORED or message is None or message.from_user is None:
            log.debug("telegram: ignored update (%s)", item.label)
            await self.intake.done(self.name, key)
            return
        incoming = self._translate(item)
        # In groups the answer quotes the question, so it is clear whom it answers.
        origin = ChatOrigin(message.chat.id, None if item.is_private else message.message_id)

        async def deliver(response: Response) -> None:
            # Not reached when cut off at shutdown: the update stays pending in the intake.
            try:
                await self.respond(origin, response)
            except asyncio.CancelledError:
                raise  # cut off at shutdown: stays pending, answered on the next start
            except Exception as exc:
                log.error("telegram: sending failed: %s", type(exc).__name__)
            await self.intake.done(self.name, key)

        self.submit(incoming, origin, deliver)

    @staticmethod
    def _translate(item: Classified) -> IncomingMessage:
        message = item.message
        assert message is not None and message.from_user is not None
        return IncomingMessage(
            platform="telegram",
            chat_id=str(message.chat.id),
            user_id=str(message.from_user.id),
            text=item.text,
            message_id=str(message.message_id),
            is_private=item.is_private,
            command=Command(item.command, item.args) if item.kind is Kind.COMMAND else None,
            media=item.label if item.kind is Kind.NON_TEXT else None,
        )

    def typing(self, origin: ChatOrigin) -> AbstractAsyncContextManager[None]:
        assert self._sender is not None
        return self._sender.typing(origin.chat_id)

    async def send(self, origin: ChatOrigin, response: Response) -> bool:
        sender = self._sender
        assert sender is not None
        sent = await sender.text(origin.chat_id, response.reply.text, origin.reply_to)
        for attachment in response.attachments:
            sent = await sender.attachment(origin.chat_id, attachment) and sent
        return sent

    async def _deliver(self, chat_id: str, response: Response, key: str | None) -> Delivery:
        sender = self._sender
        if sender is None or not self._running:
            return Delivery.FAILED
        if not chat_id.lstrip("-").isdigit():
            return Delivery.REFUSED  # not a Telegram chat id
        return await sender.deliver(int(chat_id), response.reply.text)
