"""What every adapter declares: its settings model, its credentials, when it is enabled.

A declaration (:class:`AdapterSpec`) sits beside each adapter in a module that imports
neither python-telegram-bot nor matrix-nio, so that the configuration loads without them;
the adapter class itself is imported only when it is enabled.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import Field

from assistant.settings import RateLimitSettings, StrictModel

AutoBool = Literal["auto", True, False]


class AdapterSettings(StrictModel):
    """The keys every ``adapters.<name>`` section has."""

    #: auto: on when the adapter's credentials are in the environment
    enabled: AutoBool = "auto"
    #: per user: messages beyond it get one notice and go no further (emergencies excepted)
    rate_limit: RateLimitSettings = Field(default_factory=RateLimitSettings)

    def resolve_paths(self, base_dir: Path) -> None:
        """Relative paths in the file are relative to the file, not the working directory."""
        for name, value in self:
            if isinstance(value, Path) and not value.is_absolute():
                setattr(self, name, base_dir / value)


@dataclass(frozen=True)
class AdapterSpec:
    name: str
    #: "module:Class", imported only when the adapter is enabled
    target: str
    settings: type[AdapterSettings]
    #: environment variables that hold the adapter's credentials; on "auto", any one set
    #: enables the adapter (they never enter the configuration)
    credentials: tuple[str, ...] = ()
    #: on "auto", enabled when no other adapter is (the terminal chat)
    fallback: bool = False
    #: secrets the adapter's settings hold, as dotted keys below its section
    secret_keys: tuple[str, ...] = field(default=())

    def wanted(self, settings: AdapterSettings, environ: Mapping[str, str]) -> bool:
        """Enabled by configuration or, on "auto", by its credentials (not for fallbacks)."""
        if settings.enabled != "auto":
            return settings.enabled
        return not self.fallback and any(environ.get(name) for name in self.credentials)
