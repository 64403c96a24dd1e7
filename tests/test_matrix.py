"""The Matrix adapter against a real Synapse on 127.0.0.1, with staff played by matrix-nio
clients and a real Assistant (Presidio, triage, rules; the LLM stage off unless a test
gives it the recording backend)."""

from __future__ import annotations

import asyncio
import logging
import re
from pathlib import Path

import pytest
from nio import DownloadResponse, RoomMessageImage, RoomMessageNotice

import adapters.matrix as matrix_adapter
from adapters.matrix_events import to_html
from assistant.errors import AdapterError
from assistant.settings import AdminsSettings, RateLimitSettings
from bot.app import App, enabled_adapters
from bot.config import AppConfig
from tests.fakes import FakeBackend
from tests.matrix_support import (
    BotRunner,
    Staff,
    World,
    bot_config,
    content_of,
    unique,
)
from tests.synapse_server import SynapseServer

pytest_plugins = ("tests.matrix_fixtures",)

pytestmark = pytest.mark.slow

QUESTION = "what helps with a cold?"
EMERGENCY = "I have crushing chest pain right now and I can't breathe"


def localpart(user_id: str) -> str:
    return user_id[1:].split(":", 1)[0]


async def direct_room(staff: Staff, bot: BotRunner) -> str:
    room = await staff.create_room([bot.user_id], direct=True)
    await staff.wait_membership(room, bot.user_id, "join")
    return room


async def group_room(staff: Staff, bot_ids: list[str], third: Staff) -> str:
    """Three or more members: the bot answers only when addressed."""
    room = await staff.create_room([*bot_ids, third.user_id])
    for bot_id in bot_ids:
        await staff.wait_membership(room, bot_id, "join")
    return room


async def stored_sources(bot: BotRunner) -> list[str]:
    assert bot.assistant is not None and bot.assistant.store is not None
    await bot.assistant.store.flush()
    async with bot.assistant.store.db.execute("SELECT source FROM messages ORDER BY id") as cur:
        return [str(row[0]) for row in await cur.fetchall()]


@pytest.mark.parametrize(
    ("inviter_prefix", "allowed_rooms", "membership"),
    [
        ("staff", [], "join"),
        ("visitor", [], "leave"),  # not in allowed_users: rejected
        ("staff", ["!*"], "join"),  # a glob allow-list that matches (v12 ids have no server)
        ("staff", ["!somewhere-else"], "leave"),  # room not on the allow-list
    ],
)
async def test_invites_are_joined_only_from_allowed_users_into_allowed_rooms(
    world: World, inviter_prefix: str, allowed_rooms: list[str], membership: str
) -> None:
    bot = await world.bot(allowed_rooms=allowed_rooms)
    inviter = await world.person(inviter_prefix)
    room = await inviter.create_room([bot.user_id])
    await inviter.wait_membership(room, bot.user_id, membership)


async def test_group_room_answers_mentions_once_as_threaded_notices(world: World) -> None:
    bot = await world.bot()
    alice, bob = await world.person(), await world.person()
    room = await group_room(alice, [bot.user_id], bob)

    quiet = await alice.send(room, QUESTION)
    by_name = await alice.send(room, f"{localpart(bot.user_id)}: {QUESTION}")
    reply = await alice.wait_reply(by_name, bot.user_id)
    content = content_of(reply)
    assert isinstance(reply, RoomMessageNotice)
    assert content["m.relates_to"] == {"m.in_reply_to": {"event_id": by_name}}
    assert bot.config.disclaimer.text in content["body"]
    assert content["format"] == "org.matrix.custom.html"
    assert content["formatted_body"] == to_html(content["body"])

    # m.mentions alone (a pill) and the !ask prefix inside a thread also address the bot.
    by_pill = await alice.send(room, "a question please: " + QUESTION, mentions=[bot.user_id])
    await alice.wait_reply(by_pill, bot.user_id)
    in_thread = await alice.send(room, f"!ask {QUESTION}", thread_root=by_name)
    threaded = content_of(await alice.wait_reply(in_thread, bot.user_id))
    assert threaded["m.relates_to"]["rel_type"] == "m.thread"
    assert threaded["m.relates_to"]["event_id"] == by_name
    assert threaded["m.relates_to"]["m.in_reply_to"] == {"event_id": in_thread}

    assert alice.replies_to(quiet) == []
    for event_id in (by_name, by_pill, in_thread):
        assert len(alice.replies_to(event_id)) == 1


async def test_direct_room_answers_every_message_and_explains_non_text(world: World) -> None:
    bot = await world.bot()
    alice = await world.person()
    room = await direct_room(alice, bot)
    first = await alice.send(room, QUESTION)
    second = await alice.send(room, "how much water should I drink each day?")
    upload = await alice.send(
        room, "scan.pdf", msgtype="m.file", extra={"url": "mxc://localhost/not-a-real-file"}
    )
    for event_id in (first, second):
        body = content_of(await alice.wait_reply(event_id, bot.user_id))["body"]
        assert body.endswith(bot.config.disclaimer.text)
    body = content_of(await alice.wait_reply(upload, bot.user_id))["body"]
    assert "only read text" in body
    assert len(await stored_sources(bot)) == 2  # one row per question, none for the file


async def test_emergency_gets_the_emergency_reply(world: World) -> None:
    bot = await world.bot()
    alice = await world.person()
    room = await direct_room(alice, bot)
    asked = await alice.send(room, EMERGENCY)
    body = content_of(await alice.wait_reply(asked, bot.user_id))["body"]
    assert f"call {bot.config.triage.emergency_number}" in body
    assert body.endswith(bot.config.disclaimer.text)
    assert await stored_sources(bot) == ["emergency"]


async def test_names_come_back_restored_while_the_model_saw_placeholders(
    world: World, app_config: AppConfig, caplog: pytest.LogCaptureFixture
) -> None:
    # grounded in the Raynaud's passage, so the answer check lets it through
    backend = FakeBackend(
        delay_s=0.5,
        answer="{names}, keeping your whole body warm and wearing gloves and warm socks help "
        "with Raynaud's.",
    )
    config = app_config.model_copy(
        update={"llm": app_config.llm.model_copy(update={"enabled": True})}
    )
    bot = await world.bot(config=config, backend_factory=lambda: backend)
    alice = await world.person()
    room = await direct_room(alice, bot)
    asked = await alice.send(room, "I'm Margaret Thornton. Why do my fingers go white in the cold?")
    body = content_of(await alice.wait_reply(asked, bot.user_id))["body"]

    assert "Margaret Thornton" in body
    seen = "\n".join(turn.content for req in backend.history for turn in req.messages)
    assert "Margaret" not in seen and "Thornton" not in seen
    assert "<PERSON_1>" in backend.questions[-1]
    ours = ("adapters", "assistant", "bot", "healthbot")
    logged = [r.getMessage() for r in caplog.records if r.name.startswith(ours)]
    assert not [line for line in logged if "Margaret" in line or "Thornton" in line]
    # The bot showed "typing" while the model worked and marked the message read.
    await alice.wait_until(lambda: (bot.user_id, asked) in alice.receipts)
    assert bot.user_id in alice.typing


async def test_stats_for_admins_only_and_forget(
    world: World, app_config: AppConfig, caplog: pytest.LogCaptureFixture
) -> None:
    admin, nurse = await world.person(), await world.person()
    config = app_config.model_copy(update={"admins": AdminsSettings(matrix=[admin.user_id])})
    bot = await world.bot(config=config)
    admin_room, nurse_room = await direct_room(admin, bot), await direct_room(nurse, bot)

    await nurse.wait_reply(await nurse.send(nurse_room, QUESTION), bot.user_id)
    caplog.set_level(logging.INFO)
    refused = await nurse.send(nurse_room, "!stats")
    body = content_of(await nurse.wait_reply(refused, bot.user_id))["body"]
    assert "only for clinic admins" in body
    assert nurse.user_id not in caplog.text
    assert bot.assistant is not None
    nurse_hash = bot.assistant.user_hash("matrix", nurse.user_id)
    assert nurse_hash is not None and nurse_hash in caplog.text

    asked = await admin.send(admin_room, "!stats")
    found = await admin.wait_for(lambda _room, ev: isinstance(ev, RoomMessageImage), within_s=90)
    image = found[0][1]
    assert isinstance(image, RoomMessageImage)
    download = await admin.client.download(image.url)
    assert isinstance(download, DownloadResponse) and download.body.startswith(b"\x89PNG")
    report = content_of(admin.replies_to(asked, bot.user_id)[0])
    assert report["msgtype"] == "m.notice" and report["body"].endswith(config.disclaimer.text)

    # !forget asks first, then erases the nurse's rows.
    store = bot.assistant.store
    assert store is not None and nurse_hash is not None
    assert await store.count_user_rows(nurse_hash) >= 1
    prompt = await nurse.send(nurse_room, "!forget")
    assert "!forget yes" in content_of(await nurse.wait_reply(prompt, bot.user_id))["body"]
    done = await nurse.send(nurse_room, "!forget yes")
    assert "Done" in content_of(await nurse.wait_reply(done, bot.user_id))["body"]
    assert await store.count_user_rows(nurse_hash) == 0


async def test_restart_answers_messages_sent_while_down_exactly_once(world: World) -> None:
    bot = await world.bot()
    alice = await world.person()
    room = await direct_room(alice, bot)
    before = await alice.send(room, QUESTION)
    await alice.wait_reply(before, bot.user_id)

    await bot.stop()
    while_down = [await alice.send(room, f"question {n}: {QUESTION}") for n in range(3)]
    await bot.start()
    for event_id in while_down:
        await alice.wait_reply(event_id, bot.user_id)
    after = await alice.send(room, QUESTION)
    await alice.wait_reply(after, bot.user_id)
    await bot.restart()  # a second restart must not answer anything again
    last = await alice.send(room, QUESTION)
    await alice.wait_reply(last, bot.user_id)

    for event_id in (before, *while_down, after, last):
        assert len(alice.replies_to(event_id, bot.user_id)) == 1


async def test_first_start_skips_old_history(world: World, tmp_path: Path) -> None:
    bot = await world.bot()
    alice = await world.person()
    room = await direct_room(alice, bot)
    await bot.stop()
    old = await alice.send(room, QUESTION)
    # A fresh storage database: for the adapter this is its very first start.
    fresh = bot.config.storage.model_copy(update={"path": tmp_path / "fresh.db"})
    bot.config = bot.config.model_copy(update={"storage": fresh})
    await bot.start()
    new = await alice.send(room, QUESTION)
    await alice.wait_reply(new, bot.user_id)
    assert alice.replies_to(old) == []


async def test_bot_recovers_when_synapse_restarts(world: World, synapse: SynapseServer) -> None:
    bot = await world.bot()
    alice = await world.person()
    room = await direct_room(alice, bot)
    await alice.wait_reply(await alice.send(room, QUESTION), bot.user_id)

    await asyncio.to_thread(synapse.stop)
    adapter = bot.adapter
    assert adapter is not None
    for _ in range(100):  # the long poll notices within a few retries
        if not adapter.is_connected():
            break
        await asyncio.sleep(0.1)
    assert not adapter.is_connected()
    await asyncio.to_thread(synapse.start)

    asked = await alice.send(room, QUESTION)
    await alice.wait_reply(asked, bot.user_id, within_s=90)
    assert adapter.is_connected()
    assert len(alice.replies_to(asked)) == 1


async def test_two_bots_in_one_room_do_not_loop(world: World) -> None:
    first, second = await world.bot(), await world.bot()
    alice, bob = await world.person(), await world.person()
    room = await group_room(alice, [first.user_id, second.user_id], bob)
    both = await alice.send(
        room, f"{localpart(first.user_id)} and {localpart(second.user_id)}: {QUESTION}"
    )
    prefixed = await alice.send(room, f"!ask {QUESTION}")
    for event_id in (both, prefixed):
        for bot in (first, second):
            await alice.wait_reply(event_id, bot.user_id)
    sentinel = await alice.send(room, f"{localpart(first.user_id)}: {QUESTION}")
    await alice.wait_reply(sentinel, first.user_id)

    bot_ids = {first.user_id, second.user_id}
    from_bots = [
        ev
        for r, ev in alice.events
        if r == room and ev.sender in bot_ids and isinstance(ev, RoomMessageNotice)
    ]
    by_bots = {ev.event_id for ev in from_bots}
    targets = [content_of(ev)["m.relates_to"]["m.in_reply_to"]["event_id"] for ev in from_bots]
    assert not by_bots & set(targets)  # no bot ever answered a bot
    assert sorted(targets) == sorted([both, both, prefixed, prefixed, sentinel])


async def test_homeserver_rate_limit_is_waited_out(
    world: World, synapse: SynapseServer, caplog: pytest.LogCaptureFixture
) -> None:
    bot = await world.bot()
    alice = await world.person()
    room = await direct_room(alice, bot)
    await asyncio.to_thread(synapse.set_message_rate_limit, bot.user_id, 1, 1)
    caplog.set_level(logging.WARNING, logger="nio")
    try:
        asked = [await alice.send(room, f"{n}: {QUESTION}") for n in range(3)]
        for event_id in asked:
            await alice.wait_reply(event_id, bot.user_id)
    finally:
        await asyncio.to_thread(synapse.clear_message_rate_limit, bot.user_id)
    assert "429" in caplog.text  # M_LIMIT_EXCEEDED was returned and waited out
    for event_id in asked:
        assert len(alice.replies_to(event_id)) == 1


async def test_per_user_rate_limit_replies_once_records_and_lets_emergencies_through(
    world: World,
) -> None:
    bot = await world.bot(rate_limit=RateLimitSettings(per_minute=1, burst=1))
    alice = await world.person()
    room = await direct_room(alice, bot)
    asked = [await alice.send(room, f"{n}: {QUESTION}") for n in range(3)]
    await alice.wait_reply(asked[0], bot.user_id)
    limited = content_of(await alice.wait_reply(asked[1], bot.user_id))["body"]
    assert "faster than I can answer" in limited and limited.endswith(bot.config.disclaimer.text)
    for _ in range(100):
        if (await stored_sources(bot)).count("rate_limited") == 2:
            break
        await asyncio.sleep(0.1)
    sources = await stored_sources(bot)
    assert sources[1:] == ["rate_limited", "rate_limited"] and sources[0] != "rate_limited"
    assert alice.replies_to(asked[2]) == []

    # Over the limit still, but a red flag is answered: the same policy as on Telegram.
    emergency = await alice.send(room, EMERGENCY)
    body = content_of(await alice.wait_reply(emergency, bot.user_id))["body"]
    assert f"call {bot.config.triage.emergency_number}" in body
    assert body.endswith(bot.config.disclaimer.text)
    for _ in range(100):
        if (await stored_sources(bot))[-1:] == ["emergency"]:
            break
        await asyncio.sleep(0.1)
    assert (await stored_sources(bot))[-1] == "emergency"


async def test_gap_longer_than_the_sync_timeline_is_back_filled(
    world: World, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # A two-event timeline limit makes five missed messages a "limited" sync, as fifty-one
    # would be with the shipped limit; the missing ones must come from /messages.
    small = {**matrix_adapter.SYNC_FILTER, "room": {"timeline": {"limit": 2}}}
    monkeypatch.setattr(matrix_adapter, "SYNC_FILTER", small)
    bot = await world.bot()
    alice = await world.person()
    room = await direct_room(alice, bot)
    await bot.stop()
    missed = [await alice.send(room, f"{n}: {QUESTION}") for n in range(5)]
    await bot.start()
    for event_id in missed:
        await alice.wait_reply(event_id, bot.user_id)
    last = await alice.send(room, QUESTION)
    await alice.wait_reply(last, bot.user_id)
    for event_id in (*missed, last):
        assert len(alice.replies_to(event_id)) == 1
    assert re.search(r"back-filled [1-9]\d* event", caplog.text)


async def test_an_unreachable_homeserver_is_named_without_its_url_credentials(
    world: World,
) -> None:
    """Credentials written into the homeserver URL never reach the operator's error line."""
    runner = world.bot_runner(homeserver="http://bob:s3cret@127.0.0.1:9")
    with pytest.raises(AdapterError) as caught:
        await runner.start()
    assert "cannot reach the Matrix homeserver http://***@127.0.0.1:9" in str(caught.value)
    assert "s3cret" not in str(caught.value)


@pytest.mark.parametrize(
    ("credentials", "error"),
    [
        ("token", None),
        ("wrong-password", "login as"),
        ("wrong-token", "MATRIX_ACCESS_TOKEN was refused"),
        ("none", "needs MATRIX_ACCESS_TOKEN or MATRIX_PASSWORD"),
    ],
)
async def test_credentials_from_the_environment(
    world: World, credentials: str, error: str | None
) -> None:
    runner = world.bot_runner()
    environ = {
        "token": {"MATRIX_ACCESS_TOKEN": runner.user.access_token},
        "wrong-password": {"MATRIX_PASSWORD": "not-the-password"},
        "wrong-token": {"MATRIX_ACCESS_TOKEN": "syt_not_a_token"},
        "none": {},
    }[credentials]
    runner.environ = environ
    if error is not None:
        with pytest.raises(AdapterError, match=error):
            await runner.start()
        return
    await runner.start()
    assert runner.adapter is not None
    assert runner.adapter.client.device_id == runner.user.device_id
    alice = await world.person()
    room = await direct_room(alice, runner)
    await alice.wait_reply(await alice.send(room, QUESTION), runner.user_id)


async def test_the_app_starts_the_matrix_adapter_from_its_registry(
    world: World, synapse: SynapseServer, app_config: AppConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = synapse.register(unique("healthbot"))
    config = bot_config(app_config, synapse, user, world.tmp)
    monkeypatch.setenv("MATRIX_PASSWORD", user.password)  # read by the adapter itself
    assert enabled_adapters(config) == ["matrix"]
    app = await App.create(config)
    await app.start()
    try:
        assert [adapter.name for adapter in app.adapters] == ["matrix"]
        assert app.adapters[0].is_connected()
        alice = await world.person()
        room = await alice.create_room([user.user_id], direct=True)
        await alice.wait_membership(room, user.user_id, "join")
        reply = await alice.wait_reply(await alice.send(room, "!help"), user.user_id)
        assert "!forget" in content_of(reply)["body"]  # help names the Matrix syntax
    finally:
        await app.stop()
