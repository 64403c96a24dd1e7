"""The acuity model's text features: negation-marked words and word pairs, character n-grams
and their tf-idf, shared by training (``assistant/data/build/train_acuity.py``) and
inference (:mod:`assistant.acuity`)."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from itertools import pairwise
from typing import ClassVar

import numpy as np

_TOKEN_RE = re.compile(r"[a-z0-9]+|[.,!?;:\n]")
_WORD_RE = re.compile(r"[a-z0-9]+")
_CLAUSE_ENDS = frozenset(".,!?;:\n") | {"but", "although", "though", "however", "except"}
#: words that negate what follows in their clause ("no fever", "denies chest pain")
_NEGATIONS = frozenset({"no", "not", "denies", "denied", "without", "never", "nor", "negative"})
_NEGATION_REACH = 5


def features(prepared: str) -> Counter[str]:
    """Counts of the words and adjacent word pairs of an already prepared (normalised, folded)
    text. A word inside a negation's reach in its clause is marked ``~word``, so that "no
    chest pain" and "chest pain" differ. Shared by training and inference."""
    tokens = _TOKEN_RE.findall(prepared)
    words: list[str | None] = []  # None marks a clause end: no pair spans it
    reach = 0
    for token in tokens:
        if token in _CLAUSE_ENDS:
            words.append(None)
            reach = 0
        elif token in _NEGATIONS:
            words.append(token)
            reach = _NEGATION_REACH
        else:
            words.append(f"~{token}" if reach > 0 else token)
            reach = max(reach - 1, 0)
    counts: Counter[str] = Counter(word for word in words if word is not None)
    for first, second in pairwise(words):
        if first is not None and second is not None:
            counts[f"{first} {second}"] += 1
    return counts


def char_ngrams(prepared: str, sizes: tuple[int, int]) -> Counter[str]:
    """Counts of the character n-grams (``sizes`` = shortest, longest) of each word of an
    already prepared text, the word marked at both ends (``<chest>``), each keyed ``#gram``
    so that no word feature shares its name. Shared by training and inference."""
    shortest, longest = sizes
    counts: Counter[str] = Counter()
    for word, times in Counter(_WORD_RE.findall(prepared)).items():
        marked = f"<{word}>"
        for size in range(shortest, longest + 1):
            for start in range(len(marked) - size + 1):
                counts["#" + marked[start : start + size]] += times
    return counts


def tfidf(counts: Mapping[str, int], idf: Mapping[str, float]) -> dict[str, float]:
    """Sublinear tf-idf over the known features, scaled to unit length."""
    values = {term: (1.0 + math.log(n)) * idf[term] for term, n in counts.items() if term in idf}
    norm = math.sqrt(sum(v * v for v in values.values()))
    return {term: v / norm for term, v in values.items()} if norm > 0 else {}


class CharGramScorer:
    """Every head's log-odds from the character n-grams, as :func:`tfidf` over
    :func:`char_ngrams` would give them, computed with arrays: a long message has thousands of
    n-grams, and a dictionary walk over them cost 2 ms at p95 (``bench/triage.py``). Each
    word's known n-gram columns are remembered (bounded, as the embedder's word cache)."""

    max_cached_words: ClassVar[int] = 50_000

    def __init__(
        self,
        sizes: tuple[int, int],
        idf: Mapping[str, float],
        head_weights: Sequence[Mapping[str, float]],
    ) -> None:
        """``head_weights``: each head's word weights, in the order :meth:`scores` gives."""
        self.sizes = sizes
        terms = sorted(term for term in idf if term.startswith("#"))
        self._column = {term: i for i, term in enumerate(terms)}
        self._idf = np.asarray([idf[term] for term in terms], dtype=np.float64)
        self._heads = len(head_weights)
        self._weights = np.asarray(
            [[weights.get(term, 0.0) for term in terms] for weights in head_weights],
            dtype=np.float64,
        )
        self._word_columns: dict[str, np.ndarray] = {}

    def scores(self, prepared: str) -> np.ndarray:
        """Each head's (in the order of ``head_weights``) log-odds contribution."""
        columns = [self._columns(word) for word in _WORD_RE.findall(prepared)]
        if not columns:
            return np.zeros(self._heads)
        found, counts = np.unique(np.concatenate(columns), return_counts=True)
        if not found.size:
            return np.zeros(self._heads)
        values = (1.0 + np.log(counts)) * self._idf[found]
        values /= math.sqrt(float(values @ values))
        return np.asarray(self._weights[:, found] @ values)

    def _columns(self, word: str) -> np.ndarray:
        known = self._word_columns.get(word)
        if known is None:
            if len(self._word_columns) >= self.max_cached_words:
                self._word_columns.clear()
            grams = char_ngrams(word, self.sizes)
            known = np.asarray(
                [
                    self._column[gram]
                    for gram in grams
                    for _ in range(grams[gram])
                    if gram in self._column
                ],
                dtype=np.int64,
            )
            self._word_columns[word] = known
        return known
