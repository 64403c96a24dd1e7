"""The one place that decides what happens to a message, whichever platform it came from.

Adapters hand each :class:`IncomingMessage` to a :class:`Dispatcher` (one per adapter). It
reads triage first, on the whole text, and keeps one lane per user: a user's messages are
answered in order, but an emergency is answered at once, even while that user's earlier
question is still with the LLM (later replies still wait for it). Then
:meth:`ConversationService.handle`:

1. applies the platform's per-user rate limit; an emergency gets through it anyway;
2. lets the hooks see it first (a hook may answer it instead, e.g. a handoff in progress);
3. routes it: non-text content gets a notice, a command goes to the command registry, a
   question to the assistant's pipeline;
4. lets the hooks see the reply (the handoff offers a person when :meth:`escalation` says
   the reply has no reliable answer, or is triage "urgent");
5. caps the reply's length (:mod:`assistant.reply_cap`), appends the disclaimer, here and
   nowhere else, and counts the message (its stored row, metrics and log line).

An internal error at any step becomes a short apology, never a crash or silence. Adapters
only translate platform events into messages and send the :class:`Response` back.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from enum import Enum
from typing import Literal

from assistant.commands import CommandCall, CommandRegistry
from assistant.disclaimer import with_disclaimer
from assistant.handoff.ports import StaffDesk
from assistant.lanes import Lanes
from assistant.messages import IncomingMessage, Reply, Response, Source
from assistant.pipeline import Assistant
from assistant.rate_limit import UserRateLimiter
from assistant.reply_cap import cap_reply
from assistant.settings import ConversationSettings

log = logging.getLogger(__name__)

NoticeKind = Literal["non_text", "rate_limited", "error"]
NOTICES: dict[NoticeKind, str] = {
    "non_text": (
        "I can only read text messages. Please type your question in words: I can't open "
        "photos, voice or video messages, stickers, files, locations or contacts."
    ),
    "rate_limited": (
        "You're sending messages faster than I can answer them, so I've skipped the last "
        "one. Please wait a minute, then send your question again. In an emergency call "
        "{number}."
    ),
    "error": "Sorry, something went wrong on my side. Please send your message again.",
}
NON_TEXT_NOTICE = NOTICES["non_text"]
RATE_LIMITED_NOTICE = NOTICES["rate_limited"]
ERROR_NOTICE = NOTICES["error"]


class Count(Enum):
    """How a handled message is counted."""

    #: a stored row (no text), metrics and a log line
    ROW = "row"
    #: metrics and a log line only: a row for /forget would outlive the request
    NO_ROW = "no_row"
    #: not at all: non-text content asked nothing
    NOTHING = "nothing"


class Escalation(Enum):
    """Why a reply should offer the patient a member of the clinic team (the handoff)."""

    #: no reliable answer of the assistant's own (``Reply.unanswered`` says why)
    UNANSWERED = "unanswered"
    #: triage level "urgent": fixed guidance to get care today
    URGENT = "urgent"


def escalation(reply: Reply) -> Escalation | None:
    """The one place that reads a reply's outcome for the handoff: new outcomes (a stage
    that refuses, an answer check that rejects) join here, by setting ``Reply.unanswered``
    or ``Reply.level``, and every platform's patients are offered a person alike."""
    if reply.level == "urgent":
        return Escalation.URGENT
    if reply.unanswered is not None:
        return Escalation.UNANSWERED
    return None


class ConversationHook:
    """Where a feature joins the message path without an adapter knowing (the handoff to
    clinic staff, for one). Both methods are optional; hooks run in the order added."""

    async def before(self, message: IncomingMessage) -> Response | None:
        """After the rate limit, before routing: return a response to answer the message
        here instead (it is still finished and counted like any other)."""
        return None

    async def after(self, message: IncomingMessage, response: Response) -> Response:
        """After the command or the pipeline answered, before the disclaimer is added."""
        return response


class ConversationService:
    """Platform-free and safe to call concurrently; one per running bot."""

    def __init__(
        self,
        assistant: Assistant,
        settings: ConversationSettings,
        commands: CommandRegistry | None = None,
    ) -> None:
        self.assistant = assistant
        self.settings = settings
        self.commands = commands if commands is not None else CommandRegistry.default()
        self.hooks: list[ConversationHook] = []
        #: the handoff's staff side, which the Matrix adapter feeds (None: no handoff)
        self.staff_desk: StaffDesk | None = None
        self._limiters = {
            platform: UserRateLimiter(limit.per_minute, limit.burst)
            for platform, limit in settings.rate_limits.items()
        }

    # -- the path of one message ---------------------------------------------------------

    async def handle(self, message: IncomingMessage, *, emergency: bool | None = None) -> Response:
        """The response to send for ``message`` (``silent`` ones are counted, not sent).

        ``emergency``: whether triage already flagged the message at the emergency level
        (the dispatcher reads it first); None has the rate limit read it when needed.
        """
        try:
            refused = self._rate_limited(message, emergency)
            if refused is not None:
                return await self._finish(message, refused, Count.ROW)
            answered = await self._from_hooks(message)
            response, count = answered if answered is not None else await self._route(message)
            for hook in self.hooks:
                response = await hook.after(message, response)
            return await self._finish(message, response, count)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # the patient still gets an answer
            log.error("conversation: a %s message failed: %s", message.platform, type(exc).__name__)
            return self._disclaimed(Response(Reply(ERROR_NOTICE, Source.FALLBACK)))

    async def _from_hooks(self, message: IncomingMessage) -> tuple[Response, Count] | None:
        for hook in self.hooks:
            response = await hook.before(message)
            if response is not None:
                return response, Count.ROW
        return None

    def _rate_limited(self, message: IncomingMessage, emergency: bool | None) -> Response | None:
        limiter = self._limiters.get(message.platform)
        if limiter is None or emergency:
            return None
        decision = limiter.check(message.user_id)
        if decision.allowed or (emergency is None and self.is_emergency(message)):
            # Safety first: a red flag is answered even over the limit (with fixed text
            # that never reaches the LLM).
            return None
        # One warning per run of refused messages: a flood must not flood the log too.
        log.log(
            logging.WARNING if decision.notice_due else logging.DEBUG,
            "%s: rate limited user=%s",
            message.platform,
            self.assistant.user_hash(message.platform, message.user_id),
        )
        notice = self.notice_text("rate_limited")
        return Response(Reply(notice, Source.RATE_LIMITED), silent=not decision.notice_due)

    def is_emergency(self, message: IncomingMessage) -> bool:
        """Whether triage flags the message's whole text at the emergency level (the only
        level that passes the rate limit and the user's queue). Never raises."""
        if message.command is not None or message.media is not None:
            return False
        try:
            return self.assistant.is_emergency(message.text)
        except Exception as exc:  # a triage bug must not refuse an emergency nor crash
            log.error("conversation: triage check failed: %s", type(exc).__name__)
            return False

    async def _route(self, message: IncomingMessage) -> tuple[Response, Count]:
        if message.media is not None:
            # Only the kind label is ever used: contacts and locations are personal data.
            return Response(Reply(NON_TEXT_NOTICE, Source.FALLBACK)), Count.NOTHING
        if message.command is not None:
            call = CommandCall(message, message.command, self.assistant, self.settings)
            response, keeps_row = await self.commands.run(call)
            return response, Count.ROW if keeps_row else Count.NO_ROW
        return Response(await self.assistant.answer(message)), Count.ROW

    async def _finish(self, message: IncomingMessage, response: Response, count: Count) -> Response:
        finished = self._disclaimed(response)
        if count is not Count.NOTHING:
            await self.assistant.account(message, finished.reply, store=count is Count.ROW)
        return finished

    def _disclaimed(self, response: Response) -> Response:
        """The one place the disclaimer is added, after the reply's length is capped. A
        clinician's words relayed by the handoff (``Source.STAFF``) are not the AI's, so the
        AI disclaimer would misstate who wrote them: they come labelled as the clinic team's
        instead (assistant.handoff.texts)."""
        if response.reply.source is Source.STAFF:
            return response
        text, cut = cap_reply(response.reply.text)
        if cut:
            log.warning(
                "conversation: a %s reply of %d characters was cut to %d",
                response.reply.source.value,
                len(response.reply.text),
                len(text),
            )
        text = with_disclaimer(text, self.settings.disclaimer.text)
        return dataclasses.replace(response, reply=dataclasses.replace(response.reply, text=text))

    def escalation(self, reply: Reply) -> Escalation | None:
        """The hook the handoff offers a person on (see :func:`escalation`)."""
        return escalation(reply)

    # -- for adapters ----------------------------------------------------------------------

    def notice_text(self, kind: NoticeKind) -> str:
        return NOTICES[kind].format(number=self.settings.triage.emergency_number)

    def outgoing(self, reply: Reply) -> Reply:
        """A message sent with no incoming one (the handoff's relay), finished like a reply."""
        return self._disclaimed(Response(reply)).reply

    def notice(self, kind: NoticeKind) -> Reply:
        """A notice an adapter sends on its own (the restart notice), disclaimer included."""
        reply = Reply(self.notice_text(kind), Source.FALLBACK)
        return self._disclaimed(Response(reply)).reply

    def user_hash(self, platform: str, user_id: str) -> str | None:
        """The hashed id for log lines (never the platform's id itself)."""
        return self.assistant.user_hash(platform, user_id)

    def admin_ids(self, platform: str) -> list[str]:
        return self.settings.admins.ids(platform)

    def rate_limiter(self, platform: str) -> UserRateLimiter | None:
        return self._limiters.get(platform)


#: sends one response to where its message came from (the adapter's send, and bookkeeping)
Deliver = Callable[[Response], Awaitable[object]]
#: the platform's "typing…" indicator while an ordinary message is worked on
Typing = Callable[[], AbstractAsyncContextManager[None]]


class Dispatcher:
    """How an adapter hands in messages: ``submit`` returns at once and the response goes
    to ``deliver`` when it is ready.

    Triage reads every message first, on its whole text (in a thread: a long one takes a
    while), whatever the user's rate limit or queue. Each user (per platform) has a lane:
    ordinary messages are answered one after another, at most ``max_concurrent`` at a time
    across users. An emergency starts as soon as triage has read it, outside the lane and
    the bound, so it never waits for the user's earlier question (a hung LLM request, say);
    the user's later messages wait for it, so the replies after it stay in order. Only the
    emergency level preempts: an urgent message waits its turn.
    """

    def __init__(self, service: ConversationService, *, max_concurrent: int, name: str) -> None:
        self.service = service
        self.lanes = Lanes(max_concurrent, name=f"{name}-lane")

    def submit(
        self, message: IncomingMessage, deliver: Deliver, typing: Typing | None = None
    ) -> None:
        """Take ``message``; its place in the user's order is fixed now, on arrival."""
        triaged = _Triaged()

        async def check() -> bool:
            triaged.emergency = await asyncio.to_thread(self.service.is_emergency, message)
            return triaged.emergency

        async def job() -> None:
            emergency = triaged.emergency
            shown = contextlib.nullcontext() if emergency or typing is None else typing()
            async with shown:
                response = await self.service.handle(message, emergency=emergency)
            await deliver(response)

        self.lanes.submit(f"{message.platform}:{message.user_id}", job, preempt=check)

    @property
    def busy(self) -> int:
        return self.lanes.busy

    async def drain(self, within_s: float) -> bool:
        """Wait for every submitted message to be answered; False on timeout."""
        return await self.lanes.drain(within_s)

    async def cancel(self) -> int:
        """Cancel what is left (shutdown); returns how many tasks were cancelled."""
        return await self.lanes.cancel()


@dataclasses.dataclass
class _Triaged:
    #: None until triage has read the message (or if it failed: the rate limit reads again)
    emergency: bool | None = None
