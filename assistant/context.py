"""How a mention is meant: negated, in the past, hypothetical, about someone else.

Shared by triage and the rules. It follows ConText (Harkema et al., J Biomed Inform 2009),
the algorithm behind medspaCy's ``ConText`` component: cue phrases of four kinds act on
the mentions inside their scope.

* ``negated`` ("no", "denies", "without", "not since", "... has gone"),
* ``historical`` ("had a heart attack in 2019", "as a child", "history of", "for years"),
* ``hypothetical`` ("what counts as an overdose", "signs of", "how to prevent", "if"),
* ``other`` experiencer ("my son", "her husband"): recorded, never a reason to ignore a
  mention on its own, because a child's or a partner's emergency is still an emergency.

Forward cues act on what follows them, backward cues on what precedes them; a scope ends
at a clause break (",", "but", "and", ...) or at the end of the sentence, and negation
reaches at most ``window`` words. Pseudo-cues ("not sure", "no idea", "not helping") are
blanked first so they never act. Cues live in ``assistant/data/context.yaml``.

The text is read once (:meth:`ContextReader.read`); every mention is then judged from the
precomputed cue spans, so reading costs one pass of a few compiled regexes.
medspaCy itself is not used: see README ("Clinical context") for the measured reasons.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from assistant.context_terms import alternation, load_terms
from assistant.errors import ConfigError
from assistant.prefilter import IndexedRegex, WordIndex
from assistant.yaml_data import load_mapping, require_mapping

_APOSTROPHES_RE = re.compile(r"['’‘`´ʼ]")
_OTHER_CHARS_RE = re.compile(r"[^a-z0-9.,!?;:\n ]+")
_SPACES_RE = re.compile(r"[ \t\r\f\v]+")
_SENTENCE_END_RE = re.compile(r"[!?;\n]+|\.(?!\d)|(?<=[a-z]) - (?=[a-z])")
_WORD_RE = re.compile(r"[a-z0-9]+")
_OR_RE = re.compile(r"\b(?:or|nor)\b")
_ITEM_BREAK_RE = re.compile(r",|\b(?:or|nor)\b")
#: words that may report something as present inside a denied list with no "or" ("denies
#: fever, reports rash", "denies fever, cough and back pain": the last may be a new clause)
_PRESENT_RE = re.compile(
    r"\b(?:reports?|reported|c o|complains?|complaining|admits?|confirms?|has|have|had|with|"
    r"and|plus|yes|positive|but|except|apart from|ongoing|still|now)\b"
)
#: a past time, not a framing ("Previously well, now ..."): only such an opener reaches
#: the whole sentence (Reading._opens_past_sentence)
_PAST_TIME_RE = re.compile(
    r"\b(?:(?:years?|yrs?|months?|decades?) ago|last (?:year|summer|winter|spring|autumn|fall"
    r"|christmas)|in (?:19|20)\d\d)\b"
)
#: items a denied list may hold ("denies fever, neck stiffness, rash, ... or vomiting")
_LIST_ITEMS = 10

#: how far before a mention its back-reference may start ("since that awful ")
_BACK_REACH = 30
#: the first words of a mention that may name the event told earlier ("the clot in her leg")
_HEAD_WORDS = 3
_HEAD_MIN = 3
#: words too common to name an event
_NOT_HEADS = frozenset(
    {"the", "and", "was", "were", "has", "had", "have", "his", "her", "hers", "him", "she"}
    | {"shes", "hes", "its", "our", "their", "they", "them", "this", "that", "with", "from"}
    | {"for", "been", "being", "into", "onto", "then", "than", "what", "when", "who", "why"}
    | {"how", "not", "but", "are", "you", "your", "yours"}
)

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
class Assertion:
    """How one mention is meant. ``current`` is what triage and the rules act on."""

    negated: bool = False
    historical: bool = False
    hypothetical: bool = False
    other: bool = False

    @property
    def current(self) -> bool:
        return not (self.negated or self.historical or self.hypothetical)


@dataclass(frozen=True, slots=True)
class Scope:
    """How far cues reach for one consumer (triage is narrower than the rules)."""

    #: words between a negation cue and the mention; 0 switches negation off
    window: int = 5
    #: a negation also reaches across commas of a list ("denies fever, cough or back pain")
    lists: bool = False
    #: ... but only a list that "or"/"nor" closes: "no dizziness, chest pain or
    #: breathlessness" negates all three, "no fever, chest pain spreading to my arm" does not
    or_lists: bool = False
    historical: bool = True
    hypothetical: bool = True


@dataclass(frozen=True, slots=True)
class _Cue:
    kind: str
    direction: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ContextRules:
    cues: Mapping[tuple[str, str], re.Pattern[str]]
    pseudo: re.Pattern[str]
    clause_breaks: re.Pattern[str]
    list_breaks: re.Pattern[str]
    recent: re.Pattern[str]
    #: time words that place a message now ("right now", "an hour ago"); read only by
    #: :meth:`ContextReader.happening_now`
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
        cues: dict[tuple[str, str], re.Pattern[str]] = {}
        for kind, by_direction in cues_raw.items():
            if kind not in KINDS:
                raise ConfigError(f"{where}: cues.{kind} is not one of {list(KINDS)}")
            by_direction = require_mapping(by_direction, f"{where}: cues.{kind}")
            for direction, sources in by_direction.items():
                if direction not in DIRECTIONS:
                    raise ConfigError(
                        f"{where}: cues.{kind}.{direction} is not one of {list(DIRECTIONS)}"
                    )
                cues[(kind, direction)] = alternation(
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
            back_reference=_optional(data, "back_reference", where, terms),
            recurrence=_optional(data, "recurrence", where, terms),
            attributive=_optional(data, "attributive", where, terms),
            anchored_after=_optional(data, "anchored_after", where, terms),
            past_verb=_optional(data, "past_verb", where, terms),
        )


class _Scanner:
    """A context rules' regexes with the word prefixes their matches start with."""

    def __init__(self, rules: ContextRules) -> None:
        self.rules = rules
        self.pseudo = IndexedRegex.of(rules.pseudo)
        self.clause_breaks = IndexedRegex.of(rules.clause_breaks)
        self.list_breaks = IndexedRegex.of(rules.list_breaks)
        self.recent = IndexedRegex.of(rules.recent)
        self.cues = [(key, IndexedRegex.of(regex)) for key, regex in rules.cues.items()]


class Reading:
    """One normalised text with its sentences, clause breaks and cues found once."""

    __slots__ = (
        "_breaks",
        "_cues",
        "_denials",
        "_list_breaks",
        "_openers",
        "_past_spans",
        "_recent",
        "_rules",
        "_sentences",
        "text",
    )

    def __init__(self, text: str, scanner: _Scanner, words: WordIndex | None = None) -> None:
        self.text = text
        self._rules = scanner.rules
        if words is None or words.text != text:
            words = WordIndex(text)
        # a pseudo-cue is blanked (same length) so that offsets stay put
        masked = words.blank(m.span() for m in words.finditer(scanner.pseudo))

        def scan(indexed: IndexedRegex) -> list[re.Match[str]]:
            return list(masked.finditer(indexed))

        self._sentences = [0] + [m.end() for m in _SENTENCE_END_RE.finditer(text)]
        self._breaks = [(m.start(), m.end()) for m in scan(scanner.clause_breaks)]
        self._list_breaks = [(m.start(), m.end()) for m in scan(scanner.list_breaks)]
        self._recent = [m.start() for m in words.finditer(scanner.recent)]
        cues = [
            _Cue(kind, direction, m.start(), m.end())
            for (kind, direction), indexed in scanner.cues
            for m in scan(indexed)
        ]
        self._cues = sorted(cues, key=lambda cue: cue.start)
        openers = scanner.rules.list_openers
        self._openers = frozenset(
            (cue.start, cue.end)
            for cue in self._cues
            if cue.kind == "negated"
            and cue.direction == "forward"
            and openers is not None
            and openers.fullmatch(text, cue.start, cue.end)
        )
        denials = scanner.rules.denial_openers
        self._denials = (
            frozenset(span for span in self._openers if denials.fullmatch(text, *span))
            if denials is not None
            else frozenset()
        )
        self._past_spans = self._past_sentences(masked.text)

    def sentence(self, position: int) -> tuple[int, int]:
        index = bisect_right(self._sentences, position) - 1
        start = self._sentences[index]
        end = self._sentences[index + 1] if index + 1 < len(self._sentences) else len(self.text)
        return start, end

    def clause(self, start: int, end: int, *, lists: bool = False) -> tuple[int, int]:
        """The clause around ``[start, end)``: bounded by breaks and by its sentence."""
        low, high = self.sentence(start)
        breaks = self._list_breaks if lists else self._breaks
        for brk_start, brk_end in breaks:
            if low <= brk_start and brk_end <= start:
                low = max(low, brk_end)
            elif brk_start >= end and brk_start < high:
                high = brk_start
                break
        return low, high

    def assess(self, start: int, end: int, scope: Scope = Scope()) -> Assertion:
        """How the mention at ``[start, end)`` of :attr:`text` is meant."""
        return self._assess(start, end, scope, carry=True)

    def _assess(self, start: int, end: int, scope: Scope, *, carry: bool) -> Assertion:
        """:meth:`assess`; ``carry``: a back-reference to a past event counts as history."""
        c_low, c_high = self.clause(start, end)
        # time and framing reach across a list ("had pneumonia and sepsis last year")
        l_low, l_high = self.clause(start, end, lists=True)
        n_low, n_high = (l_low, l_high) if scope.lists else (c_low, c_high)
        negated = historical = hypothetical = other = False
        for cue in self._cues:
            if cue.kind == "negated":
                # a list carries a negation forward; a backward cue stays in its clause
                low, high = (n_low, n_high) if cue.direction == "forward" else (c_low, c_high)
                if scope.window and (
                    self._negates(cue, start, end, low, high, scope.window)
                    or (
                        scope.or_lists
                        and self._negates_or_list(cue, start, end, l_low, l_high, scope.window)
                    )
                    or self._negates_denied_list(cue, start, end, l_low, l_high, scope.window)
                ):
                    negated = True
                continue
            forward = cue.direction == "forward" and l_low <= cue.start and cue.end <= start
            if not forward and cue.kind == "historical" and cue.direction == "forward":
                forward = self._opens_past_sentence(cue, start)
            backward = cue.direction == "backward" and end <= cue.start and cue.end <= l_high
            if not (forward or backward):
                continue
            if cue.kind == "historical" and scope.historical:
                historical = True
            elif cue.kind == "hypothetical" and scope.hypothetical:
                hypothetical = True
            elif cue.kind == "other":
                other = True
        if scope.historical and not historical:
            historical = any(low <= start and end <= high for low, high in self._past_spans)
        if historical and self._recent_in(c_low, c_high):
            # "had a seizure an hour ago", "still has chest pain"; a time word in another
            # clause is about something else ("stabbed years ago and the scar still itches")
            historical = False
        if (
            carry
            and scope.historical
            and not (negated or historical or hypothetical)
            and self.refers_back_to_past(start, end, scope)
        ):
            historical = True
        return Assertion(negated, historical, hypothetical, other)

    def refers_back_to_past(self, start: int, end: int, scope: Scope = Scope()) -> bool:
        """Whether the mention at ``[start, end)`` names again an event that the text has
        already placed in the past ("I had sepsis two years ago ... since the sepsis I ...").

        The mention follows a back-reference ("the", "since the", "after that"); one of its
        first words was told earlier in a place read as history; and its own sentence does
        not bring the event into the present (a time word of now, "it's happening again").
        """
        rules = self._rules
        if rules.back_reference is None:
            return False
        s_low, s_high = self.sentence(start)
        if self._recent_in(s_low, s_high) or rules.now.search(self.text, s_low, s_high):
            return False
        if rules.recurrence is not None and rules.recurrence.search(self.text, s_low, s_high):
            return False
        before = self.text[max(0, start - _BACK_REACH) : start]
        named_again = rules.back_reference.search(before) is not None and not (
            rules.attributive is not None and rules.attributive.match(self.text, end)
        )
        if named_again and self._told_as_history(start, end, s_low, scope):
            return True
        return self._dated_by_past_event(start, end, s_low, scope)

    def _dated_by_past_event(self, start: int, end: int, s_low: int, scope: Scope) -> bool:
        """ "had a small clot in her lung after the hip op", the op told earlier as history."""
        rules = self._rules
        if rules.anchored_after is None or rules.past_verb is None:
            return False
        c_low, c_high = self.clause(start, end)
        dated = rules.anchored_after.match(self.text, end, c_high)
        if dated is None or rules.past_verb.search(self.text, c_low, start) is None:
            return False
        return self._told_as_history(dated.end(), c_high, s_low, scope)

    def _told_as_history(self, start: int, end: int, before: int, scope: Scope) -> bool:
        """Whether one of the first words of ``[start, end)`` was told before ``before`` in
        a place read as history."""
        for word in islice(_WORD_RE.finditer(self.text, start, end), _HEAD_WORDS):
            if len(word.group()) < _HEAD_MIN or word.group() in _NOT_HEADS:
                continue
            pattern = re.compile(rf"\b{re.escape(word.group())}\b")
            for earlier in pattern.finditer(self.text, 0, before):
                told = self._assess(earlier.start(), earlier.end(), scope, carry=False)
                if told.historical and not told.negated:
                    return True
        return False

    def _past_sentences(self, masked: str) -> list[tuple[int, int]]:
        """The spans that a sentence-opening time phrase of the past reaches: from the phrase
        to where the sentence turns to another time (:attr:`ContextRules.past_ends`)."""
        openers, ends = self._rules.past_openers, self._rules.past_ends
        if openers is None:
            return []
        spans = []
        for low in self._sentences:
            found = openers.match(masked, low)
            if found is None:
                continue
            _, high = self.sentence(low)
            turn = ends.search(masked, found.end(), high) if ends is not None else None
            spans.append((found.end(), turn.start() if turn is not None else high))
        return spans

    def _opens_past_sentence(self, cue: _Cue, start: int) -> bool:
        """A past time that opens the sentence ("Three years ago I had a stone, I went septic
        and had a stent"; "Last year she had a fit, she went floppy") reaches every clause
        of it, as ConText's scope runs to the sentence's end, until a time word of now
        ("..., but today ...") comes between it and the mention."""
        low, high = self.sentence(cue.start)
        if (
            not (cue.end <= start < high)
            or self.text[low : cue.start].strip(" ,")
            or _PAST_TIME_RE.search(self.text, cue.start, cue.end) is None
        ):
            return False
        return not any(cue.end <= position < start for position in self._recent)

    def resolved_after(self, end: int) -> bool:
        """A backward negation cue later in the same sentence ("... but it has stopped now")."""
        _, high = self.sentence(end)
        return any(
            cue.kind == "negated" and cue.direction == "backward" and end <= cue.start < high
            for cue in self._cues
        )

    def _negates(self, cue: _Cue, start: int, end: int, low: int, high: int, window: int) -> bool:
        if cue.direction == "forward" and low <= cue.start and cue.end <= start:
            return len(_WORD_RE.findall(self.text, cue.end, start)) < window
        if cue.direction == "backward" and end <= cue.start and cue.end <= high:
            return len(_WORD_RE.findall(self.text, end, cue.start)) < window
        return False

    def _negates_or_list(
        self, cue: _Cue, start: int, end: int, low: int, high: int, window: int
    ) -> bool:
        """A forward negation over a list that "or" closes, within the list's bounds: the
        "or" comes after the cue and before the mention's end or within the two words after
        it ("no dizziness, chest pain or breathlessness")."""
        if cue.direction != "forward" or not self._negates(cue, start, end, low, high, window):
            return False
        if (cue.start, cue.end) not in self._openers and "," in self.text[cue.end : start]:
            # a verb's own negation is no list ("not eating, stiff neck or rash": the neck and
            # the rash are there)
            first = _WORD_RE.search(self.text, cue.end, start)
            if first is not None and first.group().endswith("ing"):
                return False
        after = list(islice(_WORD_RE.finditer(self.text, end, high), 2))
        stop = after[-1].end() if after else end
        return self._closing_or(cue.end, stop) is not None

    def _negates_denied_list(
        self, cue: _Cue, start: int, end: int, low: int, high: int, item_words: int
    ) -> bool:
        """A denial that opens a list of short items which "or"/"nor" closes reaches every
        item, however long the list ("denies fever, neck stiffness, rash, vision change,
        vomiting or sudden onset"; "no thoughts of self-harm or suicide"). Each item before
        the mention has at most ``item_words`` words; after the mention, within at most one
        word, the list goes on in short comma-separated items to its "or". A longer phrase
        ends the list ("no fever, chest pain spreading to my arm or jaw" keeps the pain)."""
        if (cue.start, cue.end) not in self._openers or not (low <= cue.start and cue.end <= start):
            return False
        before = _ITEM_BREAK_RE.split(self.text[cue.end : start])
        if len(before) > _LIST_ITEMS or any(
            len(_WORD_RE.findall(item)) > item_words for item in before
        ):
            return False
        # the mention is the item that an "or" before it opens ("... self-harm or suicide")
        last = self._closing_or(cue.end, start)
        closed = last is not None and "," not in self.text[last.end() : start]
        # a clinician's denial ("denies ...", "nil ...") whose list of short items, separated
        # by commas only, runs to the end of its sentence needs no "or" ("Denies dysphagia,
        # weight loss, black stools."), unless a word in it may report an item as present
        pieces = self.text[end:high].split(",")
        if not closed and (cue.start, cue.end) in self._denials:
            _, sentence_end = self.sentence(start)
            closed = (
                high == sentence_end
                and _PRESENT_RE.search(self.text, cue.end, high) is None
                and len(pieces) - 1 <= _LIST_ITEMS
                and all(len(_WORD_RE.findall(item)) <= item_words for item in pieces)
            )
        for index, piece in enumerate(pieces[: _LIST_ITEMS + 1]):
            words = _WORD_RE.findall(piece)
            if "or" in words or "nor" in words:
                position = words.index("or") if "or" in words else words.index("nor")
                # the closing item: a short one, or the mention's own item going on to "or"
                limit = 2 if index == 0 else item_words
                return position <= limit and len(words) - position - 1 <= item_words
            if index == 0 and len(words) > 1:
                return closed
            if index > 0 and (not words or len(words) > item_words):
                return closed
        return closed

    def _closing_or(self, low: int, high: int) -> re.Match[str] | None:
        """The last "or"/"nor" in ``text[low:high]``, the word that closes a negated list
        (:meth:`_negates_or_list`, :meth:`_negates_denied_list`); None when there is none."""
        ors = list(_OR_RE.finditer(self.text, low, high))
        return ors[-1] if ors else None

    def _recent_in(self, low: int, high: int) -> bool:
        return any(low <= position < high for position in self._recent)


class ContextReader:
    """Reads texts with one set of cues; thread-safe (holds compiled regexes only)."""

    def __init__(self, rules: ContextRules) -> None:
        self.rules = rules
        self._scanner = _Scanner(rules)
        variants = sorted(rules.spelling, key=len, reverse=True)
        self._spelling = (
            re.compile(r"\b(?:" + "|".join(re.escape(v) for v in variants) + r")\b")
            if variants
            else None
        )

    def happening_now(self, prepared: str) -> bool:
        """Whether an already prepared text has a time word that places it now ("right
        now", "an hour ago", "tonight", "since this morning")."""
        return self.rules.now.search(prepared) is not None

    def prepare(self, text: str) -> str:
        """:func:`normalise`, then common misspellings folded ("breath" stays, "brething" ->
        "breathing"), so that patterns are written once for the usual spelling."""
        clean = normalise(text)
        if self._spelling is None:
            return clean
        return self._spelling.sub(lambda m: self.rules.spelling[m.group(0)], clean)

    @classmethod
    def from_file(cls, path: Path) -> ContextReader:
        return cls(ContextRules.from_file(path))

    def read(self, normalised: str, words: WordIndex | None = None) -> Reading:
        """Read text already passed through :func:`normalise`; ``words``, the text's word
        index when the caller has one, saves building it again."""
        return Reading(normalised, self._scanner, words)


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
