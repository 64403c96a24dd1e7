"""The handoff's case flow in the core, table-driven: the real conversation service and
assistant (Presidio, triage, rules, Store; the LLM stage off, so an uncovered question gets
the fallback), with the two ports faked (tests.fakes.FakeStaffRoom, FakeRelay) and the
relays flushed by hand, so every step is deterministic. The same flow over real Synapse and
the Telegram emulator is in test_handoff_live."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import pytest

from assistant.conversation import Escalation, escalation
from assistant.handoff import texts
from assistant.handoff.model import Case, CaseStatus, Direction
from assistant.handoff.ports import StaffMessage
from assistant.handoff.service import Handoff
from assistant.messages import Command, IncomingMessage, Reply, Source, Unanswered
from bot.app import build_handoff
from bot.config import AppConfig
from bot.metrics import Metrics
from bot.stats import build_report
from tests.conftest import MakeChat
from tests.fakes import Chat, FakeRelay, FakeStaffRoom

PATIENT = "501"
NURSE = "@nurse:clinic.test"
DOCTOR = "@doctor:clinic.test"
VISITOR = "@visitor:clinic.test"
# no vetted topic covers it, so the assistant has no reliable answer of its own
UNCOVERED = "Can I take my cat's worming tablets on a yacht?"
COVERED = "How much water should I drink each day?"
EMERGENCY = "I have crushing chest pain and I can't breathe"


class Clock:
    def __init__(self) -> None:
        self.now = 1_900_000_000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class Clinic:
    """A patient on "telegram", the staff room and the relay, around the real service."""

    chat: Chat
    handoff: Handoff
    room: FakeStaffRoom
    relay: FakeRelay
    clock: Clock
    events: int = 0

    async def say(self, text: str, user: str = PATIENT, **fields: Any) -> str:
        command = None
        if text.startswith("/"):
            name, *args = text[1:].split()
            command = Command(name, tuple(args))
        message = IncomingMessage(
            platform="telegram", chat_id=user, user_id=user, text=text, command=command,
            message_id=str(self.next_id()),
        )  # fmt: skip
        reply = await self.chat.ask(dataclasses.replace(message, **fields))
        await self.flush()
        return reply.text

    def next_id(self) -> int:
        self.events += 1
        return self.events

    async def staff(
        self, text: str, sender: str = NURSE, thread: str | None = None, event: str = ""
    ) -> str:
        event_id = event or f"$staff{self.next_id()}"
        power = 50 if sender != VISITOR else 0
        taken = await self.handoff.accept(StaffMessage(event_id, sender, text, thread, power))
        assert taken or thread is None
        await self.flush()
        return event_id

    async def flush(self) -> None:
        # Twice: a delivery can queue a note for the other side (blocked patient).
        for _ in range(2):
            await self.handoff.outbox.flush(Direction.STAFF)
            await self.handoff.outbox.flush(Direction.PATIENT)

    async def case(self, case_id: int = 1) -> Case:
        found = await self.handoff.book.store.get_case(case_id)
        assert found is not None
        return found

    def root(self, case: Case) -> str:
        assert case.thread_root is not None
        return case.thread_root

    def to_patient(self, user: str = PATIENT) -> list[str]:
        return self.relay.texts_to(user)

    async def open_case(self, question: str = UNCOVERED) -> Case:
        await self.say(question)
        reply = await self.say("yes")
        assert texts.SENT.split("{")[0] in reply
        return await self.case(int(reply.split("case #")[1].split(".")[0]))


MakeClinic = Callable[..., Awaitable[Clinic]]


@pytest.fixture
def make_clinic(make_chat: MakeChat, app_config: AppConfig) -> MakeClinic:
    async def factory(**handoff: object) -> Clinic:
        config = app_config.model_copy(deep=True)
        config.handoff = config.handoff.model_copy(update={"matrix_room": "!staff", **handoff})
        chat = await make_chat(config)
        assert chat.assistant.store is not None
        clock = Clock()
        built = build_handoff(config, chat.service, chat.assistant.store)
        assert built is not None
        built.book.clock = clock
        room, relay = FakeStaffRoom(), FakeRelay()
        built.attach(room)
        built.set_relay(relay)
        await built.load()
        return Clinic(chat, built, room, relay, clock)

    return factory


# -- what starts a case -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "message", "expected", "not_expected"),
    [
        # a reply with no reliable answer offers, showing what staff would see
        ([], UNCOVERED, [texts.OFFER_INTRO.strip(), "worming tablets", "Reply yes or no"], []),
        # a rule's answer does not
        ([], COVERED, ["glasses"], ["clinic team"]),
        # asking for a person uses the last question, anonymized
        (["I'm Margaret Thornton, can I take my cat's worming tablets on a yacht?"], "can I talk to a nurse please",
         ["<PERSON_1>", "Reply yes or no"], ["Margaret"]),
        (["I'm Margaret Thornton, can I take my cat's worming tablets on a yacht?"], "/human",
         ["<PERSON_1>", "Reply yes or no"], ["Margaret"]),
        # a question the rules answered is the one staff would see
        (["I'm Margaret Thornton. " + COVERED], "/human",
         ["<PERSON_1>. How much water", "Reply yes or no"], ["Margaret"]),
        # with nothing asked yet, it asks for the question
        ([], "real person please", [texts.ASK_QUESTION], []),
        # /human with the question itself
        ([], "/human my rash keeps spreading, Dr Oliver Hughes said to ask",
         ["rash keeps spreading", "<PERSON_1>"], ["Oliver"]),
        # a health question that mentions a doctor is a question
        ([], "Should I see a doctor about a cough that lasts three weeks?",
         [], ["Reply yes or no"]),
    ],
    ids=[
        "offer", "rule", "plain-words", "slash-human", "after-a-rule", "ask-question",
        "human-args", "not-a-request",
    ],
)  # fmt: skip
async def test_what_asks_for_consent(
    make_clinic: MakeClinic,
    before: list[str],
    message: str,
    expected: list[str],
    not_expected: list[str],
) -> None:
    clinic = await make_clinic()
    for text in before:
        await clinic.say(text)
    reply = await clinic.say(message)
    for fragment in expected:
        assert fragment in reply
    for fragment in not_expected:
        assert fragment not in reply
    assert reply.endswith(clinic.chat.service.settings.disclaimer.text)
    assert clinic.room.posts == []  # nothing reaches staff before a yes


async def test_group_chats_cannot_open_a_case(make_clinic: MakeClinic) -> None:
    clinic = await make_clinic()
    assert texts.GROUP_ONLY_PRIVATE in await clinic.say("/human", is_private=False)
    assert texts.GROUP_ONLY_PRIVATE in await clinic.say("talk to a nurse", is_private=False)
    assert "clinic team" not in await clinic.say(UNCOVERED, is_private=False)


@pytest.mark.parametrize(
    ("share", "answer", "status", "posted", "reply"),
    [
        ("anonymized", "yes", CaseStatus.OPEN, "<PERSON_1>", "Sent to the clinic team as case #1"),
        ("anonymized", "No thanks", CaseStatus.CLOSED, None, texts.DECLINED),
        ("original", "original", CaseStatus.OPEN, "Margaret Thornton", "case #1"),
        ("original", "yes", CaseStatus.OPEN, "<PERSON_1>", "case #1"),
        # an offer the patient goes past lapses: the message is answered as usual
        ("anonymized", COVERED, CaseStatus.CLOSED, None, "glasses"),
    ],
    ids=["yes", "no", "original", "yes-when-original-offered", "lapse"],
)
async def test_consent_answers(
    make_clinic: MakeClinic,
    share: str,
    answer: str,
    status: CaseStatus,
    posted: str | None,
    reply: str,
) -> None:
    clinic = await make_clinic(share=share)
    offer = await clinic.say(
        "My name is Margaret Thornton. Can I take my cat's worming tablets on a yacht?"
    )
    assert ("original to let them see" in offer) is (share == "original")
    assert reply in await clinic.say(answer)
    case = await clinic.case()
    assert case.status is status
    if posted is None:
        assert clinic.room.posts == [] and case.question is None
    else:
        (root,) = clinic.room.posts
        assert posted in root.text and root.thread is None
        assert "Case #1 · telegram · triage: routine" in root.text
        assert case.thread_root == root.event_id
        assert ("Margaret" in root.text) is (answer == "original")


# -- the open case ----------------------------------------------------------------------------


async def test_staff_replies_come_back_once_each_in_order_labelled(
    make_clinic: MakeClinic,
) -> None:
    clinic = await make_clinic()
    case = await clinic.open_case()
    root = clinic.root(case)
    first = await clinic.staff("Rest it and use ice for 20 minutes.", thread=root)
    await clinic.staff("And see a physio if it is no better.", DOCTOR, thread=root)
    await clinic.staff("Rest it and use ice for 20 minutes.", thread=root, event=first)  # again
    replies = clinic.to_patient()
    assert len(replies) == 2
    assert "Rest it" in replies[0] and "physio" in replies[1]
    disclaimer = clinic.chat.service.settings.disclaimer.text
    for reply in replies:
        assert reply.startswith(texts.STAFF_LABEL.format(case=1))
        assert disclaimer not in reply  # a clinician's words, not the AI's
        assert "In an emergency call 999." in reply

    # the patient's next messages go into the thread, anonymized
    ack = await clinic.say("Thanks, my GP Dr Oliver Hughes agrees")
    assert ack.startswith(texts.ADDED.format(case=1))
    assert ack.endswith(disclaimer)
    posted = clinic.room.in_thread(root)[-1]
    assert "<PERSON_1>" in posted and "Oliver" not in posted
    assert (await clinic.case()).first_reply_at == clinic.clock.now


async def test_who_may_do_what_in_the_staff_room(make_clinic: MakeClinic) -> None:
    clinic = await make_clinic()
    case = await clinic.open_case()
    root = clinic.root(case)

    await clinic.staff("Answer from a stranger", VISITOR, thread=root)
    await clinic.staff("!close 1", VISITOR)
    await clinic.staff("!claim 1", VISITOR)
    assert clinic.to_patient() == []
    assert (await clinic.case()).status is CaseStatus.OPEN
    notices = [post.text for post in clinic.room.posts[1:]]
    assert notices == [
        texts.NOT_STAFF_REPLY,
        texts.NOT_STAFF.format(what="close cases"),
        texts.NOT_STAFF.format(what="claim cases"),
    ]

    await clinic.staff("!claim 1")
    await clinic.staff("!claim 1", DOCTOR)  # first claim wins
    assert (await clinic.case()).claimed_by == NURSE
    assert clinic.room.posts[-1].text.startswith("Case #1 is already claimed by @nurse")
    assert texts.CLAIMED.format(case=1) in clinic.to_patient()[0]

    await clinic.staff("!cases")
    assert (
        "#1 · telegram · routine · waiting 0 min · claimed by @nurse" in clinic.room.posts[-1].text
    )
    await clinic.staff("!close 7")
    assert clinic.room.posts[-1].text == texts.UNKNOWN_CASE.format(case=7)
    await clinic.staff("!close", thread=root)  # in the thread: that case
    assert clinic.to_patient()[-1].startswith(texts.CLOSED_BY_STAFF.format(case=1))
    closed = await clinic.case()
    assert closed.status is CaseStatus.CLOSED and closed.question is None
    assert closed.chat_id is None and closed.context == ()

    await clinic.staff("one more thing", thread=root)
    assert clinic.room.posts[-1].text == texts.CASE_CLOSED.format(case=1)
    assert len(clinic.to_patient()) == 2  # the claim note and the closing note only
    # The patient talks to the assistant again.
    assert "glasses" in await clinic.say(COVERED)


async def test_unknown_threads_and_plain_chatter(make_clinic: MakeClinic) -> None:
    clinic = await make_clinic()
    assert not await clinic.handoff.accept(StaffMessage("$1", NURSE, "lunch?", None, 50))
    assert not await clinic.handoff.accept(StaffMessage("$2", NURSE, "ok", "$theirs", 50))
    notice = await clinic.room.post("a note", thread=None, reply_to=None, txn_id="t")
    assert notice is not None
    await clinic.staff("a reply to it", thread=notice)
    assert clinic.room.posts[-1].text == texts.UNKNOWN_THREAD


async def test_cancel_in_each_state(make_clinic: MakeClinic) -> None:
    clinic = await make_clinic()
    assert texts.NOTHING_TO_CANCEL in await clinic.say("/cancel")
    await clinic.say(UNCOVERED)
    assert texts.CONSENT_CANCELLED in await clinic.say("/cancel")
    assert clinic.room.posts == []
    await clinic.say("/human " + UNCOVERED)
    await clinic.say("yes")
    case = await clinic.case(2)
    assert texts.CANCELLED.format(case=2) in await clinic.say("/cancel")
    assert clinic.room.in_thread(clinic.root(case)) == [texts.WITHDRAWN.format(case=2)]
    assert (await clinic.case(2)).question is None


# -- emergencies, timeouts, blocked patients, outages -------------------------------------------


@pytest.mark.parametrize("notify", [True, False])
async def test_an_emergency_is_answered_first_and_staff_alerted(
    make_clinic: MakeClinic, notify: bool
) -> None:
    clinic = await make_clinic(notify_emergencies=notify)
    reply = await clinic.say(EMERGENCY)
    assert "call 999 now" in reply
    if not notify:
        assert clinic.room.posts == []
        return
    (alert,) = clinic.room.posts
    assert alert.text.startswith("🚨 Emergency alert, case #1: category ")
    assert "telegram" in alert.text and "crushing" not in alert.text
    await clinic.staff("On it", thread=alert.event_id)
    assert clinic.room.posts[-1].text == texts.ALERT_NO_REPLY.format(case=1)
    assert clinic.to_patient() == []


async def test_an_emergency_during_an_open_case_goes_to_its_thread(
    make_clinic: MakeClinic,
) -> None:
    clinic = await make_clinic()
    case = await clinic.open_case()
    assert "call 999 now" in await clinic.say(EMERGENCY)
    posted = clinic.room.in_thread(clinic.root(case))
    assert len(posted) == 1 and posted[0].startswith("⚠ The patient's message below")
    assert "crushing chest pain" in posted[0]
    assert len(clinic.room.posts) == 2  # no separate alert


async def test_timeout_notice_once(make_clinic: MakeClinic) -> None:
    clinic = await make_clinic(reply_within_minutes=5)
    case = await clinic.open_case()
    assert await clinic.handoff.outbox.check_once() == 0
    clinic.clock.now += 301
    for _ in range(3):
        await clinic.handoff.outbox.check_once()
        await clinic.flush()
    (notice,) = clinic.to_patient()
    contact = clinic.handoff.settings.clinic_contact
    assert notice.startswith(texts.TIMEOUT.format(case=1, contact=contact))
    assert notice.endswith(clinic.chat.service.settings.disclaimer.text)
    assert clinic.room.in_thread(clinic.root(case))[-1].startswith("No staff reply within 5 min")
    assert (await clinic.case()).timeout_notified_at is not None
    # answered in time: no notice
    await clinic.say("/cancel")
    second = await clinic.open_case()
    await clinic.staff("Here to help", thread=clinic.root(second))
    clinic.clock.now += 600
    assert await clinic.handoff.outbox.check_once() == 0
    report = await build_report(clinic.handoff.book.store, "24h", now=clinic.clock.now)
    assert report.handoff.timed_out == 1 and "timed out 1" in report.to_text()


async def test_a_patient_who_blocked_the_bot(make_clinic: MakeClinic) -> None:
    clinic = await make_clinic()
    case = await clinic.open_case()
    clinic.relay.blocked.add(PATIENT)
    await clinic.staff("Please come in tomorrow", thread=clinic.root(case))
    assert clinic.to_patient() == []
    assert (await clinic.case()).delivery_error == "blocked"
    assert clinic.room.in_thread(clinic.root(case)) == [texts.UNDELIVERABLE.format(case=1)]
    await clinic.staff("!cases")
    assert "patient unreachable" in clinic.room.posts[-1].text


async def test_outages_delay_but_never_lose_or_double(make_clinic: MakeClinic) -> None:
    clinic = await make_clinic()
    clinic.room.down = True
    await clinic.say(UNCOVERED)
    await clinic.say("yes")
    assert clinic.room.posts == []
    clinic.clock.now += 120  # the patient waits two minutes for the room to come back
    clinic.room.down = False
    await clinic.flush()
    (root,) = clinic.room.posts
    assert "Waiting: 2 min" in root.text
    clinic.relay.down = True
    await clinic.staff("Use ice", thread=root.event_id)
    assert clinic.to_patient() == []
    clinic.relay.down = False
    clinic.clock.now += 60
    await clinic.flush()
    await clinic.flush()
    assert len(clinic.to_patient()) == 1 and len(clinic.room.posts) == 1


async def test_forget_and_retention_delete_the_text(make_clinic: MakeClinic) -> None:
    clinic = await make_clinic()
    case = await clinic.open_case("I'm Margaret Thornton. " + UNCOVERED)
    store = clinic.handoff.book.store
    assert (await clinic.case()).question
    await clinic.say("/forget")
    await clinic.say("/forget yes")
    erased = await clinic.case()
    assert erased.status is CaseStatus.CLOSED and erased.close_reason == "forgotten"
    assert (erased.question, erased.context, erased.chat_id, erased.user_hash) == (
        None,
        (),
        None,
        None,
    )
    assert clinic.room.in_thread(clinic.root(case))[-1] == texts.FORGOTTEN.format(case=1)
    await clinic.staff("Hello?", thread=clinic.root(case))
    assert clinic.room.posts[-1].text == texts.CASE_CLOSED.format(case=1)
    assert clinic.to_patient() == []
    async with store.db.execute(
        "SELECT COUNT(*) FROM case_outbox WHERE body IS NOT NULL AND state != 'sent'"
    ) as cursor:
        assert (await cursor.fetchone()) == (0,)

    await clinic.say(UNCOVERED, user="777")
    await clinic.say("yes", user="777")
    assert (await clinic.case(2)).question
    removed = await store.purge_older_than(clinic.clock.now + 1)
    assert removed >= 1
    assert await store.get_case(2) is None or (await clinic.case(2)).question is None
    async with store.db.execute("SELECT COUNT(*) FROM cases WHERE question IS NOT NULL") as cursor:
        assert (await cursor.fetchone()) == (0,)


async def test_a_restart_between_each_step(make_clinic: MakeClinic) -> None:
    clinic = await make_clinic()

    async def restart() -> None:
        config = clinic.handoff.settings
        fresh = Handoff(config, clinic.chat.service, clinic.handoff.book.store)
        clinic.chat.service.hooks.clear()
        fresh.install()
        fresh.book.clock = clinic.clock
        fresh.attach(clinic.room)
        fresh.set_relay(clinic.relay)
        await fresh.load()
        clinic.handoff = fresh

    await clinic.say(UNCOVERED)
    await restart()
    await clinic.say("yes")
    await restart()
    root = clinic.root(await clinic.case())
    await clinic.staff("Ice and rest", thread=root, event="$once")
    await restart()
    await clinic.staff("Ice and rest", thread=root, event="$once")  # seen again after restart
    await clinic.flush()
    assert len(clinic.to_patient()) == 1
    assert clinic.handoff.open_now == 1


async def test_stats_and_metrics(make_clinic: MakeClinic) -> None:
    clinic = await make_clinic()
    metrics = Metrics(clinic.chat.assistant, handoff=clinic.handoff)
    case = await clinic.open_case()
    clinic.clock.now += 90
    await clinic.staff("Ice", thread=clinic.root(case))
    await clinic.say(EMERGENCY, user="888")
    await clinic.staff("!close 1")
    store = clinic.handoff.book.store
    report = await build_report(store, "24h", now=clinic.clock.now + 1)
    handoff = report.handoff
    assert (handoff.opened, handoff.closed, handoff.open_now, handoff.alerts) == (1, 1, 0, 1)
    assert handoff.first_reply_p50_min == pytest.approx(1.5)
    assert "Handoff: opened 1 · closed 1 · open now 0" in report.to_text()
    rendered = metrics.render().decode()
    assert 'healthbot_handoff_cases_total{event="opened",platform="telegram"} 1.0' in rendered
    assert 'healthbot_handoff_cases_total{event="alert",platform="telegram"} 1.0' in rendered
    assert "healthbot_handoff_open_cases 0.0" in rendered
    assert "healthbot_handoff_first_reply_seconds_count 1.0" in rendered


async def test_staff_see_placeholders_the_patient_their_words_and_logs_neither(
    make_clinic: MakeClinic, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    clinic = await make_clinic()
    patient = "88123456"
    await clinic.say("I'm Margaret Thornton, call me on 07700 900123. " + UNCOVERED, patient)
    await clinic.say("yes", patient)
    (root,) = clinic.room.posts
    assert "<PERSON_1>" in root.text and "Margaret" not in root.text and "07700" not in root.text
    await clinic.staff("Hello <PERSON_1>, we will call you today.", thread=root.event_id)
    await clinic.staff("!claim 1")
    (reply, claimed) = clinic.to_patient(patient)
    assert claimed.startswith(texts.CLAIMED.format(case=1))
    assert "Hello Margaret Thornton, we will call you today." in reply
    ours = ("adapters", "assistant", "bot", "healthbot")
    logged = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith(ours))
    assert "case #1" in logged
    for secret in ("Margaret", "Thornton", "07700", "knee", patient, NURSE, "call you"):
        assert secret not in logged


# -- the conversation service's escalation hook -----------------------------------------------

BARE = Reply("text", Source.FALLBACK, anonymized="question")


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        (BARE, None),
        (dataclasses.replace(BARE, unanswered=Unanswered.NO_PASSAGE), Escalation.UNANSWERED),
        (dataclasses.replace(BARE, unanswered=Unanswered.REJECTED), Escalation.UNANSWERED),
        (dataclasses.replace(BARE, unanswered=Unanswered.LLM_FAILED), Escalation.UNANSWERED),
        (Reply("Get care today", Source.URGENT, level="urgent"), Escalation.URGENT),
        (Reply("Call 999", Source.EMERGENCY, level="emergency"), None),
        (Reply("Drink water", Source.LLM), None),
    ],
    ids=["fallback-unmarked", "no-passage", "rejected", "llm-failed", "urgent", "emergency",
         "answered"],
)  # fmt: skip
def test_which_replies_escalate(reply: Reply, expected: Escalation | None) -> None:
    assert escalation(reply) is expected


#: triage's "urgent" level (a suspected DVT: get care today)
URGENT_WORDS = "My right calf has been swollen and sore since the long flight back"


@pytest.mark.parametrize("on_urgent", [True, False])
async def test_urgent_triage_offers_the_clinic_team_when_set(
    make_clinic: MakeClinic, on_urgent: bool
) -> None:
    clinic = await make_clinic(on_urgent=on_urgent)
    reply = await clinic.say(URGENT_WORDS)
    urgent_contact = clinic.chat.service.settings.triage.urgent_contact
    assert urgent_contact in reply.split(texts.URGENT_INTRO.strip())[0]  # guidance first
    assert (texts.URGENT_INTRO.strip() in reply) is on_urgent
    if not on_urgent:
        assert "clinic team" not in reply
        return
    assert "Sent to the clinic team as case #1" in await clinic.say("yes")
    (root,) = clinic.room.posts
    assert "Case #1 · telegram · triage: urgent" in root.text
    assert "calf has been swollen" in root.text


async def test_urgent_message_during_an_open_case_gets_the_guidance_and_goes_to_the_thread(
    make_clinic: MakeClinic,
) -> None:
    clinic = await make_clinic(on_urgent=True)
    case = await clinic.open_case()
    reply = await clinic.say(URGENT_WORDS)
    urgent_contact = clinic.chat.service.settings.triage.urgent_contact
    assert urgent_contact in reply and "Reply yes or no" not in reply
    (posted,) = clinic.room.in_thread(clinic.root(case))
    assert posted.startswith("⚠ The patient's message below got the urgent reply")
    assert "category pe_dvt" in posted and "calf has been swollen" in posted
