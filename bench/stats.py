"""How long /stats takes on 100,000 stored rows, against a naive Python aggregation.

    .venv/bin/python bench/stats.py [--rows 100000] [--repeat 5]

Generates rows spread over the last 30 days (so the 30d and all windows cover every row),
then times ``build_report`` per window, the text table, the PNG chart and the whole
``/stats`` reply (report + text + chart), each the median of ``--repeat`` runs after a warm-up.
The baseline fetches every row of the window and aggregates in Python. Exits 1 when the
whole reply on all rows takes longer than ``--limit`` seconds (default 1.0).
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import os
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.storage import MessageRecord, Store
from bot.stats import STAGES, WINDOWS, build_report
from bot.stats_chart import render_png

SOURCES = (("rule", 45), ("llm", 30), ("fallback", 8), ("emergency", 2), ("command", 12))
INTENTS = ("flu_symptoms", "common_cold", "fever", "headache", "hydration", "sleep", "stress")
CATEGORIES = ("chest_pain", "stroke", "breathing", "self_harm", "bleeding")
COMMANDS = ("start", "help", "privacy", "new", "stats")


def synthetic_rows(count: int, now: float, seed: int = 7) -> list[MessageRecord]:
    rng = random.Random(seed)
    names = [name for name, _ in SOURCES]
    weights = [weight for _, weight in SOURCES]
    rows: list[MessageRecord] = []
    for _ in range(count):
        ts = now - rng.random() * 30 * 86_400
        platform = "telegram" if rng.random() < 0.7 else "matrix"
        user = f"{rng.randrange(3000):032x}"
        source = "rate_limited" if rng.random() < 0.01 else rng.choices(names, weights)[0]
        base: dict[str, Any] = {"ts": ts, "platform": platform, "user_hash": user, "source": source}
        if source in ("command", "rate_limited"):
            intent = rng.choice(COMMANDS) if source == "command" else None
            rows.append(MessageRecord(**base, intent=intent, total_ms=rng.uniform(0.1, 5)))
            continue
        stage: dict[str, Any] = {
            "anonymize_ms": rng.lognormvariate(2.0, 0.3),
            "triage_ms": rng.uniform(0.05, 0.4),
            "rules_ms": None if source == "emergency" else rng.uniform(0.2, 2.0),
        }
        extra: dict[str, Any] = {}
        if source == "rule":
            extra["intent"] = rng.choice(INTENTS)
        elif source == "emergency":
            extra["category"] = rng.choice(CATEGORIES)
        elif source in ("llm", "fallback"):
            failed = source == "fallback" and rng.random() < 0.5
            llm_ms = rng.lognormvariate(7.0, 0.5)
            extra = {
                "llm_ms": llm_ms,
                "llm_backend": "local",
                "llm_model": "SmolLM2-135M-Instruct",
                "prompt_tokens": rng.randrange(80, 400),
                "completion_tokens": 0 if failed else rng.randrange(20, 256),
                "ttft_ms": rng.uniform(30, 300),
                "batch_size": rng.choice((1, 1, 2, 4, 8)),
                "llm_error": rng.choice(("timeout", "http_500")) if failed else None,
            }
        total = sum(v for v in stage.values() if v is not None) + (extra.get("llm_ms") or 0.0)
        rows.append(MessageRecord(**base, **stage, total_ms=total + 0.3, **extra))
    return rows


async def fill(store: Store, rows: list[MessageRecord]) -> None:
    columns = [f.name for f in dataclasses.fields(MessageRecord)]
    sql = f"INSERT INTO messages ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    await store.db.executemany(sql, [dataclasses.astuple(r) for r in rows])
    await store.db.commit()


async def naive_report(store: Store, window: str, now: float) -> dict[str, object]:
    """The baseline: every row into Python, then Counter and sorted() percentiles."""
    span = WINDOWS[window]
    since = 0.0 if span is None else now - span
    async with store.db.execute(
        "SELECT * FROM messages WHERE ts >= ? AND ts <= ?", (since, now)
    ) as cursor:
        names = [d[0] for d in cursor.description]
        rows = [dict(zip(names, r, strict=True)) for r in await cursor.fetchall()]
    out: dict[str, object] = {
        "by_platform": Counter(r["platform"] for r in rows),
        "by_source": Counter(r["source"] for r in rows),
        "users": len({r["user_hash"] for r in rows}),
        "categories": Counter(r["category"] for r in rows if r["category"]),
        "intents": Counter(r["intent"] for r in rows if r["source"] == "rule").most_common(5),
        "errors": Counter(r["llm_error"] for r in rows if r["llm_error"]),
        "hours": Counter((int(r["ts"] // 3600), r["source"]) for r in rows),
    }
    for stage in STAGES:
        values = sorted(r[f"{stage}_ms"] for r in rows if r[f"{stage}_ms"] is not None)
        if values:
            out[stage] = (values[len(values) // 2], values[int(len(values) * 0.95)])
    return out


async def timed(repeat: int, make: Callable[[], Awaitable[object]]) -> tuple[float, float]:
    """Median wall and CPU seconds (CPU counts every thread: SQLite's and matplotlib's)."""
    wall, cpu = [], []
    for _ in range(repeat + 1):  # the first run warms caches and imports
        started, started_cpu = time.perf_counter(), time.process_time()
        await make()
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return statistics.median(wall[1:]), statistics.median(cpu[1:])


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--limit", type=float, default=1.0)
    args = parser.parse_args()
    now = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.db")
        await store.open()
        started = time.perf_counter()
        await fill(store, synthetic_rows(args.rows, now))
        print(f"generated and stored {args.rows:,} rows in {time.perf_counter() - started:.1f} s")
        print("seconds, median of", args.repeat, "(wall / CPU)")
        print(f"{'window':<8}{'rows':>9}{'report':>16}{'naive baseline':>18}{'speed-up':>10}")
        for window in WINDOWS:
            report = await build_report(store, window, now=now)
            ours = await timed(args.repeat, partial(build_report, store, window, now=now))
            naive = await timed(args.repeat, partial(naive_report, store, window, now))
            print(
                f"{window:<8}{report.total:>9,}{ours[0]:>9.3f} /{ours[1]:>6.3f}"
                f"{naive[0]:>11.3f} /{naive[1]:>6.3f}{naive[0] / ours[0]:>9.1f}x"
            )

        report = await build_report(store, "all", now=now)

        async def text() -> str:
            return report.to_text()

        text_s = await timed(args.repeat, text)
        png_s = await timed(args.repeat, partial(render_png, report))

        async def whole() -> None:
            full = await build_report(store, "all", now=now)
            full.to_text()
            await render_png(full)

        wall, cpu = await timed(args.repeat, whole)
        await store.close()
    print(f"text table: {text_s[0] * 1000:.2f} ms; PNG chart: {png_s[0]:.3f} s / {png_s[1]:.3f} s")
    verdict = "OK" if wall < args.limit else "TOO SLOW"
    print(
        f"/stats on {report.total:,} rows (report + text + chart): {wall:.3f} s wall, "
        f"{cpu:.3f} s CPU [{verdict}, limit {args.limit:g} s]"
    )
    load = os.getloadavg()[0]
    cores = os.cpu_count() or 1
    if load > cores:
        print(f"note: load average {load:.1f} on {cores} cores; wall times are inflated")
    print("\n" + report.to_text())
    return 0 if wall < args.limit else 1


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
