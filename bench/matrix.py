"""Matrix round trip: healthbot on the rules path against a plain nio echo bot, one run.

    .venv/bin/python bench/matrix.py [--rounds 60] [--warmup 5]

Starts a real Synapse on 127.0.0.1 (installed into its own venv on first use, see
tests/synapse_server.py), a staff member (a matrix-nio client), the real MatrixAdapter with
a real Assistant (Presidio, triage, rules; LLM off) and, as the baseline, a nio client that
answers every text message with an m.notice reply at once. Each round the staff member
sends one question to each bot in its direct room (alternating which goes first) and times
send -> reply seen in the staff's own sync. Prints p50/p95 for both and the ratio.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from nio import AsyncClient, RoomMessageText, SyncResponse  # noqa: E402

from adapters.base import AdapterContext  # noqa: E402
from adapters.matrix import MatrixAdapter  # noqa: E402
from assistant.settings import RateLimitSettings  # noqa: E402
from assistant.storage import Store  # noqa: E402
from bot.app import build_assistant, build_service  # noqa: E402
from bot.config import load_config  # noqa: E402
from tests.matrix_support import Staff, bot_config  # noqa: E402
from tests.synapse_server import SynapseServer  # noqa: E402

QUESTIONS = [
    "What are the symptoms of flu?",
    "How much water should I drink each day?",
    "What is a normal blood pressure?",
    "How can I get rid of a headache?",
    "How do I book an appointment?",
]


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


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


async def round_trip(staff: Staff, room: str, bot_id: str, text: str) -> float:
    started = time.perf_counter()
    event_id = await staff.send(room, text)
    await staff.wait_reply(event_id, bot_id, within_s=30)
    return (time.perf_counter() - started) * 1000


async def main(args: argparse.Namespace) -> int:
    workdir = Path(tempfile.mkdtemp(prefix="healthbot-bench-matrix-"))
    synapse = SynapseServer(workdir / "synapse")
    synapse.start()
    cleanup: list[Any] = []
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
        unlimited = RateLimitSettings(per_minute=100_000, burst=100_000)
        config = bot_config(
            base, synapse, bot_user, workdir, sync_timeout_ms=30_000, rate_limit=unlimited
        )
        store = Store(config.storage.path)
        await store.open()
        cleanup.append(store.close)
        assistant = await build_assistant(config, store=store, with_llm=False)
        context = AdapterContext(
            service=build_service(config, assistant),
            settings=config.adapters.get("matrix"),
            store=store,
            request_shutdown=lambda: None,
        )
        adapter = MatrixAdapter(context, environ={"MATRIX_PASSWORD": bot_user.password})
        await adapter.start()
        cleanup.append(adapter.stop)
        echo = EchoBot(synapse.url, echo_user.user_id, echo_user.access_token, echo_user.device_id)
        await echo.start()
        cleanup.append(echo.close)
        staff = Staff(synapse, staff_user, None)
        await staff.start()
        cleanup.append(staff.close)

        rooms = {}
        for bot_id in (bot_user.user_id, echo_user.user_id):
            rooms[bot_id] = await staff.create_room([bot_id], direct=True)
            await staff.wait_membership(rooms[bot_id], bot_id, "join")

        times: dict[str, list[float]] = {bot_user.user_id: [], echo_user.user_id: []}
        order = [bot_user.user_id, echo_user.user_id]
        for n in range(args.warmup + args.rounds):
            text = QUESTIONS[n % len(QUESTIONS)]
            for bot_id in order if n % 2 == 0 else reversed(order):
                elapsed = await round_trip(staff, rooms[bot_id], bot_id, text)
                if n >= args.warmup:
                    times[bot_id].append(elapsed)

        await store.flush()
        async with store.db.execute("SELECT source, COUNT(*) FROM messages GROUP BY source") as cur:
            sources = {str(row[0]): int(row[1]) for row in await cur.fetchall()}
        project, baseline = times[bot_user.user_id], times[echo_user.user_id]
        print(f"rounds: {args.rounds} (after {args.warmup} warm-up), answers by source: {sources}")
        print(f"{'':22} {'p50 ms':>8} {'p95 ms':>8} {'mean ms':>8}")
        for name, values in (("healthbot (rules)", project), ("nio echo baseline", baseline)):
            p50, p95 = percentile(values, 50), percentile(values, 95)
            print(f"{name:22} {p50:8.1f} {p95:8.1f} {statistics.fmean(values):8.1f}")
        print(
            f"ratio healthbot/echo: p50 {percentile(project, 50) / percentile(baseline, 50):.2f}x, "
            f"p95 {percentile(project, 95) / percentile(baseline, 95):.2f}x"
        )
        return 0
    finally:
        for close in reversed(cleanup):
            with contextlib.suppress(Exception):
                await close()
        synapse.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=60)
    parser.add_argument("--warmup", type=int, default=5)
    sys.exit(asyncio.run(main(parser.parse_args())))
