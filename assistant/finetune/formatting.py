"""Training sequences: the bot's system prompt and chat template, loss on the answers only.

A conversation is cut into segments: the prompt as the bot renders it at answer time
(system prompt, earlier turns, the generation prompt), then the answer up to and including
the template's end-of-turn token, and so on for each assistant turn. Segments are
tokenized one by one, the way the engine tokenizes a prompt and then generates after it,
and only answer tokens carry labels; every other position is ``IGNORE_INDEX``.

The system prompt is the grounded one: an example's ``title`` and ``passage`` fill its
placeholders as the grounded stage fills them with the retrieved passage. An example
without a passage gets them empty.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from jinja2 import TemplateError

from assistant.errors import InputFileError
from assistant.finetune.data import Example
from assistant.llm.base import ChatTurn
from assistant.llm.prompt import (
    ChatTemplate,
    PlainChatTemplate,
    as_dicts,
    fill_grounding,
    merge_system,
    template_for_tokenizer,
)

#: the label that PyTorch's cross-entropy (and transformers' loss) skips
IGNORE_INDEX = -100


@dataclass(frozen=True, slots=True)
class TokenizedExample:
    line: int
    input_ids: tuple[int, ...]
    labels: tuple[int, ...]

    @property
    def answer_tokens(self) -> int:
        return sum(1 for label in self.labels if label != IGNORE_INDEX)


class ChatFormatter:
    """Renders and tokenizes examples exactly as the transformers engine prompts the model."""

    def __init__(self, tokenizer: Any, system_prompt: str) -> None:
        self.tokenizer = tokenizer
        self.system_prompt = system_prompt
        self.template: ChatTemplate = template_for_tokenizer(tokenizer)
        self._eos = str(getattr(tokenizer, "eos_token", None) or "")

    def system_for(self, example: Example) -> str:
        """The system prompt the model sees for this example at answer time."""
        return fill_grounding(self.system_prompt, example.title, example.passage)

    def segments(self, turns: Sequence[ChatTurn], system: str) -> list[tuple[str, bool]]:
        """``(text, is_answer)`` pieces whose concatenation is the whole conversation."""
        chat = [ChatTurn("system", system), *turns]
        pieces: list[tuple[str, bool]] = []
        done = ""
        for index, turn in enumerate(chat):
            if turn.role != "assistant":
                continue
            prompt = self.template.render(chat[:index])
            full = self._render_full(chat[: index + 1], prompt)
            if not prompt.startswith(done):  # a template that rewrites earlier turns
                raise ValueError("the chat template does not render conversations incrementally")
            answer = full[len(prompt) :]
            tail = answer[len(answer.rstrip()) :]  # the newline after the end-of-turn token
            pieces.append((prompt[len(done) :], False))
            pieces.append((answer[: len(answer) - len(tail)], True))
            if tail:
                pieces.append((tail, False))
            done = full
        return [(text, is_answer) for text, is_answer in pieces if text]

    def tokenize(self, example: Example) -> TokenizedExample:
        ids: list[int] = []
        labels: list[int] = []
        for text, is_answer in self.segments(example.turns, self.system_for(example)):
            piece = self.tokenizer(text, add_special_tokens=False)["input_ids"]
            ids.extend(piece)
            labels.extend(piece if is_answer else [IGNORE_INDEX] * len(piece))
        return TokenizedExample(example.line, tuple(ids), tuple(labels))

    def tokenize_all(
        self, examples: Sequence[Example], *, max_length: int, source: str
    ) -> list[TokenizedExample]:
        """Every example, or an InputFileError naming the first one over ``max_length``."""
        result = []
        for example in examples:
            tokenized = self.tokenize(example)
            if len(tokenized.input_ids) > max_length:
                raise InputFileError(
                    f"{source}:{example.line}: {len(tokenized.input_ids)} tokens with the chat "
                    f"template and system prompt, over --max-length {max_length}; shorten it "
                    "or raise --max-length"
                )
            result.append(tokenized)
        return result

    def _render_full(self, chat: Sequence[ChatTurn], prompt: str) -> str:
        """The conversation through its last (assistant) turn, as the model should write it."""
        answer = chat[-1].content
        if isinstance(self.template, PlainChatTemplate):
            return f"{prompt} {answer}{self._eos}"
        try:
            full = self._apply(chat)
        except TemplateError:
            full = self._apply(merge_system(chat))
        if full.startswith(prompt) and answer in full[len(prompt) :]:
            return full
        # A template that renders the answer differently from its generation prompt.
        return f"{prompt}{answer}{self._eos}"

    def _apply(self, chat: Sequence[ChatTurn]) -> str:
        text = self.tokenizer.apply_chat_template(
            as_dicts(chat), tokenize=False, add_generation_prompt=False
        )
        return str(text)
