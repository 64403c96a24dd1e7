"""Score the answer check on its labelled set, and count the graded real replies.

Shared by `python -m bot eval` and the tests, so both apply the same bars.

* ``tests/data/answer_check_cases.jsonl``: answers written by the team, each labelled
  ``expect: reject`` (one kind of failure: repetition, persona, dose, ...) or ``pass``, with
  the question and the knowledge topic it was answered from.
* ``tests/data/graded_replies.jsonl``: ids of real questions (never their text), one line per
  run (``before-local``, ``after-api``, ...) with the grade a reviewer gave the final reply:
  A safe and helpful, B safe but unhelpful, C unsafe, D broken, and the reason in a few words.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.answer_check import AnswerChecker, Draft, Verdict
from assistant.embeddings import Embedder
from assistant.grounding import GroundedResponder
from assistant.knowledge import KnowledgeBase
from assistant.normalize import normalize_text
from assistant.pipeline import Assistant
from assistant.placeholders import PlaceholderVault
from assistant.retrieval import Passage

DATA_DIR = Path(__file__).resolve().parent.parent / "tests" / "data"
CHECK_CASES = DATA_DIR / "answer_check_cases.jsonl"
#: written later and scored once, without changing a check afterwards
CHECK_HOLDOUT = DATA_DIR / "answer_check_holdout.jsonl"
GRADED_REPLIES = DATA_DIR / "graded_replies.jsonl"
RETRIEVAL_LABELS = DATA_DIR / "retrieval_dev_labels.jsonl"
GRADES = ("A", "B", "C", "D")
CONFIG_PATH = Path(__file__).resolve().parent.parent / "config.yaml"
#: the reason when no vetted passage fits the question (the bot would not ask the model)
NO_PASSAGE = "no_passage"


def split_of(case_id: str) -> str:
    """The fixed tuning / held-out split: the first byte of the id's SHA-256, even: tune."""
    return "tune" if hashlib.sha256(case_id.encode("utf-8")).digest()[0] % 2 == 0 else "check"


@dataclass
class RetrievalScore:
    """The top passage per labelled question (``retrieval_dev_labels.jsonl``)."""

    right: int = 0
    wrong: int = 0
    missed: int = 0
    answerable: int = 0
    unanswerable: int = 0
    false_answers: int = 0

    @property
    def precision(self) -> float:
        """Of the passages shown, the share on a topic a reviewer accepted for the question."""
        shown = self.right + self.wrong + self.false_answers
        return self.right / shown if shown else 1.0

    @property
    def recall(self) -> float:
        """Of the questions we have a topic for, the share that got one of those topics."""
        return self.right / self.answerable if self.answerable else 1.0

    def describe(self) -> str:
        return (
            f"retrieval on {self.answerable + self.unanswerable} labelled real questions: "
            f"precision {self.precision:.1%} ({self.right} right, {self.wrong} wrong topic, "
            f"{self.false_answers} shown where no topic fits), recall {self.recall:.1%} "
            f"({self.right}/{self.answerable}, {self.missed} missed)"
        )


def score_retrieval(
    labels: list[dict[str, Any]], texts: dict[str, str], responder: GroundedResponder
) -> RetrievalScore:
    """Top passage for each labelled question against the topics a reviewer accepted.

    ``texts`` maps id to the question as the stage sees it: anonymized by the caller, as in
    the pipeline. Retrieval runs with the responder's settings (threshold, top k).
    """
    score = RetrievalScore()
    rows = [row for row in labels if row["id"] in texts]
    vectors = responder.index.embedder.encode([texts[row["id"]] for row in rows])
    for row, vector in zip(rows, vectors, strict=True):
        found = responder.retrieve(vector, texts[row["id"]])
        top = found[0].topic.id if found else None
        if row["topics"]:
            score.answerable += 1
            if top is None:
                score.missed += 1
            elif top in row["topics"]:
                score.right += 1
            else:
                score.wrong += 1
        else:
            score.unanswerable += 1
            score.false_answers += top is not None
    return score


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@dataclass
class CheckScore:
    bad: int = 0
    caught: int = 0
    good: int = 0
    wrongly_rejected: int = 0
    #: kind -> (caught, total)
    by_kind: dict[str, list[int]] = field(default_factory=dict)
    #: check name -> rejections it made
    by_check: Counter[str] = field(default_factory=Counter)
    missed: list[str] = field(default_factory=list)
    false_rejects: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.caught / self.bad if self.bad else 1.0

    @property
    def precision(self) -> float:
        rejected = self.caught + self.wrongly_rejected
        return self.caught / rejected if rejected else 1.0

    @property
    def false_reject_rate(self) -> float:
        return self.wrongly_rejected / self.good if self.good else 0.0


def score_checks(
    cases: list[dict[str, Any]],
    checker: AnswerChecker,
    knowledge: KnowledgeBase,
    embedder: Embedder | None,
) -> CheckScore:
    score = CheckScore()
    for case in cases:
        topic = knowledge[case["topic"]]
        draft = Draft(
            case["answer"],
            question=case["question"],
            passages=(Passage(topic, 1.0, 1.0),),
            truncated=bool(case.get("truncated")),
            embedder=embedder,
        )
        verdict = checker.review(draft)
        if not verdict.passed and verdict.reason:
            score.by_check[verdict.reason] += 1
        kind = score.by_kind.setdefault(case["kind"], [0, 0])
        kind[1] += 1
        if case["expect"] == "reject":
            score.bad += 1
            if verdict.passed:
                score.missed.append(case["id"])
            else:
                score.caught += 1
                kind[0] += 1
        else:
            score.good += 1
            if verdict.passed:
                kind[0] += 1
            else:
                score.wrongly_rejected += 1
                score.false_rejects.append(f"{case['id']}:{verdict.reason}")
    return score


def report(knowledge_dir: Path, checker: AnswerChecker, embedder: Embedder | None) -> str:
    """The lines `python -m bot eval` prints for the answer check and the graded replies."""
    knowledge = KnowledgeBase.from_dir(knowledge_dir)
    lines: list[str] = []
    for name, path in (("labelled", CHECK_CASES), ("held-out", CHECK_HOLDOUT)):
        score = score_checks(load_jsonl(path), checker, knowledge, embedder)
        kinds = ", ".join(f"{k} {r}/{t}" for k, (r, t) in sorted(score.by_kind.items()))
        lines += [
            f"answer check on {score.bad} bad and {score.good} good {name} answers: "
            f"recall {score.recall:.1%} ({score.caught}/{score.bad}), precision "
            f"{score.precision:.1%}, good answers wrongly rejected "
            f"{score.false_reject_rate:.1%} ({score.wrongly_rejected}/{score.good}); "
            f"missed: {score.missed or 'none'}; wrongly rejected: {score.false_rejects or 'none'}",
            f"  per kind (right/total): {kinds}",
        ]
    if GRADED_REPLIES.is_file():
        lines.append("graded final replies to real questions (A/B/C/D):")
        lines.append(describe_grades(grade_counts(load_jsonl(GRADED_REPLIES))))
    return "\n".join(lines) + "\n"


def knowledge_report(assistant: Assistant, knowledge_dir: Path, eval_dir: Path) -> str:
    """The answer check, the graded replies and, with the external questions, retrieval."""
    responder = assistant.responder
    if responder is None:
        return ""
    text = report(knowledge_dir, responder.checker, responder.check_embedder)
    questions = eval_dir / "external" / "consumer_questions_dev.jsonl"
    if questions.is_file():
        labels = load_jsonl(RETRIEVAL_LABELS)
        wanted = {row["id"] for row in labels}
        texts = {
            # as the pipeline reads them: normalized, then anonymized
            row["id"]: assistant.anonymizer.anonymize(
                normalize_text(row["text"]).strip(), PlaceholderVault()
            ).text
            for row in load_jsonl(questions)
            if row["id"] in wanted
        }
        text += score_retrieval(labels, texts, responder).describe() + "\n"
        for half in ("tune", "check"):  # the id-hash halves: how far a calibration carries
            part = [row for row in labels if split_of(row["id"]) == half]
            text += f"  {half} half: {score_retrieval(part, texts, responder).describe()}\n"
    return text


def grade_counts(rows: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """run -> {A: n, B: n, C: n, D: n}."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        counts[row["run"]][row["grade"]] += 1
    return {run: {g: counts[run][g] for g in GRADES} for run in sorted(counts)}


def describe_grades(counts: dict[str, dict[str, int]]) -> str:
    lines = []
    for run, grades in counts.items():
        total = sum(grades.values())
        share = grades["A"] / total if total else 0.0
        cells = " ".join(f"{g}={grades[g]}" for g in GRADES)
        lines.append(f"  {run}: {cells} of {total} (A {share:.0%})")
    return "\n".join(lines)


@lru_cache(maxsize=1)
def _shipped_responder() -> GroundedResponder:
    from bot.app import build_responder
    from bot.config import load_config

    responder, _ = build_responder(load_config(CONFIG_PATH, environ={}))
    return responder


def check_answer(question: str, answer: str) -> Verdict:
    """The registered answer-check chain on one answer, as the bot runs it.

    For ``bench/finetune.py --answer-check bot.answer_eval:check_answer``: the question's
    vetted passage is retrieved with the shipped config (embedder, knowledge base, checks),
    and the answer is reviewed against it. A question no passage fits fails with
    ``no_passage``, since the bot would not have asked the model. Loads in seconds once.
    """
    responder = _shipped_responder()
    embedder = responder.index.embedder
    passages = responder.retrieve(embedder.encode_one(question), question)
    if not passages:
        return Verdict(False, "", reason=NO_PASSAGE)
    draft = Draft(answer, question=question, passages=passages, embedder=responder.check_embedder)
    return responder.checker.review(draft)
