"""The Matrix adapter's declaration and settings (``adapters.matrix`` in config.yaml).

Kept apart from :mod:`adapters.matrix` so that loading the configuration never imports
matrix-nio.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field

from adapters.settings import AdapterSettings, AdapterSpec

ACCESS_TOKEN_ENV = "MATRIX_ACCESS_TOKEN"
PASSWORD_ENV = "MATRIX_PASSWORD"


class MatrixSettings(AdapterSettings):
    homeserver: str = "http://localhost:8008"
    user_id: str = "@healthbot:localhost"
    device_name: str = "healthbot"
    #: who may invite the bot: exact ids or glob patterns such as "@*:hospital.example"
    allowed_users: list[str] = Field(default_factory=list)
    #: optional room allow-list (room ids or aliases); empty allows any room
    allowed_rooms: list[str] = Field(default_factory=list)
    command_prefix: str = "!ask"
    e2ee: bool = False
    #: where nio keeps its encryption keys
    store_dir: Path = Path("data/matrix-store")
    trust_policy: Literal["tofu", "all", "none"] = "tofu"
    max_timeouts: int = Field(5, ge=1)
    sync_timeout_ms: int = Field(30_000, ge=0)
    #: on stop, how long replies in flight may take before they are cancelled
    shutdown_grace_s: float = Field(10.0, ge=0)


SPEC = AdapterSpec(
    name="matrix",
    target="adapters.matrix:MatrixAdapter",
    settings=MatrixSettings,
    credentials=(ACCESS_TOKEN_ENV, PASSWORD_ENV),
)
