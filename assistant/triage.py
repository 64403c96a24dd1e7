"""Triage: red flags from a YAML file, matched on the patient's text, read in context.

Two levels, as a triage nurse uses them:

* ``emergency``: call the emergency number now (NHS "call 999"; NICE red flags; NEWS2 signs
  that need an emergency response). Self-harm flags are emergencies with the crisis line.
* ``urgent``: get care today, from the configured urgent-care contact (NHS 111, an urgent GP
  appointment).

Each red flag is a set of regular expressions over the normalised text (lower case,
apostrophes dropped, common misspellings folded: :meth:`ContextReader.prepare`). Named
``terms`` ("{{child}}", "{{breathless}}") keep synonyms in one place. A match counts only
when :mod:`assistant.context` reads it as current: not negated, not history, not a
hypothetical or general question. A relative's emergency still counts. Self-harm flags
switch most of this off on purpose: when in doubt, the crisis line is offered.

The most severe level wins; within a level, file order (priority) decides the category.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Literal

from assistant.context import ContextReader, Reading, Scope, normalise
from assistant.context_terms import expand_terms, load_terms
from assistant.errors import ConfigError
from assistant.prefilter import Gates, IndexedRegex, WordIndex, gate_of
from assistant.settings import DATA_DIR
from assistant.yaml_data import (
    any_of,
    compile_regex,
    load_entries,
    load_mapping,
    require_mapping,
    require_text,
)

__all__ = ["Level", "RedFlag", "Triage", "TriageResult", "normalise"]

Level = Literal["emergency", "urgent"]
LEVELS: tuple[Level, ...] = ("emergency", "urgent")
NegationMode = Literal["clause", "strict", "off"]
_NEGATION_WINDOW = {"clause": 5, "strict": 2, "off": 0}

#: tokens the reply templates may use
EMERGENCY_TOKEN = "{emergency_number}"
CRISIS_TOKEN = "{crisis_line}"
URGENT_TOKEN = "{urgent_contact}"
ADVICE_TOKEN = "{advice}"


@dataclass(frozen=True, slots=True)
class TriageResult:
    """Which red flag fired: ``category`` groups flags (``self_harm``, ``cardiac``, ...)."""

    category: str
    flag_id: str
    level: Level = "emergency"
    #: an emergency flag the report reader read as unlikely to be happening now
    #: (:mod:`assistant.report`): level ``urgent``, and the reply says to call now if it is
    unsure: bool = False
    #: False: an urgent flag the acuity model may not raise to emergency (RedFlag.acuity_raises)
    raisable: bool = True


@dataclass(frozen=True, slots=True)
class _Pattern:
    """One way a flag can fire: every regex in ``all_of`` must match (one, for a plain regex).
    ``unless`` is searched in the match's clause for a plain regex, and in the whole message
    (``whole_message``) for an ``all`` pattern or a plain one given ``unless_in_message``.
    ``in_message`` is a plain regex's ``unless_in_message`` when it also has a clause
    ``unless``: then the pattern never fires when the whole message matches it."""

    all_of: tuple[IndexedRegex, ...]
    unless: IndexedRegex | None
    whole_message: bool = False
    in_message: IndexedRegex | None = None

    @property
    def gate(self) -> tuple[frozenset[str], ...]:
        """Key sets the text must meet (WordIndex.meets) before any regex is run."""
        return gate_of(self.all_of)


@dataclass(frozen=True, slots=True)
class RedFlag:
    id: str
    category: str
    advice: str
    patterns: tuple[_Pattern, ...]
    level: Level = "emergency"
    guidance: str = ""
    negation: NegationMode = "clause"
    #: suppressed when read as history ("years ago", "history of")
    history: bool = True
    #: suppressed when read as a general or hypothetical question ("signs of", "what if")
    hypothetical: bool = True
    #: suppressed when the same sentence says it is over ("... but it has stopped now")
    resolvable: bool = False
    #: an urgent flag the acuity model may raise to emergency (false: a same-day reply that
    #: public guidance sets below 999, whose emergency signs have flags of their own)
    acuity_raises: bool = True

    @property
    def scope(self) -> Scope:
        return _scope(self.negation, self.history, self.hypothetical)


class Triage:
    """Finds red flags in patient text and words the fixed reply for their level."""

    def __init__(
        self,
        flags: Sequence[RedFlag],
        reader: ContextReader,
        *,
        templates: Mapping[str, str],
        ignore: Sequence[re.Pattern[str]] = (),
        self_harm_category: str = "self_harm",
    ) -> None:
        if not flags:
            raise ConfigError("triage needs at least one red flag")
        self.flags = tuple(flags)
        self.reader = reader
        self._templates = dict(templates)
        self._ignore = tuple(IndexedRegex.of(pattern) for pattern in ignore)
        self._self_harm_category = self_harm_category
        self._by_id = {flag.id: flag for flag in self.flags}
        #: every (flag number, pattern, its gate) in file order; ``_gates`` finds the few
        #: whose words are in the text (most patterns' are not, for most messages)
        self._patterns = tuple(
            (index, pattern, pattern.gate)
            for index, flag in enumerate(self.flags)
            for pattern in flag.patterns
        )
        self._gates = Gates(gate for _, _, gate in self._patterns)

    # -- loading ------------------------------------------------------------------------

    @classmethod
    def from_file(cls, path: Path, context_file: Path | None = None) -> Triage:
        """Load red flags from YAML; any malformed entry raises :class:`ConfigError`.

        Indexing the patterns takes seconds, and a Triage is never changed after it is
        built, so a process reads each version of the two files once (tests build many
        assistants; an edited file has a new stamp and is read again)."""
        context_file = context_file or DATA_DIR / "context.yaml"
        return _load_triage(path, context_file, _stamp(path), _stamp(context_file))

    @classmethod
    def _read(cls, path: Path, context_file: Path) -> Triage:
        data = load_mapping(path, "red-flag")
        where = path.name
        replies = require_mapping(data.get("replies"), f"{where}: replies")
        templates = {
            name: require_text(replies.get(name), f"{where}: replies.{name}")
            for name in ("emergency", "self_harm", "urgent", "unsure", "general_question")
        }
        for name in ("emergency", "self_harm", "unsure", "general_question"):
            if EMERGENCY_TOKEN not in templates[name]:
                raise ConfigError(f"{where}: replies.{name} must contain {EMERGENCY_TOKEN}")
        if CRISIS_TOKEN not in templates["self_harm"]:
            raise ConfigError(f"{where}: replies.self_harm must contain {CRISIS_TOKEN}")
        for name in ("urgent", "unsure"):
            if URGENT_TOKEN not in templates[name]:
                raise ConfigError(f"{where}: replies.{name} must contain {URGENT_TOKEN}")
        ignore_raw = data.get("ignore", [])
        if not isinstance(ignore_raw, list):
            raise ConfigError(f"{where}: ignore must be a list")
        ignore = [compile_regex(s, f"{where}: ignore[{i}]") for i, s in enumerate(ignore_raw)]
        terms = load_terms(data.get("terms"), f"{where}: terms")
        flags = load_entries(data, "flags", where, lambda raw, at: _load_flag(raw, at, terms))
        reader = ContextReader.from_file(context_file)
        return cls(flags, reader, templates=templates, ignore=ignore)

    @property
    def categories(self) -> list[str]:
        return sorted({flag.category for flag in self.flags})

    # -- matching -----------------------------------------------------------------------

    def prepare(self, text: str) -> str:
        """The form red flags are matched against (exposed for tests and debugging)."""
        return self._index(text).text

    def _index(self, text: str) -> WordIndex:
        """The prepared text's word index: normalised, idioms and others' past blanked."""
        words = WordIndex(self.reader.prepare(text))
        for ignore in self._ignore:
            words = words.blank(m.span() for m in words.finditer(ignore))
        return words

    def assess(self, text: str) -> TriageResult | None:
        """The most severe red flag that fires on ``text`` (file order within a level)."""
        words = self._index(text)
        if not words.text.strip():
            return None
        lazy = _LazyReading(self.reader, words)
        found: TriageResult | None = None
        for number in self._gates.met(lazy.words):  # the patterns whose gate the text meets
            index, pattern, _ = self._patterns[number]
            flag = self.flags[index]
            if found is not None and flag.level != "emergency":
                continue  # an urgent flag cannot beat what was found already
            if self._fires(flag, pattern, lazy):
                found = TriageResult(
                    category=flag.category,
                    flag_id=flag.id,
                    level=flag.level,
                    raisable=flag.acuity_raises,
                )
                if flag.level == "emergency":
                    return found
        return found

    def names_an_emergency(self, text: str) -> bool:
        """Whether an emergency red flag's words appear in ``text``, context aside (negated,
        past or general too): the messages the report reader is trained on."""
        words = self._index(text)
        for number in self._gates.met(words):
            index, pattern, _ = self._patterns[number]
            if self.flags[index].level == "emergency" and all(
                next(words.finditer(indexed, gated=True), None) is not None
                for indexed in pattern.all_of
            ):
                return True
        return False

    def explain(self, text: str) -> list[str]:
        """Every flag that fires on ``text``, for debugging and the evaluation report."""
        lazy = _LazyReading(self.reader, self._index(text))
        return [
            flag.id
            for flag in self.flags
            if any(
                lazy.words.meets(pattern.gate) and self._fires(flag, pattern, lazy)
                for pattern in flag.patterns
            )
        ]

    def _fires(self, flag: RedFlag, pattern: _Pattern, lazy: _LazyReading) -> bool:
        """Whether ``pattern`` of ``flag`` fires; its gate has been met already."""
        words = lazy.words
        scope = flag.scope
        if not pattern.whole_message:
            if pattern.in_message is not None and words.search(pattern.in_message):
                return False
            for match in words.finditer(pattern.all_of[0], gated=True):
                reading = lazy.reading
                if pattern.unless is not None:
                    low, high = reading.clause(match.start(), match.end())
                    if words.search_between(pattern.unless, low, high):
                        continue
                if not reading.assess(match.start(), match.end(), scope).current:
                    continue
                if flag.resolvable and reading.resolved_after(match.end()):
                    continue
                return True
            return False
        # co-occurrence ("pregnant" + "headache"): ``unless`` looks at the whole text
        if pattern.unless is not None and words.search(pattern.unless):
            return False
        return all(
            any(
                lazy.reading.assess(match.start(), match.end(), scope).current
                for match in words.finditer(indexed, gated=True)
            )
            for indexed in pattern.all_of
        )

    # -- replying -----------------------------------------------------------------------

    @property
    def self_harm_category(self) -> str:
        return self._self_harm_category

    def safety_net(self, emergency_number: str) -> str:
        """The line that opens the answer to a general question in which an emergency red
        flag's words were read but which stood down (:meth:`AcuityModel.general_question`)."""
        return _tidy(self._templates["general_question"].replace(EMERGENCY_TOKEN, emergency_number))

    def reply_for(
        self,
        result: TriageResult,
        emergency_number: str,
        crisis_line: str,
        urgent_contact: str = "NHS 111",
    ) -> str:
        """The fixed, patient-facing reply for ``result``."""
        flag = self._by_id.get(result.flag_id)
        advice = flag.advice if flag is not None else ""
        if result.category == self._self_harm_category:
            template = self._templates["self_harm"]
        elif result.unsure:
            template = self._templates["unsure"]
        else:
            template = self._templates[result.level]
        text = template.replace(ADVICE_TOKEN, advice.strip())
        text = text.replace(CRISIS_TOKEN, crisis_line).replace(EMERGENCY_TOKEN, emergency_number)
        return _tidy(text.replace(URGENT_TOKEN, urgent_contact))


# -- helpers -------------------------------------------------------------------------------


class _LazyReading:
    """One prepared text: its word index at once, its context reading only when a red flag
    matches somewhere (most messages match none, and reading costs more than the index)."""

    __slots__ = ("_reader", "_reading", "words")

    def __init__(self, reader: ContextReader, words: WordIndex) -> None:
        self._reader = reader
        self._reading: Reading | None = None
        self.words = words

    @property
    def reading(self) -> Reading:
        if self._reading is None:
            self._reading = self._reader.read(self.words.text, self.words)
        return self._reading


@cache
def _scope(negation: NegationMode, history: bool, hypothetical: bool) -> Scope:
    return Scope(
        window=_NEGATION_WINDOW[negation],
        or_lists=negation == "clause",
        historical=history,
        hypothetical=hypothetical,
    )


def _tidy(text: str) -> str:
    paragraphs = [" ".join(part.split()) for part in text.strip().split("\n\n")]
    return "\n\n".join(part for part in paragraphs if part)


_FLAG_KEYS = {
    "id",
    "category",
    "level",
    "guidance",
    "advice",
    "patterns",
    "negation",
    "history",
    "hypothetical",
    "resolvable",
    "acuity_raises",
}


def _stamp(path: Path) -> tuple[int, int] | None:
    """A file's version as far as a cache can tell (None: unreadable, and reported as such
    when it is read)."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


@lru_cache(maxsize=4)
def _load_triage(
    path: Path, context_file: Path, _path_stamp: object, _context_stamp: object
) -> Triage:
    return Triage._read(path, context_file)


def _load_flag(raw: object, where: str, terms: Mapping[str, str]) -> RedFlag:
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
    level = data.get("level", "emergency")
    if level not in LEVELS:
        raise ConfigError(f"{where}: level must be one of {list(LEVELS)}")
    guidance = data.get("guidance", "")
    if not isinstance(guidance, str):
        raise ConfigError(f"{where}: guidance must be a string")
    negation = data.get("negation", "clause")
    if negation not in _NEGATION_WINDOW:
        raise ConfigError(f"{where}: negation must be one of {sorted(_NEGATION_WINDOW)}")
    switches: dict[str, bool] = {}
    for key in ("history", "hypothetical", "resolvable", "acuity_raises"):
        value = data.get(key, key != "resolvable")
        if not isinstance(value, bool):
            raise ConfigError(f"{where}: {key} must be true or false")
        switches[key] = value
    if not switches["acuity_raises"] and level != "urgent":
        raise ConfigError(f"{where}: acuity_raises: false goes with level urgent")
    raw_patterns = data.get("patterns")
    if not isinstance(raw_patterns, list) or not raw_patterns:
        raise ConfigError(f"{where}: 'patterns' must be a non-empty list")
    patterns = _merge_plain(
        [
            _load_pattern(item, f"{where}: patterns[{index}]", terms)
            for index, item in enumerate(raw_patterns)
        ]
    )
    return RedFlag(
        id=flag_id,
        category=category,
        advice=advice,
        patterns=patterns,
        level=level,
        guidance=guidance,
        negation=negation,
        history=switches["history"],
        hypothetical=switches["hypothetical"],
        resolvable=switches["resolvable"],
        acuity_raises=switches["acuity_raises"],
    )


@dataclass(frozen=True, slots=True)
class _PatternSource:
    """A pattern as the file gives it, compiled but not yet indexed: plain ones are merged
    first, so that only the patterns kept are indexed (indexing is most of the load time)."""

    all_of: tuple[re.Pattern[str], ...]
    unless: re.Pattern[str] | None = None
    whole_message: bool = False
    in_message: re.Pattern[str] | None = None

    @property
    def plain(self) -> bool:
        return not self.whole_message and self.unless is None and self.in_message is None


def _merge_plain(sources: list[_PatternSource]) -> tuple[_Pattern, ...]:
    """One alternation for a flag's plain regexes: one scan of the text instead of many."""
    plain = [source for source in sources if source.plain]
    if len(plain) >= 2:
        merged = any_of(p.all_of[0] for p in plain)
        sources = [_PatternSource((merged,)), *(s for s in sources if not s.plain)]
    return tuple(_index_pattern(source) for source in sources)


def _index_pattern(source: _PatternSource) -> _Pattern:
    return _Pattern(
        tuple(IndexedRegex.of(regex) for regex in source.all_of),
        None if source.unless is None else IndexedRegex.of(source.unless),
        source.whole_message,
        None if source.in_message is None else IndexedRegex.of(source.in_message),
    )


def _regex(source: object, where: str, terms: Mapping[str, str]) -> re.Pattern[str]:
    if not isinstance(source, str):
        raise ConfigError(f"{where} must be a non-empty regular expression")
    return compile_regex(_commas_in_windows(expand_terms(source, terms, where)), where)


def _commas_in_windows(source: str) -> str:
    """Let the word windows of a pattern (``(?: \\w+){0,4}``, ``(?:\\w+ ){0,2}``) step over
    commas: descriptions list signs with them ("pale, cold and numb"), and a comma does not
    end the clause the way a full stop does."""
    return source.replace(r"(?: \w+)", r"(?:,? \w+)").replace(r"(?:\w+ )", r"(?:\w+,? )")


def _load_pattern(item: object, where: str, terms: Mapping[str, str]) -> _PatternSource:
    if isinstance(item, str):
        return _PatternSource((_regex(item, where, terms),))
    data: Mapping[str, Any] = require_mapping(item, where)
    allowed = {"regex", "all", "unless", "unless_in_message"}
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise ConfigError(f"{where}: unknown keys {unknown}; allowed: {sorted(allowed)}")
    unless = _regex(data["unless"], f"{where}.unless", terms) if "unless" in data else None
    if ("regex" in data) == ("all" in data):
        raise ConfigError(f"{where}: give exactly one of 'regex' or 'all'")
    if "unless_in_message" in data:
        if "regex" not in data:
            raise ConfigError(f"{where}: 'unless_in_message' goes with 'regex'")
        in_message = _regex(data["unless_in_message"], f"{where}.unless_in_message", terms)
        regex = _regex(data["regex"], f"{where}.regex", terms)
        if unless is not None:
            # both: the clause ``unless`` as usual, and the whole message's as a veto
            return _PatternSource((regex,), unless, in_message=in_message)
        return _PatternSource((regex,), in_message, whole_message=True)
    if "regex" in data:
        return _PatternSource((_regex(data["regex"], f"{where}.regex", terms),), unless)
    parts: Iterable[object] = data["all"] if isinstance(data["all"], list) else []
    compiled = tuple(_regex(part, f"{where}.all[{i}]", terms) for i, part in enumerate(parts))
    if len(compiled) < 2:
        raise ConfigError(f"{where}: 'all' needs a list of at least two regular expressions")
    return _PatternSource(compiled, unless, whole_message=True)
