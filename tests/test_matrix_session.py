"""The Matrix adapter's sync position in a real SQLite store: saved per bot user, kept across
a restart (the intake table, not the token, keeps unanswered messages; tests/test_intake.py)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from adapters.matrix_session import MatrixState, SyncProgress, keep_store_private
from assistant.storage import Store


async def test_token_is_saved_per_bot_and_survives_a_restart(tmp_path: Path) -> None:
    store = Store(tmp_path / "state.db")
    await store.open()
    try:
        progress = SyncProgress(MatrixState(store, "@bot:hs"))
        assert await progress.load() is None  # very first start
        await progress.save("t1")
        await progress.save("t2")
        assert await store.get_state("matrix:@bot:hs:next_batch") == "t2"

        again = SyncProgress(MatrixState(store, "@bot:hs"))
        assert await again.load() == "t2"
        other_bot = SyncProgress(MatrixState(store, "@other:hs"))
        assert await other_bot.load() is None
    finally:
        await store.close()


async def test_without_a_store_state_stays_in_memory() -> None:
    state = MatrixState(None, "@bot:hs")
    assert await state.get("session") is None
    await state.set("session", "{}")
    assert await state.get("session") == "{}"


def test_the_key_store_is_made_private_whatever_the_umask(tmp_path: Path) -> None:
    store_dir = tmp_path / "matrix-store"
    store_dir.mkdir(mode=0o755)
    os.chmod(store_dir, 0o755)
    kept = store_dir / "healthbot_DEVICE.db"
    kept.write_bytes(b"keys")
    os.chmod(kept, 0o644)
    keep_store_private(store_dir)
    assert stat.S_IMODE(store_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    fresh = tmp_path / "new" / "store"
    keep_store_private(fresh)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o700
