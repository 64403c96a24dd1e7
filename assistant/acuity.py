"""Acuity: a learned fallback for acute case descriptions that no red flag names.

The red flags (:mod:`assistant.triage`) are precise but narrow: each held-out round of new
cases found emergencies worded in ways no flag had seen. After the flags find nothing, an
:class:`AcuityModel` reads the whole description and says whether it reads as a problem
happening *now* that needs care today, as opposed to a routine, chronic, past or general
question. When it does, the patient gets the fixed ``urgent`` reply, or the ``emergency``
reply when a second head reads it as an emergency (``triage.acuity.emergency_threshold``);
the LLM and the rules never answer.

:class:`AcuityModel` is the extension point. Its :meth:`~AcuityModel.assess` is the template:
it owns the policy (too few words, where the vector comes from, which threshold gives which
level) and a subclass implements :meth:`~AcuityModel._probabilities` only. Models are found by name
(``triage.acuity.model``):

* ``linear``: two logistic regressions (acute against not urgent; emergency against the
  rest) over the message's words (negation-marked unigrams and bigrams, tf-idf), the
  character n-grams of its words (tf-idf: they carry a misspelt, inflected or run-together
  word to the word the bank spelt right) and its static sentence vector, trained by
  ``assistant/data/build/train_acuity.py`` on our own labelled example bank
  (``assistant/data/triage_examples.jsonl``) and the fresh rounds
  (``tests/data/triage_fresh_rounds.jsonl``, sealed rounds folded in after their first run),
  and shipped as plain weights. Dictionary lookups and one dot product: well under a
  millisecond. The features are built by
  :mod:`assistant.acuity_features`, shared with the training script.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np

from assistant.acuity_features import CharGramScorer, features, tfidf
from assistant.embeddings import Embedder, create_embedder
from assistant.errors import ConfigError
from assistant.plugins import load_entry
from assistant.settings import EmbeddingSettings
from assistant.triage import Level, TriageResult

if TYPE_CHECKING:
    from assistant.settings import AcuitySettings

#: the flag id and category a fallback reply carries (rows, /stats, metrics)
ACUITY_FLAG_ID = "acuity_model"
ACUITY_CATEGORY = "acute_description"

_ACUITY_MODELS: dict[str, str] = {"linear": "assistant.acuity:LinearAcuity"}
#: what the linear model's heads say: acute (emergency or urgent) and emergency
HEADS = ("acute", "emergency")

_PART_BREAK_RE = re.compile(r"[.!?;:,\n]")
#: a question word opening a sentence or clause, after a joining word ("and what ...")
_QUESTION_OPENER_RE = re.compile(
    r"(?:(?:and|so|but|or|also|then) )?"
    r"(?:how|what|whats|why|which|where|is|are|does|do|can|could|should|would|will|any)\b"
)
#: where a message breaks into parts that are read on their own: after a sentence's end, and
#: at a comma before a clause that opens with its subject ("..., my daughter has a rash")
_PART_SPLIT_RE = re.compile(
    r"(?<=[.!?;\n])\s+|,\s*(?=(?:my|our|his|her|their|i|im|ive|he|hes|she|shes|we|they|it|its)\b)",
    re.IGNORECASE,
)
_MIN_PART_WORDS = 3


def asks_a_question(prepared: str) -> bool:
    """Whether a sentence or clause of an already prepared text opens with a question word
    ("how common is ...", "is dry drowning real?", "..., which signs should we watch for")."""
    return any(_QUESTION_OPENER_RE.match(part.strip()) for part in _PART_BREAK_RE.split(prepared))


def message_parts(text: str) -> list[str]:
    """The sentences of ``text`` and its comma clauses that open with their own subject, each
    of at least three words ("how do you tell if it is meningitis" | "my daughter has a rash
    that won't fade"); the whole text when it has no such parts."""
    parts = [part.strip() for part in _PART_SPLIT_RE.split(text)]
    parts = [part for part in parts if len(part.split()) >= _MIN_PART_WORDS]
    return parts or [text]


class AcuityModel(ABC):
    """Says whether a message no red flag matched describes something acute now."""

    #: registry name, the value of ``triage.acuity.model``
    name: ClassVar[str] = ""

    def __init__(self, settings: AcuitySettings, prepare: Callable[[str], str]) -> None:
        self.settings = settings
        #: the triage's own text preparation (normalised, misspellings folded)
        self.prepare = prepare
        #: the model's own embedder when the caller's vectors are another model's (set by
        #: :meth:`use_embedder`); None: the caller's vector is of the model's kind
        self.embedder: Embedder | None = None
        #: an embedder of the model's vectors' kind (its own or the caller's), for the parts
        #: of a message read on their own (:meth:`general_question`); None: not given
        self.encoder: Embedder | None = None

    def use_embedder(self, embedder: Embedder) -> None:
        """Encode messages with ``embedder`` (loaded) instead of reading the caller's
        vectors; it must be the one the model was trained on."""
        if embedder.fingerprint != self.embedder_fingerprint:
            raise ConfigError(
                f"triage.acuity.model_file was trained on {self.embedder_fingerprint!r} "
                f"vectors, not {embedder.fingerprint!r}: retrain it "
                "(assistant/data/build/train_acuity.py)"
            )
        self.embedder = embedder
        self.encoder = embedder

    @property
    @abstractmethod
    def embedder_fingerprint(self) -> str:
        """The sentence vectors the model was trained on ("" when it reads none)."""

    def assess(self, text: str, vector: np.ndarray | None) -> TriageResult | None:
        """The fallback's triage of ``text`` (anonymized), or None to let it go on."""
        prepared = self.prepare(text)
        if len(prepared.split()) < self.settings.min_words:
            return None
        acute, emergency = self._probabilities(prepared, self._vector(text, vector))
        if acute < self.settings.threshold:
            return None
        bar = self.settings.emergency_threshold
        level: Level = "emergency" if bar is not None and emergency >= bar else "urgent"
        return TriageResult(category=ACUITY_CATEGORY, flag_id=ACUITY_FLAG_ID, level=level)

    def raises_urgent_flag(
        self, flag: TriageResult, text: str, vector: np.ndarray | None, self_harm: str
    ) -> TriageResult | None:
        """The model's emergency reading of ``text`` when an urgent red ``flag`` fired on it,
        else None: an urgent flag is a floor, and must not hide a description the model
        reads as an emergency (a vomiting flag on a picture of shock). Self-harm keeps its
        own flag, whose reply carries the crisis line; a flag marked not ``raisable`` keeps its
        own same-day reply."""
        if flag.level != "urgent" or flag.category == self_harm or not flag.raisable:
            return None
        reading = self.assess(text, vector)
        return reading if reading is not None and reading.level == "emergency" else None

    def general_question(
        self,
        flag: TriageResult,
        text: str,
        vector: np.ndarray | None,
        self_harm: str,
        happening_now: Callable[[str], bool],
    ) -> bool:
        """Whether the emergency red ``flag`` that fired on ``text`` (anonymized question)
        should stand down: the text is short, asks a question (a sentence or clause opens
        with how, what, why, is, can ...), has no time word that places it now
        (``happening_now``: "right now", "an hour ago", "tonight"), and the model reads the
        whole message, and each of its parts on its own (:func:`message_parts`), as acute
        with a probability below ``general_question_below``. "How common is sudden cardiac
        arrest in young footballers" is such a question; in "how do you tell if it is
        meningitis, my daughter has a rash that won't fade" the second part reads as acute,
        so the flag stands. A longer message (over ``general_question_max_words``) that asks
        a question is read as a history told before it (:meth:`reads_as_general`), with no
        time-word veto: "I had a clot in my lung two years ago ... do I need flight socks?"
        A message read whole as acute below ``question_below`` (so far from acute that no
        labelled emergency asked as a question reads there) needs only each part of its
        second half, where the present is told, to read below ``history_recent_below``.
        Self-harm (category ``self_harm``) never stands down: its flags count hypotheticals
        on purpose. Without an encoder of its vectors' kind for the parts, a model that reads
        vectors keeps the flag."""
        return self.may_be_general_question(
            flag, text, self_harm, happening_now
        ) and self.reads_as_general(text, vector)

    def reads_as_general(self, text: str, vector: np.ndarray | None) -> bool:
        """The model's half of :meth:`general_question`, for a caller that has run
        :meth:`may_be_general_question` already. A text read whole below ``question_below``
        stands down when each part of its second half reads below ``history_recent_below``.
        Otherwise a short text must read below ``general_question_below``, whole and part by
        part. A longer text is a history told in order, the present last: the whole reads
        below ``history_below`` and each part of its second half below
        ``history_recent_below`` (the past event's own sentence may read as acute; the
        present may not). A text with no parts is read whole, and a longer one keeps the flag."""
        settings = self.settings
        prepared = self.prepare(text)
        acute = self._probabilities(prepared, self._vector(text, vector))[0]
        parts = message_parts(text)
        recent = parts[len(parts) // 2 :]
        far = settings.question_below is not None and acute < settings.question_below
        if far and len(parts) >= 2:
            return self._parts_below(recent, settings.history_recent_below)
        short = self._short(prepared)
        below = settings.general_question_below if short else settings.history_below
        if below is None or acute >= below:
            return False
        if len(parts) < 2:
            return short
        if short:
            return self._parts_below(parts, below)
        return self._parts_below(recent, settings.history_recent_below)

    def _parts_below(self, parts: list[str], below: float) -> bool:
        """Whether each of ``parts`` reads as acute below ``below``; without an encoder of
        its vectors' kind, a model that reads vectors says no."""
        if self.embedder_fingerprint and self.encoder is None:
            return False
        return all(self._acute(part, self._encode(part)) < below for part in parts)

    def may_be_general_question(
        self, flag: TriageResult, text: str, self_harm: str, happening_now: Callable[[str], bool]
    ) -> bool:
        """The checks of :meth:`general_question` that need no vector: the caller embeds
        only when they pass, so that an emergency reply does not wait for a vector."""
        settings = self.settings
        if flag.level != "emergency" or flag.category == self_harm:
            return False
        prepared = self.prepare(text)
        if not asks_a_question(prepared):
            return False
        if not self._short(prepared):
            # a history's present is read part by part (reads_as_general), so a time word
            # of now ("she is well right now") does not veto it
            return settings.history_below is not None or settings.question_below is not None
        if settings.general_question_below is None and settings.question_below is None:
            return False
        return not happening_now(prepared)

    def _short(self, prepared: str) -> bool:
        """Whether an already prepared text is short enough to be read as a general question,
        part by part; a longer one is read as a history (``history_below``)."""
        return len(prepared.split()) <= self.settings.general_question_max_words

    def _acute(self, text: str, vector: np.ndarray | None) -> float:
        return self._probabilities(self.prepare(text), vector)[0]

    def _encode(self, text: str) -> np.ndarray | None:
        """``text``'s vector of the model's kind (None when it reads none)."""
        if not self.embedder_fingerprint or self.encoder is None:
            return None
        return self.encoder.encode_one(text)

    def probabilities(self, text: str, vector: np.ndarray | None) -> tuple[float, float]:
        """(acute, emergency) for ``text``, for the evaluation and tests."""
        return self._probabilities(self.prepare(text), self._vector(text, vector))

    def _vector(self, text: str, vector: np.ndarray | None) -> np.ndarray | None:
        """The model's own embedder's vector when it has one (the caller's are of another
        model), else the caller's."""
        return self.embedder.encode_one(text) if self.embedder is not None else vector

    @abstractmethod
    def _probabilities(self, prepared: str, vector: np.ndarray | None) -> tuple[float, float]:
        """Probabilities in [0, 1] that the prepared text describes an acute problem now, and
        that it describes an emergency (call 999 now)."""


@dataclass(frozen=True, slots=True)
class _Head:
    """One logistic regression over the shared features."""

    word_weights: Mapping[str, float]
    vector_weights: np.ndarray
    bias: float

    def score(self, words: Mapping[str, float], vector: np.ndarray | None) -> float:
        """The head's log-odds from the word features and the vector."""
        weights = self.word_weights
        score = self.bias + sum(value * weights.get(term, 0.0) for term, value in words.items())
        if self.vector_weights.size and vector is not None:
            score += float(self.vector_weights @ vector)
        return score


def sigmoid(score: float) -> float:
    """The logistic function, clipped so that no score overflows."""
    return 1.0 / (1.0 + math.exp(-max(min(score, 30.0), -30.0)))


class LinearAcuity(AcuityModel):
    """Two logistic regressions (acute; emergency) over tf-idf word features, tf-idf
    character n-grams (each group scaled to unit length on its own) and the static sentence
    vector."""

    name = "linear"

    def __init__(self, settings: AcuitySettings, prepare: Callable[[str], str]) -> None:
        super().__init__(settings, prepare)
        data = load_weights(settings.model_file)
        self.idf: dict[str, float] = data["idf"]
        sizes = data.get("char_ngrams")
        #: (shortest, longest) character n-gram, None when the weights read none
        self.char_sizes: tuple[int, int] | None = (int(sizes[0]), int(sizes[1])) if sizes else None
        self.heads = {name: _head(data["heads"][name]) for name in HEADS}
        self._grams = (
            CharGramScorer(
                self.char_sizes, self.idf, [self.heads[head].word_weights for head in HEADS]
            )
            if self.char_sizes
            else None
        )
        self._fingerprint = str(data.get("embedder", ""))
        #: the example bank the weights were trained on (tests check it is the shipped one)
        self.bank_sha256 = str(data.get("bank_sha256", ""))

    @property
    def embedder_fingerprint(self) -> str:
        reads_vectors = any(head.vector_weights.size for head in self.heads.values())
        return self._fingerprint if reads_vectors else ""

    def _probabilities(self, prepared: str, vector: np.ndarray | None) -> tuple[float, float]:
        words = tfidf(features(prepared), self.idf)
        acute, emergency = (self.heads[head].score(words, vector) for head in HEADS)
        if self._grams is not None:
            grams = self._grams.scores(prepared)
            acute, emergency = acute + float(grams[0]), emergency + float(grams[1])
        return sigmoid(acute), sigmoid(emergency)


def _head(data: Mapping[str, Any]) -> _Head:
    return _Head(
        word_weights=dict(data["word_weights"]),
        vector_weights=np.asarray(data["vector_weights"], dtype=np.float32),
        bias=float(data["bias"]),
    )


def load_weights(path: Path) -> dict[str, Any]:
    """The trained weights; a missing or malformed file is a ConfigError naming the key."""
    where = f"triage.acuity.model_file {str(path)!r}"
    data = read_weights_json(path, where, "train_acuity.py")
    if not isinstance(data.get("idf"), dict) or not isinstance(data.get("heads"), dict):
        raise ConfigError(f"{where}: 'idf' and 'heads' must be mappings")
    required = {"word_weights": dict, "vector_weights": list, "bias": float}
    for head in HEADS:
        values = data["heads"].get(head)
        for key, kind in required.items():
            if not isinstance(values, dict) or not isinstance(values.get(key), kind):
                raise ConfigError(f"{where}: 'heads.{head}.{key}' missing or not a {kind.__name__}")
    return dict(data)


def read_weights_json(path: Path, where: str, script: str) -> dict[str, Any]:
    """A learned model's weights file (``where`` names its config key and path, ``script`` the
    build script in ``assistant/data/build/``); missing, unreadable or not a mapping is a
    ConfigError naming the key."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(
            f"{where} does not exist; build it with `python assistant/data/build/{script}`"
        ) from None
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{where} cannot be read: {type(exc).__name__}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: the weights must be a mapping")
    return data


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def available_acuity_models() -> list[str]:
    return sorted(_ACUITY_MODELS)


def create_acuity_model(
    settings: AcuitySettings, prepare: Callable[[str], str], embedder: Embedder | None = None
) -> AcuityModel:
    """The configured model. Given the caller's ``embedder``, it reads that embedder's
    vectors when they are of its kind, and the shipped static model's own otherwise."""
    model: AcuityModel = load_entry(_ACUITY_MODELS, settings.model, "acuity model")(
        settings, prepare
    )
    wanted = model.embedder_fingerprint
    if wanted and embedder is not None:
        embedder.load()
        if embedder.fingerprint == wanted:
            model.encoder = embedder
        else:
            own = create_embedder(EmbeddingSettings())
            own.load()
            model.use_embedder(own)
    return model
