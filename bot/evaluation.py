"""Score the assistant on labelled sets (PII, triage, intents, real questions): `python -m bot eval`.

The scoring functions are shared with the test suite so that both apply the same bars.
Real consumer questions are external data: their text is read from the shared eval folder,
our labels (ids only) from ``tests/data/consumer_labels.jsonl``; see
``tests/data/TRIAGE_LABELS.md``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from assistant.acuity import ACUITY_CATEGORY
from assistant.conversation import ConversationService
from assistant.messages import IncomingMessage, Source
from bot.answer_eval import knowledge_report, split_of
from bot.app import build_assistant, build_service
from bot.config import AppConfig

STRUCTURED_TYPES = frozenset(
    {
        "PHONE_NUMBER",
        "EMAIL_ADDRESS",
        "US_SSN",
        "UK_NHS",
        "MEDICAL_RECORD_NUMBER",
        "CREDIT_CARD",
        "INSURANCE_ID",
    }
)


#: our labelled sets (ids and labels for external data; our own vignettes and messages)
LABEL_DIR = Path(__file__).resolve().parent.parent / "tests" / "data"
LEVELS = ("emergency", "urgent", "not_urgent")


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def value_survives(value: str, anonymized: str) -> bool:
    """True when the value, or (for values with 4+ digits) any run of its digits, survives."""
    if value.casefold() in anonymized.casefold():
        return True
    digits = re.sub(r"\D", "", value)
    if len(digits) < 4:
        return False
    out_digits = re.sub(r"\D", "", anonymized)
    runs = [run for run in re.findall(r"\d+", value) if len(run) >= 3]
    return digits in out_digits or any(run in anonymized for run in runs)


@dataclass
class PiiScore:
    values: int = 0
    removed: int = 0
    structured_leaks: list[str] = field(default_factory=list)
    keep_total: int = 0
    keep_kept: int = 0
    misses: list[str] = field(default_factory=list)
    lost_keep: list[str] = field(default_factory=list)

    @property
    def removal_rate(self) -> float:
        return self.removed / self.values if self.values else 1.0

    @property
    def keep_rate(self) -> float:
        return self.keep_kept / self.keep_total if self.keep_total else 1.0


def score_pii(cases: Iterable[dict[str, Any]], anonymized: dict[str, str]) -> PiiScore:
    score = PiiScore()
    for case in cases:
        output = anonymized[case["id"]]
        for item in case["pii"]:
            score.values += 1
            if value_survives(item["value"], output):
                score.misses.append(f"{case['id']}:{item['type']}")
                if item["type"] in STRUCTURED_TYPES:
                    score.structured_leaks.append(f"{case['id']}:{item['type']}")
            else:
                score.removed += 1
        for word in case.get("keep", []):
            score.keep_total += 1
            if word.casefold() in output.casefold():
                score.keep_kept += 1
            else:
                score.lost_keep.append(f"{case['id']}:{word}")
    return score


@dataclass
class TriageScore:
    emergencies: int = 0
    caught: int = 0
    false_positives: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    wrong_category: list[str] = field(default_factory=list)


def score_triage(cases: Iterable[dict[str, Any]], results: dict[str, Any]) -> TriageScore:
    """``results`` maps case id to a (source, category, reply_text) tuple."""
    score = TriageScore()
    for case in cases:
        source, category, _text = results[case["id"]]
        flagged = source == Source.EMERGENCY.value
        if case["expect"] == "emergency":
            score.emergencies += 1
            if flagged:
                score.caught += 1
            else:
                score.missed.append(case["id"])
            if case.get("category") and category != case["category"]:
                score.wrong_category.append(case["id"])
        elif flagged:
            score.false_positives.append(case["id"])
    return score


@dataclass
class IntentScore:
    covered: int = 0
    hits: int = 0
    misses: list[str] = field(default_factory=list)
    null_total: int = 0
    null_to_llm: int = 0
    null_misrouted: list[str] = field(default_factory=list)

    @property
    def hit_rate(self) -> float:
        return self.hits / self.covered if self.covered else 1.0


def score_intents(cases: Iterable[dict[str, Any]], results: dict[str, Any]) -> IntentScore:
    """``results`` maps case id to (source, intent)."""
    score = IntentScore()
    for case in cases:
        source, intent = results[case["id"]]
        if case["intent"] is None:
            score.null_total += 1
            # It reached the LLM stage: the model, a vetted passage, or the fallback.
            if source in {Source.LLM.value, Source.KNOWLEDGE.value, Source.FALLBACK.value}:
                score.null_to_llm += 1
            else:
                score.null_misrouted.append(f"{case['id']}->{intent or source}")
        else:
            score.covered += 1
            if source == Source.RULE.value and intent == case["intent"]:
                score.hits += 1
            else:
                score.misses.append(f"{case['id']}:{case['intent']}->{intent or source}")
    return score


@dataclass
class LevelScore:
    """Triage levels against labels. ``false_emergencies``: emergency replies to cases
    labelled urgent or not urgent (the issue's false-alarm figure)."""

    emergencies: int = 0
    emergency_replies: int = 0
    emergency_or_urgent: int = 0
    missed: list[str] = field(default_factory=list)
    urgent: int = 0
    urgent_caught: int = 0
    urgent_missed: list[str] = field(default_factory=list)
    non_emergencies: int = 0
    false_emergencies: list[str] = field(default_factory=list)
    not_urgent: int = 0
    over_triaged: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.emergency_replies / self.emergencies if self.emergencies else 1.0

    @property
    def any_level_recall(self) -> float:
        return self.emergency_or_urgent / self.emergencies if self.emergencies else 1.0

    @property
    def false_alarm_rate(self) -> float:
        return len(self.false_emergencies) / self.non_emergencies if self.non_emergencies else 0.0


def score_levels(cases: Iterable[dict[str, Any]], levels: dict[str, str | None]) -> LevelScore:
    """``levels`` maps case id to the reply's triage level (None: not triaged)."""
    score = LevelScore()
    for case in cases:
        got, want = levels[case["id"]], case["level"]
        if want == "emergency":
            score.emergencies += 1
            score.emergency_replies += got == "emergency"
            score.emergency_or_urgent += got is not None
            if got != "emergency":
                score.missed.append(f"{case['id']}->{got or 'none'}")
            continue
        score.non_emergencies += 1
        if got == "emergency":
            score.false_emergencies.append(case["id"])
        if want == "urgent":
            score.urgent += 1
            score.urgent_caught += got is not None
            if got is None:
                score.urgent_missed.append(case["id"])
        else:
            score.not_urgent += 1
            if got is not None:
                score.over_triaged.append(f"{case['id']}->{got}")
    return score


@dataclass
class RuleFitScore:
    """Rule answers against the rules labelled as fitting each question."""

    answers: int = 0
    fitting: int = 0
    wrong: list[str] = field(default_factory=list)
    labelled: int = 0
    labelled_hit: int = 0

    @property
    def precision(self) -> float:
        return self.fitting / self.answers if self.answers else 1.0


def score_rule_fit(cases: Iterable[dict[str, Any]], intents: dict[str, str | None]) -> RuleFitScore:
    """``intents`` maps case id to the rule that answered (None: no rule answered)."""
    score = RuleFitScore()
    for case in cases:
        got, fitting = intents[case["id"]], case["rules"]
        score.labelled += bool(fitting)
        if got is None:
            continue
        score.answers += 1
        if got in fitting:
            score.fitting += 1
            score.labelled_hit += 1
        else:
            score.wrong.append(f"{case['id']}->{got}")
    return score


def consumer_cases(eval_dir: Path) -> list[dict[str, Any]]:
    """Our labels joined to the external questions' text (held in memory only)."""
    source = eval_dir / "external" / "consumer_questions_dev.jsonl"
    texts = {row["id"]: row["text"] for row in load_jsonl(source)}
    return [
        {**label, "text": texts[label["id"]]}
        for label in load_jsonl(LABEL_DIR / "consumer_labels.jsonl")
        if label["id"] in texts
    ]


def format_levels(name: str, score: LevelScore) -> str:
    return (
        f"{name}: emergency replies {score.emergency_replies}/{score.emergencies} "
        f"({score.recall:.1%}), emergency or urgent {score.emergency_or_urgent}/"
        f"{score.emergencies} ({score.any_level_recall:.1%}); urgent caught "
        f"{score.urgent_caught}/{score.urgent}; false emergencies "
        f"{len(score.false_emergencies)}/{score.non_emergencies} ({score.false_alarm_rate:.1%}); "
        f"not-urgent triaged {len(score.over_triaged)}/{score.not_urgent}\n"
        f"  missed: {score.missed or 'none'}\n"
        f"  urgent missed: {score.urgent_missed or 'none'}\n"
        f"  false emergencies: {score.false_emergencies or 'none'}\n"
        f"  not-urgent triaged: {score.over_triaged or 'none'}\n"
    )


def format_rule_fit(name: str, score: RuleFitScore) -> str:
    return (
        f"{name}: rule answers {score.answers}, fitting {score.fitting} "
        f"(precision {score.precision:.1%}); questions with a fitting rule answered by it "
        f"{score.labelled_hit}/{score.labelled}\n  wrong: {score.wrong or 'none'}\n"
    )


async def report_real_data(service: ConversationService, eval_dir: Path, out: TextIO) -> None:
    """Triage levels and rule fit on our labelled real questions, vignettes and messages."""
    sets: list[tuple[str, list[dict[str, Any]]]] = []
    if (eval_dir / "external" / "consumer_questions_dev.jsonl").is_file():
        consumer = consumer_cases(eval_dir)
        for half in ("tune", "check"):
            sets.append(
                (
                    f"consumer questions ({half} half)",
                    [c for c in consumer if split_of(c["id"]) == half],
                )
            )
    else:
        out.write("consumer questions: external data not found; skipped\n")
    sets.append(("our vignettes", load_jsonl(LABEL_DIR / "triage_vignettes.jsonl")))
    sets.append(("our patient messages", load_jsonl(LABEL_DIR / "triage_patient_messages.jsonl")))
    sets.append(("our held-out rounds", load_jsonl(LABEL_DIR / "triage_heldout_rounds.jsonl")))
    sets.append(("our fresh rounds", load_jsonl(LABEL_DIR / "triage_fresh_rounds.jsonl")))
    for name, cases in sets:
        replies = await answer_all(service, cases)
        out.write(
            format_levels(name, score_levels(cases, {k: r.level for k, r in replies.items()}))
        )
        by_model = sorted(k for k, r in replies.items() if r.category == ACUITY_CATEGORY)
        out.write(f"  by the acuity model: {len(by_model)} {by_model or ''}\n")
        if cases and "rules" in cases[0]:
            intents = {k: r.intent if r.source is Source.RULE else None for k, r in replies.items()}
            out.write(format_rule_fit(name, score_rule_fit(cases, intents)))


async def answer_all(service: ConversationService, cases: list[dict[str, Any]]) -> dict[str, Any]:
    replies = {}
    for case in cases:
        message = IncomingMessage(
            platform="eval", chat_id=case["id"], user_id=case["id"], text=case["text"]
        )
        replies[case["id"]] = (await service.handle(message)).reply
    return replies


async def run_eval(config: AppConfig, eval_dir: Path, out: TextIO) -> int:
    assistant = await build_assistant(config, with_llm=False)
    service = build_service(config, assistant)
    pii_cases = load_jsonl(eval_dir / "pii_public.jsonl")
    triage_cases = load_jsonl(eval_dir / "triage_public.jsonl")
    intent_cases = load_jsonl(eval_dir / "intents_public.jsonl")

    pii_replies = await answer_all(service, pii_cases)
    pii = score_pii(pii_cases, {k: r.anonymized or "" for k, r in pii_replies.items()})
    triage_replies = await answer_all(service, triage_cases)
    triage = score_triage(
        triage_cases,
        {k: (r.source.value, r.category, r.text) for k, r in triage_replies.items()},
    )
    intent_replies = await answer_all(service, intent_cases)
    intents = score_intents(
        intent_cases, {k: (r.source.value, r.intent) for k, r in intent_replies.items()}
    )
    disclaimer = config.disclaimer.text.strip()
    all_replies = [*pii_replies.values(), *triage_replies.values(), *intent_replies.values()]
    with_disclaimer = sum(r.text.rstrip().endswith(disclaimer) for r in all_replies)

    out.write(
        f"PII values removed: {pii.removed}/{pii.values} ({pii.removal_rate:.1%}); "
        f"structured leaks: {pii.structured_leaks or 'none'}; misses: {pii.misses or 'none'}\n"
        f"keep words kept: {pii.keep_kept}/{pii.keep_total} ({pii.keep_rate:.1%}); "
        f"lost: {pii.lost_keep or 'none'}\n"
        f"emergencies caught: {triage.caught}/{triage.emergencies}; "
        f"false positives: {triage.false_positives or 'none'}; "
        f"wrong category: {triage.wrong_category or 'none'}\n"
        f"intents hit: {intents.hits}/{intents.covered} ({intents.hit_rate:.1%}); "
        f"misses: {intents.misses or 'none'}; null to LLM stage: "
        f"{intents.null_to_llm}/{intents.null_total} {intents.null_misrouted or ''}\n"
        f"replies with the disclaimer: {with_disclaimer}/{len(all_replies)}\n"
    )
    await report_real_data(service, eval_dir, out)
    out.write(knowledge_report(assistant, config.knowledge.dir, eval_dir))
    return 0
