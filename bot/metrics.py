"""Prometheus metrics, fed by the assistant's reply observers.

Each :class:`Metrics` owns its own ``CollectorRegistry`` (never the process-global one), so
two apps in one process (tests) never share counters. Labels are low-cardinality values the
bot itself chose (platform, source, stage, backend, error kind, rule intent, triage
category, known command names), never anything a person typed.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Collection, Iterator
from typing import TYPE_CHECKING

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from assistant.commands import CommandRegistry
from assistant.handoff.cases import CaseEvent
from assistant.messages import IncomingMessage, Reply, Source, Stage

if TYPE_CHECKING:
    from assistant.handoff.service import Handoff
    from assistant.pipeline import Assistant

log = logging.getLogger(__name__)

PREFIX = "healthbot"
LATENCY_BUCKETS_S = (
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0,
)  # fmt: skip
GENERATION_BUCKETS_S = (0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 30.0, 60.0, 120.0)
BATCH_BUCKETS = (1, 2, 4, 8, 16, 32, 64, 128, 256)
#: time to the first staff reply: from a minute to a day
STAFF_REPLY_BUCKETS_S = (60, 300, 900, 1800, 3600, 7200, 14_400, 28_800, 86_400)
#: backend.stats() keys exported under their own gauge names
NAMED_BACKEND_GAUGES = {
    "queue_depth": ("llm_queue_depth", "Requests waiting for the LLM backend"),
    "batch_size": ("llm_current_batch_size", "Size of the batch the LLM backend is running"),
}
_NON_METRIC = re.compile(r"[^a-zA-Z0-9_]")


class _BackendCollector(Collector):
    """Gauges read from the live backend at scrape time: readiness and its own counters."""

    def __init__(self, assistant: Assistant) -> None:
        self._assistant = assistant

    def collect(self) -> Iterator[Metric]:
        backend = self._assistant.backend
        enabled = self._assistant.settings.llm.enabled
        ready = GaugeMetricFamily(
            f"{PREFIX}_llm_ready",
            "1 when the LLM backend takes requests (or the LLM stage is off)",
        )
        ready.add_metric([], 1.0 if not enabled or (backend and backend.is_ready()) else 0.0)
        yield ready
        if backend is None:
            return
        try:
            stats = backend.stats()
        except Exception as exc:  # a scrape must not fail on a backend bug
            log.error("backend.stats() failed: %s", type(exc).__name__)
            return
        generic = GaugeMetricFamily(
            f"{PREFIX}_llm_backend_stat",
            "Backend-specific figures from LLMBackend.stats()",
            labels=["backend", "stat"],
        )
        for key, value in sorted(stats.items()):
            name = _NON_METRIC.sub("_", key)
            generic.add_metric([backend.name, name], float(value))
            if key in NAMED_BACKEND_GAUGES:
                metric, doc = NAMED_BACKEND_GAUGES[key]
                gauge = GaugeMetricFamily(f"{PREFIX}_{metric}", doc, labels=["backend"])
                gauge.add_metric([backend.name], float(value))
                yield gauge
        yield generic


class _OpenCasesCollector(Collector):
    def __init__(self, handoff: Handoff) -> None:
        self._handoff = handoff

    def collect(self) -> Iterator[Metric]:
        gauge = GaugeMetricFamily(f"{PREFIX}_handoff_open_cases", "Cases open with staff now")
        gauge.add_metric([], float(self._handoff.open_now))
        yield gauge


class Metrics:
    """Counts every handled message; ``render()`` gives the Prometheus text exposition."""

    def __init__(
        self,
        assistant: Assistant,
        command_names: Collection[str] = (),
        *,
        handoff: Handoff | None = None,
    ) -> None:
        self.assistant = assistant
        self.handoff = handoff
        #: command labels kept as they are; any other becomes "other"
        self.command_names = frozenset(command_names or CommandRegistry.default().names())
        self.registry = CollectorRegistry()
        r = self.registry
        self.messages = Counter(
            f"{PREFIX}_messages", "Handled messages", ["platform", "source"], registry=r
        )
        self.stage_latency = Histogram(
            f"{PREFIX}_stage_latency_seconds",
            "Pipeline stage latency (commands and rate-limit notices excluded)",
            ["stage"],
            buckets=LATENCY_BUCKETS_S,
            registry=r,
        )
        self.command_latency = Histogram(
            f"{PREFIX}_command_latency_seconds",
            "Chat command latency",
            ["command"],
            buckets=LATENCY_BUCKETS_S,
            registry=r,
        )
        self.rule_answers = Counter(
            f"{PREFIX}_rule_answers", "Rule answers by intent", ["intent"], registry=r
        )
        self.triage = Counter(
            f"{PREFIX}_triage", "Emergency replies by category", ["category"], registry=r
        )
        self.llm_requests = Counter(
            f"{PREFIX}_llm_requests", "LLM generations tried", ["backend", "model"], registry=r
        )
        self.llm_errors = Counter(
            f"{PREFIX}_llm_errors", "Failed LLM generations", ["backend", "kind"], registry=r
        )
        self.llm_tokens = Counter(
            f"{PREFIX}_llm_tokens", "LLM tokens", ["backend", "type"], registry=r
        )
        self.generation = Histogram(
            f"{PREFIX}_llm_generation_seconds",
            "Time to generate one successful LLM answer",
            ["backend"],
            buckets=GENERATION_BUCKETS_S,
            registry=r,
        )
        self.ttft = Histogram(
            f"{PREFIX}_llm_ttft_seconds",
            "Time to the first generated token",
            ["backend"],
            buckets=LATENCY_BUCKETS_S,
            registry=r,
        )
        self.batch_size = Histogram(
            f"{PREFIX}_llm_batch_size",
            "Batch size each LLM request ran in",
            ["backend"],
            buckets=BATCH_BUCKETS,
            registry=r,
        )
        self.cases = Counter(
            f"{PREFIX}_handoff_cases",
            "Handoff cases by event: opened, closed, timed_out (no staff reply in time), alert",
            ["event", "platform"],
            registry=r,
        )
        self.first_staff_reply = Histogram(
            f"{PREFIX}_handoff_first_reply_seconds",
            "Time from a case opening to the first staff reply",
            buckets=STAFF_REPLY_BUCKETS_S,
            registry=r,
        )
        r.register(_BackendCollector(assistant))
        assistant.observers.append(self.observe)
        if handoff is not None:
            r.register(_OpenCasesCollector(handoff))
            handoff.observers.append(self.observe_case)

    def close(self) -> None:
        """Stop observing (the registry keeps its values)."""
        if self.observe in self.assistant.observers:
            self.assistant.observers.remove(self.observe)
        if self.handoff is not None and self.observe_case in self.handoff.observers:
            self.handoff.observers.remove(self.observe_case)

    def observe_case(self, event: CaseEvent) -> None:
        if event.kind == "first_reply":
            if event.wait_s is not None:
                self.first_staff_reply.observe(event.wait_s)
            return
        self.cases.labels(event.kind, event.platform).inc()

    def observe(self, message: IncomingMessage, reply: Reply) -> None:
        source = reply.source
        self.messages.labels(message.platform, source.value).inc()
        if source is Source.COMMAND:
            command = reply.intent if reply.intent in self.command_names else "other"
            total = reply.timings_ms.get(Stage.TOTAL.value)
            if total is not None:
                self.command_latency.labels(command).observe(total / 1000)
            return
        if source in (Source.RATE_LIMITED, Source.HANDOFF):
            return
        for stage in Stage:
            value = reply.timings_ms.get(stage.value)
            if value is not None:
                self.stage_latency.labels(stage.value).observe(value / 1000)
        if source is Source.RULE and reply.intent:
            self.rule_answers.labels(reply.intent).inc()
        if source in (Source.EMERGENCY, Source.URGENT) and reply.category:
            # one counter for both levels; an urgent category is prefixed so they stay apart
            prefix = "" if source is Source.EMERGENCY else "urgent:"
            self.triage.labels(prefix + reply.category).inc()
        usage = reply.llm
        if usage is None:
            return
        self.llm_requests.labels(usage.backend, usage.model).inc()
        if usage.prompt_tokens:
            self.llm_tokens.labels(usage.backend, "prompt").inc(usage.prompt_tokens)
        if usage.completion_tokens:
            self.llm_tokens.labels(usage.backend, "completion").inc(usage.completion_tokens)
        if usage.batch_size is not None:
            self.batch_size.labels(usage.backend).observe(usage.batch_size)
        if usage.ttft_ms is not None:
            self.ttft.labels(usage.backend).observe(usage.ttft_ms / 1000)
        if usage.error is not None:
            self.llm_errors.labels(usage.backend, usage.error).inc()
        else:
            self.generation.labels(usage.backend).observe(usage.total_ms / 1000)

    def render(self) -> bytes:
        return generate_latest(self.registry)
