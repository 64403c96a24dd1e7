"""Train the report reader's weights (assistant/data/report/model.json).

    .venv/bin/pip install "scikit-learn>=1.5,<2"     # build time only, never a runtime dependency
    .venv/bin/python assistant/data/build/train_report.py

Sources, all our own labelled messages (each names the NHS or NICE guidance it follows):
``assistant/data/triage_examples.jsonl`` (the acuity bank), ``tests/data/triage_fresh_rounds.jsonl``
(the sealed rounds, folded in once their first run was reported) and
``tests/data/triage_extra.jsonl``. Of each, only the messages in which an emergency red flag's
words appear, context aside (:meth:`Triage.names_an_emergency`), are read: the reader is only
ever asked about such messages. Its target is the message's label: emergency, or not. Never
read: the held-out rounds, the vignettes and the patient messages (``bot eval`` checks them),
the external consumer questions and any newer sealed round.

Method: one logistic regression, class-balanced and L2-regularised (C 8), over the tf-idf of
negation-marked words and word pairs (:func:`assistant.acuity_features.features`, features seen
in at least two messages, each row scaled to unit length), as :mod:`assistant.report`
computes it at run time. C and the features were chosen, and ``triage.report.unsure_below``
set, before the first run on a new sealed set (README, "Report reader"). The solver is
deterministic, so runs are repeatable.

``--cross-validate`` leaves out one sealed set of the fresh rounds at a time (five rounds from
round 67 on, ten before), trains on the rest and reads the set left out, then prints, for a
range of bars, how many labelled emergencies and non-emergencies would read below each: the
cost and the reach of ``triage.report.unsure_below`` on messages the reader never saw.
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

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from assistant.acuity import file_sha256  # noqa: E402
from assistant.acuity_features import features  # noqa: E402
from assistant.normalize import normalize_text  # noqa: E402
from assistant.settings import DATA_DIR  # noqa: E402
from assistant.triage import Triage  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_acuity import load_rows, sealed_set, tfidf_matrix  # noqa: E402  (the same rows, sets)

SOURCES = (
    DATA_DIR / "triage_examples.jsonl",
    ROOT / "tests" / "data" / "triage_fresh_rounds.jsonl",
    ROOT / "tests" / "data" / "triage_extra.jsonl",
)
OUT = DATA_DIR / "report" / "model.json"
MIN_DOCUMENTS = 2


def named_messages(triage: Triage, paths: tuple[Path, ...]) -> list[tuple[dict[str, Any], str]]:
    """Each labelled row whose text names an emergency, with its prepared text."""
    named = []
    for path in paths:
        for row in load_rows(path):
            text = normalize_text(row["text"])
            if triage.names_an_emergency(text):
                named.append((row, triage.prepare(text)))
    return named


def emergency_targets(named: list[tuple[dict[str, Any], str]]) -> np.ndarray:
    """1 where the row is labelled an emergency (``level``, or ``expect`` in triage_extra)."""
    return np.asarray(
        [(row.get("level") or row.get("expect")) == "emergency" for row, _ in named], dtype=int
    )


def load_messages(triage: Triage, paths: tuple[Path, ...]) -> tuple[list[str], np.ndarray]:
    """The prepared texts that name an emergency, and whether each is labelled one."""
    named = named_messages(triage, paths)
    return [text for _, text in named], emergency_targets(named)


def fit(texts: list[str], target: np.ndarray, c: float) -> tuple[dict[str, float], Any]:
    """The idf table and the fitted regression (scikit-learn is imported by the caller)."""
    from sklearn.linear_model import LogisticRegression

    counts = [features(text) for text in texts]
    documents = Counter(term for count in counts for term in count)
    kept = sorted(term for term, n in documents.items() if n >= MIN_DOCUMENTS)
    total = len(texts)  # sklearn's smoothed idf
    idf = {term: 1.0 + math.log((1 + total) / (1 + documents[term])) for term in kept}
    matrix, _ = tfidf_matrix(counts, idf)
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=5000)
    return idf, model.fit(matrix, target)


def cross_validate(triage: Triage, c: float) -> None:
    """Leave-one-set-out probabilities on the fresh rounds, summed per bar."""
    always_texts, always_target = load_messages(triage, (SOURCES[0], SOURCES[2]))
    named = named_messages(triage, (SOURCES[1],))
    groups = [sealed_set(row["round"]) for row, _ in named]
    texts = [text for _, text in named]
    target = emergency_targets(named)
    read = np.zeros(len(named))
    for group in sorted(set(groups)):
        out = np.asarray([g == group for g in groups])
        train = always_texts + [t for t, o in zip(texts, out, strict=True) if not o]
        idf, model = fit(train, np.concatenate([always_target, target[~out]]), c)
        held = [features(t) for t, o in zip(texts, out, strict=True) if o]
        read[out] = model.predict_proba(tfidf_matrix(held, idf)[0])[:, 1]
    print(f"{len(named)} fresh messages naming an emergency, {int(target.sum())} emergencies")
    for bar in (0.04, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3):
        below = read < bar
        lost = [row["id"] for (row, _), b, y in zip(named, below, target, strict=True) if b and y]
        print(
            f"below {bar:.2f}: emergencies {len(lost)} {lost}, "
            f"non-emergencies {int((below & (target == 0)).sum())}/{int((target == 0).sum())}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--C", type=float, default=8.0, help="inverse L2 strength")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument(
        "--cross-validate", action="store_true", help="leave one sealed set out; write nothing"
    )
    args = parser.parse_args()

    triage = Triage.from_file(DATA_DIR / "red_flags.yaml")
    if args.cross_validate:
        cross_validate(triage, args.C)
        return
    texts, target = load_messages(triage, SOURCES)
    idf, model = fit(texts, target, args.C)
    kept = sorted(idf)
    total = len(texts)
    column = {term: i for i, term in enumerate(kept)}
    coef = model.coef_[0]
    payload = {
        "about": "assistant/data/build/train_report.py; do not edit by hand",
        "sources_sha256": {str(path.relative_to(ROOT)): file_sha256(path) for path in SOURCES},
        "messages": total,
        "emergency_messages": int(target.sum()),
        "C": args.C,
        "idf": {term: round(idf[term], 6) for term in kept},
        "word_weights": {term: round(float(coef[i]), 6) for term, i in column.items()},
        "bias": round(float(model.intercept_[0]), 6),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(payload, sort_keys=True, indent=0) + "\n", encoding="utf-8")
    print(
        f"{total} messages naming an emergency ({int(target.sum())} emergencies), {len(kept)} features"
    )


if __name__ == "__main__":
    main()
