"""The handoff end to end with real parts: the whole app (``bot.app.App``: Telegram and Matrix
adapters, the conversation service, the handoff and its relays, storage) against the Bot
API emulator and the session's real Synapse. Patients write on Telegram (and in a Matrix
direct room); staff are matrix-nio clients in the staff room. A restart is a new App on the
same database, as a process restart would be."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import pytest
from nio import Event, RoomMessageNotice

from assistant.anonymizer import Anonymizer
from assistant.handoff import texts
from assistant.handoff.model import CaseStatus
from bot.app import App
from bot.config import AppConfig
from tests.matrix_support import Staff, World, bot_config, content_of, unique
from tests.synapse_server import RegisteredUser, SynapseServer
from tests.telegram_emulator import BotAPIEmulator
from tests.telegram_support import TOKEN, replies, telegram_config

pytest_plugins = ("tests.matrix_fixtures",)
pytestmark = pytest.mark.slow

PATIENT = 7001
COVERED = "How much water should I drink each day?"
# no vetted topic covers it, so the assistant has no reliable answer of its own
UNCOVERED = "Can I take my cat's worming tablets on a yacht?"
EMERGENCY = "I have crushing chest pain and I can't breathe"
LABEL = texts.STAFF_LABEL.split("{")[0]


@dataclass
class Live:
    """The app, the emulator, the bot's Matrix user and the staff room."""

    config: AppConfig
    anonymizer: Anonymizer
    emulator: BotAPIEmulator
    bot: RegisteredUser
    room: str
    nurse: Staff
    app: App | None = None

    async def start(self) -> App:
        app = await App.create(self.config, ["telegram", "matrix"], anonymizer=self.anonymizer)
        await app.start()
        self.app = app
        return app

    async def stop(self) -> None:
        if self.app is not None:
            await self.app.stop()
            self.app = None

    async def restart(self) -> App:
        await self.stop()
        return await self.start()

    async def ask(self, text: str, count: int, within_s: float = 30) -> str:
        """The patient writes on Telegram; the reply that makes it ``count`` in that chat."""
        self.emulator.send_text(PATIENT, text)
        return (await replies(self.emulator, PATIENT, count, within_s))[count - 1]

    async def bot_post(self, starts: str, *, thread: str | None = None) -> Event:
        """Wait for the bot's notice in the staff room that starts with ``starts``."""

        def found(room: str, event: Event) -> bool:
            body = content_of(event).get("body", "")
            relates = content_of(event).get("m.relates_to", {})
            return (
                room == self.room
                and event.sender == self.bot.user_id
                and isinstance(event, RoomMessageNotice)
                and isinstance(body, str)
                and body.startswith(starts)
                and (thread is None or relates.get("event_id") == thread)
            )

        return (await self.nurse.wait_for(found))[-1][1]

    async def settled(self, staff: Staff) -> None:
        """Everything the staff room holds so far has been taken: a ``!cases`` sent now is
        answered only after every earlier event (they are taken in room order)."""
        asked = await staff.send(self.room, "!cases")
        await staff.wait_reply(asked, self.bot.user_id)

    def clinic_replies(self) -> list[str]:
        return [t for t in self.emulator.texts_to(PATIENT) if t.startswith(LABEL)]


MakeLive = Callable[..., Awaitable[Live]]


@pytest.fixture
async def make_live(
    world: World,
    synapse: SynapseServer,
    app_config: AppConfig,
    anonymizer: Anonymizer,
    monkeypatch: pytest.MonkeyPatch,
) -> AsyncIterator[MakeLive]:
    emulator = BotAPIEmulator(TOKEN)
    await emulator.start()
    lives: list[Live] = []

    async def factory(*, staff: list[str] | None = None, **handoff: Any) -> Live:
        bot = synapse.register(unique("healthbot"))
        monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
        monkeypatch.setenv("MATRIX_PASSWORD", bot.password)  # read by the adapter itself
        nurse = await world.person()
        room = await nurse.create_room([bot.user_id])
        config = telegram_config(
            bot_config(app_config, synapse, bot, world.tmp, allowed_users=["@*:localhost"]),
            emulator,
        )
        config.handoff = config.handoff.model_copy(
            update={
                "matrix_room": room,
                "staff": staff or [],
                "check_interval_s": 0.2,
                "retry_max_s": 1.0,
                **handoff,
            }
        )
        live = Live(config, anonymizer, emulator, bot, room, nurse)
        lives.append(live)
        await live.start()
        await nurse.wait_membership(room, bot.user_id, "join")
        return live

    yield factory
    for live in lives:
        await live.stop()
    await emulator.close()


async def test_telegram_patient_to_staff_room_and_back_with_restarts(
    make_live: MakeLive, synapse: SynapseServer
) -> None:
    live = await make_live()
    assert "glasses" in await live.ask(COVERED, 1)
    prompt = await live.ask("can I talk to a nurse please", 2)
    assert "How much water" in prompt and "Reply yes or no" in prompt, prompt
    await live.restart()

    sent = await live.ask("yes", 3)
    assert sent.startswith("Sent to the clinic team as case #1.")
    root = await live.bot_post("Case #1 · telegram · triage: routine")
    assert "How much water should I drink each day?" in content_of(root)["body"]
    await live.restart()

    # The bot and then the homeserver go away; staff answer while the bot is down.
    await live.stop()
    await asyncio.to_thread(synapse.restart)
    answer = await live.nurse.send(
        live.room, "Aim for 6 to 8 glasses a day, more when it is hot.", thread_root=root.event_id
    )
    await live.start()
    await replies(live.emulator, PATIENT, 4, within_s=60)
    (clinic,) = live.clinic_replies()
    assert "6 to 8 glasses" in clinic and live.config.disclaimer.text not in clinic
    assert (await live.ask("thanks", 5)).startswith(texts.ADDED.format(case=1))
    await live.bot_post("Patient (", thread=root.event_id)  # the patient's words reached staff

    await live.restart()
    await live.settled(live.nurse)
    # Once, through three restarts of the bot and one of Synapse.
    assert len(live.clinic_replies()) == 1
    assert answer in {event.event_id for _, event in live.nurse.events}


async def test_two_staff_at_once_and_who_counts_as_staff(make_live: MakeLive, world: World) -> None:
    doctor = await world.person()
    live = await make_live(staff=[doctor.user_id])  # the nurse by power level (creator)
    visitor = await world.person("visitor")
    for person in (doctor, visitor):
        await live.nurse.client.room_invite(live.room, person.user_id)
        await person.client.join(live.room)
        await live.nurse.wait_membership(live.room, person.user_id, "join")

    await live.ask(f"/human {UNCOVERED}", 1)
    await live.ask("yes", 2)
    root = (await live.bot_post("Case #1 · telegram")).event_id

    refused = await visitor.send(live.room, "!close 1")
    await visitor.wait_reply(refused, live.bot.user_id)
    assert content_of(visitor.replies_to(refused, live.bot.user_id)[0])["body"] == (
        texts.NOT_STAFF.format(what="close cases")
    )
    stranger = await visitor.send(live.room, "Buy my knee braces", thread_root=root)
    await visitor.wait_reply(stranger, live.bot.user_id)

    first, second = await asyncio.gather(
        live.nurse.send(live.room, "Nurse: a hinged brace helps most.", thread_root=root),
        doctor.send(live.room, "Doctor: and see a physio first.", thread_root=root),
    )
    await replies(live.emulator, PATIENT, 4, within_s=60)
    await live.settled(live.nurse)
    order = [ev.event_id for room, ev in live.nurse.events if ev.event_id in (first, second)]
    words = {first: "Nurse:", second: "Doctor:"}
    got = live.clinic_replies()
    assert len(got) == 2 and "Buy my" not in " ".join(live.emulator.texts_to(PATIENT))
    assert [words[event] in text for event, text in zip(order, got, strict=True)] == [True, True]
    app = live.app
    assert app is not None and app.handoff is not None
    case = await app.store.get_case(1)
    assert case is not None and case.status is CaseStatus.OPEN

    # A reply longer than Telegram's 4,096 characters arrives whole, in parts, once.
    long_reply = " ".join(f"Step {n}: rest the knee and keep it raised." for n in range(150))
    await live.nurse.send(live.room, long_reply, thread_root=root)
    parts = (await replies(live.emulator, PATIENT, 6, within_s=60))[4:]
    assert all(len(part) <= 4096 for part in parts) and parts[0].startswith(LABEL)
    assert "Step 0:" in parts[0] and "Step 149:" in parts[1]
    assert " ".join(parts).count("Step 77:") == 1


async def test_emergency_alert_timeout_notice_and_blocked_patient(
    make_live: MakeLive,
) -> None:
    live = await make_live(reply_within_minutes=0.02)  # 1.2 s
    emergency = await live.ask(EMERGENCY, 1)
    assert "call 999 now" in emergency  # at once, whatever happens in the staff room
    alert = content_of(await live.bot_post("🚨 Emergency alert, case #1"))["body"]
    assert "telegram" in alert and "crushing" not in alert

    await live.ask(UNCOVERED, 2)
    await live.ask("yes", 3)
    root = (await live.bot_post("Case #2")).event_id
    timeout = (await replies(live.emulator, PATIENT, 4, within_s=30))[3]
    contact = live.config.handoff.clinic_contact
    assert timeout.startswith(texts.TIMEOUT.format(case=2, contact=contact))
    await live.bot_post("No staff reply within", thread=root)

    live.emulator.blocked.add(PATIENT)
    await live.nurse.send(live.room, "Please call us.", thread_root=root)
    await live.bot_post(texts.UNDELIVERABLE.format(case=2), thread=root)
    await live.settled(live.nurse)
    assert len(live.emulator.texts_to(PATIENT)) == 4  # the notice came once, nothing since
    app = live.app
    assert app is not None
    case = await app.store.get_case(2)
    assert case is not None and case.delivery_error == "blocked"


async def test_forget_deletes_an_open_case_and_a_matrix_patient(
    make_live: MakeLive, world: World
) -> None:
    live = await make_live()
    await live.ask("I'm Margaret Thornton. " + UNCOVERED, 1)
    await live.ask("yes", 2)
    root = (await live.bot_post("Case #1")).event_id
    app = live.app
    assert app is not None
    opened = await app.store.get_case(1)
    assert opened is not None and opened.question
    await live.ask("/forget", 3)
    await live.ask("/forget yes", 4)
    case = await app.store.get_case(1)
    assert case is not None and case.status is CaseStatus.CLOSED
    assert (case.question, case.context, case.chat_id, case.user_hash) == (None, (), None, None)
    await live.bot_post(texts.FORGOTTEN.format(case=1), thread=root)
    late = await live.nurse.send(live.room, "Are you still there?", thread_root=root)
    closed = await live.nurse.wait_reply(late, live.bot.user_id)
    assert content_of(closed)["body"] == texts.CASE_CLOSED.format(case=1)

    # A patient in a Matrix direct room gets the clinic's reply there.
    patient = await world.person("patient")
    direct = await patient.create_room([live.bot.user_id], direct=True)
    await patient.wait_membership(direct, live.bot.user_id, "join")
    asked = await patient.send(direct, "!human " + UNCOVERED)
    await patient.wait_reply(asked, live.bot.user_id)
    yes = await patient.send(direct, "yes")
    assert "case #2" in content_of(await patient.wait_reply(yes, live.bot.user_id))["body"]
    root2 = (await live.bot_post("Case #2 · matrix")).event_id
    await live.nurse.send(live.room, "A physio can fit one.", thread_root=root2)

    def clinic(room: str, event: Event) -> bool:
        return room == direct and content_of(event).get("body", "").startswith(LABEL)

    (found,) = await patient.wait_for(clinic)
    assert "A physio can fit one." in content_of(found[1])["body"]
