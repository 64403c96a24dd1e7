"""Logging: text or JSON lines, no patient text, and no bot token in URLs."""

from __future__ import annotations

import json
import logging
import sys
import time
from typing import Any

from assistant.messages import IncomingMessage, Reply

# Structured fields a log call may attach with ``extra={"fields": {...}}``.
FIELDS_ATTR = "fields"
# Libraries that log request URLs (Telegram's carry the bot token) or chatty internals.
_QUIET_LOGGERS = ("httpx", "httpcore", "telegram.ext.Updater", "nio", "peewee", "urllib3")


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        payload: dict[str, Any] = {
            "ts": round(record.created, 3),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        fields = getattr(record, FIELDS_ATTR, None)
        if isinstance(fields, dict):
            payload.update(fields)
        if record.exc_info and record.exc_info[0] is not None:
            # The exception type only: messages and tracebacks can quote patient text.
            payload["exc_type"] = record.exc_info[0].__name__
        return json.dumps(payload, default=str)


class TextFormatter(logging.Formatter):
    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        fields = getattr(record, FIELDS_ATTR, None)
        if isinstance(fields, dict):
            line += " " + " ".join(f"{k}={v}" for k, v in fields.items() if v is not None)
        return line

    def formatException(self, ei: Any) -> str:
        return f"{ei[0].__name__} (traceback suppressed: it may quote patient text)"


def configure_logging(level: str = "INFO", fmt: str = "text", stream: Any = None) -> None:
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter() if fmt == "json" else TextFormatter())
    root = logging.getLogger()
    for existing in list(root.handlers):
        root.removeHandler(existing)
    root.addHandler(handler)
    root.setLevel(level)
    for name in _QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)


_message_log = logging.getLogger("healthbot.messages")


def log_reply(hashed_user: str | None, message: IncomingMessage, reply: Reply) -> None:
    """One line per handled message: ids, source and timings, never the text."""
    fields: dict[str, Any] = {
        "platform": message.platform,
        "user": hashed_user,
        "source": reply.source.value,
        "intent": reply.intent,
        "category": reply.category,
        "queue_ms": round((time.time() - message.received_at) * 1000, 1),
    }
    fields.update({f"{stage}_ms": ms for stage, ms in reply.timings_ms.items()})
    if reply.llm is not None:
        fields.update(
            llm_backend=reply.llm.backend,
            llm_model=reply.llm.model,
            prompt_tokens=reply.llm.prompt_tokens,
            completion_tokens=reply.llm.completion_tokens,
            llm_error=reply.llm.error,
        )
    _message_log.info("message handled", extra={FIELDS_ATTR: fields})
