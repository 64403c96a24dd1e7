"""Chat commands shared by every adapter (/start, /help, /privacy, /new, /forget, /stats).

Adapters parse their own syntax (``/forget`` on Telegram, ``!forget`` on Matrix) and call
:meth:`Commands.run`. Replies carry the disclaimer like every other reply.
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from assistant.disclaimer import with_disclaimer
from assistant.messages import IncomingMessage, Reply, Source
from assistant.pipeline import Assistant
from bot.config import AppConfig

log = logging.getLogger(__name__)

FORGET_CONFIRM_WINDOW_S = 300.0
COMMAND_NAMES = ("start", "help", "privacy", "new", "forget", "stats")
COMMAND_DESCRIPTIONS: dict[str, str] = {
    "start": "Who I am and how I can help",
    "help": "What I can answer",
    "privacy": "What I keep and for how long",
    "new": "Start a new conversation",
    "forget": "Erase your conversation and stored data",
    "stats": "Usage report (admins only)",
}


@dataclass(frozen=True, slots=True)
class Attachment:
    filename: str
    mime_type: str
    data: bytes


@dataclass(frozen=True, slots=True)
class CommandResult:
    reply: Reply
    attachments: tuple[Attachment, ...] = ()


# (args, message) -> result; filled in by the stats module once it exists.
StatsProvider = Callable[[list[str], IncomingMessage], Awaitable[CommandResult]]


@dataclass
class Commands:
    config: AppConfig
    assistant: Assistant
    stats_provider: StatsProvider | None = None
    prefix: str = "/"
    _pending_forget: dict[tuple[str, str], float] = field(default_factory=dict)

    def _reply(self, text: str) -> CommandResult:
        reply = Reply(with_disclaimer(text, self.config.disclaimer.text), Source.COMMAND)
        return CommandResult(reply)

    async def run(self, name: str, args: list[str], message: IncomingMessage) -> CommandResult:
        name = name.lower().lstrip("/!")
        handler = {
            "start": self._start,
            "help": self._help,
            "privacy": self._privacy,
            "new": self._new,
            "forget": self._forget,
            "stats": self._stats,
        }.get(name)
        started = time.perf_counter()
        if handler is None:
            result = self._reply(f"I don't know that command. Send {self.prefix}help for the list.")
        else:
            result = await handler(args, message)
        elapsed_ms = round((time.perf_counter() - started) * 1000, 3)
        # Only known names are kept: "/SarahMitchell" must not end up in a stored row.
        intent = name if name in COMMAND_NAMES else "unknown"
        reply = dataclasses.replace(result.reply, intent=intent, timings_ms={"total": elapsed_ms})
        # A row written for /forget itself would outlive the user's request.
        await self.assistant.account(message, reply, store=name != "forget")
        return dataclasses.replace(result, reply=reply)

    async def _start(self, args: list[str], message: IncomingMessage) -> CommandResult:
        triage = self.config.triage
        return self._reply(
            "Hello, I'm healthbot, the clinic's health information assistant. I'm an AI, not a "
            "doctor or nurse. I can answer common health questions and help you decide where "
            "to get care.\n\n"
            "I replace names, phone numbers and other personal details with placeholders "
            "before anything else reads your message, and I never store what you write.\n\n"
            f"In an emergency call {triage.emergency_number} now. If you are thinking about "
            f"harming yourself, contact {triage.crisis_line}.\n\n"
            f"Send {self.prefix}help to see what I can do."
        )

    async def _help(self, args: list[str], message: IncomingMessage) -> CommandResult:
        p = self.prefix
        return self._reply(
            "Ask me a health question in your own words, for example about colds and flu, "
            "fever, headaches, sleep, stress, blood pressure, diabetes, diet, exercise, minor "
            "burns and cuts, vaccinations or booking an appointment.\n\n"
            f"{p}new starts a new conversation\n"
            f"{p}privacy explains what I keep\n"
            f"{p}forget erases your conversation and stored data\n\n"
            f"For an emergency call {self.config.triage.emergency_number}."
        )

    async def _privacy(self, args: list[str], message: IncomingMessage) -> CommandResult:
        privacy = self.config.privacy
        days = self.config.storage.retention_days
        return self._reply(
            "What I keep:\n"
            "- Never the text of your messages, not even with names removed.\n"
            "- For each message: the time, the platform, which kind of answer you got and how "
            "long it took, under a salted one-way hash of your user id, not your id itself. "
            f"These rows are deleted after {days:g} days.\n"
            f"- In memory only: your last {privacy.memory_turns} messages and answers with "
            "personal details replaced by placeholders, so that I can follow the "
            f"conversation; they are dropped after {privacy.memory_idle_minutes:g} minutes "
            "without messages or when the bot restarts.\n\n"
            f"{self.prefix}new clears the conversation; {self.prefix}forget also erases your "
            "stored rows."
        )

    async def _new(self, args: list[str], message: IncomingMessage) -> CommandResult:
        self.assistant.new_conversation(message)
        return self._reply("Done: I've started a new conversation and forgotten the last one.")

    async def _forget(self, args: list[str], message: IncomingMessage) -> CommandResult:
        key = (message.platform, message.user_id)
        now = time.monotonic()
        confirmed = bool(args) and args[0].lower() in {"yes", "confirm"}
        asked_at = self._pending_forget.get(key)
        if not confirmed or asked_at is None or now - asked_at > FORGET_CONFIRM_WINDOW_S:
            self._pending_forget[key] = now
            return self._reply(
                "This erases your conversation memory and every row stored under your "
                "hashed id. It cannot be undone. To go ahead, send "
                f"{self.prefix}forget yes within 5 minutes."
            )
        del self._pending_forget[key]
        conversations, rows = await self.assistant.forget_user(message.platform, message.user_id)
        log.info("forget: platform=%s rows=%d", message.platform, rows)
        return self._reply(
            f"Done. I erased {conversations} conversation(s) from memory and {rows} stored "
            "row(s) about your messages."
        )

    async def _stats(self, args: list[str], message: IncomingMessage) -> CommandResult:
        if not self.config.admins.is_admin(message.platform, message.user_id):
            log.warning(
                "refused /stats: platform=%s user=%s",
                message.platform,
                self.assistant.user_hash(message.platform, message.user_id),
            )
            return self._reply("Sorry, the usage report is only for clinic admins.")
        if self.stats_provider is None:
            return self._reply("The usage report is not available in this build.")
        return await self.stats_provider(args, message)
