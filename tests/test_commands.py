from __future__ import annotations

import pytest

from assistant.messages import IncomingMessage, Source
from bot.commands import COMMAND_DESCRIPTIONS, Commands
from bot.config import AppConfig

from .conftest import MakeAssistant


def _msg(text: str = "", user: str = "42") -> IncomingMessage:
    return IncomingMessage(platform="telegram", chat_id=user, user_id=user, text=text)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("start", "not a doctor"),
        ("help", "/new starts a new conversation"),
        ("privacy", "deleted after 90 days"),
        ("nonsense", "I don't know that command"),
    ],
)
async def test_information_commands(
    make_assistant: MakeAssistant, app_config: AppConfig, name: str, expected: str
) -> None:
    commands = Commands(config=app_config, assistant=await make_assistant())
    result = await commands.run(name, [], _msg())
    assert result.reply.source is Source.COMMAND
    assert expected in result.reply.text
    assert result.reply.text.endswith(app_config.disclaimer.text)
    assert set(COMMAND_DESCRIPTIONS) >= {"start", "help", "privacy", "new", "forget", "stats"}


async def test_new_clears_the_conversation(
    make_assistant: MakeAssistant, app_config: AppConfig
) -> None:
    assistant = await make_assistant()
    commands = Commands(config=app_config, assistant=assistant)
    await assistant.handle(_msg("I'm Oliver Hughes, what helps a sore throat?"))
    assert len(assistant.memory.history(("telegram", "42", "42"))) == 2
    await commands.run("new", [], _msg())
    assert assistant.memory.history(("telegram", "42", "42")) == ()


async def test_forget_needs_confirmation_and_erases_exactly_that_user(
    make_assistant: MakeAssistant, app_config: AppConfig
) -> None:
    assistant = await make_assistant()
    assert assistant.store is not None
    commands = Commands(config=app_config, assistant=assistant)
    for user in ("42", "42", "7"):
        await assistant.handle(_msg("How do I quit smoking?", user))
    mine = assistant.user_hash("telegram", "42")
    other = assistant.user_hash("telegram", "7")
    assert mine and other

    unconfirmed = await commands.run("forget", ["yes"], _msg())
    assert "cannot be undone" in unconfirmed.reply.text
    # /forget itself is never stored: a row for it would outlive the request.
    assert await assistant.store.count_user_rows(mine) == 2

    done = await commands.run("forget", ["yes"], _msg())
    assert "erased 1 conversation(s)" in done.reply.text and "2 stored row(s)" in done.reply.text
    assert await assistant.store.count_user_rows(mine) == 0
    assert await assistant.store.count_user_rows(other) == 1


async def test_stats_is_for_admins_only(
    make_assistant: MakeAssistant, app_config: AppConfig, caplog: pytest.LogCaptureFixture
) -> None:
    config = app_config.model_copy(deep=True)
    config.admins.telegram = ["1001"]
    assistant = await make_assistant(config)
    commands = Commands(config=config, assistant=assistant)
    refused = await commands.run("stats", [], _msg(user="42"))
    assert "only for clinic admins" in refused.reply.text
    assert assistant.user_hash("telegram", "42") in caplog.text
    assert "user=42" not in caplog.text
