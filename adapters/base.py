"""The extension point for chat platforms.

An adapter turns platform events into :class:`assistant.messages.IncomingMessage`, passes
them to the assistant (or to :class:`bot.commands.Commands`), and sends the replies back. It
owns its connection and its background tasks; the app starts and stops adapters in its own
event loop.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.pipeline import Assistant
    from assistant.storage import Store
    from bot.commands import Commands
    from bot.config import AppConfig


def quiet_library_loggers(levels: Mapping[str, int]) -> None:
    """Raise (never lower) platform libraries' log levels: at DEBUG they log request URLs
    (Telegram's carry the bot token), event contents and user ids, whatever the app's level."""
    for name, level in levels.items():
        logger = logging.getLogger(name)
        if logger.getEffectiveLevel() < level:
            logger.setLevel(level)


@dataclass(frozen=True)
class AdapterContext:
    config: AppConfig
    assistant: Assistant
    commands: Commands
    store: Store | None
    #: ask the app to shut down (the console adapter calls it at end of input)
    request_shutdown: Callable[[], None]


class Adapter(ABC):
    #: registry name: "telegram", "matrix", "console"
    name: str = ""

    def __init__(self, context: AdapterContext) -> None:
        self.context = context

    @abstractmethod
    async def start(self) -> None:
        """Connect and begin receiving in background tasks; return once running."""

    @abstractmethod
    async def stop(self) -> None:
        """Stop receiving, finish in-flight messages within the grace period, disconnect."""

    def is_connected(self) -> bool:
        """True while the platform connection is healthy (used by /healthz)."""
        return True
