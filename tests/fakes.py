"""The test doubles, one of each, shared by every test. Real subclasses of the project's
base classes (no MagicMock), used only where nothing real can do the job:

- :class:`FakeBackend` stands in for the language model where a test needs exact model
  output (a placeholder repeated verbatim, fixed token counts, a failure or a hang on cue)
  or a set delay; a real model gives none of these. The real backends (SmolLM2 in process,
  a llama.cpp server) are tested in ``test_llm_*``. Like simonw/llm's mock model, it answers
  what was ``enqueue()``-d, in order, and keeps every request in ``history``.
- :class:`SwitchAdapter` stands in for a platform adapter where only ``is_connected()`` is
  read (/healthz); the real adapters are tested against real servers.
- :class:`GatedAnonymizer` is the real anonymizer whose batches wait for a gate, so that a
  test can hold one in flight (shutdown while spaCy runs); no real input is slow on cue.
- :class:`RecordingLane` is a spare lane of the batcher that runs in-process and records
  each batch, so that the batcher's choice of lane is checked exactly; the real worker
  process is tested in ``test_anonymizer_workers``.
- :class:`Chat` drives the real conversation service the way an adapter does, for tests
  that have no platform (commands, metrics, /stats, privacy).
- :class:`CountingEmbedder` is not a fake: it wraps a real embedder and counts its calls, so
  tests can prove a message is embedded once and cached topic vectors are not recomputed.
- :class:`FakeStaffRoom` and :class:`FakeRelay` stand in for the handoff's two ports (the
  Matrix staff room, the adapters' delivery to patients) in the table-driven tests of the
  core's case flow, which must run without a network and cover faults on cue (a homeserver
  that is down, a patient who blocked the bot). The real ports are tested against Synapse
  and the Bot API emulator in ``test_handoff_live``.
- :class:`FixedAcuity` is an acuity model that gives a set probability (or fails on cue), so
  that the policy around it (thresholds, levels, a failing model) is checked exactly; the
  real model's readings are tested in ``test_acuity``.
- :class:`FixedReport` is a report reader that gives a set probability (or fails on cue), for
  the same reason; the shipped reader's readings are tested in ``test_report``.
"""

from __future__ import annotations

import asyncio
import dataclasses
import re
import threading
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from adapters.base import Adapter, AdapterContext
from assistant.acuity import AcuityModel
from assistant.anonymizer import AnonymizedText, Anonymizer
from assistant.conversation import ConversationService
from assistant.embeddings import Embedder
from assistant.errors import BackendError
from assistant.handoff.ports import PatientRelay, StaffChannel
from assistant.llm.base import GenerationRequest, GenerationResult, LLMBackend
from assistant.messages import Command, Delivery, IncomingMessage, Reply, Response
from assistant.pipeline import Assistant
from assistant.placeholders import PlaceholderVault
from assistant.report import ReportReader
from assistant.settings import AcuitySettings, ReportSettings
from bot.app import build_service
from bot.config import AppConfig

_PLACEHOLDER = re.compile(r"<[A-Z_]+_\d+>")
DEFAULT_ANSWER = "Thanks {names}, here is some general advice."


@dataclass(frozen=True)
class Fail:
    """A step that raises BackendError with this ``kind`` ("http_500", "timeout", ...)."""

    kind: str


@dataclass(frozen=True)
class Hang:
    """A step that never answers (the backend's deadline has to end it)."""


#: one answer: a text (a template, see FakeBackend), a full result, a failure or a hang
Step = str | GenerationResult | Fail | Hang


class FakeBackend(LLMBackend):
    """Answers the enqueued steps in order, then ``answer`` for every further request.

    A text answer is a template: ``{names}`` becomes the placeholders the model was given
    (joined with "and"; "there" when none), ``{question}`` the anonymized question. Through
    the real template method, so the deadline, stop sequences, log line and error mapping
    are the production ones.
    """

    name = "scripted"

    def __init__(self, *steps: Step, answer: str = DEFAULT_ANSWER, delay_s: float = 0.0) -> None:
        super().__init__()
        self.answer = answer
        self.delay_s = delay_s
        self.history: list[GenerationRequest] = []
        self._queue: deque[Step] = deque(steps)
        # what stats() reports and is_ready() says, set by tests
        self.ready = True
        self.queue_depth = 0.0
        self.current_batch = 0.0

    def enqueue(self, *steps: Step) -> FakeBackend:
        self._queue.extend(steps)
        return self

    @property
    def questions(self) -> list[str]:
        """The last (user) turn of every request, in order."""
        return [request.messages[-1].content for request in self.history]

    @property
    def model(self) -> str:
        return "scripted-model"

    async def start(self) -> None:
        self.ready = True

    async def close(self) -> None:
        self.ready = False

    def is_ready(self) -> bool:
        return self.ready

    def stats(self) -> dict[str, float]:
        return {"queue_depth": self.queue_depth, "batch_size": self.current_batch}

    async def _generate(self, request: GenerationRequest, deadline: float) -> GenerationResult:
        self.history.append(request)
        step = self._queue.popleft() if self._queue else self.answer
        if self.delay_s:
            await asyncio.sleep(self.delay_s)
        if isinstance(step, Hang):
            await asyncio.Event().wait()
        if isinstance(step, Fail):
            raise BackendError("scripted failure", kind=step.kind)
        if isinstance(step, GenerationResult):
            return step
        question = request.messages[-1].content
        names = " and ".join(_PLACEHOLDER.findall(question)) or "there"
        text = str(step).replace("{names}", names).replace("{question}", question)
        return GenerationResult(text, prompt_tokens=12, completion_tokens=5, total_ms=3.0)


class SwitchAdapter(Adapter[None]):
    """An adapter whose connection a test switches on and off; it keeps what it sends."""

    def __init__(self, context: AdapterContext, name: str) -> None:
        super().__init__(context)
        self.name = name
        self.connected = False
        self.sent: list[Response] = []

    async def start(self) -> None:
        self.connected = True

    async def stop(self) -> None:
        self.connected = False

    def is_connected(self) -> bool:
        return self.connected

    async def send(self, origin: None, response: Response) -> bool:
        self.sent.append(response)
        return True

    async def _deliver(self, chat_id: str, response: Response, key: str | None) -> Delivery:
        self.sent.append(response)
        return Delivery.DELIVERED


@dataclass
class Post:
    text: str
    thread: str | None
    reply_to: str | None
    event_id: str


class FakeStaffRoom(StaffChannel):
    """Keeps posts like a homeserver: a repeated transaction id returns the first event
    (so a post repeated after a restart lands once); ``down`` fails every post."""

    def __init__(self) -> None:
        self.posts: list[Post] = []
        self.down = False
        self._by_txn: dict[str, str] = {}

    async def post(
        self, text: str, *, thread: str | None, reply_to: str | None, txn_id: str
    ) -> str | None:
        if self.down:
            return None
        if txn_id in self._by_txn:
            return self._by_txn[txn_id]
        event_id = f"$post{len(self.posts) + 1}"
        self._by_txn[txn_id] = event_id
        self.posts.append(Post(text, thread, reply_to, event_id))
        return event_id

    async def is_own_event(self, event_id: str) -> bool:
        return event_id in self._by_txn.values()

    def in_thread(self, root: str) -> list[str]:
        return [post.text for post in self.posts if post.thread == root]


class FakeRelay(PatientRelay):
    """Delivers to a list; chats in ``blocked`` refuse, and ``down`` fails every send."""

    def __init__(self) -> None:
        self.delivered: list[tuple[str, str, Reply]] = []
        self.blocked: set[str] = set()
        self.down = False

    async def deliver(self, platform: str, chat_id: str, reply: Reply, key: str) -> Delivery:
        if chat_id in self.blocked:
            return Delivery.REFUSED
        if self.down:
            return Delivery.FAILED
        self.delivered.append((platform, chat_id, reply))
        return Delivery.DELIVERED

    def texts_to(self, chat_id: str) -> list[str]:
        return [reply.text for _, chat, reply in self.delivered if chat == chat_id]


class GatedAnonymizer(Anonymizer):
    """The real anonymizer (sharing ``base``'s loaded analyzer); each batch waits for
    ``gate`` in its worker thread, and ``started`` is set once one is running."""

    def __init__(self, base: Anonymizer) -> None:
        super().__init__(base.analyzer, base.score_threshold)
        self.gate = threading.Event()
        self.started = threading.Event()

    def _anonymize_batch(
        self, items: Sequence[tuple[str, PlaceholderVault]]
    ) -> list[AnonymizedText]:
        self.started.set()
        self.gate.wait(10)
        return super()._anonymize_batch(items)


class RecordingLane:
    """A batcher's spare lane (assistant.batching.SpareLane) that doubles each item here."""

    def __init__(self) -> None:
        self.batches: list[list[int]] = []

    def ready(self) -> bool:
        return True

    async def run(self, items: Sequence[int]) -> list[int]:
        self.batches.append(list(items))
        return [item * 2 for item in items]


class Chat:
    """The real conversation service, driven as an adapter drives it."""

    def __init__(self, service: ConversationService) -> None:
        self.service = service

    @classmethod
    def of(cls, assistant: Assistant, config: AppConfig) -> Chat:
        return cls(build_service(config, assistant))

    @property
    def assistant(self) -> Assistant:
        return self.service.assistant

    async def ask(self, message: IncomingMessage) -> Reply:
        """A question through the whole path; the reply as the person would read it."""
        return (await self.service.handle(message)).reply

    async def run(self, name: str, args: Iterable[str], message: IncomingMessage) -> Response:
        """A command, typed the way the message's platform types commands."""
        prefix = "!" if message.platform == "matrix" else "/"
        command = Command(name, tuple(args), prefix)
        return await self.service.handle(dataclasses.replace(message, command=command))

    def use_up_rate_limit(self, platform: str, user_id: str) -> None:
        """Spend the whole burst of a user who has sent nothing yet, so that their next
        messages are refused (the test config's limits barely refill; see app_config)."""
        limiter = self.service.rate_limiter(platform)
        assert limiter is not None, f"{platform} has no rate limit"
        for _ in range(int(limiter.burst)):
            assert limiter.check(user_id).allowed


class CountingEmbedder(Embedder):
    """A real embedder that counts what it is asked to encode.

    Not a fake: every vector comes from the wrapped model. Tests use the counts to prove that
    a message is embedded once and that cached topic vectors are not computed again.
    """

    def __init__(self, inner: Embedder) -> None:
        super().__init__(inner.settings)
        self.inner = inner
        self.name = inner.name  # type: ignore[misc]
        self.calls = 0
        self.texts = 0

    @property
    def dim(self) -> int:
        return self.inner.dim

    @property
    def model(self) -> str:
        return self.inner.model

    @property
    def fingerprint(self) -> str:
        return self.inner.fingerprint

    def _load(self) -> None:
        self.inner.load()

    def _encode(self, texts: list[str]) -> np.ndarray:
        self.calls += 1
        self.texts += len(texts)
        return self.inner.encode(texts)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return super().encode(texts)


class FixedAcuity(AcuityModel):
    """An acuity model whose probabilities (acute, emergency) are set by the test, per text
    with ``parts``; ``fail`` raises instead."""

    name = "fixed"

    def __init__(
        self,
        settings: AcuitySettings,
        prepare: Callable[[str], str],
        probability: float,
        *,
        emergency: float = 0.0,
        fail: bool = False,
        parts: Mapping[str, float] | None = None,
    ) -> None:
        super().__init__(settings, prepare)
        self.fixed = probability
        #: prepared text -> its own acute probability (a part of a message read on its own)
        self.parts = dict(parts or {})
        self.emergency = emergency
        self.fail = fail
        self.texts: list[str] = []

    @property
    def embedder_fingerprint(self) -> str:
        return ""

    def _probabilities(self, prepared: str, vector: np.ndarray | None) -> tuple[float, float]:
        self.texts.append(prepared)
        if self.fail:
            raise RuntimeError("acuity model failed on cue")
        return self.parts.get(prepared, self.fixed), self.emergency


class FixedReport(ReportReader):
    """A report reader whose probability is set by the test; ``fail`` raises instead."""

    name = "fixed"

    def __init__(
        self,
        settings: ReportSettings,
        prepare: Callable[[str], str],
        probability: float,
        *,
        fail: bool = False,
    ) -> None:
        super().__init__(settings, prepare)
        self.fixed = probability
        self.fail = fail
        self.texts: list[str] = []

    def _probability(self, prepared: str) -> float:
        self.texts.append(prepared)
        if self.fail:
            raise RuntimeError("report reader failed on cue")
        return self.fixed
