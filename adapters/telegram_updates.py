"""Decide what one Telegram update is and whether the bot should answer it.

Pure functions over python-telegram-bot's objects: no network, no state, so the rules
(private vs group, mentions, commands for other bots, non-text content, service messages)
can be tested table-driven without a server.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from telegram import Message, MessageEntity, Update

GroupMode = Literal["mention", "all", "off"]
_GROUP_TYPES = frozenset({"group", "supergroup"})


class Kind(StrEnum):
    TEXT = "text"
    COMMAND = "command"
    NON_TEXT = "non_text"
    #: edited messages, reactions, service messages, channel posts, other bots' commands,
    #: group chatter not meant for the bot: no reply at all
    IGNORED = "ignored"


@dataclass(frozen=True, slots=True)
class Classified:
    kind: Kind
    #: why an update was ignored or which content it carried (a low-cardinality label for
    #: logs; never the content itself)
    label: str
    message: Message | None = None
    #: the text for the assistant: mention of the bot removed
    text: str = ""
    command: str = ""
    args: tuple[str, ...] = ()

    @property
    def is_private(self) -> bool:
        return self.message is not None and self.message.chat.type == "private"


def _cut_utf16(text: str, offset: int, length: int) -> str:
    """Remove ``text[offset:offset+length]`` where both count UTF-16 code units (as
    Telegram's entity offsets do)."""
    raw = text.encode("utf-16-le")
    return (raw[: offset * 2] + raw[(offset + length) * 2 :]).decode("utf-16-le")


def _mentions_bot(
    message: Message, entities: tuple[MessageEntity, ...], username: str, bot_id: int
) -> list[MessageEntity]:
    """The entities that address the bot: ``@username`` or a text mention of its user."""
    found: list[MessageEntity] = []
    for entity in entities:
        if entity.type == MessageEntity.MENTION:
            mentioned = message.parse_entity(entity) if message.text else ""
            if not mentioned and message.caption:
                mentioned = message.parse_caption_entity(entity)
            if mentioned.lstrip("@").lower() == username.lower():
                found.append(entity)
        elif entity.type == MessageEntity.TEXT_MENTION and entity.user and entity.user.id == bot_id:
            found.append(entity)
    return found


def _replies_to_bot(message: Message, bot_id: int) -> bool:
    replied = message.reply_to_message
    return bool(replied and replied.from_user and replied.from_user.id == bot_id)


def _command(message: Message, username: str) -> tuple[str, tuple[str, ...], bool] | None:
    """(name, args, addressed_to_us) when the message starts with a bot command."""
    text = message.text or ""
    for entity in message.entities:
        if entity.type == MessageEntity.BOT_COMMAND and entity.offset == 0:
            token = message.parse_entity(entity)[1:]
            name, _, target = token.partition("@")
            ours = not target or target.lower() == username.lower()
            rest = _cut_utf16(text, 0, entity.length)
            return name.lower(), tuple(rest.split()), ours
    return None


def classify(update: Update, *, username: str, bot_id: int, group_mode: GroupMode) -> Classified:
    """What to do with ``update``. Only new messages in private chats and groups count."""
    if update.edited_message is not None or update.edited_channel_post is not None:
        return Classified(Kind.IGNORED, "edited")
    if update.message_reaction is not None or update.message_reaction_count is not None:
        return Classified(Kind.IGNORED, "reaction")
    message = update.message
    if message is None:
        return Classified(Kind.IGNORED, "other_update")
    if message.from_user is None or message.from_user.is_bot:
        return Classified(Kind.IGNORED, "no_human_sender")
    chat_type = message.chat.type
    in_group = chat_type in _GROUP_TYPES
    if chat_type != "private" and not in_group:
        return Classified(Kind.IGNORED, "channel")
    if in_group and group_mode == "off":
        return Classified(Kind.IGNORED, "group_off")

    if message.text is not None:
        command = _command(message, username)
        if command is not None:
            name, args, ours = command
            if not ours:
                return Classified(Kind.IGNORED, "other_bot_command")
            return Classified(Kind.COMMAND, "command", message, message.text, name, args)
        text = message.text
        if in_group:
            mentions = _mentions_bot(message, tuple(message.entities), username, bot_id)
            addressed = bool(mentions) or _replies_to_bot(message, bot_id)
            if group_mode == "mention" and not addressed:
                return Classified(Kind.IGNORED, "group_not_addressed")
            for entity in sorted(mentions, key=lambda e: e.offset, reverse=True):
                text = _cut_utf16(text, entity.offset, entity.length)
        return Classified(Kind.TEXT, "text", message, text.strip())

    attachment = message.effective_attachment
    if attachment is None:
        # new members, pinned messages, title changes, video chats...: service messages
        return Classified(Kind.IGNORED, "service")
    if in_group and group_mode == "mention":
        caption_mentions = _mentions_bot(message, tuple(message.caption_entities), username, bot_id)
        if not caption_mentions and not _replies_to_bot(message, bot_id):
            return Classified(Kind.IGNORED, "group_not_addressed")
    return Classified(Kind.NON_TEXT, _attachment_label(message), message)


def _attachment_label(message: Message) -> str:
    for label in (
        "photo", "voice", "video", "video_note", "sticker", "document", "audio", "animation",
        "location", "venue", "contact", "poll", "dice", "game", "story",
    ):  # fmt: skip
        if getattr(message, label, None):
            return label
    return "other"
