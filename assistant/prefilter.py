"""A sound, cheap pre-check for many regexes over one short text.

Triage runs a few hundred regular expressions over every message; Python's ``re`` tries
each at every position, so most of the time goes to patterns that cannot match at all.
:func:`first_words` reads a compiled pattern's syntax tree and returns the word prefixes
that any match must start with (``\\b(?:chest|heart) pain`` -> {"chest", "heart"}), or None
when it cannot tell (a match may start with ``\\w``, a digit class, an optional group...).
:class:`WordPrefixes` holds every prefix of every word of a text, so the check is a few set
lookups. A pattern whose prefixes are all absent cannot match and is skipped; the check
never skips a pattern that could match.
"""

from __future__ import annotations

import re

# the standard library's own regex parser (private module names since Python 3.11)
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

_WORD_RE = re.compile(r"[a-z0-9]+")
_MAX_PREFIX = 6
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_SKIPPED = {sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT}


class WordPrefixes:
    """Every prefix (up to six characters) of every word of one text."""

    __slots__ = ("_prefixes",)

    def __init__(self, text: str) -> None:
        self._prefixes = {
            word[:k]
            for word in _WORD_RE.findall(text)
            for k in range(1, min(len(word), _MAX_PREFIX) + 1)
        }

    def may_match(self, prefixes: frozenset[str] | None) -> bool:
        return prefixes is None or not self._prefixes.isdisjoint(prefixes)


def first_words(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Prefixes one of which every match begins with (at a word start), or None."""
    try:
        tree = sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # an unusual construct: do not filter
        return None
    found = _sequence(list(tree), bounded=False)
    if found is None or any(not word for word in found):
        return None
    return frozenset(word[:_MAX_PREFIX] for word in found)


def _sequence(items: list[tuple[Any, Any]], *, bounded: bool) -> set[str] | None:
    """``bounded``: a ``\b`` comes first, so the match starts at the start of a word."""
    index = 0
    while index < len(items) and items[index][0] in _SKIPPED:
        op, av = items[index]
        bounded = bounded or (op is sre_constants.AT and av is sre_constants.AT_BOUNDARY)
        index += 1  # \b and look-arounds consume nothing
    if index == len(items):
        return None
    op, av = items[index]
    if op is sre_constants.LITERAL:
        if not bounded:
            return None  # the match could start inside a word
        prefix = ""
        while index < len(items) and items[index][0] is sre_constants.LITERAL:
            char = chr(items[index][1])
            if char not in _WORD_CHARS:
                break
            prefix += char
            index += 1
        return {prefix} if prefix else None
    if op is sre_constants.SUBPATTERN:
        return _sequence(list(av[-1]), bounded=bounded)
    if op is sre_constants.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            found = _sequence(list(branch), bounded=bounded)
            if found is None:
                return None
            union |= found
        return union
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and av[0] >= 1:
        return _sequence(list(av[2]), bounded=bounded)
    return None
