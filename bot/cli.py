"""`ask` and `anonymize`: line-oriented interfaces used to evaluate the assistant."""

from __future__ import annotations

import dataclasses
import json
from typing import Any, TextIO

from assistant.anonymizer import Anonymizer
from assistant.answer_check import create_checker
from assistant.knowledge import KnowledgeBase, load_care_pointers
from assistant.messages import IncomingMessage, Reply
from assistant.placeholders import PlaceholderVault
from bot.app import build_assistant, build_service
from bot.config import AppConfig


def reply_to_json(reply: Reply) -> dict[str, Any]:
    return {
        "reply": reply.text,
        "source": reply.source.value,
        "intent": reply.intent,
        "category": reply.category,
        "anonymized": reply.anonymized,
        "timings_ms": reply.timings_ms,
        "llm": dataclasses.asdict(reply.llm) if reply.llm else None,
        "unanswered": reply.unanswered.value if reply.unanswered else None,
    }


async def ask(config: AppConfig, stdin: TextIO, stdout: TextIO, *, as_json: bool) -> int:
    """Answer each input line as its own conversation; one output line per input line."""
    assistant = await build_assistant(config)
    service = build_service(config, assistant)
    try:
        for number, line in enumerate(stdin, start=1):
            text = line.rstrip("\n")
            message = IncomingMessage(
                platform="cli", chat_id=f"ask-{number}", user_id=f"ask-{number}", text=text
            )
            reply = (await service.handle(message)).reply
            if as_json:
                stdout.write(json.dumps(reply_to_json(reply), ensure_ascii=False) + "\n")
            else:
                stdout.write(" ".join(reply.text.split()) + "\n")
            stdout.flush()
    finally:
        await assistant.aclose()
    return 0


def check_data(config: AppConfig) -> str:
    """Validate the vetted data files; raises ConfigError naming the file and the entry."""
    base = KnowledgeBase.from_dir(config.knowledge.dir)
    pointers = load_care_pointers(config.knowledge.care_pointers)
    checks = create_checker(config.answer_check)
    files = len({topic.category for topic in base.topics})
    return (
        f"knowledge: {len(base)} topics in {files} categories OK; "
        f"care pointers: {len(pointers)} OK; answer checks: {', '.join(checks.names)}"
    )


def anonymize(config: AppConfig, stdin: TextIO, stdout: TextIO) -> int:
    anonymizer = Anonymizer.from_settings(
        config.privacy.spacy_model, config.privacy.score_threshold
    )
    for line in stdin:
        result = anonymizer.anonymize(line.rstrip("\n"), PlaceholderVault())
        payload = {
            "anonymized": result.text,
            "entities": [
                {"type": e.entity_type, "start": e.start, "end": e.end, "score": e.score}
                for e in result.entities
            ],
        }
        stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
        stdout.flush()
    return 0
