"""Helpers for the Matrix tests and benchmark: staff played by plain matrix-nio clients, and
a runner that starts and restarts the real adapter against the test Synapse."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nio import (
    AsyncClient,
    AsyncClientConfig,
    Event,
    MegolmEvent,
    ReceiptEvent,
    RoomCreateResponse,
    RoomMemberEvent,
    RoomSendResponse,
    SyncResponse,
    TypingNoticeEvent,
)

from adapters.base import AdapterContext
from adapters.matrix import MatrixAdapter
from adapters.matrix_crypto import crypto_housekeeping
from assistant.intake import Intake, derive_key
from assistant.llm.base import LLMBackend
from assistant.pipeline import Assistant
from assistant.settings import RateLimitSettings
from bot.app import build_service
from bot.config import AppConfig
from tests.synapse_server import RegisteredUser, SynapseServer

WAIT_S = 60.0  # generous: two busy cores and a homeserver restart


class Staff:
    """A person in the clinic's rooms: a plain nio client that records what it sees."""

    def __init__(self, server: SynapseServer, user: RegisteredUser, store: Path | None) -> None:
        config = AsyncClientConfig(
            max_timeouts=3,
            backoff_factor=0.1,
            max_timeout_retry_wait_time=1,
            encryption_enabled=store is not None,
            store_sync_tokens=False,
        )
        if store is not None:
            store.mkdir(parents=True, exist_ok=True)
        self.user = user
        self.client = AsyncClient(
            server.url, user.user_id, store_path=str(store or ""), config=config
        )
        self.client.restore_login(user.user_id, user.device_id, user.access_token)
        self.events: list[tuple[str, Event]] = []
        #: users seen typing, and (user, event id) read receipts, from the ephemeral stream
        self.typing: set[str] = set()
        self.receipts: set[tuple[str, str]] = set()
        self._changed = asyncio.Condition()
        self._task: asyncio.Task[None] | None = None

    @property
    def user_id(self) -> str:
        return self.user.user_id

    async def start(self) -> None:
        if self.client.olm is not None and self.client.should_upload_keys:
            await self.client.keys_upload()
        first = await self.client.sync(0, full_state=True)
        assert isinstance(first, SyncResponse), first
        self._task = asyncio.create_task(self._sync_forever())

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        await self.client.close()

    async def _sync_forever(self) -> None:
        client = self.client
        while True:
            try:
                response = await client.sync(5_000)
                await crypto_housekeeping(client)
            except Exception:  # the homeserver may be restarting: try again shortly
                await asyncio.sleep(0.3)
                continue
            if not isinstance(response, SyncResponse):
                await asyncio.sleep(0.3)
                continue
            async with self._changed:
                for room_id, info in response.rooms.join.items():
                    self.events.extend((room_id, event) for event in info.timeline.events)
                    for event in info.ephemeral:
                        if isinstance(event, TypingNoticeEvent):
                            self.typing.update(event.users)
                        elif isinstance(event, ReceiptEvent):
                            self.receipts.update((r.user_id, r.event_id) for r in event.receipts)
                self._changed.notify_all()

    async def wait_until(self, condition: Callable[[], bool], within_s: float = WAIT_S) -> None:
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(condition), within_s)

    async def wait_for(
        self, predicate: Callable[[str, Event], bool], count: int = 1, within_s: float = WAIT_S
    ) -> list[tuple[str, Event]]:
        """Wait until ``count`` recorded events match; returns them (all that match)."""

        def matching() -> list[tuple[str, Event]]:
            return [(room, ev) for room, ev in self.events if predicate(room, ev)]

        async with self._changed:
            await asyncio.wait_for(
                self._changed.wait_for(lambda: len(matching()) >= count), within_s
            )
        return matching()

    async def create_room(
        self, invite: list[str], *, direct: bool = False, encrypted: bool = False
    ) -> str:
        initial_state: list[dict[str, Any]] = []
        if encrypted:
            initial_state.append(
                {
                    "type": "m.room.encryption",
                    "state_key": "",
                    "content": {"algorithm": "m.megolm.v1.aes-sha2"},
                }
            )
        answer = await self.client.room_create(
            invite=invite, is_direct=direct, initial_state=initial_state
        )
        assert isinstance(answer, RoomCreateResponse), answer
        return answer.room_id

    async def invite_and_wait_join(self, room_id: str, user_id: str) -> None:
        await self.client.room_invite(room_id, user_id)
        await self.wait_membership(room_id, user_id, "join")

    async def wait_membership(self, room_id: str, user_id: str, membership: str) -> None:
        def is_it(room: str, event: Event) -> bool:
            return (
                room == room_id
                and isinstance(event, RoomMemberEvent)
                and event.state_key == user_id
                and event.membership == membership
            )

        await self.wait_for(is_it)

    async def send(
        self,
        room_id: str,
        body: str,
        *,
        mentions: list[str] | None = None,
        thread_root: str | None = None,
        msgtype: str = "m.text",
        extra: dict[str, Any] | None = None,
    ) -> str:
        content: dict[str, Any] = {"msgtype": msgtype, "body": body, **(extra or {})}
        if mentions is not None:
            content["m.mentions"] = {"user_ids": mentions}
        if thread_root is not None:
            content["m.relates_to"] = {"rel_type": "m.thread", "event_id": thread_root}
        answer = await self.client.room_send(
            room_id, "m.room.message", content, ignore_unverified_devices=True
        )
        assert isinstance(answer, RoomSendResponse), answer
        return answer.event_id

    def replies_to(self, event_id: str, sender: str | None = None) -> list[Event]:
        return [ev for _, ev in self.events if _reply_target(ev) == event_id and _from(ev, sender)]

    async def wait_reply(self, event_id: str, sender: str, within_s: float = WAIT_S) -> Event:
        found = await self.wait_for(
            lambda _room, ev: _reply_target(ev) == event_id and _from(ev, sender),
            within_s=within_s,
        )
        return found[0][1]

    def undecryptable(self) -> list[Event]:
        return [ev for _, ev in self.events if isinstance(ev, MegolmEvent)]


def _from(event: Event, sender: str | None) -> bool:
    return sender is None or event.sender == sender


def _reply_target(event: Event) -> str | None:
    relates = event.source.get("content", {}).get("m.relates_to", {})
    in_reply_to = relates.get("m.in_reply_to", {}) if isinstance(relates, dict) else {}
    target = in_reply_to.get("event_id") if isinstance(in_reply_to, dict) else None
    return target if isinstance(target, str) else None


def content_of(event: Event) -> dict[str, Any]:
    content: dict[str, Any] = event.source.get("content", {})
    return content


@dataclass
class BotRunner:
    """Starts the real MatrixAdapter with a real Assistant; restart = a fresh adapter, a fresh
    assistant and store connection, the same database and key store (a process restart)."""

    synapse: SynapseServer
    user: RegisteredUser
    config: AppConfig
    make_assistant: Callable[..., Awaitable[Assistant]]
    backend_factory: Callable[[], LLMBackend] | None = None
    #: the adapter's environment; by default MATRIX_PASSWORD (a login, kept in storage)
    environ: dict[str, str] | None = None
    adapter: MatrixAdapter | None = None
    assistant: Assistant | None = None

    @property
    def user_id(self) -> str:
        return self.user.user_id

    async def start(self) -> MatrixAdapter:
        backend = self.backend_factory() if self.backend_factory else None
        assistant = await self.make_assistant(config=self.config, backend=backend)
        context = AdapterContext(
            service=build_service(self.config, assistant),
            settings=self.config.adapters.get("matrix"),
            store=assistant.store,
            request_shutdown=lambda: None,
            intake=Intake(assistant.store, derive_key(b"tests-intake-secret")),
        )
        environ = (
            self.environ if self.environ is not None else {"MATRIX_PASSWORD": self.user.password}
        )
        adapter = MatrixAdapter(context, environ=environ)
        try:
            await adapter.start()
        except BaseException:
            await assistant.store.close() if assistant.store is not None else None
            raise
        self.adapter, self.assistant = adapter, assistant
        return adapter

    async def stop(self) -> None:
        if self.adapter is not None:
            await self.adapter.stop()
            self.adapter = None
        if self.assistant is not None and self.assistant.store is not None:
            await self.assistant.store.close()  # as a process exit would

    async def restart(self) -> MatrixAdapter:
        await self.stop()
        return await self.start()


def bot_config(
    base: AppConfig, synapse: SynapseServer, bot: RegisteredUser, tmp: Path, **matrix: Any
) -> AppConfig:
    """``base`` with the Matrix section pointed at the test homeserver."""
    settings = base.adapters.matrix.model_copy(
        update={
            "enabled": True,
            "homeserver": synapse.url,
            "user_id": bot.user_id,
            "allowed_users": ["@staff-*:localhost"],
            "store_dir": tmp / f"store-{bot.user_id[1:].split(':')[0]}",
            "sync_timeout_ms": 10_000,
            "max_timeouts": 2,  # notice a stopped homeserver within a second
            "shutdown_grace_s": 5.0,
            "rate_limit": RateLimitSettings(per_minute=600, burst=50),
            **matrix,
        }
    )
    adapters = base.adapters.model_copy(update={"matrix": settings})
    storage = base.storage.model_copy(update={"path": tmp / f"{bot.user_id[1:].split(':')[0]}.db"})
    return base.model_copy(update={"adapters": adapters, "storage": storage})


def unique(prefix: str) -> str:
    return f"{prefix}-{time.monotonic_ns() % 10**12}"


class World:
    """Per-test people and bots on the session's Synapse; ``close()`` stops them all."""

    def __init__(
        self,
        synapse: SynapseServer,
        base_config: AppConfig,
        make_assistant: Callable[..., Awaitable[Assistant]],
        tmp: Path,
    ) -> None:
        self.synapse = synapse
        self.base_config = base_config
        self.make_assistant = make_assistant
        self.tmp = tmp
        self.people: list[Staff] = []
        self.bots: list[BotRunner] = []

    async def person(self, prefix: str = "staff", *, e2e: bool = False) -> Staff:
        user = self.synapse.register(unique(prefix))
        store = self.tmp / f"keys-{user.user_id[1:].split(':')[0]}" if e2e else None
        staff = Staff(self.synapse, user, store)
        await staff.start()
        self.people.append(staff)
        return staff

    def bot_runner(
        self,
        *,
        config: AppConfig | None = None,
        backend_factory: Callable[[], LLMBackend] | None = None,
        **matrix: Any,
    ) -> BotRunner:
        user = self.synapse.register(unique("healthbot"))
        cfg = bot_config(config or self.base_config, self.synapse, user, self.tmp, **matrix)
        runner = BotRunner(self.synapse, user, cfg, self.make_assistant, backend_factory)
        self.bots.append(runner)
        return runner

    async def bot(self, **kwargs: Any) -> BotRunner:
        runner = self.bot_runner(**kwargs)
        await runner.start()
        return runner

    async def close(self) -> None:
        for runner in self.bots:
            await runner.stop()
        for staff in self.people:
            await staff.close()
