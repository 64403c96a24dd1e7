"""Emergency reply latency while the same user's LLM request is busy: the core's dispatcher
(emergencies preempt) against strict per-user order (the adapter-level FIFO healthbot had
before), side by side in one run.

    .venv/bin/python bench/preempt.py [--samples 5] [--llm hung|local|both] [--hung-timeout 10]

Each sample, on each side: the user asks a question that goes to the LLM; once that request
is busy (0.5 s later), the same user sends "crushing chest pain". The figure is the
emulator's clock from the emergency's update being queued to its sendMessage arriving
(real PTB against the Bot API emulator in this process, the real assistant: Presidio,
triage, rules, Store). Then both replies are awaited before the next sample.

LLMs:
- ``hung``: the real API backend against an HTTP server that accepts and never answers
  (a stuck OpenAI-compatible API); the request ends at ``--hung-timeout`` seconds.
- ``local``: the bundled SmolLM2 in process (llama.cpp), a normal answer of up to
  ``--max-tokens`` tokens.

Both sides share one assistant (one model) and alternate, so they never run at once.
Prints p50 and max per side and the ratio baseline/dispatcher.
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
from collections.abc import AsyncIterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# Replace (not prepend to) this script's folder on the path, as bench/telegram.py does.
sys.path[0] = str(REPO)

from adapters.base import AdapterContext  # noqa: E402
from adapters.telegram import TelegramAdapter  # noqa: E402
from assistant.conversation import Deliver, Dispatcher, Typing  # noqa: E402
from assistant.messages import IncomingMessage  # noqa: E402
from assistant.pipeline import Assistant  # noqa: E402
from assistant.storage import Store  # noqa: E402
from bot.app import build_assistant, build_service  # noqa: E402
from bot.config import AppConfig, load_config  # noqa: E402
from tests.llm_support import FaultServer  # noqa: E402
from tests.telegram_emulator import BotAPIEmulator  # noqa: E402
from tests.telegram_support import TOKEN  # noqa: E402

QUESTION = "Why do my fingers go white in the cold?"  # no rule or triage answers it
EMERGENCY = "I have crushing chest pain and I can't breathe"
BUSY_AFTER_S = 0.5


class StrictOrder(Dispatcher):
    """The baseline: every message waits its turn in the user's lane, emergencies too
    (adapters/telegram_flow.py's Lanes before issue 15)."""

    def submit(
        self, message: IncomingMessage, deliver: Deliver, typing: Typing | None = None
    ) -> None:
        async def job() -> None:
            shown = typing() if typing is not None else contextlib.nullcontext()
            async with shown:
                response = await self.service.handle(message)
            await deliver(response)

        self.lanes.submit(f"{message.platform}:{message.user_id}", job)


@contextlib.asynccontextmanager
async def side(
    config: AppConfig, assistant: Assistant, *, baseline: bool
) -> AsyncIterator[BotAPIEmulator]:
    """A Telegram bot on its own emulator; the baseline with strict per-user order."""
    emulator = BotAPIEmulator(TOKEN)
    await emulator.start()
    config = config.model_copy(deep=True)
    tg = config.adapters.telegram
    tg.base_url, tg.base_file_url = emulator.base_url, emulator.base_file_url
    tg.poll_timeout_s, tg.flood_overall_per_s = 2, 0
    tg.rate_limit.per_minute, tg.rate_limit.burst = 60_000, 10_000
    service = build_service(config, assistant)
    context = AdapterContext(service, tg, assistant.store, lambda: None)
    adapter = TelegramAdapter(context)
    if baseline:
        adapter.dispatcher = StrictOrder(
            service, max_concurrent=tg.max_concurrent_updates, name="fifo"
        )
    await adapter.start()
    try:
        yield emulator
    finally:
        await adapter.stop()
        await emulator.close()


async def sample(emulator: BotAPIEmulator, chat: int, wait_s: float) -> float:
    """Seconds from the emergency's update to its reply, with the question busy."""
    before = len(emulator.texts_to(chat))
    emulator.send_text(chat, QUESTION)
    await asyncio.sleep(BUSY_AFTER_S)
    if len(emulator.texts_to(chat)) != before:
        early = emulator.texts_to(chat)[before:]
        raise RuntimeError(f"the LLM answered before the emergency (raise --max-tokens): {early}")
    emergency = emulator.send_text(chat, EMERGENCY)
    await emulator.wait_until(lambda: len(emulator.texts_to(chat)) >= before + 2, wait_s)
    sent = [s for s in emulator.sent if s.chat_id == chat][before:]
    reply = next(s for s in sent if "call 999" in s.text)
    return reply.at - emulator.injected_at[emergency]


async def run_llm(
    kind: str, args: argparse.Namespace, tmp: Path
) -> tuple[list[float], list[float]]:
    fault = FaultServer()
    await fault.start()
    env = {
        "HEALTHBOT_STORAGE__PATH": str(tmp / f"{kind}.db"),
        "HEALTHBOT_PRIVACY__HASH_SALT": "bench",
        "HEALTHBOT_LLM__ENABLED": "true",
        "HEALTHBOT_LLM__MAX_TOKENS": str(args.max_tokens),
    }
    if kind == "hung":
        env |= {
            "HEALTHBOT_LLM__USE_API": "true",
            "HEALTHBOT_LLM__API_URL": fault.url("hang"),
            "HEALTHBOT_LLM__TIMEOUT_S": str(args.hung_timeout),
            "HEALTHBOT_LLM__API_RETRIES": "0",
            # every sample times out: the circuit breaker must not start answering for it
            "HEALTHBOT_LLM__CIRCUIT_FAILURES": "1000",
        }
    else:
        env |= {
            "HEALTHBOT_LLM__MODEL_NAME": "bundled:smollm2",
            "HEALTHBOT_LLM__ENGINE": "llama_cpp",
        }
    config = load_config(REPO / "config.yaml", environ=env)
    store = Store(config.storage.path)
    await store.open()
    assistant = await build_assistant(config, store=store)
    wait_s = args.hung_timeout + 30 if kind == "hung" else 120
    project: list[float] = []
    baseline: list[float] = []
    try:
        async with (
            side(config, assistant, baseline=False) as ours,
            side(config, assistant, baseline=True) as fifo,
        ):
            await sample(ours, 1, wait_s)  # warm-up: spaCy, threads, connections, the model
            for n in range(args.samples):
                project.append(await sample(ours, 10 + n, wait_s))
                baseline.append(await sample(fifo, 10 + n, wait_s))
    finally:
        if assistant.backend is not None:
            await assistant.backend.close()
        await store.close()
        await fault.stop()
    return project, baseline


def summary(name: str, values: list[float]) -> str:
    ms = [v * 1000 for v in values]
    return f"{name:<34} {statistics.median(ms):>10.0f} {max(ms):>10.0f}"


async def main(args: argparse.Namespace) -> None:
    logging.basicConfig(level=logging.ERROR)
    for handler in logging.getLogger().handlers:  # Presidio pins its own loggers at INFO
        handler.setLevel(logging.ERROR)
    os.environ["TELEGRAM_BOT_TOKEN"] = TOKEN
    kinds = ("hung", "local") if args.llm == "both" else (args.llm,)
    print(
        f"Emergency reply latency with the user's LLM request busy; {args.samples} samples a "
        f"side; Telegram via the Bot API emulator (hung API deadline {args.hung_timeout:.0f} s, "
        f"local answers up to {args.max_tokens} tokens)"
    )
    print(f"{'':<34} {'p50 ms':>10} {'max ms':>10}")
    with tempfile.TemporaryDirectory() as tmp:
        for kind in kinds:
            project, baseline = await run_llm(kind, args, Path(tmp))
            print(summary(f"{kind} LLM, dispatcher (preempts)", project))
            print(summary(f"{kind} LLM, strict per-user order", baseline))
            ratio = statistics.median(baseline) / statistics.median(project)
            print(f"{kind} LLM: strict order / dispatcher at p50 = {ratio:.0f}x")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--samples", type=int, default=5)
    parser.add_argument("--llm", choices=("hung", "local", "both"), default="both")
    parser.add_argument("--hung-timeout", type=float, default=10.0)
    parser.add_argument("--max-tokens", type=int, default=256)
    asyncio.run(main(parser.parse_args()))
