"""What the at-least-once intake costs per message, against answering it on the rules path.

    .venv/bin/python bench/intake.py [--messages 300] [--batch 1]

Both run in one process on the same SQLite file, interleaved message by message:

- project: the intake's work for one message: ``Intake.receive`` (seal with AES-GCM, insert,
  commit; ``--batch`` updates share one commit, as one ``getUpdates`` batch does) and
  ``Intake.done`` (clear the payload, commit), with the payload a Telegram update's JSON;
- baseline: ``ConversationService.handle`` for the same question on the rules path (Presidio,
  triage, embedding, rules, the stored row, the disclaimer), as every adapter calls it.

Prints the median and p95 of each per message and the ratio of the medians.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.intake import Intake, derive_key
from assistant.messages import IncomingMessage
from assistant.storage import Store
from bot.app import build_assistant, build_service
from bot.config import load_config

REPO = Path(__file__).resolve().parent.parent
QUESTIONS = (
    "what are the symptoms of flu",
    "how long does a cold last",
    "how do i bring my temperature down",
    "what can I take for a migraine",
    "how can I sleep better at night",
)


def update_json(update_id: int, user: int, text: str) -> bytes:
    """A private text update as Telegram sends it (what the adapter seals)."""
    chat = {"id": user, "type": "private", "first_name": "Pat"}
    message = {"message_id": update_id, "date": int(time.time()), "chat": chat,
               "from": {"id": user, "is_bot": False, "first_name": "Pat"}, "text": text}  # fmt: skip
    return json.dumps({"update_id": update_id, "message": message}).encode()


def summary(name: str, values_ms: list[float]) -> float:
    ordered = sorted(values_ms)
    median = statistics.median(ordered)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    print(f"{name:<44} median {median:8.3f} ms   p95 {p95:8.3f} ms   n={len(ordered)}")
    return median


async def main(messages: int, batch: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        config = load_config(REPO / "config.yaml", environ={})
        config.llm.enabled = False
        limit = config.adapters.telegram.rate_limit  # the bench measures answers, not refusals
        limit.per_minute, limit.burst = 1_000_000, 1_000_000
        store = Store(Path(folder) / "bench.db")
        await store.open()
        try:
            service = build_service(config, await build_assistant(config, store=store))
            intake = Intake(store, derive_key(b"bench secret"))
            intake_ms: list[float] = []
            handle_ms: list[float] = []
            for warm in range(5):  # spaCy, the embedder and SQLite warm up
                text = QUESTIONS[warm % len(QUESTIONS)]
                await service.handle(IncomingMessage("telegram", "1", "1", text))
            for start in range(0, messages, batch):
                ids = range(start, min(start + batch, messages))
                events = [
                    (str(i), update_json(i, 1000 + i % 10, QUESTIONS[i % len(QUESTIONS)]))
                    for i in ids
                ]
                began = time.perf_counter()
                await intake.receive("telegram", events)
                for event_id, _ in events:
                    await intake.done("telegram", event_id)
                intake_ms.append((time.perf_counter() - began) * 1000 / len(events))
                for i in ids:
                    message = IncomingMessage(
                        "telegram", str(1000 + i % 10), str(1000 + i % 10),
                        QUESTIONS[i % len(QUESTIONS)],
                    )  # fmt: skip
                    began = time.perf_counter()
                    await service.handle(message)
                    handle_ms.append((time.perf_counter() - began) * 1000)
            await store.flush()
        finally:
            await store.close()
    print(f"{messages} messages, intake batches of {batch}, rules path, one process\n")
    project = summary("intake write per message (receive + done)", intake_ms)
    baseline = summary("ConversationService.handle (rules path)", handle_ms)
    print(f"\nratio intake / handle: {project / baseline:.3f} ({100 * project / baseline:.1f} %)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=300)
    parser.add_argument("--batch", type=int, default=1, help="updates per getUpdates batch")
    args = parser.parse_args()
    asyncio.run(main(args.messages, args.batch))
