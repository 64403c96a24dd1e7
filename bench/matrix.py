"""Matrix round trip: healthbot on the rules path against a plain nio echo bot, one run.

    .venv/bin/python bench/matrix.py [--rounds 60] [--warmup 5]

Starts a real Synapse on 127.0.0.1 (installed into its own venv on first use, see
tests/synapse_server.py), a staff member (a matrix-nio client) and, as the baseline, a nio
client that answers every text message with an m.notice reply at once (bench/matrix_setup.py,
shared with bench/handoff.py); then the real MatrixAdapter with a real Assistant (Presidio,
triage, rules; LLM off). Each round the staff member sends one question to each bot in its
direct room (alternating which goes first) and times send -> reply seen in the staff's own
sync. Prints p50/p95 for both and the ratio.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from adapters.base import AdapterContext  # noqa: E402
from adapters.matrix import MatrixAdapter  # noqa: E402
from assistant.storage import Store  # noqa: E402
from bench.matrix_setup import matrix_bench  # noqa: E402
from bench.timing import percentile  # noqa: E402
from bot.app import build_assistant, build_service  # noqa: E402
from tests.matrix_support import Staff  # noqa: E402

QUESTIONS = [
    "What are the symptoms of flu?",
    "How much water should I drink each day?",
    "What is a normal blood pressure?",
    "How can I get rid of a headache?",
    "How do I book an appointment?",
]


async def round_trip(staff: Staff, room: str, bot_id: str, text: str) -> float:
    started = time.perf_counter()
    event_id = await staff.send(room, text)
    await staff.wait_reply(event_id, bot_id, within_s=30)
    return (time.perf_counter() - started) * 1000


async def main(args: argparse.Namespace) -> int:
    async with matrix_bench("matrix") as bench:
        config, staff = bench.config, bench.staff
        bot_id, echo_id = bench.bot_user.user_id, bench.echo_user.user_id
        store = Store(config.storage.path)
        await store.open()
        bench.closers.append(store.close)
        assistant = await build_assistant(config, store=store, with_llm=False)
        context = AdapterContext(
            service=build_service(config, assistant),
            settings=config.adapters.get("matrix"),
            store=store,
            request_shutdown=lambda: None,
        )
        adapter = MatrixAdapter(context, environ={"MATRIX_PASSWORD": bench.bot_user.password})
        await adapter.start()
        bench.closers.append(adapter.stop)
        rooms = {bot_id: await staff.create_room([bot_id], direct=True), echo_id: bench.echo_room}
        await staff.wait_membership(rooms[bot_id], bot_id, "join")

        times: dict[str, list[float]] = {bot_id: [], echo_id: []}
        order = [bot_id, echo_id]
        for n in range(args.warmup + args.rounds):
            text = QUESTIONS[n % len(QUESTIONS)]
            for user_id in order if n % 2 == 0 else reversed(order):
                elapsed = await round_trip(staff, rooms[user_id], user_id, text)
                if n >= args.warmup:
                    times[user_id].append(elapsed)

        await store.flush()
        async with store.db.execute("SELECT source, COUNT(*) FROM messages GROUP BY source") as cur:
            sources = {str(row[0]): int(row[1]) for row in await cur.fetchall()}
        project, baseline = times[bot_id], times[echo_id]
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


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=60)
    parser.add_argument("--warmup", type=int, default=5)
    sys.exit(asyncio.run(main(parser.parse_args())))
