"""Platform-free message types: what adapters hand in and what they get back."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from enum import StrEnum


class Source(StrEnum):
    """Which stage produced a reply."""

    EMERGENCY = "emergency"
    #: triage level "urgent": fixed guidance to get care today, never the rules or the LLM
    URGENT = "urgent"
    RULE = "rule"
    LLM = "llm"
    FALLBACK = "fallback"
    COMMAND = "command"
    #: refused by an adapter's per-user rate limit; never reached the pipeline
    RATE_LIMITED = "rate_limited"


@dataclass(frozen=True, slots=True)
class IncomingMessage:
    """One text message from a person, as every adapter maps it.

    ``chat_id`` and ``user_id`` are the platform's own ids as strings; they are hashed before
    anything is stored and never logged in the clear.
    """

    platform: str
    chat_id: str
    user_id: str
    text: str
    message_id: str | None = None
    is_private: bool = True
    received_at: float = field(default_factory=time.time)

    @property
    def conversation_key(self) -> tuple[str, str, str]:
        return (self.platform, self.chat_id, self.user_id)


@dataclass(frozen=True, slots=True)
class LLMUsage:
    """Figures about one generation, stored and exported as metrics (never the text)."""

    backend: str
    model: str
    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_ms: float = 0.0
    ttft_ms: float | None = None
    batch_size: int | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Reply:
    """The assistant's answer. ``text`` already has placeholders restored and the disclaimer."""

    text: str
    source: Source
    intent: str | None = None
    category: str | None = None
    #: triage level: "emergency" or "urgent" for triage replies, None otherwise
    level: str | None = None
    timings_ms: dict[str, float] = field(default_factory=dict)
    anonymized: str = ""
    llm: LLMUsage | None = None
