"""Many regexes over one short text, tried only where a match can start.

Triage, the rules and the context reader run a few hundred regular expressions over every
message. Python's ``re`` tries each of them at every position of the text (a pattern that
starts with ``\\b`` gets none of its fast-skip optimisations), so a long message cost
milliseconds, almost all of it in patterns that match nowhere.

:class:`IndexedRegex` reads a compiled pattern's syntax tree once, at load:
:func:`first_words` gives the keys the word at any match's start has (``\\b(?:chest|heart)
pain`` -> {"chest ", "heart "}), :func:`required_words` the key sets some word of any match
meets ("having ... chest pain" needs "chest "). A key is a word prefix of at most six
letters ("pregna") or, ending in a space, a whole word ("i ", not "in" or "is"); a
construct the reader cannot follow gives no key, so nothing is skipped for it.

:class:`WordIndex` records where each word of a text starts under the keys some indexed
regex uses. A regex whose key sets the text does not meet is skipped; otherwise
:meth:`WordIndex.finditer` calls ``regex.match`` at the candidate word starts only and
yields exactly the matches ``regex.finditer`` would: the first match starts at a
candidate, and each next one is the first candidate match at or after the previous end.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

# the standard library's own regex parser (private module names since Python 3.11)
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

#: a word as ``\b`` sees it, so that a match after ``\b`` always starts one
_WORD_RE = re.compile(r"\w+")
_WORD_PAIR_RE = re.compile(r"\w\w")
_MAX_PREFIX = 6
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_DIGITS = frozenset("0123456789")
_SKIPPED = {sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT}
#: a character class with more members than this is not worth indexing
_MAX_CLASS = 12
#: a key that ends in this is a whole word, not a prefix
_WHOLE = " "
#: whole words longer than this are looked up by their prefix
_MAX_WHOLE = 16


class _Vocabulary:
    """Every key of every :class:`IndexedRegex` made so far (they are made at load time).
    A word index records only these keys: the others could never be looked up."""

    def __init__(self) -> None:
        self.keys: set[str] = set()
        self.regexes = 0
        self.lock = threading.Lock()

    def add(self, starts: frozenset[str] | None, needs: tuple[frozenset[str], ...]) -> int:
        with self.lock:
            self.keys.update(starts or ())
            for need in needs:
                self.keys.update(need)
            self.regexes += 1
            return self.regexes


_VOCABULARY = _Vocabulary()


class WordIndex:
    """Where the words of one text start, by the prefixes and whole words regexes ask for."""

    __slots__ = ("_keys", "_known", "_starts", "_words", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._known = _VOCABULARY.regexes
        vocabulary = _VOCABULARY.keys
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
            prefixes = (word[:1], word[:2], word[:3], word[:4], word[:5], word[:6])
            for key in (word + _WHOLE, *prefixes):
                if key in vocabulary:
                    found_words = words.get(key)
                    if found_words is None:
                        words[key] = [word]
                    elif found_words[-1] != word:  # a short word repeats its prefixes
                        found_words.append(word)
        self._starts = starts
        self._words = words
        self._keys = frozenset(words)

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
        view = WordIndex.__new__(WordIndex)
        view.text, view._known, view._keys = text, self._known, self._keys
        view._starts, view._words = self._starts, self._words
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
        text = self.text if text is None else text
        if not (gated or self.may_match(indexed)):
            return
        regex, prefixes = indexed.regex, indexed.starts
        if prefixes is None:
            yield from regex.finditer(text)
            return
        words = {word for key in prefixes & self._keys for word in self._words[key]}
        if len(words) == 1:
            (word,) = words
            starts: list[int] = self._starts[word]
        else:
            starts = sorted(p for word in words for p in self._starts[word])
        resume = 0
        for start in starts:
            if start < resume:
                continue  # inside the previous match, as finditer skips it
            match = regex.match(text, start)
            if match is not None:
                yield match
                resume = max(match.end(), start + 1)

    def search(self, indexed: IndexedRegex) -> bool:
        """Whether ``indexed.regex.search(self.text)`` finds anything."""
        return next(self.finditer(indexed), None) is not None


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

    @classmethod
    def of(cls, regex: re.Pattern[str]) -> IndexedRegex:
        starts, needs = first_words(regex), required_words(regex)
        gate = _smallest_first([*needs, *([starts] if starts else [])])
        return cls(regex, starts, needs, gate, _VOCABULARY.add(starts, needs))


def gate_of(regexes: Iterable[IndexedRegex]) -> tuple[frozenset[str], ...]:
    """The key sets a text must meet for every one of ``regexes`` to match."""
    return _smallest_first([need for regex in regexes for need in regex.gate])


def _smallest_first(sets: Iterable[frozenset[str]]) -> tuple[frozenset[str], ...]:
    return tuple(sorted(set(sets), key=len))


def _inside_word(text: str, position: int) -> bool:
    """Whether ``position`` falls between two word characters of ``text``."""
    return (
        0 < position < len(text)
        and _WORD_PAIR_RE.fullmatch(text, position - 1, position + 1) is not None
    )


def first_words(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Keys one of which the word at every match's start has, or None when unknown.

    A key is a prefix of that word ("chest", at most six letters) or, ending in a space, the
    whole word ("i ": the match starts with the word "i", not with "in" or "is").
    """
    try:
        tree = sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # an unusual construct: do not filter
        return None
    if pattern.flags & re.IGNORECASE:
        return None  # the texts are lower case already; keep it simple and sound
    found = _sequence(list(tree), bounded=False)
    if not found or any(not key.strip() for key in found):
        return None
    return frozenset(key if key.endswith(_WHOLE) else key[:_MAX_PREFIX] for key in found)


def _sequence(items: list[tuple[Any, Any]], *, bounded: bool, prefix: str = "") -> set[str] | None:
    """Keys for a match of ``items`` that starts at a word start with ``prefix`` read so far.

    ``bounded``: a ``\b`` came first, so the match starts at the start of a word. With a
    ``prefix``, stopping early is always sound: the word starts with what was read.
    """
    partial = {prefix} if prefix else None
    index = 0
    while index < len(items) and items[index][0] in _SKIPPED:
        op, av = items[index]
        if op is sre_constants.AT and av is sre_constants.AT_BOUNDARY:
            if prefix:
                return {prefix + _WHOLE}  # a boundary right after word characters: word ends
            bounded = True
        elif prefix:
            return partial  # a look-around inside the word
        index += 1  # \b and look-arounds consume nothing
    if index == len(items):
        return partial
    op, av = items[index]
    rest = items[index + 1 :]
    if op is sre_constants.LITERAL:
        char = chr(av)
        if char not in _WORD_CHARS:
            return {prefix + _WHOLE} if prefix else None  # the word ends here
        if not (bounded or prefix):
            return None  # the match could start inside a word
        if len(prefix) >= _MAX_WHOLE:
            return partial
        return _sequence(rest, bounded=bounded, prefix=prefix + char)
    if op is sre_constants.IN:
        if prefix:
            return partial
        # a small class of word characters ("[1-9]", "\d"): each one is a one-letter prefix
        chars = _class_chars(av)
        return set(chars) if bounded and chars else None
    if op is sre_constants.SUBPATTERN:
        # the group, then what follows it (the group may match nothing)
        return _sequence([*av[-1], *rest], bounded=bounded, prefix=prefix)
    if op is sre_constants.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            found = _sequence([*branch, *rest], bounded=bounded, prefix=prefix)
            if found is None:
                return partial
            union |= found
        return union
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and prefix and av[1] == 1:
        # an optional part inside the word ("pains?", "kill(?:ing)?"): with it or without
        low, _high, body = av
        found = _sequence([*body, *rest], bounded=bounded, prefix=prefix)
        if low == 0 and found is not None:
            without = _sequence(rest, bounded=bounded, prefix=prefix)
            found = None if without is None else found | without
        return found if found is not None else partial
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and not prefix:
        low, _high, body = av
        inside = _sequence(list(body), bounded=bounded)
        if low >= 1:
            return inside
        # optional ("(?:bright )?lights?"): either the body starts the match or what follows
        after = _sequence(rest, bounded=bounded)
        if inside is None or after is None:
            return None
        return inside | after
    return partial


def required_words(pattern: re.Pattern[str], most: int = 3) -> tuple[frozenset[str], ...]:
    """Key sets (as :func:`first_words` gives) of words every match contains somewhere.

    Each set is one requirement: a match has a word with one of its keys. A text that lacks
    every key of one set cannot match, wherever its first word is ("having ... chest pain"
    needs "chest", a rarer word than "having"). The ``most`` smallest sets are kept.
    """
    try:
        tree = sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:
        return ()
    if pattern.flags & re.IGNORECASE:
        return ()
    needs = {_keys(found) for found in _needs(list(tree), word_start=False)}
    return tuple(sorted(needs, key=len)[:most])


def _keys(found: set[str]) -> frozenset[str]:
    return frozenset(key if key.endswith(_WHOLE) else key[:_MAX_PREFIX] for key in found)


def _needs(items: list[tuple[Any, Any]], *, word_start: bool) -> list[set[str]]:
    """Requirements of a sequence; ``word_start``: it begins where a word may start."""
    needs: list[set[str]] = []
    for index, (op, av) in enumerate(items):
        if op is sre_constants.AT:
            word_start = word_start or av is sre_constants.AT_BOUNDARY
            continue
        if op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            continue
        if word_start:
            found = _sequence(items[index:], bounded=True)
            if found and all(key.strip() for key in found):
                needs.append(found)
        if op is sre_constants.SUBPATTERN:
            needs += _needs(list(av[-1]), word_start=word_start)
        elif op is sre_constants.BRANCH:
            choices = [_needs(list(branch), word_start=word_start) for branch in av[1]]
            if all(choices):
                needs.append(set().union(*(min(choice, key=len) for choice in choices)))
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and av[0] >= 1:
            needs += _needs(list(av[2]), word_start=word_start)
        word_start = _ends_between_words([(op, av)], word_start)
    return needs


def _ends_between_words(items: list[tuple[Any, Any]], before: bool) -> bool:
    """Whether what follows ``items`` starts where a word may start (after a space, say);
    ``before`` is that answer for the position before them. False when unsure."""
    state = before
    for op, av in items:
        if op is sre_constants.LITERAL:
            state = chr(av) not in _WORD_CHARS
        elif op is sre_constants.AT:
            state = state or av is sre_constants.AT_BOUNDARY
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            continue
        elif op is sre_constants.SUBPATTERN:
            state = _ends_between_words(list(av[-1]), state)
        elif op is sre_constants.BRANCH:
            state = all(_ends_between_words(list(branch), state) for branch in av[1])
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            low, _high, body = av
            once = _ends_between_words(list(body), state)
            # repeated, the body follows itself; skipped, the state before it stands
            again = _ends_between_words(list(body), once)
            state = once and again if low >= 1 else state and once and again
        elif op is sre_constants.IN:
            state = _class_is_nonword(av)
        else:
            state = False
    return state


def _class_is_nonword(items: list[tuple[Any, Any]]) -> bool:
    return all(op is sre_constants.LITERAL and chr(av) not in _WORD_CHARS for op, av in items)


def _class_chars(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The members of a character class when they are few word characters, else None."""
    chars: set[str] = set()
    for op, av in items:
        if op is sre_constants.LITERAL:
            chars.add(chr(av))
        elif op is sre_constants.RANGE:
            low, high = av
            if high - low >= _MAX_CLASS:
                return None
            chars.update(chr(c) for c in range(low, high + 1))
        elif op is sre_constants.CATEGORY and av is sre_constants.CATEGORY_DIGIT:
            chars |= _DIGITS
        else:
            return None  # a negated class, \w, \s ...
    if not chars or len(chars) > _MAX_CLASS or not chars <= _WORD_CHARS:
        return None
    return frozenset(chars)
