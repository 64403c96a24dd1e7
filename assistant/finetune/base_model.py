"""The model to fine-tune: any name ``llm.model_name`` accepts, loaded for training.

GGUF files (the bundled SmolLM2 included) load through transformers' ``gguf_file=``, which
dequantizes them to ordinary float weights that LoRA can train on. The name recorded in
the adapter is one the bot resolves offline: ``bundled:smollm2`` stays as it is, files and
folders become absolute paths, hub ids stay ids.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch

from assistant.errors import ConfigError, InputFileError
from assistant.llm.bundled import is_bundled
from assistant.llm.models import ModelKind, ModelSpec, hub_reachable, resolve_model, short_reason

log = logging.getLogger(__name__)


@dataclass
class BaseModel:
    #: the name written to adapter_config.json and training.json
    name: str
    label: str
    model: Any
    tokenizer: Any
    load_s: float


def recorded_name(spec: ModelSpec) -> str:
    """How an adapter names its base so that the bot finds it again from any directory."""
    if is_bundled(spec.name) or spec.kind is ModelKind.HUB:
        return spec.name
    return str(Path(spec.location).resolve())


def load_base(name: str, *, dtype: torch.dtype = torch.float32) -> BaseModel:
    """Load ``name`` for training, or raise InputFileError saying why in one line."""
    from assistant.llm.transformers_engine import load_pretrained

    try:
        spec = resolve_model(name)
    except ConfigError as exc:
        raise InputFileError(f"--base {name!r}: {exc}") from exc
    if spec.kind is ModelKind.ADAPTER:
        raise InputFileError(
            f"--base {name!r} is a PEFT adapter; give the model it was trained on (or its "
            "merged/ folder)"
        )
    kwargs: dict[str, Any] = {"dtype": dtype}
    offline = spec.kind is ModelKind.HUB and not hub_reachable()
    if offline:
        kwargs["local_files_only"] = True
    log.info("loading base model %s (%s) for training...", spec.label, spec.kind.value)
    started = time.perf_counter()
    try:
        model, tokenizer = load_pretrained(spec, **kwargs)
    except Exception as exc:  # offline, missing files, unsupported architecture
        where = (
            "offline: it is not in the local Hugging Face cache" if offline else "cannot load it"
        )
        raise InputFileError(f"--base {name!r}: {where} ({short_reason(exc)})") from exc
    if tokenizer.pad_token_id is None:
        tokenizer.pad_token = tokenizer.eos_token
    load_s = time.perf_counter() - started
    log.info("loaded %s in %.1f s", spec.label, load_s)
    return BaseModel(recorded_name(spec), spec.label, model, tokenizer, load_s)
