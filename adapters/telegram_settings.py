"""The Telegram adapter's declaration and settings (``adapters.telegram`` in config.yaml).

Kept apart from :mod:`adapters.telegram` so that loading the configuration never imports
python-telegram-bot.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, SecretStr

from adapters.settings import AdapterSettings, AdapterSpec
from assistant.settings import StrictModel

TOKEN_ENV = "TELEGRAM_BOT_TOKEN"


class TelegramWebhookSettings(StrictModel):
    url: str = ""
    listen: str = "127.0.0.1"
    port: int = Field(8443, ge=1, le=65535)
    url_path: str = "telegram"
    #: secret; from HEALTHBOT_ADAPTERS__TELEGRAM__WEBHOOK__SECRET_TOKEN
    secret_token: SecretStr = SecretStr("")
    #: larger bodies get 413 unread; a Telegram update is a few KB
    max_body_bytes: int = Field(1_048_576, ge=1024, le=64 * 1_048_576)


class TelegramSettings(AdapterSettings):
    mode: Literal["polling", "webhook"] = "polling"
    #: the Bot API server; change only for a local Bot API server or tests
    base_url: str = "https://api.telegram.org/bot"
    base_file_url: str = "https://api.telegram.org/file/bot"
    webhook: TelegramWebhookSettings = Field(default_factory=TelegramWebhookSettings)
    #: in groups, answer only when mentioned or replied to ("mention") or every message ("all")
    group_mode: Literal["mention", "all", "off"] = "mention"
    poll_timeout_s: int = Field(10, ge=0, le=50)
    shutdown_grace_s: float = Field(10.0, ge=0)
    max_concurrent_updates: int = Field(256, ge=1)
    #: outgoing flood control (PTB's AIORateLimiter): Telegram allows about 30 messages/s
    #: overall and 20/min per group; 0 turns a limit off (for a local Bot API server)
    flood_overall_per_s: float = Field(30, ge=0)
    flood_group_per_min: float = Field(20, ge=0)
    #: how often one request is retried after a 429 before it fails
    flood_max_retries: int = Field(5, ge=0)


SPEC = AdapterSpec(
    name="telegram",
    target="adapters.telegram:TelegramAdapter",
    settings=TelegramSettings,
    credentials=(TOKEN_ENV,),
    secret_keys=("webhook.secret_token",),
)
