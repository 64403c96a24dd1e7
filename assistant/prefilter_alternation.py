"""A list of regexes joined into one alternation, each part tried only where it can match.

``(?:a)|(?:b)|...`` with :class:`~assistant.prefilter.IndexedRegex` as a whole has as its
candidate starts the union of its parts' (a part that may start after any space makes
every word one), and at each candidate ``re`` tries every part. The context cues are such
lists of dozens of parts, a few of them with look-aheads that read to the end of the
sentence. :func:`finditer_alternation` finds the same matches as the joined regex's
``finditer``: each part is matched only at its own candidate starts, when the text meets
its gate; at each position the first part in order that matches there gives the match, as
the alternation does; and matches inside an earlier one are skipped, as ``finditer`` does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from assistant.prefilter import IndexedRegex, WordIndex, scan_starts
from assistant.yaml_data import any_of


@dataclass(frozen=True, slots=True, eq=False)
class IndexedAlternation:
    """``(?:a)|(?:b)|...`` with each part indexed on its own."""

    #: the joined regex, whose ``finditer`` the matches equal
    regex: re.Pattern[str]
    parts: tuple[IndexedRegex, ...]

    @classmethod
    def of(cls, parts: Sequence[re.Pattern[str]]) -> IndexedAlternation:
        if not parts or any(part.flags & ~re.UNICODE for part in parts):
            raise ValueError("an alternation needs parts compiled without flags")
        return cls(any_of(parts), tuple(IndexedRegex.of(part) for part in parts))


def finditer_alternation(
    words: WordIndex, alternation: IndexedAlternation
) -> Iterator[re.Match[str]]:
    """``alternation.regex.finditer(words.text)``, as :meth:`WordIndex.finditer` gives it for
    one regex (a part's match object stands for the joined regex's: the same span)."""
    text = words.text
    first: dict[int, re.Match[str]] = {}  # a start -> the first part's match there
    for part in alternation.parts:
        if not words.meets(part.gate):
            continue
        starts = words.match_starts(part)
        if starts is None:
            _every_start(part.regex, text, first)
            continue
        for start in starts:
            if start not in first:
                match = part.regex.match(text, start)
                if match is not None:
                    first[start] = match
    yield from scan_starts(alternation.regex, text, sorted(first), first.get)


def _every_start(regex: re.Pattern[str], text: str, first: dict[int, re.Match[str]]) -> None:
    """Record the match of ``regex`` at each start where it has one and no earlier part has
    (a regex whose syntax names no start words)."""
    position = 0
    while position <= len(text):
        match = regex.search(text, position)
        if match is None:
            return
        first.setdefault(match.start(), match)
        position = match.start() + 1
