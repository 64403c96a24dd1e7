"""Unit tests for the Matrix adapter's pure parts: addressing, invites, reply shapes, limits."""

from __future__ import annotations

from typing import Any

import pytest

from adapters.matrix_crypto import check_e2ee_available
from adapters.matrix_events import (
    Addressed,
    BotIdentity,
    addressed,
    image_content,
    is_edit,
    matches_any,
    notice_content,
    post_content,
    room_allowed,
    strip_prefix,
    thread_root,
    to_html,
    without_reply_fallback,
)
from assistant.errors import AdapterError

BOT = BotIdentity("@healthbot:hospital.example", ("Health Bot",))


@pytest.mark.parametrize(
    ("user_id", "patterns", "expected"),
    [
        ("@ann:hospital.example", ["@ann:hospital.example"], True),
        ("@ann:hospital.example", ["@*:hospital.example"], True),
        ("@ann:evil.example", ["@*:hospital.example"], False),
        ("@ann:hospital.example.evil", ["@*:hospital.example"], False),
        ("@ann:hospital.example", [], False),
        ("@Ann:hospital.example", ["@ann:hospital.example"], False),
    ],
)
def test_allowed_users(user_id: str, patterns: list[str], expected: bool) -> None:
    assert matches_any(user_id, patterns) is expected


@pytest.mark.parametrize(
    ("room_id", "aliases", "allowed", "expected"),
    [
        ("!a:hs", [], [], True),
        ("!a:hs", [], ["!a:hs"], True),
        ("!b:hs", [], ["!a:hs"], False),
        ("!b:hs", ["#staff:hs"], ["#staff:hs"], True),
        ("!b:hs", ["#staff:hs"], ["#*:other"], False),
    ],
)
def test_room_allow_list(
    room_id: str, aliases: list[str], allowed: list[str], expected: bool
) -> None:
    assert room_allowed(room_id, aliases, allowed) is expected


@pytest.mark.parametrize(
    ("content", "direct", "expected"),
    [
        ({"body": "what helps a cold?"}, True, Addressed("what helps a cold?")),
        ({"body": "what helps a cold?"}, False, None),
        ({"body": "healthbot: what helps a cold?"}, False, Addressed("what helps a cold?")),
        ({"body": "Health Bot, what helps a cold?"}, False, Addressed("what helps a cold?")),
        ({"body": "@healthbot:hospital.example what helps?"}, False, Addressed("what helps?")),
        (
            {"body": "what helps?", "m.mentions": {"user_ids": ["@healthbot:hospital.example"]}},
            False,
            Addressed("what helps?"),
        ),
        (
            {
                "body": "hb what helps?",
                "formatted_body": '<a href="https://matrix.to/#/@healthbot:hospital.example">hb</a>',
            },
            False,
            Addressed("hb what helps?"),
        ),
        ({"body": "!ask what helps a cold?"}, False, Addressed("what helps a cold?")),
        ({"body": "!asking around"}, False, None),
        ({"body": "healthbot-b: what helps?"}, False, None),  # another bot's name
        ({"body": "ask the unhealthbot"}, False, None),
        ({"body": "!help"}, False, Addressed("!help", "help")),
        ({"body": "!forget yes"}, True, Addressed("!forget yes", "forget", ("yes",))),
        ({"body": "healthbot: !STATS week"}, False, Addressed("!STATS week", "stats", ("week",))),
        ({"body": "!unknown"}, False, None),
        ({"body": "!unknown"}, True, Addressed("!unknown")),
        ({"msgtype": "m.text"}, True, None),
    ],
)
def test_addressed(content: dict[str, Any], direct: bool, expected: Addressed | None) -> None:
    assert addressed(content, BOT, direct=direct, prefix="!ask") == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [("!ask hi", "hi"), ("  !ASK: hi", "hi"), ("!ask", ""), ("!asked", None), ("ask", None)],
)
def test_strip_prefix(body: str, expected: str | None) -> None:
    assert strip_prefix(body, "!ask") == expected


def test_notice_is_a_rich_reply_with_escaped_html() -> None:
    content = notice_content("<b>1 & 2</b>\nnext", event_id="$e", thread=None, sender="@a:hs")
    assert content["msgtype"] == "m.notice"
    assert content["body"] == "<b>1 & 2</b>\nnext"
    assert content["formatted_body"] == "&lt;b&gt;1 &amp; 2&lt;/b&gt;<br/>next"
    assert content["m.relates_to"] == {"m.in_reply_to": {"event_id": "$e"}}
    assert content["m.mentions"] == {"user_ids": ["@a:hs"]}


def test_notice_in_a_thread_stays_in_it() -> None:
    content = notice_content("hi", event_id="$e", thread="$root", sender="@a:hs")
    assert content["m.relates_to"] == {
        "rel_type": "m.thread",
        "event_id": "$root",
        "is_falling_back": False,
        "m.in_reply_to": {"event_id": "$e"},
    }


@pytest.mark.parametrize(
    ("content", "root", "edit"),
    [
        ({"body": "x"}, None, False),
        ({"m.relates_to": {"rel_type": "m.thread", "event_id": "$r"}}, "$r", False),
        ({"m.relates_to": {"m.in_reply_to": {"event_id": "$r"}}}, None, False),
        ({"m.relates_to": {"rel_type": "m.replace", "event_id": "$r"}}, None, True),
        ({"m.new_content": {"body": "x"}}, None, True),
        ({"m.relates_to": "garbage"}, None, False),
    ],
)
def test_relations(content: dict[str, Any], root: str | None, edit: bool) -> None:
    assert thread_root(content) == root
    assert is_edit(content) is edit


def test_image_content_plain_and_encrypted() -> None:
    common: dict[str, Any] = {
        "filename": "s.png",
        "mime_type": "image/png",
        "size": 3,
        "content_uri": "mxc://hs/x",
        "event_id": "$e",
        "thread": None,
    }
    plain = image_content(file_keys=None, **common)
    assert plain["url"] == "mxc://hs/x" and "file" not in plain
    encrypted = image_content(file_keys={"key": {"k": "s"}, "iv": "i"}, **common)
    assert "url" not in encrypted
    assert encrypted["file"] == {"key": {"k": "s"}, "iv": "i", "url": "mxc://hs/x"}


def test_to_html_escapes_quotes() -> None:
    assert to_html('"a" <script>') == "&quot;a&quot; &lt;script&gt;"


def test_missing_e2e_dependencies_name_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    check_e2ee_available()  # installed here through matrix-nio[e2e]
    import adapters.matrix_crypto as crypto

    monkeypatch.setattr(crypto, "E2EE_MODULES", ("vodozemac", "healthbot_no_such_module"))
    with pytest.raises(AdapterError) as caught:
        check_e2ee_available()
    assert 'pip install "matrix-nio[e2e]"' in str(caught.value)
    assert "healthbot_no_such_module" in str(caught.value)


@pytest.mark.parametrize(
    ("thread", "reply_to", "relates"),
    [
        ("$root", None, {"rel_type": "m.thread", "event_id": "$root", "is_falling_back": True,
                         "m.in_reply_to": {"event_id": "$root"}}),
        ("$root", "$ask", {"rel_type": "m.thread", "event_id": "$root", "is_falling_back": False,
                           "m.in_reply_to": {"event_id": "$ask"}}),
        (None, "$ask", {"m.in_reply_to": {"event_id": "$ask"}}),
        (None, None, None),
    ],
)  # fmt: skip
def test_posts_the_bot_makes_unasked(
    thread: str | None, reply_to: str | None, relates: dict[str, Any] | None
) -> None:
    content = post_content("Case #1 <b>", thread=thread, reply_to=reply_to)
    assert content["msgtype"] == "m.notice" and content["formatted_body"] == "Case #1 &lt;b&gt;"
    assert content.get("m.relates_to") == relates
    assert content["m.mentions"] == {}  # nobody is pinged by a case post


@pytest.mark.parametrize(
    ("content", "body", "expected"),
    [
        ({"m.relates_to": {"m.in_reply_to": {"event_id": "$a"}}},
         "> <@bot:x> Case #1\n> more\n\nUse ice.", "Use ice."),
        ({"m.relates_to": {"m.in_reply_to": {"event_id": "$a"}}}, "Use ice.", "Use ice."),
        ({}, "> a quote of my own\n\nUse ice.", "> a quote of my own\n\nUse ice."),
    ],
)  # fmt: skip
def test_reply_fallback_is_dropped(content: dict[str, Any], body: str, expected: str) -> None:
    assert without_reply_fallback(content, body) == expected
