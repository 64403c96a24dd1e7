"""The answer check: every model answer passes it before a patient reads it.

:class:`AnswerCheck` is the extension point. Its :meth:`~AnswerCheck.review` is the template
method and owns the policy: an empty answer is rejected, a check that raises rejects (fail
closed: a broken check never waves an answer through), and a repair must leave text behind.
A subclass implements ``_inspect`` only, returning ``None`` (fine), :class:`Reject` or
:class:`Repair` (for example the unfinished sentence trimmed off).

Checks are found by name in a registry (``answer_check.checks`` lists them, in order), and a
clinic adds its own with ``answer_check.plugins: {name: "package.module:Class"}``.
:class:`AnswerChecker` runs them in order: repairs carry on to the next check, and the first
rejection stops the chain. Its reason (the check's name) is recorded as
``llm_rejected:<reason>`` in the stored row, the metrics and /stats.
"""

from __future__ import annotations

import logging
import re
import time
from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, ClassVar

import numpy as np

from assistant.errors import ConfigError
from assistant.plugins import load_entry
from assistant.retrieval import Passage, content_words

if TYPE_CHECKING:
    from assistant.embeddings import Embedder
    from assistant.settings import AnswerCheckSettings

log = logging.getLogger(__name__)

#: the prefix of a rejection's reason wherever it is recorded
REJECTED_PREFIX = "llm_rejected:"

_CHECKS: dict[str, str] = {
    "role_tokens": "assistant.answer_checks:RoleTokenCheck",
    "speaker_label": "assistant.answer_checks:SpeakerLabelCheck",
    "repetition": "assistant.answer_checks:RepetitionCheck",
    "non_language": "assistant.answer_checks:NonLanguageCheck",
    "truncated": "assistant.answer_checks:TruncationCheck",
    "echo": "assistant.answer_checks:EchoCheck",
    "persona": "assistant.answer_checks:PersonaCheck",
    "discourages_care": "assistant.answer_checks:DiscouragesCareCheck",
    "unsupported_specifics": "assistant.answer_checks:UnsupportedSpecificsCheck",
    "ungrounded": "assistant.answer_checks:UngroundedCheck",
    "off_topic": "assistant.answer_checks:OffTopicCheck",
}

_SENTENCE_RE = re.compile(r"[^.!?]+(?:[.!?]+[\"')\]]*|$)")


def available_checks() -> list[str]:
    return sorted(_CHECKS)


def register_check(name: str, target: str) -> None:
    """Add a check as ``"package.module:ClassName"`` (plugins and tests)."""
    _CHECKS[name] = target


class Draft:
    """One model answer under review, with what it is checked against.

    Derived forms (sentences, words, the passage's words) are computed once and shared by
    every check.
    """

    def __init__(
        self,
        text: str,
        *,
        question: str,
        passages: Sequence[Passage] = (),
        truncated: bool = False,
        embedder: Embedder | None = None,
    ) -> None:
        self.text = text
        self.question = question
        self.passages = tuple(passages)
        self.truncated = truncated
        self.embedder = embedder

    def with_text(self, text: str) -> Draft:
        return Draft(
            text,
            question=self.question,
            passages=self.passages,
            truncated=False,
            embedder=self.embedder,
        )

    @cached_property
    def sentences(self) -> list[str]:
        return [s.strip() for s in _SENTENCE_RE.findall(self.text) if s.strip()]

    @cached_property
    def words(self) -> list[str]:
        return re.findall(r"[A-Za-z]+(?:'[a-z]+)?", self.text)

    @cached_property
    def passage_text(self) -> str:
        return " ".join(
            f"{p.topic.title}. {' '.join(p.topic.terms)}. {p.topic.passage}" for p in self.passages
        )

    @cached_property
    def grounding_text(self) -> str:
        """Everything the answer may draw on: the passages and the question."""
        return f"{self.passage_text} {self.question}"

    @cached_property
    def grounding_words(self) -> frozenset[str]:
        return _passage_words(self.passages) | frozenset(
            stem(w) for w in content_words(self.question)
        )

    def similarity(self, other: str) -> float | None:
        """Cosine of this answer and ``other`` with the check's embedder (None without one)."""
        if self.embedder is None:
            return None
        vectors = self.embedder.encode([self.text, other])
        return float(np.dot(vectors[0], vectors[1]))


@lru_cache(maxsize=256)
def _passage_words(passages: tuple[Passage, ...]) -> frozenset[str]:
    """The stemmed content words of vetted passages (the same few hundred topics, cached)."""
    text = " ".join(
        f"{p.topic.title}. {' '.join(p.topic.terms)}. {p.topic.passage}" for p in passages
    )
    return frozenset(stem(w) for w in content_words(text))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude suffix strip so that "coughing", "coughs" and "cough" compare equal."""
    for suffix in ("ing", "ies", "es", "ed", "ly", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


@dataclass(frozen=True, slots=True)
class Reject:
    """The answer must not reach the patient. ``detail`` is for debug logs (never text)."""

    detail: str = ""


@dataclass(frozen=True, slots=True)
class Repair:
    """The answer may go on as ``text`` (e.g. trimmed to its last complete sentence)."""

    text: str


Finding = Reject | Repair


@dataclass(frozen=True, slots=True)
class Verdict:
    passed: bool
    text: str
    #: the rejecting check's name, recorded as llm_rejected:<reason>
    reason: str | None = None
    repaired_by: tuple[str, ...] = ()
    timings_ms: dict[str, float] = field(default_factory=dict)

    @property
    def label(self) -> str | None:
        return f"{REJECTED_PREFIX}{self.reason}" if self.reason else None


class AnswerCheck(ABC):
    """One rule an answer must meet. Subclasses set ``name`` and implement ``_inspect``."""

    name: ClassVar[str] = ""

    def __init__(self, settings: AnswerCheckSettings) -> None:
        self.settings = settings

    def review(self, draft: Draft) -> Finding | None:
        """The template: fail closed on errors and on empty text; never raises."""
        if not draft.text.strip():
            return Reject("empty")
        try:
            finding = self._inspect(draft)
        except Exception as exc:  # a bug in one check must not let an answer through
            log.error("answer check %s raised %s", self.name, type(exc).__name__)
            return Reject("error")
        if isinstance(finding, Repair) and not finding.text.strip():
            return Reject("nothing left after repair")
        return finding

    @abstractmethod
    def _inspect(self, draft: Draft) -> Finding | None:
        """``None`` when the answer meets this check."""


class AnswerChecker:
    """The configured checks, in order."""

    def __init__(self, checks: Sequence[AnswerCheck]) -> None:
        self.checks = tuple(checks)

    @property
    def names(self) -> list[str]:
        return [check.name for check in self.checks]

    def review(self, draft: Draft) -> Verdict:
        repaired: list[str] = []
        timings: dict[str, float] = {}
        for check in self.checks:
            started = time.perf_counter()
            finding = check.review(draft)
            timings[check.name] = round((time.perf_counter() - started) * 1000, 4)
            if isinstance(finding, Reject):
                log.debug("answer rejected by %s (%s)", check.name, finding.detail)
                return Verdict(False, draft.text, check.name, tuple(repaired), timings)
            if isinstance(finding, Repair):
                repaired.append(check.name)
                draft = draft.with_text(finding.text)
        return Verdict(True, draft.text, None, tuple(repaired), timings)


def create_checker(settings: AnswerCheckSettings) -> AnswerChecker:
    """The checks named in ``settings.checks`` (plugins included), validated once."""
    registry: Mapping[str, str] = {**_CHECKS, **settings.plugins}
    checks: list[AnswerCheck] = []
    for name in settings.checks:
        cls = load_entry(registry, name, "answer check")
        if not (isinstance(cls, type) and issubclass(cls, AnswerCheck)):
            raise ConfigError(f"answer check {name!r} is not an AnswerCheck subclass")
        check = cls(settings)
        if check.name != name:
            raise ConfigError(f"answer check {name!r} names itself {check.name!r}")
        checks.append(check)
    return AnswerChecker(checks)
