"""The /stats chart: messages per hour by source, and the latency distribution.

Uses matplotlib's object API with the Agg canvas (no pyplot, no global figure state) from a
worker thread, one render at a time. matplotlib is slow to import: import this module only
where a chart is drawn.
"""

from __future__ import annotations

import asyncio
import io
import threading
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, NullLocator

from assistant.messages import Source

if TYPE_CHECKING:
    from bot.stats import StatsReport

WIDTH_PX = 1000
HEIGHT_PX = 800
DPI = 100
COLOURS: dict[str, str] = {
    Source.EMERGENCY.value: "#d62728",
    Source.URGENT.value: "#e377c2",
    Source.RULE.value: "#2ca02c",
    Source.LLM.value: "#1f77b4",
    Source.FALLBACK.value: "#ff7f0e",
    Source.COMMAND.value: "#9467bd",
    Source.RATE_LIMITED.value: "#7f7f7f",
}


# matplotlib does not promise thread safety (shared font caches): one chart at a time.
_RENDER_LOCK = threading.Lock()


async def render_png(report: StatsReport) -> bytes:
    """The chart as PNG bytes; matplotlib runs in a worker thread, off the event loop."""
    return await asyncio.to_thread(render_png_sync, report)


def render_png_sync(report: StatsReport) -> bytes:
    """A WIDTH_PX x HEIGHT_PX PNG. Blocking: run it in a thread."""
    with _RENDER_LOCK:
        return _render(report)


def _render(report: StatsReport) -> bytes:
    figure = Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI)
    FigureCanvasAgg(figure)
    # Fixed margins: constrained layout measures every tick label and doubles the time.
    top, bottom = figure.subplots(
        2,
        1,
        height_ratios=(3, 2),
        gridspec_kw={"left": 0.09, "right": 0.98, "top": 0.9, "bottom": 0.07, "hspace": 0.4},
    )
    title = "all time" if report.window == "all" else f"last {report.window}"
    figure.suptitle(f"healthbot: {report.total:,} messages, {title} (UTC)")
    _timeline(top, report)
    _latency(bottom, report)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def _timeline(axes: Axes, report: StatsReport) -> None:
    unit = "hour" if report.bucket_s <= 3600 else "day"
    axes.set_title(f"Messages per {unit} by source")
    axes.set_ylabel("messages")
    if not report.timeline:
        axes.text(0.5, 0.5, "no messages in this window", ha="center", va="center")
        axes.set_axis_off()
        return
    first = report.timeline[0][0]
    if report.window != "all":
        first = min(first, report.since - report.since % report.bucket_s)
    last = max(report.timeline[-1][0], report.until - report.until % report.bucket_s)
    starts = np.arange(first, last + report.bucket_s, report.bucket_s)
    index = {start: i for i, start in enumerate(starts)}
    # Hours since the end of the window read better than timestamps on a phone.
    edges = np.append(starts, starts[-1] + report.bucket_s)
    x = (edges - report.until) / report.bucket_s
    bottom = np.zeros(len(starts))
    for source, colour in COLOURS.items():
        heights = np.zeros(len(starts))
        for start, counts in report.timeline:
            heights[index[start]] = counts.get(source, 0)
        if heights.any():
            # One filled step band per source, stacked: hundreds of bars (or patches, whose
            # limits matplotlib walks point by point) take seconds to draw.
            top = bottom + heights
            axes.fill_between(
                x,
                np.append(bottom, bottom[-1]),
                np.append(top, top[-1]),
                step="post",
                color=colour,
                linewidth=0,
                label=source,
            )
            bottom = top
    axes.set_xlim(x[0], x[-1])
    axes.set_ylim(0, max(float(bottom.max()), 1.0) * 1.15)  # headroom for the legend
    axes.set_xlabel(f"{unit}s before {_stamp(report.until)}")
    axes.legend(loc="upper left", fontsize="small", ncols=3)


def _latency(axes: Axes, report: StatsReport) -> None:
    axes.set_title("Total latency per message (pipeline replies)")
    if not report.latency_counts:
        axes.text(0.5, 0.5, "no timings in this window", ha="center", va="center")
        axes.set_axis_off()
        return
    edges = np.array(report.latency_edges)
    axes.stairs(report.latency_counts, edges, fill=True, color="#1f77b4", alpha=0.7)
    axes.set_xscale("log")
    # Plain tick labels and no minor ticks: log-scale mathtext labels cost a third of the draw.
    axes.xaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:,.10g}"))
    axes.xaxis.set_minor_locator(NullLocator())
    axes.set_xlabel("ms (log scale)")
    axes.set_ylabel("messages")
    total = report.stages["total"]
    for value, label, style in ((total.p50, "p50", "--"), (total.p95, "p95", ":")):
        if value is not None:
            axes.axvline(
                max(value, edges[0]),
                color="black",
                linestyle=style,
                label=f"{label} {value:,.1f} ms",
            )
    axes.legend(loc="upper right", fontsize="small")


def _stamp(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%d %H:%M")
