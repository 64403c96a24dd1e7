"""The staff room of the handoff, as the Matrix adapter serves it (translation only).

The room named by ``handoff.matrix_room`` is not answered like other rooms: its text
messages are translated into :class:`assistant.handoff.ports.StaffMessage` (sender, thread,
power level) and handed to the core's staff desk one at a time, in the order the room has
them. What the desk does not take (a question with ``!ask``, ``!stats``) goes on the usual
path. Posting into the room, in a case's thread or the room itself, is the
:class:`assistant.handoff.ports.StaffChannel` this module implements; each post carries the
core's transaction id, so a post repeated after a restart lands once.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from nio import (
    AsyncClient,
    JoinResponse,
    MatrixRoom,
    RoomGetEventResponse,
    RoomGetStateResponse,
    RoomMessageText,
    RoomResolveAliasResponse,
)

from adapters.matrix_events import Addressed, post_content, thread_root, without_reply_fallback
from adapters.matrix_send import MAX_REPLY_CHARS, MatrixSender
from adapters.matrix_session import Batch
from adapters.text_split import split_text
from assistant.handoff.ports import StaffChannel, StaffDesk, StaffMessage

log = logging.getLogger(__name__)

#: room versions whose creators hold unlimited power without a power-levels entry (MSC4289)
PRIVILEGED_CREATOR_VERSIONS = frozenset({"12", "org.matrix.hydra.11"})
CREATOR_POWER = 2**53 - 1


@dataclass(frozen=True, slots=True)
class StaffItem:
    """A staff room message waiting its turn."""

    room: MatrixRoom
    event: RoomMessageText
    #: what the usual path would answer, should the staff desk not take it
    target: Addressed | None
    batch: Batch


class StaffRoom(StaffChannel):
    def __init__(self, client: AsyncClient, sender: MatrixSender, desk: StaffDesk) -> None:
        self.client = client
        self.sender = sender
        self.desk = desk
        #: the room id, once known (an alias is resolved at start)
        self.room_id: str | None = None
        #: creators of a room version that gives them unlimited power (None: not read yet)
        self._creators: frozenset[str] | None = None
        #: the room's messages in room order (None: stop)
        self.queue: asyncio.Queue[StaffItem | None] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None

    def start(
        self,
        usual_path: Callable[[StaffItem], Awaitable[None]],
        done: Callable[[StaffItem], Awaitable[None]],
    ) -> None:
        """Serve the queue in a task, and offer the desk this room to post in."""
        self._task = asyncio.create_task(self._serve(usual_path, done), name="matrix-staff")
        self.desk.attach(self)

    async def stop(self, grace_s: float) -> None:
        """What the room has handed in so far is taken in order, within ``grace_s``; what
        is cut off stays unanswered in the sync position and comes again after a restart."""
        self.desk.attach(None)
        task, self._task = self._task, None
        if task is None:
            return
        self.queue.put_nowait(None)
        _, late = await asyncio.wait({task}, timeout=grace_s)
        for pending in late:
            pending.cancel()
        await asyncio.gather(task, return_exceptions=True)

    async def _serve(
        self,
        usual_path: Callable[[StaffItem], Awaitable[None]],
        done: Callable[[StaffItem], Awaitable[None]],
    ) -> None:
        """Each message in turn to the staff desk; what it does not take, the usual path."""
        while True:
            item = await self.queue.get()
            if item is None:
                return
            event = item.event
            content: dict[str, Any] = event.source.get("content", {})
            try:
                message = await self.translate(item.room, event.event_id, event.sender, content)
                taken = await self.desk.accept(message)
            except Exception as exc:  # one message must never stop the staff room
                log.error("matrix: a staff room message failed: %s", type(exc).__name__)
                taken = True
            if taken or item.target is None:
                await done(item)
            else:
                await usual_path(item)

    async def translate(
        self, room: MatrixRoom, event_id: str, sender: str, content: dict[str, Any]
    ) -> StaffMessage:
        """A staff room message as the core's staff desk reads it."""
        body = content.get("body")
        return StaffMessage(
            event_id=event_id,
            sender=sender,
            text=without_reply_fallback(content, body) if isinstance(body, str) else "",
            thread_root=thread_root(content),
            power_level=await self.power_level(room, sender),
        )

    async def power_level(self, room: MatrixRoom, user_id: str) -> int:
        if self._creators is None:
            self._creators = await self._read_creators(room.room_id)
        if user_id in self._creators:
            return CREATOR_POWER
        return room.power_levels.get_user_level(user_id)

    async def _read_creators(self, room_id: str) -> frozenset[str]:
        answer = await self.client.room_get_state(room_id)
        if not isinstance(answer, RoomGetStateResponse):
            return frozenset()
        for event in answer.events:
            if isinstance(event, dict) and event.get("type") == "m.room.create":
                content = event.get("content") or {}
                if content.get("room_version") in PRIVILEGED_CREATOR_VERSIONS:
                    extra = content.get("additional_creators") or []
                    return frozenset({str(event.get("sender")), *map(str, extra)})
        return frozenset()

    async def resolve(self) -> str | None:
        """The configured room's id: an id as given, an alias asked of the homeserver."""
        configured = self.desk.room
        if not configured.startswith("#"):
            self.room_id = configured
            return configured
        answer = await self.client.room_resolve_alias(configured)
        if isinstance(answer, RoomResolveAliasResponse):
            self.room_id = answer.room_id
        else:
            log.error("matrix: the staff room alias does not resolve: %s", type(answer).__name__)
        return self.room_id

    async def _room(self) -> MatrixRoom | None:
        if self.room_id is None and await self.resolve() is None:
            return None
        assert self.room_id is not None
        room = self.client.rooms.get(self.room_id)
        if room is None:
            # Not a member yet (no invite seen): a public room, or one that invited us.
            answer = await self.client.join(self.room_id)
            if not isinstance(answer, JoinResponse):
                log.warning("matrix: cannot join the staff room: %s", type(answer).__name__)
            room = self.client.rooms.get(self.room_id)
        return room

    async def post(
        self, text: str, *, thread: str | None, reply_to: str | None, txn_id: str
    ) -> str | None:
        room = await self._room()
        if room is None:
            return None
        first: str | None = None
        for index, part in enumerate(split_text(text, MAX_REPLY_CHARS)):
            content = post_content(part, thread=thread, reply_to=reply_to)
            event_id, _ = await self.sender.send_event(room, content, f"{txn_id}-{index}")
            if event_id is None:
                return None  # the whole post is tried again; sent parts are deduplicated
            first = first or event_id
        return first

    async def is_own_event(self, event_id: str) -> bool:
        if self.room_id is None:
            return False
        answer = await self.client.room_get_event(self.room_id, event_id)
        return (
            isinstance(answer, RoomGetEventResponse) and answer.event.sender == self.client.user_id
        )
