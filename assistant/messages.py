"""Platform-free message types: what adapters hand in and what they get back.

Adapters translate a platform event into an :class:`IncomingMessage` (a question, a
:class:`Command`, or a note that non-text content arrived) and send back a
:class:`Response`; :class:`assistant.conversation.ConversationService` decides in between.
"""

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
    #: a vetted knowledge-base passage, shown as it is
    KNOWLEDGE = "knowledge"
    FALLBACK = "fallback"
    COMMAND = "command"
    #: refused by the per-user rate limit; never reached the pipeline
    RATE_LIMITED = "rate_limited"
    #: answered by the handoff to clinic staff (consent question, case updates)
    HANDOFF = "handoff"
    #: a clinician's words relayed to the patient (labelled as the clinic team's, never the AI's)
    STAFF = "staff"


class Unanswered(StrEnum):
    """Why the assistant had no reliable answer of its own (a handoff to staff may help)."""

    #: no vetted passage matched the question, so the model was not asked
    NO_PASSAGE = "no_passage"
    #: the answer check rejected the model's text (``llm.error`` holds llm_rejected:<reason>)
    REJECTED = "rejected"
    #: the model failed: timeout, backend error or empty text (``llm.error`` holds the kind)
    LLM_FAILED = "llm_failed"


class Stage(StrEnum):
    """The pipeline's timed stages: keys of :attr:`Reply.timings_ms`, storage columns
    (``<stage>_ms``), metric labels and /stats rows. ``TOTAL`` is the whole pipeline."""

    ANONYMIZE = "anonymize"
    TRIAGE = "triage"
    #: the message's one sentence embedding, read by the rules and the knowledge retrieval
    EMBED = "embed"
    RULES = "rules"
    #: picking the vetted passage (assistant/retrieval.py)
    RETRIEVE = "retrieve"
    #: the grounded generation
    LLM = "llm"
    #: the answer check on the model's text
    CHECK = "check"
    TOTAL = "total"


class Delivery(StrEnum):
    """How a message sent without an incoming one (the handoff's relay) fared."""

    DELIVERED = "delivered"
    #: refused for good: the patient blocked the bot, left the room or the chat is gone
    REFUSED = "refused"
    #: not delivered this time (network, server errors): worth trying again later
    FAILED = "failed"
    #: no running adapter for that platform: kept until one runs
    UNAVAILABLE = "unavailable"


@dataclass(frozen=True, slots=True)
class Command:
    """A command as the adapter parsed it from the platform's syntax (``/forget yes`` on
    Telegram, ``!forget yes`` on Matrix)."""

    name: str
    args: tuple[str, ...] = ()
    #: how commands are typed on this platform, so that help texts name them that way
    prefix: str = "/"


@dataclass(frozen=True, slots=True)
class IncomingMessage:
    """One message from a person, as every adapter maps it.

    ``chat_id`` and ``user_id`` are the platform's own ids as strings; they are hashed before
    anything is stored and never logged in the clear. A message is a question (``text``), a
    ``command``, or non-text content (``media`` names its kind; the content itself never
    enters the core).
    """

    platform: str
    chat_id: str
    user_id: str
    text: str
    message_id: str | None = None
    is_private: bool = True
    received_at: float = field(default_factory=time.time)
    command: Command | None = None
    #: "photo", "voice", "file", ...: a low-cardinality label, never the content
    media: str | None = None
    #: how commands are typed on this platform ("!" on Matrix), for texts that name them
    command_prefix: str = "/"

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
    """An answer: from the pipeline (placeholders restored), a command or a notice. The
    conversation service adds the disclaimer to ``text`` before any adapter sees it."""

    text: str
    source: Source
    intent: str | None = None
    category: str | None = None
    #: triage level: "emergency" or "urgent" for triage replies, None otherwise
    level: str | None = None
    timings_ms: dict[str, float] = field(default_factory=dict)
    anonymized: str = ""
    llm: LLMUsage | None = None
    unanswered: Unanswered | None = None


@dataclass(frozen=True, slots=True)
class Attachment:
    filename: str
    mime_type: str
    data: bytes


@dataclass(frozen=True, slots=True)
class Response:
    """What an adapter sends back for one message: the reply and any attachments."""

    reply: Reply
    attachments: tuple[Attachment, ...] = ()
    #: send nothing (a refused message after the rate-limit notice); it is still counted
    silent: bool = False
