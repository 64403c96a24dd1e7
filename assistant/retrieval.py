"""Find the vetted topic that answers a message, from the message's one embedding.

A message scores each topic by three pieces of evidence:

* similarity: the best cosine between the message's vector (computed once per message by
  the pipeline's embed stage) and the vectors of the topic's title and example questions;
* naming: ``term_bonus`` when one of the topic's ``terms`` appears as a word in the message
  ("pneumonia", "acid reflux"). Long messages tell a story around a few naming words, which
  one vector for the whole message dilutes;
* naming the whole question: up to ``coverage_bonus`` more when the term is most of what
  the message says ("Do I have costochondritis?"), where one vector knows the rare word least;
* words: ``lexical_weight`` times a BM25 score over the topic's words, saturated as
  ``bm25 / (bm25 + lexical_saturation)`` so that rare shared words count most.

Topics scoring at least ``min_score`` are relevant. The weights and the bar depend on the
embedder (a static model's cosines run higher and flatter than a transformer's), so each
embedder has its own profile, measured on labelled real questions (`python -m bot eval`).
By default retrieval reads the message's one vector, the one the rules read.
"""

from __future__ import annotations

import hashlib
import logging
import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from assistant.embeddings import Embedder
from assistant.knowledge import KnowledgeBase, Topic
from assistant.prefilter import IndexedRegex, WordIndex

log = logging.getLogger(__name__)

_PLACEHOLDER_RE = re.compile(r"<[A-Z]+(?:_[A-Z]+)*_\d+>")
_NON_WORD_RE = re.compile(r"[^a-z0-9]+")
# Words that say nothing about a topic; dropped before BM25.
_STOPWORDS_TEXT = """
    a about above after again against all also am an and any anyone are as at be because been
    before being below between both but by can cant could did do does doing dont down during
    each few for from further get got had has have having he her here hers him his how i if
    in into is it its just me more most my no nor not now of off on once only or other our out
    over own same she should so some such than that the their them then there these they this
    those through to too under until up very was we were what when where which while who whom
    why will with would you your yours doctor hello hi dear please thanks thank question sir
    madam year years old month months week weeks day days since ago last past time times
    """
_STOPWORDS = frozenset(_STOPWORDS_TEXT.split())


@dataclass(frozen=True, slots=True)
class RetrievalSettings:
    #: a topic is relevant from this score up
    min_score: float = 0.74
    #: added when one of the topic's terms is in the message
    term_bonus: float = 0.1
    #: added in proportion to the share of the message's content words the term makes up
    coverage_bonus: float = 0.3
    #: weight of the BM25 evidence (0 turns it off), and the BM25 score that counts half
    lexical_weight: float = 0.3
    lexical_saturation: float = 8.0
    #: subtract the mean topic vector first (helps static models, whose vectors share a
    #: large common direction)
    center: bool = False
    #: at most this many passages, the others within ``second_margin`` of the best
    top_k: int = 1
    second_margin: float = 0.05


#: measured per embedder on labelled real questions (see bench/answers.py and the README)
PROFILES: dict[str, RetrievalSettings] = {
    "transformer": RetrievalSettings(),
    "static": RetrievalSettings(
        min_score=0.76, lexical_weight=0.45, coverage_bonus=0.5, center=True
    ),
}


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


def content_words(text: str) -> list[str]:
    return [w for w in plain_words(text).split() if len(w) > 2 and w not in _STOPWORDS]


def term_regex(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    cleaned = sorted({plain_words(t) for t in terms if plain_words(t)}, key=len, reverse=True)
    if not cleaned:
        return None
    alternatives = "|".join(re.escape(term) for term in cleaned)
    # a simple plural still names the topic ("migraines", "ulcers")
    return re.compile(rf"\b(?:{alternatives})(?:s|es)?\b")


class _BM25:
    """Okapi BM25 over one document per topic (title, terms, questions and answer)."""

    def __init__(self, documents: list[list[str]], k1: float = 1.2, b: float = 0.75) -> None:
        self._k1, self._b = k1, b
        self._lengths = np.asarray([len(d) for d in documents], dtype=np.float32)
        self._average = float(self._lengths.mean()) if len(documents) else 1.0
        frequency = Counter(word for document in documents for word in set(document))
        count = len(documents)
        self._idf = {
            word: math.log(1 + (count - n + 0.5) / (n + 0.5)) for word, n in frequency.items()
        }
        self._postings: dict[str, list[tuple[int, int]]] = {}
        for index, document in enumerate(documents):
            for word, times in Counter(document).items():
                self._postings.setdefault(word, []).append((index, times))

    def scores(self, words: list[str]) -> np.ndarray:
        result = np.zeros(len(self._lengths), dtype=np.float32)
        for word in set(words):
            for index, times in self._postings.get(word, ()):
                norm = self._k1 * (1 - self._b + self._b * self._lengths[index] / self._average)
                result[index] += self._idf[word] * times * (self._k1 + 1) / (times + norm)
        return result


class KnowledgeIndex:
    """Scores every topic for a message in about a millisecond."""

    def __init__(
        self,
        knowledge: KnowledgeBase,
        embedder: Embedder,
        settings: RetrievalSettings | None = None,
        *,
        cache_dir: Path | None = None,
    ) -> None:
        self.knowledge = knowledge
        self.embedder = embedder
        self.settings = settings or PROFILES.get(embedder.name, RetrievalSettings())
        texts: list[str] = []
        owners: list[int] = []
        for index, topic in enumerate(knowledge.topics):
            for text in (topic.title, *topic.questions):
                texts.append(text)
                owners.append(index)
        matrix = _cached_vectors(embedder, texts, cache_dir)
        self._center = matrix.mean(axis=0) if self.settings.center else None
        self._matrix = self._recenter(matrix)
        self._owners = np.asarray(owners, dtype=np.intp)
        # Indexed by the words a match starts with: a message names few of 240 topics, and
        # trying every topic's regex at every position cost 1.8 ms a message.
        self._terms = [
            IndexedRegex.of(regex) if regex is not None else None
            for regex in (term_regex(topic.terms) for topic in knowledge.topics)
        ]
        self._bm25 = _BM25(
            [
                content_words(" ".join((t.title, *t.terms, *t.questions, t.answer)))
                for t in knowledge.topics
            ]
        )

    def with_settings(self, **changes: float | int | bool) -> KnowledgeIndex:
        """A copy with other weights (for calibration); shares the vectors."""
        copy = object.__new__(KnowledgeIndex)
        copy.__dict__.update(self.__dict__)
        copy.settings = replace(self.settings, **changes)  # type: ignore[arg-type]
        return copy

    def _recenter(self, vectors: np.ndarray) -> np.ndarray:
        if self._center is None:
            return vectors.astype(np.float32)
        shifted = vectors - self._center
        norms = np.linalg.norm(shifted, axis=-1, keepdims=True)
        return (shifted / np.where(norms > 0, norms, 1.0)).astype(np.float32)

    def _score_arrays(
        self, vector: np.ndarray, text: str
    ) -> tuple[np.ndarray, np.ndarray, list[re.Match[str] | None]]:
        """(combined score, similarity, the term found) for every topic, as arrays."""
        s = self.settings
        similarity = np.full(len(self.knowledge), -1.0, dtype=np.float32)
        if vector.any():
            query = self._recenter(vector.astype(np.float32))
            np.maximum.at(similarity, self._owners, self._matrix @ query)
        content = content_words(text)
        lexical = self._bm25.scores(content)
        score = similarity + s.lexical_weight * lexical / (lexical + s.lexical_saturation)
        words = WordIndex(plain_words(text))
        found: list[re.Match[str] | None] = [
            next(words.finditer(regex, gated=True), None)
            if regex is not None and words.may_match(regex)
            else None
            for regex in self._terms
        ]
        for index, match in enumerate(found):
            if match is not None:
                share = min(1.0, len(match.group(0).split()) / max(1, len(content)))
                score[index] += s.term_bonus + s.coverage_bonus * share
        return score, similarity, found

    def _passage(
        self,
        index: int,
        score: np.ndarray,
        similarity: np.ndarray,
        found: list[re.Match[str] | None],
    ) -> Passage:
        match = found[index]
        return Passage(
            topic=self.knowledge.topics[index],
            score=round(float(score[index]), 4),
            similarity=round(float(similarity[index]), 4),
            term=match.group(0) if match else None,
        )

    def scores(self, vector: np.ndarray, text: str) -> list[Passage]:
        """Every topic's score for a message, best first."""
        score, similarity, found = self._score_arrays(vector, text)
        order = np.argsort(-score, kind="stable")
        return [self._passage(int(i), score, similarity, found) for i in order]

    def search(self, vector: np.ndarray, text: str) -> tuple[Passage, ...]:
        """The relevant passages for a message, best first (none when nothing is close)."""
        s = self.settings
        score, similarity, found = self._score_arrays(vector, text)
        order = np.argsort(-score, kind="stable")[: s.top_k]
        best = float(score[order[0]]) if len(order) else -1.0
        if best < s.min_score:
            return ()
        return tuple(
            self._passage(int(i), score, similarity, found)
            for i in order
            if score[i] >= s.min_score and score[i] >= best - s.second_margin
        )


# -- the topics' vectors, cached by content ------------------------------------------------

_MEMORY: dict[str, np.ndarray] = {}


def _cached_vectors(embedder: Embedder, texts: list[str], cache_dir: Path | None) -> np.ndarray:
    """The vectors of ``texts``; kept in memory and on disk, keyed by the model and the texts.

    A transformer takes seconds for the ~1,500 texts of the knowledge base; an edit to any
    topic, or a rebuilt model (``Embedder.fingerprint``), changes the key, so a stale file is
    never used.
    """
    embedder.load()
    digest = hashlib.sha256("\n".join([embedder.fingerprint, *texts]).encode()).hexdigest()[:24]
    cached = _MEMORY.get(digest)
    if cached is not None:
        return cached
    path = cache_dir / f"knowledge-{embedder.name}-{digest}.npy" if cache_dir else None
    if path is not None and path.is_file():
        try:
            vectors = np.load(path)
            if vectors.shape == (len(texts), embedder.dim):
                _MEMORY[digest] = vectors
                return vectors
        except (OSError, ValueError) as exc:
            log.warning("knowledge index cache unreadable (%s); rebuilding", type(exc).__name__)
    vectors = embedder.encode(texts)
    _MEMORY[digest] = vectors
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            np.save(path, vectors)
        except OSError as exc:
            log.warning("cannot write the knowledge index cache: %s", type(exc).__name__)
    return vectors
