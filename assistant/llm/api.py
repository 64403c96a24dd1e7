"""The API backend (``llm.use_api: true``): any OpenAI-compatible HTTP server.

``llm.api_url`` ending in ``/chat/completions`` gets ``messages``; ending in
``/completions`` it gets a ``prompt`` rendered with the model's chat template (read from the
GGUF, or the tokenizer without weights; otherwise the plain template documented in
:mod:`assistant.llm.prompt`). That covers llama.cpp's server, vLLM, text-generation-webui,
Ollama's OpenAI endpoint, OpenAI and the Hugging Face router.

Failures are bounded: retries with backoff on connection errors, 429 (Retry-After honoured)
and 5xx, never past ``llm.timeout_s`` in total; and a circuit breaker so that a dead server
costs each patient microseconds. Error messages name the server and status, never the prompt
or the server's body (which may echo it).
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import logging
import random
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import aiohttp

from assistant.errors import BackendError, BackendUnavailableError, ConfigError
from assistant.llm.base import GenerationRequest, GenerationResult, LLMBackend
from assistant.llm.bundled import bundled_model, is_bundled
from assistant.llm.circuit import CircuitBreaker, CircuitState
from assistant.llm.models import (
    ModelKind,
    gguf_chat_template,
    hub_reachable,
    resolve_model,
    short_reason,
)
from assistant.llm.prompt import (
    API_MAX_STOP,
    ChatTemplate,
    PlainChatTemplate,
    as_dicts,
    clean_answer,
    template_for_tokenizer,
)
from assistant.settings import LLMSettings
from assistant.urls import mask_url_credentials

log = logging.getLogger(__name__)

_BACKOFF_BASE_S = 0.25
_BACKOFF_MAX_S = 4.0


@dataclass(frozen=True, slots=True)
class _Answer:
    text: str
    finish_reason: str
    prompt_tokens: int
    completion_tokens: int


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    current = time.time() if now is None else now
    return max(0.0, when.timestamp() - current)


def load_api_template(model_name: str) -> ChatTemplate:
    """The model's chat template without its weights, or the plain template."""
    try:
        spec = resolve_model(model_name)
        if spec.kind is ModelKind.GGUF:
            return gguf_chat_template(spec.location)
        from transformers import AutoTokenizer

        offline = spec.kind is ModelKind.HUB and not hub_reachable()
        tokenizer = AutoTokenizer.from_pretrained(spec.location, local_files_only=offline)
        return template_for_tokenizer(tokenizer)
    except Exception as exc:  # any reason at all: the plain template still works
        log.warning(
            "no chat template for %r (%s); using the plain template for /v1/completions",
            model_name,
            short_reason(exc),
        )
        return PlainChatTemplate()


class APIBackend(LLMBackend):
    name = "api"

    def __init__(self, settings: LLMSettings) -> None:
        super().__init__(settings)
        url = settings.api_url.strip()
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            shown = mask_url_credentials(url)
            raise ConfigError(f"llm.api_url {shown!r} is not an http(s) URL")
        path = parts.path.rstrip("/")
        if path.endswith("/chat/completions"):
            self.chat = True
        elif path.endswith("/completions"):
            self.chat = False
        else:
            raise ConfigError(
                f"llm.api_url must end in /v1/completions or /v1/chat/completions, not {path!r}"
            )
        self.url = url
        # For log lines and errors: host, port and path; never user:password or the query
        # string, either of which may carry a key.
        port = f":{parts.port}" if parts.port else ""
        self.where = f"{parts.hostname}{port}{path}"
        self._model_field = (
            bundled_model(settings.model_name).filename.removesuffix(".gguf")
            if is_bundled(settings.model_name)
            else settings.model_name
        )
        self._default_stop = (
            bundled_model(settings.model_name).default_stop
            if is_bundled(settings.model_name)
            else ()
        )
        self._template: ChatTemplate | None = None
        self._session: aiohttp.ClientSession | None = None
        self.circuit = CircuitBreaker(
            failure_threshold=settings.circuit_failures, reset_after_s=settings.circuit_reset_s
        )
        self.counters: dict[str, float] = {
            "requests": 0,
            "completed": 0,
            "failed": 0,
            "retries": 0,
            "rejected_open_circuit": 0,
            "completion_tokens": 0,
        }

    @property
    def model(self) -> str:
        return self.settings.model_name

    async def start(self) -> None:
        if self._session is not None:
            return
        if not self.chat:
            self._template = await asyncio.to_thread(load_api_template, self.settings.model_name)
        headers = {"Content-Type": "application/json"}
        key = self.settings.api_key.get_secret_value()
        if key:
            headers["Authorization"] = f"Bearer {key}"
        self._session = aiohttp.ClientSession(
            headers=headers, connector=aiohttp.TCPConnector(limit=64), raise_for_status=False
        )
        log.info(
            "LLM API backend: %s (%s), model %s",
            self.where,
            "chat" if self.chat else "completions",
            self.settings.model_name,
        )

    async def close(self) -> None:
        session, self._session = self._session, None
        if session is not None:
            await session.close()

    def is_ready(self) -> bool:
        return self._session is not None and self.circuit.state is not CircuitState.OPEN

    def stats(self) -> dict[str, float]:
        state = self.circuit.state
        return {
            **self.counters,
            "circuit_open": float(state is CircuitState.OPEN),
            "circuit_half_open": float(state is CircuitState.HALF_OPEN),
            "circuit_opened_total": float(self.circuit.times_opened),
        }

    # -- generation ---------------------------------------------------------------------

    def _template_stop(self) -> tuple[str, ...]:
        return tuple(getattr(self._template, "stop", ()))

    def _model_stop(self) -> tuple[str, ...]:
        return self._default_stop

    def _log_details(self) -> str:
        return f"server={self.where}"

    async def _generate(self, request: GenerationRequest, deadline: float) -> GenerationResult:
        session = self._session
        if session is None:
            raise BackendUnavailableError("the LLM API backend is not started", kind="not_ready")
        self.counters["requests"] += 1
        started = time.monotonic()
        if not self.circuit.allow():
            self.counters["rejected_open_circuit"] += 1
            raise BackendUnavailableError(
                f"LLM API {self.where} is failing; circuit open for another "
                f"{self.circuit.retry_in_s():.1f} s",
                kind="circuit_open",
            )
        stops = request.stop
        payload = self._payload(request, stops)
        try:
            budget_s = request.timeout_s or self.settings.timeout_s
            answer = await self._post_with_retries(session, payload, deadline, budget_s)
            text = clean_answer(answer.text, stops, truncated=answer.finish_reason == "length")
            if not text:
                raise BackendError(
                    f"LLM API {self.where} answered HTTP 200 with an empty answer", kind="empty"
                )
        except BackendError:
            self.circuit.record_failure()
            self.counters["failed"] += 1
            raise
        except asyncio.CancelledError:
            # Cancelled at the deadline (by the base's timeout): that is a failure too.
            if time.monotonic() >= deadline - 0.05:
                self.circuit.record_failure()
                self.counters["failed"] += 1
            else:
                self.circuit.release_trial()
            raise
        self.circuit.record_success()
        self.counters["completed"] += 1
        self.counters["completion_tokens"] += answer.completion_tokens
        return GenerationResult(
            text=text,
            prompt_tokens=answer.prompt_tokens,
            completion_tokens=answer.completion_tokens,
            total_ms=(time.monotonic() - started) * 1000,
        )

    def _payload(self, request: GenerationRequest, stops: tuple[str, ...]) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "model": self._model_field,
            "max_tokens": request.max_tokens,
            # Servers' sampling defaults differ (llama.cpp's top_k/min_p): send ours.
            "temperature": request.temperature,
            "top_p": 1.0,
            "stream": False,
        }
        if stops:
            payload["stop"] = list(stops[:API_MAX_STOP])
        if self.chat:
            payload["messages"] = as_dicts(request.messages)
        else:
            assert self._template is not None
            payload["prompt"] = self._template.render(request.messages)
        return payload

    async def _post_with_retries(
        self,
        session: aiohttp.ClientSession,
        payload: dict[str, Any],
        deadline: float,
        budget_s: float,
    ) -> _Answer:
        attempt = 0
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise BackendError(
                    f"LLM API {self.where} gave no answer within {budget_s:.1f} s", kind="timeout"
                )
            retry_after: float | None = None
            try:
                async with session.post(
                    self.url, json=payload, timeout=aiohttp.ClientTimeout(total=remaining)
                ) as response:
                    status = response.status
                    if status == 200:
                        body = await response.read()
                        return self._parse(body)
                    retry_after = parse_retry_after(response.headers.get("Retry-After"))
                    error = BackendError(
                        f"LLM API {self.where} answered HTTP {status}", kind=f"http_{status}"
                    )
                    if status != 429 and status < 500:
                        raise error  # a client error does not get better by retrying
            except TimeoutError:
                raise BackendError(
                    f"LLM API {self.where} gave no answer within {budget_s:.1f} s", kind="timeout"
                ) from None
            except (aiohttp.ClientConnectionError, aiohttp.ClientPayloadError) as exc:
                error = BackendError(
                    f"LLM API {self.where}: connection failed ({type(exc).__name__})",
                    kind="connection",
                )
            attempt += 1
            if attempt > self.settings.api_retries:
                raise error
            delay = retry_after if retry_after is not None else _backoff(attempt)
            if time.monotonic() + delay >= deadline:
                raise error  # waiting would pass the deadline: fail now, not later
            self.counters["retries"] += 1
            log.info("LLM API %s: %s; retry %d in %.2f s", self.where, error.kind, attempt, delay)
            await asyncio.sleep(delay)

    def _parse(self, body: bytes) -> _Answer:
        try:
            data = json.loads(body)
        except ValueError:
            raise BackendError(
                f"LLM API {self.where} answered HTTP 200 with a body that is not JSON",
                kind="bad_response",
            ) from None
        try:
            choice = data["choices"][0]
            raw = choice["message"]["content"] if self.chat else choice["text"]
            usage = data.get("usage") or {}
            return _Answer(
                text=str(raw or ""),
                finish_reason=str(choice.get("finish_reason") or ""),
                prompt_tokens=int(usage.get("prompt_tokens") or 0),
                completion_tokens=int(usage.get("completion_tokens") or 0),
            )
        except (KeyError, IndexError, TypeError, ValueError, AttributeError):
            field = "choices[0].message.content" if self.chat else "choices[0].text"
            raise BackendError(
                f"LLM API {self.where} answered HTTP 200 without {field}", kind="bad_response"
            ) from None


def _backoff(attempt: int) -> float:
    base = min(_BACKOFF_MAX_S, _BACKOFF_BASE_S * 2 ** (attempt - 1))
    return base * (0.5 + random.random() / 2)  # jitter so that clients do not retry in step
