"""Triage + embedding + rules per message, the shipped static embedder against the transformer.

    .venv/bin/python bench/triage.py [--rounds N] [--no-transformer]

Messages: our triage, intent and vignette sets, plus the external consumer questions when
``../shared/eval/external`` is present (read at run time, never stored). Each message goes
through what the pipeline runs between anonymization and the LLM, in its order:
``Triage.assess`` on the text and, when no red flag fired, ``Embedder.encode_one``, the acuity
fallback (``AcuityModel.assess``, on the same vector; counted as triage) and, when it did not
fire either, ``RuleBook.match`` with that vector and the pipeline's floor (``1 -
rule_threshold``); when an emergency flag fired on a
question, the embedding and the acuity model's check for a general question or a history,
and the rules when the flag stands down; when an urgent flag fired, the embedding and the
model's reading that may raise it to an emergency; when an emergency flag stands (not
stood down), the report reader's review (``ReportReader.review``); in one thread as the pipeline does. ``total`` is wall
time; ``total_cpu`` is the same work in this thread's CPU time and ``total_proc`` in the
process's (tokenizer threads included), which a busy shared machine inflates far less:
there, wall-clock p95 mostly measures waiting for a core. The baseline is the same stack
with the transformer embedder (all-MiniLM-L6-v2, 1 torch thread), the model the static one
is distilled from. Prints p50/p95 per stage and in total, the ratio, and whether the p95 bar
(5 ms) holds.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.acuity import create_acuity_model  # noqa: E402
from assistant.embeddings import create_embedder  # noqa: E402
from assistant.normalize import normalize_text  # noqa: E402
from assistant.report import create_report_reader  # noqa: E402
from assistant.rules import RuleBook, rule_floor  # noqa: E402
from assistant.settings import (  # noqa: E402
    AcuitySettings,
    EmbeddingSettings,
    LLMSettings,
    ReportSettings,
    RulesSettings,
    TriageSettings,
)
from assistant.triage import Triage  # noqa: E402

BAR_P95_MS = 5.0
#: as the pipeline asks the rules: only a rule that may answer under the default threshold
RULE_FLOOR = rule_floor(LLMSettings().rule_threshold)
OUR_SETS = (
    "tests/data/triage_extra.jsonl",
    "tests/data/intents_extra.jsonl",
    "tests/data/triage_vignettes.jsonl",
    "tests/data/triage_patient_messages.jsonl",
)
EXTERNAL = ROOT.parent / "shared" / "eval" / "external" / "consumer_questions_dev.jsonl"


def messages() -> list[str]:
    texts: list[str] = []
    for name in OUR_SETS:
        for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    if EXTERNAL.is_file():
        for line in EXTERNAL.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    return [normalize_text(text) for text in texts]


def run(backend: str, texts: list[str], rounds: int) -> dict[str, np.ndarray]:
    embedder = create_embedder(EmbeddingSettings(backend=backend))
    rules = RuleBook.from_file(RulesSettings().file, embedder)
    triage = Triage.from_file(TriageSettings().file)
    acuity = create_acuity_model(AcuitySettings(), triage.reader.prepare, embedder)
    report = create_report_reader(ReportSettings(), triage.prepare)
    for text in texts[:20]:  # warm caches and lazy loads
        triage.assess(text)
        rules.match(text, embedder.encode_one(text))
    stages: dict[str, list[float]] = {
        "triage": [],
        "acuity": [],
        "report": [],
        "embed": [],
        "rules": [],
        "total": [],
        "total_cpu": [],
        "total_proc": [],
    }
    for _ in range(rounds):
        for text in texts:
            p0 = time.process_time()
            c0 = time.thread_time()
            t0 = time.perf_counter()
            flagged = triage.assess(text)
            t1 = time.perf_counter()
            stages["triage"].append((t1 - t0) * 1000)
            stood_down = False
            if flagged is not None and acuity.may_be_general_question(
                flagged, text, triage.self_harm_category, triage.reader.happening_now
            ):  # as in the pipeline: a short question's flag may stand down
                vector = embedder.encode_one(text)
                t2 = time.perf_counter()
                stood_down = acuity.reads_as_general(text, vector)
                t3 = time.perf_counter()
                stages["embed"].append((t2 - t1) * 1000)
                stages["acuity"].append((t3 - t2) * 1000)
                if stood_down:
                    rules.match(text, vector, at_least=RULE_FLOOR)
                    stages["rules"].append((time.perf_counter() - t3) * 1000)
            elif flagged is not None and flagged.level == "urgent":
                # as in the pipeline: the model may raise an urgent flag to an emergency
                vector = embedder.encode_one(text)
                t2 = time.perf_counter()
                acuity.raises_urgent_flag(flagged, text, vector, triage.self_harm_category)
                stages["embed"].append((t2 - t1) * 1000)
                stages["acuity"].append((time.perf_counter() - t2) * 1000)
            elif flagged is None:  # as in the pipeline: an emergency reply is not embedded
                vector = embedder.encode_one(text)
                t2 = time.perf_counter()
                acute = acuity.assess(text, vector)
                t3 = time.perf_counter()
                stages["embed"].append((t2 - t1) * 1000)
                stages["acuity"].append((t3 - t2) * 1000)
                if acute is None:
                    rules.match(text, vector, at_least=RULE_FLOOR)
                    stages["rules"].append((time.perf_counter() - t3) * 1000)
            if flagged is not None and flagged.level == "emergency" and not stood_down:
                t4 = time.perf_counter()
                report.review(flagged, text, triage.self_harm_category)
                stages["report"].append((time.perf_counter() - t4) * 1000)
            stages["total_cpu"].append((time.thread_time() - c0) * 1000)
            stages["total_proc"].append((time.process_time() - p0) * 1000)
            stages["total"].append((time.perf_counter() - t0) * 1000)
    return {name: np.asarray(values) for name, values in stages.items()}


def describe(name: str, stages: dict[str, np.ndarray]) -> str:
    cells = [
        f"{stage} p50 {np.percentile(v, 50):.2f} p95 {np.percentile(v, 95):.2f}"
        for stage, v in stages.items()
    ]
    return f"{name:<12} " + " | ".join(cells) + " (ms)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-transformer", action="store_true")
    args = parser.parse_args()
    texts = messages()
    print(f"{len(texts)} messages x {args.rounds} rounds")
    static = run("static", texts, args.rounds)
    print(describe("static", static))
    for key in ("total", "total_cpu", "total_proc"):
        p95 = float(np.percentile(static[key], 95))
        print(f"bar ({key}): p95 {p95:.2f} ms (< {BAR_P95_MS} ms: {p95 < BAR_P95_MS})")
    if not args.no_transformer:
        baseline = run("transformer", texts, 1)
        print(describe("transformer", baseline))
        ratio = np.percentile(static["total"], 95) / np.percentile(baseline["total"], 95)
        print(f"ratio static / transformer stack at p95: {ratio:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
