"""The term helpers of the YAML pattern files (``assistant/data/context.yaml``,
``red_flags.yaml``): lists of regexes joined into one alternation, ``{{name}}`` expanded
from a file's ``terms:``. Shared by :mod:`assistant.context` and :mod:`assistant.triage`."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from assistant.errors import ConfigError
from assistant.yaml_data import any_of, compile_regex, require_mapping


def alternation(
    sources: object, where: str, terms: Mapping[str, str] | None = None
) -> re.Pattern[str]:
    """A list of regexes joined into one ``(?:a)|(?:b)`` pattern, ``{{name}}`` expanded from
    ``terms``."""
    parts = alternation_parts(sources, where, terms)
    return any_of(parts)


def alternation_parts(
    sources: object, where: str, terms: Mapping[str, str] | None = None
) -> tuple[re.Pattern[str], ...]:
    """The regexes of such a list, each compiled on its own (``{{name}}`` expanded)."""
    if not isinstance(sources, list) or not sources:
        raise ConfigError(f"{where} must be a non-empty list of regular expressions")
    return tuple(
        compile_regex(
            expand_terms(source, terms or {}, f"{where}[{index}]")
            if isinstance(source, str)
            else source,
            f"{where}[{index}]",
        )
        for index, source in enumerate(sources)
    )


def expand_terms(source: str, terms: Mapping[str, str], where: str) -> str:
    """Replace ``{{name}}`` in a regex with the named term's alternation (a group)."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in terms:
            raise ConfigError(f"{where}: unknown term {{{{{name}}}}}; known: {sorted(terms)}")
        return f"(?:{terms[name]})"

    return re.sub(r"\{\{(\w+)\}\}", replace, source)


def load_terms(raw: object, where: str) -> dict[str, str]:
    """``terms:`` maps a name to a list of regexes; later terms may use earlier ones."""
    if raw is None:
        return {}
    data: Mapping[str, Any] = require_mapping(raw, where)
    terms: dict[str, str] = {}
    for name, sources in data.items():
        if not isinstance(sources, list) or not sources:
            raise ConfigError(f"{where}.{name} must be a non-empty list of regular expressions")
        expanded: Sequence[str] = [
            expand_terms(source, terms, f"{where}.{name}[{i}]") for i, source in enumerate(sources)
        ]
        terms[str(name)] = alternation(list(expanded), f"{where}.{name}").pattern
    return terms
