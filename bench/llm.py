"""LLM backends on the bundled SmolLM2, same prompts and settings, in one run.

    .venv/bin/python bench/llm.py [--tokens 32] [--requests 8] [--rounds 2]

Each engine runs in its own subprocess, so that its peak memory is its own:
- single request: the local backend against the raw engine on the same loaded model
  (``model.generate`` / ``Llama.create_completion``), interleaved; target >= 0.95x;
- aggregate tokens/s with 1, 4 and 8 requests in flight (``--requests`` in all);
  target for transformers: 4 in flight >= 2x its single-request figure;
- transformers only: float32 against bfloat16 on the CPU (what ``llm.dtype: auto`` picks);
- peak RSS after loading and running.
Then, in this process: the API backend through ``python -m llama_cpp.server`` against the
local llama.cpp backend, sequential requests, tokens/s and p50/p95 latency.

Greedy decoding; ``llm.stop`` is set to the end-of-turn marker only, so that the backend and
the raw engine stop at the same token and generate the same text.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from assistant.llm.api import APIBackend  # noqa: E402
from assistant.llm.base import ChatTurn, GenerationRequest  # noqa: E402
from assistant.llm.local import LocalBackend  # noqa: E402
from assistant.settings import DEFAULT_SYSTEM_PROMPT, LLMSettings  # noqa: E402
from tests.llm_support import llama_server  # noqa: E402

QUESTIONS = [
    "Why do my fingers go white in the cold?",
    "Is it normal for my ears to pop on a plane?",
    "Why do I get hiccups after fizzy drinks?",
    "What makes my eyelid twitch sometimes?",
    "Why do my knees click when I climb stairs?",
    "Why do I feel dizzy when I stand up quickly?",
    "What causes hiccups in adults?",
    "Why does my nose run when I eat spicy food?",
]
STOP = ["<|im_end|>"]


def settings(engine: str, tokens: int, **extra: Any) -> LLMSettings:
    return LLMSettings(
        model_name="bundled:smollm2",
        engine=engine,  # type: ignore[arg-type]
        max_tokens=tokens,
        temperature=0.0,
        stop=STOP,
        max_batch_size=8,
        timeout_s=600,
        **extra,
    )


def request(question: str, tokens: int) -> GenerationRequest:
    return GenerationRequest(
        messages=(ChatTurn("system", DEFAULT_SYSTEM_PROMPT), ChatTurn("user", question)),
        max_tokens=tokens,
        temperature=0.0,
        stop=tuple(STOP),
        timeout_s=600,
    )


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- one engine, in a subprocess ---------------------------------------------------------


class RawEngine:
    """The library itself on the backend's loaded model, with the same prompt and stops."""

    def __init__(self, backend: LocalBackend) -> None:
        self.engine: Any = backend.engine
        assert self.engine is not None

    def prompt(self, question: str) -> str:
        return str(self.engine.template.render(request(question, 1).messages))

    def generate(self, question: str, tokens: int) -> int:
        engine = self.engine
        if engine.name == "llama_cpp":
            engine.llm.reset()  # no prefix cache for either side
            out = engine.llm.create_completion(
                self.prompt(question), max_tokens=tokens, temperature=0.0, stop=STOP
            )
            return int(out["usage"]["completion_tokens"])
        import torch

        tok = engine.tokenizer
        inputs = tok(self.prompt(question), return_tensors="pt", add_special_tokens=False)
        with torch.inference_mode():
            out = engine.model.generate(
                **inputs,
                max_new_tokens=tokens,
                do_sample=False,
                pad_token_id=tok.pad_token_id,
                eos_token_id=sorted(engine.eos),
            )
        new = out[0, inputs["input_ids"].shape[1] :].tolist()
        return len([t for t in new if t not in engine.eos])


async def single(backend: LocalBackend, raw: RawEngine, args: argparse.Namespace) -> dict:
    totals = {"raw_tokens": 0, "raw_s": 0.0, "backend_tokens": 0, "backend_s": 0.0}
    questions = QUESTIONS[:4]
    await backend.generate(request(questions[0], 4))  # warm-up, both share the model
    for round_ in range(args.rounds):
        for i, question in enumerate(questions):
            order = ("raw", "backend") if (i + round_) % 2 == 0 else ("backend", "raw")
            for side in order:
                started = time.perf_counter()
                if side == "raw":
                    tokens = await asyncio.to_thread(raw.generate, question, args.tokens)
                else:
                    if backend.engine_name == "llama_cpp":
                        raw.engine.llm.reset()
                    tokens = (
                        await backend.generate(request(question, args.tokens))
                    ).completion_tokens
                totals[f"{side}_tokens"] += tokens
                totals[f"{side}_s"] += time.perf_counter() - started
    return {
        "raw_tok_s": totals["raw_tokens"] / totals["raw_s"],
        "backend_tok_s": totals["backend_tokens"] / totals["backend_s"],
        "same_tokens": totals["raw_tokens"] == totals["backend_tokens"],
    }


async def concurrent(backend: LocalBackend, args: argparse.Namespace) -> dict[str, float]:
    figures: dict[str, float] = {}
    for in_flight in (1, 4, 8):
        gate = asyncio.Semaphore(in_flight)

        async def one(question: str, gate: asyncio.Semaphore = gate) -> int:
            async with gate:
                result = await backend.generate(request(question, args.tokens))
                return result.completion_tokens

        started = time.perf_counter()
        counts = await asyncio.gather(
            *(one(QUESTIONS[i % len(QUESTIONS)]) for i in range(args.requests))
        )
        figures[str(in_flight)] = sum(counts) / (time.perf_counter() - started)
    return figures


async def dtypes(backend: LocalBackend, args: argparse.Namespace) -> dict[str, float]:
    """float32 against bfloat16 on the same weights: one request, and four at once."""
    import torch

    model = backend.engine.model  # type: ignore[union-attr]
    original = model.dtype
    sums: dict[str, list[float]] = {}
    questions = QUESTIONS[:4]
    for round_ in range(args.rounds):
        for name in ("float32", "bfloat16") if round_ % 2 == 0 else ("bfloat16", "float32"):
            model.to(getattr(torch, name))
            await backend.generate(request(questions[0], 2))  # warm-up after the cast
            for in_flight, groups in ((1, [[q] for q in questions]), (4, [questions])):
                for group in groups:
                    started = time.perf_counter()
                    results = await asyncio.gather(
                        *(backend.generate(request(q, args.tokens)) for q in group)
                    )
                    entry = sums.setdefault(f"{name}_{in_flight}", [0.0, 0.0])
                    entry[0] += sum(r.completion_tokens for r in results)
                    entry[1] += time.perf_counter() - started
    model.to(original)
    return {key: tokens / seconds for key, (tokens, seconds) in sums.items()}


async def engine_main(args: argparse.Namespace) -> dict[str, Any]:
    import_rss = rss_mb()
    backend = LocalBackend(settings(args.engine, args.tokens))
    started = time.perf_counter()
    await backend.start()
    load_s = time.perf_counter() - started
    loaded_rss = rss_mb()
    try:
        raw = RawEngine(backend)
        result: dict[str, Any] = {"engine": backend.engine_name, "load_s": load_s}
        if args.engine == "transformers":
            result["auto_dtype"] = str(backend.engine.model.dtype)  # type: ignore[union-attr]
        result["single"] = await single(backend, raw, args)
        result["concurrent"] = await concurrent(backend, args)
        # before the dtype runs, whose casts would add a second copy of the weights
        result["memory"] = {
            "before_load_mb": import_rss,
            "after_load_mb": loaded_rss,
            "peak_mb": peak_mb(),
        }
        if args.engine == "transformers":
            result["dtype"] = await dtypes(backend, args)
        return result
    finally:
        await backend.close()


# -- the API backend through llama.cpp's server, against the local backend -----------------


async def api_vs_local(base_url: str, args: argparse.Namespace) -> dict[str, dict[str, float]]:
    api = APIBackend(
        settings(
            "auto",
            args.tokens,
            use_api=True,
            api_url=base_url + "/v1/chat/completions",
            circuit_failures=100,
        )
    )
    local = LocalBackend(settings("llama_cpp", args.tokens))
    await api.start()
    await local.start()
    backends = {"api": api, "local": local}
    latencies: dict[str, list[float]] = {"api": [], "local": []}
    tokens = {"api": 0, "local": 0}
    try:
        for backend in backends.values():
            await backend.generate(request(QUESTIONS[0], 4))  # warm-up
        for i in range(args.requests * args.rounds):
            question = QUESTIONS[i % len(QUESTIONS)]
            for name in ("api", "local") if i % 2 == 0 else ("local", "api"):
                started = time.perf_counter()
                result = await backends[name].generate(request(question, args.tokens))
                latencies[name].append((time.perf_counter() - started) * 1000)
                tokens[name] += result.completion_tokens
    finally:
        await api.close()
        await local.close()
    return {
        name: {
            "tok_s": tokens[name] / (sum(values) / 1000),
            "p50_ms": statistics.median(values),
            "p95_ms": statistics.quantiles(values, n=20)[-1],
        }
        for name, values in latencies.items()
    }


def run_engine(engine: str, args: argparse.Namespace) -> dict[str, Any]:
    cmd = [
        sys.executable,
        __file__,
        "--engine",
        engine,
        "--tokens",
        str(args.tokens),
        "--requests",
        str(args.requests),
        "--rounds",
        str(args.rounds),
    ]
    print(f"running the {engine} engine in a subprocess...", flush=True)
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{engine} run failed:\n{done.stderr[-3000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def report(engines: dict[str, dict[str, Any]], api: dict[str, dict[str, float]]) -> None:
    print("\nSingle request, greedy, same prompts: local backend vs raw engine on the same model")
    print(f"{'engine':<14}{'load s':>8}{'raw tok/s':>12}{'backend tok/s':>15}{'ratio':>8}  same")
    for name, r in engines.items():
        s = r["single"]
        ratio = s["backend_tok_s"] / s["raw_tok_s"]
        print(
            f"{name:<14}{r['load_s']:>8.1f}{s['raw_tok_s']:>12.1f}{s['backend_tok_s']:>15.1f}"
            f"{ratio:>7.2f}x  {s['same_tokens']}   (target >= 0.95x)"
        )
    print("\nAggregate tokens/s with N requests in flight")
    print(f"{'engine':<14}{'N=1':>9}{'N=4':>9}{'N=8':>9}{'4 vs 1':>9}{'8 vs 1':>9}")
    for name, r in engines.items():
        c = r["concurrent"]
        print(
            f"{name:<14}{c['1']:>9.1f}{c['4']:>9.1f}{c['8']:>9.1f}"
            f"{c['4'] / c['1']:>8.2f}x{c['8'] / c['1']:>8.2f}x"
        )
    print("  (target for transformers: N=4 >= 2x N=1)")
    if "dtype" in engines.get("transformers", {}):
        t = engines["transformers"]
        d = t["dtype"]
        print(
            f"\ntransformers dtype on this CPU, tokens/s (llm.dtype: auto chose {t['auto_dtype']})"
        )
        print(f"{'requests':<14}{'float32':>9}{'bfloat16':>10}{'bf16/fp32':>11}")
        for n in (1, 4):
            fp32, bf16 = d[f"float32_{n}"], d[f"bfloat16_{n}"]
            print(f"{n:<14}{fp32:>9.1f}{bf16:>10.1f}{bf16 / fp32:>10.2f}x")
    print("\nPeak memory (RSS, MB) with the bundled model")
    print(f"{'engine':<14}{'before load':>15}{'after load':>12}{'peak':>8}")
    for name, r in engines.items():
        m = r["memory"]
        print(
            f"{name:<14}{m['before_load_mb']:>15.0f}{m['after_load_mb']:>12.0f}{m['peak_mb']:>8.0f}"
        )
    print("\nAPI backend via llama_cpp.server vs local llama.cpp backend (sequential)")
    print(f"{'backend':<14}{'tok/s':>9}{'p50 ms':>10}{'p95 ms':>10}")
    for name, r in api.items():
        print(f"{name:<14}{r['tok_s']:>9.1f}{r['p50_ms']:>10.0f}{r['p95_ms']:>10.0f}")
    print(f"  API/local tok/s: {api['api']['tok_s'] / api['local']['tok_s']:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tokens", type=int, default=32, help="max_tokens per request")
    parser.add_argument("--requests", type=int, default=8, help="requests per concurrency level")
    parser.add_argument("--rounds", type=int, default=1, help="passes over the prompts")
    parser.add_argument("--engine", choices=["transformers", "llama_cpp"], help=argparse.SUPPRESS)
    parser.add_argument(
        "--engines", default="llama_cpp,transformers", help="comma-separated engines to run"
    )
    args = parser.parse_args()
    if args.engine:  # the subprocess side
        print(json.dumps(asyncio.run(engine_main(args))))
        return
    engines = {name: run_engine(name, args) for name in args.engines.split(",") if name}
    print("running the API backend against llama_cpp.server...", flush=True)
    with tempfile.TemporaryDirectory() as tmp, llama_server(Path(tmp)) as server:
        api = asyncio.run(api_vs_local(server.base_url, args))
    report(engines, api)


if __name__ == "__main__":
    main()
