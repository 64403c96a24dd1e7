"""Encrypted rooms: the bot decrypts, answers encrypted, and keeps doing so after a restart."""

from __future__ import annotations

import stat

import pytest
from nio import RoomMessageNotice

from tests.matrix_support import World, content_of

pytest_plugins = ("tests.matrix_fixtures",)

pytestmark = pytest.mark.slow


async def test_encrypted_room_both_ways_and_after_restart(world: World) -> None:
    bot = await world.bot(e2ee=True)
    alice = await world.person(e2e=True)
    room = await alice.create_room([bot.user_id], direct=True, encrypted=True)
    await alice.wait_membership(room, bot.user_id, "join")
    assert bot.adapter is not None
    device_before = bot.adapter.client.device_id

    async def ask_and_check(question: str) -> None:
        asked = await alice.send(room, question)
        reply = await alice.wait_reply(asked, bot.user_id)
        # Alice's client decrypted it: it arrived as m.room.encrypted.
        assert isinstance(reply, RoomMessageNotice) and reply.decrypted
        assert content_of(reply)["body"].endswith(bot.config.disclaimer.text)
        assert len(alice.replies_to(asked)) == 1

    await ask_and_check("what helps with a cold?")
    assert alice.client.rooms[room].encrypted
    # nio's key store (and the database with the bot's access token) are the bot's alone
    store_dir = bot.config.adapters.matrix.store_dir
    assert stat.S_IMODE(store_dir.stat().st_mode) == 0o700
    kept = [path for path in store_dir.iterdir() if path.is_file()]
    assert kept and {stat.S_IMODE(path.stat().st_mode) for path in kept} == {0o600}
    assert stat.S_IMODE(bot.config.storage.path.stat().st_mode) == 0o600

    await bot.restart()
    assert bot.adapter is not None
    # Same device (kept in storage) and same key store: old sessions still decrypt.
    assert bot.adapter.client.device_id == device_before
    await ask_and_check("how much water should I drink each day?")
    assert alice.undecryptable() == []
