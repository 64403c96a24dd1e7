"""The relays: what the case book queues, sent in order, each once; and the overdue check.

Two workers, one per direction, send ``case_outbox`` entries in the order they were queued.
An entry is marked sent only after the platform accepted it, so a stop or a crash leaves it
queued and the next start sends it:

- to the staff room every post carries a transaction id made from its entry, so a post
  repeated after a crash lands once (the homeserver deduplicates it);
- to a patient, a stop finishes the send in flight first; only a crash during that one
  request can repeat it (Telegram has no idempotency key).

A failed send (network, homeserver restarting, adapter not running) waits and is tried
again, with a growing pause up to ``handoff.retry_max_s``, holding back the later entries of
the same case so they stay in order. A patient who blocked the bot is final: the entry
fails, the case records it and its thread is told.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from assistant.handoff import texts
from assistant.handoff.cases import CaseBook
from assistant.handoff.model import Case, CaseStatus, CloseReason, Direction, OutboxItem, PostKind
from assistant.handoff.ports import PatientRelay
from assistant.messages import Delivery, Reply, Source

log = logging.getLogger(__name__)

FIRST_RETRY_S = 0.5


class Outbox:
    def __init__(self, book: CaseBook, relay: PatientRelay | None) -> None:
        self.book = book
        self.relay = relay
        self._wake = {direction: asyncio.Event() for direction in Direction}
        self._tasks: list[asyncio.Task[None]] = []
        self._stopping = False
        self._stopped = asyncio.Event()

    def wake(self, direction: Direction) -> None:
        self._wake[direction].set()

    async def start(self) -> None:
        self._stopping = False
        self._stopped.clear()
        self._tasks = [
            asyncio.create_task(self._run(Direction.PATIENT), name="handoff-to-patients"),
            asyncio.create_task(self._run(Direction.STAFF), name="handoff-to-staff"),
            asyncio.create_task(self._check_overdue(), name="handoff-overdue"),
        ]

    async def stop(self, grace_s: float) -> None:
        """Let each worker finish the send in flight (within ``grace_s``), then stop."""
        self._stopping = True
        self._stopped.set()
        for event in self._wake.values():
            event.set()
        tasks, self._tasks = self._tasks, []
        if not tasks:
            return
        _, late = await asyncio.wait(tasks, timeout=grace_s)
        for task in late:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    # -- the workers ---------------------------------------------------------------------

    async def _run(self, direction: Direction) -> None:
        wake = self._wake[direction]
        while not self._stopping:
            wake.clear()
            try:
                pause = await self.flush(direction)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # storage trouble: try again shortly, never die
                log.error("handoff relay to %s failed: %s", direction.value, type(exc).__name__)
                pause = self.book.settings.retry_max_s
            if self._stopping:
                break
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(wake.wait(), pause)

    async def flush(self, direction: Direction) -> float | None:
        """Send every due entry; seconds until a deferred one is due (None: none is)."""
        if direction is Direction.STAFF and self.book.channel is None:
            return None  # no staff room yet: everything waits for one (attach wakes us)
        held: set[int] = set()
        next_due: float | None = None
        for item in await self.book.store.queued(direction):
            if self._stopping:
                return 0.0
            lane = item.case_id or -item.id  # a case's entries in order; room notes alone
            now = self.book.clock()
            if lane in held or item.not_before > now:
                held.add(lane)
                if item.not_before > now:
                    next_due = min(next_due or item.not_before, item.not_before)
                continue
            sent = await (
                self._to_patient(item) if direction is Direction.PATIENT else self._to_staff(item)
            )
            if not sent:
                held.add(lane)
                retry_at = now + self._pause(item.attempts)
                await self.book.store.defer(item.id, retry_at)
                next_due = min(next_due or retry_at, retry_at)
        if next_due is None:
            return None
        return max(0.0, next_due - self.book.clock())

    def _pause(self, attempts: int) -> float:
        return min(self.book.settings.retry_max_s, FIRST_RETRY_S * 2**attempts)

    # -- to a patient --------------------------------------------------------------------

    async def _to_patient(self, item: OutboxItem) -> bool:
        """True when the entry is done with (delivered, or failed for good)."""
        book = self.book
        if item.body is None or item.chat_id is None or item.platform is None:
            await book.store.mark_failed(item.id, "erased")
            return True
        if item.kind is PostKind.STAFF_REPLY:
            label = texts.STAFF_LABEL.format(case=item.case_id)
            footer = texts.STAFF_FOOTER.format(number=book.service.settings.triage.emergency_number)
            reply = Reply(f"{label}\n\n{item.body}\n\n{footer}", Source.STAFF)
        else:
            reply = Reply(item.body, Source.HANDOFF)
        finished = book.service.outgoing(reply)
        if self.relay is None:
            outcome = Delivery.UNAVAILABLE
        else:
            key = f"healthbot-outbox-{item.id}"
            outcome = await self.relay.deliver(item.platform, item.chat_id, finished, key)
        if outcome is Delivery.DELIVERED:
            await book.store.mark_sent(item.id, book.clock())
            log.info("handoff: %s for case #%d delivered", item.kind.value, item.case_id)
            return True
        if outcome is Delivery.REFUSED:
            await self._undeliverable(item)
            return True
        log.warning(
            "handoff: %s for case #%d not delivered (%s, try %d)",
            item.kind.value, item.case_id, outcome.value, item.attempts + 1,
        )  # fmt: skip
        return False

    async def _undeliverable(self, item: OutboxItem) -> None:
        book = self.book
        await book.store.mark_failed(item.id, "refused")
        case = await book.store.update_case(item.case_id, delivery_error="blocked")
        log.warning("handoff: the patient of case #%d cannot be reached", item.case_id)
        note = texts.UNDELIVERABLE.format(case=item.case_id)
        await book.enqueue_staff(case, PostKind.STAFF_NOTICE, f"undeliverable:{item.id}", note)

    # -- to the staff room ---------------------------------------------------------------

    async def _to_staff(self, item: OutboxItem) -> bool:
        book = self.book
        channel = book.channel
        if channel is None:
            return False
        case = await book.store.get_case(item.case_id) if item.case_id else None
        body = item.body
        if body is None:
            await book.store.mark_failed(item.id, "erased")
            return True
        thread = item.thread
        if item.kind in (PostKind.ROOT, PostKind.ALERT):
            body = self._fresh_root(case, body)
        elif thread is None and case is not None:
            thread = case.thread_root
            if thread is None:  # its root was never posted (withdrawn before there was a room)
                await book.store.mark_failed(item.id, "no thread")
                return True
        event_id = await channel.post(
            body, thread=thread, reply_to=item.reply_to, txn_id=f"healthbot-outbox-{item.id}"
        )
        if event_id is None:
            log.warning("handoff: %s post for case #%d failed", item.kind.value, item.case_id)
            return False
        await book.store.mark_sent(item.id, book.clock(), event_id)
        if case is not None and item.kind in (PostKind.ROOT, PostKind.ALERT):
            await book.store.update_case(case.id, thread_root=event_id)
        log.info("handoff: %s posted for case #%d", item.kind.value, item.case_id)
        return True

    def _fresh_root(self, case: Case | None, body: str) -> str:
        """A root posted late (the room was away) says how long the patient has waited now."""
        if case is None or case.question is None or case.opened_at is None:
            return body
        return texts.case_root(case, self.book.clock(), with_note=True)

    # -- overdue cases and lapsed consent ----------------------------------------------------

    async def _check_overdue(self) -> None:
        settings = self.book.settings
        while not self._stopping:
            try:
                await self.check_once()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.error("handoff overdue check failed: %s", type(exc).__name__)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopped.wait(), settings.check_interval_s)

    async def check_once(self) -> int:
        """Tell patients of overdue cases once; close lapsed consent questions."""
        book = self.book
        now = book.clock()
        cutoff = now - book.settings.reply_within_minutes * 60
        overdue = await book.store.overdue_cases(cutoff)
        for case in overdue:
            await book.timed_out(case)
        for case in await book.store.active_cases():
            if case.status is CaseStatus.CONSENT and book.consent_expired(case):
                await book.close(case, CloseReason.EXPIRED)
        return len(overdue)
