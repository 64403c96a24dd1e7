"""/stats for admins in chat and `python -m bot stats` on the server."""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.commands import CommandCall, StatsProvider
from assistant.errors import AssistantError
from assistant.messages import Attachment, Response
from assistant.storage import Store
from bot.stats import DEFAULT_WINDOW, USAGE_TEXT, WINDOWS, build_report

if TYPE_CHECKING:
    from bot.config import AppConfig

log = logging.getLogger(__name__)


def make_stats_provider(store: Store) -> StatsProvider:
    """The body of /stats; the command's own base checks the admin list before it runs."""

    async def provider(call: CommandCall) -> Response:
        args = call.args
        window = args[0].lower() if args else DEFAULT_WINDOW
        if window not in WINDOWS or len(args) > 1:
            return call.reply(USAGE_TEXT.format(prefix=call.prefix))
        try:
            report = await build_report(
                store, window, backend=call.assistant.backend, command_names=call.known_commands
            )
        except (sqlite3.Error, AssistantError) as exc:
            log.error("stats report failed: %s", type(exc).__name__)
            return call.reply("Sorry, I could not read the usage data just now.")
        try:
            from bot.stats_chart import render_png  # matplotlib loads on the first chart

            png = await render_png(report)
        except Exception as exc:  # a chart failure must not cost the admin the figures
            log.error("stats chart failed: %s", type(exc).__name__)
            return call.reply(report.to_text())
        chart = Attachment(f"healthbot-stats-{window}.png", "image/png", png)
        return Response(call.reply(report.to_text()).reply, (chart,))

    return provider


async def run_stats_cli(
    config: AppConfig, window: str, as_json: bool, png_path: Path | None
) -> int:
    """``python -m bot stats``: print the report (text or JSON), optionally write the chart."""
    if window not in WINDOWS:
        print(f"error: unknown window {window!r}; use one of {'|'.join(WINDOWS)}", file=sys.stderr)
        return 2
    path = config.storage.path
    if str(path) != ":memory:" and not await asyncio.to_thread(Path(path).exists):
        print(f"error: no database at {path} (nothing stored yet)", file=sys.stderr)
        return 1
    store = Store(path)
    try:
        await store.open()
        report = await build_report(store, window)
    except (sqlite3.Error, AssistantError) as exc:
        print(f"error: cannot read {path}: {exc}", file=sys.stderr)
        return 1
    finally:
        await store.close()
    if png_path is not None:
        from bot.stats_chart import render_png  # matplotlib is slow to import

        data = await render_png(report)
        try:
            await asyncio.to_thread(Path(png_path).write_bytes, data)
        except OSError as exc:
            print(f"error: cannot write {png_path}: {exc.strerror}", file=sys.stderr)
            return 1
    if as_json:
        print(json.dumps(report.to_dict(), indent=2))
    else:
        print(report.to_text())
        if png_path is not None:
            print(f"\nchart written to {png_path}")
    return 0
