"""LoRA training: a short loop over padded batches, loss on answer tokens only.

A hand-written loop rather than TRL's SFTTrainer: TRL brings ``datasets`` (pyarrow,
pandas) into every install for what is here about a hundred lines, and the loop keeps the
pieces the command promises in plain sight: the chat-template labels from
:mod:`assistant.finetune.formatting`, validation before and after, a progress callback that
an interrupt can pass through.
"""

from __future__ import annotations

import math
import random
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import torch

from assistant.finetune.formatting import IGNORE_INDEX, TokenizedExample
from assistant.finetune.options import Hyperparameters


@dataclass(frozen=True, slots=True)
class StepInfo:
    step: int
    total_steps: int
    epoch: int
    epochs: int
    loss: float
    tokens_per_s: float
    elapsed_s: float

    @property
    def eta_s(self) -> float:
        return self.elapsed_s / self.step * (self.total_steps - self.step)


@dataclass
class TrainResult:
    steps: int = 0
    tokens: int = 0
    seconds: float = 0.0
    step_losses: list[float] = field(default_factory=list)
    epoch_losses: list[float] = field(default_factory=list)

    @property
    def tokens_per_s(self) -> float:
        return self.tokens / self.seconds if self.seconds else 0.0


OnStep = Callable[[StepInfo], None]


def total_steps(examples: int, hp: Hyperparameters) -> int:
    steps = math.ceil(examples / hp.batch_size) * hp.epochs
    return min(steps, hp.max_steps) if hp.max_steps else steps


def add_lora(model: Any, hp: Hyperparameters) -> Any:
    """The model wrapped with fresh LoRA layers (B = 0: it answers exactly as before)."""
    from peft import LoraConfig, get_peft_model

    torch.manual_seed(hp.seed)
    config = LoraConfig(
        task_type="CAUSAL_LM",
        r=hp.lora_r,
        lora_alpha=hp.lora_alpha,
        lora_dropout=hp.lora_dropout,
        target_modules=hp.target_modules,
    )
    with warnings.catch_warnings():
        # peft calls a transformers method that transformers 5 marks as deprecated
        warnings.filterwarnings("ignore", category=FutureWarning)
        return get_peft_model(model, config)


def collate(batch: Sequence[TokenizedExample], pad_id: int) -> dict[str, torch.Tensor]:
    """Right-padded ids, attention mask and labels (padding is never learned)."""
    width = max(len(example.input_ids) for example in batch)
    ids = torch.full((len(batch), width), pad_id, dtype=torch.long)
    labels = torch.full((len(batch), width), IGNORE_INDEX, dtype=torch.long)
    mask = torch.zeros((len(batch), width), dtype=torch.long)
    for row, example in enumerate(batch):
        n = len(example.input_ids)
        ids[row, :n] = torch.tensor(example.input_ids)
        labels[row, :n] = torch.tensor(example.labels)
        mask[row, :n] = 1
    return {"input_ids": ids, "attention_mask": mask, "labels": labels}


def _batches(
    examples: Sequence[TokenizedExample], size: int, rng: random.Random | None
) -> Iterator[list[TokenizedExample]]:
    order = list(range(len(examples)))
    if rng is not None:
        rng.shuffle(order)
    for start in range(0, len(order), size):
        yield [examples[i] for i in order[start : start + size]]


def _learned(batch: dict[str, torch.Tensor]) -> int:
    # position i predicts token i + 1: the first token is never a target
    return int((batch["labels"][:, 1:] != IGNORE_INDEX).sum())


def batch_loss(model: Any, batch: dict[str, torch.Tensor]) -> torch.Tensor:
    """Mean cross-entropy over the answer tokens of ``batch``.

    Only positions that predict an answer token go through the output head
    (``logits_to_keep``): with a 49k-token vocabulary the head is about a fifth of the
    model's compute, and the system prompt and question need none of it.
    """
    targets = batch["labels"][:, 1:]
    keep = (targets != IGNORE_INDEX).any(dim=0).nonzero().flatten()
    logits = model(
        input_ids=batch["input_ids"],
        attention_mask=batch["attention_mask"],
        logits_to_keep=keep,
    ).logits
    return torch.nn.functional.cross_entropy(
        logits.float().flatten(0, 1), targets[:, keep].flatten(), ignore_index=IGNORE_INDEX
    )


def validation_loss(
    model: Any, examples: Sequence[TokenizedExample], *, batch_size: int, pad_id: int
) -> float | None:
    """Mean cross-entropy per answer token over ``examples`` (None when there are none)."""
    if not examples:
        return None
    was_training = model.training
    model.eval()
    total, count = 0.0, 0
    with torch.no_grad():
        for chunk in _batches(examples, batch_size, None):
            batch = collate(chunk, pad_id)
            learned = _learned(batch)
            if learned:
                total += float(batch_loss(model, batch)) * learned
                count += learned
    model.train(was_training)
    return total / count if count else None


def train(
    model: Any,
    examples: Sequence[TokenizedExample],
    hp: Hyperparameters,
    *,
    pad_id: int,
    on_step: OnStep | None = None,
) -> TrainResult:
    """Train ``model``'s trainable (LoRA) parameters in place."""
    torch.set_num_threads(hp.threads)
    steps = total_steps(len(examples), hp)
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=hp.lr, weight_decay=0.0)
    warmup = max(1, round(steps * hp.warmup_ratio))

    def schedule(step: int) -> float:  # linear warm-up, then linear decay to zero
        if step < warmup:
            return (step + 1) / warmup
        return max(0.0, (steps - step) / max(1, steps - warmup))

    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, schedule)
    rng = random.Random(hp.seed)
    result = TrainResult()
    started = time.perf_counter()
    model.train()
    for epoch in range(1, hp.epochs + 1):
        epoch_loss, epoch_tokens = 0.0, 0
        for chunk in _batches(examples, hp.batch_size, rng):
            if result.steps >= steps:
                break
            step_started = time.perf_counter()
            batch = collate(chunk, pad_id)
            loss = batch_loss(model, batch)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, hp.max_grad_norm)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad(set_to_none=True)
            value = float(loss.detach())
            tokens = int(batch["attention_mask"].sum())
            result.steps += 1
            result.tokens += tokens
            result.step_losses.append(value)
            learned = _learned(batch)
            epoch_loss += value * learned
            epoch_tokens += learned
            if on_step is not None:
                step_s = time.perf_counter() - step_started
                on_step(
                    StepInfo(
                        step=result.steps,
                        total_steps=steps,
                        epoch=epoch,
                        epochs=hp.epochs,
                        loss=value,
                        tokens_per_s=tokens / step_s if step_s else 0.0,
                        elapsed_s=time.perf_counter() - started,
                    )
                )
        if epoch_tokens:
            result.epoch_losses.append(epoch_loss / epoch_tokens)
        if result.steps >= steps:
            break
    result.seconds = time.perf_counter() - started
    model.eval()
    return result
