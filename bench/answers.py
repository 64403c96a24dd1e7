"""Retrieval and the answer check, timed against what they sit beside, in one run.

    .venv/bin/python bench/answers.py [--rounds 3] [--no-llm]

* retrieval: ``KnowledgeIndex.search`` plus any embedding it needs. By default
  (``knowledge.embedder: null``) it reads the vector the pipeline's embed stage computed once
  for the rules, so it needs none; with ``knowledge.embedder`` naming another model, that
  model's pass over the message is timed with it. Baseline: the rules stage
  (``RuleBook.match``) on the same messages, the other matching stage. Target: p95 <= 20 ms.
* the answer check: every configured check on every answer of the labelled set
  (tests/data/answer_check_cases.jsonl, bad and good). Baseline: one short generation of the
  bundled SmolLM2 (32 tokens), the thing the check follows. Target: p95 <= 5 ms.
* for reference, the embed stage itself (the message embedder, shared by rules and
  retrieval), and with ``--transformer`` what the optional transformer pass would cost.

Messages: the real consumer questions in ../shared/eval/external when present (read, never
stored), else the labelled set's questions.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from assistant.answer_check import Draft, create_checker  # noqa: E402
from assistant.embeddings import create_embedder  # noqa: E402
from assistant.knowledge import KnowledgeBase  # noqa: E402
from assistant.retrieval import KnowledgeIndex, Passage  # noqa: E402
from assistant.rules import RuleBook  # noqa: E402
from bot.answer_eval import CHECK_CASES, load_jsonl  # noqa: E402
from bot.config import load_config  # noqa: E402

EXTERNAL = REPO.parent / "shared" / "eval" / "external" / "consumer_questions_dev.jsonl"


def percentiles(samples_ms: list[float]) -> tuple[float, float]:
    ordered = sorted(samples_ms)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


#: CPU time of the calling thread per call: on a shared machine wall-clock p95 also counts the
#: time the scheduler gave other processes, which says nothing about this code
CPU: dict[str, list[float]] = {}


def timed(function: Callable[[], object], rounds: int, name: str = "") -> list[float]:
    samples = []
    for _ in range(rounds):
        started, cpu = time.perf_counter(), time.thread_time()
        function()
        samples.append((time.perf_counter() - started) * 1000)
        if name:
            CPU.setdefault(name, []).append((time.thread_time() - cpu) * 1000)
    return samples


def line(name: str, samples: list[float], cpu: str = "") -> tuple[float, float]:
    p50, p95 = percentiles(samples)
    print(f"  {name:<34} p50 {p50:8.3f} ms   p95 {p95:8.3f} ms   (n={len(samples)})")
    if cpu in CPU:
        c50, c95 = percentiles(CPU[cpu])
        print(f"  {'  the same, CPU time':<34} p50 {c50:8.3f} ms   p95 {c95:8.3f} ms")
    return p50, p95


def generation_ms(config_path: Path, rounds: int) -> list[float]:
    from assistant.llm.base import ChatTurn, GenerationRequest
    from assistant.llm.local import LocalBackend

    config = load_config(config_path, environ={"HEALTHBOT_LLM__MODEL_NAME": "bundled:smollm2"})
    backend = LocalBackend(config.llm)

    async def run() -> list[float]:
        await backend.start()
        request = GenerationRequest(
            messages=(ChatTurn("user", "How do I stop a nosebleed?"),),
            max_tokens=32,
            temperature=0.0,
        )
        samples = []
        try:
            for _ in range(rounds):
                started = time.perf_counter()
                await backend.generate(request)
                samples.append((time.perf_counter() - started) * 1000)
        finally:
            await backend.close()
        return samples

    return asyncio.run(run())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="passes over the messages")
    parser.add_argument("--no-llm", action="store_true", help="skip the generation baseline")
    parser.add_argument(
        "--transformer", action="store_true", help="also time the optional transformer pass"
    )
    args = parser.parse_args()

    config_path = REPO / "config.yaml"
    config = load_config(config_path, environ={})
    # retrieval's own embedder (knowledge.embedder) and the message's, which the rules read
    backend = config.knowledge.embedder or config.embeddings.backend
    embedder = create_embedder(config.embeddings.model_copy(update={"backend": backend}))
    embedder.load()
    message_embedder = create_embedder(config.embeddings)
    message_embedder.load()
    knowledge = KnowledgeBase.from_dir(config.knowledge.dir)
    index = KnowledgeIndex(knowledge, embedder, cache_dir=config.knowledge.cache_dir)
    rules = RuleBook.from_file(config.rules.file, message_embedder)
    checker = create_checker(config.answer_check)
    check_embedder = create_embedder(config.embeddings.model_copy(update={"backend": "static"}))
    check_embedder.load()

    cases = load_jsonl(CHECK_CASES)
    if EXTERNAL.is_file():
        messages = [json.loads(x)["text"] for x in EXTERNAL.read_text().splitlines() if x.strip()]
        origin = f"{len(messages)} real consumer questions"
    else:
        messages = sorted({case["question"] for case in cases})
        origin = f"{len(messages)} labelled-set questions"
    print(f"embedder {embedder.name} ({embedder.model}); {len(knowledge)} topics; {origin}")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    # a retrieval embedder other than the message's costs one more pass, counted as retrieval
    separate = embedder.name != message_embedder.name
    print(f"retrieval {'embeds again' if separate else 'reuses the message vector'}")

    vectors = embedder.encode(messages)
    rule_vectors = message_embedder.encode(messages)
    for text in messages[:20]:  # warm caches and lazy compilation
        index.search(embedder.encode_one(text), text)
        rules.match(text, message_embedder.encode_one(text))

    def retrieval(text: str, vector: np.ndarray) -> tuple[Passage, ...]:
        return index.search(embedder.encode_one(text) if separate else vector, text)

    embed: list[float] = []
    retrieve: list[float] = []
    match: list[float] = []
    for _ in range(args.rounds):
        for text, vector, rule_vector in zip(messages, vectors, rule_vectors, strict=True):
            if len(embed) < 300:
                embed += timed(lambda t=text: message_embedder.encode_one(t), 1, "embed")
            retrieve += timed(lambda t=text, v=vector: retrieval(t, v), 1, "retrieve")
            match += timed(lambda t=text, v=rule_vector: rules.match(t, v), 1, "rules")

    drafts = [
        Draft(
            case["answer"],
            question=case["question"],
            passages=(Passage(knowledge[case["topic"]], 1.0, 1.0),),
            truncated=bool(case.get("truncated")),
            embedder=check_embedder,
        )
        for case in cases
    ]
    for draft in drafts[:10]:
        checker.review(draft)
    check: list[float] = []
    for _ in range(args.rounds * 5):
        for draft in drafts:
            fresh = draft.with_text(draft.text)  # derived forms are not shared between runs
            fresh.truncated = draft.truncated
            check += timed(lambda d=fresh: checker.review(d), 1, "check")

    print("retrieval")
    label = "embed + search" if separate else "KnowledgeIndex.search"
    _, retrieve_p95 = line(label, retrieve, "retrieve")
    _, match_p95 = line("baseline: RuleBook.match (rules)", match, "rules")
    print(f"  ratio p95 retrieval / rules: {retrieve_p95 / match_p95:.2f}x   (target p95 <= 20 ms)")
    line(f"per message: embed ({message_embedder.name})", embed, "embed")
    if args.transformer:
        transformer = create_embedder(
            config.embeddings.model_copy(update={"backend": "transformer"})
        )
        transformer.load()
        sample = messages[:120]
        transformer.encode(sample[:5])
        timed_sample = [timed(lambda t=t: transformer.encode_one(t), 1, "tf")[0] for t in sample]
        line("option: transformer pass (1 thread)", timed_sample, "tf")
    print("answer check")
    _, check_p95 = line(f"{len(checker.names)} checks, labelled answers", check, "check")
    if not args.no_llm:
        _, generation_p95 = line("baseline: SmolLM2, 32 tokens", generation_ms(config_path, 5))
        print(f"  ratio p95 check / generation: {check_p95 / generation_p95:.4f}x")
    print("  (target p95 <= 5 ms)")
    ok = retrieve_p95 <= 20 and check_p95 <= 5
    print("PASS" if ok else "OVER BUDGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
