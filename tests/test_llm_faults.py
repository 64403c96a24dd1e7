"""The API backend against a server that misbehaves on purpose (tests/llm_support.py).

No real server fails on demand, so this one is a small aiohttp app on 127.0.0.1; every
other part is real: the pipeline, Presidio, the store and the aiohttp client.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from email.utils import formatdate

import pytest
import pytest_asyncio

from assistant.errors import BackendError
from assistant.llm.api import APIBackend, parse_retry_after
from assistant.llm.base import ChatTurn, GenerationRequest
from assistant.llm.circuit import CircuitBreaker, CircuitState
from assistant.messages import IncomingMessage, Source, Unanswered
from assistant.settings import LLMSettings
from bot.config import AppConfig

from .conftest import MakeChat
from .llm_support import LLM_QUESTIONS, FaultServer

TIMEOUT_S = 1.5
RETRIES = 2
PRIVATE_QUESTION = "My name is Margaret Thornton. " + LLM_QUESTIONS[0]


@pytest_asyncio.fixture
async def fault_server() -> AsyncIterator[FaultServer]:
    server = FaultServer()
    await server.start()
    yield server
    await server.stop()


def fault_settings(url: str, **overrides: object) -> LLMSettings:
    values: dict[str, object] = {
        "enabled": True,
        "use_api": True,
        "api_url": url,
        "model_name": "healthbot-tests/remote-model",
        "max_tokens": 32,
        "temperature": 0.0,
        "timeout_s": TIMEOUT_S,
        "api_retries": RETRIES,
        "circuit_failures": 50,
        "circuit_reset_s": 0.3,
    }
    values.update(overrides)
    return LLMSettings.model_validate(values)


def with_llm(app_config: AppConfig, settings: LLMSettings) -> AppConfig:
    return app_config.model_copy(update={"llm": settings})


def message(text: str = LLM_QUESTIONS[0], user: str = "u1") -> IncomingMessage:
    return IncomingMessage(platform="console", chat_id=user, user_id=user, text=text)


def request(text: str = PRIVATE_QUESTION) -> GenerationRequest:
    return GenerationRequest(
        messages=(ChatTurn("system", "Be careful."), ChatTurn("user", text)),
        max_tokens=32,
        temperature=0.0,
        timeout_s=TIMEOUT_S,
    )


# (mode, error kind, requests the server sees: retried modes get 1 + RETRIES)
FAULTS = [
    ("500", "http_500", 1 + RETRIES),
    ("429", "http_429", 1 + RETRIES),
    ("hang", "timeout", 1),
    ("close", "connection", 1 + RETRIES),
    ("notjson", "bad_response", 1),
    ("nochoices", "bad_response", 1),
    ("empty", "empty", 1),
    ("401", "http_401", 1),  # no retry on other 4xx
]


@pytest.mark.parametrize("kind", ["chat", "completions"])
@pytest.mark.parametrize(("mode", "error", "hits"), FAULTS)
async def test_fault_gives_the_fallback_reply_within_the_deadline(
    fault_server: FaultServer,
    make_chat: MakeChat,
    app_config: AppConfig,
    mode: str,
    error: str,
    hits: int,
    kind: str,
) -> None:
    config = with_llm(app_config, fault_settings(fault_server.url(mode, kind)))
    chat = await make_chat(config=config, backend=APIBackend(config.llm))

    started = time.monotonic()
    reply = await chat.ask(message())
    elapsed = time.monotonic() - started

    # the patient reads the vetted passage instead, and why is on the reply
    assert reply.source is Source.FALLBACK and reply.unanswered is Unanswered.LLM_FAILED
    assert "Based on: Raynaud's phenomenon" in reply.text
    assert reply.text.endswith(config.disclaimer.text)
    assert reply.llm is not None and reply.llm.error == error
    assert elapsed < TIMEOUT_S + 1.0  # the deadline, plus Presidio and the store
    assert fault_server.hits[mode] == hits


@pytest.mark.parametrize(("mode", "status"), [("500", "HTTP 500"), ("notjson", "not JSON")])
async def test_errors_name_server_and_status_but_never_the_prompt(
    fault_server: FaultServer, mode: str, status: str
) -> None:
    backend = APIBackend(fault_settings(fault_server.url(mode), api_retries=0))
    await backend.start()
    try:
        with pytest.raises(BackendError) as caught:
            await backend.generate(request())
    finally:
        await backend.close()
    text = str(caught.value)
    assert f"127.0.0.1:{fault_server.port}/{mode}/v1/chat/completions" in text
    assert status in text
    for secret in ("Margaret", "Thornton", "fingers", "internal", "Bad gateway"):
        assert secret not in text


async def test_retry_after_is_honoured(fault_server: FaultServer) -> None:
    fault_server.retry_after = "0.4"
    backend = APIBackend(fault_settings(fault_server.url("429"), api_retries=1, timeout_s=5))
    await backend.start()
    started = time.monotonic()
    try:
        with pytest.raises(BackendError, match="HTTP 429"):
            await backend.generate(
                GenerationRequest(
                    messages=request().messages, max_tokens=8, temperature=0, timeout_s=5
                )
            )
    finally:
        await backend.close()
    assert time.monotonic() - started >= 0.4
    assert fault_server.hits["429"] == 2
    assert backend.stats()["retries"] == 1


async def test_retry_after_past_the_deadline_fails_at_once(fault_server: FaultServer) -> None:
    fault_server.retry_after = "120"
    backend = APIBackend(fault_settings(fault_server.url("429")))
    await backend.start()
    started = time.monotonic()
    try:
        with pytest.raises(BackendError, match="HTTP 429"):
            await backend.generate(request())
    finally:
        await backend.close()
    assert time.monotonic() - started < TIMEOUT_S
    assert fault_server.hits["429"] == 1


async def test_answer_reaches_the_patient_and_the_server_sees_no_pii(
    fault_server: FaultServer, make_chat: MakeChat, app_config: AppConfig
) -> None:
    seen: list[str] = []
    config = with_llm(app_config, fault_settings(fault_server.url("ok")))
    backend = APIBackend(config.llm)
    chat = await make_chat(config=config, backend=backend)
    original = backend._payload

    def spy(req: GenerationRequest, stops: tuple[str, ...]) -> dict[str, object]:
        payload = original(req, stops)
        seen.append(repr(payload))
        return payload

    backend._payload = spy  # type: ignore[method-assign]
    reply = await chat.ask(message(PRIVATE_QUESTION))

    assert reply.source is Source.LLM
    assert reply.text.startswith("Cold makes the small blood vessels")
    assert reply.llm is not None and reply.llm.completion_tokens == 12
    assert seen and "Thornton" not in seen[0] and "<PERSON_1>" in seen[0]


async def test_circuit_opens_after_repeated_failures_and_closes_on_its_own(
    fault_server: FaultServer, make_chat: MakeChat, app_config: AppConfig
) -> None:
    settings = fault_settings(
        fault_server.url("switch"), api_retries=0, circuit_failures=2, circuit_reset_s=0.5
    )
    config = with_llm(app_config, settings)
    backend = APIBackend(config.llm)
    chat = await make_chat(config=config, backend=backend)
    fault_server.switch_mode = "500"

    for user in ("a", "b"):
        reply = await chat.ask(message(user=user))
        assert reply.llm is not None and reply.llm.error == "http_500"
    assert backend.stats()["circuit_open"] == 1
    assert not backend.is_ready()

    # open: refused without touching the server
    hits = fault_server.hits["switch"]
    reply = await chat.ask(message(user="c"))
    assert reply.source is Source.FALLBACK
    assert reply.text.endswith(config.disclaimer.text)
    assert reply.llm is not None and reply.llm.error == "circuit_open"
    assert reply.llm.total_ms < 50
    assert fault_server.hits["switch"] == hits

    # the server recovers; after reset_after_s one trial passes and closes the circuit
    fault_server.switch_mode = "ok"
    await asyncio.sleep(0.6)
    reply = await chat.ask(message(user="d"))
    assert reply.source is Source.LLM
    stats = backend.stats()
    assert (stats["circuit_open"], stats["circuit_half_open"]) == (0, 0)
    assert stats["circuit_opened_total"] == 1
    assert backend.is_ready()


# -- the circuit breaker and Retry-After on their own, with a controlled clock ----------------


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_circuit_breaker_states() -> None:
    clock = Clock()
    circuit = CircuitBreaker(failure_threshold=3, reset_after_s=10, clock=clock)
    for _ in range(2):
        assert circuit.allow()
        circuit.record_failure()
    circuit.record_success()  # a success resets the count
    for _ in range(3):
        assert circuit.allow()
        circuit.record_failure()
    assert circuit.state is CircuitState.OPEN
    assert not circuit.allow()
    assert circuit.retry_in_s() == 10
    clock.now += 10
    assert circuit.state is CircuitState.HALF_OPEN
    assert circuit.allow()  # one trial
    assert not circuit.allow()  # and only one
    circuit.record_failure()  # the trial failed: open again
    assert circuit.state is CircuitState.OPEN
    clock.now += 10
    assert circuit.allow()
    circuit.record_success()
    assert circuit.state is CircuitState.CLOSED
    assert circuit.times_opened == 2


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("3", 3.0),
        ("0.5", 0.5),
        ("-2", 0.0),
        (formatdate(1_000_030, usegmt=True), 30.0),
        ("soon", None),
        (None, None),
    ],
)
def test_parse_retry_after(header: str | None, expected: float | None) -> None:
    assert parse_retry_after(header, now=1_000_000) == expected
