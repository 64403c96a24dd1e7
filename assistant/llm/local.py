"""The local backend (``llm.use_api: false``): one shared model in this process.

``llm.model_name`` is loaded with the engine that suits it (``llm.engine: auto``):
llama.cpp for GGUF files and the bundled model, transformers for hub ids, folders and PEFT
adapters. When the model cannot be loaded (offline, a typo), one log line says why and
``llm.fallback_model`` is loaded instead; with no fallback, start-up stops with that line.
"""

from __future__ import annotations

import asyncio
import importlib.util
import logging
import time
from collections.abc import Hashable, Sequence
from typing import Protocol

from assistant.errors import BackendError, BackendUnavailableError, ConfigError
from assistant.llm.base import GenerationRequest, GenerationResult, LLMBackend
from assistant.llm.models import ModelKind, ModelSpec, resolve_model, short_reason
from assistant.llm.prompt import ChatTemplate
from assistant.llm.scheduler import BatchScheduler, Job
from assistant.settings import LLMSettings

log = logging.getLogger(__name__)


class LocalEngine(Protocol):
    """What the backend needs from an engine (transformers_engine, llamacpp_engine)."""

    name: str
    spec: ModelSpec
    max_batch_size: int
    context_window: int

    @property
    def template(self) -> ChatTemplate | None: ...

    def init_thread(self) -> None: ...
    def load(self) -> None: ...
    def batch_key(self, job: Job) -> Hashable: ...
    def count_tokens(self, text: str) -> int: ...
    def render(self, job: Job) -> str: ...
    def run_batch(self, jobs: Sequence[Job], prompts: Sequence[str]) -> None: ...
    def close(self) -> None: ...


def llama_cpp_installed() -> bool:
    return importlib.util.find_spec("llama_cpp") is not None


class _LoadFailedError(Exception):
    """The model could not be loaded; the fallback model may be."""


def choose_engine(spec: ModelSpec, engine: str) -> str:
    """``llm.engine`` resolved for this model: "llama_cpp" or "transformers"."""
    is_gguf = spec.kind is ModelKind.GGUF
    if engine == "llama_cpp":
        if not is_gguf:
            raise ConfigError(
                f"llm.engine: llama_cpp needs a .gguf model, and {spec.name!r} is a "
                f"{spec.kind.value}; use engine: auto or transformers"
            )
        if not llama_cpp_installed():
            raise ConfigError(
                "llm.engine: llama_cpp needs llama-cpp-python (make install, or "
                "pip install 'llama-cpp-python[server]'); or set engine: transformers"
            )
        return "llama_cpp"
    if engine == "transformers" or not is_gguf:
        return "transformers"
    if llama_cpp_installed():
        return "llama_cpp"
    log.warning(
        "llama-cpp-python is not installed: loading %s with transformers (gguf_file=), "
        "which is about 4x slower and larger on a CPU",
        spec.label,
    )
    return "transformers"


def make_engine(spec: ModelSpec, settings: LLMSettings) -> LocalEngine:
    if choose_engine(spec, settings.engine) == "llama_cpp":
        from assistant.llm.llamacpp_engine import LlamaCppEngine

        return LlamaCppEngine(spec, settings)
    from assistant.llm.transformers_engine import TransformersEngine

    return TransformersEngine(spec, settings)


def _check_settings(settings: LLMSettings) -> None:
    """Mistakes that no fallback model can fix stop start-up at once."""
    if settings.quantization != "none":
        import torch

        if not torch.cuda.is_available():
            raise ConfigError(
                f"llm.quantization={settings.quantization} needs a CUDA GPU (bitsandbytes); on "
                "this CPU-only machine set llm.quantization: none, or use a GGUF model"
            )


class LocalBackend(LLMBackend):
    name = "local"

    def __init__(self, settings: LLMSettings) -> None:
        super().__init__(settings)
        self._engine: LocalEngine | None = None
        self._scheduler: BatchScheduler | None = None
        self._model_name = settings.model_name
        self._fell_back = False

    # -- lifecycle ----------------------------------------------------------------------

    @property
    def model(self) -> str:
        return self._model_name

    @property
    def engine_name(self) -> str | None:
        return self._engine.name if self._engine is not None else None

    @property
    def engine(self) -> LocalEngine | None:
        """The loaded engine (for the benchmark, which compares it with the raw library)."""
        return self._engine

    async def start(self) -> None:
        if self._scheduler is not None:
            return
        settings = self.settings
        _check_settings(settings)
        try:
            engine = await asyncio.to_thread(self._load, settings.model_name)
        except _LoadFailedError as exc:
            reason = str(exc)
            fallback = settings.fallback_model
            if not fallback or fallback == settings.model_name:
                raise ConfigError(
                    f"cannot load LLM model {settings.model_name!r} ({reason}) and "
                    "llm.fallback_model is off: fix llm.model_name, or set llm.fallback_model "
                    "(for example bundled:smollm2)"
                ) from exc.__cause__
            log.warning(
                "cannot load LLM model %r (%s); using fallback model %r instead",
                settings.model_name,
                reason,
                fallback,
            )
            try:
                engine = await asyncio.to_thread(self._load, fallback)
            except _LoadFailedError as fb_exc:
                raise ConfigError(
                    f"cannot load LLM model {settings.model_name!r} ({reason}) nor "
                    f"llm.fallback_model {fallback!r} ({fb_exc})"
                ) from fb_exc.__cause__
            self._fell_back = True
        self._engine = engine
        self._model_name = engine.spec.name
        max_batch = min(engine.max_batch_size, settings.max_batch_size)
        self._scheduler = BatchScheduler(
            self._run_batch,
            max_batch_size=max_batch,
            batch_key=engine.batch_key,
            thread_initializer=engine.init_thread,
            name=f"llm-{engine.name}",
        )

    def _load(self, name: str) -> LocalEngine:
        try:
            spec = resolve_model(name)
        except ConfigError as exc:
            raise _LoadFailedError(str(exc)) from exc
        engine = make_engine(spec, self.settings)  # ConfigError here is not a load failure
        try:
            engine.load()
        except ConfigError:
            raise
        except Exception as exc:  # any library error: offline, missing files, bad weights
            engine.close()
            raise _LoadFailedError(short_reason(exc)) from exc
        return engine

    async def close(self) -> None:
        scheduler, engine = self._scheduler, self._engine
        self._scheduler = None
        if scheduler is not None:
            await scheduler.close()
        if engine is not None:
            await asyncio.to_thread(engine.close)
            self._engine = None

    def is_ready(self) -> bool:
        return self._scheduler is not None

    def stats(self) -> dict[str, float]:
        scheduler = self._scheduler
        if scheduler is None:
            return {"loaded": 0.0}
        counters = dict(scheduler.counters)
        counters.update(
            loaded=1.0,
            fell_back=float(self._fell_back),
            queue_depth=float(scheduler.queue_depth),
            busy=float(scheduler.busy),
        )
        return counters

    # -- generation ---------------------------------------------------------------------

    def _template_stop(self) -> tuple[str, ...]:
        engine = self._engine
        return tuple(getattr(engine.template, "stop", ())) if engine is not None else ()

    def _model_stop(self) -> tuple[str, ...]:
        engine = self._engine
        return engine.spec.default_stop if engine is not None else ()

    def _log_details(self) -> str:
        return f"engine={self.engine_name or '-'}"

    async def _generate(self, request: GenerationRequest, deadline: float) -> GenerationResult:
        scheduler, engine = self._scheduler, self._engine
        if scheduler is None or engine is None:
            raise BackendUnavailableError("the local model is not loaded", kind="not_ready")
        job = Job(
            messages=request.messages,
            max_tokens=request.max_tokens,
            temperature=request.temperature,
            stop=request.stop,
            deadline=deadline,
        )
        await scheduler.submit(job)
        if job.finish_reason == "too_long":
            raise BackendError(
                f"the prompt does not fit the model's {engine.context_window}-token context",
                kind="prompt_too_long",
            )
        if job.finish_reason == "dropped":
            raise BackendError("local model passed the deadline", kind="timeout")
        return GenerationResult(
            text=job.text,
            prompt_tokens=job.prompt_tokens,
            completion_tokens=job.completion_tokens,
            total_ms=(time.monotonic() - job.submitted) * 1000,
            ttft_ms=_ms(job.first_token_at, job.submitted),
            batch_size=job.batch_size,
            extra={"queue_ms": _ms(job.started, job.submitted) or 0.0},
        )

    def _run_batch(self, jobs: Sequence[Job]) -> None:
        """In the engine's thread: fit each prompt into the context, then generate."""
        engine = self._engine
        assert engine is not None
        live: list[Job] = []
        prompts: list[str] = []
        for job in jobs:
            if job.should_stop():
                job.finish_reason = "dropped"
                continue
            prompt = self._fit(engine, job)
            if prompt is None:
                job.finish_reason = "too_long"
                continue
            live.append(job)
            prompts.append(prompt)
        if live:
            engine.run_batch(live, prompts)

    def _fit(self, engine: LocalEngine, job: Job) -> str | None:
        """The rendered prompt, dropping the oldest memory turns until it fits the context."""
        while True:
            prompt = engine.render(job)
            if engine.count_tokens(prompt) + job.max_tokens <= engine.context_window:
                return prompt
            turns = list(job.messages)
            memory = [i for i, t in enumerate(turns[:-1]) if t.role != "system"]
            if not memory:
                return None
            drop = set(memory[:2])  # one user turn and its answer
            job.messages = tuple(t for i, t in enumerate(turns) if i not in drop)


def _ms(end: float | None, start: float) -> float | None:
    return None if end is None else round((end - start) * 1000, 3)
