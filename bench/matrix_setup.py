"""The Matrix benches' shared set-up (bench/matrix.py, bench/handoff.py).

A real Synapse on 127.0.0.1 (tests/synapse_server.py) in a fresh folder, the bot's
configuration against it (LLM off, rate limits out of the way), a staff member (a matrix-nio
client) and the baseline: a plain nio bot that echoes each text message, already joined to a
direct room with the staff member. What a bench starts on top goes on ``closers``; on exit
they are closed in reverse order, then Synapse stops.
"""

from __future__ import annotations

import asyncio
import contextlib
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nio import AsyncClient, RoomMessageText, SyncResponse

from assistant.settings import RateLimitSettings
from bot.config import AppConfig, load_config
from tests.matrix_support import Staff, bot_config
from tests.synapse_server import RegisteredUser, SynapseServer

REPO = Path(__file__).resolve().parent.parent
#: high enough that no bench round waits on the bot's own rate limit
UNLIMITED = RateLimitSettings(per_minute=100_000, burst=100_000)


class EchoBot:
    """The baseline: joins on invite, answers each text message with an m.notice reply."""

    def __init__(self, url: str, user_id: str, token: str, device_id: str) -> None:
        self.client = AsyncClient(url, user_id)
        self.client.restore_login(user_id, device_id, token)
        self.task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        await self.client.sync(0)
        self.task = asyncio.create_task(self._loop())

    async def _loop(self) -> None:
        while True:
            response = await self.client.sync(30_000)
            if not isinstance(response, SyncResponse):
                continue
            for room_id in response.rooms.invite:
                await self.client.join(room_id)
            for room_id, info in response.rooms.join.items():
                for event in info.timeline.events:
                    if isinstance(event, RoomMessageText) and event.sender != self.client.user_id:
                        content = {
                            "msgtype": "m.notice",
                            "body": event.body,
                            "m.relates_to": {"m.in_reply_to": {"event_id": event.event_id}},
                        }
                        await self.client.room_send(room_id, "m.room.message", content)

    async def close(self) -> None:
        if self.task is not None:
            self.task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.task
        await self.client.close()


@dataclass
class MatrixBench:
    workdir: Path
    synapse: SynapseServer
    #: the bot's configuration against this Synapse, as ``bot_user``
    config: AppConfig
    bot_user: RegisteredUser
    staff: Staff
    echo_user: RegisteredUser
    #: the staff member's direct room with the echo bot, both joined
    echo_room: str
    closers: list[Callable[[], Awaitable[Any]]] = field(default_factory=list)


@contextlib.asynccontextmanager
async def matrix_bench(name: str) -> AsyncIterator[MatrixBench]:
    """Synapse, the bot's config, the staff member and the echo baseline for bench ``name``."""
    workdir = Path(tempfile.mkdtemp(prefix=f"healthbot-bench-{name}-"))
    synapse = SynapseServer(workdir / "synapse")
    synapse.start()
    closers: list[Callable[[], Awaitable[Any]]] = []
    try:
        base = load_config(
            REPO / "config.yaml",
            environ={
                "HEALTHBOT_LLM__ENABLED": "false",
                "HEALTHBOT_STORAGE__PATH": str(workdir / "bench.db"),
                "HEALTHBOT_PRIVACY__HASH_SALT": "bench",
            },
        )
        staff_user = synapse.register("staff-bench")
        bot_user = synapse.register("healthbot")
        echo_user = synapse.register("echo")
        config = bot_config(
            base, synapse, bot_user, workdir, sync_timeout_ms=30_000, rate_limit=UNLIMITED
        )
        staff = Staff(synapse, staff_user, None)
        await staff.start()
        closers.append(staff.close)
        echo = EchoBot(synapse.url, echo_user.user_id, echo_user.access_token, echo_user.device_id)
        await echo.start()
        closers.append(echo.close)
        echo_room = await staff.create_room([echo_user.user_id], direct=True)
        await staff.wait_membership(echo_room, echo_user.user_id, "join")
        yield MatrixBench(workdir, synapse, config, bot_user, staff, echo_user, echo_room, closers)
    finally:
        for close in reversed(closers):
            with contextlib.suppress(Exception):
                await close()
        synapse.stop()
