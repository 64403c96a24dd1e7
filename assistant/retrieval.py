"""Find the vetted topics that answer a message, with the message's one embedding.

Each topic is indexed by the vectors of its title and example questions. A message scores a
topic by

* similarity: the best cosine between the message's vector (computed once per message by
  the pipeline's embed stage) and the topic's vectors; and
* naming: ``term_bonus`` when one of the topic's ``terms`` appears as a word in the message
  ("pneumonia", "acid reflux"). Long messages tell a story around a few naming words, which
  similarity alone dilutes.

Topics scoring at least ``min_score`` are relevant; at most ``top_k`` are returned, and a
second one only when it scores within ``second_margin`` of the first, so that the model gets
the passage that fits, not a mixture.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from assistant.embeddings import Embedder
from assistant.knowledge import KnowledgeBase, Topic

_PLACEHOLDER_RE = re.compile(r"<[A-Z]+(?:_[A-Z]+)*_\d+>")
_NON_WORD_RE = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class RetrievalSettings:
    min_score: float = 0.55
    term_bonus: float = 0.2
    top_k: int = 2
    second_margin: float = 0.05


@dataclass(frozen=True, slots=True)
class Passage:
    """A retrieved topic and why it was chosen."""

    topic: Topic
    score: float
    similarity: float
    term: str | None = None


def plain_words(text: str) -> str:
    """Lower case, placeholders and punctuation out, apostrophes dropped: the form terms match."""
    text = _PLACEHOLDER_RE.sub(" ", text).casefold().replace("'", "").replace("\u2019", "")
    return " ".join(_NON_WORD_RE.sub(" ", text).split())


def _term_regex(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    cleaned = sorted({plain_words(t) for t in terms if plain_words(t)}, key=len, reverse=True)
    if not cleaned:
        return None
    alternatives = "|".join(re.escape(term) for term in cleaned)
    # a simple plural or possessive still names the topic ("migraines", "ulcers")
    return re.compile(rf"\b(?:{alternatives})(?:s|es)?\b")


class KnowledgeIndex:
    """Scores every topic for a message in well under a millisecond (one matrix product)."""

    def __init__(
        self,
        knowledge: KnowledgeBase,
        embedder: Embedder,
        settings: RetrievalSettings | None = None,
    ) -> None:
        self.knowledge = knowledge
        self.embedder = embedder
        self.settings = settings or RetrievalSettings()
        texts: list[str] = []
        owners: list[int] = []
        for index, topic in enumerate(knowledge.topics):
            for text in (topic.title, *topic.questions):
                texts.append(text)
                owners.append(index)
        self._matrix = embedder.encode(texts)
        self._owners = np.asarray(owners, dtype=np.intp)
        self._terms = [_term_regex(topic.terms) for topic in knowledge.topics]

    def scores(self, vector: np.ndarray, text: str) -> list[Passage]:
        """Every topic's score for a message, best first."""
        similarity = np.full(len(self.knowledge), -1.0, dtype=np.float32)
        if vector.any():
            np.maximum.at(similarity, self._owners, self._matrix @ vector.astype(np.float32))
        words = plain_words(text)
        ranked: list[Passage] = []
        for index, topic in enumerate(self.knowledge.topics):
            regex = self._terms[index]
            found = regex.search(words) if regex is not None else None
            value = float(similarity[index])
            bonus = self.settings.term_bonus if found else 0.0
            ranked.append(
                Passage(
                    topic=topic,
                    score=round(value + bonus, 4),
                    similarity=round(value, 4),
                    term=found.group(0) if found else None,
                )
            )
        ranked.sort(key=lambda passage: passage.score, reverse=True)
        return ranked

    def search(self, vector: np.ndarray, text: str) -> tuple[Passage, ...]:
        """The relevant passages for a message (none when nothing is close enough)."""
        s = self.settings
        ranked = [p for p in self.scores(vector, text) if p.score >= s.min_score]
        if not ranked:
            return ()
        best = ranked[0].score
        chosen = [p for p in ranked[: s.top_k] if p.score >= best - s.second_margin]
        return tuple(chosen)
