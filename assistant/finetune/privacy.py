"""Every training text goes through the bot's anonymizer first: no PII ends up in weights.

Each example is one conversation with its own placeholder vault, as at answer time, so a
name that appears in a question and its answer becomes the same ``<PERSON_1>`` in both.
The summary counts what was masked, by entity type; it never holds the values.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from assistant.anonymizer import AnonymizedText
from assistant.finetune.data import Example
from assistant.llm.base import ChatTurn
from assistant.placeholders import PlaceholderVault


class TextAnonymizer(Protocol):
    """What is needed of :class:`assistant.anonymizer.Anonymizer`."""

    def anonymize(self, text: str, vault: PlaceholderVault) -> AnonymizedText: ...


@dataclass
class MaskingSummary:
    texts: int = 0
    changed_texts: int = 0
    changed_examples: int = 0
    by_type: Counter[str] = field(default_factory=Counter)
    #: line numbers of changed examples, so that an operator can review them in the file
    changed_lines: list[int] = field(default_factory=list)

    @property
    def entities(self) -> int:
        return sum(self.by_type.values())

    def describe(self) -> str:
        """One line for the terminal; counts and line numbers only, never the values."""
        head = f"anonymized {self.texts} texts: {self.changed_texts} changed"
        if not self.by_type:
            return head + ", nothing masked"
        kinds = ", ".join(f"{kind} x{count}" for kind, count in sorted(self.by_type.items()))
        lines = ", ".join(str(n) for n in self.changed_lines[:10])
        more = " ..." if len(self.changed_lines) > 10 else ""
        return f"{head}; masked {kinds} (lines {lines}{more})"

    def as_dict(self) -> dict[str, object]:
        return {
            "texts": self.texts,
            "changed_texts": self.changed_texts,
            "changed_examples": self.changed_examples,
            "masked_by_type": dict(sorted(self.by_type.items())),
        }


def anonymize_examples(
    examples: Sequence[Example], anonymizer: TextAnonymizer
) -> tuple[list[Example], MaskingSummary]:
    summary = MaskingSummary()
    result: list[Example] = []
    for example in examples:
        vault = PlaceholderVault()
        turns: list[ChatTurn] = []
        changed = False
        for turn in example.turns:
            masked = anonymizer.anonymize(turn.content, vault)
            summary.texts += 1
            if masked.entities:
                summary.changed_texts += 1
                summary.by_type.update(e.entity_type for e in masked.entities)
                changed = True
            turns.append(ChatTurn(turn.role, masked.text))
        if changed:
            summary.changed_examples += 1
            summary.changed_lines.append(example.line)
        result.append(dataclasses.replace(example, turns=tuple(turns)))
    return result, summary
