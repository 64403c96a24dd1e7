"""The command line: `python -m bot <command>` (also installed as `healthbot`)."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from assistant.errors import AssistantError, ConfigError
from assistant.storage import Store
from bot import finetune_command
from bot.config import load_config, masked_dump
from bot.logging_setup import configure_logging


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="healthbot", description=__doc__)
    parser.add_argument("--config", type=Path, default=None, help="config file (config.yaml)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("run", help="start every enabled adapter (the console when none)")
    ask = commands.add_parser("ask", help="answer messages from stdin, one per line")
    ask.add_argument("--json", action="store_true", help="one JSON object per line")
    commands.add_parser("anonymize", help="print the anonymized text and entities of each line")
    commands.add_parser("check-config", help="print the effective configuration, secrets masked")
    stats = commands.add_parser("stats", help="the admins' usage report from the database")
    stats.add_argument("--window", default="24h", help="24h, 7d, 30d or all")
    stats.add_argument("--json", action="store_true", help="the report as JSON")
    stats.add_argument("--png", type=Path, default=None, help="also write the chart here")
    evaluate = commands.add_parser("eval", help="score the assistant on the shared eval sets")
    evaluate.add_argument("--dir", type=Path, default=Path("../shared/eval"))
    rounds = commands.add_parser("eval-rounds", help="triage figures per round of labelled files")
    rounds.add_argument("files", type=Path, nargs="+", help="JSONL with id, text, level, round")
    rounds.add_argument("--ids", action="store_true", help="list the ids behind each miss")
    rounds.add_argument("--dump", type=Path, default=None, help="write each case's level here")
    finetune_command.add_parser(commands)
    for sub in commands.choices.values():
        sub.add_argument("--config", type=Path, default=argparse.SUPPRESS)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        config = load_config(args.config)
    except ConfigError as exc:
        print(f"healthbot: {exc}", file=sys.stderr)
        return 2
    configure_logging(config.logging.level, config.logging.format)
    try:
        if args.command == "check-config":
            print(json.dumps(masked_dump(config), indent=2))
            from bot.cli import check_data

            print(check_data(config), file=sys.stderr)
            return 0
        if args.command == "run":
            # Before the heavy imports: a bad database ends the start within a second or two.
            asyncio.run(Store.check(config.storage.path))
            from bot.app import enabled_adapters, run

            os.umask(0o077)  # whatever the bot creates (database, stores, log, key) is private

            if enabled_adapters(config) == ["console"] and sys.stdin.isatty():
                # Log lines would interleave with the chat: send them to a file instead.
                log_path = config.storage.path.parent / "healthbot.log"
                log_path.parent.mkdir(parents=True, exist_ok=True)
                with log_path.open("a", encoding="utf-8") as log_file:
                    configure_logging(config.logging.level, config.logging.format, log_file)
                    print(f"(logs go to {log_path})", file=sys.stderr)
                    asyncio.run(run(config))
                return 0
            asyncio.run(run(config))
            return 0
        if args.command == "ask":
            from bot.cli import ask

            return asyncio.run(ask(config, sys.stdin, sys.stdout, as_json=args.json))
        if args.command == "anonymize":
            from bot.cli import anonymize

            return anonymize(config, sys.stdin, sys.stdout)
        if args.command == "stats":
            from bot.stats_commands import run_stats_cli

            return asyncio.run(run_stats_cli(config, args.window, args.json, args.png))
        if args.command == "eval":
            from bot.evaluation import run_eval

            return asyncio.run(run_eval(config, args.dir, sys.stdout))
        if args.command == "eval-rounds":
            from bot.round_report import run_round_report

            return run_round_report(config, args.files, sys.stdout, args.ids, args.dump)
        if args.command == "finetune":
            return finetune_command.run(config, args, sys.stdout, sys.stderr)
    except ConfigError as exc:
        print(f"healthbot: {exc}", file=sys.stderr)
        return 2
    except AssistantError as exc:
        print(f"healthbot: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 2


if __name__ == "__main__":
    sys.exit(main())
