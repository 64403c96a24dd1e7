"""The assistant's exception tree.

Every error the project raises on purpose derives from :class:`AssistantError`, so an
adapter can catch one type at its boundary. Library errors are mapped to these where they
cross into our code (``raise ... from exc``), the way python-telegram-bot's request layer
maps httpx errors to ``NetworkError``. Messages never contain patient text.
"""

from __future__ import annotations


class AssistantError(Exception):
    """Base class. Operators see these in logs (type and message, never patient text)."""


class ConfigError(AssistantError):
    """Bad configuration. The operator sees one line at start-up naming the key; the bot stops."""


class InputFileError(ConfigError):
    """A file given to a command (training data, a base model) is missing, empty or malformed.
    The operator sees one line naming the file and, where there is one, the line; nothing is
    written."""


class BackendError(AssistantError):
    """An LLM backend failed (load, network, bad answer, timeout).

    The patient never sees it: the pipeline answers with the configured fallback and counts
    the error. Operators see the type, the backend and the server/status in logs.
    """

    def __init__(self, message: str, *, kind: str = "error") -> None:
        super().__init__(message)
        #: a short, low-cardinality label for metrics and storage ("timeout", "http_500", ...)
        self.kind = kind


class BackendUnavailableError(BackendError):
    """The backend refuses work without trying (circuit open, not loaded). Seen as the fallback."""

    def __init__(self, message: str, *, kind: str = "unavailable") -> None:
        super().__init__(message, kind=kind)


class AnonymizationError(AssistantError):
    """Presidio or spaCy failed. The message is not processed further (nothing unredacted is
    passed on); the patient gets a short apology and operators see the exception type."""


class WorkerUnavailable(AnonymizationError):
    """An anonymizer worker process cannot take a batch (not loaded yet, died, closed).
    Nobody sees it: the batch runs in the bot's own thread instead; operators see one log
    line with the type when a worker stops."""


class StorageError(AssistantError):
    """The SQLite store failed. Operators see it in logs; the patient still gets the reply."""


class AdapterError(AssistantError):
    """A platform adapter could not start or lost its connection for good. Operators see it;
    the process keeps the other adapters running."""
