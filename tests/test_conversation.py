"""The conversation service on its own: the one path every adapter's message takes, with the
real assistant (Presidio, triage, rules, Store). The platform tests run the same path
through PTB, nio and the terminal."""

from __future__ import annotations

import dataclasses
import logging

import pytest

from assistant.commands import ChatCommand, CommandCall
from assistant.conversation import ERROR_NOTICE, NON_TEXT_NOTICE, ConversationHook
from assistant.messages import Command, IncomingMessage, Reply, Response, Source
from assistant.settings import RateLimitSettings
from bot.config import AppConfig
from tests.conftest import MakeChat
from tests.fakes import Chat

EMERGENCY = "I have crushing chest pain and I can't breathe"
QUESTION = "How much water should I drink each day?"


def _msg(text: str = QUESTION, user: str = "u1", **fields: object) -> IncomingMessage:
    return dataclasses.replace(
        IncomingMessage(platform="telegram", chat_id=user, user_id=user, text=text), **fields
    )


async def _rows(chat: Chat) -> list[str]:
    store = chat.assistant.store
    assert store is not None
    await store.flush()
    async with store.db.execute("SELECT source FROM messages ORDER BY id") as cursor:
        return [str(row[0]) for row in await cursor.fetchall()]


@pytest.mark.parametrize(
    ("message", "source", "fragment", "rows"),
    [
        (_msg(), Source.RULE, "glasses", ["rule"]),
        (_msg(EMERGENCY), Source.EMERGENCY, "call 999 now", ["emergency"]),
        (_msg("/help", command=Command("help")), Source.COMMAND, "/new starts", ["command"]),
        (
            _msg("!help", command=Command("help", (), "!")),
            Source.COMMAND,
            "!new starts",
            ["command"],
        ),
        (_msg("", media="photo"), Source.FALLBACK, NON_TEXT_NOTICE, []),
    ],
    ids=["question", "emergency", "command", "matrix-command", "non-text"],
)
async def test_each_kind_of_message_is_routed_disclaimed_and_counted(
    make_chat: MakeChat,
    app_config: AppConfig,
    message: IncomingMessage,
    source: Source,
    fragment: str,
    rows: list[str],
) -> None:
    chat = await make_chat()
    response = await chat.service.handle(message)
    assert response.reply.source is source and not response.silent
    assert fragment in response.reply.text
    assert response.reply.text.endswith(app_config.disclaimer.text)
    assert response.reply.text.count(app_config.disclaimer.text) == 1
    assert await _rows(chat) == rows


async def test_rate_limit_one_notice_per_run_and_emergencies_pass(
    make_chat: MakeChat, app_config: AppConfig
) -> None:
    config = app_config.model_copy(deep=True)
    config.adapters.get("telegram").rate_limit = RateLimitSettings(per_minute=1, burst=1)
    chat = await make_chat(config)
    first, notice, quiet = [await chat.service.handle(_msg()) for _ in range(3)]
    emergency = await chat.service.handle(_msg(EMERGENCY))
    command = await chat.service.handle(_msg("/help", command=Command("help")))
    other_user = await chat.service.handle(_msg(user="u2"))
    elsewhere = await chat.service.handle(dataclasses.replace(_msg(), platform="matrix"))

    assert first.reply.source is Source.RULE
    assert notice.reply.source is Source.RATE_LIMITED and not notice.silent
    assert "In an emergency call 999" in notice.reply.text
    assert notice.reply.text.endswith(config.disclaimer.text)
    assert quiet.silent  # counted, not sent
    assert emergency.reply.source is Source.EMERGENCY  # over the limit, answered anyway
    assert command.silent and command.reply.source is Source.RATE_LIMITED
    assert other_user.reply.source is Source.RULE  # per user
    assert elsewhere.reply.source is Source.RULE  # per platform
    assert await _rows(chat) == [
        "rule", "rate_limited", "rate_limited", "emergency", "rate_limited", "rule", "rule",
    ]  # fmt: skip


URGENT = "My right calf has been swollen and sore since the long flight back"


@pytest.mark.parametrize("platform", ["telegram", "matrix", "console"])
async def test_over_the_limit_an_emergency_passes_and_an_urgent_message_waits(
    make_chat: MakeChat, app_config: AppConfig, platform: str
) -> None:
    # Only the emergency level bypasses the limit: "get care today" can wait for the limit
    # to refill, and a bypass for every urgent red flag would let a flood through.
    config = app_config.model_copy(deep=True)
    config.adapters.get(platform).rate_limit = RateLimitSettings(per_minute=1, burst=1)
    chat = await make_chat(config)
    first = await chat.service.handle(_msg(platform=platform))
    urgent = await chat.service.handle(_msg(URGENT, platform=platform))
    emergency = await chat.service.handle(_msg(EMERGENCY, platform=platform))

    assert first.reply.source is Source.RULE
    assert urgent.reply.source is Source.RATE_LIMITED
    assert emergency.reply.source is Source.EMERGENCY and emergency.reply.level == "emergency"
    assert chat.assistant.is_emergency(EMERGENCY) and not chat.assistant.is_emergency(URGENT)
    # under the limit the same urgent message gets its level's guidance
    fresh = await chat.service.handle(_msg(URGENT, user="u2", platform=platform))
    assert fresh.reply.source is Source.URGENT and fresh.reply.level == "urgent"
    assert config.triage.urgent_contact in fresh.reply.text


class _Broken(ChatCommand):
    name = "broken"
    description = "always fails"

    async def _run(self, call: CommandCall) -> Response:
        raise RuntimeError("a bug that quotes the patient: Margaret")


async def test_internal_errors_become_an_apology_without_details(
    make_chat: MakeChat, app_config: AppConfig, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    chat = await make_chat()
    chat.service.commands.register(_Broken())
    response = await chat.service.handle(_msg("/broken", command=Command("broken")))
    assert response.reply.text == f"{ERROR_NOTICE}\n\n{app_config.disclaimer.text}"
    assert "RuntimeError" in caplog.text and "Margaret" not in caplog.text
    assert "broken" in chat.service.commands.names()


class _Handoff(ConversationHook):
    """What the handoff will do: answer some messages itself, and offer a person when the
    pipeline had no reliable answer of its own (``Reply.unanswered``)."""

    async def before(self, message: IncomingMessage) -> Response | None:
        if message.text == "a nurse please":
            return Response(Reply("A nurse will answer here.", Source.FALLBACK))
        return None

    async def after(self, message: IncomingMessage, response: Response) -> Response:
        if response.reply.unanswered is not None:
            text = f"{response.reply.text}\n\nSend /human to ask a nurse."
            return dataclasses.replace(
                response, reply=dataclasses.replace(response.reply, text=text)
            )
        return response


async def test_hooks_answer_or_extend_and_the_disclaimer_still_comes_last(
    make_chat: MakeChat, app_config: AppConfig
) -> None:
    chat = await make_chat()
    chat.service.hooks.append(_Handoff())
    taken = await chat.service.handle(_msg("a nurse please"))
    # no vetted topic covers it, so the pipeline has no reliable answer
    extended = await chat.service.handle(_msg("Can I take my cat's worming tablets on a yacht?"))
    untouched = await chat.service.handle(_msg())
    disclaimer = app_config.disclaimer.text
    assert taken.reply.text == f"A nurse will answer here.\n\n{disclaimer}"
    assert extended.reply.text.endswith(f"Send /human to ask a nurse.\n\n{disclaimer}")
    assert "/human" not in untouched.reply.text
    assert await _rows(chat) == ["fallback", "fallback", "rule"]
