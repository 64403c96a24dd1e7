"""The privacy key: the secret under which user ids are hashed, kept apart from the database.

A copy of the database alone must not give back a user id. Platform ids are small numbers
(a brute force over Telegram ids 0-99,999 takes well under a second), so the HMAC key is
what protects them, and it never lives in the database: it comes from
``HEALTHBOT_PRIVACY__HASH_SALT`` or from ``privacy.key_file`` (created 0600 on first start,
outside the data directory). :class:`PrivacyKey` is the one handle on it; other features
that need a secret (encrypting a pending message, say) take a subkey with :meth:`derive`.

Older versions generated the salt into the database's ``state`` table. On the first start
of this version that salt moves to the key file (hashes, and so /stats and /forget, stay
continuous) and is wiped from the database.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import os
import secrets
import stat
from pathlib import Path

from assistant.errors import ConfigError, StorageError
from assistant.settings import PrivacySettings
from assistant.storage import Store

log = logging.getLogger(__name__)

KEY_ENV = "HEALTHBOT_PRIVACY__HASH_SALT"
#: state rows: the salt older versions kept in the database, and a check value of the key
LEGACY_SALT_STATE = "hash_salt"
KEY_CHECK_STATE = "privacy_key_check"
_MIN_ENV_CHARS = 32


class PrivacyKey:
    """A secret of at least 256 bits (a generated one) that never reaches a log or the database."""

    __slots__ = ("_secret", "source")

    def __init__(self, secret: str, source: str) -> None:
        if not secret:
            raise ValueError("the privacy key is empty")
        self._secret = secret.encode()
        #: where it came from, for log lines: the variable's name or the file's path
        self.source = source

    @classmethod
    def generate(cls, source: str) -> PrivacyKey:
        return cls(secrets.token_hex(32), source)

    @property
    def user_hash_key(self) -> bytes:
        """The HMAC key of user hashes: the secret itself, so hashes made under the same salt
        by older versions stay the same."""
        return self._secret

    def derive(self, purpose: str) -> bytes:
        """A 32-byte subkey for one purpose (e.g. "pending-text"); one purpose's key says
        nothing about another's."""
        return hmac.new(self._secret, f"healthbot/{purpose}".encode(), hashlib.sha256).digest()

    def check_value(self) -> str:
        """Stored in the database to notice a different key on a later start."""
        return self.derive("key-check").hex()[:16]

    def __repr__(self) -> str:
        return f"PrivacyKey(source={self.source!r})"


def _write_new_key(path: Path, secret: str) -> None:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as file:
        file.write(secret + "\n")
        file.flush()
        os.fsync(file.fileno())


def read_or_create_key_file(path: Path, legacy_salt: str | None = None) -> tuple[PrivacyKey, bool]:
    """The key in ``path``; if there is none, a new one (or ``legacy_salt``) written there 0600.
    Returns the key and whether the file was created now. Blocking: run it in a thread."""
    try:
        secret = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        secret = legacy_salt or secrets.token_hex(32)
        try:
            _write_new_key(path, secret)
        except OSError as exc:
            raise ConfigError(f"privacy.key_file: cannot create {path}: {exc.strerror}") from exc
        return PrivacyKey(secret, str(path)), True
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"privacy.key_file: cannot read {path}: {type(exc).__name__}") from exc
    if not secret:
        raise ConfigError(f"privacy.key_file: {path} is empty; restore the key or delete the file")
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        log.warning("privacy key file %s is readable by others (mode %o): chmod 600 it", path, mode)
    return PrivacyKey(secret, str(path)), False


async def open_privacy_key(settings: PrivacySettings, store: Store | None) -> PrivacyKey:
    """The key from the environment, else from ``settings.key_file``; moves an older version's
    salt out of the database; refuses a key that differs from the one the rows were made with."""
    legacy = await store.get_state(LEGACY_SALT_STATE) if store is not None else None
    configured = settings.hash_salt.get_secret_value()
    if configured:
        key = PrivacyKey(configured, KEY_ENV)
        if len(configured) < _MIN_ENV_CHARS:
            log.warning(
                "%s is shorter than %d characters: a short key can be guessed; "
                "use 32 random bytes (python -c 'import secrets; print(secrets.token_hex(32))')",
                KEY_ENV,
                _MIN_ENV_CHARS,
            )
        log.info("privacy key: from %s", KEY_ENV)
    else:
        path = settings.key_file
        key, created = await asyncio.to_thread(read_or_create_key_file, path, legacy)
        if created and legacy:
            log.warning(
                "privacy key: moved the salt of the database to %s (hashes stay the same); "
                "older copies of the database still hold it",
                path,
            )
        elif created:
            log.info("privacy key: created %s (mode 600); back it up apart from the data", path)
        else:
            log.info("privacy key: read from %s", path)
    if store is not None:
        await _check_key(store, key)
        if legacy is not None:
            await store.wipe_state(LEGACY_SALT_STATE)
    return key


async def _check_key(store: Store, key: PrivacyKey) -> None:
    stored = await store.get_state(KEY_CHECK_STATE)
    if stored is None:
        await store.set_state(KEY_CHECK_STATE, key.check_value())
        return
    if not hmac.compare_digest(stored, key.check_value()):
        raise StorageError(
            f"{store.path} was written under another privacy key than the one from "
            f"{key.source}: restore that key, or, to start over with this one (older rows "
            f"can then not be erased by /forget and expire after storage.retention_days), "
            f"delete the state row {KEY_CHECK_STATE!r}"
        )
