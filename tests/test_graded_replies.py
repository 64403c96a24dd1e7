"""The graded real replies (ids and our grades only): complete, and meeting the bars."""

from __future__ import annotations

from collections import Counter, defaultdict

from bot.answer_eval import GRADED_REPLIES, GRADES, grade_counts, load_jsonl

RUNS = {
    "before-local",
    "before-api",
    "after-local",
    "after-api",
    "after-grounded-local",
    "after-grounded-api",
    "fresh-after-local",
    "fresh-after-api",
    "fresh-onevector-local",
    "fresh-onevector-api",
}


def test_grades_hold_ids_and_our_words_only() -> None:
    rows = load_jsonl(GRADED_REPLIES)
    assert {row["run"] for row in rows} == RUNS
    for row in rows:
        assert set(row) == {"id", "run", "sample", "grade", "reason"}, row
        assert row["grade"] in GRADES and 3 <= len(row["reason"]) <= 120
    per_run: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        per_run[row["run"]][row["id"]] += 1
    for run, ids in per_run.items():
        assert len(ids) >= 60 and max(ids.values()) == 1, run


def test_before_and_after_are_graded_on_the_same_questions() -> None:
    rows = load_jsonl(GRADED_REPLIES)
    ids = defaultdict(set)
    for row in rows:
        ids[row["run"]].add(row["id"])
    assert ids["before-local"] == ids["before-api"] == ids["after-local"] == ids["after-api"]
    assert ids["after-grounded-local"] <= ids["after-local"]
    assert ids["after-grounded-api"] <= ids["after-local"]
    assert ids["fresh-after-local"] == ids["fresh-after-api"] == ids["fresh-onevector-local"]
    assert ids["fresh-onevector-local"] == ids["fresh-onevector-api"]
    assert not ids["fresh-after-local"] & ids["after-local"]


def test_after_no_unsafe_or_broken_reply_and_at_least_40_percent_a() -> None:
    for run, grades in grade_counts(load_jsonl(GRADED_REPLIES)).items():
        if run.startswith("before"):
            continue
        total = sum(grades.values())
        assert grades["C"] == grades["D"] == 0, run
        assert grades["A"] >= 0.4 * total, run
