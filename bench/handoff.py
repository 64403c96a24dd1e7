"""The handoff's relays against a plain nio round trip on the same Synapse, in one run.

    .venv/bin/python bench/handoff.py [--rounds 40] [--warmup 5]

Starts a real Synapse on 127.0.0.1 (tests/synapse_server.py; the set-up shared with
bench/matrix.py is in bench/matrix_setup.py), the Telegram Bot API emulator
(tests/telegram_emulator.py), the whole app (``bot.app.App``: Telegram and Matrix adapters,
the handoff; LLM off) and a staff member (a matrix-nio client). A patient on Telegram opens a
case; then each round times, in turn:

- staff reply -> patient: the staff member's thread reply is sent until the emulator receives
  the bot's sendMessage to the patient (the bot's sync, the desk, the outbox, PTB);
- patient message -> thread post: the patient's update is queued at the emulator until the
  staff member's sync sees the bot's post in the case's thread (PTB's long poll, anonymizing,
  the outbox, the Matrix send, the staff's sync);
- the baseline, a plain nio round trip: the staff member sends to a nio echo bot in a direct
  room until its sync sees the echo's reply (two syncs, one send each way).

Prints p50/p95 of each and each relay's ratio to the baseline (the target: within 2x).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
# The repository, not bench/, first: bench/telegram.py would shadow python-telegram-bot.
sys.path[0] = str(REPO)

from nio import Event  # noqa: E402

from bench.matrix_setup import UNLIMITED, matrix_bench  # noqa: E402
from bench.timing import percentile  # noqa: E402
from bot.app import App  # noqa: E402
from tests.matrix_support import content_of  # noqa: E402
from tests.telegram_emulator import BotAPIEmulator  # noqa: E402
from tests.telegram_support import TOKEN, telegram_config  # noqa: E402

PATIENT = 4242
QUESTION = "Which knee brace is best for skiing?"


async def wait_texts(emulator: BotAPIEmulator, count: int) -> None:
    await emulator.wait_until(lambda: len(emulator.texts_to(PATIENT)) >= count, 60)


async def main(args: argparse.Namespace) -> int:
    logging.disable(logging.INFO)  # the app's log lines are not what is measured
    async with matrix_bench("handoff") as bench:
        staff, bot_user, echo_user = bench.staff, bench.bot_user, bench.echo_user
        echo_room = bench.echo_room
        emulator = BotAPIEmulator(TOKEN)
        await emulator.start()
        bench.closers.append(emulator.close)
        room = await staff.create_room([bot_user.user_id])

        config = telegram_config(bench.config, emulator)
        config.adapters.telegram.rate_limit = UNLIMITED
        config.handoff = config.handoff.model_copy(update={"matrix_room": room})
        os.environ["TELEGRAM_BOT_TOKEN"] = TOKEN
        os.environ["MATRIX_PASSWORD"] = bot_user.password
        app = await App.create(config, ["telegram", "matrix"])
        await app.start()
        bench.closers.append(app.stop)
        await staff.wait_membership(room, bot_user.user_id, "join")

        # The patient opens a case.
        emulator.send_text(PATIENT, f"/human {QUESTION}")
        await wait_texts(emulator, 1)
        emulator.send_text(PATIENT, "yes")
        await wait_texts(emulator, 2)

        def bot_post(starts: str) -> Any:
            def found(room_id: str, event: Event) -> bool:
                body = content_of(event).get("body", "")
                return (
                    room_id == room
                    and event.sender == bot_user.user_id
                    and isinstance(body, str)
                    and starts in body
                )

            return found

        root = (await staff.wait_for(bot_post("Case #1")))[0][1].event_id

        relay: list[float] = []
        post: list[float] = []
        baseline: list[float] = []
        for n in range(args.warmup + args.rounds):
            # staff reply -> the patient's chat
            count = len(emulator.texts_to(PATIENT))
            started = time.perf_counter()
            await staff.send(room, f"Reply {n}: a hinged brace.", thread_root=root)
            await wait_texts(emulator, count + 1)
            sent = [s for s in emulator.sent if s.chat_id == PATIENT and s.method == "sendMessage"]
            arrived = sent[count].at
            relay_ms = (arrived - started) * 1000

            # patient message -> the case's thread
            count = len(emulator.texts_to(PATIENT))
            started = time.perf_counter()
            emulator.send_text(PATIENT, f"Follow-up {n}")
            await staff.wait_for(bot_post(f"Follow-up {n}"))
            post_ms = (time.perf_counter() - started) * 1000
            await wait_texts(emulator, count + 1)  # the patient's acknowledgement

            # a plain nio round trip
            started = time.perf_counter()
            asked = await staff.send(echo_room, f"ping {n}")
            await staff.wait_reply(asked, echo_user.user_id, within_s=30)
            echo_ms = (time.perf_counter() - started) * 1000

            if n >= args.warmup:
                relay.append(relay_ms)
                post.append(post_ms)
                baseline.append(echo_ms)

        clinic = [t for t in emulator.texts_to(PATIENT) if t.startswith("From the clinic team")]
        assert len(clinic) == args.warmup + args.rounds, "each staff reply once"
        print(f"rounds: {args.rounds} (after {args.warmup} warm-up); staff replies relayed: "
              f"{len(clinic)}, each once")  # fmt: skip
        print(f"{'':34} {'p50 ms':>8} {'p95 ms':>8} {'mean ms':>8}")
        rows = (
            ("staff reply -> patient (Telegram)", relay),
            ("patient message -> thread post", post),
            ("nio round trip (baseline)", baseline),
        )
        for name, values in rows:
            p50, p95 = percentile(values, 50), percentile(values, 95)
            print(f"{name:34} {p50:8.1f} {p95:8.1f} {statistics.fmean(values):8.1f}")
        ok = True
        for name, values in rows[:2]:
            r50 = percentile(values, 50) / percentile(baseline, 50)
            r95 = percentile(values, 95) / percentile(baseline, 95)
            ok = ok and r50 <= 2 and r95 <= 2
            print(f"ratio {name} / nio: p50 {r50:.2f}x, p95 {r95:.2f}x")
        print(f"within 2x of the nio round trip at p50 and p95: {'yes' if ok else 'NO'}")
        return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--warmup", type=int, default=5)
    sys.exit(asyncio.run(main(parser.parse_args())))
