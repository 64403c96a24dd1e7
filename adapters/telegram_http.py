"""PTB's HTTP transport on aiohttp instead of httpx.

python-telegram-bot talks HTTP through a :class:`telegram.request.BaseRequest`. Its default,
``HTTPXRequest``, spends about 0.7 ms of CPU per request in httpx/httpcore; aiohttp needs
about 0.2 ms for the same request (form POST on loopback, measured for bench/telegram.py).
Every message costs three requests (the getUpdates answer, the next getUpdates, the
sendMessage), all on the event loop that also runs the assistant, so the transport was most
of the adapter's own overhead.

PTB keeps everything above the transport: status codes to exceptions (``RetryAfter``,
``Forbidden``...), JSON, the rate limiter. This class only sends and maps transport errors the
way ``HTTPXRequest`` does: timeouts to ``TimedOut``, other failures to ``NetworkError``. A
``TimedOut`` caused by :class:`RequestNotSent` never left this process (no free connection in
time, or no connection at all), so it is safe to send again.
"""

from __future__ import annotations

import asyncio
import ssl
import urllib.request
from typing import Any
from urllib.parse import urlencode, urlsplit

import aiohttp
import certifi
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

_HEADERS = {"User-Agent": BaseRequest.USER_AGENT}
_FORM = {"Content-Type": "application/x-www-form-urlencoded"}


class RequestNotSent(TimeoutError):
    """The cause of a ``TimedOut`` for a request that never left: sending it again cannot
    make a duplicate."""


def _not_sent(exc: BaseException) -> RequestNotSent:
    cause = RequestNotSent(type(exc).__name__)
    cause.__cause__ = exc
    return cause


def env_proxy(url: str) -> str | None:
    """The proxy for ``url`` from HTTP(S)_PROXY / ALL_PROXY / NO_PROXY (httpx honoured them;
    aiohttp would look them up in a thread on every request, so this is resolved once)."""
    parts = urlsplit(url)
    if urllib.request.proxy_bypass(parts.hostname or ""):
        return None
    proxies = urllib.request.getproxies_environment()
    return proxies.get(parts.scheme) or proxies.get("all") or None


def _pick(value: ODVInput[float], default: float | None) -> float | None:
    return default if isinstance(value, DefaultValue) else value


def _add(total: float | None, part: float | None) -> float | None:
    return None if total is None or part is None else total + part


class AiohttpRequest(BaseRequest):
    """A :class:`BaseRequest` on one :class:`aiohttp.ClientSession` with a bounded pool.

    Timeouts mean what they mean for ``HTTPXRequest``: the pool timeout bounds the wait for
    one of ``connection_pool_size`` slots. aiohttp has no write timeout, so the sum of all
    four bounds the whole request instead.
    """

    def __init__(
        self,
        connection_pool_size: int = 32,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
        media_write_timeout: float | None = 20.0,
        proxy: str | None = None,
    ) -> None:
        self._pool_size = connection_pool_size
        self._read_timeout = read_timeout
        self._write_timeout = write_timeout
        self._connect_timeout = connect_timeout
        self._pool_timeout = pool_timeout
        self._media_write_timeout = media_write_timeout
        self._proxy = proxy
        self._session: aiohttp.ClientSession | None = None
        # aiohttp's own pool cannot tell waiting for a connection from opening one
        self._slots = asyncio.Semaphore(connection_pool_size)
        self._default_timeout = self._timeout(read_timeout, write_timeout, connect_timeout,
                                              pool_timeout)  # fmt: skip

    @property
    def read_timeout(self) -> float | None:
        return self._read_timeout

    @staticmethod
    def _timeout(
        read: float | None, write: float | None, connect: float | None, pool: float | None
    ) -> aiohttp.ClientTimeout:
        return aiohttp.ClientTimeout(
            total=_add(_add(_add(read, write), connect), pool),
            connect=connect,  # the pool wait comes before, see do_request
            sock_connect=connect,
            sock_read=read,
        )

    async def initialize(self) -> None:
        if self._session is not None and not self._session.closed:
            return
        # httpx's trust store (certifi), loaded off the event loop
        context = await asyncio.to_thread(ssl.create_default_context, cafile=certifi.where())
        self._session = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=self._pool_size, ssl=context),
            cookie_jar=aiohttp.DummyCookieJar(),  # the Bot API sets no cookies
            headers=_HEADERS,
        )

    async def shutdown(self) -> None:
        session, self._session = self._session, None
        if session is not None and not session.closed:
            await session.close()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        session = self._session
        if session is None or session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        data: Any = None
        headers = None
        files = request_data.multipart_data if request_data is not None else None
        if request_data is not None and files:
            data = aiohttp.FormData()
            for key, value in request_data.json_parameters.items():
                data.add_field(key, value)
            for name, (filename, content, mime_type) in files.items():
                data.add_field(name, content, filename=filename, content_type=mime_type)
        elif request_data is not None and (params := request_data.json_parameters):
            # encoded here: aiohttp's FormData would cost a third of the request's CPU
            data = urlencode(params).encode()
            headers = _FORM
        timeout = self._default_timeout
        pool_wait = self._pool_timeout
        if files or any(
            not isinstance(value, DefaultValue)
            for value in (read_timeout, write_timeout, connect_timeout, pool_timeout)
        ):
            pool_wait = _pick(pool_timeout, self._pool_timeout)
            timeout = self._timeout(
                _pick(read_timeout, self._read_timeout),
                _pick(write_timeout, self._media_write_timeout if files else self._write_timeout),
                _pick(connect_timeout, self._connect_timeout),
                pool_wait,
            )
        if self._slots.locked():  # all connections busy: wait for one, within the pool timeout
            try:
                async with asyncio.timeout(pool_wait):
                    await self._slots.acquire()
            except TimeoutError as exc:
                raise TimedOut("Pool timeout: the request was not sent") from _not_sent(exc)
        else:
            await self._slots.acquire()  # free: returns at once
        try:
            async with session.request(
                method, url, data=data, headers=headers, timeout=timeout, proxy=self._proxy
            ) as response:
                return response.status, await response.read()
        except aiohttp.ConnectionTimeoutError as exc:
            raise TimedOut("Connect timeout: the request was not sent") from _not_sent(exc)
        except TimeoutError as exc:  # a read timeout or the overall bound: it may have arrived
            raise TimedOut from exc
        except (aiohttp.ClientError, OSError) as exc:
            # only the type: aiohttp's messages may carry the URL, and the URL the token
            raise NetworkError(f"aiohttp.{type(exc).__name__}") from exc
        finally:
            self._slots.release()
