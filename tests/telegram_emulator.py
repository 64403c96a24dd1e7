"""A local Telegram Bot API server for tests and the benchmark (aiohttp on 127.0.0.1).

Telegram cannot be reached from CI, so the real python-telegram-bot Application talks to
this emulator over real HTTP with the Bot API's own encoding: form-encoded or multipart
bodies (numbers and objects as JSON text, strings raw), ``{"ok": ..., "result": ...}``
answers, error codes PTB maps to its exceptions. It keeps the server side of the protocol:

- ``getUpdates`` long-polls up to ``timeout`` and confirms every update below ``offset``;
  updates not confirmed are delivered again (also to a restarted bot). A second poller
  ends the first with 409, as Telegram does. ``allowed_updates`` is remembered, and by
  default reactions are not delivered.
- ``setWebhook`` switches to pushing updates to the bot's URL with the
  ``X-Telegram-Bot-Api-Secret-Token`` header; an update counts as delivered on a 200.
- ``sendMessage`` rejects empty and over-long texts and, like Telegram, texts whose
  Markdown/HTML does not parse; ``sendPhoto``/``sendDocument`` take multipart uploads.
- A user who blocked the bot (``blocked``): sends to them get 403 Forbidden.
- Faults on cue: 429 with ``retry_after``, 502, dropped connections, slow answers (the
  request is carried out, the answer comes late), and the whole server going away and
  coming back on the same port.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import re
import time
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from aiohttp import ClientError, ClientSession, ClientTimeout, web

DEFAULT_ALLOWED = frozenset(
    {"message", "edited_message", "channel_post", "edited_channel_post", "callback_query"}
)
_KNOWN_ACTIONS = frozenset(
    {"typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
     "upload_document", "choose_sticker", "find_location", "record_video_note",
     "upload_video_note"}
)  # fmt: skip
_COMMAND_NAME = re.compile(r"^[a-z0-9_]{1,32}$")
_HTML_TAGS = frozenset({"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code",
                        "pre", "span", "tg-spoiler", "blockquote", "tg-emoji"})  # fmt: skip


#: when the request being handled arrived (set per request task, before its body is read)
_ARRIVED: ContextVar[float] = ContextVar("arrived")


def _arrival() -> float:
    return _ARRIVED.get(time.perf_counter())


@dataclass(frozen=True)
class Fault:
    """What the next call of a method gets instead of an answer."""

    kind: str  # "429", "502", "drop" or "slow" (handled, but answered after delay_s)
    retry_after: int = 1
    delay_s: float = 0.0


@dataclass
class Sent:
    method: str
    chat_id: int
    text: str
    message_id: int
    reply_to: int | None = None
    data: bytes = b""
    filename: str = ""
    #: when the request arrived (headers read, body not yet parsed), on this server's clock
    at: float = field(default_factory=_arrival)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class _ApiError(Exception):
    def __init__(self, code: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after


def markup_error(text: str, parse_mode: str | None) -> str | None:
    """Telegram's answer to text that does not parse in ``parse_mode`` (None: it parses)."""
    if not parse_mode:
        return None
    mode = parse_mode.lower()
    if mode == "html":
        return _html_error(text)
    if mode == "markdownv2":
        unescaped = re.sub(r"\\.", "", text)
        for char in "_*[]()~`>#+-=|{}.!":
            if char in unescaped and unescaped.count(char) % 2 and char not in "*_`~|":
                return f"Bad Request: can't parse entities: character '{char}' is reserved"
        text = unescaped
    for char in "*_`":
        if text.count(char) % 2:
            return "Bad Request: can't parse entities: can't find end of the entity"
    return None


def _html_error(text: str) -> str | None:
    open_tags: list[str] = []
    for match in re.finditer(r"<(/?)([^\s>/]*)[^>]*(>?)", text):
        closing, name, ended = match.group(1), match.group(2).lower(), match.group(3)
        if not ended or name not in _HTML_TAGS:
            return f'Bad Request: can\'t parse entities: unsupported start tag "{name}"'
        if not closing:
            open_tags.append(name)
        elif not open_tags or open_tags.pop() != name:
            return f'Bad Request: can\'t parse entities: unmatched end tag "{name}"'
    if open_tags:
        return "Bad Request: can't parse entities: can't find end tag"
    return None


class BotAPIEmulator:
    def __init__(self, token: str, *, username: str = "healthbot_test_bot") -> None:
        self.token = token
        self.bot_id = int(token.split(":", 1)[0])
        self.username = username
        self.port = 0
        self.pending: list[dict[str, Any]] = []
        self.injected_at: dict[int, float] = {}
        self.sent: list[Sent] = []
        self.actions: list[tuple[int, str]] = []
        self.commands: dict[str, list[dict[str, str]]] = {}
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.faults: dict[str, list[Fault]] = {}
        self.webhook_url = ""
        self.webhook_secret = ""
        self.webhook_statuses: list[int] = []
        self.allowed_updates: frozenset[str] = DEFAULT_ALLOWED
        #: chats whose user has blocked the bot: sends there get Telegram's 403
        self.blocked: set[int] = set()
        self._ids = itertools.count(1)
        self._message_ids = itertools.count(10_000)
        self._chats: dict[int, dict[str, Any]] = {}
        #: chat id -> what the bot sent there, in order (for the benchmark's driver)
        self._sent_to: dict[int, list[Sent]] = {}
        #: futures of wait_until() calls; _notify() wakes them all at once
        self._waiters: set[asyncio.Future[None]] = set()
        self._poller: asyncio.Future[None] | None = None
        self._runner: web.AppRunner | None = None
        self._pusher: asyncio.Task[None] | None = None

    # -- server ---------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/file/bot"

    async def start(self) -> None:
        app = web.Application(client_max_size=20 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._dispatch)
        # Control plane for a driver in another process (bench/telegram.py).
        app.router.add_post("/_emulator/ask", self._control_ask)
        # handler_cancellation: a held long poll ends when the client goes (fast shutdown);
        # no access log: request lines carry the token.
        runner = web.AppRunner(
            app, handler_cancellation=True, access_log=None, shutdown_timeout=0.1
        )
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", self.port)
        await site.start()
        if not self.port:
            self.port = int(runner.addresses[0][1])
        self._runner = runner

    async def go_away(self) -> None:
        """Close the port and every connection, as if Telegram were unreachable."""
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def come_back(self) -> None:
        await self.start()

    async def close(self) -> None:
        if self._pusher is not None:
            self._pusher.cancel()
            await asyncio.wait([self._pusher])
            self._pusher = None
        await self.go_away()

    def inject(self, method: str, *faults: Fault) -> None:
        self.faults.setdefault(method, []).extend(faults)

    # -- updates in -----------------------------------------------------------------------

    def chat(self, chat_id: int, chat_type: str = "private", title: str = "") -> dict[str, Any]:
        chat: dict[str, Any] = {"id": chat_id, "type": chat_type}
        if chat_type == "private":
            chat["first_name"] = f"User{chat_id}"
        else:
            chat["title"] = title or f"Group {chat_id}"
        self._chats[chat_id] = chat
        return chat

    def user(self, user_id: int) -> dict[str, Any]:
        return {"id": user_id, "is_bot": False, "first_name": f"User{user_id}"}

    def message(
        self,
        user_id: int,
        text: str | None = None,
        *,
        chat_id: int | None = None,
        chat_type: str = "private",
        reply_to_bot: bool = False,
        **content: Any,
    ) -> dict[str, Any]:
        """A Message object as Telegram sends it: commands and mentions carry entities."""
        chat = self.chat(chat_id if chat_id is not None else user_id, chat_type)
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": chat,
            "from": self.user(user_id),
            **content,
        }
        if text is not None:
            message["text"] = text
            entities = []
            if text.startswith("/"):
                length = len(text.split()[0])
                entities.append(
                    {"type": "bot_command", "offset": 0, "length": utf16_len(text[:length])}
                )
            for match in re.finditer(r"@[A-Za-z0-9_]{5,32}", text):
                entities.append({
                    "type": "mention",
                    "offset": utf16_len(text[: match.start()]),
                    "length": utf16_len(match.group()),
                })  # fmt: skip
            if entities:
                message["entities"] = entities
        if reply_to_bot:
            message["reply_to_message"] = {
                "message_id": next(self._message_ids),
                "date": int(time.time()),
                "chat": chat,
                "from": self.bot_user(),
                "text": "an earlier answer",
            }
        return message

    def add_update(self, kind: str, payload: dict[str, Any]) -> int:
        update_id = next(self._ids)
        self.pending.append({"update_id": update_id, kind: payload})
        self.injected_at[update_id] = time.perf_counter()
        self._notify()
        return update_id

    def send_text(self, user_id: int, text: str, **kwargs: Any) -> int:
        return self.add_update("message", self.message(user_id, text, **kwargs))

    def bot_user(self) -> dict[str, Any]:
        return {"id": self.bot_id, "is_bot": True, "first_name": "Healthbot",
                "username": self.username}  # fmt: skip

    # -- what the bot did -----------------------------------------------------------------

    def texts_to(self, chat_id: int) -> list[str]:
        return [s.text for s in self.sent if s.chat_id == chat_id and s.method == "sendMessage"]

    def method_calls(self, method: str) -> list[dict[str, Any]]:
        return [params for name, params in self.calls if name == method]

    async def wait_until(self, predicate: Callable[[], bool], within_s: float = 10.0) -> None:
        """Wait until ``predicate()`` holds; TimeoutError after ``within_s``."""
        loop = asyncio.get_running_loop()
        async with asyncio.timeout(within_s):
            while not predicate():
                waiter: asyncio.Future[None] = loop.create_future()
                self._waiters.add(waiter)
                try:
                    await waiter
                finally:
                    self._waiters.discard(waiter)

    async def wait_sent(self, count: int, within_s: float = 10.0) -> list[Sent]:
        await self.wait_until(lambda: len(self.sent) >= count, within_s)
        return self.sent

    def _notify(self) -> None:
        """Wake every wait_until() to check its predicate again. Synchronous, so a held
        long poll answers an injected update at once (no task or lock hop in between)."""
        waiters, self._waiters = self._waiters, set()
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)

    def _record(self, sent: Sent) -> None:
        self.sent.append(sent)
        self._sent_to.setdefault(sent.chat_id, []).append(sent)

    # -- HTTP -----------------------------------------------------------------------------

    async def _dispatch(self, request: web.Request) -> web.StreamResponse:
        _ARRIVED.set(time.perf_counter())
        if request.match_info["token"] != self.token:
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
            )
        method = request.match_info["method"]
        faults = self.faults.get(method)
        delay_s = 0.0
        if faults:
            fault = faults.pop(0)
            if fault.kind == "slow":
                delay_s = fault.delay_s
            elif fault.kind == "drop":
                # Reset the connection before reading the request: nothing was processed.
                assert request.transport is not None
                request.transport.abort()
                return web.Response(status=500)
            elif fault.kind == "429":
                raise_error = _ApiError(429, f"Too Many Requests: retry after {fault.retry_after}",
                                        fault.retry_after)  # fmt: skip
                return self._error(raise_error)
            else:
                return self._error(_ApiError(502, "Bad Gateway"))
        handler = getattr(self, f"_api_{method}", None)
        if handler is None:
            return self._error(_ApiError(404, "Not Found"))
        params, files = await self._params(request)
        self.calls.append((method, params))
        try:
            result = await handler(params, files)
        except _ApiError as exc:
            return self._error(exc)
        self._notify()
        if delay_s:
            await asyncio.sleep(delay_s)  # done, but the bot hears of it late
        return web.json_response({"ok": True, "result": result})

    def _error(self, exc: _ApiError) -> web.Response:
        body: dict[str, Any] = {"ok": False, "error_code": exc.code, "description": exc.description}
        if exc.retry_after is not None:
            body["parameters"] = {"retry_after": exc.retry_after}
        return web.json_response(body, status=exc.code)

    async def _params(self, request: web.Request) -> tuple[dict[str, Any], dict[str, Any]]:
        params: dict[str, Any] = {}
        files: dict[str, Any] = {}
        if request.content_type == "application/json":
            params = await request.json() if request.can_read_body else {}
            return params, files
        form = await request.post()
        for key, value in form.items():
            if isinstance(value, web.FileField):
                files[key] = (value.filename, value.file.read())
            else:
                params[key] = value
        return params, files

    @staticmethod
    def _json(params: dict[str, Any], key: str, default: Any = None) -> Any:
        """Numbers, booleans and objects arrive as JSON text; strings arrive raw."""
        raw = params.get(key)
        if raw is None:
            return default
        try:
            return json.loads(raw)
        except (TypeError, json.JSONDecodeError):
            return raw

    def _chat_id(self, params: dict[str, Any]) -> int:
        chat_id = self._json(params, "chat_id")
        if not isinstance(chat_id, int):
            raise _ApiError(400, "Bad Request: chat not found")
        return chat_id

    def _sent_message(self, chat_id: int, **content: Any) -> dict[str, Any]:
        return {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": self._chats.get(chat_id) or self.chat(chat_id),
            "from": self.bot_user(),
            **content,
        }

    # -- Bot API methods ------------------------------------------------------------------

    async def _api_getMe(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        return {**self.bot_user(), "can_join_groups": True, "can_read_all_group_messages": False,
                "supports_inline_queries": False}  # fmt: skip

    async def _api_deleteWebhook(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        self.webhook_url = ""
        if self._json(params, "drop_pending_updates", False):
            self.pending.clear()
        return True

    async def _api_setWebhook(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        self.webhook_url = str(params.get("url", ""))
        self.webhook_secret = str(params.get("secret_token", ""))
        allowed = self._json(params, "allowed_updates")
        if allowed:
            self.allowed_updates = frozenset(allowed)
        if self._json(params, "drop_pending_updates", False):
            self.pending.clear()
        if self.webhook_url and self._pusher is None:
            self._pusher = asyncio.create_task(self._push_updates())
        return True

    async def _api_setMyCommands(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        commands = self._json(params, "commands", [])
        for command in commands:
            if not _COMMAND_NAME.match(command.get("command", "")) or not (
                1 <= len(command.get("description", "")) <= 256
            ):
                raise _ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
        scope = self._json(params, "scope", {"type": "default"})
        key = scope["type"] + (f":{scope['chat_id']}" if "chat_id" in scope else "")
        self.commands[key] = commands
        return True

    async def _api_getUpdates(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        if self.webhook_url:
            raise _ApiError(409, "Conflict: can't use getUpdates method while webhook is active")
        offset = self._json(params, "offset", 0)
        limit = self._json(params, "limit", 100)
        timeout = float(self._json(params, "timeout", 0))
        allowed = self._json(params, "allowed_updates")
        if allowed:
            self.allowed_updates = frozenset(allowed)
        if offset:
            self.pending = [u for u in self.pending if u["update_id"] >= offset]
        # Telegram never stores updates the bot did not ask for.
        self.pending = [u for u in self.pending if self._kind(u) in self.allowed_updates]
        if not self.pending and timeout > 0:
            await self._long_poll(timeout)
            self.pending = [u for u in self.pending if self._kind(u) in self.allowed_updates]
        return self.pending[:limit]

    async def _long_poll(self, within_s: float) -> None:
        previous = self._poller
        if previous is not None and not previous.done():
            previous.set_result(None)  # a second poller ends the first, as on Telegram
            self._notify()
        poller: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._poller = poller
        try:
            with contextlib.suppress(TimeoutError):
                await self.wait_until(lambda: bool(self.pending) or poller.done(), within_s)
            superseded = poller.done()
        finally:
            if self._poller is poller:
                self._poller = None
            if not poller.done():
                poller.cancel()
        if superseded:
            raise _ApiError(409, "Conflict: terminated by other getUpdates request")

    @staticmethod
    def _kind(update: dict[str, Any]) -> str:
        return next(key for key in update if key != "update_id")

    async def _api_sendMessage(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        chat_id = self._chat_id(params)
        if chat_id in self.blocked:
            raise _ApiError(403, "Forbidden: bot was blocked by the user")
        text = params.get("text", "")  # a raw string: never JSON-decoded
        if not text.strip():
            raise _ApiError(400, "Bad Request: message text is empty")
        if utf16_len(text) > 4096:
            raise _ApiError(400, "Bad Request: message is too long")
        problem = markup_error(text, params.get("parse_mode"))
        if problem:
            raise _ApiError(400, problem)
        reply = self._json(params, "reply_parameters") or {}
        message = self._sent_message(chat_id, text=text)
        self._record(Sent("sendMessage", chat_id, text, message["message_id"],
                          reply.get("message_id")))  # fmt: skip
        return message

    async def _api_sendChatAction(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        chat_id = self._chat_id(params)
        action = params.get("action", "")
        if action not in _KNOWN_ACTIONS:
            raise _ApiError(400, "Bad Request: wrong parameter action in request")
        self.actions.append((chat_id, action))
        return True

    async def _upload(self, method: str, field_name: str, params: dict[str, Any],
                      files: dict[str, Any]) -> tuple[int, str, bytes, int]:  # fmt: skip
        chat_id = self._chat_id(params)
        if field_name in files:
            filename, data = files[field_name]
        else:
            ref = str(params.get(field_name, ""))
            if not ref.startswith("attach://") or ref[9:] not in files:
                raise _ApiError(400, f"Bad Request: there is no {field_name} in the request")
            filename, data = files[ref[9:]]
        message_id = next(self._message_ids)
        self._record(Sent(method, chat_id, params.get("caption", ""), message_id,
                          data=data, filename=filename or ""))  # fmt: skip
        return chat_id, filename or "file", data, message_id

    async def _api_sendPhoto(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        chat_id, _, data, message_id = await self._upload("sendPhoto", "photo", params, files)
        if not data.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")):
            raise _ApiError(400, "Bad Request: IMAGE_PROCESS_FAILED")
        size = {"file_id": f"photo{message_id}", "file_unique_id": f"u{message_id}",
                "width": 800, "height": 600, "file_size": len(data)}  # fmt: skip
        return {**self._sent_message(chat_id, photo=[size]), "message_id": message_id}

    async def _api_sendDocument(self, params: dict[str, Any], files: dict[str, Any]) -> Any:
        chat_id, filename, data, message_id = await self._upload(
            "sendDocument", "document", params, files
        )
        document = {"file_id": f"doc{message_id}", "file_unique_id": f"u{message_id}",
                    "file_name": filename, "file_size": len(data)}  # fmt: skip
        return {**self._sent_message(chat_id, document=document), "message_id": message_id}

    # -- control plane ------------------------------------------------------------------

    async def _control_ask(self, request: web.Request) -> web.Response:
        """Queue a private text message and answer once the bot has sent the next message to
        that chat: ``{"user_id", "text"}`` -> ``{"update_id", "queued_at", "sent_at"}``, both
        times on this server's clock. The driver does nothing while it waits, so the bot's
        process runs only the bot."""
        body = await request.json()
        chat_id = int(body["user_id"])
        sent = self._sent_to.setdefault(chat_id, [])
        before = len(sent)
        update_id = self.send_text(chat_id, str(body["text"]))
        await self.wait_until(lambda: len(sent) > before, float(body.get("wait", 30)))
        return web.json_response(
            {"update_id": update_id, "queued_at": self.injected_at[update_id],
             "sent_at": sent[before].at}
        )  # fmt: skip

    # -- webhook push ---------------------------------------------------------------------

    async def _push_updates(self) -> None:
        """Deliver pending updates to the webhook one at a time, retrying until a 200."""
        async with ClientSession(timeout=ClientTimeout(total=10)) as session:
            while self.webhook_url:
                await self.wait_until(lambda: bool(self.pending) or not self.webhook_url, 3600)
                if not self.webhook_url:
                    break
                update = self.pending[0]
                headers = {"X-Telegram-Bot-Api-Secret-Token": self.webhook_secret}
                try:
                    async with session.post(self.webhook_url, json=update, headers=headers) as r:
                        self.webhook_statuses.append(r.status)
                        delivered = r.status == 200
                except (ClientError, TimeoutError):
                    delivered = False
                if delivered:
                    if self.pending and self.pending[0] is update:
                        self.pending.pop(0)
                    self._notify()
                else:
                    await asyncio.sleep(0.1)
        self._pusher = None


async def _serve(token: str, port: int) -> None:
    emulator = BotAPIEmulator(token)
    emulator.port = port
    await emulator.start()
    print(emulator.port, flush=True)  # the driver reads the port from the first line
    try:
        await asyncio.Event().wait()
    finally:
        await emulator.close()


if __name__ == "__main__":
    # Run on its own: `python -m tests.telegram_emulator TOKEN [PORT]` (used by the bench so
    # that "Telegram's" work does not share the bot's CPU time and event loop).
    import sys

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 0))
