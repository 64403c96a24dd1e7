"""Chat commands, the same on every platform: /start, /help, /privacy, /new, /forget, /stats.

Adapters only parse their platform's syntax into a :class:`assistant.messages.Command`
(``/forget yes`` on Telegram, ``!forget yes`` on Matrix); the conversation service routes it
here. To add a command, subclass :class:`ChatCommand` and ``register()`` an instance; the
base's :meth:`ChatCommand.run` owns the admin check, :class:`CommandRegistry` the timing,
the stored label and unknown names. Replies come back without the disclaimer: the
conversation service adds it, as to every reply.
"""

from __future__ import annotations

import logging
import time
from abc import ABC, abstractmethod
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, replace
from typing import ClassVar

from assistant.messages import Command, IncomingMessage, Reply, Response, Source, Stage
from assistant.pipeline import Assistant
from assistant.settings import ConversationSettings

log = logging.getLogger(__name__)

FORGET_CONFIRM_WINDOW_S = 300.0
#: the stored label of a command nobody registered (what a person typed is never kept)
UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class CommandCall:
    """One command being run: who sent it, its arguments and what a command may use."""

    message: IncomingMessage
    command: Command
    assistant: Assistant
    settings: ConversationSettings
    #: every registered command's name (labels for /stats)
    known_commands: tuple[str, ...] = ()

    @property
    def args(self) -> tuple[str, ...]:
        return self.command.args

    @property
    def prefix(self) -> str:
        return self.command.prefix

    @property
    def is_admin(self) -> bool:
        return self.settings.admins.is_admin(self.message.platform, self.message.user_id)

    def reply(self, text: str) -> Response:
        return Response(Reply(text, Source.COMMAND))


class ChatCommand(ABC):
    """The extension point for commands: subclasses set the class attributes and ``_run``."""

    name: ClassVar[str]
    #: shown in Telegram's command menu
    description: ClassVar[str]
    admin_only: ClassVar[bool] = False
    refusal: ClassVar[str] = "Sorry, that command is only for clinic admins."
    #: False for /forget: a stored row for it would outlive the request to be forgotten
    keeps_row: ClassVar[bool] = True

    async def run(self, call: CommandCall) -> Response:
        """The policy every command shares, then the command itself."""
        if self.admin_only and not call.is_admin:
            message = call.message
            log.warning(
                "refused /%s: platform=%s user=%s",
                self.name,
                message.platform,
                call.assistant.user_hash(message.platform, message.user_id),
            )
            return call.reply(self.refusal)
        return await self._run(call)

    @abstractmethod
    async def _run(self, call: CommandCall) -> Response:
        """The command's answer (plain text; the disclaimer is added later)."""


class StartCommand(ChatCommand):
    name = "start"
    description = "Who I am and how I can help"

    async def _run(self, call: CommandCall) -> Response:
        triage = call.settings.triage
        return call.reply(
            "Hello, I'm healthbot, the clinic's health information assistant. I'm an AI, not a "
            "doctor or nurse. I can answer common health questions and help you decide where "
            "to get care.\n\n"
            "I replace names, phone numbers and other personal details with placeholders "
            "before anything else reads your message, and I never store what you write"
            + (
                " unless you ask me to pass it to the clinic team"
                if "human" in call.known_commands
                else ""
            )
            + ".\n\n"
            f"In an emergency call {triage.emergency_number} now. If you are thinking about "
            f"harming yourself, contact {triage.crisis_line}.\n\n"
            f"Send {call.prefix}help to see what I can do."
        )


class HelpCommand(ChatCommand):
    name = "help"
    description = "What I can answer"

    async def _run(self, call: CommandCall) -> Response:
        p = call.prefix
        return call.reply(
            "Ask me a health question in your own words, for example about colds and flu, "
            "fever, headaches, sleep, stress, blood pressure, diabetes, diet, exercise, minor "
            "burns and cuts, vaccinations or booking an appointment.\n\n"
            f"{p}new starts a new conversation\n"
            f"{p}privacy explains what I keep\n"
            f"{p}forget erases your conversation and stored data\n"
            + (
                f"{p}human asks a member of the clinic team\n"
                if "human" in call.known_commands
                else ""
            )
            + f"\nFor an emergency call {call.settings.triage.emergency_number}."
        )


class PrivacyCommand(ChatCommand):
    name = "privacy"
    description = "What I keep and for how long"

    async def _run(self, call: CommandCall) -> Response:
        privacy = call.settings.privacy
        days = call.settings.storage.retention_days
        p = call.prefix
        handoff = "human" in call.known_commands
        text = (
            "What I keep:\n"
            "- Never the text of your messages, not even with names removed"
            + (" (except what you agree to send to the clinic team, below)" if handoff else "")
            + ".\n"
            "- For each message: the time, the platform, which kind of answer you got and how "
            "long it took, under a salted one-way hash of your user id, not your id itself. "
            f"These rows are deleted after {days:g} days.\n"
            f"- In memory only: your last {privacy.memory_turns} messages and answers with "
            "personal details replaced by placeholders, so that I can follow the "
            f"conversation; they are dropped after {privacy.memory_idle_minutes:g} minutes "
            "without messages or when the bot restarts.\n"
        )
        if handoff:
            text += (
                f"- If you ask for the clinic team ({p}human): what you agree to share (with "
                "personal details replaced by placeholders, or your own words if you choose "
                "that), your messages to them and your chat id to answer you, only while your "
                f"case is open. All of it is deleted when the case is closed, after {days:g} "
                f"days at most, or by {p}forget.\n"
            )
        return call.reply(
            text + f"\n{p}new clears the conversation; {p}forget also erases your stored rows."
        )


class NewCommand(ChatCommand):
    name = "new"
    description = "Start a new conversation"

    async def _run(self, call: CommandCall) -> Response:
        call.assistant.new_conversation(call.message)
        return call.reply("Done: I've started a new conversation and forgotten the last one.")


class ForgetCommand(ChatCommand):
    name = "forget"
    description = "Erase your conversation and stored data"
    keeps_row = False

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        #: (platform, user id) -> when /forget asked for confirmation
        self._asked: dict[tuple[str, str], float] = {}

    async def _run(self, call: CommandCall) -> Response:
        message = call.message
        key = (message.platform, message.user_id)
        now = self._clock()
        confirmed = bool(call.args) and call.args[0].lower() in {"yes", "confirm"}
        asked_at = self._asked.get(key)
        if not confirmed or asked_at is None or now - asked_at > FORGET_CONFIRM_WINDOW_S:
            self._asked[key] = now
            return call.reply(
                "This erases your conversation memory and every row stored under your "
                "hashed id. It cannot be undone. To go ahead, send "
                f"{call.prefix}forget yes within 5 minutes."
            )
        del self._asked[key]
        conversations, rows = await call.assistant.forget_user(message.platform, message.user_id)
        log.info("forget: platform=%s rows=%d", message.platform, rows)
        return call.reply(
            f"Done. I erased {conversations} conversation(s) from memory and {rows} stored "
            "row(s) about your messages."
        )


#: builds the /stats answer; the app supplies it (the report lives above the core)
StatsProvider = Callable[[CommandCall], Awaitable[Response]]


class StatsCommand(ChatCommand):
    name = "stats"
    description = "Usage report (admins only)"
    admin_only = True
    refusal = "Sorry, the usage report is only for clinic admins."

    def __init__(self, provider: StatsProvider | None = None) -> None:
        self.provider = provider

    async def _run(self, call: CommandCall) -> Response:
        if self.provider is None:
            return call.reply("The usage report is not available in this build.")
        return await self.provider(call)


class CommandRegistry:
    """Commands by name. Runs one, times it and labels its reply for storage and metrics."""

    def __init__(self, commands: Iterable[ChatCommand] = ()) -> None:
        self._commands: dict[str, ChatCommand] = {}
        for command in commands:
            self.register(command)

    @classmethod
    def default(cls, stats: StatsProvider | None = None) -> CommandRegistry:
        return cls(
            [
                StartCommand(),
                HelpCommand(),
                PrivacyCommand(),
                NewCommand(),
                ForgetCommand(),
                StatsCommand(stats),
            ]
        )

    def register(self, command: ChatCommand) -> None:
        """Add ``command``, replacing one of the same name."""
        self._commands[command.name] = command

    def get(self, name: str) -> ChatCommand | None:
        return self._commands.get(name.lower().lstrip("/!"))

    def names(self) -> tuple[str, ...]:
        return tuple(self._commands)

    def menu(self, *, admin: bool) -> list[tuple[str, str]]:
        """(name, description) of the commands a person (an admin or not) may use."""
        return [
            (c.name, c.description) for c in self._commands.values() if admin or not c.admin_only
        ]

    async def run(self, call: CommandCall) -> tuple[Response, bool]:
        """The command's response, labelled and timed, and whether its row may be stored."""
        call = replace(call, known_commands=self.names())
        command = self.get(call.command.name)
        started = time.perf_counter()
        if command is None:
            response = call.reply(
                f"I don't know that command. Send {call.prefix}help for the list."
            )
        else:
            response = await command.run(call)
        elapsed_ms = round((time.perf_counter() - started) * 1000, 3)
        # Only registered names are kept: "/SarahMitchell" must not end up in a stored row.
        reply = replace(
            response.reply,
            source=Source.COMMAND,
            intent=command.name if command is not None else UNKNOWN,
            timings_ms={Stage.TOTAL.value: elapsed_ms},
        )
        keeps_row = command.keeps_row if command is not None else True
        return replace(response, reply=reply), keeps_row
