"""The vetted knowledge base as fine-tuning pairs.

``python -m bot finetune --export-knowledge PATH --source knowledge`` writes every example
question of every topic with the passage a patient would read (answer and "when to get
help"). The fine-tuning export finds sources by name (:mod:`assistant.finetune.knowledge`);
the app registers this one with the configured knowledge folder.
"""

from __future__ import annotations

from pathlib import Path

from assistant.finetune.knowledge import VettedPair, register_source
from assistant.knowledge import KnowledgeBase
from assistant.settings import DATA_DIR

SOURCE_NAME = "knowledge"


def knowledge_pairs(folder: Path = DATA_DIR / "knowledge") -> list[VettedPair]:
    """One pair per example question; ``source`` is ``knowledge:<category>#<topic id>``."""
    base = KnowledgeBase.from_dir(folder)
    return [
        VettedPair(
            question=question,
            answer=topic.passage,
            source=f"{SOURCE_NAME}:{topic.category}#{topic.id}",
            title=topic.title,
            passage=topic.passage,
        )
        for topic in base.topics
        for question in topic.questions
    ]


def register_knowledge_source(folder: Path = DATA_DIR / "knowledge") -> None:
    """Make ``--source knowledge`` export the topics in ``folder``."""
    register_source(SOURCE_NAME, lambda: knowledge_pairs(folder))
