"""The monitoring listener on loopback: /metrics and /healthz turning 503 and back to 200."""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from prometheus_client import CONTENT_TYPE_LATEST
from prometheus_client.parser import text_string_to_metric_families

from adapters.base import AdapterContext
from assistant.errors import ConfigError
from assistant.pipeline import Assistant
from bot.config import AppConfig, MonitoringSettings
from bot.metrics import Metrics
from bot.monitoring import MonitoringServer, build_health_check
from tests.conftest import MakeAssistant
from tests.fakes import Chat, FakeBackend, SwitchAdapter
from tests.stats_support import make_commands, msg, ok

LOOPBACK = MonitoringSettings(enabled=True, host="127.0.0.1", port=0)


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=5)) as session:
        yield session


def adapters_for(config: AppConfig, assistant: Assistant, *names: str) -> list[SwitchAdapter]:
    assert assistant.store is not None
    service = make_commands(config, assistant, assistant.store).service
    return [
        SwitchAdapter(
            AdapterContext(service, config.adapters.get(name), assistant.store, lambda: None),
            name,
        )
        for name in names
    ]


async def get(session: aiohttp.ClientSession, server: MonitoringServer, path: str) -> Any:
    async with session.get(f"http://127.0.0.1:{server.port}{path}") as response:
        body = await response.json() if path == "/healthz" else await response.text()
        return response.status, response.headers.get("Content-Type", ""), body


async def test_healthz_follows_adapters_and_backend(
    app_config: AppConfig, make_assistant: MakeAssistant, http: aiohttp.ClientSession
) -> None:
    app_config.llm.enabled = True
    backend = FakeBackend(ok(1, 1, 1.0))
    assistant = await make_assistant(config=app_config, backend=backend)
    telegram, matrix = adapters_for(app_config, assistant, "telegram", "matrix")
    for adapter in (telegram, matrix):
        await adapter.start()
    server = MonitoringServer(
        LOOPBACK, Metrics(assistant), build_health_check(assistant, [telegram, matrix])
    )
    await server.start()
    try:
        steps: list[tuple[str, Any, int, str | None]] = [
            # (what changes, how, expected status, expected reason)
            ("all up", lambda: None, 200, None),
            ("matrix drops", lambda: setattr(matrix, "connected", False), 503,
             "adapter matrix is not connected"),
            ("matrix back", lambda: setattr(matrix, "connected", True), 200, None),
            ("backend down", lambda: setattr(backend, "ready", False), 503,
             "LLM backend scripted is not ready"),
            ("backend back", lambda: setattr(backend, "ready", True), 200, None),
            ("telegram drops", lambda: setattr(telegram, "connected", False), 503,
             "adapter telegram is not connected"),
            ("telegram back", lambda: setattr(telegram, "connected", True), 200, None),
        ]  # fmt: skip
        for label, change, status, reason in steps:
            change()
            got, content_type, body = await get(http, server, "/healthz")
            assert got == status, (label, body)
            assert content_type.startswith("application/json")
            if reason is None:
                assert body["status"] == "ok" and body["reasons"] == [], label
            else:
                assert body["status"] == "unhealthy"
                assert body["reasons"] == [reason], label
                assert False in body["checks"].values()
        assert set(body["checks"]) == {"event_loop", "adapter:telegram", "adapter:matrix", "llm"}
    finally:
        await server.stop()


async def test_llm_off_is_not_a_failure(
    app_config: AppConfig, make_assistant: MakeAssistant, http: aiohttp.ClientSession
) -> None:
    assistant = await make_assistant()  # app_config has the LLM stage off
    (console,) = adapters_for(app_config, assistant, "console")
    await console.start()
    server = MonitoringServer(
        LOOPBACK, Metrics(assistant), build_health_check(assistant, [console])
    )
    await server.start()
    try:
        status, _, body = await get(http, server, "/healthz")
        assert status == 200
        assert "llm" not in body["checks"]
    finally:
        await server.stop()


async def test_healthz_503_while_event_loop_lags(
    make_assistant: MakeAssistant, http: aiohttp.ClientSession
) -> None:
    assistant = await make_assistant()
    server = MonitoringServer(
        LOOPBACK,
        Metrics(assistant),
        build_health_check(assistant, []),
        max_loop_lag_s=0.3,
        tick_s=0.05,
        lag_window_s=0.5,
    )
    await server.start()
    try:
        await asyncio.sleep(0.1)
        assert (await get(http, server, "/healthz"))[0] == 200
        time.sleep(0.6)  # noqa: ASYNC251 -- blocking the loop on purpose: this is the fault
        status, _, body = await get(http, server, "/healthz")
        assert status == 503
        assert body["checks"]["event_loop"] is False
        assert body["reasons"][0].startswith("event loop lag")
        assert body["loop_lag_s"] > 0.3
        await asyncio.sleep(0.7)  # the spike leaves the window
        status, _, body = await get(http, server, "/healthz")
        assert status == 200, body
    finally:
        await server.stop()
    assert server._ticker is None


async def test_metrics_endpoint_serves_prometheus_text(
    make_assistant: MakeAssistant, app_config: AppConfig, http: aiohttp.ClientSession
) -> None:
    assistant = await make_assistant()
    chat = Chat.of(assistant, app_config)
    metrics = Metrics(assistant)
    server = MonitoringServer(LOOPBACK, metrics, build_health_check(assistant, []))
    await server.start()
    try:
        chat.use_up_rate_limit("telegram", "u1")
        await chat.ask(msg("telegram", "u1", "hi"))
        status, content_type, text = await get(http, server, "/metrics")
        assert status == 200
        assert content_type == CONTENT_TYPE_LATEST  # the exposition format prometheus-client writes
        families = {f.name: f for f in text_string_to_metric_families(text)}
        (sample,) = [s for s in families["healthbot_messages"].samples if s.name.endswith("_total")]
        assert sample.labels == {"platform": "telegram", "source": "rate_limited"}
        assert sample.value == 1
    finally:
        await server.stop()


async def test_disabled_listener_does_not_bind(make_assistant: MakeAssistant) -> None:
    assistant = await make_assistant()
    off = MonitoringSettings(enabled=False, port=0)
    server = MonitoringServer(off, Metrics(assistant), build_health_check(assistant, []))
    await server.start()
    assert server.port is None
    await server.stop()


async def test_port_in_use_is_a_clear_error(make_assistant: MakeAssistant) -> None:
    assistant = await make_assistant()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        settings = MonitoringSettings(enabled=True, host="127.0.0.1", port=port)
        server = MonitoringServer(settings, Metrics(assistant), build_health_check(assistant, []))
        with pytest.raises(ConfigError, match=f"127.0.0.1:{port}"):
            await server.start()
        await server.stop()
