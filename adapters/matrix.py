"""The Matrix adapter: healthbot in the clinical staff's rooms, on matrix-nio.

- Credentials come from the environment (``MATRIX_ACCESS_TOKEN`` or ``MATRIX_PASSWORD``);
  the login and the sync position live in the storage database (see
  :mod:`adapters.matrix_session`). The very first start skips the rooms' old history.
- At least once in, exactly once out: each sync's messages are recorded in the intake table
  (:mod:`assistant.intake`) before its token is saved, and marked answered once replied to;
  a start answers what is pending first, and events a sync returns again are dropped. Each
  reply is sent with a transaction id made from the event it answers, so a reply that was
  sent just before a crash and is sent again after it is kept once by the homeserver.
- Messages are answered in order per person and room, concurrently across them.
- Invites are joined only from ``allowed_users`` (ids or globs) into ``allowed_rooms`` (when
  set); other invites are rejected. Every message is checked again: only ``allowed_users``
  are answered, so an outsider who joins an allowed room gets nothing. In direct rooms (two
  members) every text message is answered; elsewhere only mentions, the ``command_prefix``
  (``!ask``) and ``!commands``.
- Messages go to the core's dispatcher: each sender's in order, an emergency at once.
- Replies are ``m.notice`` rich replies (inside the thread when the message was in one), and
  notices and the bot's own messages are never answered, so two bots cannot loop.
- nio's retries are bounded (``max_timeouts``); a failed sync backs off and resumes, and
  ``M_LIMIT_EXCEEDED`` is waited out by nio using ``retry_after_ms``.
- The handoff's staff room (``handoff.matrix_room``) is served apart, in room order, by
  :mod:`adapters.matrix_staff`; patients in direct rooms get the clinic's replies through
  :meth:`_deliver`.

Encryption and the device trust policy are described in :mod:`adapters.matrix_crypto`.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import logging
import os
import time
from collections.abc import Coroutine, Mapping
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from typing import Any

import aiohttp
from nio import (
    AsyncClient,
    AsyncClientConfig,
    Event,
    InviteMemberEvent,
    MatrixRoom,
    MegolmEvent,
    ProfileGetDisplayNameResponse,
    RoomMessage,
    RoomMessageMedia,
    RoomMessageNotice,
    RoomMessageText,
    SyncError,
    SyncResponse,
)

from adapters.base import Adapter, AdapterContext, quiet_library_loggers
from adapters.matrix_crypto import (
    PendingDecryption,
    check_e2ee_available,
    crypto_housekeeping,
)
from adapters.matrix_events import (
    COMMAND_PREFIX,
    Addressed,
    BotIdentity,
    addressed,
    is_edit,
    matches_any,
    room_allowed,
)
from adapters.matrix_send import MatrixSender
from adapters.matrix_session import MatrixState, SyncProgress, keep_store_private, login
from adapters.matrix_settings import MatrixSettings
from adapters.matrix_staff import StaffItem, StaffRoom
from assistant.errors import AdapterError
from assistant.intake import Intake
from assistant.messages import Command, Delivery, IncomingMessage, Response
from assistant.urls import mask_url_credentials

log = logging.getLogger(__name__)
#: nio logs whole sync responses (message bodies, staff user ids) at DEBUG
_QUIET_LOGGERS = {"nio": logging.WARNING, "peewee": logging.WARNING}

MAX_CONCURRENT = 16
BACKOFF_MIN_S = 1.0
BACKOFF_MAX_S = 30.0
BACKFILL_PAGES = 5
# Timeline events per room in one sync; a longer gap is back-filled with /messages.
SYNC_FILTER: dict[str, Any] = {
    "room": {"timeline": {"limit": 50}, "state": {"lazy_load_members": False}},
    "presence": {"not_types": ["*"]},
}
FIRST_SYNC_FILTER: dict[str, Any] = {
    "room": {"timeline": {"limit": 1}, "state": {"lazy_load_members": False}},
    "presence": {"not_types": ["*"]},
}
_NETWORK_ERRORS = (aiohttp.ClientError, OSError, TimeoutError)


@dataclass(frozen=True, slots=True)
class RoomOrigin:
    """Where a reply goes: the room, and the event it answers (in its thread, if any)."""

    room: MatrixRoom
    event: RoomMessage


#: an accepted event: a message to answer (and where), or a staff room item for the desk
Accepted = tuple[IncomingMessage, RoomOrigin] | StaffItem


class MatrixAdapter(Adapter[RoomOrigin]):
    name = "matrix"

    def __init__(
        self, context: AdapterContext, *, environ: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(context, max_concurrent=MAX_CONCURRENT)
        assert isinstance(context.settings, MatrixSettings)
        self.settings = context.settings
        self._env = os.environ if environ is None else environ
        self._client: AsyncClient | None = None
        self._sender: MatrixSender | None = None
        self._identity = BotIdentity(self.settings.user_id)
        self._sync_task: asyncio.Task[None] | None = None
        #: key requests and read receipts (messages are the dispatcher's)
        self._tasks: set[asyncio.Task[Any]] = set()
        self.intake = context.intake or Intake(None, os.urandom(32))
        self._connected = False
        self._state = MatrixState(context.store, self.settings.user_id)
        self._progress = SyncProgress(self._state)
        self._pending = PendingDecryption()
        #: the handoff's staff room (handoff.matrix_room), served in order by one task
        self._staff: StaffRoom | None = None

    # -- lifecycle ---------------------------------------------------------------------

    @property
    def client(self) -> AsyncClient:
        if self._client is None:
            raise AdapterError("the Matrix adapter is not started")
        return self._client

    async def start(self) -> None:
        quiet_library_loggers(_QUIET_LOGGERS)
        settings = self.settings
        if settings.e2ee:
            check_e2ee_available()
            # The key store is pickled with nio's default key: keep the folder private.
            keep_store_private(settings.store_dir)
        config = AsyncClientConfig(
            max_timeouts=settings.max_timeouts,
            max_limit_exceeded=20,
            backoff_factor=0.25,
            max_timeout_retry_wait_time=5,
            request_timeout=30,
            encryption_enabled=settings.e2ee,
            store_sync_tokens=False,  # our own storage keeps the token
        )
        self._client = AsyncClient(
            settings.homeserver,
            settings.user_id,
            store_path=str(settings.store_dir) if settings.e2ee else "",
            config=config,
        )
        try:
            await login(self.client, settings, self._env, self._state)
            if settings.e2ee:  # nio has created its key store in the login
                await asyncio.to_thread(keep_store_private, settings.store_dir)
            await self._load_identity()
            await crypto_housekeeping(self.client)
            self._sender = MatrixSender(self.client, settings.trust_policy)
            desk = self.service.staff_desk
            if desk is not None and desk.room:
                # Known before the first sync, whose events may include the room's.
                self._staff = StaffRoom(self.client, self._sender, desk)
                await self._staff.resolve()
            # The first sync runs here: on a fresh start whatever it returns is old history,
            # and a message sent after start() returns must not be mistaken for it.
            await self._first_sync()
        except BaseException as exc:
            await self.client.close()
            self._client = None
            if isinstance(exc, _NETWORK_ERRORS):
                raise AdapterError(
                    "cannot reach the Matrix homeserver "
                    f"{mask_url_credentials(settings.homeserver)}: "
                    f"{type(exc).__name__}"
                ) from exc
            raise
        self._sync_task = asyncio.create_task(self._sync_loop(), name="matrix-sync")
        if self._staff is not None:
            self._staff.start(self._staff_usual_path, self._staff_done)
        log.info("matrix: syncing as device %s (e2ee %s)", self.client.device_id, settings.e2ee)

    async def stop(self) -> None:
        if self._client is None:
            return
        if self._sync_task is not None:
            self._sync_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._sync_task
            self._sync_task = None
        # Finish what is in flight within the grace period; what is cut off stays pending in
        # the intake and is answered first on the next start.
        grace = self.settings.shutdown_grace_s
        if self._staff is not None:
            await self._staff.stop(grace)
        if not await self.dispatcher.drain(grace):
            cut = await self.dispatcher.cancel()
            log.warning("matrix: %d message task(s) left for the next start", cut)
        if self._tasks:
            _, late = await asyncio.wait(set(self._tasks), timeout=1.0)
            for task in late:
                task.cancel()
            await asyncio.gather(*late, return_exceptions=True)
        await self.client.close()
        self._connected = False
        self._client = None

    def is_connected(self) -> bool:
        return self._connected

    # -- login and sync ----------------------------------------------------------------

    async def _load_identity(self) -> None:
        answer = await self.client.get_displayname()
        names: tuple[str, ...] = ()
        if isinstance(answer, ProfileGetDisplayNameResponse) and answer.displayname:
            names = (answer.displayname,)
        self._identity = BotIdentity(self.client.user_id, names)

    async def _first_sync(self) -> None:
        since = await self._progress.load()
        fresh = since is None
        sync_filter = FIRST_SYNC_FILTER if fresh else SYNC_FILTER
        # full_state: after a restart nio knows no room yet (members, encryption, names).
        response = await self.client.sync(0, sync_filter, since=since, full_state=True)
        status = getattr(getattr(response, "transport_response", None), "status", 0) or 0
        if not fresh and not isinstance(response, SyncResponse) and 400 <= status < 500:
            # The homeserver no longer knows the token (a reset database): start afresh.
            log.warning("matrix: the saved sync token was refused; skipping to the present")
            since, fresh, sync_filter = None, True, FIRST_SYNC_FILTER
            response = await self.client.sync(0, sync_filter, full_state=True)
        if not isinstance(response, SyncResponse):
            raise AdapterError(f"the first Matrix sync failed: {response}")
        self._connected = True
        await self._replay_pending()  # the rooms are known now; before anything newer
        await self._process(response, since=since, history=fresh)
        if fresh:
            log.info("matrix: first start, old history skipped")

    async def _sync_loop(self) -> None:
        backoff = BACKOFF_MIN_S
        while True:
            since = self.client.next_batch
            try:
                response = await self.client.sync(self.settings.sync_timeout_ms, SYNC_FILTER)
            except Exception as exc:  # outages surface as aiohttp/OS errors after nio's retries
                reason = type(exc).__name__
            else:
                if isinstance(response, SyncResponse):
                    self._connected = True
                    try:
                        await self._process(response, since=since, history=False)
                    except Exception as exc:  # e.g. a back-fill lost to an outage
                        # Fetch the same sync again; answered events are skipped then.
                        self.client.next_batch = since
                        reason = f"after-sync work: {type(exc).__name__}"
                    else:
                        backoff = BACKOFF_MIN_S
                        continue
                elif isinstance(response, SyncError) and response.status_code == "M_UNKNOWN_TOKEN":
                    self._connected = False
                    log.error("matrix: the access token was revoked; the adapter stops syncing")
                    return
                else:
                    reason = str(getattr(response, "status_code", None) or "error")
            self._connected = False
            log.warning("matrix: sync failed (%s); retrying in %.0f s", reason, backoff)
            await asyncio.sleep(backoff)
            backoff = min(backoff * 2, BACKOFF_MAX_S)

    async def _process(self, response: SyncResponse, *, since: str | None, history: bool) -> None:
        await crypto_housekeeping(self.client)
        for room_id, info in response.rooms.invite.items():
            await self._on_invite(room_id, info.invite_state)
        accepted: list[tuple[bytes, str, Accepted]] = []
        if not history:
            for room_id, info in response.rooms.join.items():
                events = list(info.timeline.events)
                if info.timeline.limited and info.timeline.prev_batch and since:
                    events = await self._backfill(room_id, info.timeline.prev_batch, since) + events
                accepted.extend(self._accept_all(room_id, events))
            accepted.extend(
                found
                for room_id, event in self._pending.retry(self.client)
                for found in self._accept_all(room_id, [event])
            )
        # Recorded before the token moves past them; only ids never seen before are answered.
        new = await self.intake.receive(
            self.name, [(event_id, payload) for payload, event_id, _ in accepted]
        )
        for _, event_id, item in accepted:
            if event_id in new:
                self._take(item)
        await self._progress.save(response.next_batch)

    def _accept_all(self, room_id: str, events: list[Any]) -> list[tuple[bytes, str, Accepted]]:
        accepted: list[tuple[bytes, str, Accepted]] = []
        for event in events:
            found = self._accept(room_id, event)
            if found is not None:
                payload = json.dumps({"room_id": room_id, "event": event.source}).encode()
                accepted.append((payload, event.event_id, found))
        return accepted

    def _take(self, item: Accepted) -> None:
        if isinstance(item, StaffItem):
            assert self._staff is not None
            self._staff.queue.put_nowait(item)  # served in room order by the staff room
        else:
            self._submit(*item)

    async def _replay_pending(self) -> None:
        """Answer, first and in arrival order, what the last run left unanswered."""
        for pending in await self.intake.pending(self.name):
            saved = json.loads(pending.payload)
            event = Event.parse_event(saved["event"])
            found = self._accept(saved["room_id"], event) if event is not None else None
            if found is None:  # the room is gone or the bot left it: nothing to answer
                await self.intake.done(self.name, pending.event_id)
                continue
            self._take(found)

    async def _backfill(self, room_id: str, start: str, since: str) -> list[Any]:
        """Events of a gap longer than the sync's timeline limit, oldest first."""
        events: list[Any] = []
        token: str | None = start
        for _ in range(BACKFILL_PAGES):
            answer = await self.client.room_messages(room_id, start=token, end=since, limit=100)
            chunk = getattr(answer, "chunk", None)
            if not chunk:
                break
            events = list(reversed(chunk)) + events
            token = answer.end
            if token is None:
                break
        log.info("matrix: back-filled %d event(s) missed in a long gap", len(events))
        return events

    async def _on_invite(self, room_id: str, invite_state: list[Any]) -> None:
        inviter = None
        aliases: list[str] = []
        for event in invite_state:
            if (
                isinstance(event, InviteMemberEvent)
                and event.state_key == self.client.user_id
                and event.membership == "invite"
            ):
                inviter = event.sender
            alias = getattr(event, "canonical_alias", None)
            if isinstance(alias, str):
                aliases.append(alias)
        allowed = (
            inviter is not None
            and matches_any(inviter, self.settings.allowed_users)
            and room_allowed(room_id, aliases, self.settings.allowed_rooms)
        )
        who = self._hash(inviter or "")
        if allowed:
            answer = await self.client.join(room_id)
            log.info("matrix: joined a room on an invite from %s: %s", who, type(answer).__name__)
        else:
            answer = await self.client.room_leave(room_id)
            log.info("matrix: rejected an invite from %s: %s", who, type(answer).__name__)

    # -- dispatch ----------------------------------------------------------------------

    def _accept(self, room_id: str, event: Any) -> Accepted | None:
        """What to do with ``event``: a message to answer, a staff room item for the desk,
        or None when the bot stays silent."""
        client = self.client
        if isinstance(event, MegolmEvent):
            if client.olm is None:
                log.warning("matrix: an encrypted message arrived but e2ee is off")
            elif self._pending.add(room_id, event):
                self._spawn(client.request_room_key(event), name="matrix-key-request")
            return None
        if not isinstance(event, RoomMessage) or isinstance(event, RoomMessageNotice):
            return None  # notices are how bots talk: answering them could loop
        room = client.rooms.get(room_id)
        if event.sender == client.user_id or room is None:
            return None
        if not room_allowed(room_id, self._aliases(room), self.settings.allowed_rooms):
            return None
        content: dict[str, Any] = event.source.get("content", {})
        if is_edit(content):
            return None
        if self._staff is not None and room_id == self._staff.room_id:
            if isinstance(event, RoomMessageText):
                target = addressed(
                    content,
                    self._identity,
                    direct=False,  # however few members it has, the staff room is no DM
                    prefix=self.settings.command_prefix,
                    commands=self.service.commands.names(),
                )
                return StaffItem(room, event, target)
            return None
        if not self._allowed(event.sender):
            return None
        direct = room.member_count == 2
        message: IncomingMessage | None = None
        if isinstance(event, RoomMessageText):
            target = addressed(
                content,
                self._identity,
                direct=direct,
                prefix=self.settings.command_prefix,
                commands=self.service.commands.names(),
            )
            if target is not None:
                message = self._translate(room, event, target, direct)
        elif isinstance(event, RoomMessageMedia) and direct:
            # The content is never read: only that a file or an image came.
            message = self._translate(room, event, Addressed(""), direct, media="file")
        if message is None:
            return None
        return message, RoomOrigin(room, event)

    def _submit(self, message: IncomingMessage, origin: RoomOrigin) -> None:
        self.submit(message, origin, functools.partial(self._answered, origin, time.perf_counter()))

    @staticmethod
    def _translate(
        room: MatrixRoom,
        event: RoomMessage,
        target: Addressed,
        direct: bool,
        media: str | None = None,
    ) -> IncomingMessage:
        command = None
        if target.command is not None:
            # Help texts name the commands as people type them here: "!forget".
            command = Command(target.command, target.args, prefix=COMMAND_PREFIX)
        return IncomingMessage(
            platform="matrix",
            chat_id=room.room_id,
            user_id=event.sender,
            text=target.text,
            message_id=event.event_id,
            is_private=direct,
            command=command,
            media=media,
            command_prefix=COMMAND_PREFIX,
        )

    @staticmethod
    def _aliases(room: MatrixRoom) -> list[str]:
        return [
            alias for alias in (room.canonical_alias, *getattr(room, "alt_aliases", [])) if alias
        ]

    def _spawn(self, coro: Coroutine[Any, Any, Any], *, name: str) -> asyncio.Task[Any]:
        task = asyncio.create_task(coro, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    def _hash(self, user_id: str) -> str:
        return self.service.user_hash("matrix", user_id) or "-"

    def _allowed(self, sender: str) -> bool:
        """Only ``allowed_users`` are answered: joining an allowed room must not make an
        outsider a user of the bot (the staff room's desk reads power levels itself)."""
        if matches_any(sender, self.settings.allowed_users):
            return True
        log.debug("matrix: ignored a message from %s (not allowed)", self._hash(sender))
        return False

    async def _answered(self, origin: RoomOrigin, started: float, response: Response) -> None:
        """The dispatcher's delivery of one message's response: send, receipt, intake."""
        sender = self._sender
        assert sender is not None
        event = origin.event
        try:
            await self.respond(origin, response)
            # After the reply: a receipt wakes the staff's sync, which would delay it.
            receipt = sender.read_receipt(origin.room.room_id, event.event_id)
            self._spawn(receipt, name="matrix-receipt")
            log.debug(
                "matrix: answered user=%s in %.0f ms",
                self._hash(event.sender),
                (time.perf_counter() - started) * 1000,
            )
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # one message must never stop the adapter
            log.error("matrix: sending a reply failed: %s", type(exc).__name__)
        # Not reached when cancelled at stop: the message stays pending in the intake and
        # the next start answers it.
        await self.intake.done(self.name, event.event_id)

    async def _staff_usual_path(self, item: StaffItem) -> None:
        """A staff room message the desk did not take (``!ask``, ``!stats``)."""
        assert item.target is not None
        if not self._allowed(item.event.sender):
            await self.intake.done(self.name, item.event.event_id)
            return
        question = self._translate(item.room, item.event, item.target, direct=False)
        self._submit(question, RoomOrigin(item.room, item.event))

    async def _staff_done(self, item: StaffItem) -> None:
        await self.intake.done(self.name, item.event.event_id)

    def typing(self, origin: RoomOrigin) -> AbstractAsyncContextManager[None]:
        assert self._sender is not None
        return self._sender.typing(origin.room.room_id)

    async def send(self, origin: RoomOrigin, response: Response) -> bool:
        assert self._sender is not None
        return await self._sender.send_response(origin.room, origin.event, response)

    async def _deliver(self, chat_id: str, response: Response, key: str | None) -> Delivery:
        if self._sender is None or self._client is None:
            return Delivery.FAILED
        room = self.client.rooms.get(chat_id)
        if room is None or room.member_count < 2:
            return Delivery.REFUSED  # the patient left the direct room (or it is gone)
        return await self._sender.deliver(room, response.reply.text, key)
