"""Training data: JSONL files of question/answer pairs or chats, checked line by line.

Each non-blank line is one JSON object, either

* ``{"question": "...", "answer": "..."}``, or
* ``{"messages": [{"role": "user", "content": "..."}, {"role": "assistant", ...}, ...]}``:
  user and assistant turns taking turns, starting with the user and ending with the
  assistant. Every assistant turn is learned.

Optional ``title`` and ``passage`` give the vetted passage the answer is grounded in: they
fill the system prompt's ``{title}`` and ``{passage}`` exactly as the grounded stage fills
them at answer time (``--export-knowledge`` writes both). Other keys (``id``, ``source``)
are kept out of training. There is no ``system`` turn: the bot's own system prompt is added
to every example, as it is at answer time. Any problem is
an :class:`InputFileError` that names the file and line (``data.jsonl:7: ...``).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.errors import InputFileError
from assistant.llm.base import ChatTurn, Role

_PAIR_KEYS = ("question", "answer")
_ROLES: tuple[Role, Role] = ("user", "assistant")


@dataclass(frozen=True, slots=True)
class Example:
    """One training conversation (without the system prompt) and where it came from."""

    line: int
    turns: tuple[ChatTurn, ...]
    #: the vetted passage (and its topic's title) the answers are grounded in, if given
    title: str = ""
    passage: str = ""

    @property
    def texts(self) -> tuple[str, ...]:
        return tuple(turn.content for turn in self.turns)


@dataclass(frozen=True, slots=True)
class TrainingData:
    path: Path
    examples: tuple[Example, ...]
    #: sha256 of the file's bytes, recorded in training.json
    sha256: str


def load_examples(path: Path) -> TrainingData:
    """Read and check every line of ``path``."""
    name = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputFileError(f"{name}: no such file") from None
    except OSError as exc:
        raise InputFileError(f"{name}: cannot read it ({exc.strerror or exc})") from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad_line = raw[: exc.start].count(b"\n") + 1
        raise InputFileError(f"{name}:{bad_line}: not UTF-8 text") from None
    examples: list[Example] = []
    for number, row in enumerate(text.splitlines(), start=1):
        if row.strip():
            examples.append(parse_line(row, f"{name}:{number}", number))
    if not examples:
        raise InputFileError(
            f"{name}:1: the file is empty; expected one JSON object per line with "
            "'question' and 'answer', or 'messages'"
        )
    return TrainingData(path, tuple(examples), hashlib.sha256(raw).hexdigest())


def parse_line(line: str, where: str, number: int) -> Example:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputFileError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(item, dict):
        raise InputFileError(f"{where}: expected a JSON object, got {type(item).__name__}")
    if "messages" in item:
        if any(key in item for key in _PAIR_KEYS):
            raise InputFileError(
                f"{where}: give either 'messages' or 'question'/'answer', not both"
            )
        return Example(number, _parse_messages(item["messages"], where), *_grounding(item, where))
    missing = [key for key in _PAIR_KEYS if key not in item]
    if missing:
        raise InputFileError(
            f"{where}: missing {' and '.join(repr(k) for k in missing)}; each line needs "
            "'question' and 'answer', or 'messages'"
        )
    question = _text(item["question"], f"{where}: 'question'")
    answer = _text(item["answer"], f"{where}: 'answer'")
    turns = (ChatTurn("user", question), ChatTurn("assistant", answer))
    return Example(number, turns, *_grounding(item, where))


def _grounding(item: dict[str, Any], where: str) -> tuple[str, str]:
    """The optional ``title`` and ``passage``; a title alone grounds nothing."""
    passage = _text(item["passage"], f"{where}: 'passage'") if "passage" in item else ""
    title = _text(item["title"], f"{where}: 'title'") if "title" in item else ""
    if title and not passage:
        raise InputFileError(f"{where}: 'title' without 'passage'; give both or neither")
    return title, passage


def _parse_messages(value: Any, where: str) -> tuple[ChatTurn, ...]:
    if not isinstance(value, list) or not value:
        raise InputFileError(f"{where}: 'messages' must be a non-empty list of turns")
    turns: list[ChatTurn] = []
    for index, turn in enumerate(value):
        at = f"{where}: messages[{index}]"
        if not isinstance(turn, dict) or "role" not in turn or "content" not in turn:
            raise InputFileError(f"{at} must be an object with 'role' and 'content'")
        role = turn["role"]
        if role == "system":
            raise InputFileError(
                f"{at}: no 'system' turns, please; the bot's system prompt is added to "
                "every example"
            )
        expected = _ROLES[index % 2]
        if role != expected:
            raise InputFileError(
                f"{at}: role {role!r} where {expected!r} was expected (turns start with "
                "'user' and alternate with 'assistant')"
            )
        turns.append(ChatTurn(expected, _text(turn["content"], f"{at}.content")))
    if turns[-1].role != "assistant":
        raise InputFileError(f"{where}: 'messages' must end with an 'assistant' turn")
    return tuple(turns)


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InputFileError(f"{where} must be a non-empty string")
    return value.strip()
