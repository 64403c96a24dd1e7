"""The Telegram adapter's pure parts: reply splitting, the per-user rate limit, update
classification and the offset ledger. No network here. (The per-user lanes are in the core
now: tests/test_preempt_lanes.py.)"""

from __future__ import annotations

import random
from typing import Any

import pytest
from telegram import Update

from adapters.telegram_updates import Kind, classify
from adapters.text_split import TELEGRAM_LIMIT, split_text, utf16_len
from assistant.rate_limit import UserRateLimiter
from tests.telegram_emulator import BotAPIEmulator
from tests.telegram_support import NON_TEXT_CONTENT, TOKEN

DISCLAIMER = "This is general information from an AI assistant, not medical advice."

# -- splitting -------------------------------------------------------------------------------


def _sentences(count: int, seed: int) -> str:
    rng = random.Random(seed)
    words = ["fever", "rest", "fluids", "paracetamol", "clinic", "sleep", "water", "cough"]
    return " ".join(
        " ".join(rng.choice(words) for _ in range(rng.randint(4, 14))).capitalize() + "."
        for _ in range(count)
    )


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("Short answer.", 4096, ["Short answer."]),
        ("   ", 4096, []),
        ("One.\n\nTwo.", 6, ["One.", "Two."]),
        ("First sentence. Second one here.", 20, ["First sentence.", "Second one here."]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
        ("word " * 3, 9, ["word word", "word"]),
    ],
)
def test_split_small_cases(text: str, limit: int, expected: list[str]) -> None:
    assert split_text(text, limit) == expected


@pytest.mark.parametrize("seed", range(6))
def test_split_long_replies_keeps_words_limit_and_disclaimer(seed: int) -> None:
    paragraphs = [_sentences(random.Random(seed + n).randint(3, 60), seed + n) for n in range(8)]
    text = "\n\n".join([*paragraphs, DISCLAIMER])
    parts = split_text(text, TELEGRAM_LIMIT, measure=utf16_len)
    assert len(parts) >= 2
    assert all(0 < utf16_len(part) <= TELEGRAM_LIMIT for part in parts)
    assert " ".join(parts).split() == text.split()  # nothing lost, nothing reordered
    assert parts[-1].endswith(DISCLAIMER)
    for part in parts[:-1]:
        assert part.endswith((".", DISCLAIMER))  # broken at a sentence or paragraph end


def test_split_prefers_paragraphs_and_counts_utf16() -> None:
    first = "🙂 " + "a" * 2500 + "."  # the emoji counts twice in Telegram's limit
    second = "b" * 1700 + "."
    parts = split_text(f"{first}\n\n{second}\n\n{DISCLAIMER}", 4200, measure=utf16_len)
    assert parts == [first, f"{second}\n\n{DISCLAIMER}"]
    assert split_text("🙂" * 3, 4, measure=utf16_len) == ["🙂🙂", "🙂"]


def test_split_rejects_a_zero_limit() -> None:
    with pytest.raises(ValueError):
        split_text("text", 0)


# -- rate limit ------------------------------------------------------------------------------


def test_rate_limit_burst_refill_and_one_notice_per_run() -> None:
    now = [0.0]
    limiter = UserRateLimiter(per_minute=6, burst=3, clock=lambda: now[0])
    outcomes = [limiter.check("u1") for _ in range(5)]
    assert [d.allowed for d in outcomes] == [True, True, True, False, False]
    assert [d.notice_due for d in outcomes] == [False, False, False, True, False]
    assert limiter.check("u2").allowed  # users are independent
    now[0] = 10.0  # 6/min refills one token every 10 s
    assert limiter.check("u1").allowed
    refused = limiter.check("u1")
    assert not refused.allowed and refused.notice_due  # a new run gets a new notice


def test_rate_limit_forgets_idle_users_beyond_the_cap() -> None:
    limiter = UserRateLimiter(per_minute=1, burst=1, max_users=3, clock=lambda: 0.0)
    for user in ("a", "b", "c", "d"):
        assert limiter.check(user).allowed
    assert len(limiter) == 3


# -- classification --------------------------------------------------------------------------

EMU = BotAPIEmulator(TOKEN)  # only its update builders are used here; no server starts
BOT = "healthbot_test_bot"


def _update(kind: str, payload: dict[str, Any]) -> Update:
    return Update.de_json({"update_id": 1, kind: payload}, None)


def _msg(text: str | None = None, **kwargs: Any) -> Update:
    return _update("message", EMU.message(42, text, **kwargs))


def _group(text: str | None = None, **kwargs: Any) -> Update:
    return _msg(text, chat_id=-100, chat_type="supergroup", **kwargs)


CASES: list[tuple[str, Update, str, Kind, str, tuple[str, ...]]] = [
    ("private text", _msg("I have a cold"), "mention", Kind.TEXT, "I have a cold", ()),
    ("command", _msg("/start"), "mention", Kind.COMMAND, "start", ()),
    ("command args", _msg("/forget yes"), "mention", Kind.COMMAND, "forget", ("yes",)),
    ("command for us", _msg(f"/help@{BOT}"), "mention", Kind.COMMAND, "help", ()),
    ("other bot's command", _msg("/help@other_bot"), "mention", Kind.IGNORED, "", ()),
    ("group chatter", _group("lunch at one?"), "mention", Kind.IGNORED, "", ()),
    ("group mention", _group(f"@{BOT} what helps a sore throat?"), "mention", Kind.TEXT,
     "what helps a sore throat?", ()),
    ("group mention after emoji", _group(f"👋 @{BOT} is flu contagious"), "mention", Kind.TEXT,
     "👋  is flu contagious", ()),
    ("group reply to bot", _group("and for children?", reply_to_bot=True), "mention",
     Kind.TEXT, "and for children?", ()),
    ("group mode all", _group("lunch at one?"), "all", Kind.TEXT, "lunch at one?", ()),
    ("group mode off", _group(f"@{BOT} hello"), "off", Kind.IGNORED, "", ()),
    ("group command", _group(f"/help@{BOT}"), "mention", Kind.COMMAND, "help", ()),
    ("group photo not addressed", _group(**NON_TEXT_CONTENT["photo"]), "mention",
     Kind.IGNORED, "", ()),
    ("group photo replying to bot", _group(reply_to_bot=True, **NON_TEXT_CONTENT["photo"]),
     "mention", Kind.NON_TEXT, "", ()),
    ("edited", _update("edited_message", EMU.message(42, "edit")), "mention", Kind.IGNORED,
     "", ()),
    ("channel post", _update("channel_post", EMU.message(42, "news", chat_type="channel")),
     "mention", Kind.IGNORED, "", ()),
    ("service: new member", _group(new_chat_members=[EMU.user(7)]), "all", Kind.IGNORED, "",
     ()),
    ("reaction", _update("message_reaction", {
        "chat": EMU.chat(42), "message_id": 5, "date": 0, "user": EMU.user(42),
        "old_reaction": [], "new_reaction": [{"type": "emoji", "emoji": "👍"}]}),
     "mention", Kind.IGNORED, "", ()),
    *[
        (f"private {kind}", _msg(**content), "mention", Kind.NON_TEXT, "", ())
        for kind, content in NON_TEXT_CONTENT.items()
    ],
]  # fmt: skip


@pytest.mark.parametrize(
    ("update", "mode", "kind", "value", "args"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_classify(update: Update, mode: Any, kind: Kind, value: str, args: tuple[str, ...]) -> None:
    item = classify(update, username=BOT, bot_id=EMU.bot_id, group_mode=mode)
    assert item.kind is kind
    if kind is Kind.TEXT:
        assert item.text == value
    if kind is Kind.COMMAND:
        assert (item.command, item.args) == (value, args)


def test_non_text_labels_name_the_kind_only() -> None:
    for kind, content in NON_TEXT_CONTENT.items():
        item = classify(_msg(**content), username=BOT, bot_id=EMU.bot_id, group_mode="mention")
        assert item.label == kind
        assert item.text == ""  # nothing of a contact or location is carried on
