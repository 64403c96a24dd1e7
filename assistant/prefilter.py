"""Many regexes over one short text, tried only where a match can start.

Triage, the rules and the context reader run a few hundred regular expressions over every
message. Python's ``re`` tries each of them at every position of the text (a pattern that
starts with ``\\b`` gets none of its fast-skip optimisations), so a long message cost
milliseconds, almost all of it in patterns that match nowhere.

:class:`IndexedRegex` reads a compiled pattern's syntax tree once, at load:
:func:`first_words` gives the keys the word at any match's start has (``\\b(?:chest|heart)
pain`` -> {"chest ", "heart "}), :func:`required_words` the key sets some word of any match
meets ("having ... chest pain" needs "chest "). A key is a word prefix of at most six
letters ("pregna") or, ending in a space, a whole word ("i ", not "in" or "is"), or for a
match anchored at a sentence start the position ("<." right after a full stop); a construct
the reader cannot follow gives no key, so nothing is skipped for it. The syntax is read in
:mod:`assistant.prefilter_syntax`.

:class:`WordIndex` records where each word of a text starts under the keys some indexed
regex uses. A regex whose key sets the text does not meet is skipped; otherwise
:meth:`WordIndex.finditer` calls ``regex.match`` at the candidate word starts only and
yields exactly the matches ``regex.finditer`` would: the first match starts at a
candidate, and each next one is the first candidate match at or after the previous end
(after an empty match, a longer one at the same place first, as ``finditer`` does).
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from assistant.prefilter_syntax import (
    AFTER,
    TEXT_START,
    WHOLE,
    branch_words,
    first_words,
    is_anchor,
    required_words,
)

__all__ = [
    "Gates",
    "IndexedRegex",
    "WordIndex",
    "branch_words",
    "first_words",
    "gate_of",
    "required_words",
    "scan_starts",
]

#: a word as ``\\b`` sees it, so that a match after ``\\b`` always starts one
_WORD_RE = re.compile(r"\w+")
_WORD_PAIR_RE = re.compile(r"\w\w")
#: words whose keys are remembered (a message's words are mostly ones seen before)
_MAX_CACHED_WORDS = 50_000


class _Vocabulary:
    """Every key of every :class:`IndexedRegex` made so far (they are made at load time).
    A word index records only these keys: the others could never be looked up."""

    def __init__(self) -> None:
        self.keys: set[str] = set()
        #: the keys among them that name a position, not a word (a sentence start)
        self.anchors: tuple[str, ...] = ()
        #: a word -> its keys in :attr:`keys`; replaced (emptied) when the keys change
        self.word_keys: dict[str, tuple[str, ...]] = {}
        self.regexes = 0
        self.lock = threading.Lock()

    def add(self, starts: frozenset[str] | None, needs: tuple[frozenset[str], ...]) -> int:
        with self.lock:
            self.keys.update(starts or ())
            for need in needs:
                self.keys.update(need)
            new = {key for keys in (starts or (), *needs) for key in keys if is_anchor(key)}
            if not new <= set(self.anchors):
                self.anchors = tuple(sorted(new.union(self.anchors)))
            self.word_keys = {}  # before the count: an index that sees the count sees this
            self.regexes += 1
            return self.regexes

    def of(self, word: str) -> tuple[str, ...]:
        """The keys of ``word`` (the whole word, its prefixes) that some regex asks for."""
        prefixes = (word[:1], word[:2], word[:3], word[:4], word[:5], word[:6])
        keys = self.keys
        # a short word repeats its prefixes: each key once
        return tuple(dict.fromkeys(key for key in (word + WHOLE, *prefixes) if key in keys))


_VOCABULARY = _Vocabulary()


class WordIndex:
    """Where the words of one text start, by the prefixes and whole words regexes ask for."""

    __slots__ = ("_keys", "_known", "_starts", "_word_keys", "_words", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._known = _VOCABULARY.regexes
        cache = _VOCABULARY.word_keys
        # each distinct word once: a long message repeats most of its words
        starts: dict[str, list[int]] = {}
        for match in _WORD_RE.finditer(text):
            word = match.group()
            found = starts.get(word)
            if found is None:
                starts[word] = [match.start()]
            else:
                found.append(match.start())
        words: dict[str, list[str]] = {}
        for word in starts:
            # the whole word and its prefixes, the ones some regex asks for
            keys = cache.get(word)
            if keys is None:
                keys = _VOCABULARY.of(word)
                if len(cache) < _MAX_CACHED_WORDS:
                    cache[word] = keys
            for key in keys:
                found_words = words.get(key)
                if found_words is None:
                    words[key] = [word]
                else:
                    found_words.append(word)
        self._starts = starts
        self._words = words
        self._word_keys = frozenset(words)
        # anchored positions (a sentence start) are found in the text searched, when asked
        self._keys = self._word_keys | _anchor_keys(text)

    def blank(self, spans: Iterable[tuple[int, int]]) -> WordIndex:
        """The index of this text with ``spans`` replaced by spaces (offsets stay put).

        Blanking whole words keeps every other word where it was, so the new index shares
        this one's tables (a blanked word is still listed; a regex tried there fails on the
        spaces). A span that cuts a word makes a fresh index.
        """
        spans = list(spans)
        if not spans:
            return self
        parts: list[str] = []
        end = 0
        for low, high in spans:
            parts += [self.text[end:low], " " * (high - low)]
            end = high
        text = "".join([*parts, self.text[end:]])
        if any(_inside_word(self.text, p) for span in spans for p in span):
            return WordIndex(text)
        return self._view(text)

    def _view(self, text: str) -> WordIndex:
        """This index for ``text``: the same words where they were, its own anchors."""
        view = WordIndex.__new__(WordIndex)
        view.text, view._known = text, self._known
        view._starts, view._words, view._word_keys = self._starts, self._words, self._word_keys
        view._keys = self._word_keys | _anchor_keys(text)
        return view

    def may_match(self, indexed: IndexedRegex) -> bool:
        """False only when ``indexed`` cannot match the text: a word it needs is missing."""
        if indexed.serial > self._known:
            raise RuntimeError("a regex indexed after this text was: index the text again")
        return self.meets(indexed.gate)

    def meets(self, gate: tuple[frozenset[str], ...]) -> bool:
        """Whether the text has a word in each key set of ``gate`` (see IndexedRegex.gate)."""
        return not any(map(self._keys.isdisjoint, gate))

    def finditer(
        self, indexed: IndexedRegex, text: str | None = None, *, gated: bool = False
    ) -> Iterator[re.Match[str]]:
        """``indexed.regex.finditer(text)``, trying only where a match can start.

        ``text`` defaults to the indexed text. It may also be that text with whole words
        blanked out (the same length, each blanked word replaced by spaces): every word start
        of such a text is one of the index, with the same word. ``gated``: the caller has
        checked :meth:`may_match` already.
        """
        if text is not None and text != self.text:
            yield from self._view(text).finditer(indexed)
            return
        text = self.text
        if not (gated or self.may_match(indexed)):
            return
        regex = indexed.regex
        starts = self.match_starts(indexed)
        if starts is None:
            yield from regex.finditer(text)
            return
        yield from scan_starts(regex, text, starts, lambda start: regex.match(text, start))

    def match_starts(
        self, indexed: IndexedRegex, low: int = 0, high: int | None = None
    ) -> list[int] | None:
        """Where in ``[low, high)`` (default: anywhere) a match of ``indexed`` may start, in
        order; None when its syntax does not say."""
        if high is None:
            high = len(self.text) + 1
        if indexed.branches:
            return self._branch_starts(indexed, low, high)
        return self._starts_of(indexed, low, high)

    def _positions(self, word: str, low: int, high: int) -> list[int]:
        starts = self._starts[word]
        if not low and high > len(self.text):
            return starts
        return starts[bisect_left(starts, low) : bisect_left(starts, high)]

    def _starts_of(self, indexed: IndexedRegex, low: int, high: int) -> list[int] | None:
        """Where a match may start, in order: the starts of the words (and positions) with
        one of its start keys; None when it has no start keys."""
        prefixes = indexed.starts
        if prefixes is None:
            return None
        words = {word for key in prefixes & self._word_keys for word in self._words[key]}
        if indexed.anchors:
            found = {p for word in words for p in self._positions(word, low, high)}
            for anchor in indexed.anchors & self._keys:
                found.update(_anchored(self.text, anchor, low, high))
            return sorted(found)
        if len(words) == 1:
            (word,) = words
            return self._positions(word, low, high)
        return sorted(p for word in words for p in self._positions(word, low, high))

    def _branch_starts(self, indexed: IndexedRegex, low: int, high: int) -> list[int] | None:
        """Where a match of an alternation may start: the start words of its plain branches
        and of the others whose gates the text meets; None when such a branch has no start
        keys."""
        words = indexed.branch_words & self._word_keys
        found = {
            p
            for key in words
            for word in self._words[key]
            for p in self._positions(word, low, high)
        }
        for first, gate in indexed.branches:
            if not self.meets(gate):
                continue
            if first is None:
                return None
            for key in first & self._keys:
                if key in self._words:
                    found.update(
                        p for word in self._words[key] for p in self._positions(word, low, high)
                    )
                else:
                    found.update(_anchored(self.text, key, low, high))
        return sorted(found)

    def search(self, indexed: IndexedRegex) -> bool:
        """Whether ``indexed.regex.search(self.text)`` finds anything."""
        return next(self.finditer(indexed), None) is not None

    def search_between(self, indexed: IndexedRegex, low: int, high: int) -> bool:
        """Whether ``indexed.regex.search(self.text, low, high)`` finds anything: the text cut
        to ``[low, high)``, look-arounds included. Tried only at candidate starts unless a
        cut falls inside a word (a cut word is not the word indexed)."""
        text, regex = self.text, indexed.regex
        if _inside_word(text, low) or _inside_word(text, high):
            return regex.search(text, low, high) is not None
        if not self.may_match(indexed):
            return False
        starts = self.match_starts(indexed, low, high + 1)
        if starts is None:
            return regex.search(text, low, high) is not None
        return any(regex.match(text, start, high) is not None for start in starts)


@dataclass(frozen=True, slots=True, eq=False)
class IndexedRegex:
    """A compiled regex with what its syntax says about the words of any match."""

    regex: re.Pattern[str]
    #: keys one of which the first word of every match has (None: unknown)
    starts: frozenset[str] | None
    #: key sets each of which some word of every match meets
    needs: tuple[frozenset[str], ...]
    #: every key set a text must meet for a match (``starts`` and ``needs``), smallest first
    gate: tuple[frozenset[str], ...]
    #: its place among all indexed regexes (a text index knows those made before it)
    serial: int
    #: the keys in ``starts`` that name a position (a sentence start), not a word
    anchors: frozenset[str] = frozenset()
    #: for an alternation some branch of which has no start words or only positions: those
    #: branches' start keys and gates (:func:`branch_words`), so that such a branch adds
    #: candidate starts only when the text has its words ...
    branches: tuple[tuple[frozenset[str] | None, tuple[frozenset[str], ...]], ...] = ()
    #: ... and the start words of its other branches
    branch_words: frozenset[str] = frozenset()

    @classmethod
    def of(cls, regex: re.Pattern[str]) -> IndexedRegex:
        starts, needs = first_words(regex), required_words(regex)
        gate = _smallest_first([*needs, *([starts] if starts else [])])
        anchors = frozenset(key for key in starts or () if is_anchor(key))
        alternatives = branch_words(regex) if starts is None or anchors else ()
        plain = frozenset().union(
            *(first for first, _ in alternatives if first and not any(map(is_anchor, first)))
        )
        branches = tuple(
            (first, _smallest_first([*more, *([first] if first else [])]))
            for first, more in alternatives
            if not first or any(map(is_anchor, first))
        )
        if any(first is None and not branch_gate for first, branch_gate in branches):
            branches, plain = (), frozenset()  # a branch that may start anywhere: no help
        keys = (*needs, plain, *(need for _, branch_gate in branches for need in branch_gate))
        serial = _VOCABULARY.add(starts, keys)
        return cls(regex, starts, needs, gate, serial, anchors, branches, plain)


class Gates:
    """Many gates (:attr:`IndexedRegex.gate`, :func:`gate_of`) checked at once: each is listed
    under the keys of its smallest key set, so a text's keys find the few worth checking."""

    def __init__(self, gates: Iterable[tuple[frozenset[str], ...]]) -> None:
        self._rest: list[tuple[frozenset[str], ...]] = []
        self._always: list[int] = []
        self._by_key: dict[str, list[int]] = {}
        for number, gate in enumerate(gates):
            self._rest.append(gate[1:])
            if not gate:
                self._always.append(number)
            for key in gate[0] if gate else ():
                self._by_key.setdefault(key, []).append(number)

    def met(self, words: WordIndex) -> list[int]:
        """The numbers of the gates ``words`` meets (:meth:`WordIndex.meets`), in order."""
        found = set(self._always)
        by_key = self._by_key
        for key in words._keys:
            numbers = by_key.get(key)
            if numbers is not None:
                found.update(numbers)
        rest = self._rest
        return [number for number in sorted(found) if words.meets(rest[number])]


def scan_starts(
    regex: re.Pattern[str],
    text: str,
    starts: Iterable[int],
    match_at: Callable[[int], re.Match[str] | None],
) -> Iterator[re.Match[str]]:
    """``regex.finditer(text)`` when every match starts at one of ``starts`` (in order) and
    ``match_at(start)`` is the match there: a start inside the previous match is skipped,
    and an empty match is followed by the longer one there, as ``finditer`` does."""
    resume = 0
    for start in starts:
        if start < resume:
            continue
        match = match_at(start)
        if match is None:
            continue
        yield match
        resume = match.end()
        if resume == start:
            longer = _longer_at(regex, text, start)
            if longer is not None:
                yield longer
                resume = longer.end()
            else:
                resume = start + 1


def _longer_at(regex: re.Pattern[str], text: str, start: int) -> re.Match[str] | None:
    """After an empty match at ``start``, the longer match there that ``finditer`` takes
    next (a scanner's second ``match()``), or None: then it goes on from ``start + 1``."""
    scanner = regex.scanner(text, start)  # type: ignore[attr-defined]
    scanner.match()
    longer: re.Match[str] | None = scanner.match()
    return longer if longer is not None and longer.start() == start else None


def gate_of(regexes: Iterable[IndexedRegex]) -> tuple[frozenset[str], ...]:
    """The key sets a text must meet for every one of ``regexes`` to match."""
    return _smallest_first([need for regex in regexes for need in regex.gate])


def _smallest_first(sets: Iterable[frozenset[str]]) -> tuple[frozenset[str], ...]:
    return tuple(sorted(set(sets), key=len))


def _anchor_keys(text: str) -> frozenset[str]:
    """The anchor keys some regex asks for that ``text`` has a position for."""
    return frozenset(key for key in _VOCABULARY.anchors if key == TEXT_START or key[1:] in text)


def _anchored(text: str, anchor: str, low: int, high: int) -> list[int]:
    """The positions in ``[low, high)`` of ``text`` an anchor key names: its start, right
    after a character (:data:`AFTER`) or at it (:data:`AT`)."""
    if anchor == TEXT_START:
        return [0] if low == 0 else []
    char = anchor[1:]
    shift = len(char) if anchor[0] == AFTER else 0
    positions = []
    found = text.find(char, max(0, low - shift))
    while found >= 0 and found + shift < high:
        positions.append(found + shift)
        found = text.find(char, found + 1)
    return positions


def _inside_word(text: str, position: int) -> bool:
    """Whether ``position`` falls between two word characters of ``text``."""
    return (
        0 < position < len(text)
        and _WORD_PAIR_RE.fullmatch(text, position - 1, position + 1) is not None
    )
