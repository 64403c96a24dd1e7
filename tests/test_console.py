"""The terminal chat: the same message path as every platform, on stdin and stdout."""

from __future__ import annotations

import asyncio
import io

from adapters.base import AdapterContext
from adapters.console import ConsoleAdapter
from assistant.conversation import ConversationService
from assistant.settings import RateLimitSettings
from bot.app import build_service
from bot.config import AppConfig

from .conftest import MakeAssistant


async def _run_console(service: ConversationService, config: AppConfig, typed: str) -> str:
    shutdown = asyncio.Event()
    context = AdapterContext(
        service=service,
        settings=config.adapters.get("console"),
        store=service.assistant.store,
        request_shutdown=shutdown.set,
    )
    stdout = io.StringIO()
    adapter = ConsoleAdapter(context, stdin=io.StringIO(typed), stdout=stdout)
    await adapter.start()
    await asyncio.wait_for(shutdown.wait(), 30)
    await adapter.stop()
    return stdout.getvalue()


async def test_console_answers_commands_and_questions(
    make_assistant: MakeAssistant, app_config: AppConfig
) -> None:
    service = build_service(app_config, await make_assistant())
    out = await _run_console(
        service, app_config, "/help\nWhat helps a sore throat?\n\n/quit\nnever read\n"
    )
    assert "/new starts a new conversation" in out
    assert "[rule]" in out
    assert out.count("not medical advice") == 2
    assert out.rstrip().endswith("Goodbye.")


async def test_console_rate_limit_lets_an_emergency_through(
    make_assistant: MakeAssistant, app_config: AppConfig
) -> None:
    config = app_config.model_copy(deep=True)
    config.adapters.get("console").rate_limit = RateLimitSettings(per_minute=1, burst=2)
    service = build_service(config, await make_assistant(config=config))
    typed = [f"How much water should I drink, question {n}?" for n in range(4)]
    typed.append("I have crushing chest pain and I can't breathe")
    out = await _run_console(service, config, "\n".join(typed) + "\n")
    answers = [part for part in out.split("bot> ")[1:]]
    assert len(answers) == 4  # two answers, one notice, nothing for the 4th, the emergency
    # The emergency goes ahead of the questions still waiting (the core's dispatcher).
    emergency = [a for a in answers if "[emergency]" in a]
    assert len(emergency) == 1 and "call 999 now" in emergency[0]
    others = [a for a in answers if "[emergency]" not in a]
    assert all("[rule]" in a for a in others[:2])
    assert "faster than I can answer" in others[2] and "[rate_limited]" in others[2]
    assert all(a.rstrip().split("\n[")[0].endswith(config.disclaimer.text) for a in answers)
