"""Train the acuity fallback's weights (assistant/data/acuity/model.json).

    .venv/bin/pip install "scikit-learn>=1.5,<2"     # build time only, never a runtime dependency
    .venv/bin/python assistant/data/build/train_acuity.py --fresh        # the shipped weights
    .venv/bin/python assistant/data/build/train_acuity.py --cross-validate \
        --baseline dump.json             # bank alone against bank + fresh rounds, set by set

Sources, all our own labelled messages, each labelled emergency, urgent or not urgent and
naming the NHS or NICE guidance it follows: ``assistant/data/triage_examples.jsonl``, the
example bank (clinician notes and patients' chat messages), and with ``--fresh``
``tests/data/triage_fresh_rounds.jsonl``, the sealed rounds folded in once their first run was
reported (``--exclude-rounds`` leaves some out; ``--fresh-weight``, 2, weighs a fresh message
against a bank example's 1). No external text is read, nor the held-out rounds, the vignettes,
the patient messages or any newer sealed round: they and the external consumer questions stay
a check of what this builds.

Method: two logistic regressions, acute (emergency or urgent) against not urgent and emergency
against the rest, each class-balanced and L2-regularised, over three feature groups that
:mod:`assistant.acuity` computes the same way at run time: tf-idf of negation-marked words and
word pairs, tf-idf of the words' character 3- to 5-grams (each group's features seen in at
least two examples, each group scaled to unit length on its own) and the shipped static
sentence vector. The character n-grams were added after an offline comparison on our labelled
cases (README, "Acuity"): they read a misspelt or inflected word as the bank's word. The
output holds the idf of each kept feature and, per head, each feature's weight, the vector's
weights and the bias, and the sha256 of the bank and of the fresh rounds it was trained on
(``tests/test_acuity.py`` checks that they are the shipped files). Runs are repeatable: the
solver is deterministic.

``--cross-validate`` reads each of the last seven sealed sets of the fresh rounds (five rounds
each, grouped as ``train_report.py`` groups them) with (a) the bank alone and (b) the bank and
the fresh rounds less that set, and prints per set and in total how many emergencies read
emergency (P(acute) and P(emergency) at or above ``--threshold`` and
``--emergency-threshold``, 0.88 as shipped) and acute, urgent ones acute and emergency, and
not-urgent ones acute and emergency. The model reads every message here; in the pipeline it is
asked only when no red flag fired, so given ``--baseline`` (``bot eval-rounds --dump``, id ->
[level, category]) it prints the same for the messages the pipeline left untriaged or gave the
acuity reply. Measured on rounds 92-126 (525 emergencies, 350 urgent, 1,750 not urgent), C 8:
emergencies read emergency 419 (a) against 464 (b, fresh weight 1) and 467 (b, fresh weight 2);
not urgent read emergency 12, 9 and 5; not urgent read acute 45, 24 and 27; urgent read acute
264, 289 and 295. Fresh weight 2 (the default) read no set's emergencies worse than (a) nor
more of its not-urgent messages as emergencies.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix, hstack

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from assistant.acuity import ACUITY_CATEGORY, HEADS, file_sha256  # noqa: E402
from assistant.acuity_features import char_ngrams, features, tfidf  # noqa: E402
from assistant.context import ContextReader  # noqa: E402
from assistant.embeddings import create_embedder  # noqa: E402
from assistant.settings import DATA_DIR, EmbeddingSettings  # noqa: E402

BANK = DATA_DIR / "triage_examples.jsonl"
OUT = DATA_DIR / "acuity" / "model.json"
FRESH = ROOT / "tests" / "data" / "triage_fresh_rounds.jsonl"
MIN_DOCUMENTS = 2


def load_rows(path: Path) -> list[dict[str, Any]]:
    """A labelled file's rows (text, level; a fresh round's also its round)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def sealed_set(round_no: int) -> str:
    """The set a fresh round was written in: five rounds each from round 67, ten before (the
    cross-validation's groups here and in ``train_report.py``)."""
    return f"set {(round_no - 67) // 5}" if round_no >= 67 else f"early {(round_no - 12) // 10}"


def tfidf_matrix(counts: list[Counter[str]], idf: dict[str, float]) -> tuple[Any, list[str]]:
    """One feature group's rows (unit length each, as at run time) and its columns' terms."""
    terms = sorted(idf)
    column = {term: i for i, term in enumerate(terms)}
    rows, cols, values = [], [], []
    for row, count in enumerate(counts):
        for term, value in tfidf(count, idf).items():
            rows.append(row)
            cols.append(column[term])
            values.append(value)
    return csr_matrix((values, (rows, cols)), shape=(len(counts), len(terms))), terms


@dataclass
class Corpus:
    """Labelled messages with their feature counts and sentence vectors, computed once."""

    ids: list[str]
    levels: np.ndarray
    #: the fresh round a message was written in; 0 for the bank
    rounds: np.ndarray
    #: per feature group (words; character n-grams), each message's counts
    groups: list[list[Counter[str]]]
    vectors: np.ndarray | None

    @classmethod
    def read(
        cls, paths: list[Path], sizes: tuple[int, int] | None, vector_weight: float
    ) -> tuple[Corpus, str]:
        """The rows of ``paths`` in order, and the embedder's fingerprint ("" without vectors)."""
        rows = [row for path in paths for row in load_rows(path)]
        texts = [row["text"] for row in rows]
        reader = ContextReader.from_file(DATA_DIR / "context.yaml")
        prepared = [reader.prepare(text) for text in texts]
        groups = [[features(text) for text in prepared]]
        if sizes is not None:
            groups.append([char_ngrams(text, sizes) for text in prepared])
        vectors, fingerprint = None, ""
        if vector_weight:
            embedder = create_embedder(EmbeddingSettings())
            vectors = embedder.encode(texts) * vector_weight
            fingerprint = embedder.fingerprint
        corpus = cls(
            ids=[str(row.get("id", "")) for row in rows],
            levels=np.asarray([row["level"] for row in rows]),
            rounds=np.asarray([int(row.get("round", 0)) for row in rows]),
            groups=groups,
            vectors=vectors,
        )
        return corpus, fingerprint

    def idf(self, rows: np.ndarray) -> list[dict[str, float]]:
        """Per group, the idf of each feature seen in at least two of ``rows`` (sklearn's
        smoothed idf)."""
        total = len(rows)
        idfs = []
        for counts in self.groups:
            documents = Counter(term for i in rows for term in counts[i])
            kept = sorted(term for term, n in documents.items() if n >= MIN_DOCUMENTS)
            idfs.append(
                {term: 1.0 + math.log((1 + total) / (1 + documents[term])) for term in kept}
            )
        return idfs

    def matrix(self, rows: np.ndarray, idfs: list[dict[str, float]]) -> Any:
        """The design matrix of ``rows``: each group's tf-idf block, then the vectors."""
        blocks = [
            tfidf_matrix([counts[i] for i in rows], idf)[0]
            for counts, idf in zip(self.groups, idfs, strict=True)
        ]
        if self.vectors is not None:
            blocks.append(csr_matrix(self.vectors[rows]))
        return hstack(blocks).tocsr()


def fit_heads(
    corpus: Corpus, rows: np.ndarray, c: float, fresh_weight: float
) -> tuple[list[dict[str, float]], dict[str, Any]]:
    """The idf tables and both heads' regressions, trained on ``rows`` of ``corpus`` (a fresh
    round's message weighs ``fresh_weight``, a bank example 1)."""
    from sklearn.linear_model import LogisticRegression

    idfs = corpus.idf(rows)
    matrix = corpus.matrix(rows, idfs)
    levels = corpus.levels[rows]
    targets = {
        "acute": (levels != "not_urgent").astype(int),
        "emergency": (levels == "emergency").astype(int),
    }
    weights = np.where(corpus.rounds[rows] > 0, fresh_weight, 1.0)
    models = {}
    for head in HEADS:
        model = LogisticRegression(C=c, class_weight="balanced", max_iter=5000)
        models[head] = model.fit(matrix, targets[head], sample_weight=weights)
    return idfs, models


#: what the cross-validation counts: (label, what the model read it as)
READINGS = (
    ("emergency", "emergency"),
    ("emergency", "acute"),
    ("urgent", "acute"),
    ("urgent", "emergency"),
    ("not_urgent", "acute"),
    ("not_urgent", "emergency"),
)
LAST_SETS = 7
LEVELS = ("emergency", "urgent", "not_urgent")


def read_counts(
    levels: np.ndarray, acute: np.ndarray, emergency: np.ndarray, bars: tuple[float, float]
) -> list[int]:
    """Per :data:`READINGS`, how many messages of the label read so: acute at or above the
    first bar; emergency, acute and the emergency head at or above the second."""
    read_acute = acute >= bars[0]
    read = {"acute": read_acute, "emergency": read_acute & (emergency >= bars[1])}
    return [int(((levels == label) & read[reading]).sum()) for label, reading in READINGS]


def cross_validate(corpus: Corpus, args: argparse.Namespace) -> None:
    """For each of the last sealed sets of the fresh rounds: (a) the bank alone and (b) the
    bank with the fresh rounds less that set, read on the set's messages; with a baseline
    dump (``bot eval-rounds --dump``: id -> [level, category]), also on the messages where
    the pipeline gave the acuity reply or no triage, the only ones it asks the model about.
    ``--probabilities`` keeps each held-out message's readings, and reads them back instead
    of training when the file exists (other bars, another baseline)."""
    fresh = corpus.rounds > 0
    sets = np.asarray([sealed_set(r) if r else "" for r in corpus.rounds])
    named = {sealed_set(r) for r in corpus.rounds[fresh] if r >= 67}
    last = sorted(named, key=lambda name: int(name.split()[1]))[-LAST_SETS:]
    cache = args.probabilities
    if cache is not None and cache.exists():
        read = json.loads(cache.read_text(encoding="utf-8"))
    else:
        read = {"a": {}, "b": {}}
        idfs, models = fit_heads(corpus, np.flatnonzero(~fresh), args.C, 1.0)
        held_all = np.flatnonzero(np.isin(sets, last))
        read["a"] = _readings(corpus, held_all, idfs, models)
        for name in last:
            train = np.flatnonzero(~fresh | (sets != name))
            idfs, models = fit_heads(corpus, train, args.C, args.fresh_weight)
            read["b"].update(_readings(corpus, np.flatnonzero(sets == name), idfs, models))
        if cache is not None:
            cache.write_text(json.dumps(read, sort_keys=True) + "\n", encoding="utf-8")
    pipeline: dict[str, Any] = {}
    if args.baseline is not None:
        pipeline = json.loads(args.baseline.read_text(encoding="utf-8"))
    bars = (args.threshold, args.emergency_threshold)
    labels = [f"{label[0].upper()}>{reading[0].upper()}" for label, reading in READINGS]
    print(
        f"C {args.C}, fresh weight {args.fresh_weight}, bars {bars}; E>E: emergencies read "
        "emergency, E>A: read acute; U urgent, N not urgent; a: bank, b: bank + fresh less the set"
    )
    scopes = ["all"] + (["unflagged"] if pipeline else [])
    for name in [*last, "total"]:
        held = (
            np.flatnonzero(sets == name) if name != "total" else np.flatnonzero(np.isin(sets, last))
        )
        rounds = corpus.rounds[held]
        title = f"{name} (rounds {rounds.min()}-{rounds.max()})"
        for scope in scopes:
            rows = [
                i
                for i in held
                if scope == "all"
                or (
                    corpus.ids[i] in pipeline
                    and (
                        pipeline[corpus.ids[i]][0] is None
                        or pipeline[corpus.ids[i]][1] == ACUITY_CATEGORY
                    )
                )
            ]
            levels = corpus.levels[rows]
            sizes = "  ".join(f"{lv[0].upper()} {int((levels == lv).sum())}" for lv in LEVELS)
            for model in "ab":
                pairs = np.asarray([read[model][corpus.ids[i]] for i in rows]).reshape(-1, 2)
                counts = read_counts(levels, pairs[:, 0], pairs[:, 1], bars)
                print(
                    f"{title:26} {scope:9} {model}: "
                    + "  ".join(f"{lab} {n:3}" for lab, n in zip(labels, counts, strict=True))
                    + f"   of {sizes}"
                )


def _readings(
    corpus: Corpus, rows: np.ndarray, idfs: list[dict[str, float]], models: dict[str, Any]
) -> dict[str, list[float]]:
    """Each of ``rows``' id -> [P(acute), P(emergency)]."""
    matrix = corpus.matrix(rows, idfs)
    acute, emergency = (models[head].predict_proba(matrix)[:, 1] for head in HEADS)
    return {
        corpus.ids[i]: [round(float(a), 6), round(float(e), 6)]
        for i, a, e in zip(rows, acute, emergency, strict=True)
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--C", type=float, default=8.0, help="inverse L2 strength")
    parser.add_argument("--vector-weight", type=float, default=0.5, help="0: words only")
    parser.add_argument(
        "--char-ngrams", default="3-5", help="shortest-longest character n-gram; 0: none"
    )
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--bank", type=Path, default=BANK, help="for experiments only")
    parser.add_argument(
        "--fresh", action="store_true", help=f"also train on {FRESH.relative_to(ROOT)}"
    )
    parser.add_argument(
        "--exclude-rounds", default="", help="fresh rounds left out, e.g. 92-96,120"
    )
    parser.add_argument(
        "--fresh-weight", type=float, default=2.0, help="a fresh message's weight (bank: 1)"
    )
    parser.add_argument(
        "--cross-validate", action="store_true", help="bank vs bank + fresh, last seven sets"
    )
    parser.add_argument("--baseline", type=Path, help="eval-rounds dump, for --cross-validate")
    parser.add_argument("--probabilities", type=Path, help="cv readings kept / read back")
    parser.add_argument("--threshold", type=float, default=0.88, help="acute bar (cv)")
    parser.add_argument("--emergency-threshold", type=float, default=0.88, help="(cv)")
    args = parser.parse_args()

    sizes = None
    if args.char_ngrams != "0":
        shortest, longest = args.char_ngrams.split("-")
        sizes = (int(shortest), int(longest))
    fresh = args.fresh or args.cross_validate
    corpus, fingerprint = Corpus.read(
        [args.bank, FRESH] if fresh else [args.bank], sizes, args.vector_weight
    )
    if args.cross_validate:
        cross_validate(corpus, args)
        return
    excluded = rounds_named(args.exclude_rounds)
    rows = np.flatnonzero(~np.isin(corpus.rounds, sorted(excluded)))
    idfs, models = fit_heads(corpus, rows, args.C, args.fresh_weight)
    kept = [term for idf in idfs for term in sorted(idf)]
    idf = {term: value for group in idfs for term, value in group.items()}
    levels = corpus.levels[rows]
    acute, emergency = int((levels != "not_urgent").sum()), int((levels == "emergency").sum())
    heads = {}
    for head in HEADS:
        coef = models[head].coef_[0]
        heads[head] = {
            "bias": round(float(models[head].intercept_[0]), 6),
            "word_weights": {term: round(float(coef[i]), 6) for i, term in enumerate(kept)},
            "vector_weights": (
                [round(float(w) * args.vector_weight, 6) for w in coef[len(kept) :]]
                if args.vector_weight
                else []
            ),
        }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    payload: dict[str, Any] = {
        "about": "assistant/data/build/train_acuity.py; do not edit by hand",
        "bank_sha256": file_sha256(args.bank),
        "examples": len(rows),
        "acute_examples": acute,
        "emergency_examples": emergency,
        "C": args.C,
        "char_ngrams": list(sizes) if sizes is not None else None,
        "vector_weight": args.vector_weight,
        "embedder": fingerprint,
        "idf": {term: round(idf[term], 6) for term in kept},
        "heads": heads,
    }
    if fresh:
        payload["fresh_sha256"] = file_sha256(FRESH)
        payload["fresh_weight"] = args.fresh_weight
        payload["fresh_excluded_rounds"] = sorted(excluded)
    args.out.write_text(json.dumps(payload, sort_keys=True, indent=0) + "\n", encoding="utf-8")
    print(
        f"{len(rows)} examples ({acute} acute, {emergency} emergencies), {len(kept)} word features"
    )


def rounds_named(spec: str) -> set[int]:
    """The rounds of "92-96,120"."""
    rounds: set[int] = set()
    for part in filter(None, (p.strip() for p in spec.split(","))):
        first, _, last = part.partition("-")
        rounds.update(range(int(first), int(last or first) + 1))
    return rounds


if __name__ == "__main__":
    main()
