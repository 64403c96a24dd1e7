"""Pure helpers for the Matrix adapter: who may invite it, which messages it answers, and
what its replies look like. No nio and no network here, so all of it is unit-tested.
"""

from __future__ import annotations

import fnmatch
import html
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

COMMAND_PREFIX = "!"
#: the built-in commands; the adapter passes the registry's names
DEFAULT_COMMANDS = ("start", "help", "privacy", "new", "forget", "stats")


def matches_any(value: str, patterns: Sequence[str]) -> bool:
    """Exact ids or shell-style globs such as ``@*:hospital.example`` (case-sensitive)."""
    return any(fnmatch.fnmatchcase(value, pattern) for pattern in patterns)


def room_allowed(room_id: str, aliases: Iterable[str], allowed: Sequence[str]) -> bool:
    """An empty allow-list allows every room; otherwise the id or one alias must match."""
    if not allowed:
        return True
    return matches_any(room_id, allowed) or any(matches_any(alias, allowed) for alias in aliases)


def _name_pattern(name: str) -> re.Pattern[str]:
    # Not part of a longer word or id: "healthbot" must not match "healthbot-b".
    return re.compile(rf"(?<![\w@\-]){re.escape(name)}(?![\w\-])", re.IGNORECASE)


@dataclass(frozen=True)
class BotIdentity:
    """The names people use to address the bot in a room."""

    user_id: str
    display_names: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        localpart = self.user_id[1:].split(":", 1)[0]
        ordered = [self.user_id, *self.display_names, localpart]
        # Longest first, so "@bot:server" is removed before "bot" would leave "@:server".
        unique = {name for name in ordered if name}
        return tuple(sorted(unique, key=len, reverse=True))


def is_mentioned(content: Mapping[str, Any], body: str, bot: BotIdentity) -> bool:
    mentions = content.get("m.mentions")
    if isinstance(mentions, Mapping):
        user_ids = mentions.get("user_ids")
        if isinstance(user_ids, list) and bot.user_id in user_ids:
            return True
    formatted = content.get("formatted_body")
    if isinstance(formatted, str) and f"matrix.to/#/{bot.user_id}" in formatted:
        return True
    return any(_name_pattern(name).search(body) for name in bot.names)


def strip_mentions(body: str, bot: BotIdentity) -> str:
    """The question without the bot's names and the "name:" punctuation around them."""
    text = body
    for name in bot.names:
        text = _name_pattern(name).sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text.lstrip(":,;- ").strip()


def strip_prefix(body: str, prefix: str) -> str | None:
    """The text after ``prefix`` when the body starts with it (as a whole word), else None."""
    stripped = body.lstrip()
    if not prefix or not stripped.lower().startswith(prefix.lower()):
        return None
    rest = stripped[len(prefix) :]
    if rest and not rest[0].isspace() and rest[0] not in ":,":
        return None  # "!asking" is not "!ask"
    return rest.lstrip(":, \t\n")


def parse_command(
    text: str, known: Collection[str] = DEFAULT_COMMANDS
) -> tuple[str, list[str]] | None:
    """``!forget yes`` -> ("forget", ["yes"]) for a known command; anything else None (a
    "!" that starts an ordinary sentence stays a question)."""
    if not text.startswith(COMMAND_PREFIX):
        return None
    words = text[len(COMMAND_PREFIX) :].split()
    if not words or words[0].lower() not in known:
        return None
    return words[0].lower(), words[1:]


@dataclass(frozen=True)
class Addressed:
    """A message the bot should answer: a question for the assistant or a command."""

    text: str
    command: str | None = None
    args: tuple[str, ...] = ()


def addressed(
    content: Mapping[str, Any],
    bot: BotIdentity,
    *,
    direct: bool,
    prefix: str,
    commands: Collection[str] = DEFAULT_COMMANDS,
) -> Addressed | None:
    """Decide whether a text message is for the bot.

    Direct rooms: every message. Other rooms: a mention (id, display name or m.mentions), the
    configured prefix, or one of the shared ``!commands``. Returns None to stay quiet.
    """
    body = content.get("body")
    if not isinstance(body, str):
        return None
    after_prefix = strip_prefix(body, prefix)
    if after_prefix is not None:
        text = after_prefix
    elif is_mentioned(content, body, bot):
        text = strip_mentions(body, bot)
    else:
        text = body.strip()
        if not direct and parse_command(text, commands) is None:
            return None
    command = parse_command(text, commands)
    if command is not None:
        return Addressed(text, command[0], tuple(command[1]))
    return Addressed(text)


def relation(content: Mapping[str, Any]) -> Mapping[str, Any]:
    relates = content.get("m.relates_to")
    return relates if isinstance(relates, Mapping) else {}


def thread_root(content: Mapping[str, Any]) -> str | None:
    relates = relation(content)
    root = relates.get("event_id")
    if relates.get("rel_type") == "m.thread" and isinstance(root, str):
        return root
    return None


def without_reply_fallback(content: Mapping[str, Any], body: str) -> str:
    """The body of a rich reply without the quote of the message it answers, which older
    clients put first ("> <@nurse:...> ..." and a blank line)."""
    if not isinstance(relation(content).get("m.in_reply_to"), Mapping):
        return body
    lines = body.split("\n")
    if not lines or not lines[0].startswith("> "):
        return body
    while lines and lines[0].startswith(">"):
        lines.pop(0)
    return "\n".join(lines).lstrip("\n")


def is_edit(content: Mapping[str, Any]) -> bool:
    """Edits repeat an earlier message: answering them would answer it twice."""
    return relation(content).get("rel_type") == "m.replace" or "m.new_content" in content


def to_html(text: str) -> str:
    return html.escape(text).replace("\n", "<br/>")


def reply_relation(event_id: str, thread: str | None) -> dict[str, Any]:
    """A rich reply; inside the thread when the message was in one."""
    if thread is None:
        return {"m.in_reply_to": {"event_id": event_id}}
    return {
        "rel_type": "m.thread",
        "event_id": thread,
        "is_falling_back": False,
        "m.in_reply_to": {"event_id": event_id},
    }


def notice_content(text: str, *, event_id: str, thread: str | None, sender: str) -> dict[str, Any]:
    """An m.notice (bots do not answer notices) with plain and escaped HTML bodies."""
    return {
        "msgtype": "m.notice",
        "body": text,
        "format": "org.matrix.custom.html",
        "formatted_body": to_html(text),
        "m.relates_to": reply_relation(event_id, thread),
        "m.mentions": {"user_ids": [sender]},
    }


def post_content(text: str, *, thread: str | None, reply_to: str | None) -> dict[str, Any]:
    """An m.notice the bot posts unasked (the handoff): in ``thread`` (a reply to
    ``reply_to`` when given), as a reply to ``reply_to``, or plainly in the room."""
    content: dict[str, Any] = {
        "msgtype": "m.notice",
        "body": text,
        "format": "org.matrix.custom.html",
        "formatted_body": to_html(text),
        "m.mentions": {},
    }
    if thread is not None:
        content["m.relates_to"] = {
            "rel_type": "m.thread",
            "event_id": thread,
            "is_falling_back": reply_to is None,
            "m.in_reply_to": {"event_id": reply_to or thread},
        }
    elif reply_to is not None:
        content["m.relates_to"] = {"m.in_reply_to": {"event_id": reply_to}}
    return content


def image_content(
    *,
    filename: str,
    mime_type: str,
    size: int,
    content_uri: str,
    file_keys: Mapping[str, Any] | None,
    event_id: str,
    thread: str | None,
) -> dict[str, Any]:
    """An m.image; in encrypted rooms the URI goes inside ``file`` with the decryption keys."""
    content: dict[str, Any] = {
        "msgtype": "m.image",
        "body": filename,
        "info": {"mimetype": mime_type, "size": size},
        "m.relates_to": reply_relation(event_id, thread),
    }
    if file_keys is None:
        content["url"] = content_uri
    else:
        content["file"] = {**file_keys, "url": content_uri}
    return content
