"""Vetted answers to common questions, matched with a confidence in [0, 1].

Each rule in the YAML file has an id, keyword ``patterns`` (regular expressions), example
phrasings and a patient-facing answer. A question is normalised (placeholders such as
``<PERSON_1>`` removed, lower case, a small synonym map: "temperature" -> "fever",
"coronavirus" -> "covid", "jab" -> "vaccine"), then each rule gets a confidence from

* keyword evidence: one of its patterns matches, and none of its ``exclude`` patterns; and
* similarity: rapidfuzz's best score between the question's content words and the content
  words of the rule's examples.

A keyword puts a rule at ``keyword_base`` or above, and similarity ranks rules that share a
keyword ("flu" in a flu-vaccine question). Without a keyword, only a high similarity
counts, which keeps unrelated health questions low. Questions about specific medicines,
test results or operations (``out_of_scope``) are scaled down: general advice does not
answer them. The pipeline lets a rule answer when ``confidence >= 1 - rule_threshold``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from assistant.errors import ConfigError
from assistant.yaml_data import compile_regex, load_entries, load_mapping

_PLACEHOLDER_RE = re.compile(
    r"[<\[{]\s*[A-Za-z]+(?:_[A-Za-z]+)*_\d+\s*[>\]}]|\b[A-Z]+(?:_[A-Z]+)*_\d+\b"
)
_APOSTROPHES_RE = re.compile(r"['’‘`´ʼ]")
_NON_WORD_RE = re.compile(r"[^a-z0-9]+")

# Function words carry no topic: dropped before the similarity score.
_STOPWORD_TEXT = """
    a about above after again all also am an and any anyone anything are as at be because been
    before being best better bit both but by can cant could did do does doing dont down during
    each else ever every few for from get gets getting give go going good got had has have
    having he help her here hers him his how however i id if im in into is it its ive just
    keep know let like lot lots make may me might more most much must my need needs no nor
    not now of off often on once one only or other our out over own please quite really right
    same say she should so some someone something still such sure take tell than thank thanks
    that thats the their them then there these they thing things this those through tips to
    too try up us usual usually very want was way ways we well were what whats when where
    whether which while who why will with would yes yet you your youre
"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())


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
    return match is not None and match.confidence >= round(1 - rule_threshold, 9)


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    answer: str
    patterns: tuple[re.Pattern[str], ...]
    exclude: tuple[re.Pattern[str], ...]
    allow: re.Pattern[str] | None
    examples: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Scoring:
    keyword_base: float = 0.5
    similarity_floor: float = 0.6
    similarity_power: float = 2.0
    out_of_scope_factor: float = 0.35
    min_confidence: float = 0.05


class _Normaliser:
    """Lower case, placeholders out, punctuation to spaces, synonyms to one canonical word."""

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
        plain = _plain(_PLACEHOLDER_RE.sub(" ", text))
        if self._regex is None:
            return plain
        return self._regex.sub(lambda m: self._canonical[m.group(0)], plain)


def _plain(text: str) -> str:
    lowered = _APOSTROPHES_RE.sub("", text.casefold())
    return " ".join(_NON_WORD_RE.sub(" ", lowered).split())


def _content(normalised: str) -> str:
    """Content words; a question made only of function words ("who are you") keeps them all."""
    content = " ".join(word for word in normalised.split() if word not in _STOPWORDS)
    return content or normalised


class RuleBook:
    """Scores every rule for a question and returns the best one."""

    def __init__(
        self,
        rules: Sequence[Rule],
        *,
        synonyms: Mapping[str, Sequence[str]] | None = None,
        out_of_scope: Sequence[re.Pattern[str]] = (),
        scoring: Scoring | None = None,
    ) -> None:
        if not rules:
            raise ConfigError("the rule book needs at least one rule")
        self._rules = tuple(rules)
        self._normalise = _Normaliser(synonyms or {})
        self._out_of_scope = tuple(out_of_scope)
        self.scoring = scoring or Scoring()
        # examples as content words, flattened once for rapidfuzz's cdist
        self._choices: list[str] = []
        self._owners: list[int] = []
        for index, rule in enumerate(self._rules):
            for example in rule.examples:
                self._choices.append(_content(self._normalise(example)))
                self._owners.append(index)

    @classmethod
    def from_file(cls, path: Path) -> RuleBook:
        """Load rules from YAML; any malformed entry raises :class:`ConfigError`."""
        return _load(path)

    @property
    def rules(self) -> tuple[Rule, ...]:
        return self._rules

    @property
    def ids(self) -> list[str]:
        return [rule.id for rule in self._rules]

    def normalise(self, text: str) -> str:
        """The form patterns are matched against (exposed for tests and debugging)."""
        return self._normalise(text)

    def scores(self, text: str) -> list[tuple[str, float]]:
        """Every rule's confidence for ``text``, best first."""
        normalised = self._normalise(text)
        content = _content(normalised)
        similarity = [0.0] * len(self._rules)
        if content and self._choices:
            # token_sort_ratio compares whole content (not subsets), so one shared word in a
            # long question scores low; ratio is the 0-100 Indel similarity.
            matrix = process.cdist([content], self._choices, scorer=fuzz.token_sort_ratio)
            for owner, value in zip(self._owners, matrix[0], strict=True):
                similarity[owner] = max(similarity[owner], float(value) / 100.0)
        out_of_scope = [m for p in self._out_of_scope for m in p.finditer(normalised)]
        ranked = [
            (rule.id, self._confidence(rule, normalised, similarity[i], out_of_scope))
            for i, rule in enumerate(self._rules)
        ]
        ranked.sort(key=lambda item: item[1], reverse=True)
        return ranked

    def match(self, text: str) -> RuleMatch | None:
        """The best rule for ``text`` with its confidence, or None if nothing is close."""
        ranked = self.scores(text)
        if not ranked:
            return None
        rule_id, confidence = ranked[0]
        if confidence < self.scoring.min_confidence:
            return None
        rule = next(r for r in self._rules if r.id == rule_id)
        return RuleMatch(rule_id=rule.id, confidence=confidence, answer=rule.answer)

    def _confidence(
        self, rule: Rule, normalised: str, similarity: float, out_of_scope: list[re.Match[str]]
    ) -> float:
        s = self.scoring
        keyword = any(p.search(normalised) for p in rule.patterns) and not any(
            p.search(normalised) for p in rule.exclude
        )
        if keyword:
            confidence = s.keyword_base + (1.0 - s.keyword_base) * similarity
        elif similarity > s.similarity_floor:
            confidence = ((similarity - s.similarity_floor) / (1.0 - s.similarity_floor)) ** (
                s.similarity_power
            )
        else:
            confidence = 0.0
        foreign = [m for m in out_of_scope if rule.allow is None or not rule.allow.search(m[0])]
        if foreign:
            confidence *= s.out_of_scope_factor
        return round(min(1.0, max(0.0, confidence)), 4)


# -- loading -------------------------------------------------------------------------------

_RULE_KEYS = {"id", "patterns", "exclude", "allow", "examples", "answer"}


def _load(path: Path) -> RuleBook:
    where = path.name
    data = load_mapping(path, "rules")
    scoring = _load_scoring(data.get("scoring", {}), where)
    synonyms = _load_synonyms(data.get("synonyms", {}), where)
    oos_raw = data.get("out_of_scope", [])
    if not isinstance(oos_raw, list):
        raise ConfigError(f"{where}: out_of_scope must be a list of regular expressions")
    out_of_scope = [compile_regex(s, f"{where}: out_of_scope[{i}]") for i, s in enumerate(oos_raw)]
    rules = load_entries(data, "rules", where, _load_rule)
    return RuleBook(rules, synonyms=synonyms, out_of_scope=out_of_scope, scoring=scoring)


def _load_scoring(raw: object, where: str) -> Scoring:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: scoring must be a mapping")
    allowed = set(Scoring.__dataclass_fields__)
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise ConfigError(
            f"{where}: scoring has unknown keys {unknown}; allowed: {sorted(allowed)}"
        )
    values: dict[str, float] = {}
    for key, value in raw.items():
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ConfigError(f"{where}: scoring.{key} must be a number")
        if key == "similarity_power":
            if value <= 0:
                raise ConfigError(f"{where}: scoring.{key} must be > 0")
        elif not 0 <= value < 1 or (key == "similarity_floor" and value == 0):
            raise ConfigError(f"{where}: scoring.{key} must be in (0, 1)")
        values[key] = float(value)
    return Scoring(**values)


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
