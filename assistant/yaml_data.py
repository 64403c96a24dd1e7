"""Checked loading of the YAML data files (red flags, rules).

Every failure is a :class:`ConfigError` naming the file and the entry, so a bad edit to a
data file stops start-up with one clear line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, Protocol, TypeVar

import yaml

from assistant.errors import ConfigError

#: libyaml's parser when PyYAML was built with it: the red flags load ten times faster
_SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_mapping(path: Path, what: str) -> Mapping[str, Any]:
    """The top-level mapping of ``path``; ``what`` names the file's role in errors."""
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read {what} file {path}: {exc.strerror or exc}") from exc
    try:
        data = yaml.load(raw, Loader=_SAFE_LOADER)  # a safe loader, C or Python
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path.name}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path.name}: expected a mapping at the top level")
    return data


def require_mapping(value: object, where: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where} must be a mapping")
    return value


def require_text(value: object, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where} must be a non-empty string")
    return value


def compile_regex(source: object, where: str) -> re.Pattern[str]:
    if not isinstance(source, str) or not source.strip():
        raise ConfigError(f"{where} must be a non-empty regular expression")
    try:
        return re.compile(source)
    except re.error as exc:
        raise ConfigError(f"{where}: invalid regular expression: {exc}") from exc


def any_of(patterns: Iterable[re.Pattern[str]]) -> re.Pattern[str]:
    """One regex that matches where the first of ``patterns`` (in order) that matches does:
    ``(?:a)|(?:b)|...``, one scan of the text instead of one per pattern."""
    return re.compile("|".join(f"(?:{pattern.pattern})" for pattern in patterns))


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


EntryT = TypeVar("EntryT", bound=_HasId)


def load_entries(
    data: Mapping[str, Any], key: str, where: str, load: Callable[[object, str], EntryT]
) -> list[EntryT]:
    """``data[key]`` as a non-empty list of entries with unique ids, each built by ``load``."""
    raw_entries = data.get(key)
    if not isinstance(raw_entries, list) or not raw_entries:
        raise ConfigError(f"{where}: {key!r} must be a non-empty list")
    entries: list[EntryT] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_entries):
        entry = load(raw, f"{where}: {key}[{index}]")
        if entry.id in seen:
            raise ConfigError(f"{where}: {key}[{index}]: duplicate id {entry.id!r}")
        seen.add(entry.id)
        entries.append(entry)
    return entries
