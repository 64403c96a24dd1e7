"""Emergency triage: red flags from a YAML file, matched on the raw patient text.

Pure and fast. Each red flag is a set of regular expressions run over a normalised copy of
the text (lower case, apostrophes dropped so "can't" and "cant" read the same, hyphens as
spaces). A match counts unless a small, clause-level scope says otherwise:

* negation cues just before it ("no chest pain", "I don't have any trouble breathing");
* a resolved event after it in the same sentence ("... but it has stopped now"), for flags
  marked ``resolvable``;
* history markers in its clause ("I had a seizure years ago");
* hypothetical framing in its clause ("what does having a heart attack feel like");
* an ``unless`` pattern attached to that one regex ("can't breathe through my nose").

Idioms and third-person history ("I'm dying to know", "died of a heart attack") are blanked
out before matching. Self-harm flags switch most of this off on purpose: when in doubt, the
crisis line is offered.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from assistant.errors import ConfigError
from assistant.yaml_data import (
    compile_regex,
    load_entries,
    load_mapping,
    require_mapping,
    require_text,
)

NegationMode = Literal["clause", "strict", "off"]
_NEGATION_WINDOW = {"clause": 5, "strict": 2, "off": 0}

_APOSTROPHES_RE = re.compile(r"['’‘`´ʼ]")
_OTHER_CHARS_RE = re.compile(r"[^a-z0-9.,!?;:\n ]+")
_SPACES_RE = re.compile(r"[ \t\r\f\v]+")
_SENTENCE_END_RE = re.compile(r"[!?;\n]|\.(?!\d)")
_WORD_RE = re.compile(r"[a-z0-9]+")

#: tokens the reply templates may use
EMERGENCY_TOKEN = "{emergency_number}"
CRISIS_TOKEN = "{crisis_line}"
ADVICE_TOKEN = "{advice}"


def normalise(text: str) -> str:
    """Lower-case, drop apostrophes, turn other symbols into spaces, keep clause punctuation."""
    lowered = text.casefold().replace("&", " and ")
    lowered = _APOSTROPHES_RE.sub("", lowered)
    lowered = _OTHER_CHARS_RE.sub(" ", lowered)
    return _SPACES_RE.sub(" ", lowered).strip()


@dataclass(frozen=True, slots=True)
class TriageResult:
    """Which red flag fired: ``category`` groups flags (``self_harm``, ``cardiac``, ...)."""

    category: str
    flag_id: str


@dataclass(frozen=True, slots=True)
class _Pattern:
    """One way a flag can fire: every regex in ``all_of`` must match (one, for a plain regex)."""

    all_of: tuple[re.Pattern[str], ...]
    unless: re.Pattern[str] | None


@dataclass(frozen=True, slots=True)
class RedFlag:
    id: str
    category: str
    advice: str
    patterns: tuple[_Pattern, ...]
    negation: NegationMode = "clause"
    #: suppressed in a clause that talks about the past ("years ago", "history of")
    history: bool = True
    #: suppressed in a clause that asks in general ("signs of", "how do I know if")
    hypothetical: bool = True
    #: suppressed when the same sentence says it is over ("it has stopped now")
    resolvable: bool = False


@dataclass(frozen=True, slots=True)
class _Language:
    ignore: tuple[re.Pattern[str], ...]
    clause_breaks: re.Pattern[str]
    negation: re.Pattern[str]
    pseudo_negation: re.Pattern[str]
    resolved: re.Pattern[str]
    history: re.Pattern[str]
    hypothetical: re.Pattern[str]


class Triage:
    """Finds red flags in patient text and words the fixed emergency reply."""

    def __init__(
        self,
        flags: Sequence[RedFlag],
        language: _Language,
        *,
        emergency_template: str,
        self_harm_template: str,
        self_harm_category: str = "self_harm",
    ) -> None:
        if not flags:
            raise ConfigError("triage needs at least one red flag")
        self.flags = tuple(flags)
        self._language = language
        self._emergency_template = emergency_template
        self._self_harm_template = self_harm_template
        self._self_harm_category = self_harm_category

    # -- loading ------------------------------------------------------------------------

    @classmethod
    def from_file(cls, path: Path) -> Triage:
        """Load red flags from YAML; any malformed entry raises :class:`ConfigError`."""
        data = load_mapping(path, "red-flag")
        where = path.name
        replies = require_mapping(data.get("replies"), f"{where}: replies")
        emergency = require_text(replies.get("emergency"), f"{where}: replies.emergency")
        self_harm = require_text(replies.get("self_harm"), f"{where}: replies.self_harm")
        for name, template in (("emergency", emergency), ("self_harm", self_harm)):
            if EMERGENCY_TOKEN not in template:
                raise ConfigError(f"{where}: replies.{name} must contain {EMERGENCY_TOKEN}")
        if CRISIS_TOKEN not in self_harm:
            raise ConfigError(f"{where}: replies.self_harm must contain {CRISIS_TOKEN}")
        language = _load_language(
            require_mapping(data.get("language"), f"{where}: language"), where
        )
        flags = load_entries(data, "flags", where, _load_flag)
        return cls(flags, language, emergency_template=emergency, self_harm_template=self_harm)

    @property
    def categories(self) -> list[str]:
        return sorted({flag.category for flag in self.flags})

    # -- matching -----------------------------------------------------------------------

    def assess(self, text: str) -> TriageResult | None:
        """The first red flag (in file order, i.e. priority) that fires on ``text``."""
        clean = normalise(text)
        if not clean:
            return None
        for pattern in self._language.ignore:
            clean = pattern.sub(" , ", clean)
        for flag in self.flags:
            if any(self._fires(flag, pattern, clean) for pattern in flag.patterns):
                return TriageResult(category=flag.category, flag_id=flag.id)
        return None

    def _fires(self, flag: RedFlag, pattern: _Pattern, text: str) -> bool:
        if len(pattern.all_of) == 1:
            return any(
                self._counts(flag, match, text, pattern.unless)
                for match in pattern.all_of[0].finditer(text)
            )
        # co-occurrence ("pregnant" + "bleeding heavily"): ``unless`` looks at the whole text
        if pattern.unless is not None and pattern.unless.search(text):
            return False
        return all(
            any(self._counts(flag, match, text, None) for match in regex.finditer(text))
            for regex in pattern.all_of
        )

    def _counts(
        self, flag: RedFlag, match: re.Match[str], text: str, unless: re.Pattern[str] | None
    ) -> bool:
        start, end = match.span()
        sentence_start, sentence_end = _sentence_bounds(text, start)
        clause_start, clause_end = self._clause_bounds(
            text, start, end, sentence_start, sentence_end
        )
        clause = text[clause_start:clause_end]
        lang = self._language
        if unless is not None and unless.search(clause):
            return False
        if flag.history and lang.history.search(clause):
            return False
        if flag.hypothetical and lang.hypothetical.search(clause):
            return False
        if self._negated(text[clause_start:start], flag.negation):
            return False
        return not (flag.resolvable and self._resolved(text[end:sentence_end]))

    def _clause_bounds(
        self, text: str, start: int, end: int, sentence_start: int, sentence_end: int
    ) -> tuple[int, int]:
        clause_start = sentence_start
        for brk in self._language.clause_breaks.finditer(text, sentence_start, start):
            clause_start = brk.end()
        nxt = self._language.clause_breaks.search(text, end, sentence_end)
        return clause_start, nxt.start() if nxt is not None else sentence_end

    def _negated(self, before: str, mode: NegationMode) -> bool:
        window = _NEGATION_WINDOW[mode]
        if window == 0:
            return False
        before = self._language.pseudo_negation.sub(" ", before)
        words = _WORD_RE.findall(before)[-window:]
        return bool(words) and self._language.negation.search(" ".join(words)) is not None

    def _resolved(self, after: str) -> bool:
        for cue in self._language.resolved.finditer(after):
            # "it hasn't stopped now" is not resolved: the cue itself must not be negated
            if not self._negated(after[: cue.start()], "strict"):
                return True
        return False

    # -- replying -----------------------------------------------------------------------

    def reply_for(self, result: TriageResult, emergency_number: str, crisis_line: str) -> str:
        """The fixed, patient-facing emergency reply for ``result``."""
        flag = next((f for f in self.flags if f.id == result.flag_id), None)
        advice = flag.advice if flag is not None else ""
        is_self_harm = result.category == self._self_harm_category
        template = self._self_harm_template if is_self_harm else self._emergency_template
        text = template.replace(ADVICE_TOKEN, advice.strip())
        text = text.replace(CRISIS_TOKEN, crisis_line).replace(EMERGENCY_TOKEN, emergency_number)
        return _tidy(text)


# -- helpers -------------------------------------------------------------------------------


def _sentence_bounds(text: str, position: int) -> tuple[int, int]:
    start = 0
    for brk in _SENTENCE_END_RE.finditer(text, 0, position):
        start = brk.end()
    nxt = _SENTENCE_END_RE.search(text, position)
    return start, nxt.start() if nxt is not None else len(text)


def _tidy(text: str) -> str:
    paragraphs = [" ".join(part.split()) for part in text.strip().split("\n\n")]
    return "\n\n".join(part for part in paragraphs if part)


def _alternation(sources: object, where: str) -> re.Pattern[str]:
    """A list of regexes joined into one ``(?:a)|(?:b)`` pattern."""
    if not isinstance(sources, list) or not sources:
        raise ConfigError(f"{where} must be a non-empty list of regular expressions")
    for index, source in enumerate(sources):
        compile_regex(source, f"{where}[{index}]")
    return re.compile("|".join(f"(?:{source})" for source in sources))


def _load_language(data: Mapping[str, Any], where: str) -> _Language:
    ignore = data.get("ignore", [])
    if not isinstance(ignore, list):
        raise ConfigError(f"{where}: language.ignore must be a list")
    return _Language(
        ignore=tuple(
            compile_regex(s, f"{where}: language.ignore[{i}]") for i, s in enumerate(ignore)
        ),
        clause_breaks=_alternation(data.get("clause_breaks"), f"{where}: language.clause_breaks"),
        negation=_alternation(data.get("negation"), f"{where}: language.negation"),
        pseudo_negation=_alternation(
            data.get("pseudo_negation"), f"{where}: language.pseudo_negation"
        ),
        resolved=_alternation(data.get("resolved"), f"{where}: language.resolved"),
        history=_alternation(data.get("history"), f"{where}: language.history"),
        hypothetical=_alternation(data.get("hypothetical"), f"{where}: language.hypothetical"),
    )


_FLAG_KEYS = {
    "id",
    "category",
    "advice",
    "patterns",
    "negation",
    "history",
    "hypothetical",
    "resolvable",
}


def _load_flag(raw: object, where: str) -> RedFlag:
    data = require_mapping(raw, where)
    flag_id = data.get("id")
    if not isinstance(flag_id, str) or not flag_id.strip():
        raise ConfigError(f"{where}: 'id' must be a non-empty string")
    where = f"{where} (id {flag_id!r})"
    unknown = sorted(set(data) - _FLAG_KEYS)
    if unknown:
        raise ConfigError(f"{where}: unknown keys {unknown}; allowed: {sorted(_FLAG_KEYS)}")
    category = require_text(data.get("category"), f"{where}: category")
    advice = require_text(data.get("advice"), f"{where}: advice")
    negation = data.get("negation", "clause")
    if negation not in _NEGATION_WINDOW:
        raise ConfigError(f"{where}: negation must be one of {sorted(_NEGATION_WINDOW)}")
    switches: dict[str, bool] = {}
    for key in ("history", "hypothetical", "resolvable"):
        value = data.get(key, key != "resolvable")
        if not isinstance(value, bool):
            raise ConfigError(f"{where}: {key} must be true or false")
        switches[key] = value
    raw_patterns = data.get("patterns")
    if not isinstance(raw_patterns, list) or not raw_patterns:
        raise ConfigError(f"{where}: 'patterns' must be a non-empty list")
    patterns = tuple(
        _load_pattern(item, f"{where}: patterns[{index}]")
        for index, item in enumerate(raw_patterns)
    )
    return RedFlag(
        id=flag_id,
        category=category,
        advice=advice,
        patterns=patterns,
        negation=negation,
        history=switches["history"],
        hypothetical=switches["hypothetical"],
        resolvable=switches["resolvable"],
    )


def _load_pattern(item: object, where: str) -> _Pattern:
    if isinstance(item, str):
        return _Pattern(all_of=(compile_regex(item, where),), unless=None)
    data = require_mapping(item, where)
    unknown = sorted(set(data) - {"regex", "all", "unless"})
    if unknown:
        raise ConfigError(f"{where}: unknown keys {unknown}; allowed: ['all', 'regex', 'unless']")
    unless = compile_regex(data["unless"], f"{where}.unless") if "unless" in data else None
    if ("regex" in data) == ("all" in data):
        raise ConfigError(f"{where}: give exactly one of 'regex' or 'all'")
    if "regex" in data:
        return _Pattern(all_of=(compile_regex(data["regex"], f"{where}.regex"),), unless=unless)
    parts: Iterable[object] = data["all"] if isinstance(data["all"], list) else []
    compiled = tuple(compile_regex(part, f"{where}.all[{i}]") for i, part in enumerate(parts))
    if len(compiled) < 2:
        raise ConfigError(f"{where}: 'all' needs a list of at least two regular expressions")
    return _Pattern(all_of=compiled, unless=unless)
