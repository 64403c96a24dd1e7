"""Salted, keyed hashes of platform user ids: stable for /forget and /stats, not reversible."""

from __future__ import annotations

import hashlib
import hmac


class UserHasher:
    def __init__(self, salt: str) -> None:
        if not salt:
            raise ValueError("a hashing salt is required")
        self._key = salt.encode()

    def __call__(self, platform: str, user_id: str) -> str:
        digest = hmac.new(self._key, f"{platform}:{user_id}".encode(), hashlib.sha256)
        return digest.hexdigest()[:32]
