"""Lazy, name-keyed registries ("name" -> "package.module:Attribute").

Heavy extensions (torch, python-telegram-bot, matrix-nio) are imported only when chosen, and
an unknown name or a missing package is a :class:`ConfigError` that says what to do.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any

from assistant.errors import ConfigError


def load_entry(registry: Mapping[str, str], name: str, kind: str) -> Any:
    """The attribute registered as ``name``; ``kind`` ("LLM backend", "adapter") names it."""
    try:
        target = registry[name]
    except KeyError:
        known = ", ".join(sorted(registry))
        raise ConfigError(f"unknown {kind} {name!r}; known: {known}") from None
    module_name, _, attribute = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise ConfigError(
            f"the {kind} {name!r} needs {exc.name!r}, which is not installed; run `make install`"
        ) from exc
    return getattr(module, attribute)
