"""Fine-tuning hyper-parameters and their defaults (importable without torch)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Hyperparameters:
    epochs: int = 3
    lr: float = 2e-4
    lora_r: int = 8
    lora_alpha: int = 16
    lora_dropout: float = 0.05
    #: peft's name for every linear layer but the output head
    target_modules: str = "all-linear"
    batch_size: int = 4
    max_length: int = 512
    val_split: float = 0.1
    seed: int = 0
    warmup_ratio: float = 0.1
    max_grad_norm: float = 1.0
    #: torch threads; on a busy 2-core machine two threads stall at random
    threads: int = 1
    #: stop after this many optimizer steps (quick checks); None trains every epoch
    max_steps: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)
