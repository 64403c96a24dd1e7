"""Helpers for the Telegram tests and benchmark: config for the emulator and a bot harness.

Where a test needs to see exactly what the model received or to control how long it takes,
the LLM is :class:`tests.fakes.FakeBackend`. Everything else is real: PTB, the emulator's
HTTP, Presidio, triage, rules, the Store, the conversation service.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from adapters.base import AdapterContext
from adapters.telegram import TelegramAdapter
from assistant.conversation import ConversationService
from assistant.intake import Intake, derive_key
from assistant.pipeline import Assistant
from assistant.settings import AdminsSettings
from bot.app import build_service
from bot.config import AppConfig
from tests.conftest import MakeAssistant
from tests.fakes import FakeBackend
from tests.telegram_emulator import BotAPIEmulator

TOKEN = "987654321:AAHtest-Secret_TokenValue-do-not-log-0123"
#: what the tests seal pending messages with (a process reads it from outside the database)
INTAKE_KEY = derive_key(b"tests-intake-secret")
ADMIN_ID = 1001


async def eventually(predicate: Callable[[], bool], within_s: float = 10.0) -> None:
    """Poll ``predicate`` (for state the emulator is not told about)."""
    async with asyncio.timeout(within_s):
        while not predicate():  # noqa: ASYNC110 (nothing signals this state)
            await asyncio.sleep(0.02)


def telegram_config(base: AppConfig, emulator: BotAPIEmulator, **overrides: object) -> AppConfig:
    """``base`` pointed at the emulator, with short timeouts and generous limits."""
    config = base.model_copy(deep=True)
    tg = config.adapters.telegram
    tg.base_url = emulator.base_url
    tg.base_file_url = emulator.base_file_url
    tg.poll_timeout_s = 2
    tg.shutdown_grace_s = 5.0
    tg.flood_overall_per_s = 0  # a local server has no flood limit; tests that need it set it
    tg.rate_limit.per_minute = 6000
    tg.rate_limit.burst = 1000
    for key, value in overrides.items():
        setattr(tg, key, value)
    config.admins = AdminsSettings(telegram=[str(ADMIN_ID)], matrix=[])
    return config


@dataclass
class BotHarness:
    """Starts and stops TelegramAdapters on one assistant; stops leftovers at teardown.

    Each start builds the conversation service afresh from the config, as a process start
    does (rate-limit buckets included)."""

    config: AppConfig
    assistant: Assistant
    adapters: list[TelegramAdapter] = field(default_factory=list)
    service: ConversationService | None = None

    async def start(self, config: AppConfig | None = None) -> TelegramAdapter:
        config = config or self.config
        self.service = build_service(config, self.assistant)
        context = AdapterContext(
            service=self.service,
            settings=config.adapters.get("telegram"),
            store=self.assistant.store,
            request_shutdown=lambda: None,
            intake=Intake(self.assistant.store, INTAKE_KEY),
        )
        adapter = TelegramAdapter(context)
        await adapter.start()
        self.adapters.append(adapter)
        return adapter

    async def stop(self, adapter: TelegramAdapter) -> None:
        await adapter.stop()
        self.adapters.remove(adapter)

    async def close(self) -> None:
        for adapter in list(self.adapters):
            await self.stop(adapter)


def _file(prefix: str, **extra: object) -> dict[str, object]:
    return {"file_id": f"{prefix}-id", "file_unique_id": f"{prefix}-u", **extra}


#: message content of each non-text kind, as Telegram sends it
NON_TEXT_CONTENT: dict[str, dict[str, Any]] = {
    "photo": {"photo": [_file("photo", width=90, height=60)]},
    "voice": {"voice": _file("voice", duration=3)},
    "video": {"video": _file("video", width=320, height=240, duration=5)},
    "sticker": {
        "sticker": _file(
            "sticker", type="regular", width=512, height=512, is_animated=False, is_video=False
        )
    },
    "document": {"document": _file("doc", file_name="scan.pdf")},
    "location": {"location": {"latitude": 51.5072, "longitude": -0.1276}},
    "contact": {"contact": {"phone_number": "+447700900123", "first_name": "Margaret"}},
    "poll": {
        "poll": {
            "id": "77",
            "question": "Best cold remedy?",
            "options": [
                {"text": "Tea", "voter_count": 0, "persistent_id": "o1"},
                {"text": "Rest", "voter_count": 0, "persistent_id": "o2"},
            ],
            "total_voter_count": 0,
            "is_closed": False,
            "is_anonymous": True,
            "type": "regular",
            "allows_multiple_answers": False,
            "allows_revoting": True,
            "members_only": False,
        }
    },
}


async def llm_harness(
    config: AppConfig, make_assistant: MakeAssistant, backend: FakeBackend
) -> BotHarness:
    """A harness whose assistant has the LLM stage on, answered by ``backend``."""
    config = config.model_copy(deep=True)
    config.llm.enabled = True
    return BotHarness(config, await make_assistant(config=config, backend=backend))


async def replies(emu: BotAPIEmulator, chat_id: int, count: int, within_s: float = 20) -> list[str]:
    """The texts sent to ``chat_id`` once there are at least ``count``."""
    await emu.wait_until(lambda: len(emu.texts_to(chat_id)) >= count, within_s)
    return emu.texts_to(chat_id)
