"""Data helpers for the /stats, metrics, monitoring and privacy tests (the doubles they use
are in :mod:`tests.fakes`)."""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass, field

from assistant.llm.base import GenerationResult
from assistant.messages import IncomingMessage, Reply
from assistant.pipeline import Assistant
from assistant.settings import AdminsSettings
from assistant.storage import MessageRecord, Store
from bot.config import AppConfig
from tests.fakes import Chat

ADMIN_TELEGRAM = "1001"
ADMIN_MATRIX = "@admin:localhost"


def with_admins(config: AppConfig) -> AppConfig:
    config.admins = AdminsSettings(telegram=[ADMIN_TELEGRAM], matrix=[ADMIN_MATRIX])
    return config


def make_commands(config: AppConfig, assistant: Assistant, store: Store) -> Chat:
    """The service as the app builds it (/stats reads ``store``), driven like an adapter."""
    assert assistant.store is store
    return Chat.of(assistant, config)


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
