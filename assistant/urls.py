"""URLs as operators may see them: credentials inside a URL never reach a log or an error."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit


def mask_url_credentials(text: str) -> str:
    """``https://user:pass@host/v1`` -> ``https://***@host/v1``; other text unchanged."""
    if "@" not in text or "://" not in text:
        return text
    try:
        parts = urlsplit(text)
    except ValueError:
        return text
    if "@" not in parts.netloc:
        return text
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=f"***@{host}"))
