"""Find a backend class by name, importing heavy engines only when chosen.

Three sources, later ones unable to replace earlier names: the built-ins, packages that
declare an entry point in the ``healthbot.llm_backends`` group (``name = "module:Class"``),
and :func:`register_backend` (tests, embedding code). ``llm.backend`` picks one by name;
without it the seed's ``llm.use_api`` picks "api" or "local" (:func:`backend_name_for`).
"""

from __future__ import annotations

from importlib.metadata import entry_points
from typing import TYPE_CHECKING

from assistant.errors import ConfigError
from assistant.plugins import load_entry

if TYPE_CHECKING:
    from assistant.llm.base import LLMBackend
    from assistant.settings import LLMSettings

ENTRY_POINT_GROUP = "healthbot.llm_backends"

# name -> "module:Class"; lazy so that the API backend never imports torch.
_BUILT_IN: dict[str, str] = {
    "local": "assistant.llm.local:LocalBackend",
    "api": "assistant.llm.api:APIBackend",
}
_REGISTERED: dict[str, str] = {}


def _backends() -> dict[str, str]:
    found = {ep.name: ep.value for ep in entry_points(group=ENTRY_POINT_GROUP)}
    return {**_REGISTERED, **found, **_BUILT_IN}


def available_backends() -> list[str]:
    return sorted(_backends())


def register_backend(name: str, target: str) -> None:
    """Add a backend as ``"package.module:ClassName"``."""
    if name in _BUILT_IN:
        raise ConfigError(f"the LLM backend name {name!r} is taken by a built-in backend")
    _REGISTERED[name] = target


def unregister_backend(name: str) -> None:
    _REGISTERED.pop(name, None)


def backend_name_for(settings: LLMSettings) -> str:
    """The one place the seed's ``use_api`` switch becomes a backend name."""
    if settings.backend:
        return settings.backend
    return "api" if settings.use_api else "local"


def create_backend(name: str, settings: LLMSettings) -> LLMBackend:
    backends = _backends()
    if name not in backends:
        known = ", ".join(sorted(backends))
        raise ConfigError(f"llm.backend: unknown LLM backend {name!r}; known: {known}")
    backend: LLMBackend = load_entry(backends, name, "LLM backend")(settings)
    return backend
