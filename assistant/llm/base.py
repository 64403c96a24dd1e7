"""The extension point for language models: :class:`LLMBackend` and its request types."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from assistant.errors import BackendError
from assistant.settings import LLMSettings

log = logging.getLogger(__name__)

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
    #: seconds for this request (default ``llm.timeout_s``); past it, BackendError("timeout")
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


def stop_sequences(
    configured: Iterable[str], requested: Iterable[str], *, model_default: Iterable[str] = ()
) -> tuple[str, ...]:
    """Config stops (or the model's defaults when config has none), plus the request's own."""
    configured = [s for s in configured if s]
    base = configured if configured else [s for s in model_default if s]
    merged: list[str] = []
    for stop in (*base, *requested):
        if stop and stop not in merged:
            merged.append(stop)
    return tuple(merged)


class LLMBackend(ABC):
    """A language model the pipeline can ask. Implementations must not block the event loop.

    Lifecycle: ``await start()`` once (loads weights or checks the server), any number of
    concurrent ``await generate(...)``, then ``await close()``.

    :meth:`generate` is the template every backend shares: it sets the deadline, merges the
    stop sequences, writes the one log line and maps every failure to
    :class:`assistant.errors.BackendError` (the pipeline turns that into the fallback reply).
    A backend implements :meth:`_generate` and, where it has them, the stop-sequence hooks.
    """

    #: registry name ("local", "api")
    name: str = ""

    def __init__(self, settings: LLMSettings | None = None) -> None:
        self.settings = settings if settings is not None else LLMSettings()

    @property
    @abstractmethod
    def model(self) -> str:
        """The model actually in use (after any fallback), for logs and /stats."""

    @abstractmethod
    async def start(self) -> None:
        """Load the model or connect. Raises ConfigError/BackendError with a clear message."""

    async def generate(self, request: GenerationRequest) -> GenerationResult:
        """Answer one anonymized chat by ``request.timeout_s`` (default ``llm.timeout_s``)."""
        timeout = request.timeout_s if request.timeout_s is not None else self.settings.timeout_s
        started = time.monotonic()
        deadline = started + timeout
        stops = stop_sequences(
            self.settings.stop,
            (*request.stop, *self._template_stop()),
            model_default=self._model_stop(),
        )
        request = dataclasses.replace(request, stop=stops, timeout_s=timeout)
        result: GenerationResult | None = None
        outcome = "ok"
        try:
            async with asyncio.timeout(timeout):
                result = await self._generate(request, deadline)
        except BackendError as exc:
            outcome = exc.kind
            raise
        except TimeoutError:
            outcome = "timeout"
            raise BackendError(
                f"LLM backend {self.name} gave no answer within {timeout:.1f} s", kind="timeout"
            ) from None
        except asyncio.CancelledError:
            outcome = "cancelled"
            raise
        except Exception as exc:  # a backend bug must not cost the patient a reply
            outcome = "internal"
            raise BackendError(
                f"LLM backend {self.name} failed: {type(exc).__name__}", kind="internal"
            ) from exc
        finally:
            self._log(result, outcome, (time.monotonic() - started) * 1000)
        return result

    @abstractmethod
    async def _generate(self, request: GenerationRequest, deadline: float) -> GenerationResult:
        """Answer ``request`` (its ``stop`` merged already), stopping work at ``deadline``
        (``time.monotonic()``); raise BackendError with a ``kind`` on failure."""

    def _template_stop(self) -> tuple[str, ...]:
        """Stops the chat template needs (a plain template's "\nUser:")."""
        return ()

    def _model_stop(self) -> tuple[str, ...]:
        """The model's own stops, used when ``llm.stop`` is empty."""
        return ()

    def _log_details(self) -> str:
        """Extra ``key=value`` pairs for the log line (server, engine)."""
        return ""

    def _log(self, result: GenerationResult | None, outcome: str, total_ms: float) -> None:
        ttft = result.ttft_ms if result is not None else None
        details = self._log_details()
        log.info(
            "llm generation backend=%s%s model=%s prompt_tokens=%d completion_tokens=%d "
            "ttft_ms=%s total_ms=%.0f batch=%s outcome=%s",
            self.name,
            f" {details}" if details else "",
            self.model,
            result.prompt_tokens if result is not None else 0,
            result.completion_tokens if result is not None else 0,
            "-" if ttft is None else f"{ttft:.0f}",
            total_ms,
            result.batch_size if result is not None and result.batch_size else "-",
            outcome,
        )

    @abstractmethod
    async def close(self) -> None:
        """Release the model or connections; cancel and await any background task."""

    def is_ready(self) -> bool:
        """True when the backend can take requests now (used by /healthz)."""
        return True

    def stats(self) -> dict[str, float]:
        """Backend-specific counters (queue depth, batches run, ...) for metrics."""
        return {}
