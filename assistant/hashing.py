"""Keyed hashes of platform user ids: stable for /forget and /stats, not reversible without
the privacy key (assistant.keys), which never lives in the database."""

from __future__ import annotations

import hashlib
import hmac

from assistant.keys import PrivacyKey


class UserHasher:
    """HMAC-SHA256 of ``platform:user_id`` under the privacy key, 128 bits in hex."""

    def __init__(self, key: PrivacyKey) -> None:
        self._key = key.user_hash_key

    def __call__(self, platform: str, user_id: str) -> str:
        digest = hmac.new(self._key, f"{platform}:{user_id}".encode(), hashlib.sha256)
        return digest.hexdigest()[:32]
