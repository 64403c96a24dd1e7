"""Split a long reply into parts that each fit a platform's message limit.

Pure and platform-free (Telegram allows 4,096 characters, Matrix has its own limits). Parts
break at the last paragraph boundary that fits, else the last sentence end, else the last
whitespace, and only as a last resort inside a word. Joining the parts with the separators
that were dropped gives back the text, so a disclaimer at the end of the text stays whole at
the end of the last part as long as it fits in one part.
"""

from __future__ import annotations

import re
from collections.abc import Callable

TELEGRAM_LIMIT = 4096

# Sentence ends: ., ! or ? (optionally followed by closing quotes/brackets) then whitespace.
_SENTENCE_END = re.compile(r"[.!?][\"')\]»”’]*\s+")
_WHITESPACE = re.compile(r"\s+")
_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit Telegram counts (an emoji can count as two)."""
    return len(text.encode("utf-16-le")) // 2


def _fits(text: str, limit: int, measure: Callable[[str], int]) -> int:
    """The longest prefix length (in characters) whose measure is within ``limit``."""
    if measure(text) <= limit:
        return len(text)
    low, high = 0, min(len(text), limit)
    while low < high:  # binary search: measure is monotonic in the prefix length
        middle = (low + high + 1) // 2
        if measure(text[:middle]) <= limit:
            low = middle
        else:
            high = middle - 1
    return low


def _last_break(window: str, pattern: re.Pattern[str]) -> tuple[int, int] | None:
    """(end of the kept text, start of the rest) for the last match of ``pattern`` in window."""
    last: re.Match[str] | None = None
    for match in pattern.finditer(window):
        last = match
    if last is None:
        return None
    if pattern is _SENTENCE_END:
        # keep the punctuation with the sentence, drop only the whitespace after it
        stripped = last.group().rstrip()
        return last.start() + len(stripped), last.end()
    return last.start(), last.end()


def _choose_break(window: str, size: int) -> tuple[int, int] | None:
    # A paragraph break that would leave a tiny first part loses to a sentence end in the
    # second half of the window: fewer, fuller messages read better.
    for minimum in (size // 2, 1):
        for pattern in (_PARAGRAPH, _SENTENCE_END, _WHITESPACE):
            found = _last_break(window, pattern)
            if found is not None and minimum <= found[0] <= size and found[0] > 0:
                return found
    return None


def split_text(
    text: str,
    limit: int = TELEGRAM_LIMIT,
    *,
    measure: Callable[[str], int] = len,
) -> list[str]:
    """Split ``text`` into non-empty parts with ``measure(part) <= limit`` each.

    Returns ``[text]`` unchanged when it fits (``[]`` for blank text). Whitespace at a break
    is dropped; everything else is kept in order.
    """
    if limit < 1:
        raise ValueError("limit must be at least 1")
    parts: list[str] = []
    rest = text.strip()
    while rest:
        size = _fits(rest, limit, measure)
        if size >= len(rest):
            parts.append(rest)
            break
        window = rest[: size + 1]  # one extra character: a break may sit right at the limit
        cut = _choose_break(window, size)
        if cut is None:  # one unbroken run longer than the limit: cut inside it
            cut = (max(size, 1), max(size, 1))
        head = rest[: cut[0]].rstrip()
        if head:
            parts.append(head)
        rest = rest[cut[1] :].lstrip()
    return parts
