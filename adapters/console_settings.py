"""The terminal chat's declaration and settings (``adapters.console`` in config.yaml)."""

from __future__ import annotations

from pydantic import Field

from adapters.settings import AdapterSettings, AdapterSpec
from assistant.settings import RateLimitSettings


def _typing_pace() -> RateLimitSettings:
    # A person typing in a terminal: generous, but a pasted flood is still held back.
    return RateLimitSettings(per_minute=30, burst=10)


class ConsoleSettings(AdapterSettings):
    #: the id the terminal user has
    user_id: str = "console-user"
    rate_limit: RateLimitSettings = Field(default_factory=_typing_pace)


SPEC = AdapterSpec(
    name="console",
    target="adapters.console:ConsoleAdapter",
    settings=ConsoleSettings,
    fallback=True,
)
