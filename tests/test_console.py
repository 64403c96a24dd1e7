from __future__ import annotations

import asyncio
import io

from adapters.base import AdapterContext
from adapters.console import ConsoleAdapter
from bot.commands import Commands
from bot.config import AppConfig

from .conftest import MakeAssistant


async def test_console_answers_commands_and_questions(
    make_assistant: MakeAssistant, app_config: AppConfig
) -> None:
    assistant = await make_assistant()
    shutdown = asyncio.Event()
    context = AdapterContext(
        config=app_config,
        assistant=assistant,
        commands=Commands(config=app_config, assistant=assistant),
        store=assistant.store,
        request_shutdown=shutdown.set,
    )
    stdin = io.StringIO("/help\nWhat helps a sore throat?\n\n/quit\nnever read\n")
    stdout = io.StringIO()
    adapter = ConsoleAdapter(context, stdin=stdin, stdout=stdout)
    await adapter.start()
    await asyncio.wait_for(shutdown.wait(), 30)
    await adapter.stop()
    out = stdout.getvalue()
    assert "/new starts a new conversation" in out
    assert "[rule]" in out
    assert out.count("not medical advice") == 2
    assert out.rstrip().endswith("Goodbye.")
