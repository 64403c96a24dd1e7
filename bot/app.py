"""Wiring: build the assistant from config, start the adapters, own the shutdown."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from adapters.base import Adapter, AdapterContext
from adapters.registry import create_adapter
from adapters.registry import enabled_adapters as enabled_in
from assistant.acuity import AcuityModel, create_acuity_model
from assistant.anonymizer import Anonymizer
from assistant.commands import CommandRegistry
from assistant.conversation import ConversationService
from assistant.embeddings import Embedder, create_embedder
from assistant.errors import AdapterError
from assistant.grounding import GroundedResponder
from assistant.handoff.ports import PatientRelay
from assistant.handoff.service import Handoff
from assistant.hashing import UserHasher
from assistant.intake import Intake, derive_key
from assistant.keys import PrivacyKey, open_privacy_key
from assistant.llm.registry import backend_name_for, create_backend
from assistant.messages import Delivery, Reply, Response
from assistant.pipeline import Assistant, PipelineSettings
from assistant.report import ReportReader, create_report_reader
from assistant.rules import RuleBook
from assistant.settings import ConversationSettings
from assistant.storage import Store
from assistant.triage import Triage
from bot.config import AppConfig
from bot.logging_setup import log_reply
from bot.metrics import Metrics
from bot.monitoring import MonitoringServer, build_health_check
from bot.retention import RetentionTask
from bot.stats_commands import make_stats_provider

log = logging.getLogger(__name__)


def enabled_adapters(config: AppConfig, environ: Mapping[str, str] | None = None) -> list[str]:
    """The adapters ``run`` starts: walks the adapter registry (adapters.registry)."""
    return enabled_in(config.adapters, os.environ if environ is None else environ)


def build_service(
    config: AppConfig, assistant: Assistant, commands: CommandRegistry | None = None
) -> ConversationService:
    """The one message path, with every adapter's rate limit and the /stats report."""
    if commands is None:
        store = assistant.store
        commands = CommandRegistry.default(make_stats_provider(store) if store else None)
    settings = ConversationSettings(
        disclaimer=config.disclaimer,
        triage=config.triage,
        privacy=config.privacy,
        storage=config.storage,
        admins=config.admins,
        rate_limits={name: s.rate_limit for name, s in config.adapters.items()},
    )
    return ConversationService(assistant, settings, commands)


class AdapterRelay(PatientRelay):
    """The handoff's way to a patient: the running adapter of their platform."""

    def __init__(self, adapters: list[Adapter[Any]]) -> None:
        self._by_name = {adapter.name: adapter for adapter in adapters}

    async def deliver(self, platform: str, chat_id: str, reply: Reply, key: str) -> Delivery:
        adapter = self._by_name.get(platform)
        if adapter is None:
            return Delivery.UNAVAILABLE  # kept until a run with that platform
        return await adapter.deliver(chat_id, Response(reply), key=key)


def build_handoff(config: AppConfig, service: ConversationService, store: Store) -> Handoff | None:
    """The handoff to clinic staff, joined to ``service`` (None when it is off)."""
    if not config.handoff.enabled:
        return None
    handoff = Handoff(config.handoff, service, store)
    handoff.install()
    return handoff


def build_acuity(config: AppConfig, triage: Triage, embedder: Embedder) -> AcuityModel | None:
    """The triage's learned fallback (None when off), reading the pipeline's message vector
    when it is of the model's kind and the shipped static model's otherwise."""
    settings = config.triage.acuity
    if not settings.enabled:
        return None
    return create_acuity_model(settings, triage.reader.prepare, embedder)


def build_report(config: AppConfig, triage: Triage) -> ReportReader | None:
    """The learned check of emergency flags (None when off), reading what the triage reads."""
    settings = config.triage.report
    if not settings.enabled:
        return None
    return create_report_reader(settings, triage.prepare)


async def build_assistant(
    config: AppConfig,
    *,
    store: Store | None = None,
    anonymizer: Anonymizer | None = None,
    with_llm: bool = True,
    embedder: Embedder | None = None,
    privacy_key: PrivacyKey | None = None,
) -> Assistant:
    """A ready assistant: Presidio loaded, YAML parsed, the LLM backend started. The privacy
    key is opened here unless the caller already holds it."""
    if anonymizer is None:
        # spaCy takes a second or two to load: keep the loop free meanwhile.
        anonymizer = await asyncio.to_thread(
            Anonymizer.from_settings, config.privacy.spacy_model, config.privacy.score_threshold
        )
    # indexing the red flags takes seconds on a first load: off the event loop
    triage = await asyncio.to_thread(Triage.from_file, config.triage.file)
    # one sentence embedder: the pipeline embeds each message once; the rules and the
    # knowledge retrieval read that vector
    if embedder is None:
        embedder = create_embedder(config.embeddings)
    rules = await asyncio.to_thread(RuleBook.from_file, config.rules.file, embedder)
    acuity = await asyncio.to_thread(build_acuity, config, triage, embedder)
    report = await asyncio.to_thread(build_report, config, triage)
    responder, _ = await asyncio.to_thread(build_responder, config, embedder)
    hasher = None
    if store is not None:
        hasher = UserHasher(privacy_key or await open_privacy_key(config.privacy, store))
    backend = None
    if with_llm and config.llm.enabled:
        backend = create_backend(backend_name_for(config.llm), config.llm)
        await backend.start()
    assistant = Assistant(
        settings=PipelineSettings(
            llm=config.llm,
            privacy=config.privacy,
            triage=config.triage,
        ),
        anonymizer=anonymizer,
        triage=triage,
        rules=rules,
        embedder=embedder,
        backend=backend,
        store=store,
        hasher=hasher,
        responder=responder,
        acuity=acuity,
        report=report,
    )
    assistant.observers.append(
        lambda message, reply: log_reply(
            assistant.user_hash(message.platform, message.user_id), message, reply
        )
    )
    return assistant


def build_responder(
    config: AppConfig, embedder: Embedder | None = None
) -> tuple[GroundedResponder, Embedder]:
    """The grounded-answer stage (knowledge base, index, checks) and retrieval's embedder:
    ``embedder`` (the message's) unless ``knowledge.embedder`` names another.

    Seconds with the transformer embedder (its weights; the topics' vectors are cached).
    """
    if embedder is None:
        embedder = create_embedder(config.embeddings)
    wanted = config.knowledge.embedder
    if wanted is not None and wanted != embedder.name:
        # retrieval reads its own model (knowledge.embedder); the rules keep the message's
        embedder = create_embedder(config.embeddings.model_copy(update={"backend": wanted}))
    embedder.load()
    # The answer check compares an answer with its question: the static model does that in
    # well under a millisecond, whichever embedder reads the messages.
    check_embedder = (
        embedder
        if embedder.name == "static"
        else create_embedder(config.embeddings.model_copy(update={"backend": "static"}))
    )
    responder = GroundedResponder.from_settings(
        config.knowledge,
        config.answer_check,
        embedder,
        emergency_number=config.triage.emergency_number,
        system_prompt=config.llm.system_prompt,
        check_embedder=check_embedder,
    )
    return responder, embedder


@dataclass
class App:
    """Everything one running bot owns, started and stopped in one event loop."""

    config: AppConfig
    store: Store
    service: ConversationService
    metrics: Metrics
    retention: RetentionTask
    intake: Intake
    adapters: list[Adapter[Any]] = field(default_factory=list)
    handoff: Handoff | None = None
    monitoring: MonitoringServer | None = None
    shutdown: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def assistant(self) -> Assistant:
        return self.service.assistant

    @classmethod
    async def create(
        cls,
        config: AppConfig,
        adapter_names: list[str] | None = None,
        *,
        anonymizer: Anonymizer | None = None,
    ) -> App:
        store = Store(config.storage.path)
        await store.open()
        try:
            # one key kept apart from the database: user hashes, and a subkey seals pending texts
            privacy_key = await open_privacy_key(config.privacy, store)
            intake = Intake(store, derive_key(privacy_key.derive("intake")))
            await intake.purge()
            assistant = await build_assistant(
                config, store=store, anonymizer=anonymizer, privacy_key=privacy_key
            )
            if anonymizer is None and config.privacy.anonymizer_processes:
                # They load in the background; until then every batch runs in-process.
                assistant.anonymizer.start_workers(
                    config.privacy.anonymizer_processes, config.privacy.spacy_model
                )
        except BaseException:
            await store.close()
            raise
        service = build_service(config, assistant)
        handoff = build_handoff(config, service, store)
        app = cls(
            config=config,
            store=store,
            service=service,
            metrics=Metrics(assistant, service.commands.names(), handoff=handoff),
            retention=RetentionTask(store, config.storage.retention_days),
            intake=intake,
            handoff=handoff,
        )
        names = enabled_adapters(config) if adapter_names is None else adapter_names
        for name in names:
            context = AdapterContext(
                service=app.service,
                settings=config.adapters.get(name),
                store=store,
                request_shutdown=app.shutdown.set,
                intake=intake,
            )
            app.adapters.append(create_adapter(name, context))
        if handoff is not None:
            handoff.set_relay(AdapterRelay(app.adapters))
            await handoff.load()  # before any adapter hands in a message
        if config.monitoring.enabled:
            app.monitoring = MonitoringServer(
                config.monitoring, app.metrics, build_health_check(assistant, app.adapters)
            )
        return app

    async def start(self) -> None:
        await self.retention.start()  # purges expired rows now, then daily
        if self.monitoring is not None:
            await self.monitoring.start()
        started: list[Adapter[Any]] = []
        for adapter in self.adapters:
            try:
                await adapter.start()
            except AdapterError as exc:
                log.error("adapter %s failed to start: %s", adapter.name, exc)
                continue
            started.append(adapter)
            log.info("adapter %s started", adapter.name)
        if not started:
            raise AdapterError("no adapter could start")
        if self.handoff is not None:
            await self.handoff.start()  # relays, once the adapters can send

    async def stop(self) -> None:
        if self.monitoring is not None:
            await self.monitoring.stop()
        if self.handoff is not None:
            await self.handoff.stop()  # before the adapters it sends through
        for adapter in reversed(self.adapters):
            try:
                await adapter.stop()
            except Exception as exc:  # keep stopping the others
                log.error("adapter %s failed to stop cleanly: %s", adapter.name, type(exc).__name__)
        await self.retention.stop()
        self.metrics.close()
        await self.assistant.aclose()
        await self.store.close()


async def run(config: AppConfig) -> None:
    """Start everything, wait for Ctrl-C, SIGTERM or the console's end, then stop."""
    app = await App.create(config)
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, app.shutdown.set)
    try:
        await app.start()
        await app.shutdown.wait()
        log.info("shutting down")
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(signum)
        await app.stop()
