"""Word lists for the recognizers: short ones written inline, long ones read from
``assistant/data`` (one lower-case word a line; ``#`` starts a comment line)."""

from __future__ import annotations

from assistant.settings import DATA_DIR


def word_set(text: str) -> frozenset[str]:
    """Whitespace-separated words: long lists stay readable in a few lines."""
    return frozenset(text.split())


def load_words(filename: str) -> frozenset[str]:
    """The words of ``assistant/data/<filename>``."""
    lines = (DATA_DIR / filename).read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line and not line.startswith("#"))
