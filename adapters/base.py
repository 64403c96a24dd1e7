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
from assistant.messages import IncomingMessage, Response

if TYPE_CHECKING:
    from assistant.conversation import ConversationService
    from assistant.storage import Store

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
        response goes to ``deliver`` (by default :meth:`deliver` to ``origin``) when ready.
        Stop the dispatcher (``drain``, then ``cancel``) in ``stop``.
        """
        self.dispatcher.submit(
            message,
            deliver or functools.partial(self.deliver, origin),
            functools.partial(self.typing, origin),
        )

    async def deliver(self, origin: Origin, response: Response) -> bool:
        """Send ``response`` unless it is silent; False when a send failed (the adapter's
        ``send`` logs why)."""
        if response.silent:
            return True
        return await self.send(origin, response)

    @abstractmethod
    async def send(self, origin: Origin, response: Response) -> bool:
        """Deliver ``response`` (text, disclaimer included, and attachments) to ``origin``."""

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
