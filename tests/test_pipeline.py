"""The assistant end to end: real Presidio, triage, rules, storage and disclaimer.

Each message takes the path every adapter's message takes (the conversation service), so the
replies are what a patient reads. The LLM stage uses :class:`tests.fakes.FakeBackend`: these
tests need exact model text (placeholders to restore, failures, hangs) that a real model
cannot be made to produce. The real SmolLM2 and llama.cpp server are tested in test_llm_*.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3

import pytest

from assistant.acuity import ACUITY_CATEGORY
from assistant.messages import IncomingMessage, Source, Unanswered
from bot.config import AppConfig
from tests.fakes import Fail, FakeBackend, FixedAcuity, Hang

from .conftest import MakeChat, load_jsonl


def _message(text: str, user: str = "u1") -> IncomingMessage:
    return IncomingMessage(platform="telegram", chat_id=f"chat-{user}", user_id=user, text=text)


def _llm_config(app_config: AppConfig, timeout_s: float = 5.0) -> AppConfig:
    config = app_config.model_copy(deep=True)
    config.llm.enabled = True
    config.llm.timeout_s = timeout_s
    return config


async def test_emergency_gets_fixed_guidance_and_never_the_llm(
    make_chat: MakeChat, app_config: AppConfig
) -> None:
    backend = FakeBackend(answer="should never be used")
    chat = await make_chat(_llm_config(app_config), backend=backend)
    reply = await chat.ask(_message("I have crushing chest pain spreading to my left arm"))
    assert reply.source is Source.EMERGENCY and reply.category == "cardiac"
    assert app_config.triage.emergency_number in reply.text
    assert reply.text.endswith(app_config.disclaimer.text)
    assert backend.history == []


async def test_self_harm_reply_carries_the_crisis_line(
    make_chat: MakeChat, app_config: AppConfig
) -> None:
    chat = await make_chat()
    reply = await chat.ask(_message("i want to end my life"))
    assert reply.source is Source.EMERGENCY and reply.category == "self_harm"
    assert app_config.triage.crisis_line in reply.text


async def test_rule_answers_a_common_question(make_chat: MakeChat) -> None:
    chat = await make_chat()
    reply = await chat.ask(_message("What are the symptoms of flu?"))
    assert reply.source is Source.RULE and reply.intent == "flu_symptoms"
    assert set(reply.timings_ms) >= {"anonymize", "embed", "triage", "rules", "total"}
    assert reply.level is None


async def test_urgent_gets_fixed_guidance_with_the_urgent_contact_and_never_the_llm(
    make_chat: MakeChat, app_config: AppConfig
) -> None:
    backend = FakeBackend(answer="should never be used")
    chat = await make_chat(_llm_config(app_config), backend=backend)
    reply = await chat.ask(
        _message("My right calf has been swollen and sore since the long flight back")
    )
    assert reply.source is Source.URGENT and reply.level == "urgent"
    assert reply.category == "pe_dvt"
    assert app_config.triage.urgent_contact in reply.text
    assert app_config.triage.emergency_number in reply.text  # what to do if it gets worse
    assert reply.text.endswith(app_config.disclaimer.text)
    assert backend.history == []
    # triage answered: the rules never ran (the question is embedded for the acuity model,
    # which may raise an urgent flag to an emergency)
    assert "rules" not in reply.timings_ms and "embed" in reply.timings_ms


async def test_emergency_reply_carries_its_level(make_chat: MakeChat) -> None:
    chat = await make_chat()
    reply = await chat.ask(_message("MY DAD IS HAVING CHEST PAINS AND HE IS GREY"))
    assert reply.source is Source.EMERGENCY and reply.level == "emergency"


async def test_llm_sees_only_placeholders_and_the_reply_is_restored(
    make_chat: MakeChat, app_config: AppConfig
) -> None:
    backend = FakeBackend(
        answer="<PERSON_1>, keeping your whole body warm and wearing gloves and warm socks help "
        "with Raynaud's."
    )
    chat = await make_chat(_llm_config(app_config), backend=backend)
    assistant = chat.assistant
    reply = await chat.ask(
        _message("Hi, I'm Sarah Mitchell. Why do my fingers go white in the cold?")
    )
    assert reply.source is Source.LLM and reply.intent == "raynauds"
    prompt = " ".join(turn.content for turn in backend.history[0].messages)
    assert "Sarah" not in prompt and "Mitchell" not in prompt and "<PERSON_1>" in prompt
    assert "Raynaud's is common" in prompt  # the vetted passage is in the prompt
    assert reply.text.startswith("Sarah Mitchell, keeping your whole body warm")
    assert "Based on: Raynaud's phenomenon (NHS: Raynaud's)" in reply.text
    assert "PERSON" not in reply.text
    assert reply.llm is not None and reply.llm.completion_tokens == 5
    # The memory keeps the anonymized turn, never the name.
    history = " ".join(t.content for t in assistant.memory.history(_message("x").conversation_key))
    assert "<PERSON_1>" in history and "Sarah" not in history


@pytest.mark.parametrize(
    ("backend", "expected_error", "unanswered"),
    [
        (FakeBackend(Fail("http_500")), "http_500", Unanswered.LLM_FAILED),
        (FakeBackend("   "), "empty", Unanswered.LLM_FAILED),
        (FakeBackend(Hang()), "timeout", Unanswered.LLM_FAILED),
        (
            FakeBackend("As a doctor, I see this every day. Ferritin is fine."),
            "llm_rejected:persona",
            Unanswered.REJECTED,
        ),
    ],
)
async def test_llm_failures_and_rejections_show_the_vetted_passage_and_are_stored(
    make_chat: MakeChat,
    app_config: AppConfig,
    backend: FakeBackend,
    expected_error: str,
    unanswered: Unanswered,
) -> None:
    chat = await make_chat(_llm_config(app_config, timeout_s=0.5), backend=backend)
    assistant = chat.assistant
    reply = await chat.ask(_message("What are the symptoms of anaemia?"))
    assert reply.source is Source.FALLBACK and reply.unanswered is unanswered
    assert reply.intent == "anaemia" and "Based on: Anaemia" in reply.text
    assert "I couldn't put together a reliable answer" in reply.text
    assert app_config.knowledge.clinic_contact in reply.text
    assert reply.text.endswith(app_config.disclaimer.text)
    assert assistant.store is not None
    await assistant.store.flush()
    with sqlite3.connect(app_config.storage.path) as db:
        row = db.execute("SELECT source, intent, llm_error FROM messages").fetchone()
    assert row == ("fallback", "anaemia", expected_error)


async def test_no_vetted_passage_gets_an_honest_reply_and_the_model_is_not_asked(
    make_chat: MakeChat, app_config: AppConfig
) -> None:
    backend = FakeBackend(answer="should never be used")
    chat = await make_chat(_llm_config(app_config), backend=backend)
    reply = await chat.ask(_message("Can I take my cat's worming tablets on a yacht?"))
    assert reply.source is Source.FALLBACK and reply.unanswered is Unanswered.NO_PASSAGE
    assert "can't answer that one reliably" in reply.text
    assert app_config.knowledge.clinic_contact in reply.text and reply.llm is None
    assert backend.history == []


async def test_llm_disabled_answers_with_the_vetted_passage(
    make_chat: MakeChat, app_config: AppConfig
) -> None:
    chat = await make_chat()
    reply = await chat.ask(_message("How do I get rid of hiccups that will not stop?"))
    assert reply.source is Source.KNOWLEDGE and reply.llm is None and reply.unanswered is None
    assert reply.intent == "hiccups" and "Based on: Hiccups (NHS: Hiccups)" in reply.text
    assert "When to get help:" in reply.text and reply.text.endswith(app_config.disclaimer.text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("   ", "didn't catch a question"), ("a" * 5000, "5000 characters long")],
)
async def test_bad_input_gets_a_clear_reply(
    make_chat: MakeChat, app_config: AppConfig, text: str, expected: str
) -> None:
    chat = await make_chat()
    reply = await chat.ask(_message(text))
    assert expected in reply.text and reply.text.endswith(app_config.disclaimer.text)


async def test_rule_threshold_semantics(make_chat: MakeChat, app_config: AppConfig) -> None:
    question = "any tips for a throat that feels scratchy?"
    strict = app_config.model_copy(deep=True)
    strict.llm.rule_threshold = 0.0
    loose = app_config.model_copy(deep=True)
    loose.llm.rule_threshold = 1.0
    strict_reply = await (await make_chat(strict)).ask(_message(question))
    loose_reply = await (await make_chat(loose)).ask(_message(question))
    assert strict_reply.source is not Source.RULE
    assert loose_reply.source is Source.RULE and loose_reply.intent == "sore_throat"


async def test_rows_hold_no_text_and_logs_no_pii(
    make_chat: MakeChat, app_config: AppConfig, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    chat = await make_chat()
    assistant = chat.assistant
    cases = load_jsonl("pii_public.jsonl")
    replies = [await chat.ask(_message(c["text"], user=c["id"])) for c in cases]
    assert all(r.text.endswith(app_config.disclaimer.text) for r in replies)
    assert assistant.store is not None
    await assistant.store.flush()
    with sqlite3.connect(app_config.storage.path) as db:
        rows = db.execute("SELECT * FROM messages").fetchall()
    assert len(rows) == len(cases)
    dumped = repr(rows) + caplog.text
    leaked = [i["value"] for c in cases for i in c["pii"] if i["value"] in dumped]
    assert leaked == []
    assert "message handled" in caplog.text


async def test_concurrent_users_do_not_share_placeholders(make_chat: MakeChat) -> None:
    chat = await make_chat()
    first, second = await asyncio.gather(
        chat.ask(_message("My name is Oliver Hughes, how much water should I drink?", "a")),
        chat.ask(_message("My name is Grace Liu, how much water should I drink?", "b")),
    )
    assert "<PERSON_1>" in first.anonymized and "<PERSON_1>" in second.anonymized
    assert first.source is Source.RULE and second.source is Source.RULE


@pytest.mark.parametrize(
    "opening",
    ["", "Hi, I'm Sarah Mitchell. ", "This is Tom Walsh, my number is 07700 900123. "],
)
async def test_an_introduction_does_not_keep_a_rule_from_answering(
    make_chat: MakeChat, opening: str
) -> None:
    chat = await make_chat()
    reply = await chat.ask(_message(opening + "What is a normal blood pressure?"))
    assert reply.source is Source.RULE and reply.intent == "blood_pressure"
    assert "Tom Walsh" not in (reply.anonymized or "") and "07700" not in (reply.anonymized or "")


async def test_acuity_fallback_answers_what_no_red_flag_names_and_never_the_llm(
    make_chat: MakeChat, app_config: AppConfig
) -> None:
    backend = FakeBackend(answer="should never be used")
    chat = await make_chat(_llm_config(app_config), backend=backend)
    acuity = FixedAcuity(app_config.triage.acuity, chat.assistant.triage.reader.prepare, 0.99)
    chat.assistant.acuity = acuity
    text = "Hi, I'm Anna Schmidt. My grandad has gone a strange colour and is very quiet today"
    reply = await chat.ask(_message(text))
    assert reply.source is Source.URGENT and reply.level == "urgent"
    assert reply.category == ACUITY_CATEGORY
    assert app_config.triage.urgent_contact in reply.text
    assert reply.text.endswith(app_config.disclaimer.text)
    assert backend.history == [] and "rules" not in reply.timings_ms
    # it read the anonymized question, never the name
    assert acuity.texts and all("anna" not in seen for seen in acuity.texts)


@pytest.mark.parametrize(
    ("acute", "fail", "stands_down"),
    [(0.05, False, True), (0.5, False, False), (0.05, True, False)],
)
async def test_an_emergency_flag_stands_down_for_a_general_question_with_a_safety_net(
    make_chat: MakeChat, app_config: AppConfig, acute: float, fail: bool, stands_down: bool
) -> None:
    """The cardiac flag fires on the words; a model reading the question as far from acute
    stands it down, and the answer opens with the safety-net line. A model reading it as
    acute, or failing, leaves the emergency reply."""
    chat = await make_chat()
    prepare = chat.assistant.triage.reader.prepare
    model = FixedAcuity(app_config.triage.acuity, prepare, acute, fail=fail)
    chat.assistant.acuity = model
    text = "is it normal to have crushing chest pain going down the left arm?"
    assert chat.assistant.triage.assess(text) is not None
    reply = await chat.ask(_message(text))
    net = chat.assistant.triage.safety_net(app_config.triage.emergency_number)
    assert reply.text.endswith(app_config.disclaimer.text)
    if stands_down:
        assert reply.level is None and reply.text.startswith(net)
        assert app_config.triage.emergency_number in reply.text
    else:
        assert reply.level == "emergency" and net not in reply.text
    assert model.texts  # it read the question


@pytest.mark.parametrize("probability", [0.0, 0.5])
async def test_below_its_threshold_or_failing_the_acuity_model_lets_the_message_go_on(
    make_chat: MakeChat, app_config: AppConfig, probability: float
) -> None:
    chat = await make_chat()
    prepare = chat.assistant.triage.reader.prepare
    for model in (
        FixedAcuity(app_config.triage.acuity, prepare, probability),
        FixedAcuity(app_config.triage.acuity, prepare, 0.99, fail=True),
    ):
        chat.assistant.acuity = model
        reply = await chat.ask(_message("What are the symptoms of flu?"))
        assert reply.source is Source.RULE and reply.intent == "flu_symptoms"


_VOMITING = "every sip of water comes straight back up since this morning"
_PASSIVE_WISH = "lately it would be easier not to wake up in the morning"


@pytest.mark.parametrize(
    ("text", "emergency", "fail", "level", "category"),
    [
        # a model reading the picture as an emergency raises the urgent flag
        (_VOMITING, 0.99, False, "emergency", ACUITY_CATEGORY),
        # below its emergency threshold, or failing, the flag's own reply goes out
        (_VOMITING, 0.5, False, "urgent", "dehydration"),
        (_VOMITING, 0.99, True, "urgent", "dehydration"),
        # self-harm keeps its own reply, with the crisis line
        (_PASSIVE_WISH, 0.99, False, "urgent", "self_harm"),
    ],
)
async def test_an_urgent_flag_is_a_floor_the_acuity_model_can_raise(
    make_chat: MakeChat,
    app_config: AppConfig,
    text: str,
    emergency: float,
    fail: bool,
    level: str,
    category: str,
) -> None:
    chat = await make_chat()
    prepare = chat.assistant.triage.reader.prepare
    flag = chat.assistant.triage.assess(text)
    assert flag is not None and flag.level == "urgent"
    model = FixedAcuity(app_config.triage.acuity, prepare, 0.99, emergency=emergency, fail=fail)
    chat.assistant.acuity = model
    reply = await chat.ask(_message(text))
    assert reply.level == level and reply.category == category
    assert reply.text.endswith(app_config.disclaimer.text)
