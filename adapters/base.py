"""The extension point for chat platforms.

An adapter only translates: it turns platform events into
:class:`assistant.messages.IncomingMessage` (a question, a command or a note that non-text
content arrived), hands each to :meth:`Adapter.submit`, and sends the
:class:`assistant.messages.Response` back when the core's dispatcher delivers it. The order
of a user's replies, and emergencies that go first, are decided in the core
(:class:`assistant.conversation.Dispatcher`). Everything a message's fate depends on (the rate
limit, commands, notices, errors, the disclaimer) is decided by
:class:`assistant.conversation.ConversationService`. An adapter owns its connection and its
background tasks; the app starts and stops adapters in its own event loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from adapters.settings import AdapterSettings
from assistant.conversation import Deliver, Dispatcher
from assistant.messages import Delivery, IncomingMessage, Response

if TYPE_CHECKING:
    from assistant.conversation import ConversationService
    from assistant.intake import Intake
    from assistant.storage import Store

log = logging.getLogger(__name__)

#: where a reply goes: whatever the platform needs to send it (a chat id, a room and event)
Origin = TypeVar("Origin")
#: users whose ordinary messages are worked on at once, unless the adapter says otherwise
DEFAULT_MAX_CONCURRENT = 16


def quiet_library_loggers(levels: Mapping[str, int]) -> None:
    """Raise (never lower) platform libraries' log levels: at DEBUG they log request URLs
    (Telegram's carry the bot token), event contents and user ids, whatever the app's level."""
    for name, level in levels.items():
        logger = logging.getLogger(name)
        if logger.getEffectiveLevel() < level:
            logger.setLevel(level)


@dataclass(frozen=True)
class AdapterContext:
    service: ConversationService
    #: this adapter's own ``adapters.<name>`` section
    settings: AdapterSettings
    #: for state the adapter keeps across restarts (Matrix: its login and sync position)
    store: Store | None
    #: ask the app to shut down (the console adapter calls it at end of input)
    request_shutdown: Callable[[], None]
    #: the at-least-once intake record (assistant/intake.py); None keeps ids in memory only
    intake: Intake | None = None


class Adapter(ABC, Generic[Origin]):
    #: registry name: "telegram", "matrix", "console"
    name: str = ""

    def __init__(
        self, context: AdapterContext, *, max_concurrent: int = DEFAULT_MAX_CONCURRENT
    ) -> None:
        self.context = context
        self.dispatcher = Dispatcher(
            context.service, max_concurrent=max_concurrent, name=self.name or "adapter"
        )

    @property
    def service(self) -> ConversationService:
        return self.context.service

    def submit(
        self, message: IncomingMessage, origin: Origin, deliver: Deliver | None = None
    ) -> None:
        """The one path of every message: hand it to the core and return at once; the
        response goes to ``deliver`` (by default :meth:`respond` to ``origin``) when ready.
        Stop the dispatcher (``drain``, then ``cancel``) in ``stop``.
        """
        self.dispatcher.submit(
            message,
            deliver or functools.partial(self.respond, origin),
            functools.partial(self.typing, origin),
        )

    async def respond(self, origin: Origin, response: Response) -> bool:
        """Answer the message from ``origin``: send ``response`` unless it is silent; False
        when a send failed (the adapter's ``send`` logs why)."""
        if response.silent:
            return True
        return await self.send(origin, response)

    @abstractmethod
    async def send(self, origin: Origin, response: Response) -> bool:
        """Deliver ``response`` (text, disclaimer included, and attachments) to ``origin``."""

    async def deliver(
        self, chat_id: str, response: Response, *, key: str | None = None
    ) -> Delivery:
        """Send ``response`` to a chat with no incoming message to answer (the handoff's
        relay to a patient). The text comes finished from the core; a failure of any kind
        becomes a :class:`Delivery` the relay acts on, never an exception. ``key`` is the
        same for every try of one message (a platform with idempotent sends uses it)."""
        try:
            return await self._deliver(chat_id, response, key)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.error("%s: delivery failed: %s", self.name, type(exc).__name__)
            return Delivery.FAILED

    @abstractmethod
    async def _deliver(self, chat_id: str, response: Response, key: str | None) -> Delivery:
        """Send to ``chat_id`` (the platform's chat id, as in ``IncomingMessage.chat_id``):
        REFUSED when the platform will never take it (blocked, left, no such chat), FAILED
        when it might later."""

    def typing(self, origin: Origin) -> AbstractAsyncContextManager[None]:
        """Shown while the service works (platforms with a "typing…" indicator)."""
        return contextlib.nullcontext()

    @abstractmethod
    async def start(self) -> None:
        """Connect and begin receiving in background tasks; return once running."""

    @abstractmethod
    async def stop(self) -> None:
        """Stop receiving, finish in-flight messages within the grace period, disconnect."""

    def is_connected(self) -> bool:
        """True while the platform connection is healthy (used by /healthz)."""
        return True
