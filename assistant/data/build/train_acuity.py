"""Train the acuity fallback's weights (assistant/data/acuity/model.json).

    .venv/bin/pip install "scikit-learn>=1.5,<2"     # build time only, never a runtime dependency
    .venv/bin/python assistant/data/build/train_acuity.py

Source: ``assistant/data/triage_examples.jsonl``, our own example messages (clinician notes and
patients' chat messages), each labelled emergency, urgent or not urgent and naming the NHS or
NICE guidance it follows. No external or evaluation text is read: the labelled sets in
``tests/data/`` and the external consumer questions stay a check of what this builds.

Method: two logistic regressions, acute (emergency or urgent) against not urgent and emergency
against the rest, each class-balanced and L2-regularised, over three feature groups that
:mod:`assistant.acuity` computes the same way at run time: tf-idf of negation-marked words and
word pairs, tf-idf of the words' character 3- to 5-grams (each group's features seen in at
least two examples, each group scaled to unit length on its own) and the shipped static
sentence vector. The character n-grams were added after an offline comparison on our labelled
cases (README, "Acuity"): they read a misspelt or inflected word as the bank's word. The output holds the idf of each kept feature and, per
head, each feature's weight, the vector's weights and the bias, and the sha256 of the bank it was trained on
(``tests/test_acuity.py`` checks that it is the shipped bank). Runs are repeatable: the solver
is deterministic.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix, hstack

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from assistant.acuity import HEADS, file_sha256  # noqa: E402
from assistant.acuity_features import char_ngrams, features, tfidf  # noqa: E402
from assistant.context import ContextReader  # noqa: E402
from assistant.embeddings import create_embedder  # noqa: E402
from assistant.settings import DATA_DIR, EmbeddingSettings  # noqa: E402

BANK = DATA_DIR / "triage_examples.jsonl"
OUT = DATA_DIR / "acuity" / "model.json"
MIN_DOCUMENTS = 2


def load_bank(path: Path) -> tuple[list[str], np.ndarray]:
    """The bank's texts and levels."""
    texts, levels = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            texts.append(row["text"])
            levels.append(row["level"])
    return texts, np.asarray(levels)


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--C", type=float, default=8.0, help="inverse L2 strength")
    parser.add_argument("--vector-weight", type=float, default=0.5, help="0: words only")
    parser.add_argument(
        "--char-ngrams", default="3-5", help="shortest-longest character n-gram; 0: none"
    )
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--bank", type=Path, default=BANK, help="for experiments only")
    args = parser.parse_args()

    from sklearn.linear_model import LogisticRegression

    texts, levels = load_bank(args.bank)
    acute = (levels != "not_urgent").astype(int)
    emergency = (levels == "emergency").astype(int)
    reader = ContextReader.from_file(DATA_DIR / "context.yaml")
    prepared = [reader.prepare(text) for text in texts]
    sizes = None
    if args.char_ngrams != "0":
        shortest, longest = args.char_ngrams.split("-")
        sizes = (int(shortest), int(longest))
    groups = [[features(text) for text in prepared]]
    if sizes is not None:
        groups.append([char_ngrams(text, sizes) for text in prepared])
    total = len(texts)
    idf: dict[str, float] = {}
    blocks = []
    for counts in groups:
        documents = Counter(term for count in counts for term in count)
        kept = sorted(term for term, n in documents.items() if n >= MIN_DOCUMENTS)
        # sklearn's smoothed idf
        group_idf = {term: 1.0 + math.log((1 + total) / (1 + documents[term])) for term in kept}
        blocks.append(tfidf_matrix(counts, group_idf))
        idf.update(group_idf)
    kept = [term for _, terms in blocks for term in terms]
    column = {term: i for i, term in enumerate(kept)}
    words = hstack([block for block, _ in blocks]).tocsr()

    embedder = create_embedder(EmbeddingSettings())
    vectors = embedder.encode(texts) * args.vector_weight
    matrix = hstack([words, csr_matrix(vectors)]).tocsr() if args.vector_weight else words
    targets = {"acute": acute, "emergency": emergency}
    heads = {}
    for head in HEADS:
        model = LogisticRegression(C=args.C, class_weight="balanced", max_iter=5000)
        model.fit(matrix, targets[head])
        coef = model.coef_[0]
        heads[head] = {
            "bias": round(float(model.intercept_[0]), 6),
            "word_weights": {term: round(float(coef[i]), 6) for term, i in column.items()},
            "vector_weights": (
                [round(float(w) * args.vector_weight, 6) for w in coef[len(kept) :]]
                if args.vector_weight
                else []
            ),
        }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "about": "assistant/data/build/train_acuity.py; do not edit by hand",
        "bank_sha256": file_sha256(args.bank),
        "examples": total,
        "acute_examples": int(acute.sum()),
        "emergency_examples": int(emergency.sum()),
        "C": args.C,
        "char_ngrams": list(sizes) if sizes is not None else None,
        "vector_weight": args.vector_weight,
        "embedder": embedder.fingerprint if args.vector_weight else "",
        "idf": {term: round(idf[term], 6) for term in kept},
        "heads": heads,
    }
    args.out.write_text(json.dumps(payload, sort_keys=True, indent=0) + "\n", encoding="utf-8")
    print(
        f"{total} examples ({int(acute.sum())} acute, {int(emergency.sum())} emergencies), "
        f"{len(kept)} word features"
    )


if __name__ == "__main__":
    main()
