"""The assistant's pipeline: anonymize, triage, embed, rules, grounded LLM and restore,
each stage timed.

:meth:`Assistant.answer` turns one question into one :class:`Reply`. The conversation
service (:mod:`assistant.conversation`) is its caller: it adds the disclaimer and counts the
message through :meth:`Assistant.account`.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from assistant.acuity import AcuityModel
from assistant.anonymizer import Anonymizer
from assistant.courtesy import question_part
from assistant.embeddings import Embedded, Embedder
from assistant.errors import BackendError
from assistant.grounding import GroundedResponder
from assistant.hashing import UserHasher
from assistant.llm.base import ChatTurn, GenerationRequest, LLMBackend
from assistant.memory import Conversation, ConversationKey, ConversationMemory
from assistant.messages import IncomingMessage, LLMUsage, Reply, Source, Stage, Unanswered
from assistant.normalize import normalize_text
from assistant.placeholders import restore
from assistant.report import ReportReader
from assistant.rules import RuleBook, rule_answers, rule_floor
from assistant.settings import LLMSettings, PrivacySettings, TriageSettings
from assistant.storage import MessageRecord, Store
from assistant.triage import Triage, TriageResult

log = logging.getLogger(__name__)

#: called with every handled message and its reply (metrics, structured logs)
ReplyObserver = Callable[[IncomingMessage, Reply], None]
#: erases what a feature keeps about one user (platform, user id) on /forget; returns how
#: many stored items it removed (the handoff's cases)
UserEraser = Callable[[str, str], Awaitable[int]]

EMPTY_MESSAGE_REPLY = "I didn't catch a question there. Please type your health question as text."
TOO_LONG_REPLY = (
    "Your message is {length} characters long, more than I can read at once ({limit}). "
    "Please send it again in shorter parts."
)
INTERNAL_ERROR_REPLY = (
    "Sorry, something went wrong on my side and I could not read your message safely. "
    "Please try again in a moment."
)


@dataclass(frozen=True, slots=True)
class PipelineSettings:
    llm: LLMSettings
    privacy: PrivacySettings
    triage: TriageSettings


class _Timer:
    def __init__(self) -> None:
        self.timings_ms: dict[str, float] = {}

    @contextmanager
    def stage(self, stage: Stage) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            spent = (time.perf_counter() - started) * 1000
            # a stage entered twice (triage: the red flags, then the acuity model) adds up
            self.timings_ms[stage.value] = round(self.timings_ms.get(stage.value, 0.0) + spent, 3)


class Assistant:
    """Turns one :class:`IncomingMessage` into one :class:`Reply`. Safe to call concurrently."""

    def __init__(
        self,
        *,
        settings: PipelineSettings,
        anonymizer: Anonymizer,
        triage: Triage,
        rules: RuleBook,
        embedder: Embedder | None = None,
        backend: LLMBackend | None = None,
        store: Store | None = None,
        hasher: UserHasher | None = None,
        responder: GroundedResponder | None = None,
        acuity: AcuityModel | None = None,
        report: ReportReader | None = None,
    ) -> None:
        self.settings = settings
        #: the learned check that an emergency flag's message reports one now (None: off)
        self.report = report
        #: the learned fallback for acute descriptions no red flag names (None: off)
        self.acuity = acuity
        self.responder = responder
        self.anonymizer = anonymizer
        self.triage = triage
        self.rules = rules
        #: one vector per message, shared by the rules and the knowledge retrieval; the rule
        #: book's own embedder when none is given
        self.embedder = embedder or rules.embedder
        self.backend = backend
        self.store = store
        self.hasher = hasher
        self.memory = ConversationMemory(
            max_turns=settings.privacy.memory_turns,
            idle_seconds=settings.privacy.memory_idle_minutes * 60,
            max_conversations=settings.privacy.max_conversations,
        )
        self.observers: list[ReplyObserver] = []
        self.erasers: list[UserEraser] = []

    async def aclose(self) -> None:
        """Stop what the assistant runs in the background: the anonymizer's batch task
        (cancelled, its waiting calls failed) and the LLM backend."""
        await self.anonymizer.aclose()
        if self.backend is not None:
            await self.backend.close()

    # -- the pipeline -----------------------------------------------------------------

    async def answer(self, message: IncomingMessage) -> Reply:
        """The pipeline's reply to one question, timed; without the disclaimer, not counted."""
        timer = _Timer()
        started = time.perf_counter()
        reply = await self._answer(message, timer)
        timings = dict(timer.timings_ms)
        timings[Stage.TOTAL.value] = round((time.perf_counter() - started) * 1000, 3)
        return dataclasses.replace(reply, timings_ms=timings)

    def is_emergency(self, text: str) -> bool:
        """Whether triage flags ``text`` at the emergency level, read as the triage stage
        reads it. Only that level passes the rate limit: an urgent message ("get care today")
        waits like any other, so that the bypass cannot be used to flood the bot."""
        flag = self.triage.assess(normalize_text(text).strip())
        return flag is not None and flag.level == "emergency"

    def is_triaged(self, text: str) -> bool:
        """Whether triage answers ``text`` with fixed guidance, at any level (an emergency,
        or "get care today"): nothing else may answer it first."""
        return self.triage.assess(normalize_text(text).strip()) is not None

    async def account(self, message: IncomingMessage, reply: Reply, *, store: bool = True) -> None:
        """Store the message's row and tell the observers (the conversation service calls it
        for every reply it counts: answers, commands, rate-limit refusals).

        ``store=False`` (after /forget) counts the message in metrics without writing a row
        that would outlive the user's request to be forgotten.
        """
        if store:
            self._record(message, reply)
        self._notify(message, reply)

    def _notify(self, message: IncomingMessage, reply: Reply) -> None:
        for observer in self.observers:
            try:
                observer(message, reply)
            except Exception as exc:  # an observer bug must not cost the patient a reply
                log.error("reply observer failed: %s", type(exc).__name__)

    async def _answer(self, message: IncomingMessage, timer: _Timer) -> Reply:
        # Invisible and look-alike characters must not hide words from any stage.
        text = normalize_text(message.text).strip()
        if not text:
            return Reply(EMPTY_MESSAGE_REPLY, Source.FALLBACK)
        key = message.conversation_key
        limit = self.settings.privacy.max_message_chars
        if len(text) > limit:
            # Too long to anonymize and answer, but a red flag in it is still answered.
            # In a thread: triage over a long text takes a while (0.3 s for 64 KB).
            with timer.stage(Stage.TRIAGE):
                flag = await asyncio.to_thread(self.triage.assess, text)
            if flag is not None:
                return self._triage_reply(flag)
            return Reply(TOO_LONG_REPLY.format(length=len(text), limit=limit), Source.FALLBACK)

        conversation = self.memory.get(key)
        with timer.stage(Stage.ANONYMIZE):
            try:
                # Off the event loop, batched with the messages that arrive with it.
                anonymized = await self.anonymizer.anonymize_async(text, conversation.vault)
            except Exception as exc:  # nothing unredacted may go further
                log.error("anonymization failed: %s", type(exc).__name__)
                return Reply(INTERNAL_ERROR_REPLY, Source.FALLBACK)
        safe_text = anonymized.text

        # Triage reads the raw text in-process: a mis-tagged span must never hide a red flag.
        with timer.stage(Stage.TRIAGE):
            flag = self.triage.assess(text)
        # One vector per message, on the anonymized question without the greetings and
        # introductions that open it (a heavy model off the loop). After triage, so that an
        # emergency's fixed guidance never waits for it, but for a short question whose flag
        # the acuity model may stand down.
        question = question_part(safe_text)
        embedded: Embedded | None = None
        safety_net = ""
        if flag is not None and self.acuity is not None:
            stands_down, embedded = await self._stands_down(self.acuity, flag, question, timer)
            if stands_down:
                log.info("red flag %s stood down for a general question", flag.flag_id)
                safety_net = self.triage.safety_net(self.settings.triage.emergency_number)
                flag = None
        if flag is not None and flag.level == "urgent" and self.acuity is not None:
            # not embedded yet: only an emergency flag is checked for a general question
            embedded = await self._embed(question, timer)
            with timer.stage(Stage.TRIAGE):
                flag = self._raised(self.acuity, flag, embedded)
        if flag is not None and flag.level == "emergency" and self.report is not None:
            with timer.stage(Stage.TRIAGE):
                flag = self._reviewed(self.report, flag, safe_text)
        if flag is not None:
            reply = self._triage_reply(flag, safe_text)
            self.memory.append(key, safe_text, reply.text)
            return reply
        if embedded is None:
            embedded = await self._embed(question, timer)

        # a question that stood down was just read as far from acute: no second reading
        if self.acuity is not None and not safety_net:
            with timer.stage(Stage.TRIAGE):
                flag = self._acuity_triage(self.acuity, embedded)
            if flag is not None:
                reply = self._triage_reply(flag, safe_text)
                self.memory.append(key, safe_text, reply.text)
                return reply

        reply = await self._answer_question(key, conversation, safe_text, embedded, timer)
        if safety_net:
            reply = dataclasses.replace(reply, text=f"{safety_net}\n\n{reply.text}")
        return reply

    async def _embed(self, question: str, timer: _Timer) -> Embedded:
        with timer.stage(Stage.EMBED):
            try:
                vector = await self.embedder.encode_one_async(question)
            except Exception as exc:  # the rules then give no answer; the LLM still can
                log.error("embedding failed: %s", type(exc).__name__)
                vector = None
        return Embedded(question, vector)

    async def _answer_question(
        self,
        key: ConversationKey,
        conversation: Conversation,
        safe_text: str,
        embedded: Embedded,
        timer: _Timer,
    ) -> Reply:
        """The rules' or the grounded LLM's answer to a message triage left to them."""
        question = embedded.text
        with timer.stage(Stage.RULES):
            floor = rule_floor(self.settings.llm.rule_threshold)
            match = (
                None
                if embedded.vector is None
                else self.rules.match(question, embedded.vector, at_least=floor)
            )
        if match is not None and rule_answers(match, self.settings.llm.rule_threshold):
            self.memory.append(key, safe_text, match.answer)
            return Reply(match.answer, Source.RULE, intent=match.rule_id, anonymized=safe_text)

        settings = self.settings.llm
        if self.responder is None:
            return Reply(
                settings.fallback_reply,
                Source.FALLBACK,
                anonymized=safe_text,
                unanswered=Unanswered.NO_PASSAGE,
            )
        vector = embedded.vector
        retriever = self.responder.index.embedder
        if retriever is not self.embedder:
            # Retrieval reads its own, stronger model (knowledge.embedder); counted as embed.
            started = time.perf_counter()
            try:
                vector = await retriever.encode_one_async(question)
            except Exception as exc:  # no passage then: the honest pointer
                log.error("retrieval embedding failed: %s", type(exc).__name__)
                vector = None
            spent = round((time.perf_counter() - started) * 1000, 3)
            key_ms = Stage.EMBED.value
            timer.timings_ms[key_ms] = round(timer.timings_ms.get(key_ms, 0.0) + spent, 3)
        can_generate = settings.enabled and self.backend is not None
        grounded = await self.responder.respond(
            safe_text,
            vector,
            self._generate if can_generate else None,
            max_tokens=settings.max_tokens,
            temperature=settings.temperature,
            model=self.backend.model if self.backend is not None else None,
        )
        timer.timings_ms.update(grounded.timings_ms)
        self.memory.append(key, safe_text, grounded.memory_text)
        return Reply(
            restore(grounded.text, conversation.vault),
            grounded.source,
            intent=grounded.topic_id,
            anonymized=safe_text,
            llm=grounded.usage,
            unanswered=grounded.unanswered,
        )

    async def _stands_down(
        self, acuity: AcuityModel, flag: TriageResult, question: str, timer: _Timer
    ) -> tuple[bool, Embedded | None]:
        """Whether the acuity model stands ``flag`` down for a general question, and the
        question's embedding when the checks that need no vector passed (only then is it
        embedded, so that an emergency reply to a report never waits for a vector). A failure
        keeps the flag (the emergency reply), logged."""
        triage = self.triage
        embedded = None
        try:
            if acuity.may_be_general_question(
                flag, question, triage.self_harm_category, triage.reader.happening_now
            ):
                embedded = await self._embed(question, timer)
                with timer.stage(Stage.TRIAGE):
                    # in a thread: it may embed the question's parts
                    stands_down = await asyncio.to_thread(
                        acuity.reads_as_general, question, embedded.vector
                    )
                return stands_down, embedded
        except Exception as exc:
            log.error("acuity model failed: %s", type(exc).__name__)
        return False, embedded

    def _raised(self, acuity: AcuityModel, flag: TriageResult, embedded: Embedded) -> TriageResult:
        """The urgent ``flag``, or the model's emergency reading that raises it; a failure
        keeps the flag, logged."""
        try:
            raised = acuity.raises_urgent_flag(
                flag, embedded.text, embedded.vector, self.triage.self_harm_category
            )
        except Exception as exc:  # the flag's own reply still goes out
            log.error("acuity model failed: %s", type(exc).__name__)
            return flag
        if raised is None:
            return flag
        log.info("urgent red flag %s raised to emergency by the acuity model", flag.flag_id)
        return raised

    def _reviewed(self, report: ReportReader, flag: TriageResult, safe_text: str) -> TriageResult:
        """The report reader's review of an emergency ``flag``; a failure keeps the flag."""
        try:
            reviewed = report.review(flag, safe_text, self.triage.self_harm_category)
        except Exception as exc:
            log.error("report reader failed: %s", type(exc).__name__)
            return flag
        if reviewed.unsure:
            log.info("emergency red flag %s read as unsure by the report reader", flag.flag_id)
        return reviewed

    @staticmethod
    def _acuity_triage(acuity: AcuityModel, embedded: Embedded) -> TriageResult | None:
        """The acuity model's reading of the question; a failure lets it go on, logged."""
        try:
            return acuity.assess(embedded.text, embedded.vector)
        except Exception as exc:  # the rules and the LLM still answer; the flags already ran
            log.error("acuity model failed: %s", type(exc).__name__)
            return None

    def _triage_reply(self, flag: TriageResult, safe_text: str = "") -> Reply:
        """The fixed guidance for a red flag (never the LLM's)."""
        triage = self.settings.triage
        guidance = self.triage.reply_for(
            flag, triage.emergency_number, triage.crisis_line, triage.urgent_contact
        )
        source = Source.EMERGENCY if flag.level == "emergency" else Source.URGENT
        return Reply(
            guidance, source, category=flag.category, level=flag.level, anonymized=safe_text
        )

    async def _generate(
        self, messages: tuple[ChatTurn, ...], max_tokens: int, temperature: float
    ) -> tuple[str | None, LLMUsage | None]:
        """One generation with failures mapped to (None, usage with the error kind)."""
        settings = self.settings.llm
        backend = self.backend
        if backend is None:
            return None, None
        request = GenerationRequest(
            messages=messages,
            max_tokens=max_tokens,
            temperature=temperature,
            timeout_s=settings.timeout_s,
        )
        started = time.perf_counter()
        try:
            # The backend owns the deadline (request.timeout_s) and maps every failure,
            # its own bugs included, to BackendError.
            result = await backend.generate(request)
        except BackendError as exc:
            error = exc.kind
        else:
            usage = LLMUsage(
                backend=backend.name,
                model=backend.model,
                prompt_tokens=result.prompt_tokens,
                completion_tokens=result.completion_tokens,
                total_ms=result.total_ms,
                ttft_ms=result.ttft_ms,
                batch_size=result.batch_size,
            )
            if result.text.strip():
                return result.text.strip(), usage
            return None, dataclasses.replace(usage, error="empty")
        elapsed = (time.perf_counter() - started) * 1000
        log.warning("LLM generation failed: backend=%s error=%s", backend.name, error)
        return None, LLMUsage(
            backend=backend.name, model=backend.model, total_ms=elapsed, error=error
        )

    # -- conversation controls ----------------------------------------------------------

    def new_conversation(self, message: IncomingMessage) -> bool:
        """/new: forget this chat's memory and placeholders."""
        return self.memory.clear(message.conversation_key)

    async def forget_user(self, platform: str, user_id: str) -> tuple[int, int]:
        """/forget: drop the user's memory and stored rows; returns (conversations, rows)."""
        conversations = self.memory.clear_user(platform, user_id)
        rows = 0
        for eraser in self.erasers:
            rows += await eraser(platform, user_id)
        if self.store is not None and self.hasher is not None:
            rows += await self.store.delete_user(self.hasher(platform, user_id))
        return conversations, rows

    def user_hash(self, platform: str, user_id: str) -> str | None:
        return self.hasher(platform, user_id) if self.hasher is not None else None

    def _record(self, message: IncomingMessage, reply: Reply) -> None:
        if self.store is None or self.hasher is None:
            return
        user_hash = self.hasher(message.platform, message.user_id)
        record = MessageRecord.for_reply(message.platform, user_hash, reply)
        self.store.record_later(record)
