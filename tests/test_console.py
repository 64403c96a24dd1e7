"""The terminal chat: the same message path as every platform, on stdin and stdout."""

from __future__ import annotations

import asyncio
import io
import queue
from collections.abc import Iterator

from adapters.base import AdapterContext
from adapters.console import ConsoleAdapter
from assistant.conversation import ConversationService
from assistant.settings import RateLimitSettings
from bot.app import AdapterRelay, build_handoff, build_service
from bot.config import AppConfig

from .conftest import MakeAssistant
from .telegram_support import eventually


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


class _Typist:
    """Lines typed one at a time, as a person at the terminal types them (None: Ctrl-D)."""

    def __init__(self) -> None:
        self.lines: queue.Queue[str | None] = queue.Queue()

    def __iter__(self) -> Iterator[str]:
        while (line := self.lines.get()) is not None:
            yield line + "\n"


async def test_console_opens_a_case_and_shows_the_clinic_reply(
    make_assistant: MakeAssistant, app_config: AppConfig
) -> None:
    """With no staff room configured, a case waits in storage and the patient is told so;
    a reply relayed to the terminal is labelled as the clinic team's."""
    assistant = await make_assistant()
    assert assistant.store is not None
    service = build_service(app_config, assistant)
    handoff = build_handoff(app_config, service, assistant.store)
    assert handoff is not None
    shutdown = asyncio.Event()
    typist, stdout = _Typist(), io.StringIO()
    context = AdapterContext(
        service, app_config.adapters.get("console"), assistant.store, shutdown.set
    )
    adapter = ConsoleAdapter(context, stdin=typist, stdout=stdout)  # type: ignore[arg-type]
    handoff.set_relay(AdapterRelay([adapter]))
    await handoff.load()
    await adapter.start()
    await handoff.start()
    try:
        typist.lines.put("Can I take my cat's worming tablets on a yacht?")
        await eventually(lambda: "Reply yes or no" in stdout.getvalue())
        typist.lines.put("yes")
        await eventually(lambda: "case #1" in stdout.getvalue())
        out = stdout.getvalue()
        assert "the clinic team's room is not connected" in out
        assert app_config.handoff.clinic_contact in out and "[handoff]" in out
        case = await assistant.store.get_case(1)
        assert case is not None
        await handoff.book.staff_reply(case, "$reply", "Rest and ice it.")
        await eventually(lambda: "From the clinic team" in stdout.getvalue())
        assert "Rest and ice it." in stdout.getvalue()
        typist.lines.put(None)
        await asyncio.wait_for(shutdown.wait(), 30)
    finally:
        await handoff.stop()
        await adapter.stop()
