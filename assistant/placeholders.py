"""Per-conversation placeholder vault and tolerant restoration.

Presidio's reversible operators need exact spans, so they cannot restore free LLM text. The
vault maps each value a person typed to a typed, numbered placeholder (``<PERSON_1>``) that
stays the same across turns; it lives only in memory.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

#: the placeholders this vault writes, in the brackets a model may swap: <PERSON_7>, [EMAIL_2]
PLACEHOLDER_PATTERN = r"[<\[{]\s*[A-Za-z]+(?:_[A-Za-z]+)*_\d+\s*[>\]}]"
# Anything in brackets that looks like a placeholder, known or not: <PERSON_7>, [EMAIL_2].
_BRACKETED_RE = re.compile(r"[<\[{]\s*[A-Za-z]+(?:[ _][A-Za-z]+)*[ _]\d{1,4}\s*[>\]}]")


def _normalise_value(value: str) -> str:
    return " ".join(value.split()).casefold()


@dataclass
class PlaceholderVault:
    """Value <-> placeholder map for one conversation."""

    _by_value: dict[tuple[str, str], str] = field(default_factory=dict)
    _by_placeholder: dict[str, str] = field(default_factory=dict)
    _counters: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def placeholder_for(self, entity_type: str, value: str) -> str:
        key = (entity_type, _normalise_value(value))
        existing = self._by_value.get(key)
        if existing is not None:
            return existing
        self._counters[entity_type] += 1
        placeholder = f"<{entity_type}_{self._counters[entity_type]}>"
        self._by_value[key] = placeholder
        self._by_placeholder[placeholder] = value
        return placeholder

    def value_for(self, placeholder: str) -> str | None:
        return self._by_placeholder.get(placeholder)

    @property
    def entity_types(self) -> set[str]:
        return {p[1:].rsplit("_", 1)[0] for p in self._by_placeholder}

    def __len__(self) -> int:
        return len(self._by_placeholder)


def restore(text: str, vault: PlaceholderVault) -> str:
    """Put the person's own values back; drop placeholders nobody sent.

    Tolerant of the ways models mangle placeholders: missing brackets, lower case, spaces
    for underscores (``PERSON_1``, ``<person_1>``, ``Person 1``).
    """
    if vault.entity_types:
        names = "|".join(
            re.escape(t).replace("_", "[ _]") for t in sorted(vault.entity_types, key=len)[::-1]
        )
        known_re = re.compile(
            rf"(?:[<\[{{]\s*)?\b({names})[ _](\d{{1,4}})\b(?:\s*[>\]}}])?", re.IGNORECASE
        )

        def replace(match: re.Match[str]) -> str:
            entity_type = re.sub(r"[ _]", "_", match.group(1)).upper()
            value = vault.value_for(f"<{entity_type}_{int(match.group(2))}>")
            return value if value is not None else ""

        text = known_re.sub(replace, text)
    text = _BRACKETED_RE.sub("", text)
    # Tidy the gaps that removed placeholders leave behind.
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = re.sub(r"[ \t]+([,.;:!?])", r"\1", text)
    return text.strip()
