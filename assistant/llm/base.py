"""The extension point for language models."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Literal

Role = Literal["system", "user", "assistant"]


@dataclass(frozen=True, slots=True)
class ChatTurn:
    role: Role
    content: str


@dataclass(frozen=True, slots=True)
class GenerationRequest:
    """An already anonymized chat: system prompt, memory, then the patient's message."""

    messages: tuple[ChatTurn, ...]
    max_tokens: int
    temperature: float
    stop: tuple[str, ...] = ()
    #: seconds left for this request; past it the backend raises BackendError(kind="timeout")
    timeout_s: float | None = None


@dataclass(frozen=True, slots=True)
class GenerationResult:
    text: str
    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_ms: float = 0.0
    ttft_ms: float | None = None
    batch_size: int | None = None
    extra: dict[str, float] = field(default_factory=dict)


class LLMBackend(ABC):
    """A language model the pipeline can ask. Implementations must not block the event loop.

    Lifecycle: ``await start()`` once (loads weights or checks the server), any number of
    concurrent ``await generate(...)``, then ``await close()``. Failures raise
    :class:`assistant.errors.BackendError`; the pipeline turns them into the fallback reply.
    """

    #: registry name ("local", "api")
    name: str = ""

    @property
    @abstractmethod
    def model(self) -> str:
        """The model actually in use (after any fallback), for logs and /stats."""

    @abstractmethod
    async def start(self) -> None:
        """Load the model or connect. Raises ConfigError/BackendError with a clear message."""

    @abstractmethod
    async def generate(self, request: GenerationRequest) -> GenerationResult:
        """Answer one anonymized chat."""

    @abstractmethod
    async def close(self) -> None:
        """Release the model or connections; cancel and await any background task."""

    def is_ready(self) -> bool:
        """True when the backend can take requests now (used by /healthz)."""
        return True

    def stats(self) -> dict[str, float]:
        """Backend-specific counters (queue depth, batches run, ...) for metrics."""
        return {}
