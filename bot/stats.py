"""The admin usage report: built from the store's aggregates, rendered as a text table.

Every figure comes from ``messages`` rows (never text). Counts are aggregated in SQLite by
:meth:`assistant.storage.Store.report_rows`; percentiles are computed here with numpy from
one fetch of the timing columns, so a report over 100,000 rows takes well under a second
(see ``bench/stats.py``). The chart is drawn by :mod:`bot.stats_chart`.
"""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant.commands import CommandRegistry
from assistant.messages import Source, Stage
from assistant.storage import TIMING_COLUMNS, Store
from bot.stats_handoff import HandoffSection

if TYPE_CHECKING:
    from assistant.llm.base import LLMBackend

log = logging.getLogger(__name__)

#: window name -> seconds (None: everything stored)
WINDOWS: dict[str, float | None] = {"24h": 86_400.0, "7d": 7 * 86_400.0, "30d": 30 * 86_400.0}
WINDOWS["all"] = None
DEFAULT_WINDOW = "24h"
STAGES: tuple[Stage, ...] = tuple(Stage)
# Columns of the timing matrix after the stages (see TIMING_COLUMNS).
_TTFT, _GENERATION = len(STAGES), len(STAGES) + 1
TOP_INTENTS = 5
# Commands and rate-limit notices never run the pipeline; their timings would skew it.
_NOT_PIPELINE = (Source.COMMAND.value, Source.RATE_LIMITED.value, Source.HANDOFF.value)
USAGE_TEXT = "Usage: {prefix}stats [24h|7d|30d|all] (default 24h)."


@dataclass(frozen=True, slots=True)
class Percentiles:
    count: int = 0
    p50: float | None = None
    p95: float | None = None

    @classmethod
    def of(cls, values: np.ndarray) -> Percentiles:
        present = values[~np.isnan(values)]
        if present.size == 0:
            return cls()
        p50, p95 = np.percentile(present, [50, 95])
        return cls(int(present.size), round(float(p50), 3), round(float(p95), 3))


@dataclass(frozen=True, slots=True)
class LLMSection:
    requests: int = 0
    errors: int = 0
    error_kinds: dict[str, int] = field(default_factory=dict)
    generation_ms: Percentiles = Percentiles()
    ttft_ms: Percentiles = Percentiles()
    tokens_per_s: float | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0
    batch_sizes: dict[int, int] = field(default_factory=dict)
    #: "backend/model" -> requests in the window
    models: dict[str, int] = field(default_factory=dict)
    backend: str | None = None
    model: str | None = None
    #: None when the report is built without a live backend (CLI)
    ready: bool | None = None

    @property
    def error_rate(self) -> float:
        return self.errors / self.requests if self.requests else 0.0


@dataclass(frozen=True, slots=True)
class StatsReport:
    window: str
    since: float
    until: float
    total: int
    by_platform: dict[str, int]
    by_source: dict[str, int]
    by_platform_source: dict[str, dict[str, int]]
    unique_users: int
    categories: dict[str, int]
    top_intents: list[tuple[str, int]]
    commands: dict[str, int]
    llm: LLMSection
    stages: dict[str, Percentiles]
    #: chart data: bucket width, then (bucket start, {source: count}) in time order
    bucket_s: float = 3600.0
    timeline: list[tuple[float, dict[str, int]]] = field(default_factory=list)
    #: total pipeline latency histogram: len(edges) == len(counts) + 1, in ms
    latency_edges: list[float] = field(default_factory=list)
    latency_counts: list[int] = field(default_factory=list)
    handoff: HandoffSection = field(default_factory=HandoffSection)

    @property
    def rate_limited(self) -> int:
        return self.by_source.get(Source.RATE_LIMITED.value, 0)

    def to_dict(self) -> dict[str, Any]:
        llm = self.llm
        return {
            "window": self.window,
            "since": self.since,
            "until": self.until,
            "messages": self.total,
            "unique_users": self.unique_users,
            "rate_limited": self.rate_limited,
            "by_platform": self.by_platform,
            "by_source": self.by_source,
            "by_platform_source": self.by_platform_source,
            "triage_categories": self.categories,
            "top_intents": [{"intent": i, "count": c} for i, c in self.top_intents],
            "commands": self.commands,
            "llm": {
                "backend": llm.backend,
                "model": llm.model,
                "ready": llm.ready,
                "requests": llm.requests,
                "errors": llm.errors,
                "error_rate": round(llm.error_rate, 4),
                "error_kinds": llm.error_kinds,
                "generation_ms": _pct_dict(llm.generation_ms),
                "ttft_ms": _pct_dict(llm.ttft_ms),
                "tokens_per_s": llm.tokens_per_s,
                "prompt_tokens": llm.prompt_tokens,
                "completion_tokens": llm.completion_tokens,
                "batch_sizes": {str(k): v for k, v in llm.batch_sizes.items()},
                "models": llm.models,
            },
            "latency_ms": {name: _pct_dict(p) for name, p in self.stages.items()},
            "timeline": {
                "bucket_s": self.bucket_s,
                "buckets": [{"start": start, **counts} for start, counts in self.timeline],
            },
            "latency_histogram": {"edges_ms": self.latency_edges, "counts": self.latency_counts},
            "handoff": self.handoff.to_dict(),
        }

    def to_text(self) -> str:
        return format_text(self)


def _by_count(item: tuple[str, int]) -> tuple[int, str]:
    return (-item[1], item[0])


def _pct_dict(p: Percentiles) -> dict[str, Any]:
    return {"count": p.count, "p50": p.p50, "p95": p.p95}


# -- the report ----------------------------------------------------------------------------


def window_seconds(window: str) -> float | None:
    try:
        return WINDOWS[window]
    except KeyError:
        known = "|".join(WINDOWS)
        raise ValueError(f"unknown window {window!r}; use one of {known}") from None


async def build_report(
    store: Store,
    window: str = DEFAULT_WINDOW,
    now: float | None = None,
    backend: LLMBackend | None = None,
    command_names: Collection[str] = (),
) -> StatsReport:
    """Aggregate the rows with ``since <= ts <= now``. Raises ValueError for a bad window.

    ``command_names``: the registered commands; any other stored command label is "other".
    """
    span = window_seconds(window)
    until = time.time() if now is None else now
    if span is None:  # "all" starts at the oldest row
        first = await store.oldest_ts()
        since = until if first is None else min(first, until)
    else:
        since = until - span
    # Hours stay readable up to about a month; beyond that a bar per day.
    bucket_s = 3600.0 if until - since <= 31 * 86_400 else 86_400.0
    rows = await store.report_rows(since, until, bucket_s=bucket_s, not_timed=_NOT_PIPELINE)
    cases = HandoffSection.of(await store.case_figures(since, until))

    known = set(command_names) if command_names else set(CommandRegistry.default().names())
    by_platform: dict[str, int] = {}
    # Relayed staff replies are not handled messages: they never have a row.
    by_source: dict[str, int] = {s.value: 0 for s in Source if s is not Source.STAFF}
    by_platform_source: dict[str, dict[str, int]] = {}
    labelled: dict[str, dict[str, int]] = {s.value: {} for s in Source}
    # One pass for platform x source and each source's label: triage category, rule intent,
    # command name.
    for source, platform, intent, category, count in rows.labelled:
        by_platform[platform] = by_platform.get(platform, 0) + count
        by_source[source] = by_source.get(source, 0) + count
        cell = by_platform_source.setdefault(platform, {})
        cell[source] = cell.get(source, 0) + count
        triaged = source in (Source.EMERGENCY.value, Source.URGENT.value)
        label = category if triaged else intent
        if label is not None:
            if source == Source.COMMAND.value and label not in known:
                label = "other"  # an unknown command name was typed by a person: never echo it
            counts = labelled.setdefault(source, {})
            counts[label] = counts.get(label, 0) + count
    timings = _timing_matrix(rows.timings)
    hist_edges, hist_counts = _latency_histogram(timings[:, STAGES.index(Stage.TOTAL)])
    return StatsReport(
        window=window,
        since=since,
        until=until,
        total=sum(by_platform.values()),
        by_platform=dict(sorted(by_platform.items(), key=_by_count)),
        by_source=by_source,
        by_platform_source={
            p: dict(sorted(c.items())) for p, c in sorted(by_platform_source.items())
        },
        unique_users=rows.unique_users,
        # both triage levels; urgent categories carry an "urgent:" prefix
        categories=dict(
            sorted(
                [
                    *labelled[Source.EMERGENCY.value].items(),
                    *((f"urgent:{k}", v) for k, v in labelled[Source.URGENT.value].items()),
                ],
                key=_by_count,
            )
        ),
        top_intents=sorted(labelled[Source.RULE.value].items(), key=_by_count)[:TOP_INTENTS],
        commands=dict(sorted(labelled[Source.COMMAND.value].items(), key=_by_count)),
        llm=_llm_section(rows.llm, timings, backend),
        stages={stage.value: Percentiles.of(timings[:, i]) for i, stage in enumerate(STAGES)},
        bucket_s=bucket_s,
        timeline=_timeline(rows.timeline, bucket_s),
        latency_edges=hist_edges,
        latency_counts=hist_counts,
        handoff=cases,
    )


def _timing_matrix(rows: list[tuple[float, ...]]) -> np.ndarray:
    """Pipeline rows x TIMING_COLUMNS in ms, NaN where not timed."""
    flat = np.fromiter(itertools.chain.from_iterable(rows), dtype=float)
    matrix = flat.reshape(len(rows), len(TIMING_COLUMNS))
    matrix[matrix < 0] = np.nan
    return matrix


def _llm_section(
    rows: list[tuple[Any, ...]], timings: np.ndarray, backend: LLMBackend | None
) -> LLMSection:
    requests = errors = prompt = completion = ok_completion = 0
    gen_ms = 0.0
    kinds: dict[str, int] = {}
    batches: dict[int, int] = {}
    models: dict[str, int] = {}
    latest: tuple[float, str, str] | None = None
    for name, model, error, batch, count, p_tok, c_tok, ms, last_ts in rows:
        requests += count
        prompt += p_tok
        completion += c_tok
        if error is not None:
            errors += count
            kinds[error] = kinds.get(error, 0) + count
        elif ms is not None:
            gen_ms += ms
            ok_completion += c_tok
        if batch is not None:
            batches[int(batch)] = batches.get(int(batch), 0) + count
        key = f"{name}/{model}"
        models[key] = models.get(key, 0) + count
        if latest is None or last_ts > latest[0]:
            latest = (last_ts, name, model)
    if backend is not None:
        current: tuple[str | None, str | None] = (backend.name, backend.model)
    else:
        current = (latest[1], latest[2]) if latest else (None, None)
    return LLMSection(
        requests=requests,
        errors=errors,
        error_kinds=dict(sorted(kinds.items(), key=_by_count)),
        generation_ms=Percentiles.of(timings[:, _GENERATION]),
        ttft_ms=Percentiles.of(timings[:, _TTFT]),
        tokens_per_s=round(ok_completion / (gen_ms / 1000), 2) if gen_ms > 0 else None,
        prompt_tokens=prompt,
        completion_tokens=completion,
        batch_sizes=dict(sorted(batches.items())),
        models=dict(sorted(models.items(), key=_by_count)),
        backend=current[0],
        model=current[1],
        ready=backend.is_ready() if backend is not None else None,
    )


def _latency_histogram(values: np.ndarray, bins: int = 24) -> tuple[list[float], list[int]]:
    present = values[~np.isnan(values)]
    if present.size == 0:
        return [], []
    present = np.maximum(present, 0.01)  # log-spaced bins need positive values
    low, high = float(present.min()), float(present.max())
    if high <= low:
        high = low * 1.5
    counts, edges = np.histogram(present, bins=np.geomspace(low, high, bins + 1))
    return [round(float(e), 3) for e in edges], [int(c) for c in counts]


def _timeline(rows: list[tuple[str, str]], bucket: float) -> list[tuple[float, dict[str, int]]]:
    per_bucket: dict[int, dict[str, int]] = {}
    for source, joined in rows:
        indexes = np.array(joined.split(","), dtype=np.int64)
        values, counts = np.unique(indexes, return_counts=True)
        for index, count in zip(values.tolist(), counts.tolist(), strict=True):
            per_bucket.setdefault(index, {})[source] = count
    return [(index * bucket, per_bucket[index]) for index in sorted(per_bucket)]


# -- text ----------------------------------------------------------------------------------


def _n(value: int) -> str:
    return f"{value:,}"


def _ms(value: float | None) -> str:
    if value is None:
        return "-"
    if value < 10:
        return f"{value:.2f}"
    if value < 100:
        return f"{value:.1f}"
    return f"{value:,.0f}"


def _pairs(counts: dict[str, int] | list[tuple[str, int]]) -> str:
    items = counts.items() if isinstance(counts, dict) else counts
    return " · ".join(f"{k} {_n(v)}" for k, v in items) or "none"


def _when(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%d %H:%M")


def format_text(report: StatsReport) -> str:
    """A compact table that reads on a phone as well as in a terminal."""
    since = _when(report.since)
    lines = [
        f"healthbot usage, {'all time' if report.window == 'all' else 'last ' + report.window}",
        f"{since} to {_when(report.until)} UTC",
        "",
        f"Messages: {_n(report.total)} · users: {_n(report.unique_users)} · "
        f"rate-limited: {_n(report.rate_limited)}",
        f"By platform: {_pairs(report.by_platform)}",
        f"By source: {_pairs(report.by_source)}",
        f"Triage: {_pairs(report.categories)}",
        f"Top rule intents: {_pairs(report.top_intents)}",
        f"Commands: {_pairs(report.commands)}",
        *report.handoff.lines(),
        "",
    ]
    llm = report.llm
    state = {True: " (ready)", False: " (NOT ready)", None: ""}[llm.ready]
    in_use = f"{llm.backend} · {llm.model}{state}" if llm.backend else "none"
    lines.append(f"LLM: {in_use}")
    errors = f"errors {_n(llm.errors)} ({llm.error_rate:.1%})"
    if llm.error_kinds:
        errors += ": " + _pairs(llm.error_kinds)
    lines.append(f"Requests {_n(llm.requests)} · {errors}")
    if llm.requests:
        gen = llm.generation_ms
        speed = f"{llm.tokens_per_s:,.1f} tok/s" if llm.tokens_per_s is not None else "- tok/s"
        lines.append(f"Generation p50 {_ms(gen.p50)} ms · p95 {_ms(gen.p95)} ms · {speed}")
        if llm.ttft_ms.count:
            ttft = llm.ttft_ms
            lines.append(f"First token p50 {_ms(ttft.p50)} ms · p95 {_ms(ttft.p95)} ms")
        lines.append(f"Tokens: {_n(llm.prompt_tokens)} in · {_n(llm.completion_tokens)} out")
        if llm.batch_sizes:
            sizes = " · ".join(f"{k}×{_n(v)}" for k, v in llm.batch_sizes.items())
            lines.append(f"Batch sizes: {sizes}")
        if len(llm.models) > 1:
            lines.append(f"Models seen: {_pairs(llm.models)}")
    lines += ["", f"{'Latency':<10}{'p50 ms':>9}{'p95 ms':>9}{'n':>9}"]
    for name, p in report.stages.items():
        lines.append(f"{name:<10}{_ms(p.p50):>9}{_ms(p.p95):>9}{_n(p.count):>9}")
    return "\n".join(lines)
