"""The output folder, written all at once or not at all.

Everything is written into a hidden sibling folder (``.NAME.partial-PID``) and renamed into
place only when complete, ``training.json`` last. An interrupt (Ctrl-C) or an error removes
the partial folder; a killed process leaves only that hidden folder, which the next run
into the same place removes. So ``--out`` either holds a whole run or nothing new.
"""

from __future__ import annotations

import contextlib
import copy
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from assistant.errors import InputFileError

TRAINING_FILE = "training.json"
MERGED_DIR = "merged"


def check_out_dir(out: Path, *, overwrite: bool) -> None:
    """Fail before any work when ``out`` cannot be written as asked."""
    if out.exists() and not out.is_dir():
        raise InputFileError(f"--out {out}: exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not overwrite:
        raise InputFileError(
            f"--out {out}: the folder exists and is not empty; choose another or pass --overwrite"
        )
    parent = out.resolve().parent
    if not parent.is_dir():
        raise InputFileError(f"--out {out}: the folder {parent} does not exist")


@contextlib.contextmanager
def atomic_dir(out: Path) -> Iterator[Path]:
    """Yield a scratch folder that becomes ``out`` when the block ends without error."""
    out = out.resolve()
    for stale in out.parent.glob(f".{out.name}.partial-*"):
        shutil.rmtree(stale, ignore_errors=True)
    partial = out.parent / f".{out.name}.partial-{os.getpid()}"
    partial.mkdir()
    try:
        yield partial
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    if out.exists():
        old = out.parent / f".{out.name}.old-{os.getpid()}"
        os.replace(out, old)
        os.replace(partial, out)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(partial, out)


def write_json(path: Path, payload: dict[str, Any]) -> None:
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def save_adapter(peft_model: Any, tokenizer: Any, folder: Path, *, base_name: str) -> None:
    """The LoRA weights, an adapter_config.json naming ``base_name``, and the tokenizer."""
    for config in peft_model.peft_config.values():
        config.base_model_name_or_path = base_name
    # Embeddings are never trained here; "auto" would look up the base's config to check.
    peft_model.save_pretrained(str(folder), save_embedding_layers=False)
    tokenizer.save_pretrained(str(folder))


def save_merged(peft_model: Any, tokenizer: Any, folder: Path) -> None:
    """The base with LoRA folded in, as a plain transformers checkpoint (``model_name`` can
    name it; it loads faster than the adapter because nothing is dequantized or merged)."""
    from transformers import AutoModelForCausalLM

    merged = peft_model.merge_and_unload()
    # A model loaded from GGUF refuses save_pretrained: copy its weights into a plain one.
    config = copy.deepcopy(merged.config)
    if hasattr(config, "quantization_config"):
        del config.quantization_config
    plain = AutoModelForCausalLM.from_config(config, dtype=next(merged.parameters()).dtype)
    plain.load_state_dict(merged.state_dict())
    plain.generation_config = merged.generation_config
    plain.save_pretrained(str(folder))
    tokenizer.save_pretrained(str(folder))
