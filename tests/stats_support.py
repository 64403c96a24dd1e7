"""Helpers for the /stats, metrics, monitoring and privacy tests.

The fakes here are real subclasses of the project's ABCs (no MagicMock):

- :class:`ScriptedBackend` stands in for an LLM because these tests check exact token counts,
  error kinds and readiness flips; a real model gives neither fixed token counts nor a way
  to fail on cue. The real backends are tested in their own issue.
- :class:`SwitchAdapter` stands in for a platform adapter because /healthz only reads
  ``is_connected()``; the real Telegram and Matrix adapters test their own connections.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from adapters.base import Adapter, AdapterContext
from assistant.errors import BackendError
from assistant.llm.base import GenerationRequest, GenerationResult, LLMBackend
from assistant.messages import IncomingMessage, Reply
from assistant.pipeline import Assistant
from assistant.storage import MessageRecord, Store
from bot.commands import Commands
from bot.config import AdminsSettings, AppConfig
from bot.stats_commands import make_stats_provider

ADMIN_TELEGRAM = "1001"
ADMIN_MATRIX = "@admin:localhost"


class ScriptedBackend(LLMBackend):
    """Answers from a script: a GenerationResult to return or a BackendError kind to raise."""

    name = "scripted"

    def __init__(self, script: Sequence[GenerationResult | str] = ()) -> None:
        self.script = list(script)
        self.ready = True
        self.queue_depth = 0.0
        self.current_batch = 0.0
        self.calls = 0

    @property
    def model(self) -> str:
        return "scripted-model"

    async def start(self) -> None:
        self.ready = True

    async def generate(self, request: GenerationRequest) -> GenerationResult:
        step = self.script[self.calls % len(self.script)] if self.script else "unavailable"
        self.calls += 1
        if isinstance(step, str):
            raise BackendError("scripted failure", kind=step)
        return step

    async def close(self) -> None:
        self.ready = False

    def is_ready(self) -> bool:
        return self.ready

    def stats(self) -> dict[str, float]:
        return {"queue_depth": self.queue_depth, "batch_size": self.current_batch}


class SwitchAdapter(Adapter):
    """An adapter whose connection a test switches on and off."""

    def __init__(self, context: AdapterContext, name: str) -> None:
        super().__init__(context)
        self.name = name
        self.connected = False

    async def start(self) -> None:
        self.connected = True

    async def stop(self) -> None:
        self.connected = False

    def is_connected(self) -> bool:
        return self.connected


def with_admins(config: AppConfig) -> AppConfig:
    config.admins = AdminsSettings(telegram=[ADMIN_TELEGRAM], matrix=[ADMIN_MATRIX])
    return config


def make_commands(config: AppConfig, assistant: Assistant, store: Store) -> Commands:
    provider = make_stats_provider(store, assistant, config.disclaimer.text)
    prefix = "/"
    return Commands(config=config, assistant=assistant, stats_provider=provider, prefix=prefix)


def msg(platform: str, user: str, text: str, chat: str | None = None) -> IncomingMessage:
    return IncomingMessage(
        platform=platform, chat_id=chat or f"chat-{user}", user_id=user, text=text
    )


@dataclass
class Outcome:
    """What a known sequence produced, counted from the replies the bot returned."""

    replies: list[tuple[IncomingMessage, Reply]] = field(default_factory=list)

    def add(self, message: IncomingMessage, reply: Reply) -> None:
        self.replies.append((message, reply))

    @property
    def by_source(self) -> Counter[str]:
        return Counter(r.source.value for _, r in self.replies)

    @property
    def by_platform(self) -> Counter[str]:
        return Counter(m.platform for m, _ in self.replies)

    @property
    def by_platform_source(self) -> Counter[tuple[str, str]]:
        return Counter((m.platform, r.source.value) for m, r in self.replies)

    @property
    def users(self) -> set[tuple[str, str]]:
        return {(m.platform, m.user_id) for m, _ in self.replies}


def record(**fields: object) -> MessageRecord:
    """A MessageRecord with defaults for the columns a test does not care about."""
    base: dict[str, object] = {"platform": "telegram", "user_hash": "u1", "source": "rule"}
    base.update(fields)
    return MessageRecord(**base)  # type: ignore[arg-type]


def ok(prompt: int, completion: int, total_ms: float, batch: int = 1) -> GenerationResult:
    return GenerationResult(
        # grounded in the vetted hiccups passage, so the answer check lets it through there
        text="Hiccups usually stop on their own within a few minutes; sipping ice-cold water may help.",
        prompt_tokens=prompt,
        completion_tokens=completion,
        total_ms=total_ms,
        ttft_ms=total_ms / 10,
        batch_size=batch,
    )


def replace(record_: MessageRecord, **changes: object) -> MessageRecord:
    return dataclasses.replace(record_, **changes)  # type: ignore[arg-type]
