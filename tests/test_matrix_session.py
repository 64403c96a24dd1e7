"""The Matrix adapter's sync position in a real SQLite store: saved per bot user, kept across
a restart (the intake table, not the token, keeps unanswered messages; tests/test_intake.py)."""

from __future__ import annotations

from pathlib import Path

from adapters.matrix_session import MatrixState, SyncProgress
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
