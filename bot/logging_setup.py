"""Logging: text or JSON lines, no patient text, and no bot token in URLs."""

from __future__ import annotations

import json
import logging
import re
import sys
import time
from typing import Any

from assistant.messages import IncomingMessage, Reply

# Structured fields a log call may attach with ``extra={"fields": {...}}``.
FIELDS_ATTR = "fields"
# Libraries that log request URLs (Telegram's carry the bot token) or chatty internals.
_QUIET_LOGGERS = ("httpx", "httpcore", "telegram.ext.Updater", "nio", "peewee", "urllib3")


#: loggers of this project: they log ids, timings and exception types by rule
OWN_LOGGERS = ("assistant", "adapters", "bot", "healthbot", "__main__")
_CONVERSION = re.compile(r"%(?:\([^)]*\))?[#0 +-]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[diouxXeEfFgGcrsa%]")
_MAX_LIBRARY_CHARS = 200


def _is_own(name: str) -> bool:
    return any(name == own or name.startswith(own + ".") for own in OWN_LOGGERS)


def _without_values(template: str) -> str:
    return _CONVERSION.sub(lambda m: "%" if m.group() == "%%" else "<redacted>", template)


class LibraryRedaction(logging.Filter):
    """A handler filter for other packages' loggers, whose lines may quote what they were given
    (PTB's webhook logs an update it cannot read whole, patient words included, at CRITICAL;
    asyncio quotes an exception's message). Their values become ``<redacted>``: only the
    template's first line is kept, cut to 200 characters. Tracebacks are already reduced to
    the exception type by the formatters."""

    def filter(self, record: logging.LogRecord) -> bool:
        if _is_own(record.name):
            return True
        template = record.msg if isinstance(record.msg, str) else type(record.msg).__name__
        if record.args:
            template = _without_values(template)
        first_line = template.strip().split("\n", 1)[0]
        record.msg = first_line[:_MAX_LIBRARY_CHARS]
        record.args = None
        record.stack_info = None
        return True


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
    handler.addFilter(LibraryRedaction())
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
