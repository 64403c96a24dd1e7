"""The two ports the handoff needs from the platforms, and the staff room's events.

- :class:`PatientRelay`: send to a patient's chat with no incoming message to answer. The
  app implements it with each adapter's :meth:`adapters.base.Adapter.deliver`.
- :class:`StaffChannel`: post in the staff room, in a case's thread or the room itself. The
  Matrix adapter implements it for the room named by ``handoff.matrix_room``.
- :class:`StaffDesk`: what the Matrix adapter hands the staff room's messages to (the
  handoff service implements it); :class:`StaffMessage` is one such message, translated.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass

from assistant.messages import Delivery, Reply


class PatientRelay(ABC):
    @abstractmethod
    async def deliver(self, platform: str, chat_id: str, reply: Reply, key: str) -> Delivery:
        """Send the finished ``reply`` to ``chat_id`` on ``platform``; ``key`` is the same
        for every try of one message (for platforms that deduplicate sends)."""


class StaffChannel(ABC):
    @abstractmethod
    async def post(
        self, text: str, *, thread: str | None, reply_to: str | None, txn_id: str
    ) -> str | None:
        """Post ``text`` (split if long) in ``thread`` (None: the room) as the bot; the
        event id of its first part, or None when it could not be posted this time.
        ``txn_id`` makes a repeated post (after a restart) land once."""

    @abstractmethod
    async def is_own_event(self, event_id: str) -> bool:
        """Whether the bot sent ``event_id`` in the staff room (a thread root it posted)."""


@dataclass(frozen=True, slots=True)
class StaffMessage:
    """A text message in the staff room, as the adapter read it."""

    event_id: str
    sender: str
    text: str
    #: the thread it was posted in, if any
    thread_root: str | None
    #: the sender's power level in the room
    power_level: int


class StaffDesk(ABC):
    """The staff room's side of the handoff, as the Matrix adapter sees it."""

    #: the configured room (id or alias); empty when there is none
    room: str

    @abstractmethod
    def attach(self, channel: StaffChannel | None) -> None:
        """The adapter's channel to the room once it is reachable (None at its stop)."""

    @abstractmethod
    async def accept(self, message: StaffMessage) -> bool:
        """Take a staff room message: a reply in a case's thread or a staff command.
        False: not the handoff's (the adapter treats it as any other room message)."""
