"""The cap on a reply's length, applied by the conversation service before any adapter
splits the reply into platform messages.

A model can run away (a 1 MB answer once became 245 Telegram messages); nobody reads that,
and it floods the chat and the platform's limits. The cap cuts at a paragraph, sentence or
word break near the limit and says honestly that the answer was cut.
"""

from __future__ import annotations

import re

#: about three Telegram messages, one Matrix event (adapters/matrix_send.py)
MAX_REPLY_CHARS = 12_000
CUT_NOTE = (
    "[I cut this answer short: it was {length:,} characters long, more than I send in one "
    "reply. Please ask a narrower question for the rest.]"
)

_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"[.!?][\"')\]]*\s"), re.compile(r"\s"))


def cap_reply(text: str, limit: int = MAX_REPLY_CHARS) -> tuple[str, bool]:
    """``text`` when it fits in ``limit`` characters; otherwise its start, cut at the last
    break in the window's final quarter (mid-word only when there is none), plus the note.
    Returns the text and whether it was cut. The note is not counted in ``limit``."""
    if limit < 1:
        raise ValueError("limit must be at least 1")
    if len(text) <= limit:
        return text, False
    window = text[:limit]
    cut = limit
    for pattern in _BREAKS:
        ends = [m.end() for m in pattern.finditer(window, limit - limit // 4)]
        if ends:
            cut = ends[-1]
            break
    kept = window[:cut].rstrip()
    return f"{kept}\n\n{CUT_NOTE.format(length=len(text))}", True
