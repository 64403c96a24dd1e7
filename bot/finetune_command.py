"""`python -m bot finetune`: LoRA fine-tuning on vetted Q&A, and the export of that Q&A."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from assistant.finetune.options import Hyperparameters
from bot.config import AppConfig


def add_parser(commands: Any) -> None:
    """Register the subcommand on ``commands`` (argparse's subparsers)."""
    hp = Hyperparameters()
    sub: argparse.ArgumentParser = commands.add_parser(
        "finetune",
        help="train a LoRA adapter on question/answer JSONL (see README: Fine-tuning)",
        description=__doc__,
    )
    sub.add_argument("--data", type=Path, help="JSONL of question/answer pairs or messages")
    sub.add_argument("--out", type=Path, help="the folder to write (adapter, tokenizer, ...)")
    sub.add_argument(
        "--base", default=None, help="model to tune (default: llm.model_name, or the fallback)"
    )
    sub.add_argument("--epochs", type=_positive(int), default=hp.epochs)
    sub.add_argument("--lr", type=_positive(float), default=hp.lr)
    sub.add_argument("--lora-r", type=_positive(int), default=hp.lora_r)
    sub.add_argument("--max-length", type=_positive(int), default=hp.max_length)
    sub.add_argument("--val-split", type=_fraction, default=hp.val_split)
    sub.add_argument("--seed", type=int, default=hp.seed)
    sub.add_argument("--batch-size", type=_positive(int), default=hp.batch_size)
    sub.add_argument("--max-steps", type=_positive(int), default=None)
    sub.add_argument(
        "--threads", type=_positive(int), default=hp.threads, help="torch threads (default 1)"
    )
    sub.add_argument("--merge", action="store_true", help="also write OUT/merged, a full model")
    sub.add_argument("--overwrite", action="store_true", help="replace a non-empty --out")
    sub.add_argument(
        "--export-knowledge",
        type=Path,
        metavar="PATH",
        default=None,
        help="write the vetted Q&A as training JSONL to PATH, then stop",
    )
    sub.add_argument(
        "--source", default="rules", help="vetted source to export: rules or knowledge"
    )


def run(config: AppConfig, args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from assistant.errors import InputFileError

    if args.export_knowledge is not None:
        from assistant.finetune.knowledge import export_pairs, vetted_pairs
        from assistant.knowledge_export import register_knowledge_source

        register_knowledge_source(config.knowledge.dir)
        count = export_pairs(vetted_pairs(args.source), args.export_knowledge)
        stdout.write(f"wrote {count} vetted pairs ({args.source}) to {args.export_knowledge}\n")
        return 0
    if args.data is None or args.out is None:
        raise InputFileError("finetune needs --data PATH.jsonl and --out DIR")

    from assistant.anonymizer import Anonymizer
    from assistant.finetune.run import FinetuneJob, run_finetune

    hp = Hyperparameters(
        epochs=args.epochs,
        lr=args.lr,
        lora_r=args.lora_r,
        lora_alpha=2 * args.lora_r,
        max_length=args.max_length,
        val_split=args.val_split,
        seed=args.seed,
        batch_size=args.batch_size,
        threads=args.threads,
        max_steps=args.max_steps,
    )
    job = FinetuneJob(
        data=args.data,
        out=args.out,
        base=args.base,
        configured_model=config.llm.model_name,
        fallback_model=config.llm.fallback_model,
        system_prompt=config.llm.system_prompt,
        hp=hp,
        merge=args.merge,
        overwrite=args.overwrite,
    )
    privacy = config.privacy
    try:
        run_finetune(
            job,
            lambda: Anonymizer.from_settings(privacy.spacy_model, privacy.score_threshold),
            stdout,
        )
    except KeyboardInterrupt:
        stderr.write(f"healthbot: interrupted; nothing was written to {args.out}\n")
        return 130
    return 0


def _positive(kind: type) -> Any:
    def parse(text: str) -> Any:
        value = kind(text)
        if value <= 0:
            raise argparse.ArgumentTypeError(f"must be > 0, got {text}")
        return value

    return parse


def _fraction(text: str) -> float:
    value = float(text)
    if not 0 <= value < 1:
        raise argparse.ArgumentTypeError(f"must be in [0, 1), got {text}")
    return value
