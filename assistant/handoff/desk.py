"""The staff room's side: replies in a case's thread, and ``!cases``, ``!claim N``,
``!close N``.

Who is staff: a Matrix id (or glob) in ``handoff.staff``, or a room member whose power
level is at least ``handoff.staff_power_level``. Anyone else in the room gets a notice and
changes nothing; their thread replies never reach a patient. Rules when staff act at once:
the first ``!claim`` wins (the claim only says who is on it); every staff reply is relayed,
once each, in the order the room has them; a reply to a closed, alert or unknown case gets a
notice in its thread instead.
"""

from __future__ import annotations

import fnmatch
import logging
import re

from assistant.handoff import texts
from assistant.handoff.cases import CaseBook
from assistant.handoff.model import Case, CaseKind, CaseStatus, CloseReason, PostKind
from assistant.handoff.ports import StaffMessage

log = logging.getLogger(__name__)

STAFF_COMMANDS = ("cases", "claim", "close")
_COMMAND = re.compile(r"^!(cases|claim|close)\b\s*#?\s*(\d+)?\s*$", re.IGNORECASE)
_REFUSED_WHAT = {
    "cases": "list cases",
    "claim": "claim cases",
    "close": "close cases",
}


class Desk:
    def __init__(self, book: CaseBook) -> None:
        self.book = book

    def is_staff(self, message: StaffMessage) -> bool:
        settings = self.book.settings
        if any(fnmatch.fnmatchcase(message.sender, pattern) for pattern in settings.staff):
            return True
        level = settings.staff_power_level
        return level is not None and message.power_level >= level

    def _who(self, user_id: str) -> str:
        return self.book.service.user_hash("matrix", user_id) or "-"

    async def accept(self, message: StaffMessage) -> bool:
        command = _COMMAND.match(message.text.strip())
        if command is not None:
            number = int(command.group(2)) if command.group(2) else None
            await self._command(message, command.group(1).lower(), number)
            return True
        if message.thread_root is None:
            return False
        return await self._thread_reply(message, message.thread_root)

    async def _notice(self, message: StaffMessage, text: str, case: Case | None = None) -> None:
        """An answer to a staff message, where it was written, once per message."""
        await self.book.enqueue_staff(
            case, PostKind.STAFF_NOTICE, f"ack:{message.event_id}", text,
            thread=message.thread_root, reply_to=message.event_id,
        )  # fmt: skip

    async def _thread_reply(self, message: StaffMessage, root: str) -> bool:
        book = self.book
        case = await book.store.case_by_thread(root)
        if case is None:
            channel = book.channel
            if channel is None or not await channel.is_own_event(root):
                return False  # staff talking among themselves in a thread of their own
            await self._notice(message, texts.UNKNOWN_THREAD)
            return True
        if case.kind is CaseKind.ALERT:
            await self._notice(message, texts.ALERT_NO_REPLY.format(case=case.id), case)
        elif case.status is CaseStatus.CLOSED:
            await self._notice(message, texts.CASE_CLOSED.format(case=case.id), case)
        elif not self.is_staff(message):
            log.warning("handoff: a non-staff reply to case #%d was not relayed", case.id)
            await self._notice(message, texts.NOT_STAFF_REPLY, case)
        elif await book.staff_reply(case, message.event_id, message.text):
            log.info("handoff: staff reply to case #%d queued", case.id)
        return True

    async def _command(self, message: StaffMessage, name: str, number: int | None) -> None:
        if not self.is_staff(message):
            log.warning("handoff: refused !%s from non-staff %s", name, self._who(message.sender))
            await self._notice(message, texts.NOT_STAFF.format(what=_REFUSED_WHAT[name]))
            return
        if name == "cases":
            await self._list(message)
            return
        case = await self._target(message, number)
        if case is None:
            if number is None:
                await self._notice(message, texts.CASE_USAGE.format(command=name))
            else:
                await self._notice(message, texts.UNKNOWN_CASE.format(case=number))
            return
        if case.kind is CaseKind.ALERT:
            await self._notice(message, texts.ALERT_NO_REPLY.format(case=case.id), case)
        elif case.status is CaseStatus.CLOSED:
            await self._notice(message, texts.CASE_CLOSED.format(case=case.id), case)
        elif case.status is CaseStatus.CONSENT:
            await self._notice(message, texts.NOT_YET_OPEN.format(case=case.id), case)
        elif name == "claim":
            await self._claim(message, case)
        else:
            await self._close(message, case)

    async def _target(self, message: StaffMessage, number: int | None) -> Case | None:
        store = self.book.store
        if number is not None:
            return await store.get_case(number)
        if message.thread_root is not None:
            return await store.case_by_thread(message.thread_root)
        return None

    async def _list(self, message: StaffMessage) -> None:
        book = self.book
        now = book.clock()
        cases = [c for c in await book.store.active_cases() if c.status is CaseStatus.OPEN]
        if not cases:
            await self._notice(message, texts.NO_OPEN_CASES)
            return
        lines = [f"Open cases ({len(cases)}):", *(texts.case_line(c, now) for c in cases)]
        await self._notice(message, "\n".join(lines))

    async def _claim(self, message: StaffMessage, case: Case) -> None:
        book = self.book
        if await book.store.claim_case(case.id, message.sender):
            note = texts.CLAIMED_NOTE.format(case=case.id, who=message.sender)
            await book.enqueue_staff(
                case, PostKind.STAFF_NOTICE, f"ack:{message.event_id}", note,
                reply_to=message.event_id,
            )  # fmt: skip
            await book.enqueue_patient(
                case, f"claimed:{case.id}", texts.CLAIMED.format(case=case.id)
            )
            log.info("handoff: case #%d claimed by %s", case.id, self._who(message.sender))
            return
        current = await book.store.get_case(case.id)
        who = current.claimed_by if current is not None and current.claimed_by else "someone"
        await self._notice(message, texts.ALREADY_CLAIMED.format(case=case.id, who=who), case)

    async def _close(self, message: StaffMessage, case: Case) -> None:
        book = self.book
        note = texts.CLOSED_NOTE.format(case=case.id, who=message.sender)
        closed = await book.close(
            case,
            CloseReason.STAFF,
            staff_note=note,
            patient_note=texts.CLOSED_BY_STAFF.format(case=case.id),
        )
        if not closed:
            await self._notice(message, texts.CASE_CLOSED.format(case=case.id), case)
        elif message.thread_root != case.thread_root:
            await self._notice(message, note, case)  # the note also where the command was
