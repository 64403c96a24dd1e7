"""Prompt rendering, stop sequences and answer clean-up, shared by every backend.

Chat templates come from the model itself: the tokenizer's ``apply_chat_template`` or the
Jinja template stored in a GGUF file. When neither can be had (an API model whose tokenizer
is not reachable offline), :data:`PLAIN_TEMPLATE` is used. It is documented here because an
operator may need to match it on the server side::

    System: <system prompt>

    User: <message>

    Assistant: <answer>

    User: <message>

    Assistant:

Each turn is its role name, a colon, a space and the text, turns separated by a blank line;
the prompt ends with ``Assistant:`` so the model continues as the assistant, and
``\\nUser:`` is added to the stop sequences so it does not write the patient's next turn.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, Protocol

from jinja2 import TemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from assistant.llm.base import ChatTurn

PLAIN_TEMPLATE_STOP: tuple[str, ...] = ("\nUser:", "\nSystem:")

# OpenAI accepts at most four stop sequences; llama.cpp and vLLM accept more.
API_MAX_STOP = 4

# Special tokens of common chat templates, never part of an answer. Placeholders such as
# <PERSON_1> do not match: they have no pipes and are not in this list.
_DEBRIS = re.compile(
    r"<\|[a-z_]+\|>|</?s>|\[/?INST\]|<start_of_turn>|<end_of_turn>|<eos>|<bos>",
    re.IGNORECASE,
)
# A role label the model echoes at the start of its turn ("assistant\n", "Assistant:").
_ROLE_ECHO = re.compile(r"^\s*(?:assistant|healthbot)\s*(?::|\n)\s*", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?:[\"')\]]*)(?=\s|$)")


class ChatTemplate(Protocol):
    def render(self, messages: Sequence[ChatTurn]) -> str: ...


def fill_grounding(template: str, title: str, passage: str) -> str:
    """The system prompt with its ``{title}`` and ``{passage}`` placeholders filled.

    Plain replacement, not ``str.format``: a clinic's prompt may hold other braces.
    """
    return template.replace("{title}", title).replace("{passage}", passage)


def as_dicts(messages: Iterable[ChatTurn]) -> list[dict[str, str]]:
    return [{"role": turn.role, "content": turn.content} for turn in messages]


def merge_system(messages: Sequence[ChatTurn]) -> list[ChatTurn]:
    """Fold system turns into the first user turn, for templates without a system role."""
    system = "\n\n".join(t.content for t in messages if t.role == "system")
    rest = [t for t in messages if t.role != "system"]
    if not system:
        return rest
    for i, turn in enumerate(rest):
        if turn.role == "user":
            rest[i] = ChatTurn("user", f"{system}\n\n{turn.content}")
            return rest
    return [ChatTurn("user", system), *rest]


class PlainChatTemplate:
    """The documented fallback template (see the module docstring)."""

    stop = PLAIN_TEMPLATE_STOP

    def render(self, messages: Sequence[ChatTurn]) -> str:
        parts = [f"{turn.role.capitalize()}: {turn.content.strip()}" for turn in messages]
        parts.append("Assistant:")
        return "\n\n".join(parts)


class JinjaChatTemplate:
    """A Hugging Face style Jinja chat template, e.g. the one stored in a GGUF file."""

    stop: tuple[str, ...] = ()

    def __init__(self, source: str, *, bos_token: str = "", eos_token: str = "") -> None:
        env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True)
        env.globals["raise_exception"] = _raise_template_error
        env.globals["strftime_now"] = lambda fmt: datetime.now().strftime(fmt)
        self._template = env.from_string(source)
        self._tokens = {"bos_token": bos_token, "eos_token": eos_token}

    def render(self, messages: Sequence[ChatTurn]) -> str:
        try:
            return self._render(messages)
        except TemplateError:
            # Some templates (Gemma, older Mistral) reject a system turn.
            return self._render(merge_system(messages))

    def _render(self, messages: Sequence[ChatTurn]) -> str:
        return self._template.render(
            messages=as_dicts(messages), add_generation_prompt=True, **self._tokens
        )


class TokenizerChatTemplate:
    """The chat template of a transformers tokenizer."""

    stop: tuple[str, ...] = ()

    def __init__(self, tokenizer: Any) -> None:
        self._tokenizer = tokenizer

    def render(self, messages: Sequence[ChatTurn]) -> str:
        try:
            text = self._tokenizer.apply_chat_template(
                as_dicts(messages), tokenize=False, add_generation_prompt=True
            )
        except TemplateError:
            text = self._tokenizer.apply_chat_template(
                as_dicts(merge_system(messages)), tokenize=False, add_generation_prompt=True
            )
        return str(text)


def _raise_template_error(message: str) -> None:
    raise TemplateError(message)


def template_for_tokenizer(tokenizer: Any) -> ChatTemplate:
    if getattr(tokenizer, "chat_template", None):
        return TokenizerChatTemplate(tokenizer)
    return PlainChatTemplate()


def cut_at_stop(text: str, stops: Iterable[str]) -> tuple[str, bool]:
    """Cut ``text`` at the earliest stop sequence; returns (text, whether one was found)."""
    cut = len(text)
    for stop in stops:
        index = text.find(stop)
        if index != -1:
            cut = min(cut, index)
    return text[:cut], cut < len(text)


def clean_answer(text: str, stops: Iterable[str] = (), *, truncated: bool = False) -> str:
    """Trim template debris, stop sequences and, when the token cap cut the answer
    mid-sentence, the unfinished last sentence (if a whole sentence remains)."""
    text, _ = cut_at_stop(text, stops)
    text = _DEBRIS.sub("", text)
    text = _ROLE_ECHO.sub("", text, count=1).strip()
    if truncated:
        ends = list(_SENTENCE_END.finditer(text))
        if ends and ends[-1].end() < len(text):
            text = text[: ends[-1].end()]
    return text.strip()
