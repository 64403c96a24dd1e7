"""The cue file of :mod:`assistant.context` (``assistant/data/context.yaml``) read into
compiled patterns (:class:`ContextRules`), and :func:`normalise`, the text form they are
written for: lower case, no apostrophes, symbols as spaces, clause punctuation kept."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from assistant.context_terms import alternation, alternation_parts, load_terms
from assistant.errors import ConfigError
from assistant.yaml_data import load_mapping, require_mapping

_APOSTROPHES_RE = re.compile(r"['’‘`´ʼ]")
_OTHER_CHARS_RE = re.compile(r"[^a-z0-9.,!?;:\n ]+")
_SPACES_RE = re.compile(r"[ \t\r\f\v]+")

KINDS = ("negated", "historical", "hypothetical", "other")
DIRECTIONS = ("forward", "backward")


def normalise(text: str) -> str:
    """Lower case, apostrophes dropped ("can't" -> "cant"), symbols as spaces.

    Clause punctuation (. , ! ? ; :) and line breaks are kept because they bound scopes.
    Offsets change, so every consumer matches its own patterns on this form.
    """
    lowered = text.casefold().replace("&", " and ")
    lowered = _APOSTROPHES_RE.sub("", lowered)
    lowered = _OTHER_CHARS_RE.sub(" ", lowered)
    return _SPACES_RE.sub(" ", lowered).strip()


@dataclass(frozen=True, slots=True)
class ContextRules:
    """The compiled patterns of one cue file; :meth:`from_file` reads and checks it."""

    #: (kind, direction) -> its cue regexes, in file order (an alternation of them)
    cues: Mapping[tuple[str, str], tuple[re.Pattern[str], ...]]
    pseudo: re.Pattern[str]
    clause_breaks: re.Pattern[str]
    list_breaks: re.Pattern[str]
    recent: re.Pattern[str]
    #: time words that place a message now ("right now", "an hour ago"); read only by
    #: :meth:`assistant.context.ContextReader.happening_now`
    now: re.Pattern[str]
    #: negation cues that open a list of denied items ("denies", "no", "nil", "without"):
    #: they reach every short item of a list that "or"/"nor" closes, however long
    list_openers: re.Pattern[str] | None
    #: the clinician's denials among them ("denies", "nil"): their list needs no closing
    #: "or" when it runs to the end of its sentence ("Denies dysphagia, weight loss, melaena.")
    denial_openers: re.Pattern[str] | None
    #: misspelt or variant word -> the word the patterns are written for
    spelling: Mapping[str, str]
    #: a time phrase that opens a sentence and places what it tells in the past ("Two years
    #: ago I had a cardiac arrest at the gym, I was in intensive care"): it reaches every
    #: clause of its sentence up to :attr:`past_ends`
    past_openers: re.Pattern[str] | None = None
    #: where such a sentence turns to another time ("but", "now", "this week", "again")
    past_ends: re.Pattern[str] | None = None
    #: an opener of the far past ("last year", "when I was 6") whose story, told in the past
    #: tense, goes on into the next sentences (:attr:`past_story`)
    story_openers: re.Pattern[str] | None = None
    #: a date of the far past said anywhere in a sentence ("... in 2023", "in feb"): a
    #: sentence told wholly in the past around it starts such a story too
    story_dates: re.Pattern[str] | None = None
    #: a past-tense verb that a later sentence of such a story needs ("was", "called")
    past_story: re.Pattern[str] | None = None
    #: how the old event was dealt with or ended ("was in ICU", "they coiled it", "was fine by
    #: the morning"): a story's next sentences reach no further than the last that says so
    story_outcomes: re.Pattern[str] | None = None
    #: words just before a mention that point back to something told already ("since the",
    #: "after that", "the"): with an earlier telling read as history, the mention is history
    back_reference: re.Pattern[str] | None = None
    #: a sentence that says the past event is back now ("it's happening again", "back again")
    recurrence: re.Pattern[str] | None = None
    #: a past event that the mention is dated by ("had a clot after the hip op", the op told
    #: earlier as history): the words after the mention up to the event's first word
    anchored_after: re.Pattern[str] | None = None
    #: a past-tense verb before the mention in its clause, which such a dating needs
    past_verb: re.Pattern[str] | None = None
    #: words right after a mention that make it name a service or a medicine for a condition
    #: that goes on ("the epilepsy nurse", "the clot clinic"), not the past event
    attributive: re.Pattern[str] | None = None

    @classmethod
    def from_file(cls, path: Path) -> ContextRules:
        data = load_mapping(path, "context")
        where = path.name
        terms = load_terms(data.get("terms"), f"{where}: terms")
        cues_raw = require_mapping(data.get("cues"), f"{where}: cues")
        cues: dict[tuple[str, str], tuple[re.Pattern[str], ...]] = {}
        for kind, by_direction in cues_raw.items():
            if kind not in KINDS:
                raise ConfigError(f"{where}: cues.{kind} is not one of {list(KINDS)}")
            by_direction = require_mapping(by_direction, f"{where}: cues.{kind}")
            for direction, sources in by_direction.items():
                if direction not in DIRECTIONS:
                    raise ConfigError(
                        f"{where}: cues.{kind}.{direction} is not one of {list(DIRECTIONS)}"
                    )
                cues[(kind, direction)] = alternation_parts(
                    sources, f"{where}: cues.{kind}.{direction}", terms
                )
        return cls(
            cues=cues,
            pseudo=alternation(data.get("pseudo"), f"{where}: pseudo"),
            clause_breaks=alternation(data.get("clause_breaks"), f"{where}: clause_breaks"),
            list_breaks=alternation(data.get("list_breaks"), f"{where}: list_breaks"),
            recent=alternation(data.get("recent"), f"{where}: recent"),
            now=alternation(data.get("now"), f"{where}: now"),
            list_openers=(
                alternation(data["list_openers"], f"{where}: list_openers", terms)
                if data.get("list_openers") is not None
                else None
            ),
            denial_openers=(
                alternation(data["denial_openers"], f"{where}: denial_openers", terms)
                if data.get("denial_openers") is not None
                else None
            ),
            spelling=_load_spelling(data.get("spelling"), f"{where}: spelling"),
            past_openers=_optional(data, "past_openers", where, terms),
            past_ends=_optional(data, "past_ends", where, terms),
            story_openers=_optional(data, "story_openers", where, terms),
            story_dates=_optional(data, "story_dates", where, terms),
            past_story=_optional(data, "past_story", where, terms),
            story_outcomes=_optional(data, "story_outcomes", where, terms),
            back_reference=_optional(data, "back_reference", where, terms),
            recurrence=_optional(data, "recurrence", where, terms),
            attributive=_optional(data, "attributive", where, terms),
            anchored_after=_optional(data, "anchored_after", where, terms),
            past_verb=_optional(data, "past_verb", where, terms),
        )


def _optional(
    data: Mapping[str, object], key: str, where: str, terms: Mapping[str, str]
) -> re.Pattern[str] | None:
    raw = data.get(key)
    return None if raw is None else alternation(raw, f"{where}: {key}", terms)


def _load_spelling(raw: object, where: str) -> dict[str, str]:
    """``spelling:`` maps the usual spelling to a list of variants seen in patients' text."""
    if raw is None:
        return {}
    data = require_mapping(raw, where)
    spelling: dict[str, str] = {}
    for canonical, variants in data.items():
        ok = isinstance(variants, list) and all(isinstance(v, str) and v for v in variants)
        if not isinstance(canonical, str) or not ok:
            raise ConfigError(f"{where}.{canonical} must be a list of strings")
        for variant in variants:
            spelling[normalise(variant)] = normalise(canonical)
    return spelling
