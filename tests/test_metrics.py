"""Prometheus metrics fed by the assistant's observers, read back with prometheus-client."""

from __future__ import annotations

from collections import Counter

from prometheus_client import REGISTRY
from prometheus_client.parser import text_string_to_metric_families
from prometheus_client.samples import Sample

from assistant.messages import IncomingMessage, LLMUsage, Reply, Source
from bot.config import AppConfig
from bot.metrics import Metrics
from tests.conftest import MakeAssistant
from tests.fakes import Chat, Fail, FakeBackend
from tests.stats_support import make_commands, msg, ok


def samples(metrics: Metrics, name: str) -> list[Sample]:
    found = []
    for family in text_string_to_metric_families(metrics.render().decode()):
        found += [s for s in family.samples if s.name == name]
    return found


def value(metrics: Metrics, name: str, **labels: str) -> float | None:
    for sample in samples(metrics, name):
        if all(sample.labels.get(k) == v for k, v in labels.items()):
            return sample.value
    return None


async def test_observer_counts_pipeline_llm_and_commands(
    app_config: AppConfig, make_assistant: MakeAssistant
) -> None:
    app_config.llm.enabled = True
    backend = FakeBackend(ok(100, 30, 300.0, batch=4), ok(80, 20, 150.0), Fail("http_503"))
    assistant = await make_assistant(config=app_config, backend=backend)
    assert assistant.store is not None
    metrics = Metrics(assistant)
    commands = make_commands(app_config, assistant, assistant.store)
    replies: list[tuple[IncomingMessage, Reply]] = []
    for i, text in enumerate(
        [
            "How long does a cold usually last?",
            "Why does my left ear ring after concerts?",
            "Is a ferritin result of 400 worrying?",
            "How do I get rid of hiccups that keep coming back?",
            "I have crushing chest pain spreading down my left arm",
        ]
    ):
        message = msg("telegram" if i % 2 else "matrix", f"user{i}", text)
        replies.append((message, await commands.ask(message)))
    for name in ("help", "s3cr3t-name"):
        message = msg("telegram", "user9", f"/{name}")
        replies.append((message, (await commands.run(name, [], message)).reply))

    by_key = Counter((m.platform, r.source.value) for m, r in replies)
    for (platform, source), count in by_key.items():
        assert value(metrics, "healthbot_messages_total", platform=platform, source=source) == count

    pipeline = [r for _, r in replies if r.source not in (Source.COMMAND, Source.RATE_LIMITED)]
    for stage in ("anonymize", "triage", "rules", "llm", "total"):
        expected = sum(1 for r in pipeline if stage in r.timings_ms)
        got = value(metrics, "healthbot_stage_latency_seconds_count", stage=stage)
        assert (got or 0.0) == expected, stage

    usages = [r.llm for r in pipeline if r.llm is not None]
    assert usages, "the sequence must reach the LLM stage"
    good = [u for u in usages if u.error is None]
    bad = Counter(u.error for u in usages if u.error is not None)
    assert value(metrics, "healthbot_llm_requests_total", backend="scripted") == len(usages)
    assert (value(metrics, "healthbot_llm_generation_seconds_count") or 0) == len(good)
    for kind, count in bad.items():
        assert value(metrics, "healthbot_llm_errors_total", backend="scripted", kind=kind) == count
    completion = sum(u.completion_tokens for u in usages)
    assert value(metrics, "healthbot_llm_tokens_total", type="completion") == completion
    assert value(metrics, "healthbot_llm_batch_size_count") == sum(
        1 for u in usages if u.batch_size is not None
    )
    emergencies = Counter(r.category or "" for r in pipeline if r.source is Source.EMERGENCY)
    assert emergencies, "triage must catch the chest pain"
    for category, count in emergencies.items():
        assert value(metrics, "healthbot_triage_total", category=category) == count
    # Command labels are the known names only; anything else a person typed becomes "other".
    assert value(metrics, "healthbot_command_latency_seconds_count", command="help") == 1
    assert value(metrics, "healthbot_command_latency_seconds_count", command="other") == 1
    assert "s3cr3t" not in metrics.render().decode()


async def test_backend_gauges_and_readiness(
    app_config: AppConfig, make_assistant: MakeAssistant
) -> None:
    app_config.llm.enabled = True
    backend = FakeBackend(ok(1, 1, 1.0))
    assistant = await make_assistant(config=app_config, backend=backend)
    metrics = Metrics(assistant)
    backend.queue_depth, backend.current_batch = 3, 4
    assert value(metrics, "healthbot_llm_queue_depth", backend="scripted") == 3
    assert value(metrics, "healthbot_llm_current_batch_size", backend="scripted") == 4
    assert value(metrics, "healthbot_llm_backend_stat", stat="queue_depth") == 3
    assert value(metrics, "healthbot_llm_ready") == 1
    backend.ready = False
    assert value(metrics, "healthbot_llm_ready") == 0


async def test_each_app_has_its_own_registry(
    app_config: AppConfig, make_assistant: MakeAssistant
) -> None:
    first = Metrics(await make_assistant())
    second = Metrics(await make_assistant())
    message = msg("console", "someone", "hi")
    first.observe(message, Reply("hi", Source.FALLBACK, timings_ms={"total": 1.0}))
    assert value(first, "healthbot_messages_total", source="fallback") == 1
    assert value(second, "healthbot_messages_total", source="fallback") is None
    assert REGISTRY.get_sample_value("healthbot_messages_total") is None
    # With the LLM stage off, readiness is not a reason to alarm.
    assert value(second, "healthbot_llm_ready") == 1


async def test_close_stops_observing(app_config: AppConfig, make_assistant: MakeAssistant) -> None:
    assistant = await make_assistant()
    metrics = Metrics(assistant)
    assert metrics.observe in assistant.observers
    metrics.close()
    assert metrics.observe not in assistant.observers
    chat = Chat.of(assistant, app_config)
    chat.use_up_rate_limit("telegram", "u")
    await chat.ask(msg("telegram", "u", "x"))
    assert value(metrics, "healthbot_messages_total", source="rate_limited") is None


async def test_error_reply_without_generation_time(
    app_config: AppConfig, make_assistant: MakeAssistant
) -> None:
    metrics = Metrics(await make_assistant())
    usage = LLMUsage(backend="api", model="m", total_ms=30_000.0, error="timeout")
    reply = Reply(
        "sorry", Source.FALLBACK, timings_ms={"llm": 30_000.0, "total": 30_010.0}, llm=usage
    )
    metrics.observe(msg("telegram", "u", "q"), reply)
    assert value(metrics, "healthbot_llm_errors_total", backend="api", kind="timeout") == 1
    assert value(metrics, "healthbot_llm_generation_seconds_count") is None
    assert value(metrics, "healthbot_stage_latency_seconds_count", stage="llm") == 1
