"""The privacy key kept apart from the database (assistant.keys): where it comes from, the
file's mode, the move of an older version's salt out of the database, and the brute force
over the user ids that a copy of the database must withstand."""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest
from pydantic import SecretStr

from assistant.errors import ConfigError, StorageError
from assistant.hashing import UserHasher
from assistant.keys import (
    LEGACY_SALT_STATE,
    PrivacyKey,
    open_privacy_key,
    read_or_create_key_file,
)
from assistant.messages import IncomingMessage
from assistant.settings import PrivacySettings
from assistant.storage import Store
from bot.config import AppConfig
from tests.conftest import MakeChat

#: Telegram user ids the real run below uses; the brute force tries 0..BRUTE_FORCE_IDS-1
USED_IDS = ("7", "4242", "31337", "65000", "99999")
BRUTE_FORCE_IDS = 100_000


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _settings(key_file: Path, salt: str = "") -> PrivacySettings:
    return PrivacySettings(key_file=key_file, hash_salt=SecretStr(salt))


async def _open_store(path: Path) -> Store:
    store = Store(path)
    await store.open()
    return store


async def test_key_file_is_created_0600_once_and_logged_by_path(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    key_file = tmp_path / "keys" / "privacy.key"
    store = await _open_store(tmp_path / "data" / "bot.db")
    with caplog.at_level(logging.INFO, logger="assistant.keys"):
        first = await open_privacy_key(_settings(key_file), store)
    secret = key_file.read_text().strip()
    assert _mode(key_file) == 0o600
    assert _mode(key_file.parent) == 0o700
    assert len(bytes.fromhex(secret)) == 32  # 256 bits
    assert any(str(key_file) in r.getMessage() for r in caplog.records)
    assert all(secret not in r.getMessage() for r in caplog.records)
    assert secret not in repr(first)
    second = await open_privacy_key(_settings(key_file), store)
    assert UserHasher(first)("telegram", "42") == UserHasher(second)("telegram", "42")
    await store.close()


@pytest.mark.parametrize(
    ("salt", "expect_file"),
    [("", True), ("a-configured-key-of-at-least-32-characters", False)],
)
async def test_the_environment_key_wins_and_then_no_file_is_made(
    tmp_path: Path, salt: str, expect_file: bool
) -> None:
    key_file = tmp_path / "keys" / "privacy.key"
    key = await open_privacy_key(_settings(key_file, salt), None)
    assert key_file.exists() is expect_file
    if salt:
        # the same HMAC as older versions with the same salt: rows stay reachable
        expected = hmac.new(salt.encode(), b"telegram:42", hashlib.sha256).hexdigest()[:32]
        assert UserHasher(key)("telegram", "42") == expected


async def test_an_older_salt_moves_out_of_the_database(tmp_path: Path) -> None:
    db_path = tmp_path / "data" / "bot.db"
    legacy = "ab" * 32
    store = await _open_store(db_path)
    await store.set_state(LEGACY_SALT_STATE, legacy)  # what the previous version wrote
    old_hash = UserHasher(PrivacyKey(legacy, "old"))("telegram", "42")
    await store.close()

    store = await _open_store(db_path)
    key_file = tmp_path / "keys" / "privacy.key"
    key = await open_privacy_key(_settings(key_file), store)
    assert UserHasher(key)("telegram", "42") == old_hash  # /stats and /forget continue
    assert key_file.read_text().strip() == legacy
    assert await store.get_state(LEGACY_SALT_STATE) is None
    await store.close()
    for path in db_path.parent.iterdir():  # the file, and any WAL left behind
        assert legacy.encode() not in path.read_bytes(), path.name


async def test_a_different_key_for_the_same_database_stops_start_up(tmp_path: Path) -> None:
    store = await _open_store(tmp_path / "data" / "bot.db")
    await open_privacy_key(_settings(tmp_path / "one.key"), store)
    with pytest.raises(StorageError, match="another privacy key"):
        await open_privacy_key(_settings(tmp_path / "two.key"), store)
    await store.close()


@pytest.mark.parametrize(
    ("content", "error"), [("", "is empty"), (b"\xff\xfe", "cannot read")], ids=["empty", "binary"]
)
def test_a_broken_key_file_is_a_clear_error(
    tmp_path: Path, content: str | bytes, error: str
) -> None:
    path = tmp_path / "privacy.key"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content)
    with pytest.raises(ConfigError, match=error):
        read_or_create_key_file(path)


async def test_the_database_is_created_0600_and_an_older_one_is_tightened(
    tmp_path: Path,
) -> None:
    fresh = tmp_path / "fresh" / "bot.db"
    store = await _open_store(fresh)
    await store.set_state("x", "y")  # WAL and SHM exist now
    for suffix in ("", "-wal", "-shm"):
        path = Path(f"{fresh}{suffix}")
        assert _mode(path) == 0o600, path.name
    await store.close()
    old = tmp_path / "old" / "bot.db"
    old.parent.mkdir()
    sqlite3.connect(old).close()
    os.chmod(old, 0o644)
    store = await _open_store(old)
    assert _mode(old) == 0o600
    await store.close()


def _brute_force(user_hashes: set[str], keys: list[bytes]) -> set[str]:
    """Every id in 0..BRUTE_FORCE_IDS-1 whose hash under one of ``keys`` is in the rows."""
    found = set()
    for key in keys:
        for number in range(BRUTE_FORCE_IDS):
            user_id = str(number)
            digest = hmac.new(key, f"telegram:{user_id}".encode(), hashlib.sha256)
            if digest.hexdigest()[:32] in user_hashes:
                found.add(user_id)
    return found


async def test_a_copy_of_the_database_without_the_key_reveals_no_user_id(
    tmp_path: Path, app_config: AppConfig, make_chat: MakeChat
) -> None:
    """The real storage of a real run (messages through the service, rows written by the
    store), then the attack of issue 15 on a copy: every id from 0 to 99,999 under every
    value the database holds, and under no key at all. With the key it finds them all."""
    config = app_config.model_copy(deep=True)
    config.privacy.hash_salt = SecretStr("")
    config.privacy.key_file = tmp_path / "keys" / "privacy.key"
    chat = await make_chat(config)
    for user_id in USED_IDS:
        message = IncomingMessage("telegram", user_id, user_id, "How much sleep do I need?")
        await chat.ask(message)
    store = chat.assistant.store
    assert store is not None
    await store.close()  # everything written, WAL checkpointed into the file

    stolen = tmp_path / "stolen.db"
    shutil.copyfile(config.storage.path, stolen)
    with sqlite3.connect(stolen) as db:
        user_hashes = {row[0] for row in db.execute("SELECT DISTINCT user_hash FROM messages")}
        state_values = [str(row[0]).encode() for row in db.execute("SELECT value FROM state")]
    assert len(user_hashes) == len(USED_IDS)
    assert state_values  # the key check is there; it must not help
    assert _brute_force(user_hashes, [*state_values, b""]) == set()

    key = config.privacy.key_file.read_text(encoding="ascii").strip().encode()
    assert _brute_force(user_hashes, [key]) == set(USED_IDS)
