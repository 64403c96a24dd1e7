"""The health disclaimer, added to every reply outside any model."""

from __future__ import annotations


def with_disclaimer(text: str, disclaimer: str) -> str:
    """Append ``disclaimer`` after a blank line, once, whatever ``text`` holds."""
    body = text.rstrip()
    note = disclaimer.strip()
    if not note:
        return body
    if body.endswith(note):
        return body
    return f"{body}\n\n{note}" if body else note
