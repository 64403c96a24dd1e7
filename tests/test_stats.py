"""The /stats report: exact figures from known rows, windows, text, JSON, chart, command, CLI."""

from __future__ import annotations

import dataclasses
import io
import json
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from PIL import Image
from prometheus_client.parser import text_string_to_metric_families

from assistant.messages import Source
from assistant.storage import MessageRecord, Store
from bot.config import AppConfig
from bot.metrics import Metrics
from bot.stats import build_report
from bot.stats_chart import HEIGHT_PX, WIDTH_PX, render_png
from bot.stats_commands import run_stats_cli
from tests.conftest import MakeAssistant
from tests.fakes import Fail, FakeBackend
from tests.stats_support import (
    ADMIN_MATRIX,
    ADMIN_TELEGRAM,
    Outcome,
    make_commands,
    msg,
    ok,
    record,
    with_admins,
)

NOW = 1_700_000_000.0
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    store = Store(tmp_path / "stats.db")
    await store.open()
    yield store
    await store.close()


def known_rows() -> list[MessageRecord]:
    """19 rows in the last 24 h, plus two that fall outside it (before and after)."""
    rows = [
        *(record(user_hash="u1", intent="fever") for _ in range(3)),
        *(record(user_hash="u2", intent="headache") for _ in range(2)),
        record(platform="matrix", user_hash="u3", intent="fever"),
        record(user_hash="u1", source="emergency", category="chest_pain"),
        *(record(platform="matrix", user_hash="u4", source="emergency", category="self_harm")
          for _ in range(2)),
        record(user_hash="u2", source="llm", llm_backend="local", llm_model="m",
               prompt_tokens=100, completion_tokens=50, llm_ms=500.0, ttft_ms=50.0, batch_size=1),
        record(user_hash="u2", source="llm", llm_backend="local", llm_model="m",
               prompt_tokens=120, completion_tokens=150, llm_ms=1500.0, ttft_ms=70.0,
               batch_size=2),
        record(user_hash="u5", source="fallback", llm_backend="local", llm_model="m",
               llm_error="timeout", llm_ms=2000.0, prompt_tokens=0, completion_tokens=0),
        record(platform="matrix", user_hash="u3", source="fallback", llm_backend="local",
               llm_model="m", llm_error="http_500", llm_ms=30.0),
        record(user_hash="u1", source="fallback"),
    ]  # fmt: skip
    # Pipeline rows get total_ms 10, 20, ..., 140 (p50 75, p95 133.5 by linear interpolation).
    rows = [
        dataclasses.replace(r, ts=NOW - 60 * (i + 1), total_ms=10.0 * (i + 1))
        for i, r in enumerate(rows)
    ]
    # Commands and rate-limit notices: their timings must stay out of the stage figures.
    rows += [
        record(user_hash="u1", source="command", intent="help", ts=NOW - 30, total_ms=9999.0),
        record(platform="matrix", user_hash="u3", source="command", intent="stats", ts=NOW - 20,
               total_ms=9999.0),
        record(user_hash="u6", source="command", intent="johnsmith", ts=NOW - 10,
               total_ms=9999.0),
        record(user_hash="u6", source="rate_limited", ts=NOW - 5),
        record(user_hash="u6", source="rate_limited", ts=NOW),
        record(user_hash="old", ts=NOW - 86_400 - 1, total_ms=5.0),
        record(user_hash="future", ts=NOW + 10, total_ms=5.0),
    ]  # fmt: skip
    return rows


async def fill(store: Store) -> None:
    for row in known_rows():
        await store.record(row)


async def test_counts_sources_and_users(store: Store) -> None:
    await fill(store)
    report = await build_report(store, "24h", now=NOW)
    assert report.total == 19
    assert report.by_platform == {"telegram": 14, "matrix": 5}
    assert report.by_source == {
        "emergency": 3, "urgent": 0, "rule": 6, "llm": 2, "knowledge": 0, "fallback": 3,
        "command": 3, "rate_limited": 2, "handoff": 0,
    }  # fmt: skip
    assert report.by_platform_source["matrix"] == {
        "command": 1, "emergency": 2, "fallback": 1, "rule": 1,
    }  # fmt: skip
    assert report.unique_users == 6
    assert report.rate_limited == 2
    assert report.categories == {"self_harm": 2, "chest_pain": 1}
    assert report.top_intents == [("fever", 4), ("headache", 2)]
    # A typed-in unknown command name is never echoed back.
    assert report.commands == {"help": 1, "other": 1, "stats": 1}


async def test_llm_figures(store: Store) -> None:
    await fill(store)
    llm = (await build_report(store, "24h", now=NOW)).llm
    assert (llm.requests, llm.errors) == (4, 2)
    assert llm.error_rate == 0.5
    assert llm.error_kinds == {"http_500": 1, "timeout": 1}
    assert (llm.prompt_tokens, llm.completion_tokens) == (220, 200)
    assert llm.tokens_per_s == 100.0  # 200 tokens in 2.0 s of successful generation
    assert (llm.generation_ms.count, llm.generation_ms.p50, llm.generation_ms.p95) == (
        2, 1000.0, 1450.0,
    )  # fmt: skip
    assert (llm.ttft_ms.p50, llm.ttft_ms.p95) == (60.0, 69.0)
    assert llm.batch_sizes == {1: 1, 2: 1}
    assert llm.models == {"local/m": 4}
    assert (llm.backend, llm.model, llm.ready) == ("local", "m", None)


async def test_stage_percentiles_exclude_commands(store: Store) -> None:
    await fill(store)
    stages = (await build_report(store, "24h", now=NOW)).stages
    assert (stages["total"].count, stages["total"].p50, stages["total"].p95) == (14, 75.0, 133.5)
    assert stages["anonymize"].count == 0  # no row in this set has that stage timed


@pytest.mark.parametrize(
    ("window", "expected"),
    [("24h", 1), ("7d", 2), ("30d", 3), ("all", 4)],
)
async def test_windows(store: Store, window: str, expected: int) -> None:
    for age_s in (3600, 3 * 86_400, 20 * 86_400, 400 * 86_400):
        await store.record(record(ts=NOW - age_s, total_ms=1.0))
    report = await build_report(store, window, now=NOW)
    assert report.total == expected
    assert sum(sum(c.values()) for _, c in report.timeline) == expected


async def test_unknown_window_is_rejected(store: Store) -> None:
    with pytest.raises(ValueError, match="24h"):
        await build_report(store, "2w", now=NOW)


async def test_timeline_buckets_by_hour_and_source(store: Store) -> None:
    hour = NOW - NOW % 3600
    for ts, source in [(hour + 5, "rule"), (hour + 50, "llm"), (hour - 10, "rule")]:
        await store.record(record(ts=ts, source=source))
    report = await build_report(store, "24h", now=hour + 100)
    assert report.bucket_s == 3600
    assert report.timeline == [(hour - 3600, {"rule": 1}), (hour, {"llm": 1, "rule": 1})]


async def test_text_and_dict_agree(store: Store) -> None:
    await fill(store)
    report = await build_report(store, "24h", now=NOW)
    text = report.to_text()
    assert "Messages: 19 · users: 6 · rate-limited: 2" in text
    assert (
        "By source: emergency 3 · urgent 0 · rule 6 · llm 2 · knowledge 0 · fallback 3 · "
        "command 3 · "
        "rate_limited 2"
    ) in text
    assert "Requests 4 · errors 2 (50.0%): http_500 1 · timeout 1" in text
    assert "johnsmith" not in text
    data = json.loads(json.dumps(report.to_dict()))
    assert data["messages"] == 19
    assert data["by_source"]["rule"] == 6
    assert data["llm"]["error_kinds"] == {"http_500": 1, "timeout": 1}
    assert data["latency_ms"]["total"] == {"count": 14, "p50": 75.0, "p95": 133.5}
    assert sum(data["latency_histogram"]["counts"]) == 14


@pytest.mark.parametrize("with_rows", [True, False])
async def test_png_is_valid_and_sized(store: Store, with_rows: bool) -> None:
    if with_rows:
        await fill(store)
    png = await render_png(await build_report(store, "24h", now=NOW))
    assert png.startswith(PNG_SIGNATURE)
    with Image.open(io.BytesIO(png)) as image:
        image.verify()
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG"
        assert image.size == (WIDTH_PX, HEIGHT_PX)


# -- through the real assistant ------------------------------------------------------------


async def test_known_sequence_in_report_json_and_metrics(
    app_config: AppConfig, make_assistant: MakeAssistant, capsys: pytest.CaptureFixture[str]
) -> None:
    config = with_admins(app_config)
    config.llm.enabled = True
    backend = FakeBackend(ok(120, 40, 400.0, batch=2), Fail("timeout"))
    assistant = await make_assistant(config=config, backend=backend)
    assert assistant.store is not None
    metrics = Metrics(assistant)
    commands = make_commands(config, assistant, assistant.store)
    outcome = Outcome()
    sequence = [
        msg("telegram", "2001", "How can I get rid of a headache?"),
        msg("telegram", "2001", "What should I do about a high temperature?"),
        msg("telegram", "2002", "I have crushing chest pain spreading down my left arm"),
        msg("matrix", "@nurse:localhost", "How do I get rid of hiccups that keep coming back?"),
        msg("matrix", "@nurse:localhost", "Why does my eyelid keep twitching?"),
        msg("matrix", "@ward:localhost", "I want to end my life tonight"),
    ]
    for message in sequence:
        outcome.add(message, await commands.ask(message))
    # A user of their own: the limit holds for commands too, and 2003 sends one below.
    limited = msg("telegram", "2004", "hello again")
    commands.use_up_rate_limit("telegram", "2004")
    for _ in range(2):
        outcome.add(limited, await commands.ask(limited))
    for platform, user, name in [
        ("telegram", "2001", "help"),
        ("matrix", "@nurse:localhost", "privacy"),
        ("telegram", "2003", "frobnicate"),
    ]:
        command = msg(platform, user, f"/{name}")
        outcome.add(command, (await commands.run(name, [], command)).reply)

    sources = outcome.by_source
    assert sources["emergency"] == 2  # triage must catch both
    assert sources["rule"] >= 1 and sources["llm"] >= 1 and sources["fallback"] >= 1

    admin = msg("telegram", ADMIN_TELEGRAM, "/stats")
    result = await commands.run("stats", [], admin)
    text = result.reply.text
    # The report was built before the /stats row itself was stored.
    assert f"Messages: {len(outcome.replies)} · users: {len(outcome.users)} · rate-limited: 2" in (
        text
    )
    expected_sources = " · ".join(
        f"{s.value} {sources.get(s.value, 0)}" for s in Source if s is not Source.STAFF
    )
    assert f"By source: {expected_sources}" in text
    assert "Triage: " in text and "self_harm 1" in text
    llm_replies = [r.llm for _, r in outcome.replies if r.llm is not None]
    errors = sum(1 for u in llm_replies if u.error)
    assert f"Requests {len(llm_replies)} · errors {errors}" in text
    assert "LLM: scripted · scripted-model (ready)" in text
    assert text.endswith(config.disclaimer.text)
    assert [a.mime_type for a in result.attachments] == ["image/png"]
    outcome.add(admin, result.reply)

    # The CLI reads the file through its own connection: rows reach it within the store's
    # write delay, so write the queued ones now rather than wait.
    await assistant.store.flush()
    rc = await run_stats_cli(config, "24h", as_json=True, png_path=None)
    assert rc == 0
    data = json.loads(capsys.readouterr().out)
    assert data["messages"] == len(outcome.replies)
    assert data["unique_users"] == len(outcome.users)
    assert data["by_platform"] == dict(outcome.by_platform)
    assert {k: v for k, v in data["by_source"].items() if v} == dict(outcome.by_source)
    assert data["llm"]["requests"] == len(llm_replies)
    assert data["llm"]["prompt_tokens"] == sum(u.prompt_tokens for u in llm_replies)
    assert data["llm"]["completion_tokens"] == sum(u.completion_tokens for u in llm_replies)
    assert data["llm"]["error_kinds"] == {"timeout": errors}

    families = {f.name: f for f in text_string_to_metric_families(metrics.render().decode())}
    counted = {
        (s.labels["platform"], s.labels["source"]): s.value
        for s in families["healthbot_messages"].samples
        if s.name == "healthbot_messages_total"
    }
    assert counted == {key: float(n) for key, n in outcome.by_platform_source.items()}
    requests = [s for s in families["healthbot_llm_requests"].samples if s.name.endswith("_total")]
    assert [(s.labels["backend"], s.value) for s in requests] == [("scripted", len(llm_replies))]
    metrics.close()


async def test_stats_command_admin_only_and_usage(
    app_config: AppConfig, make_assistant: MakeAssistant
) -> None:
    config = with_admins(app_config)
    assistant = await make_assistant(config=config)
    assert assistant.store is not None
    commands = make_commands(config, assistant, assistant.store)
    cases = [
        # (platform, user, args, expect chart, text fragment)
        ("telegram", ADMIN_TELEGRAM, [], True, "healthbot usage, last 24h"),
        ("matrix", ADMIN_MATRIX, ["7d"], True, "healthbot usage, last 7d"),
        ("telegram", ADMIN_TELEGRAM, ["ALL"], True, "healthbot usage, all time"),
        ("telegram", "2999", [], False, "only for clinic admins"),
        ("matrix", "@guest:localhost", ["7d"], False, "only for clinic admins"),
        ("telegram", ADMIN_TELEGRAM, ["2w"], False, "Usage: /stats [24h|7d|30d|all]"),
        ("matrix", ADMIN_MATRIX, ["24h", "x"], False, "Usage: !stats [24h|7d|30d|all]"),
    ]
    for platform, user, args, chart, fragment in cases:
        result = await commands.run("stats", args, msg(platform, user, "/stats"))
        assert fragment in result.reply.text, (platform, user, args)
        assert result.reply.source is Source.COMMAND
        assert result.reply.text.endswith(config.disclaimer.text)
        assert bool(result.attachments) is chart, (platform, user, args)
        for attachment in result.attachments:
            assert attachment.data.startswith(PNG_SIGNATURE)
            assert attachment.filename.endswith(".png")


async def test_cli_text_png_and_errors(
    app_config: AppConfig, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = await run_stats_cli(app_config, "24h", as_json=False, png_path=None)
    assert missing == 1
    assert "no database" in capsys.readouterr().err

    store = Store(app_config.storage.path)
    await store.open()
    base = time.time() - 3600  # NOW's rows an hour ago: the "future" one is now in the past
    for row in known_rows():
        await store.record(dataclasses.replace(row, ts=row.ts - NOW + base))
    await store.close()

    png_path = tmp_path / "chart.png"
    assert await run_stats_cli(app_config, "7d", as_json=False, png_path=png_path) == 0
    out = capsys.readouterr().out
    assert "healthbot usage, last 7d" in out
    assert "Messages: 21 · users: 8" in out  # the day-old and "future" rows count too
    with Image.open(png_path) as image:
        assert image.size == (WIDTH_PX, HEIGHT_PX)

    assert await run_stats_cli(app_config, "fortnight", as_json=False, png_path=None) == 2
    assert "unknown window" in capsys.readouterr().err
