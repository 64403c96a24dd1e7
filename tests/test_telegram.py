"""The Telegram adapter end to end: the real PTB Application against the local Bot API
emulator over HTTP, with the real assistant (Presidio, triage, rules, Store).

LLM answers come from :class:`tests.fakes.FakeBackend` where a test
must see what the model received or control its timing; elsewhere the LLM stage is off and
questions no rule answers get the configured fallback.
"""

from __future__ import annotations

import logging
import socket
import time
from collections.abc import AsyncIterator

import aiohttp
import pytest
from pydantic import SecretStr

import adapters.telegram_send as telegram_send
from adapters.text_split import utf16_len
from assistant.conversation import NON_TEXT_NOTICE as NON_TEXT_REPLY
from assistant.errors import AdapterError
from bot.config import AppConfig
from tests.conftest import MakeAssistant
from tests.fakes import FakeBackend
from tests.telegram_emulator import BotAPIEmulator, Fault, markup_error
from tests.telegram_support import (
    ADMIN_ID,
    NON_TEXT_CONTENT,
    TOKEN,
    BotHarness,
    eventually,
    llm_harness,
    replies,
    telegram_config,
)

COLD = "How long does a cold last?"
COLD_START = "A cold usually comes on gradually"
EMERGENCY = "I have crushing chest pain and I can't breathe"
# No vetted topic covers it: the honest reply, and the model is not asked.
UNCOVERED = "Can I take my cat's worming tablets on a yacht?"
# A vetted topic (Raynaud's) covers it, so the model is asked, grounded in that passage.
COVERED = "Why do my fingers go white in the cold?"
GROUNDED = "keeping your whole body warm and wearing gloves and warm socks help with Raynaud's."


def sending_config(config: AppConfig) -> AppConfig:
    """For tests of how Telegram sends a model's text (splitting, markup), not of the answer
    check: only the role-token check stays, so that text made up to stress sending (long,
    repeated, full of markup) reaches the adapter. The check has its own tests."""
    config = config.model_copy(deep=True)
    config.answer_check.checks = ["role_tokens"]
    return config


@pytest.fixture(autouse=True)
def bot_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)


@pytest.fixture
def config(app_config: AppConfig, emulator: BotAPIEmulator) -> AppConfig:
    return telegram_config(app_config, emulator)


@pytest.fixture
async def harness(config: AppConfig, make_assistant: MakeAssistant) -> AsyncIterator[BotHarness]:
    assistant = await make_assistant(config=config)
    harness = BotHarness(config, assistant)
    yield harness
    await harness.close()


# -- conversations ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (COLD, COLD_START),
        (EMERGENCY, "call 999 now"),
        (UNCOVERED, "can't answer that one reliably"),
    ],
    ids=["rule", "emergency", "fallback"],
)
async def test_private_message_gets_exactly_one_reply_with_disclaimer(
    harness: BotHarness, emulator: BotAPIEmulator, text: str, expected: str
) -> None:
    adapter = await harness.start()
    emulator.send_text(501, text)
    answer = (await replies(emulator, 501, 1))[0]
    await harness.stop(adapter)  # drains: anything extra would have been sent by now
    assert emulator.texts_to(501) == [answer]
    assert expected in answer
    assert answer.endswith(harness.config.disclaimer.text.strip())
    assert "parse_mode" not in emulator.method_calls("sendMessage")[0]  # plain text


async def test_name_comes_back_while_the_model_saw_a_placeholder(
    config: AppConfig, make_assistant: MakeAssistant, emulator: BotAPIEmulator
) -> None:
    backend = FakeBackend(answer=f"{{names}}, {GROUNDED}")
    harness = await llm_harness(config, make_assistant, backend)
    await harness.start()
    emulator.send_text(502, f"Hello, my name is Margaret Thompson. {COVERED}")
    answer = (await replies(emulator, 502, 1))[0]
    await harness.close()
    assert answer.startswith(f"Margaret Thompson, {GROUNDED}")
    assert backend.questions and "<PERSON_1>" in backend.questions[0]
    assert "Margaret" not in backend.questions[0] and "Thompson" not in backend.questions[0]


# -- commands --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("/start", "I'm an AI, not a doctor"),
        ("/help", "/new starts a new conversation"),
        ("/privacy", "Never the text of your messages"),
        ("/new", "started a new conversation"),
        ("/forget", "/forget yes"),
        ("/stats", "only for clinic admins"),
        ("/nonsense", "I don't know that command"),
    ],
)
async def test_commands_answer(
    harness: BotHarness, emulator: BotAPIEmulator, command: str, expected: str
) -> None:
    await harness.start()
    emulator.send_text(503, command)
    answer = (await replies(emulator, 503, 1))[0]
    assert expected in answer
    assert answer.endswith(harness.config.disclaimer.text.strip())


async def test_commands_are_registered_for_the_menu(
    harness: BotHarness, emulator: BotAPIEmulator
) -> None:
    await harness.start()
    public = {c["command"] for c in emulator.commands["default"]}
    assert public == {"start", "help", "privacy", "new", "forget"}
    admin = {c["command"] for c in emulator.commands[f"chat:{ADMIN_ID}"]}
    assert admin == public | {"stats"}


async def test_stats_for_admins_only(
    harness: BotHarness, emulator: BotAPIEmulator, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    await harness.start()
    emulator.send_text(ADMIN_ID, COLD)
    await replies(emulator, ADMIN_ID, 1)
    emulator.send_text(5550123, "/stats")
    refusal = (await replies(emulator, 5550123, 1))[0]
    assert "only for clinic admins" in refusal
    refused = [r.getMessage() for r in caplog.records if "refused /stats" in r.getMessage()]
    assert len(refused) == 1 and "5550123" not in refused[0]  # logged under the hashed id

    emulator.send_text(ADMIN_ID, "/stats")
    await emulator.wait_until(lambda: any(s.method == "sendPhoto" for s in emulator.sent))
    report = emulator.texts_to(ADMIN_ID)[-1]
    assert "only for clinic admins" not in report
    photo = next(s for s in emulator.sent if s.method == "sendPhoto")
    assert photo.chat_id == ADMIN_ID and photo.data.startswith(b"\x89PNG")
    assert photo.filename.endswith(".png")


async def test_forget_removes_the_users_rows(harness: BotHarness, emulator: BotAPIEmulator) -> None:
    store, assistant = harness.assistant.store, harness.assistant
    assert store is not None
    user_hash = assistant.user_hash("telegram", "504")
    assert user_hash is not None
    await harness.start()
    for text in (COLD, UNCOVERED):
        emulator.send_text(504, text)
    await replies(emulator, 504, 2)
    assert await store.count_user_rows(user_hash) == 2
    emulator.send_text(504, "/forget")
    assert "cannot be undone" in (await replies(emulator, 504, 3))[-1]
    assert await store.count_user_rows(user_hash) == 2  # nothing erased without confirmation
    emulator.send_text(504, "/forget yes")
    assert "Done. I erased" in (await replies(emulator, 504, 4))[-1]
    assert await store.count_user_rows(user_hash) == 0


# -- what is not a question ------------------------------------------------------------------


async def test_non_text_gets_a_short_reply_and_leaves_no_trace(
    harness: BotHarness, emulator: BotAPIEmulator, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    store = harness.assistant.store
    user_hash = harness.assistant.user_hash("telegram", "505")
    assert store is not None and user_hash is not None
    await harness.start()
    for content in NON_TEXT_CONTENT.values():
        emulator.add_update("message", emulator.message(505, **content))
    answers = await replies(emulator, 505, len(NON_TEXT_CONTENT))
    await harness.close()
    assert len(emulator.texts_to(505)) == len(NON_TEXT_CONTENT)
    assert all(a.startswith(NON_TEXT_REPLY) for a in answers)
    assert await store.count_user_rows(user_hash) == 0
    logged = "\n".join(r.getMessage() for r in caplog.records)
    for secret in ("7700900123", "Margaret", "51.5072", "-0.1276", "Best cold remedy"):
        assert secret not in logged


async def test_edits_reactions_service_messages_and_other_bots_are_ignored(
    harness: BotHarness, emulator: BotAPIEmulator
) -> None:
    await harness.start()
    emulator.add_update("edited_message", emulator.message(506, "edited question"))
    emulator.add_update("message", emulator.message(506, chat_id=-506, chat_type="group",
                                                    new_chat_members=[emulator.user(9)]))  # fmt: skip
    emulator.add_update(
        "message_reaction",
        {"chat": emulator.chat(506), "message_id": 1, "date": 0, "user": emulator.user(506),
         "old_reaction": [], "new_reaction": [{"type": "emoji", "emoji": "👍"}]},
    )  # fmt: skip
    emulator.send_text(506, "/help@some_other_bot")
    emulator.send_text(506, "lunch at one?", chat_id=-506, chat_type="group")
    emulator.send_text(506, COLD)  # the only one that gets a reply
    await replies(emulator, 506, 1)
    await harness.close()
    assert [s.chat_id for s in emulator.sent] == [506]


async def test_groups_answer_only_mentions_and_replies(
    harness: BotHarness, emulator: BotAPIEmulator
) -> None:
    await harness.start()
    group = -1007
    chatter = emulator.message(507, "anyone for coffee?", chat_id=group, chat_type="supergroup")
    mention = emulator.message(
        507, f"@{emulator.username} how long does a cold last?", chat_id=group,
        chat_type="supergroup",
    )  # fmt: skip
    reply = emulator.message(508, COLD, chat_id=group, chat_type="supergroup", reply_to_bot=True)
    for message in (chatter, mention, reply):
        emulator.add_update("message", message)
    await replies(emulator, group, 2)
    await harness.close()
    sent = [s for s in emulator.sent if s.chat_id == group]
    # two users: answered concurrently, each quoting its own question
    assert sorted(s.reply_to or 0 for s in sent) == sorted(
        [mention["message_id"], reply["message_id"]]
    )
    assert all(COLD_START in s.text for s in sent)


# -- sending ---------------------------------------------------------------------------------


async def test_long_reply_is_split_with_the_disclaimer_last(
    config: AppConfig, make_assistant: MakeAssistant, emulator: BotAPIEmulator
) -> None:
    paragraph = "Rest and drink fluids. " * 60  # about 1,400 characters
    backend = FakeBackend(answer="\n\n".join([paragraph.strip()] * 7))
    harness = await llm_harness(sending_config(config), make_assistant, backend)
    await harness.start()
    emulator.send_text(509, COVERED)
    await emulator.wait_until(lambda: len(emulator.texts_to(509)) >= 4)
    await harness.close()
    parts = emulator.texts_to(509)
    disclaimer = harness.config.disclaimer.text.strip()
    pair = "\n\n".join([paragraph.strip()] * 2)  # two paragraphs fit, a third would not
    # the source line ("Based on: ...") and the disclaimer follow the answer, in the last part
    assert parts[:3] == [pair, pair, pair] and len(parts) == 4
    assert parts[3].startswith(f"{paragraph.strip()}\n\n") and parts[3].endswith(disclaimer)
    assert all(utf16_len(p) <= 4096 for p in parts)
    words = " ".join(parts).split()
    assert words[: len(backend.answer.split())] == backend.answer.split()


async def test_formatting_characters_never_break_a_send(
    config: AppConfig, make_assistant: MakeAssistant, emulator: BotAPIEmulator
) -> None:
    tricky = "Use *half* a dose_of <b>this or `that [link](x) \\ ~"
    assert markup_error(tricky, "Markdown") and markup_error(tricky, "HTML")  # would fail
    backend = FakeBackend(answer=tricky)
    harness = await llm_harness(sending_config(config), make_assistant, backend)
    await harness.start()
    emulator.send_text(510, "is *this* <ok> for_me `really`? my fingers go white in the cold")
    answer = (await replies(emulator, 510, 1))[0]
    await harness.close()
    assert answer.startswith(tricky)


async def test_typing_is_shown_and_kept_alive_during_a_slow_answer(
    config: AppConfig,
    make_assistant: MakeAssistant,
    emulator: BotAPIEmulator,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(telegram_send, "TYPING_DELAY_S", 0.05)
    monkeypatch.setattr(telegram_send, "TYPING_INTERVAL_S", 0.25)
    harness = await llm_harness(config, make_assistant, FakeBackend(delay_s=1.2))
    await harness.start()
    emulator.send_text(511, COVERED)
    await replies(emulator, 511, 1)
    typing_while_working = len(emulator.actions)
    await harness.close()
    assert typing_while_working >= 3
    assert set(emulator.actions) == {(511, "typing")}
    assert len(emulator.actions) == typing_while_working  # stopped with the answer


# -- limits and failures ---------------------------------------------------------------------


async def test_rate_limit_sends_one_notice_and_keeps_the_llm_out(
    config: AppConfig, make_assistant: MakeAssistant, emulator: BotAPIEmulator
) -> None:
    config.adapters.telegram.rate_limit.per_minute = 1
    config.adapters.telegram.rate_limit.burst = 2
    backend = FakeBackend(answer=f"Thanks, {GROUNDED}")
    harness = await llm_harness(config, make_assistant, backend)
    store = harness.assistant.store
    user_hash = harness.assistant.user_hash("telegram", "512")
    assert store is not None and user_hash is not None
    await harness.start()
    for n in range(5):
        emulator.send_text(512, f"Why do my fingers go white in the cold, question {n}?")
    emulator.send_text(512, EMERGENCY)  # over the limit too, but a red flag is still answered
    await replies(emulator, 512, 4)
    await harness.close()
    answers = emulator.texts_to(512)
    assert len(answers) == 4
    # The emergency may go ahead of the questions still waiting (the core's dispatcher).
    assert len([a for a in answers if "call 999 now" in a]) == 1
    others = [a for a in answers if "call 999 now" not in a]
    assert [a.startswith("Thanks") for a in others[:2]] == [True, True]
    assert "faster than I can answer" in others[2]
    assert len(backend.questions) == 2
    await store.flush()
    rows = await store.db.execute_fetchall(
        "SELECT source FROM messages WHERE user_hash = ? ORDER BY id", (user_hash,)
    )
    assert [r[0] for r in rows].count("rate_limited") == 3


async def test_429_is_waited_out_and_the_reply_arrives_once(
    harness: BotHarness, emulator: BotAPIEmulator
) -> None:
    await harness.start()
    emulator.inject("sendMessage", Fault("429", retry_after=1))
    started = time.perf_counter()
    emulator.send_text(513, COLD)
    await replies(emulator, 513, 1)
    waited = time.perf_counter() - started
    await harness.close()
    assert len(emulator.texts_to(513)) == 1
    assert len(emulator.method_calls("sendMessage")) == 1  # the 429 was not a send
    assert waited >= 1.0


async def test_502_and_dropped_connections_are_retried(
    harness: BotHarness, emulator: BotAPIEmulator
) -> None:
    adapter = await harness.start()
    emulator.inject("getUpdates", Fault("502"), Fault("drop"))
    emulator.inject("sendMessage", Fault("drop"), Fault("502"))
    emulator.send_text(514, COLD)
    await replies(emulator, 514, 1, within_s=30)
    emulator.send_text(514, EMERGENCY)
    await replies(emulator, 514, 2, within_s=30)
    assert adapter.is_connected()
    await harness.close()
    assert len(emulator.texts_to(514)) == 2
    assert not emulator.faults["getUpdates"] and not emulator.faults["sendMessage"]


async def test_server_going_away_and_coming_back(
    harness: BotHarness, emulator: BotAPIEmulator
) -> None:
    adapter = await harness.start()
    emulator.send_text(515, COLD)
    await replies(emulator, 515, 1)
    await emulator.go_away()
    emulator.send_text(515, EMERGENCY)  # waits on the server while the bot cannot reach it
    await eventually(lambda: not adapter.is_connected())
    await emulator.come_back()
    answers = await replies(emulator, 515, 2, within_s=30)
    assert "call 999 now" in answers[1]
    assert adapter.is_connected()
    await harness.close()
    assert len(emulator.texts_to(515)) == 2


async def test_the_token_never_reaches_a_log_line(
    harness: BotHarness, emulator: BotAPIEmulator, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    await harness.start()
    emulator.inject("getUpdates", Fault("502"), Fault("drop"))
    emulator.inject("sendMessage", Fault("429", retry_after=1))
    emulator.send_text(516, COLD)
    await replies(emulator, 516, 1, within_s=30)
    await harness.close()
    assert logging.getLogger("httpx").getEffectiveLevel() >= logging.WARNING
    secret = TOKEN.split(":", 1)[1]
    assert caplog.records
    for record in caplog.records:
        text = record.getMessage() + (caplog.handler.format(record) if record.exc_info else "")
        assert secret not in text, record.name


# -- start-up and webhook --------------------------------------------------------------------


async def test_start_fails_clearly_without_or_with_a_wrong_token(
    harness: BotHarness, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN")
    with pytest.raises(AdapterError, match="TELEGRAM_BOT_TOKEN is not set"):
        await harness.start()
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "111:wrong")
    with pytest.raises(AdapterError, match="rejected the bot token"):
        await harness.start()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_webhook_mode_checks_the_secret_on_every_request(
    harness: BotHarness, emulator: BotAPIEmulator
) -> None:
    config = harness.config.model_copy(deep=True)
    tg = config.adapters.telegram
    tg.mode = "webhook"
    with pytest.raises(AdapterError, match="secret"):
        await harness.start(config)
    port = _free_port()
    tg.webhook.url = f"http://127.0.0.1:{port}/telegram"
    tg.webhook.port = port
    tg.webhook.secret_token = SecretStr("webhook-secret-1")
    adapter = await harness.start(config)
    assert emulator.webhook_url == tg.webhook.url
    assert emulator.webhook_secret == "webhook-secret-1"
    emulator.send_text(517, COLD)
    assert COLD_START in (await replies(emulator, 517, 1))[0]
    update = {"update_id": 999, "message": emulator.message(517, EMERGENCY)}
    async with aiohttp.ClientSession() as session:
        for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "guess"}):
            async with session.post(tg.webhook.url, json=update, headers=headers) as response:
                assert response.status == 403
    assert adapter.is_connected()
    await harness.stop(adapter)
    assert emulator.texts_to(517)[1:] == []  # forged updates were never answered
