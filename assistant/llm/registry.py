"""Find a backend class by name, importing heavy engines only when chosen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.plugins import load_entry

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
    backend: LLMBackend = load_entry(_BACKENDS, name, "LLM backend")(settings)
    return backend
