"""Vetted content as training pairs: ``python -m bot finetune --export-knowledge PATH``.

A source is a function returning :class:`VettedPair` objects, found by name in
:data:`VETTED_SOURCES`. Today the vetted answers are the rules (each example phrasing with
its rule's answer); the knowledge base of topics registers itself here as another source
when it lands, and ``--source`` picks it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import ConfigError, InputFileError
from assistant.rules import read_rules
from assistant.settings import DATA_DIR


@dataclass(frozen=True, slots=True)
class VettedPair:
    question: str
    answer: str
    #: where the answer comes from, for review: "rules.yaml#fever"
    source: str
    #: the vetted passage the bot would ground this answer in, and its topic's title
    title: str = ""
    passage: str = ""


def rule_pairs(path: Path = DATA_DIR / "rules.yaml") -> list[VettedPair]:
    """Every example phrasing of every rule, with that rule's answer."""
    return [
        VettedPair(
            question=example,
            answer=rule.answer,
            source=f"{path.name}#{rule.id}",
            title=rule.id.replace("_", " "),
            passage=rule.answer,
        )
        for rule in read_rules(path)
        for example in rule.examples
    ]


VettedSource = Callable[[], list[VettedPair]]
VETTED_SOURCES: dict[str, VettedSource] = {"rules": rule_pairs}


def register_source(name: str, source: VettedSource) -> None:
    VETTED_SOURCES[name] = source


def vetted_pairs(source: str = "rules") -> list[VettedPair]:
    try:
        loader = VETTED_SOURCES[source]
    except KeyError:
        known = ", ".join(sorted(VETTED_SOURCES))
        raise ConfigError(f"unknown vetted source {source!r}; known: {known}") from None
    return loader()


def export_pairs(pairs: Iterable[VettedPair], path: Path) -> int:
    """Write ``pairs`` as training JSONL (atomically); returns how many were written."""
    lines = [json.dumps(_row(p), ensure_ascii=False) for p in pairs]
    if not lines:
        raise ConfigError("there is no vetted content to export")
    scratch = path.with_name(f".{path.name}.partial-{os.getpid()}")
    try:
        scratch.write_text("\n".join(lines) + "\n", encoding="utf-8")
        os.replace(scratch, path)
    except OSError as exc:
        scratch.unlink(missing_ok=True)
        raise InputFileError(f"{path}: cannot write it ({exc.strerror or exc})") from exc
    return len(lines)


def _row(pair: VettedPair) -> dict[str, str]:
    row = {"question": pair.question, "answer": pair.answer, "source": pair.source}
    if pair.passage:
        row |= {"title": pair.title or "this topic", "passage": pair.passage}
    return row
