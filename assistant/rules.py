"""Vetted answers to common questions, matched with a confidence in [0, 1]. Precision first.

Each rule in the YAML file has an id, keyword ``patterns`` (regular expressions), example
questions and a patient-facing answer. A question is normalised (placeholders such as
``<PERSON_1>`` removed, lower case, apostrophes dropped, a small synonym map:
"temperature" -> "fever", "jab" -> "vaccine"), and a rule's confidence then needs

* keyword evidence: one of its patterns matches a mention that is *current* as
  :mod:`assistant.context` reads it ("denies back pain", "no tobacco use" and "she has had
  no fever" do not count), and none of its ``exclude`` patterns matches; and
* semantic evidence: the cosine similarity between the message's sentence embedding
  (computed once per message by the pipeline's embed stage) and the rule's closest example.
  Similarity alone never picks a rule ("How to stop snoring" is not about smoking), and a
  keyword alone never answers a question that is about something else.

``confidence = (similarity - similarity_floor) / (similarity_full - similarity_floor)``,
clipped to [0, 1], so an example itself scores 1. It is scaled down when the answer cannot
cover the question: a particular drug, test result or procedure (``out_of_scope``), a
question that also names another rule's topic or other conditions and symptoms (once per
distinct mention), or a long personal case history. The pipeline lets a rule answer when ``confidence >= 1 - rule_threshold``
(the seed's meaning: a higher threshold lets rules answer more often).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from assistant.context import ContextReader, Reading, Scope, normalise
from assistant.embeddings import Embedder
from assistant.errors import ConfigError
from assistant.placeholders import PLACEHOLDER_PATTERN
from assistant.prefilter import IndexedRegex, WordIndex
from assistant.settings import DATA_DIR
from assistant.yaml_data import any_of, compile_regex, load_entries, load_mapping

_PLACEHOLDER_RE = re.compile(PLACEHOLDER_PATTERN + r"|\b[A-Z]+(?:_[A-Z]+)*_\d+\b")
_WORD_RE = re.compile(r"[a-z0-9]+")
#: negation reaches across a list for the rules ("denies fever, cough or back pain")
_RULE_SCOPE = Scope(window=6, lists=True, historical=False, hypothetical=False)


@dataclass(frozen=True, slots=True)
class RuleMatch:
    rule_id: str
    confidence: float
    answer: str


def rule_answers(match: RuleMatch | None, rule_threshold: float) -> bool:
    """The seed's semantics: a higher threshold lets more rule answers through.

    0.0 lets only near-exact matches answer (confidence 1.0), 1.0 any match. The bar is
    rounded so that 1 - 0.7 is 0.3, not 0.30000000000000004.
    """
    return match is not None and match.confidence >= rule_floor(rule_threshold)


def rule_floor(rule_threshold: float) -> float:
    """The confidence a rule needs to answer under ``rule_threshold``."""
    return round(1 - rule_threshold, 9)


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    answer: str
    patterns: tuple[re.Pattern[str], ...]
    exclude: tuple[re.Pattern[str], ...]
    allow: re.Pattern[str] | None
    examples: tuple[str, ...]

    @property
    def keyword(self) -> re.Pattern[str]:
        """All patterns as one alternation (one scan of the text)."""
        return _alternation(self.patterns)


@dataclass(frozen=True, slots=True)
class Scoring:
    #: similarity at which confidence starts above 0, and at which it reaches 1
    similarity_floor: float = 0.35
    similarity_full: float = 0.85
    #: without a keyword, only a near-copy of an example counts (similarity at least this)
    example_match: float = 0.97
    #: factors for questions a general answer does not cover
    out_of_scope_factor: float = 0.25
    other_topic_factor: float = 0.25
    #: when another rule's keyword matches too ("thirsty and peeing a lot: diabetes?")
    shared_topic_factor: float = 0.5
    long_message_factor: float = 0.3
    #: words beyond which a message counts as a detailed personal case
    long_message_words: int = 40
    #: below this no rule is returned at all
    min_confidence: float = 0.05


class _Normaliser:
    """Placeholders out, lower case, punctuation kept for context, synonyms to one word."""

    def __init__(self, synonyms: Mapping[str, Sequence[str]]) -> None:
        self._canonical: dict[str, str] = {}
        for canonical, variants in synonyms.items():
            for variant in variants:
                self._canonical[_plain(variant)] = canonical
        # longest first so "booster jab" wins over "jab"; one pass, so no chained rewrites
        alternatives = sorted(self._canonical, key=len, reverse=True)
        self._regex = (
            re.compile(r"\b(?:" + "|".join(re.escape(a) for a in alternatives) + r")\b")
            if alternatives
            else None
        )

    def __call__(self, text: str) -> str:
        clean = normalise(_PLACEHOLDER_RE.sub(" ", text))
        if self._regex is None:
            return clean
        return self._regex.sub(lambda m: self._canonical[m.group(0)], clean)


def _plain(text: str) -> str:
    return " ".join(_WORD_RE.findall(normalise(text)))


class RuleBook:
    """Scores every rule for a question and returns the best one."""

    def __init__(
        self,
        rules: Sequence[Rule],
        *,
        embedder: Embedder,
        reader: ContextReader,
        synonyms: Mapping[str, Sequence[str]] | None = None,
        out_of_scope: Sequence[re.Pattern[str]] = (),
        other_topics: Sequence[re.Pattern[str]] = (),
        scoring: Scoring | None = None,
    ) -> None:
        if not rules:
            raise ConfigError("the rule book needs at least one rule")
        self._rules = tuple(rules)
        self._by_id = {rule.id: rule for rule in self._rules}
        self._normalise = _Normaliser(synonyms or {})
        # each regex with the word prefixes a match must start with (a cheap pre-check)
        self._out_of_scope = tuple(IndexedRegex.of(p) for p in out_of_scope)
        self._other_topics = tuple(IndexedRegex.of(p) for p in other_topics)
        # per rule: its keyword alternation and excludes, with what the index can skip
        self._keywords = tuple(IndexedRegex.of(rule.keyword) for rule in self._rules)
        self._excludes = tuple(
            tuple(IndexedRegex.of(p) for p in rule.exclude) for rule in self._rules
        )
        self.scoring = scoring or Scoring()
        self.embedder = embedder
        self._reader = reader
        # every example embedded once; rows are unit length, so a dot product is the cosine
        examples = [example for rule in self._rules for example in rule.examples]
        self._owners = np.array(
            [index for index, rule in enumerate(self._rules) for _ in rule.examples], dtype=np.int64
        )
        self._examples = embedder.encode(examples) if examples else np.zeros((0, 1), np.float32)
        #: where each rule's run of examples starts in ``_examples``
        self._firsts = np.flatnonzero(np.diff(self._owners, prepend=-1))

    @classmethod
    def from_file(
        cls, path: Path, embedder: Embedder, context_file: Path | None = None
    ) -> RuleBook:
        """Load rules from YAML; any malformed entry raises :class:`ConfigError`."""
        reader = ContextReader.from_file(context_file or DATA_DIR / "context.yaml")
        return _load(path, embedder, reader)

    @property
    def rules(self) -> tuple[Rule, ...]:
        return self._rules

    @property
    def ids(self) -> list[str]:
        return [rule.id for rule in self._rules]

    def normalise(self, text: str) -> str:
        """The form patterns are matched against (exposed for tests and debugging)."""
        return self._normalise(text)

    def embed(self, text: str) -> np.ndarray:
        """The message vector, as the pipeline's embed stage computes it (for direct use)."""
        return self.embedder.encode_one(text)

    def similarities(self, vector: np.ndarray) -> np.ndarray:
        """Each rule's best cosine similarity to ``vector`` over its examples."""
        best = np.zeros(len(self._rules), dtype=np.float32)
        if len(self._owners):
            # examples are stored rule by rule: one reduceat instead of a slow ufunc.at
            found = np.maximum.reduceat(self._examples @ vector.astype(np.float32), self._firsts)
            best[self._owners[self._firsts]] = np.maximum(found, 0.0)
        return best

    def scores(self, text: str, vector: np.ndarray | None = None) -> list[tuple[str, float]]:
        """Every rule's confidence for ``text``, best first.

        ``vector`` is the message's embedding from the pipeline; without it the rule book
        embeds the text itself (tests, evaluation).
        """
        normalised = self._normalise(text)
        if vector is None:
            vector = self.embed(text)
        similarity = self.similarities(vector)
        return self._ranked(normalised, similarity, len(_WORD_RE.findall(normalised)))

    def _ranked(
        self, normalised: str, similarity: np.ndarray, word_count: int
    ) -> list[tuple[str, float]]:
        """:meth:`scores` from the normalised text, its similarities and its word count."""
        words = WordIndex(normalised)
        # the context reading only when some keyword or topic matched (often none does)
        reading: Reading | None = None

        def current(match: re.Match[str]) -> bool:
            nonlocal reading
            if reading is None:
                reading = self._reader.read(normalised, words)
            return reading.assess(match.start(), match.end(), _RULE_SCOPE).current

        def keyword_spans(rule: int) -> list[tuple[int, int]]:
            """Keyword evidence: current (not negated) mentions, unless an exclude matches."""
            found = list(words.finditer(self._keywords[rule]))
            if not found or any(words.search(exclude) for exclude in self._excludes[rule]):
                return []
            return [m.span() for m in found if current(m)]

        spans = [keyword_spans(i) for i in range(len(self._rules))]
        out_of_scope = [m for indexed in self._out_of_scope for m in words.finditer(indexed)]
        others = [
            m for indexed in self._other_topics for m in words.finditer(indexed) if current(m)
        ]
        topics = sum(1 for found in spans if found)
        ranked = [
            (
                rule.id,
                self._confidence(
                    rule,
                    float(similarity[i]),
                    keyword=bool(spans[i]),
                    out_of_scope=out_of_scope,
                    shared=topics > 1,
                    # only read with keyword evidence
                    other_topics=_foreign_topics(rule, others, spans[i]) if spans[i] else 0,
                    words=word_count,
                ),
            )
            for i, rule in enumerate(self._rules)
        ]
        ranked.sort(key=lambda item: item[1], reverse=True)
        return ranked

    def match(
        self, text: str, vector: np.ndarray | None = None, *, at_least: float = 0.0
    ) -> RuleMatch | None:
        """The best rule for ``text`` with its confidence, or None if nothing is close or, given
        ``at_least`` (the pipeline's ``1 - rule_threshold``), none reaches it."""
        if vector is None:
            vector = self.embed(text)
        normalised = self._normalise(text)
        similarity = self.similarities(vector)
        word_count = len(_WORD_RE.findall(normalised))
        floor = max(self.scoring.min_confidence, at_least)
        if self._ceiling(similarity, word_count) < floor:
            return None  # no rule can reach it: the keyword and context reading are skipped
        ranked = self._ranked(normalised, similarity, word_count)
        if not ranked:
            return None
        rule_id, confidence = ranked[0]
        if confidence < floor:
            return None
        return RuleMatch(rule_id=rule_id, confidence=confidence, answer=self._by_id[rule_id].answer)

    def _ceiling(self, similarity: np.ndarray, word_count: int) -> float:
        """A bound on every rule's confidence from the similarities and the length alone: the
        other factors are at most 1 (:func:`_load_scoring` checks them)."""
        best = float(similarity.max()) if len(similarity) else 0.0
        s = self.scoring
        if best >= s.example_match:
            return 1.0
        ceiling = (best - s.similarity_floor) / (s.similarity_full - s.similarity_floor)
        if word_count > s.long_message_words:
            ceiling *= s.long_message_factor
        return round(min(1.0, max(0.0, ceiling)), 4)

    def _confidence(
        self,
        rule: Rule,
        similarity: float,
        *,
        keyword: bool,
        out_of_scope: list[re.Match[str]],
        shared: bool,
        other_topics: int,
        words: int,
    ) -> float:
        s = self.scoring
        if similarity >= s.example_match:
            return 1.0  # the question is one of the rule's own examples
        if not keyword:
            return 0.0
        span = s.similarity_full - s.similarity_floor
        confidence = (similarity - s.similarity_floor) / span
        foreign = [m for m in out_of_scope if rule.allow is None or not rule.allow.search(m[0])]
        if foreign:
            confidence *= s.out_of_scope_factor
        confidence *= s.other_topic_factor**other_topics
        if shared:
            confidence *= s.shared_topic_factor
        if words > s.long_message_words:
            confidence *= s.long_message_factor
        return round(min(1.0, max(0.0, confidence)), 4)


@lru_cache(maxsize=256)
def _alternation(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str]:
    if not patterns:
        return re.compile(r"(?!x)x")  # matches nothing: a rule with examples only
    return any_of(patterns)


def _foreign_topics(rule: Rule, others: list[re.Match[str]], spans: list[tuple[int, int]]) -> int:
    """Distinct other-topic mentions that are not part of the rule's own keyword."""
    found: set[str] = set()
    for match in others:
        start, end = match.span()
        if any(start < high and low < end for low, high in spans):
            continue  # "itchy eyes" is hay fever's own keyword
        if rule.allow is not None and rule.allow.search(match[0]):
            continue
        found.add(match[0])
    return len(found)


# -- loading -------------------------------------------------------------------------------

_RULE_KEYS = {"id", "patterns", "exclude", "allow", "examples", "answer"}


def read_rules(path: Path) -> tuple[Rule, ...]:
    """The rules of a rule file, validated, without the embeddings a :class:`RuleBook` needs
    (for exports and reviews of the vetted answers)."""
    return tuple(load_entries(load_mapping(path, "rules"), "rules", path.name, _load_rule))


def _load(path: Path, embedder: Embedder, reader: ContextReader) -> RuleBook:
    where = path.name
    data = load_mapping(path, "rules")
    scoring = _load_scoring(data.get("scoring", {}), where)
    synonyms = _load_synonyms(data.get("synonyms", {}), where)
    lists = {}
    for key in ("out_of_scope", "other_topics"):
        raw = data.get(key, [])
        if not isinstance(raw, list):
            raise ConfigError(f"{where}: {key} must be a list of regular expressions")
        lists[key] = [compile_regex(s, f"{where}: {key}[{i}]") for i, s in enumerate(raw)]
    rules = load_entries(data, "rules", where, _load_rule)
    return RuleBook(
        rules,
        embedder=embedder,
        reader=reader,
        synonyms=synonyms,
        out_of_scope=lists["out_of_scope"],
        other_topics=lists["other_topics"],
        scoring=scoring,
    )


def _load_scoring(raw: object, where: str) -> Scoring:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: scoring must be a mapping")
    allowed = set(Scoring.__dataclass_fields__)
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise ConfigError(
            f"{where}: scoring has unknown keys {unknown}; allowed: {sorted(allowed)}"
        )
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ConfigError(f"{where}: scoring.{key} must be a number")
        if key == "long_message_words":
            if value < 1:
                raise ConfigError(f"{where}: scoring.{key} must be at least 1")
            values[key] = int(value)
            continue
        if not 0 <= value <= 1:
            raise ConfigError(f"{where}: scoring.{key} must be in [0, 1]")
        values[key] = float(value)
    scoring = Scoring(**values)
    if not scoring.similarity_floor < scoring.similarity_full <= scoring.example_match:
        raise ConfigError(
            f"{where}: scoring needs similarity_floor < similarity_full <= example_match"
        )
    return scoring


def _load_synonyms(raw: object, where: str) -> dict[str, list[str]]:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: synonyms must map a word to a list of variants")
    result: dict[str, list[str]] = {}
    for canonical, variants in raw.items():
        ok = isinstance(variants, list) and all(isinstance(v, str) and v.strip() for v in variants)
        if not isinstance(canonical, str) or not ok:
            raise ConfigError(f"{where}: synonyms.{canonical} must be a list of strings")
        result[canonical] = list(variants)
    return result


def _string_list(value: object, where: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ConfigError(f"{where} must be a list")
    return value


def _load_rule(item: object, where: str) -> Rule:
    if not isinstance(item, dict):
        raise ConfigError(f"{where} must be a mapping")
    rule_id = item.get("id")
    if not isinstance(rule_id, str) or not re.fullmatch(r"[a-z0-9_]+", rule_id):
        raise ConfigError(f"{where}: 'id' must be lower_snake_case, got {rule_id!r}")
    where = f"{where} (id {rule_id!r})"
    unknown = sorted(set(item) - _RULE_KEYS)
    if unknown:
        raise ConfigError(f"{where}: unknown keys {unknown}; allowed: {sorted(_RULE_KEYS)}")
    answer = item.get("answer")
    if not isinstance(answer, str) or not answer.strip():
        raise ConfigError(f"{where}: 'answer' must be a non-empty string")
    patterns = [
        compile_regex(s, f"{where}: patterns[{i}]")
        for i, s in enumerate(_string_list(item.get("patterns"), f"{where}: patterns"))
    ]
    examples = _string_list(item.get("examples"), f"{where}: examples")
    for i, example in enumerate(examples):
        if not isinstance(example, str) or not example.strip():
            raise ConfigError(f"{where}: examples[{i}] must be a non-empty string")
    if not patterns and not examples:
        raise ConfigError(f"{where}: give at least one of 'patterns' or 'examples'")
    exclude = [
        compile_regex(s, f"{where}: exclude[{i}]")
        for i, s in enumerate(_string_list(item.get("exclude"), f"{where}: exclude"))
    ]
    allow = compile_regex(item["allow"], f"{where}: allow") if "allow" in item else None
    return Rule(
        id=rule_id,
        answer=" ".join(answer.split()),
        patterns=tuple(patterns),
        exclude=tuple(exclude),
        allow=allow,
        examples=tuple(examples),
    )
