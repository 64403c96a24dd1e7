"""One fine-tuning run, from a JSONL file to an adapter folder the bot can load.

Steps, each reported on the given text stream: check the data, anonymize every text, load
the base model, tokenize with the bot's chat template and system prompt, split off
validation examples, measure the validation loss, train LoRA, measure it again, and write
the folder (adapter, tokenizer, ``training.json``) atomically. Every bad input stops the
run with one :class:`InputFileError` line before anything is written.
"""

from __future__ import annotations

import hashlib
import logging
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO, TypeVar

from assistant.errors import InputFileError
from assistant.finetune.base_model import BaseModel, load_base
from assistant.finetune.data import load_examples
from assistant.finetune.formatting import ChatFormatter
from assistant.finetune.options import Hyperparameters
from assistant.finetune.output import (
    MERGED_DIR,
    TRAINING_FILE,
    atomic_dir,
    check_out_dir,
    save_adapter,
    save_merged,
    write_json,
)
from assistant.finetune.privacy import TextAnonymizer, anonymize_examples
from assistant.finetune.progress import ProgressBar
from assistant.finetune.trainer import (
    OnStep,
    StepInfo,
    add_lora,
    total_steps,
    train,
    validation_loss,
)

T = TypeVar("T")
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class FinetuneJob:
    data: Path
    out: Path
    #: None: ``configured_model``, or ``fallback_model`` when that cannot load here
    base: str | None
    configured_model: str
    fallback_model: str | None
    system_prompt: str
    hp: Hyperparameters
    merge: bool = False
    overwrite: bool = False


def split(items: Sequence[T], val_split: float, seed: int) -> tuple[list[T], list[T]]:
    """(train, validation), shuffled with ``seed``; at least one of each when asked for."""
    order = list(items)
    random.Random(seed).shuffle(order)
    n_val = round(len(order) * val_split)
    if val_split > 0 and n_val == 0 and len(order) >= 2:
        n_val = 1
    return order[n_val:], order[:n_val]


def choose_base(job: FinetuneJob, say: Callable[[str], None]) -> BaseModel:
    if job.base:
        return load_base(job.base)
    try:
        return load_base(job.configured_model)
    except InputFileError as exc:
        fallback = job.fallback_model
        if not fallback or fallback == job.configured_model:
            raise
        reason = str(exc).removeprefix(f"--base {job.configured_model!r}: ")
        note = (
            f"llm.model_name {job.configured_model!r} cannot be loaded here ({reason}); "
            f"training on llm.fallback_model {fallback} instead. Pass --base to choose."
        )
        log.warning("%s", note)
        say(f"note: {note}")
        return load_base(fallback)


def run_finetune(
    job: FinetuneJob,
    make_anonymizer: Callable[[], TextAnonymizer],
    stream: TextIO,
    *,
    base: BaseModel | None = None,
    on_step: OnStep | None = None,
) -> dict[str, Any]:
    """Train and write ``job.out``; returns what was written to ``training.json``.

    ``make_anonymizer`` is called once the data file has passed its checks (loading spaCy
    takes seconds). ``base`` reuses an already loaded model (LoRA layers are added to it in
    place).
    """

    def say(line: str) -> None:
        stream.write(line + "\n")
        stream.flush()

    started = time.perf_counter()
    hp = job.hp
    check_out_dir(job.out, overwrite=job.overwrite)
    data = load_examples(job.data)
    if len(split(data.examples, hp.val_split, hp.seed)[0]) == 0:
        raise InputFileError(f"{job.data}: too few examples to train on after --val-split")
    say(f"read {len(data.examples)} examples from {job.data}")
    examples, masking = anonymize_examples(data.examples, make_anonymizer())
    say(masking.describe())

    if base is None:
        base = choose_base(job, say)
    say(f"base model: {base.name} ({base.label})")
    formatter = ChatFormatter(base.tokenizer, job.system_prompt)
    try:
        tokenized = formatter.tokenize_all(examples, max_length=hp.max_length, source=str(job.data))
    except ValueError as exc:
        raise InputFileError(f"--base {base.name}: {exc}") from exc
    train_set, val_set = split(tokenized, hp.val_split, hp.seed)
    steps = total_steps(len(train_set), hp)
    say(
        f"{len(train_set)} training and {len(val_set)} validation examples; {steps} steps "
        f"of {hp.batch_size} over {hp.epochs} epoch(s)"
    )

    model = add_lora(base.model, hp)
    pad_id = int(base.tokenizer.pad_token_id)
    timer = time.perf_counter()
    val_before = validation_loss(model, val_set, batch_size=hp.batch_size, pad_id=pad_id)
    val_s = time.perf_counter() - timer
    say(f"validation loss before: {_fmt(val_before)}")

    bar = ProgressBar(stream)

    def step(info: StepInfo) -> None:
        bar(info)
        if on_step is not None:
            on_step(info)

    try:
        result = train(model, train_set, hp, pad_id=pad_id, on_step=step)
    finally:
        bar.close()
    timer = time.perf_counter()
    val_after = validation_loss(model, val_set, batch_size=hp.batch_size, pad_id=pad_id)
    val_s += time.perf_counter() - timer
    say(f"validation loss after:  {_fmt(val_after)}")

    record = {
        "format": 1,
        "base_model": base.name,
        "base_label": base.label,
        "data": {
            "path": str(job.data),
            "sha256": data.sha256,
            "examples": len(data.examples),
            "train_examples": len(train_set),
            "validation_examples": len(val_set),
            "train_tokens": sum(len(e.input_ids) for e in train_set),
            "answer_tokens": sum(e.answer_tokens for e in train_set),
            "validation_lines": sorted(e.line for e in val_set),
        },
        "anonymization": masking.as_dict(),
        "system_prompt_sha256": hashlib.sha256(job.system_prompt.encode()).hexdigest(),
        "hyperparameters": hp.as_dict(),
        "losses": {
            "validation_before": val_before,
            "validation_after": val_after,
            "train_per_epoch": result.epoch_losses,
            "train_per_step": [round(x, 5) for x in result.step_losses],
        },
        "steps": result.steps,
        "tokens_per_s": round(result.tokens_per_s, 1),
        "duration_s": {
            "base_load": round(base.load_s, 2),
            "training": round(result.seconds, 2),
            "validation": round(val_s, 2),
        },
        "merged": MERGED_DIR if job.merge else None,
        "versions": _versions(),
    }
    with atomic_dir(job.out) as folder:
        save_adapter(model, base.tokenizer, folder, base_name=base.name)
        if job.merge:
            save_merged(model, base.tokenizer, folder / MERGED_DIR)
        record["duration_s"]["total"] = round(time.perf_counter() - started, 2)  # type: ignore[index]
        record["finished_at"] = datetime.now(UTC).isoformat(timespec="seconds")
        write_json(folder / TRAINING_FILE, record)
    say(
        f"trained {result.steps} steps in {result.seconds:.0f} s "
        f"({result.tokens_per_s:.0f} tokens/s); wrote {job.out}"
    )
    say(f"use it: set llm.model_name: {job.out} (llm.engine: transformers or auto)")
    return record


def _fmt(value: float | None) -> str:
    return "n/a (no validation examples)" if value is None else f"{value:.4f}"


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    found = {}
    for package in ("torch", "transformers", "peft"):
        try:
            found[package] = version(package)
        except PackageNotFoundError:
            found[package] = "?"
    return found
