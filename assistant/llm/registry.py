"""Find a backend class by name, importing heavy engines only when chosen."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from assistant.errors import ConfigError

if TYPE_CHECKING:
    from assistant.llm.base import LLMBackend
    from assistant.settings import LLMSettings

# name -> "module:Class"; lazy so that the API backend never imports torch.
_BACKENDS: dict[str, str] = {
    "local": "assistant.llm.local:LocalBackend",
    "api": "assistant.llm.api:APIBackend",
}


def available_backends() -> list[str]:
    return sorted(_BACKENDS)


def register_backend(name: str, target: str) -> None:
    """Add a backend as ``"package.module:ClassName"`` (for plugins and tests)."""
    _BACKENDS[name] = target


def backend_name_for(settings: LLMSettings) -> str:
    return "api" if settings.use_api else "local"


def create_backend(name: str, settings: LLMSettings) -> LLMBackend:
    try:
        target = _BACKENDS[name]
    except KeyError:
        known = ", ".join(available_backends())
        raise ConfigError(f"unknown LLM backend {name!r}; known backends: {known}") from None
    module_name, _, class_name = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise ConfigError(
            f"LLM backend {name!r} needs a package that is not installed ({exc.name}); "
            "run `make install`"
        ) from exc
    backend_cls = getattr(module, class_name)
    backend: LLMBackend = backend_cls(settings)
    return backend
