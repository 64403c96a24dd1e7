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
blanked first so they never act. Cues live in ``assistant/data/context.yaml``, read by
:mod:`assistant.context_rules`; history that reaches past one clause ("Two years ago I had
a stone, I went septic", "since the sepsis") is read by :mod:`assistant.context_history`.

The text is read once (:meth:`ContextReader.read`); every mention is then judged from the
precomputed cue spans, so reading costs one pass of a few compiled regexes.
medspaCy itself is not used: see README ("Clinical context") for the measured reasons.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from assistant.context_history import (
    past_sentence_spans,
    refers_back_to_past,
)
from assistant.context_rules import ContextRules, normalise
from assistant.prefilter import IndexedRegex, WordIndex
from assistant.prefilter_alternation import IndexedAlternation, finditer_alternation

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
#: items a denied list may hold ("denies fever, neck stiffness, rash, ... or vomiting")
_LIST_ITEMS = 10
#: prepared texts a reader remembers: one message is prepared by triage and again by the
#: acuity model (:meth:`ContextReader.prepare`)
_PREPARED_CACHE = 256


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


class _Scanner:
    """A context rules' regexes with the word prefixes their matches start with."""

    def __init__(self, rules: ContextRules) -> None:
        self.rules = rules
        self.pseudo = IndexedRegex.of(rules.pseudo)
        self.clause_breaks = IndexedRegex.of(rules.clause_breaks)
        self.list_breaks = IndexedRegex.of(rules.list_breaks)
        self.recent = IndexedRegex.of(rules.recent)
        self.cues = [(key, IndexedAlternation.of(parts)) for key, parts in rules.cues.items()]


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
            for (kind, direction), alternation in scanner.cues
            for m in finditer_alternation(masked, alternation)
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
        self._past_spans = past_sentence_spans(
            masked.text, self._sentences, self.sentence, scanner.rules, text
        )

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

        def is_history(low: int, high: int) -> bool:
            told = self._assess(low, high, scope, carry=False)
            return told.historical and not told.negated

        return refers_back_to_past(
            self.text,
            start,
            end,
            self._rules,
            sentence=self.sentence,
            clause=self.clause,
            recent_in=self._recent_in,
            is_history=is_history,
        )

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
    """Reads texts with one set of cues; thread-safe (holds compiled regexes and a bounded
    memo of prepared texts, where a race at worst prepares a text twice)."""

    def __init__(self, rules: ContextRules) -> None:
        self.rules = rules
        self._scanner = _Scanner(rules)
        variants = sorted(rules.spelling, key=len, reverse=True)
        self._spelling = (
            re.compile(r"\b(?:" + "|".join(re.escape(v) for v in variants) + r")\b")
            if variants
            else None
        )
        self._prepared: dict[str, str] = {}

    def happening_now(self, prepared: str) -> bool:
        """Whether an already prepared text has a time word that places it now ("right
        now", "an hour ago", "tonight", "since this morning")."""
        return self.rules.now.search(prepared) is not None

    def prepare(self, text: str) -> str:
        """:func:`normalise`, then common misspellings folded ("breath" stays, "brething" ->
        "breathing"), so that patterns are written once for the usual spelling. The last
        few texts' are remembered (triage and the acuity model prepare the same message)."""
        prepared = self._prepared.get(text)
        if prepared is None:
            if len(self._prepared) >= _PREPARED_CACHE:
                self._prepared.clear()
            prepared = self._prepared[text] = self._prepare(text)
        return prepared

    def _prepare(self, text: str) -> str:
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
