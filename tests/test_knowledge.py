"""The vetted knowledge base: what ships, how bad edits are reported, and the training pairs."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest
import yaml

from assistant.errors import ConfigError
from assistant.finetune.data import load_examples
from assistant.knowledge import SOURCE_PUBLISHERS, KnowledgeBase
from assistant.settings import DATA_DIR
from bot.__main__ import main

KNOWLEDGE_DIR = DATA_DIR / "knowledge"


@pytest.fixture(scope="module")
def shipped() -> KnowledgeBase:
    return KnowledgeBase.from_dir(KNOWLEDGE_DIR)


def test_the_rules_answers_plus_at_least_100_topics_ship(shipped: KnowledgeBase) -> None:
    rules = yaml.safe_load((DATA_DIR / "rules.yaml").read_text(encoding="utf-8"))["rules"]
    rule_ids = {rule["id"] for rule in rules}
    assert rule_ids <= {topic.id for topic in shipped.topics}, "every rule's answer is a topic"
    assert len(shipped) - len(rule_ids) >= 100
    categories = {topic.category for topic in shipped.topics}
    assert {"medicines", "tests_and_treatments", "general_health"} <= categories


def test_every_topic_is_complete_and_names_its_guidance(shipped: KnowledgeBase) -> None:
    for topic in shipped.topics:
        assert topic.source.startswith(SOURCE_PUBLISHERS), topic.id
        assert topic.get_help and topic.answer.endswith("."), topic.id
        assert len(topic.questions) >= 3, topic.id
        # plain language for a phone screen: no jargon-length sentences
        longest = max(len(s.split()) for s in re.split(r"(?<=[.!?])\s", topic.passage))
        assert longest <= 60, topic.id


def test_training_pairs_cover_every_question(shipped: KnowledgeBase) -> None:
    pairs = list(shipped.training_pairs())
    assert len(pairs) == sum(len(t.questions) for t in shipped.topics)
    _question, answer, source = next(p for p in pairs if p[0] == "how do i stop a nosebleed")
    assert "lean forward" in answer and "Get emergency help" in answer
    assert source == "NHS: Nosebleed"


def test_finetune_exports_the_knowledge_base_as_training_pairs(
    shipped: KnowledgeBase, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "knowledge.jsonl"
    assert main(["finetune", "--export-knowledge", str(path), "--source", "knowledge"]) == 0
    expected = sum(len(t.questions) for t in shipped.topics)
    assert f"wrote {expected} vetted pairs (knowledge)" in capsys.readouterr().out
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == expected
    for row in rows:
        topic = shipped[row["source"].split("#")[1]]
        assert row["source"] == f"knowledge:{topic.category}#{topic.id}"
        assert row["question"] in topic.questions and row["answer"] == topic.passage
    assert len(load_examples(path).examples) == expected  # valid training data


ENTRY = r"topics\[0\] \(id 'hiccups'\): "
GOOD_TOPIC = {
    "id": "hiccups",
    "title": "Hiccups",
    "source": "NHS: Hiccups",
    "questions": ["how do i stop hiccups", "why do i get hiccups", "hiccups will not stop"],
    "answer": "Hiccups usually stop on their own.",
    "get_help": "See a doctor if they last more than 2 days.",
}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"source": None}, ENTRY + r"'source' must be a non-empty string"),
        ({"source": "a blog I read"}, ENTRY + r"'source' must name the public guidance"),
        ({"colour": "blue"}, ENTRY + r"unknown keys \['colour'\]"),
        ({"id": "Hiccups!"}, r"topics\[0\]: 'id' must be lower_snake_case"),
        ({"answer": "Hiccups stop"}, ENTRY + r"'answer' must end with a full stop"),
        ({"get_help": ""}, ENTRY + r"'get_help' must be a non-empty string"),
        ({"questions": ["only one"]}, ENTRY + r"'questions' needs at least 3"),
        ({"questions": "how do i stop hiccups"}, ENTRY + r"'questions' must be a list of strings"),
        ({"answer": "Word " * 230 + "end."}, ENTRY + r"answer and get_help hold \d+ words"),
    ],
)
def test_bad_entries_are_reported_with_file_and_entry(
    tmp_path: Path, change: dict[str, object], message: str
) -> None:
    topic = {**GOOD_TOPIC, **change}
    topic = {k: v for k, v in topic.items() if v is not None}
    (tmp_path / "breathing.yaml").write_text(
        yaml.safe_dump({"category": "breathing", "topics": [topic]}), encoding="utf-8"
    )
    with pytest.raises(ConfigError, match=r"knowledge/breathing\.yaml: " + message):
        KnowledgeBase.from_dir(tmp_path)


def test_ids_are_unique_across_files(tmp_path: Path) -> None:
    for name in ("a.yaml", "b.yaml"):
        (tmp_path / name).write_text(
            yaml.safe_dump({"category": "misc", "topics": [GOOD_TOPIC]}), encoding="utf-8"
        )
    with pytest.raises(ConfigError, match=r"knowledge/b\.yaml: topic id 'hiccups' is already"):
        KnowledgeBase.from_dir(tmp_path)


def test_check_config_validates_the_knowledge_base(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check-config"]) == 0
    assert re.search(r"knowledge: \d+ topics in \d+ categories OK", capsys.readouterr().err)

    (tmp_path / "broken.yaml").write_text(
        textwrap.dedent(
            """\
            category: broken
            topics:
              - id: no_source
                title: No source
                questions: [a, b, c]
                answer: Something.
                get_help: Ask.
            """
        ),
        encoding="utf-8",
    )
    config = tmp_path / "config.yaml"
    config.write_text(f"knowledge:\n  dir: {tmp_path}\n", encoding="utf-8")
    assert main(["check-config", "--config", str(config)]) == 2
    assert "knowledge/broken.yaml: topics[0] (id 'no_source'): 'source'" in capsys.readouterr().err
