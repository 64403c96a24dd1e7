"""The handoff, assembled: :class:`Handoff` joins the case book, the patient hook and its
commands, the staff desk and the relays to one conversation service."""

from __future__ import annotations

import time
from collections.abc import Callable

from assistant.conversation import ConversationService
from assistant.handoff.cases import CaseBook, CaseObserver
from assistant.handoff.desk import Desk
from assistant.handoff.model import Direction
from assistant.handoff.patient import CancelCommand, HumanCommand, PatientHook
from assistant.handoff.ports import PatientRelay, StaffChannel, StaffDesk, StaffMessage
from assistant.handoff.relay import Outbox
from assistant.handoff.settings import HandoffSettings
from assistant.storage import Store

#: at stop, how long a relay may take to finish the send in flight
STOP_GRACE_S = 5.0


class Handoff(StaffDesk):
    """``install()`` joins it to the service; ``load()`` and ``start()`` once the store is
    open (before and after the adapters start); ``stop()`` before the adapters stop."""

    def __init__(
        self,
        settings: HandoffSettings,
        service: ConversationService,
        store: Store,
        relay: PatientRelay | None = None,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.settings = settings
        self.room = settings.matrix_room
        self.book = CaseBook(settings, service, store, clock=clock)
        self.outbox = Outbox(self.book, relay)
        self.book.on_enqueue = self.outbox.wake
        self.desk = Desk(self.book)
        self.hook = PatientHook(self.book)

    @property
    def observers(self) -> list[CaseObserver]:
        return self.book.observers

    @property
    def open_now(self) -> int:
        return self.book.open_now

    def set_relay(self, relay: PatientRelay) -> None:
        self.outbox.relay = relay
        self.outbox.wake(Direction.PATIENT)

    def install(self) -> None:
        service = self.book.service
        service.hooks.append(self.hook)
        service.commands.register(HumanCommand(self.hook))
        service.commands.register(CancelCommand(self.book))
        service.staff_desk = self
        service.assistant.erasers.append(self.book.forget)

    # -- StaffDesk -----------------------------------------------------------------------

    def attach(self, channel: StaffChannel | None) -> None:
        self.book.channel = channel
        if channel is not None:
            self.outbox.wake(Direction.STAFF)

    async def accept(self, message: StaffMessage) -> bool:
        return await self.desk.accept(message)

    # -- lifecycle -------------------------------------------------------------------------

    async def load(self) -> None:
        await self.book.load()

    async def start(self) -> None:
        await self.outbox.start()

    async def stop(self) -> None:
        await self.outbox.stop(STOP_GRACE_S)
