"""The Telegram webhook endpoint, on aiohttp: the secret first, then a capped body.

PTB's own webhook server (tornado) reads the whole body, up to tornado's 100 MB default,
before it looks at the secret header, and logs an update it cannot read whole, patient words
included. Here the handler runs as soon as the headers are in: a missing or wrong
``X-Telegram-Bot-Api-Secret-Token`` gets 403 and a declared length over the cap gets 413,
both without reading the body and on a connection that is then closed. A body without a
declared length stops being read at the cap (aiohttp's ``client_max_size``), also with 413.

An update PTB cannot read is answered 200 and dropped with a log line (its id and the error
type): Telegram would send the same bytes again and again, and they would never parse.
"""

from __future__ import annotations

import hmac
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any, Generic, TypeVar

from aiohttp import web

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
T = TypeVar("T")


class WebhookServer(Generic[T]):
    """Serves ``POST /<url_path>``: ``parse`` turns the JSON into an update, ``deliver``
    takes it; the 200 goes out only after ``deliver`` returns."""

    def __init__(
        self,
        *,
        listen: str,
        port: int,
        url_path: str,
        secret: str,
        max_body_bytes: int,
        parse: Callable[[Any], T | None],
        deliver: Callable[[T], Awaitable[None]],
    ) -> None:
        if not secret:
            raise ValueError("a webhook needs a secret token")
        self.listen = listen
        self.port = port
        self.path = "/" + url_path.strip("/")
        self.max_body_bytes = max_body_bytes
        self._secret = secret.encode()
        self._parse = parse
        self._deliver = deliver
        self._runner: web.AppRunner | None = None

    @property
    def running(self) -> bool:
        return self._runner is not None

    async def start(self) -> None:
        app = web.Application(client_max_size=self.max_body_bytes)
        app.router.add_post(self.path, self._handle)
        # no access log: its lines would carry request paths and client addresses per update
        runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await runner.setup()
        try:
            await web.TCPSite(runner, self.listen, self.port).start()
        except BaseException:
            await runner.cleanup()
            raise
        self._runner = runner

    async def stop(self) -> None:
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()

    def _refuse(self, status: int, reason: str) -> web.Response:
        response = web.Response(status=status, text=reason)
        response.force_close()  # do not wait for (or read) a body nobody will use
        return response

    async def _handle(self, request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, self._secret):
            log.warning("telegram webhook: request without the right secret refused")
            return self._refuse(403, "forbidden")
        declared = request.content_length
        if declared is not None and declared > self.max_body_bytes:
            log.warning(
                "telegram webhook: body of %d bytes refused (cap %d)", declared, self.max_body_bytes
            )
            return self._refuse(413, "body too large")
        try:
            body = await request.read()
        except web.HTTPRequestEntityTooLarge:
            log.warning(
                "telegram webhook: body over the cap of %d bytes refused", self.max_body_bytes
            )
            return self._refuse(413, "body too large")
        try:
            data = json.loads(body)
        except ValueError:
            log.warning("telegram webhook: body is not JSON")
            return web.Response(status=400, text="not JSON")
        update_id = data.get("update_id") if isinstance(data, dict) else None
        try:
            update = self._parse(data)
        except Exception as exc:  # PTB raises KeyError, TypeError... on malformed updates
            log.error(
                "telegram webhook: update %s could not be read (%s); dropped",
                update_id if isinstance(update_id, int) else "?",
                type(exc).__name__,
            )
            return web.Response(status=200)
        if update is not None:
            await self._deliver(update)
        return web.Response(status=200)
