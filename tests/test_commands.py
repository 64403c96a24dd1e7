"""The shared commands, through the conversation service as any adapter sends them."""

from __future__ import annotations

import pytest

from assistant.commands import CommandRegistry
from assistant.messages import IncomingMessage, Source
from bot.config import AppConfig

from .conftest import MakeChat


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
    make_chat: MakeChat, app_config: AppConfig, name: str, expected: str
) -> None:
    commands = await make_chat()
    result = await commands.run(name, [], _msg())
    assert result.reply.source is Source.COMMAND
    assert expected in result.reply.text
    assert result.reply.text.endswith(app_config.disclaimer.text)
    described = {name for name, _ in CommandRegistry.default().menu(admin=True)}
    assert described >= {"start", "help", "privacy", "new", "forget", "stats"}


async def test_new_clears_the_conversation(make_chat: MakeChat, app_config: AppConfig) -> None:
    commands = await make_chat()
    assistant = commands.assistant
    await commands.ask(_msg("I'm Oliver Hughes, what helps a sore throat?"))
    assert len(assistant.memory.history(("telegram", "42", "42"))) == 2
    await commands.run("new", [], _msg())
    assert assistant.memory.history(("telegram", "42", "42")) == ()


async def test_forget_needs_confirmation_and_erases_exactly_that_user(
    make_chat: MakeChat, app_config: AppConfig
) -> None:
    commands = await make_chat()
    assistant = commands.assistant
    assert assistant.store is not None
    for user in ("42", "42", "7"):
        await commands.ask(_msg("How do I quit smoking?", user))
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
    make_chat: MakeChat, app_config: AppConfig, caplog: pytest.LogCaptureFixture
) -> None:
    config = app_config.model_copy(deep=True)
    config.admins.telegram = ["1001"]
    commands = await make_chat(config)
    refused = await commands.run("stats", [], _msg(user="42"))
    assert "only for clinic admins" in refused.reply.text
    assert commands.assistant.user_hash("telegram", "42") in caplog.text
    assert "user=42" not in caplog.text


@pytest.mark.parametrize(
    ("platform", "user", "is_private", "expected", "chart"),
    [
        (
            "telegram",
            "1001",
            True,
            "healthbot usage",
            True,
        ),  # the admin, privately: report and chart
        ("telegram", "1001", False, "I only answer /stats in a private chat", False),
        ("telegram", "42", False, "only for clinic admins", False),
        ("matrix", "@admin:clinic", True, "healthbot usage", True),
        ("matrix", "@admin:clinic", False, "I only answer !stats in a private chat", False),
    ],
)
async def test_stats_in_a_group_is_refused_there(
    make_chat: MakeChat,
    app_config: AppConfig,
    platform: str,
    user: str,
    is_private: bool,
    expected: str,
    chart: bool,
) -> None:
    """Whatever the platform: the report and its chart never reach a group's members."""
    config = app_config.model_copy(deep=True)
    config.admins.telegram = ["1001"]
    config.admins.matrix = ["@admin:clinic"]
    commands = await make_chat(config)
    message = IncomingMessage(platform, "room-or-chat-1", user, "", is_private=is_private)
    response = await commands.run("stats", [], message)
    assert expected in response.reply.text
    assert bool(response.attachments) is chart
