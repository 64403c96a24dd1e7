"""The monitoring listener: ``/metrics`` (Prometheus) and ``/healthz`` (for HEALTHCHECK).

``/healthz`` answers 200 only when the event loop is responsive, every enabled adapter is
connected and the LLM backend is ready (or the LLM stage is off); otherwise 503 with a JSON
body that names each failed check. The loop's responsiveness is measured by a ticker task
that notes how late each of its wake-ups is.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST

from assistant.errors import ConfigError

if TYPE_CHECKING:
    from adapters.base import Adapter
    from assistant.pipeline import Assistant
    from bot.config import MonitoringSettings
    from bot.metrics import Metrics

log = logging.getLogger(__name__)

DEFAULT_MAX_LOOP_LAG_S = 1.0
DEFAULT_TICK_S = 0.25
#: a lag spike keeps /healthz at 503 this long, so that a scrape can see it
DEFAULT_LAG_WINDOW_S = 10.0


@dataclass(frozen=True, slots=True)
class HealthStatus:
    checks: dict[str, bool] = field(default_factory=dict)
    reasons: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return all(self.checks.values()) and not self.reasons

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": "ok" if self.ok else "unhealthy",
            "checks": self.checks,
            "reasons": list(self.reasons),
        }


def build_health_check(
    assistant: Assistant, adapters: Sequence[Adapter[Any]]
) -> Callable[[], HealthStatus]:
    """Checks for the started adapters and the LLM backend (the loop is checked by the server)."""

    def check() -> HealthStatus:
        checks: dict[str, bool] = {}
        reasons: list[str] = []
        for adapter in adapters:
            try:
                connected = adapter.is_connected()
            except Exception as exc:  # a broken check is an unhealthy adapter
                log.error("%s.is_connected() raised %s", adapter.name, type(exc).__name__)
                connected = False
            checks[f"adapter:{adapter.name}"] = connected
            if not connected:
                reasons.append(f"adapter {adapter.name} is not connected")
        if assistant.settings.llm.enabled:
            backend = assistant.backend
            try:
                ready = backend is not None and backend.is_ready()
            except Exception as exc:
                log.error("backend.is_ready() raised %s", type(exc).__name__)
                ready = False
            checks["llm"] = ready
            if not ready:
                name = backend.name if backend is not None else "none"
                reasons.append(f"LLM backend {name} is not ready")
        return HealthStatus(checks, tuple(reasons))

    return check


class MonitoringServer:
    """An aiohttp listener on ``settings.host:settings.port`` (port 0 picks a free one)."""

    def __init__(
        self,
        settings: MonitoringSettings,
        metrics: Metrics,
        health: Callable[[], HealthStatus],
        *,
        max_loop_lag_s: float = DEFAULT_MAX_LOOP_LAG_S,
        tick_s: float = DEFAULT_TICK_S,
        lag_window_s: float = DEFAULT_LAG_WINDOW_S,
    ) -> None:
        self.settings = settings
        self.metrics = metrics
        self.health = health
        self.max_loop_lag_s = max_loop_lag_s
        self.tick_s = tick_s
        self.lag_window_s = lag_window_s
        self._lags: deque[tuple[float, float]] = deque()
        self._runner: web.AppRunner | None = None
        self._ticker: asyncio.Task[None] | None = None
        self._last_tick = 0.0
        self.port: int | None = None

    async def start(self) -> None:
        if not self.settings.enabled:
            log.info("monitoring listener is off (monitoring.enabled: false)")
            return
        app = web.Application()
        app.router.add_get("/metrics", self._metrics)
        app.router.add_get("/healthz", self._healthz)
        # No access log: scrapes every few seconds would drown the message lines.
        runner = web.AppRunner(app, access_log=None, handler_cancellation=True)
        await runner.setup()
        site = web.TCPSite(runner, self.settings.host, self.settings.port)
        try:
            await site.start()
        except OSError as exc:
            await runner.cleanup()
            raise ConfigError(
                f"monitoring cannot listen on {self.settings.host}:{self.settings.port}: "
                f"{exc.strerror}"
            ) from exc
        self._runner = runner
        self.port = int(runner.addresses[0][1])
        self._last_tick = time.monotonic()
        self._ticker = asyncio.create_task(self._tick(), name="monitoring-loop-ticker")
        log.info("monitoring on http://%s:%d (/metrics, /healthz)", self.settings.host, self.port)

    async def stop(self) -> None:
        if self._ticker is not None:
            self._ticker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._ticker
            self._ticker = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _tick(self) -> None:
        # Each wake-up should come tick_s after the last; how late it is measures the lag.
        while True:
            before = time.monotonic()
            await asyncio.sleep(self.tick_s)
            now = time.monotonic()
            self._last_tick = now
            self._lags.append((now, max(0.0, now - before - self.tick_s)))
            while self._lags and self._lags[0][0] < now - self.lag_window_s:
                self._lags.popleft()

    def loop_lag_s(self) -> float:
        """The worst lag seen in the last lag_window_s, or how overdue the next tick is."""
        now = time.monotonic()
        recent = max((lag for at, lag in self._lags if at >= now - self.lag_window_s), default=0.0)
        overdue = now - self._last_tick - self.tick_s
        return max(recent, overdue, 0.0)

    def status(self) -> HealthStatus:
        base = self.health()
        lag = self.loop_lag_s()
        ticking = self._ticker is not None and not self._ticker.done()
        loop_ok = ticking and lag <= self.max_loop_lag_s
        checks = {"event_loop": loop_ok, **base.checks}
        reasons = list(base.reasons)
        if not loop_ok:
            reasons.insert(0, f"event loop lag {lag:.2f} s over {self.max_loop_lag_s:g} s")
        return HealthStatus(checks, tuple(reasons))

    async def _metrics(self, request: web.Request) -> web.Response:
        return web.Response(
            body=self.metrics.render(), headers={"Content-Type": CONTENT_TYPE_LATEST}
        )

    async def _healthz(self, request: web.Request) -> web.Response:
        status = self.status()
        body = {**status.to_dict(), "loop_lag_s": round(self.loop_lag_s(), 4)}
        return web.json_response(body, status=200 if status.ok else 503)
