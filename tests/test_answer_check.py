"""The answer check: the labelled bad and good answers, its policy, and its registry."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant import answer_check
from assistant.answer_check import (
    AnswerCheck,
    Draft,
    Finding,
    Reject,
    Repair,
    available_checks,
    create_checker,
    register_check,
)
from assistant.embeddings import Embedder, create_embedder
from assistant.errors import ConfigError
from assistant.knowledge import KnowledgeBase
from assistant.retrieval import Passage
from assistant.settings import (
    DATA_DIR,
    DEFAULT_ANSWER_CHECKS,
    AnswerCheckSettings,
    EmbeddingSettings,
)
from bot.answer_eval import (
    CHECK_CASES,
    CHECK_HOLDOUT,
    NO_PASSAGE,
    check_answer,
    load_jsonl,
    report,
    score_checks,
)


@pytest.fixture(scope="module")
def knowledge() -> KnowledgeBase:
    return KnowledgeBase.from_dir(DATA_DIR / "knowledge")


@pytest.fixture(scope="module")
def check_embedder() -> Embedder:
    embedder = create_embedder(EmbeddingSettings(backend="static"))
    embedder.load()
    return embedder


def test_the_labelled_set_covers_every_failure_kind() -> None:
    kinds = {case["kind"] for case in load_jsonl(CHECK_CASES) if case["expect"] == "reject"}
    assert kinds >= {
        "role_tokens",
        "speaker_label",
        "repetition",
        "non_language",
        "truncated",
        "echo",
        "persona",
        "invented_name",
        "dose",
        "prescription",
        "diagnosis",
        "discourages_care",
        "off_topic",
        "ungrounded",
    }


@pytest.mark.parametrize("cases", [CHECK_CASES, CHECK_HOLDOUT], ids=["labelled", "held-out"])
def test_bad_answers_are_caught_and_good_ones_pass(
    knowledge: KnowledgeBase, check_embedder: Embedder, cases: Path
) -> None:
    checker = create_checker(AnswerCheckSettings())
    score = score_checks(load_jsonl(cases), checker, knowledge, check_embedder)
    assert score.recall >= 0.95, score.missed
    assert score.false_reject_rate <= 0.10, score.false_rejects
    for kind, (right, total) in score.by_kind.items():
        assert right >= total - 1, (kind, right, total)
    assert score.precision >= 0.9


def draft(text: str, *, truncated: bool = False, topic: str = "pneumonia") -> Draft:
    base = KnowledgeBase.from_dir(DATA_DIR / "knowledge")
    return Draft(
        text,
        question="How is pneumonia treated?",
        passages=(Passage(base[topic], 1.0, 1.0),),
        truncated=truncated,
    )


def test_a_cut_off_answer_is_trimmed_to_its_last_sentence() -> None:
    checker = create_checker(AnswerCheckSettings())
    verdict = checker.review(
        draft(
            "Mild pneumonia is often treated at home with rest and fluids. Antibiotics from a "
            "doctor help when a bacterial infection is",
            truncated=True,
        )
    )
    assert verdict.passed and verdict.repaired_by == ("truncated",)
    assert verdict.text == "Mild pneumonia is often treated at home with rest and fluids."


class ExplodingCheck(AnswerCheck):
    name = "exploding"

    def _inspect(self, draft: Draft) -> Finding | None:
        raise RuntimeError("a bug in a clinic's check")


class EmptyingCheck(AnswerCheck):
    name = "emptying"

    def _inspect(self, draft: Draft) -> Finding | None:
        return Repair("   ")


class NoRecipesCheck(AnswerCheck):
    """What a clinic might add: its own rule, found by name from config."""

    name = "no_recipes"

    def _inspect(self, draft: Draft) -> Finding | None:
        return Reject("recipe") if "recipe" in draft.text.casefold() else None


@pytest.fixture
def plugins() -> Iterator[None]:
    register_check("exploding", "tests.test_answer_check:ExplodingCheck")
    register_check("emptying", "tests.test_answer_check:EmptyingCheck")
    yield
    answer_check._CHECKS.pop("exploding")
    answer_check._CHECKS.pop("emptying")


@pytest.mark.parametrize(
    ("checks", "text", "reason"),
    [
        (["exploding"], "Rest and drink fluids.", "exploding"),  # a bug fails closed
        (["emptying"], "Rest and drink fluids.", "emptying"),  # a repair must leave text
        (["repetition"], "   ", "repetition"),  # nothing to check is a rejection
    ],
)
def test_the_template_owns_the_policy(
    plugins: None, checks: list[str], text: str, reason: str
) -> None:
    verdict = create_checker(AnswerCheckSettings(checks=checks)).review(draft(text))
    assert not verdict.passed and verdict.reason == reason
    assert verdict.label == f"llm_rejected:{reason}"


def test_a_clinic_adds_its_own_check_from_config() -> None:
    settings = AnswerCheckSettings(
        checks=[*DEFAULT_ANSWER_CHECKS, "no_recipes"],
        plugins={"no_recipes": "tests.test_answer_check:NoRecipesCheck"},
    )
    checker = create_checker(settings)
    assert checker.names[-1] == "no_recipes"
    text = "Mild pneumonia is often treated at home with rest and fluids, see my recipe."
    assert checker.review(draft(text)).reason == "no_recipes"


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        (AnswerCheckSettings(checks=["no_such_check"]), "unknown answer check 'no_such_check'"),
        (
            AnswerCheckSettings(checks=["bad"], plugins={"bad": "assistant.settings:DATA_DIR"}),
            "'bad' is not an AnswerCheck subclass",
        ),
        (
            AnswerCheckSettings(
                checks=["other"], plugins={"other": "tests.test_answer_check:NoRecipesCheck"}
            ),
            "names itself 'no_recipes'",
        ),
    ],
)
def test_bad_check_names_are_config_errors(settings: AnswerCheckSettings, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        create_checker(settings)


def test_every_built_in_check_is_registered_and_on_by_default() -> None:
    assert set(DEFAULT_ANSWER_CHECKS) <= set(available_checks())
    assert create_checker(AnswerCheckSettings()).names == DEFAULT_ANSWER_CHECKS


def test_bot_eval_reports_the_check_and_the_grades(check_embedder: Embedder) -> None:
    text = report(DATA_DIR / "knowledge", create_checker(AnswerCheckSettings()), check_embedder)
    assert "answer check on" in text and "recall" in text and "precision" in text
    assert "graded final replies to real questions" in text
    assert "before-local:" in text and "after-api:" in text


@pytest.mark.parametrize(
    ("question", "answer", "reason"),
    [
        (
            "How do I get rid of hiccups?",
            "Hiccups usually stop on their own within a few minutes; sipping ice-cold water "
            "may help.",
            None,
        ),
        ("How do I get rid of hiccups?", "As a doctor, I see hiccups every day.", "persona"),
        ("what is the capital of France", "Paris is the capital of France.", NO_PASSAGE),
    ],
)
def test_the_finetune_bench_can_use_the_registered_check_chain(
    question: str, answer: str, reason: str | None
) -> None:
    """bench/finetune.py --answer-check bot.answer_eval:check_answer"""
    verdict = check_answer(question, answer)
    assert verdict.passed is (reason is None) and verdict.reason == reason
