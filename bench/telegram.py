"""Telegram adapter overhead: update -> sendMessage through the Bot API emulator, against
the conversation service alone (``service.handle``) on the same messages, in one run.

    .venv/bin/python bench/telegram.py [--messages 200] [--users 16] [--emulator process|inline]

Both sides use the same real Assistant (Presidio, triage, rules; LLM off, so every question
is one the rules answer). Latency is measured one message at a time:

- baseline: ``await service.handle(message)``, everything but the platform;
- adapter: the emulator's clock from the moment the update is queued on the "server" until
  the bot's ``sendMessage`` arrives there (long poll, PTB, the dispatcher, the assistant, the send).
  The emulator runs in its own process, as Telegram would, so its work is not counted
  against the bot; the driver asks with one request that the emulator answers once the
  reply is in, so the bot's process does nothing but the bot while the clock runs.

The two alternate, and each sample starts on a settled process (the previous message fully
answered, the store's rows written), so neither side pays for the other's leftovers.

Throughput runs ``--users`` closed-loop users at once (each waits for its answer before
asking again). PTB's outgoing flood limit (30 messages/s, Telegram's own policy) is off
here, because it measures Telegram's rules rather than our overhead. Prints both sides and
the ratios; the target is an adapter/baseline ratio within 1.2x at p50.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import statistics
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# Replace (not prepend to) this script's folder on the path: this file's name would
# otherwise shadow the `telegram` package.
sys.path[0] = str(REPO)

import aiohttp  # noqa: E402

from adapters.telegram import TelegramAdapter  # noqa: E402
from assistant.conversation import ConversationService  # noqa: E402
from assistant.messages import IncomingMessage, Source  # noqa: E402
from assistant.storage import Store  # noqa: E402
from bench.timing import percentile  # noqa: E402
from bot.app import build_assistant  # noqa: E402
from bot.config import load_config  # noqa: E402
from tests.telegram_emulator import BotAPIEmulator  # noqa: E402
from tests.telegram_support import TOKEN, BotHarness  # noqa: E402

QUESTIONS = [
    "What are the symptoms of flu?",
    "How long does a cold usually last?",
    "How do I bring my temperature down?",
    "What can I take for a migraine?",
    "How can I sleep better at night?",
    "How much water should I drink each day?",
    "What is a normal blood pressure?",
    "How do I book an appointment?",
]


async def closed_loop(
    users: int, per_user: int, ask: Callable[[int, int], Awaitable[None]]
) -> float:
    """messages/s with ``users`` users each asking ``per_user`` questions in turn."""

    async def user(u: int) -> None:
        for n in range(per_user):
            await ask(u, n)

    started = time.perf_counter()
    await asyncio.gather(*(user(u) for u in range(users)))
    return users * per_user / (time.perf_counter() - started)


async def handle_once(service: ConversationService, chat: int, text: str) -> float:
    started = time.perf_counter()
    message = IncomingMessage("telegram", str(chat), str(chat), text)
    reply = (await service.handle(message)).reply
    assert reply.source is Source.RULE, reply.source
    return (time.perf_counter() - started) * 1000


class Driver:
    """Asks through the emulator's control plane: one request queues the message on the
    "server" and comes back once the bot's answer has arrived there."""

    def __init__(self, session: aiohttp.ClientSession, url: str) -> None:
        self.session = session
        self.url = url

    async def ask(self, chat: int, text: str) -> float:
        """update queued -> sendMessage received, in ms, both on the emulator's clock."""
        body = {"user_id": chat, "text": text}
        async with self.session.post(f"{self.url}/_emulator/ask", json=body) as r:
            r.raise_for_status()
            times = await r.json()
        return float(times["sent_at"] - times["queued_at"]) * 1000


async def paired_latencies(
    service: ConversationService, adapter: TelegramAdapter, driver: Driver, count: int
) -> tuple[list[float], list[float]]:
    """One message at a time, alternating baseline and adapter so that both see the same
    machine load (other processes on a shared machine come and go)."""
    base, through = [], []
    for n in range(count):
        text = QUESTIONS[n % len(QUESTIONS)]
        await settle(service, adapter)
        base.append(await handle_once(service, 1, text))
        await settle(service, adapter)
        through.append(await driver.ask(2, text))
    return base, through


async def settle(service: ConversationService, adapter: TelegramAdapter) -> None:
    """Start each sample on a quiet process, so that neither side pays for the other's
    leftovers: the adapter has finished its last message (the sendMessage answer is read
    after the emulator has stopped the clock) and the store has written its rows (it
    writes behind)."""
    await adapter.dispatcher.drain(10)
    if service.assistant.store is not None:
        await service.assistant.store.flush()


async def throughputs(
    service: ConversationService, driver: Driver, count: int, users: int
) -> tuple[float, float]:
    per_user = max(1, count // users)

    async def direct(u: int, n: int) -> None:
        await handle_once(service, 10 + u, QUESTIONS[n % len(QUESTIONS)])

    async def via_telegram(u: int, n: int) -> None:
        await driver.ask(1000 + u, QUESTIONS[n % len(QUESTIONS)])

    return (
        await closed_loop(users, per_user, direct),
        await closed_loop(users, per_user, via_telegram),
    )


@contextlib.asynccontextmanager
async def emulator_at(where: str) -> AsyncIterator[str]:
    """The Bot API emulator's URL. "process" (default) gives "Telegram" its own process, as
    in production; "inline" runs it in the bot's event loop (no process hops, but its work
    is then counted against the bot)."""
    if where == "inline":
        emulator = BotAPIEmulator(TOKEN)
        await emulator.start()
        try:
            yield f"http://127.0.0.1:{emulator.port}"
        finally:
            await emulator.close()
        return
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.telegram_emulator", TOKEN, cwd=REPO,
        stdout=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        port = int((await asyncio.wait_for(process.stdout.readline(), 60)).decode())
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        await process.wait()


def row(name: str, latencies: list[float], rate: float) -> str:
    p50, p95 = percentile(latencies, 50), percentile(latencies, 95)
    return f"{name:<22} {p50:>9.2f} {p95:>9.2f} {statistics.fmean(latencies):>9.2f} {rate:>10.1f}"


async def main(args: argparse.Namespace) -> None:
    logging.basicConfig(level=logging.WARNING)
    os.environ["TELEGRAM_BOT_TOKEN"] = TOKEN
    with tempfile.TemporaryDirectory() as tmp:
        config = load_config(
            REPO / "config.yaml",
            environ={
                "HEALTHBOT_LLM__ENABLED": "false",
                "HEALTHBOT_STORAGE__PATH": str(Path(tmp) / "bench.db"),
                "HEALTHBOT_PRIVACY__HASH_SALT": "bench",
            },
        )
        store = Store(config.storage.path)
        await store.open()
        assistant = await build_assistant(config, store=store, with_llm=False)
        async with emulator_at(args.emulator) as url, aiohttp.ClientSession() as session:
            tg = config.adapters.telegram
            tg.base_url, tg.base_file_url = f"{url}/bot", f"{url}/file/bot"
            tg.flood_overall_per_s = 0
            tg.rate_limit.per_minute, tg.rate_limit.burst = 60_000, 10_000
            harness = BotHarness(config, assistant)
            adapter: TelegramAdapter = await harness.start()
            service = harness.service
            assert service is not None
            driver = Driver(session, url)
            try:
                for n in range(args.warmup):  # spaCy, the thread pool, HTTP connections
                    question = QUESTIONS[n % len(QUESTIONS)]
                    await service.handle(IncomingMessage("telegram", "0", "0", question))
                    await driver.ask(3, question)
                base_lat, tg_lat = await paired_latencies(service, adapter, driver, args.messages)
                base_rate, tg_rate = await throughputs(service, driver, args.messages, args.users)
            finally:
                await harness.stop(adapter)
        await store.close()

    print(f"Telegram adapter benchmark: {args.messages} messages one at a time, then "
          f"{args.users} concurrent users; rules path, LLM off; emulator: {args.emulator}")  # fmt: skip
    print(f"{'':<22} {'p50 ms':>9} {'p95 ms':>9} {'mean ms':>9} {'msgs/s':>10}")
    print(row("service.handle", base_lat, base_rate))
    print(row("update -> sendMessage", tg_lat, tg_rate))
    p50_ratio = percentile(tg_lat, 50) / percentile(base_lat, 50)
    p95_ratio = percentile(tg_lat, 95) / percentile(base_lat, 95)
    print(f"ratio adapter/baseline: p50 {p50_ratio:.2f}x, p95 {p95_ratio:.2f}x, "
          f"throughput {tg_rate / base_rate:.2f}x (target: p50 within 1.2x)")  # fmt: skip


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--messages", type=int, default=200)
    parser.add_argument("--users", type=int, default=16)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--emulator", choices=("process", "inline"), default="process")
    asyncio.run(main(parser.parse_args()))
