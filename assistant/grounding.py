"""Grounded answers: retrieve vetted passages, let the model answer only from them, check.

This stage runs in the pipeline, in front of whichever backend is configured (local or API),
so every backend's text goes through the same retrieval, prompt and answer check:

1. retrieve: the topics that match the message's embedding (assistant/retrieval.py). None:
   an honest reply that the assistant can't answer this reliably, with the clinic's contact.
   The model is not asked, so it cannot improvise.
2. generate: the model gets the passage and an instruction to answer only from it.
3. check: the answer check (assistant/answer_check.py). A rejected answer is replaced by the
   honest fallback, which shows the vetted passage itself; the reason is recorded.
4. compose: the answer, the passage's vetted "when to get help" part, and "Based on: <topic>".

Outcomes are explicit on the :class:`~assistant.messages.Reply`: ``source`` says who wrote
it and ``unanswered`` says why the assistant had no reliable answer of its own (no passage,
the check rejected the model, the model failed), so a handoff to staff can be offered.
"""

from __future__ import annotations

import asyncio
import dataclasses
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import numpy as np

from assistant.answer_check import AnswerChecker, Draft, create_checker
from assistant.embeddings import Embedder
from assistant.knowledge import CarePointer, KnowledgeBase, Topic, load_care_pointers
from assistant.llm.base import ChatTurn
from assistant.llm.prompt import fill_grounding
from assistant.messages import LLMUsage, Source, Stage, Unanswered
from assistant.retrieval import KnowledgeIndex, Passage, plain_words, term_regex
from assistant.settings import DEFAULT_SYSTEM_PROMPT, AnswerCheckSettings, KnowledgeSettings

#: asks the backend; returns (text or None on failure, usage)
Generate = Callable[
    [tuple[ChatTurn, ...], int, float], Awaitable[tuple[str | None, LLMUsage | None]]
]

NO_PASSAGE_INTRO = (
    "I'm sorry, I can't answer that one reliably: I only give general health information "
    "that the clinic has checked, and I have none that fits this question."
)
REJECTED_INTRO = (
    "I couldn't put together a reliable answer to your exact question. Here is the "
    "clinic's checked general information that fits it best."
)
PASSAGE_INTRO = "Here is the clinic's checked general information that fits your question best."
OWN_SITUATION = "For advice about your own situation, {contact}."
URGENT = "If it is urgent or you feel very unwell, call {emergency} or get urgent care."
GET_HELP_LABEL = "When to get help:"
BASED_ON = "Based on: {title} ({source})"
#: at most this many care pointers in one reply
MAX_POINTERS = 2


@dataclass(frozen=True, slots=True)
class GroundedReply:
    """What the grounded stage decided, before placeholders are restored."""

    text: str
    source: Source
    topic_id: str | None = None
    unanswered: Unanswered | None = None
    usage: LLMUsage | None = None
    #: what the conversation memory keeps as the assistant's turn
    memory_text: str = ""
    timings_ms: dict[str, float] = field(default_factory=dict)


def grounded_messages(
    question: str, passages: tuple[Passage, ...], template: str = DEFAULT_SYSTEM_PROMPT
) -> tuple[ChatTurn, ...]:
    """The prompt: the passages inside the system turn, then the patient's question."""
    title = " and ".join(p.topic.title for p in passages)
    passage = "\n\n".join(p.topic.passage for p in passages)
    return (
        ChatTurn("system", fill_grounding(template, title, passage)),
        ChatTurn("user", question),
    )


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


class GroundedResponder:
    """Retrieval, the grounded prompt, the answer check and the reply's wording."""

    def __init__(
        self,
        index: KnowledgeIndex,
        checker: AnswerChecker,
        settings: KnowledgeSettings,
        *,
        emergency_number: str,
        system_prompt: str = DEFAULT_SYSTEM_PROMPT,
        check_embedder: Embedder | None = None,
        care_pointers: tuple[CarePointer, ...] = (),
    ) -> None:
        self.system_prompt = system_prompt
        self._pointer_terms = [(p, term_regex(p.terms)) for p in care_pointers]
        self.index = index
        self.checker = checker
        self.settings = settings
        self.emergency_number = emergency_number
        self.check_embedder = check_embedder

    @classmethod
    def from_settings(
        cls,
        knowledge: KnowledgeSettings,
        checks: AnswerCheckSettings,
        embedder: Embedder,
        *,
        emergency_number: str,
        system_prompt: str = DEFAULT_SYSTEM_PROMPT,
        check_embedder: Embedder | None = None,
    ) -> GroundedResponder:
        """Load and validate the knowledge base and the checks, and index the topics."""
        base = KnowledgeBase.from_dir(knowledge.dir)
        index = KnowledgeIndex(base, embedder, cache_dir=knowledge.cache_dir)
        return cls(
            index,
            create_checker(checks),
            knowledge,
            emergency_number=emergency_number,
            system_prompt=system_prompt,
            check_embedder=check_embedder,
            care_pointers=load_care_pointers(knowledge.care_pointers),
        )

    # -- wording -----------------------------------------------------------------------

    def _own_situation(self) -> str:
        return _capitalise(OWN_SITUATION.format(contact=self.settings.clinic_contact))

    def pointers_for(self, question: str, limit: int | None = MAX_POINTERS) -> list[CarePointer]:
        words = plain_words(question)
        found = [
            pointer
            for pointer, regex in self._pointer_terms
            if (regex is not None and regex.search(words))
            or any(pattern.search(words) for pattern in pointer.patterns)
        ]
        return found[:limit]

    def no_passage_reply(self, question: str) -> str:
        urgent = self.urgent_lines(question)
        parts = [*urgent, NO_PASSAGE_INTRO]
        pointers = [p for p in self.pointers_for(question) if p.text not in urgent]
        if pointers:
            parts.append(" ".join(p.text for p in pointers))
        parts.append(f"{self._own_situation()} {URGENT.format(emergency=self.emergency_number)}")
        return "\n\n".join(parts)

    def urgent_lines(self, question: str) -> list[str]:
        """The always-shown pointers that fit the question (a possible emergency)."""
        return [p.text for p in self.pointers_for(question, limit=None) if p.always]

    def passage_reply(self, topic: Topic, *, rejected: bool, question: str = "") -> str:
        return "\n\n".join(
            (
                *self.urgent_lines(question),
                REJECTED_INTRO if rejected else PASSAGE_INTRO,
                topic.answer,
                f"{GET_HELP_LABEL} {topic.get_help}",
                self._own_situation(),
                BASED_ON.format(title=topic.title, source=topic.source),
            )
        )

    def model_reply(self, answer: str, topic: Topic, question: str = "") -> str:
        return "\n\n".join(
            (
                *self.urgent_lines(question),
                answer,
                f"{GET_HELP_LABEL} {topic.get_help}",
                BASED_ON.format(title=topic.title, source=topic.source),
            )
        )

    # -- the stage ---------------------------------------------------------------------

    def retrieve(self, vector: np.ndarray | None, question: str) -> tuple[Passage, ...]:
        if vector is None:
            return ()
        index = self.index
        if self.settings.min_score is not None:
            index = index.with_settings(min_score=self.settings.min_score)
        if self.settings.top_k != index.settings.top_k:
            index = index.with_settings(top_k=self.settings.top_k)
        return index.search(vector, question)

    def asks_model(self, model: str | None) -> bool:
        """Whether the model writes the answer (else the vetted passage is shown as it is)."""
        mode = self.settings.answer_mode
        if mode == "auto":
            return model not in self.settings.passage_only_models
        return mode == "grounded"

    async def respond(
        self,
        question: str,
        vector: np.ndarray | None,
        generate: Generate | None,
        *,
        max_tokens: int,
        temperature: float,
        model: str | None = None,
    ) -> GroundedReply:
        timings: dict[str, float] = {}
        started = time.perf_counter()
        passages = self.retrieve(vector, question)
        timings[Stage.RETRIEVE.value] = _ms(started)
        if not passages:
            text = self.no_passage_reply(question)
            return GroundedReply(
                text,
                Source.FALLBACK,
                unanswered=Unanswered.NO_PASSAGE,
                memory_text=text,
                timings_ms=timings,
            )
        topic = passages[0].topic
        if generate is None or not self.asks_model(model):
            text = self.passage_reply(topic, rejected=False, question=question)
            return GroundedReply(
                text, Source.KNOWLEDGE, topic.id, memory_text=topic.answer, timings_ms=timings
            )

        cap = min(max_tokens, self.settings.max_answer_tokens)
        temp = self.settings.temperature if self.settings.temperature is not None else temperature
        started = time.perf_counter()
        answer, usage = await generate(
            grounded_messages(question, passages, self.system_prompt), cap, temp
        )
        timings[Stage.LLM.value] = _ms(started)
        if answer is None:
            text = self.passage_reply(topic, rejected=True, question=question)
            return GroundedReply(
                text,
                Source.FALLBACK,
                topic.id,
                Unanswered.LLM_FAILED,
                usage,
                topic.answer,
                timings,
            )

        truncated = usage is not None and usage.completion_tokens >= cap
        draft = Draft(
            answer,
            question=question,
            passages=passages,
            truncated=truncated,
            embedder=self.check_embedder,
        )
        started = time.perf_counter()
        verdict = await asyncio.to_thread(self.checker.review, draft)
        timings[Stage.CHECK.value] = _ms(started)
        if not verdict.passed:
            if usage is not None:
                usage = dataclasses.replace(usage, error=verdict.label)
            text = self.passage_reply(topic, rejected=True, question=question)
            return GroundedReply(
                text,
                Source.FALLBACK,
                topic.id,
                Unanswered.REJECTED,
                usage,
                topic.answer,
                timings,
            )
        text = self.model_reply(verdict.text, topic, question)
        return GroundedReply(text, Source.LLM, topic.id, None, usage, verdict.text, timings)


def _ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 3)
