"""Pipeline overhead against raw Presidio, on the same messages, in one run.

    .venv/bin/python bench/pipeline.py [--messages 300]

The pipeline side is the conversation service's ``handle``, the path every adapter's
message takes, on the rules path (routing, anonymize, triage, rules, disclaimer, a storage
row). The baseline is Presidio's AnalyzerEngine + AnonymizerEngine with
the same spaCy model and its predefined recognizers (the e-mail one swapped for the offline
twin so that neither side touches the network). Targets: pipeline p95 within 1.3x of raw; the
anonymize stage's p95 no slower than raw Presidio's; with 50 users writing at once (50 messages
in flight, each from its own user so that no rate limit applies) at least 1.5x the messages/s
of raw Presidio handling one message at a time. The pipeline side runs as the bot runs,
with ``privacy.anonymizer_processes`` worker processes (``--workers`` overrides it); they only
take batches that arrive while the in-process thread is busy, so the one-at-a-time figures
never use them.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry  # noqa: E402
from presidio_anonymizer import AnonymizerEngine  # noqa: E402

from assistant.anonymizer import build_nlp_engine  # noqa: E402
from assistant.conversation import ConversationService  # noqa: E402
from assistant.cpu_affinity import usable_cores  # noqa: E402
from assistant.messages import IncomingMessage, Source  # noqa: E402
from assistant.placeholders import PlaceholderVault  # noqa: E402
from assistant.recognizers import OfflineEmailRecognizer  # noqa: E402
from assistant.storage import Store  # noqa: E402
from bench.timing import percentile  # noqa: E402
from bot.app import build_assistant, build_service  # noqa: E402
from bot.config import load_config  # noqa: E402

QUESTIONS = [
    "What are the symptoms of flu?",
    "how do i know if i have a cold",
    "What should I do about a high temperature?",
    "How can I get rid of a headache?",
    "How much water should I drink each day?",
    "I can't fall asleep at night, any advice?",
    "What is a normal blood pressure?",
    "What are the early signs of diabetes?",
    "What helps a sore throat?",
    "My lower back hurts, what can I do?",
    "How do I quit smoking?",
    "How should I treat a minor burn?",
    "How do I book an appointment?",
    "I'm stressed out all the time, how can I cope?",
]
PREFIXES = [
    "",
    "Hi, I'm {name}. ",
    "This is {name}, my number is {phone}. ",
    "Hello, {name} here (email {email}). ",
    "My son {first} is 7. ",
]
SIDES = ("raw", "handle", "stage")
NAMES = ["Sarah Mitchell", "John Peterson", "Priya Patel", "Tom Walsh", "Anna Kowalski"]


def make_messages(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    messages = []
    for i in range(count):
        name = rng.choice(NAMES)
        prefix = rng.choice(PREFIXES).format(
            name=name,
            first=name.split()[0],
            phone=f"07700 900{100 + i % 900:03d}",
            email=f"{name.split()[0].lower()}{i}@example.com",
        )
        messages.append(prefix + rng.choice(QUESTIONS))
    return messages


def raw_presidio(spacy_model: str) -> tuple[AnalyzerEngine, AnonymizerEngine]:
    nlp_engine = build_nlp_engine(spacy_model)
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.load_predefined_recognizers(nlp_engine=nlp_engine, languages=["en"])
    registry.remove_recognizer("EmailRecognizer")
    registry.add_recognizer(OfflineEmailRecognizer())
    analyzer = AnalyzerEngine(nlp_engine=nlp_engine, registry=registry, supported_languages=["en"])
    return analyzer, AnonymizerEngine()


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=300)
    parser.add_argument("--users", type=int, default=50, help="concurrent users")
    parser.add_argument(
        "--workers", type=int, default=None, help="anonymizer worker processes (default: config)"
    )
    args = parser.parse_args()
    messages = make_messages(args.messages)

    with tempfile.TemporaryDirectory() as tmp:
        config = load_config(
            REPO / "config.yaml",
            environ={
                "HEALTHBOT_LLM__ENABLED": "false",
                "HEALTHBOT_STORAGE__PATH": str(Path(tmp) / "bench.db"),
                "HEALTHBOT_PRIVACY__HASH_SALT": "bench",
                "HEALTHBOT_LOGGING__LEVEL": "WARNING",
            },
        )
        store = Store(config.storage.path)
        await store.open()
        assistant = await build_assistant(config, store=store, with_llm=False)
        assistant.observers.clear()  # the per-message log line is not what we measure
        # As the running bot does (bot/app.py): worker processes take the batches that arrive
        # while the in-process thread is busy; a lone message never goes to one.
        workers = config.privacy.anonymizer_processes if args.workers is None else args.workers
        assistant.anonymizer.start_workers(workers, config.privacy.spacy_model)
        async with asyncio.timeout(180):
            loaded = await assistant.anonymizer.workers_loaded()
        service = build_service(config, assistant)
        analyzer, anonymizer = raw_presidio(config.privacy.spacy_model)

        def run_raw(text: str) -> None:
            results = analyzer.analyze(text=text, language="en")
            anonymizer.anonymize(text=text, analyzer_results=results)  # type: ignore[arg-type]

        # Warm both up (spaCy caches, regex compilation, SQLite pages).
        for text in messages[:20]:
            run_raw(text)
            await service.handle(IncomingMessage("bench", "w", "w", text))

        timings: dict[str, list[float]] = {"raw": [], "handle": [], "stage": []}
        sources: dict[str, int] = {}

        async def measure(side: str, i: int, text: str) -> None:
            t0 = time.perf_counter()
            if side == "raw":
                run_raw(text)
            elif side == "handle":
                message = IncomingMessage("bench", str(i), str(i), text)
                reply = (await service.handle(message)).reply
                sources[reply.source.value] = sources.get(reply.source.value, 0) + 1
            else:
                assistant.anonymizer.anonymize(text, PlaceholderVault())
            timings[side].append((time.perf_counter() - t0) * 1000)

        started = time.perf_counter()
        for i, text in enumerate(messages):
            # Interleaved, so that machine noise hits every side alike, and in turn first,
            # second and third: a side run right after another spaCy model finds the CPU
            # caches cold, one run right after the same model finds them warm.
            order = SIDES[i % 3 :] + SIDES[: i % 3]
            for side in order:
                await measure(side, i, text)
        raw_ms, pipeline_ms, stage_ms = timings["raw"], timings["handle"], timings["stage"]
        elapsed = time.perf_counter() - started
        concurrent_rate, concurrent_sources = await _concurrent(service, messages, args.users)
        await assistant.aclose()
        await store.close()

    print(f"{len(messages)} messages, sources: {sources} (elapsed {elapsed:.1f}s)")
    print(f"{'':>22} {'msg/s':>8} {'p50 ms':>8} {'p95 ms':>8}")
    for label, values in (
        ("raw Presidio", raw_ms),
        ("anonymize stage", stage_ms),
        ("service.handle", pipeline_ms),
    ):
        rate = 1000 / statistics.mean(values)
        print(
            f"{label:>22} {rate:8.1f} {percentile(values, 50):8.2f} {percentile(values, 95):8.2f}"
        )
    p50 = percentile(pipeline_ms, 50) / percentile(raw_ms, 50)
    p95 = percentile(pipeline_ms, 95) / percentile(raw_ms, 95)
    print(f"ratio pipeline/raw: p50 {p50:.2f}x, p95 {p95:.2f}x (target p95 <= 1.30x)")
    stage = percentile(stage_ms, 95) / percentile(raw_ms, 95)
    print(f"ratio anonymize stage/raw Presidio: p95 {stage:.2f}x (target <= 1.00x)")
    raw_rate = 1000 / statistics.mean(raw_ms)
    print(
        f"{args.users} concurrent users: {concurrent_rate:.1f} msg/s through service.handle "
        f"vs raw Presidio one at a time {raw_rate:.1f} msg/s: "
        f"{concurrent_rate / raw_rate:.2f}x (target >= 1.50x) with {loaded} anonymizer worker "
        f"process(es) on {usable_cores()} cores; sources {concurrent_sources}"
    )
    if sources.get(Source.RULE.value, 0) < len(messages) * 0.9:
        print("warning: fewer than 90% of messages took the rules path")


async def _concurrent(
    service: ConversationService, messages: list[str], users: int
) -> tuple[float, dict[str, int]]:
    """Messages/s with ``users`` messages in flight at once, each from a fresh user."""
    queue = list(enumerate(messages))
    sources: dict[str, int] = {}

    async def user(worker: int) -> None:
        while queue:
            i, text = queue.pop()
            sender = f"c{worker}-{i}"
            reply = (await service.handle(IncomingMessage("bench", sender, sender, text))).reply
            sources[reply.source.value] = sources.get(reply.source.value, 0) + 1

    started = time.perf_counter()
    await asyncio.gather(*(user(w) for w in range(users)))
    return len(messages) / (time.perf_counter() - started), sources


if __name__ == "__main__":
    asyncio.run(main())
