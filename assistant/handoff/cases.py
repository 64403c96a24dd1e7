"""The case book: every change to a case, and what each change queues for either side.

Both sides of the handoff (the patient hook and the staff desk) change cases only through
:class:`CaseBook`, so the rules hold in one place: text exists only while a case is open,
each notice is queued once (its outbox key), and the metrics hear of every change.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from assistant.conversation import ConversationService
from assistant.handoff import outcomes, texts
from assistant.handoff.model import (
    Case,
    CaseKind,
    CaseStatus,
    CloseReason,
    Direction,
    Origin,
    PostKind,
    Turn,
)
from assistant.handoff.ports import StaffChannel
from assistant.handoff.settings import HandoffSettings
from assistant.messages import IncomingMessage, Reply
from assistant.normalize import normalize_text
from assistant.placeholders import PlaceholderVault, restore
from assistant.storage import Store

log = logging.getLogger(__name__)

ConversationKey = tuple[str, str, str]
_PLACEHOLDER = re.compile(r"<[A-Z][A-Z_]*_\d+>")


@dataclass(frozen=True, slots=True)
class CaseEvent:
    """What metrics hear: no text, no ids beyond the case number."""

    kind: Literal["opened", "closed", "timed_out", "first_reply", "alert"]
    case_id: int
    platform: str
    #: first_reply: seconds since the case opened
    wait_s: float | None = None


CaseObserver = Callable[[CaseEvent], None]


def restore_known(text: str, vault: PlaceholderVault | None) -> str:
    """A clinician's reply with the patient's own placeholders put back; any other
    placeholder-looking text stays as the clinician wrote it."""
    if vault is None or not len(vault):
        return text

    def value(match: re.Match[str]) -> str:
        return vault.value_for(match.group()) or match.group()

    return _PLACEHOLDER.sub(value, text)


class CaseBook:
    def __init__(
        self,
        settings: HandoffSettings,
        service: ConversationService,
        store: Store,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.settings = settings
        self.service = service
        self.assistant = service.assistant
        self.store = store
        self.clock = clock
        self.channel: StaffChannel | None = None
        self.observers: list[CaseObserver] = []
        #: called after anything is queued, so the relay sends it now
        self.on_enqueue: Callable[[Direction], None] = lambda direction: None
        #: user hash -> their case waiting for consent or open
        self._active: dict[str, int] = {}
        #: case -> the conversation it came from (this run only: for the placeholder vault)
        self._conversations: dict[int, ConversationKey] = {}
        self._locks: weakref.WeakValueDictionary[str, asyncio.Lock] = weakref.WeakValueDictionary()
        self.open_now = 0

    async def load(self) -> None:
        """Cases that were active when the bot stopped."""
        self._active.clear()
        self.open_now = 0
        for case in await self.store.active_cases():
            if case.user_hash is not None:
                self._active[case.user_hash] = case.id
            if case.status is CaseStatus.OPEN:
                self.open_now += 1

    def _notify(self, event: CaseEvent) -> None:
        for observer in self.observers:
            try:
                observer(event)
            except Exception as exc:  # a metrics bug must not break a case
                log.error("handoff observer failed: %s", type(exc).__name__)

    # -- patients ------------------------------------------------------------------------

    def user_hash(self, platform: str, user_id: str) -> str:
        hashed = self.assistant.user_hash(platform, user_id)
        if hashed is None:
            raise RuntimeError("the handoff needs storage with a hashing salt")
        return hashed

    def lock(self, message: IncomingMessage) -> asyncio.Lock:
        """One patient's messages change their case one at a time."""
        key = self.user_hash(message.platform, message.user_id)
        found = self._locks.get(key)
        if found is None:
            found = asyncio.Lock()
            self._locks[key] = found
        return found

    async def active_for(self, message: IncomingMessage) -> Case | None:
        user_hash = self.user_hash(message.platform, message.user_id)
        case_id = self._active.get(user_hash)
        if case_id is None:
            return None
        case = await self.store.get_case(case_id)
        if case is None or not case.is_active:
            self._active.pop(user_hash, None)
            return None
        self._conversations[case.id] = message.conversation_key
        return case

    def _vault(self, case_id: int) -> PlaceholderVault | None:
        key = self._conversations.get(case_id)
        return self.assistant.memory.get(key).vault if key is not None else None

    async def anonymize(self, message: IncomingMessage, text: str) -> str:
        vault = self.assistant.memory.get(message.conversation_key).vault
        clean = normalize_text(text).strip()
        # Presidio and spaCy are CPU-bound: off the event loop, as in the pipeline.
        result = await asyncio.to_thread(self.assistant.anonymizer.anonymize, clean, vault)
        return result.text

    def recent_turns(self, message: IncomingMessage) -> tuple[Turn, ...]:
        history = self.assistant.memory.history(message.conversation_key)
        return tuple(Turn(turn.role, turn.content) for turn in history)

    async def start_consent(
        self,
        message: IncomingMessage,
        origin: Origin,
        *,
        question: str | None,
        context: tuple[Turn, ...],
        level: str,
        category: str | None = None,
    ) -> Case:
        """A case that waits for the patient's yes (nothing reaches staff before it)."""
        keep = self.settings.context_turns
        case = await self.store.create_case(
            kind=CaseKind.HANDOFF,
            status=CaseStatus.CONSENT,
            origin=origin,
            platform=message.platform,
            user_hash=self.user_hash(message.platform, message.user_id),
            chat_id=message.chat_id,
            level=level,
            category=category,
            question=question,
            context=context[-keep:] if keep else (),
            now=self.clock(),
        )
        assert case.user_hash is not None
        self._active[case.user_hash] = case.id
        self._conversations[case.id] = message.conversation_key
        log.info("handoff: case #%d asks consent (%s, %s)", case.id, origin.value, case.platform)
        return case

    async def set_question(self, case: Case, question: str) -> Case:
        updated = await self.store.update_case(case.id, question=question)
        assert updated is not None
        return updated

    def consent_prompt(self, case: Case, intro: str) -> str:
        template = (
            texts.CONSENT_ORIGINAL
            if self.settings.share == "original"
            else texts.CONSENT_ANONYMIZED
        )
        return template.format(intro=intro, preview=texts.quoted(case.question or ""))

    def consent_again(self) -> str:
        return (
            texts.CONSENT_AGAIN_ORIGINAL
            if self.settings.share == "original"
            else texts.CONSENT_AGAIN
        )

    def consent_expired(self, case: Case) -> bool:
        return self.clock() - case.created_at > self.settings.consent_minutes * 60

    async def open(self, case: Case, message: IncomingMessage, *, original: bool) -> str:
        """The patient said yes: the case goes to the staff room. Returns what they read."""
        now = self.clock()
        fields: dict[str, object] = {"status": CaseStatus.OPEN, "opened_at": now}
        vault = self._vault(case.id)
        if original and self.settings.share == "original" and vault is not None and len(vault):
            # Only now, with the patient's yes to it, do their own words get stored.
            fields["share_original"] = 1
            fields["question"] = restore(case.question or "", vault)
            fields["context"] = tuple(Turn(t.role, restore(t.text, vault)) for t in case.context)
        opened = await self.store.update_case(case.id, **fields)
        assert opened is not None
        self.open_now += 1
        await self.enqueue_staff(
            opened,
            PostKind.ROOT,
            f"root:{case.id}",
            texts.case_root(opened, now, with_note=True),
        )
        self._notify(CaseEvent("opened", case.id, case.platform))
        log.info("handoff: case #%d opened (%s)", case.id, case.platform)
        prefix = message.command_prefix
        if self.channel is None:
            contact = self.settings.clinic_contact
            return texts.QUEUED.format(case=case.id, contact=contact, prefix=prefix)
        return texts.SENT.format(case=case.id, prefix=prefix)

    async def add_patient_message(
        self, case: Case, message: IncomingMessage, *, triaged: Reply | None = None
    ) -> None:
        """A message the patient wrote while the case is open, into its thread (``triaged``:
        the emergency or urgent guidance it got, which staff are told of)."""
        if case.share_original:
            text = normalize_text(message.text).strip()
        elif triaged is not None and triaged.anonymized:
            text = triaged.anonymized
        else:
            text = await self.anonymize(message, message.text)
        when = texts.clock(message.received_at)
        if triaged is not None:
            template = (
                texts.PATIENT_EMERGENCY
                if outcomes.triage_level(triaged) == outcomes.EMERGENCY
                else texts.PATIENT_URGENT
            )
            body = template.format(
                when=when,
                category=triaged.category or "unknown",
                number=self.service.settings.triage.emergency_number,
                text=texts.quoted(text),
            )
        else:
            body = texts.PATIENT_SAYS.format(when=when, text=text)
        key = f"message:{case.id}:{message.message_id or message.received_at}"
        await self.enqueue_staff(case, PostKind.PATIENT_MESSAGE, key, body)

    async def close(
        self,
        case: Case,
        reason: CloseReason,
        *,
        staff_note: str | None = None,
        patient_note: str | None = None,
    ) -> bool:
        """Close ``case`` (its text goes) and queue the notes; False if closed already."""
        if not await self.store.close_case(case.id, reason, self.clock()):
            return False
        if case.user_hash is not None and self._active.get(case.user_hash) == case.id:
            del self._active[case.user_hash]
        self._conversations.pop(case.id, None)
        if case.status is CaseStatus.OPEN:
            self.open_now = max(0, self.open_now - 1)
            self._notify(CaseEvent("closed", case.id, case.platform))
            if staff_note is not None:
                await self.enqueue_staff(
                    case, PostKind.STAFF_NOTICE, f"closed:{case.id}", staff_note
                )
            if patient_note is not None:
                await self.enqueue_patient(case, f"closed:{case.id}", patient_note)
        log.info("handoff: case #%d closed (%s)", case.id, reason.value)
        return True

    async def forget(self, platform: str, user_id: str) -> int:
        """/forget: close the user's cases, erase their text; staff threads are told."""
        user_hash = self.user_hash(platform, user_id)
        self._active.pop(user_hash, None)
        erased = await self.store.erase_user_cases(user_hash)
        for case in erased:
            self._conversations.pop(case.id, None)
            if case.status is CaseStatus.OPEN:
                self.open_now = max(0, self.open_now - 1)
                self._notify(CaseEvent("closed", case.id, case.platform))
                note = texts.FORGOTTEN.format(case=case.id)
                await self.enqueue_staff(case, PostKind.STAFF_NOTICE, f"forgotten:{case.id}", note)
        if erased:
            log.info("handoff: /forget closed %d case(s)", len(erased))
        return len(erased)

    # -- emergencies ---------------------------------------------------------------------

    async def alert(self, message: IncomingMessage, reply: Reply) -> Case:
        """A numbered emergency alert for the staff room: category, platform, time only."""
        case = await self.store.create_case(
            kind=CaseKind.ALERT,
            status=CaseStatus.CLOSED,
            origin=Origin.EMERGENCY,
            platform=message.platform,
            user_hash=self.user_hash(message.platform, message.user_id),
            chat_id=None,
            level="emergency",
            category=reply.category,
            now=self.clock(),
        )
        body = texts.ALERT.format(
            case=case.id,
            category=reply.category or "unknown",
            platform=message.platform,
            when=texts.clock(message.received_at),
            number=self.service.settings.triage.emergency_number,
        )
        await self.enqueue_staff(case, PostKind.ALERT, f"alert:{case.id}", body)
        self._notify(CaseEvent("alert", case.id, case.platform))
        log.info("handoff: emergency alert #%d (%s)", case.id, message.platform)
        return case

    # -- staff ---------------------------------------------------------------------------

    async def staff_reply(self, case: Case, event_id: str, text: str) -> bool:
        """Queue a clinician's reply for the patient, once per staff event."""
        body = restore_known(text, self._vault(case.id))
        queued = await self.enqueue_patient(case, f"reply:{event_id}", body, staff=True)
        if queued and await self.store.set_first_reply(case.id, self.clock()):
            wait = self.clock() - (case.opened_at or case.created_at)
            self._notify(CaseEvent("first_reply", case.id, case.platform, wait))
        return queued

    async def timed_out(self, case: Case) -> None:
        """No staff reply in time: tell the patient once how to reach the clinic."""
        note = texts.TIMEOUT.format(case=case.id, contact=self.settings.clinic_contact)
        await self.enqueue_patient(case, f"timeout:{case.id}", note)
        minutes = self.settings.reply_within_minutes
        staff_note = texts.TIMEOUT_NOTE.format(minutes=minutes)
        await self.enqueue_staff(case, PostKind.STAFF_NOTICE, f"timeout:{case.id}", staff_note)
        if await self.store.mark_timeout_notified(case.id, self.clock()):
            self._notify(CaseEvent("timed_out", case.id, case.platform))
            log.info("handoff: case #%d had no staff reply in time", case.id)

    # -- the outbox ----------------------------------------------------------------------

    async def enqueue_staff(
        self,
        case: Case | None,
        kind: PostKind,
        key: str,
        body: str,
        *,
        thread: str | None = None,
        reply_to: str | None = None,
    ) -> bool:
        """Queue a post in the staff room: in ``thread``, else in the case's thread (its
        root itself for ROOT and ALERT), else (no case) in the room."""
        queued = await self.store.enqueue(
            case.id if case is not None else 0, Direction.STAFF, kind, f"staff:{key}", body,
            thread=thread, reply_to=reply_to, now=self.clock(),
        )  # fmt: skip
        if queued:
            self.on_enqueue(Direction.STAFF)
        return queued

    async def enqueue_patient(
        self, case: Case, key: str, body: str, *, staff: bool = False
    ) -> bool:
        if case.chat_id is None:
            return False  # closed or erased: there is no chat to send to any more
        kind = PostKind.STAFF_REPLY if staff else PostKind.PATIENT_NOTICE
        queued = await self.store.enqueue(
            case.id, Direction.PATIENT, kind, f"patient:{key}", body, platform=case.platform,
            chat_id=case.chat_id, now=self.clock(),
        )  # fmt: skip
        if queued:
            self.on_enqueue(Direction.PATIENT)
        return queued
