"""Score the assistant on labelled sets (PII, triage, intents): `python -m bot eval`.

The scoring functions are shared with the test suite so that both apply the same bars.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from assistant.conversation import ConversationService
from assistant.messages import IncomingMessage, Source
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
            # It reached the LLM stage: answered by the LLM or by its fallback.
            if source in {Source.LLM.value, Source.FALLBACK.value}:
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


async def answer_all(service: ConversationService, cases: list[dict[str, Any]]) -> dict[str, Any]:
    replies = {}
    for case in cases:
        message = IncomingMessage(
            platform="eval", chat_id=case["id"], user_id=case["id"], text=case["text"]
        )
        replies[case["id"]] = (await service.handle(message)).reply
    return replies


async def run_eval(config: AppConfig, eval_dir: Path, out: TextIO) -> int:
    service = build_service(config, await build_assistant(config, with_llm=False))
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
    return 0
