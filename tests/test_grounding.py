"""How the grounded stage words its replies: care pointers, urgent lines, and who is asked."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assistant.errors import ConfigError
from assistant.knowledge import load_care_pointers
from assistant.messages import IncomingMessage, Source, Unanswered
from assistant.settings import DATA_DIR
from bot.config import AppConfig

from .conftest import MakeChat
from .fakes import FakeBackend

POINTERS = DATA_DIR / "care_pointers.yaml"


def _message(text: str) -> IncomingMessage:
    return IncomingMessage(platform="telegram", chat_id="c", user_id="u", text=text)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("I took 30 of my sleeping tablets an hour ago and feel odd", "emergency_signs"),
        ("my root canal filling fell out, how long can it wait", "teeth"),
        ("I am 20 weeks pregnant and wonder about flying", "pregnancy"),
        ("my scan report mentions a small nodule, what now", "results"),
        ("can I stop my tablets when I feel better", "medicines"),
    ],
)
async def test_the_honest_fallback_names_the_service_that_fits(
    make_chat: MakeChat, question: str, expected: str
) -> None:
    chat = await make_chat()
    responder = chat.assistant.responder
    assert responder is not None
    pointers = {p.id for p in responder.pointers_for(question)}
    assert expected in pointers
    assert len(responder.pointers_for(question)) <= 2


@pytest.mark.parametrize(
    "question",
    [
        "my dad took 40 of his heart tablets by mistake",
        "Took 30 5mg of zopiclone last night, afraid of going to hospital?",
    ],
)
async def test_a_possible_overdose_is_flagged_above_any_reply(
    make_chat: MakeChat, question: str
) -> None:
    # Triage's emergency level reads these first (issue 9); should a wording slip past it,
    # the knowledge stage still puts the emergency pointer above whatever it answers.
    chat = await make_chat()
    reply = await chat.ask(_message(question))
    assert reply.source is Source.EMERGENCY and "call 999 now" in reply.text
    responder = chat.assistant.responder
    assert responder is not None
    urgent = responder.urgent_lines(question)
    assert urgent and urgent[0].startswith("If anyone has severe chest pain")
    assert "may have taken an overdose, call emergency services now" in urgent[0]
    assert responder.no_passage_reply(question).startswith(urgent[0])


@pytest.mark.parametrize(
    ("mode", "asked"),
    [("auto", True), ("grounded", True), ("passage", False)],
)
async def test_who_writes_the_answer(
    make_chat: MakeChat, app_config: AppConfig, mode: str, asked: bool
) -> None:
    config = app_config.model_copy(deep=True)
    config.llm.enabled = True
    config.knowledge.answer_mode = mode  # type: ignore[assignment]
    backend = FakeBackend(answer="Hiccups usually stop on their own within a few minutes.")
    chat = await make_chat(config, backend=backend)
    reply = await chat.ask(_message("How do I get rid of hiccups?"))
    assert (len(backend.history) == 1) is asked
    assert reply.source is (Source.LLM if asked else Source.KNOWLEDGE)
    assert "Based on: Hiccups (NHS: Hiccups)" in reply.text


async def test_auto_shows_the_passage_for_a_model_measured_too_small(
    make_chat: MakeChat, app_config: AppConfig
) -> None:
    config = app_config.model_copy(deep=True)
    config.llm.enabled = True
    config.knowledge.passage_only_models = ["scripted-model"]
    backend = FakeBackend(answer="never used")
    chat = await make_chat(config, backend=backend)
    reply = await chat.ask(_message("How do I get rid of hiccups?"))
    assert backend.history == [] and reply.source is Source.KNOWLEDGE
    assert reply.unanswered is None and reply.llm is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"colour": "red"}, r"unknown keys \['colour'\]"),
        ({"patterns": ["("]}, r"patterns\[0\]: invalid regular expression"),
        ({"terms": []}, r"'terms' must list at least one word"),
        ({"always": "yes"}, r"'always' must be true or false"),
        ({"source": "my aunt"}, r"'source' must name the public guidance"),
    ],
)
def test_bad_care_pointers_are_reported(
    tmp_path: Path, change: dict[str, object], message: str
) -> None:
    pointer = {"id": "dentist", "source": "NHS: Toothache", "terms": ["tooth"], "text": "Go."}
    path = tmp_path / "care_pointers.yaml"
    path.write_text(yaml.safe_dump({"pointers": [{**pointer, **change}]}), encoding="utf-8")
    with pytest.raises(
        ConfigError, match=r"care_pointers\.yaml: pointers\[0\] \(id 'dentist'\): " + message
    ):
        load_care_pointers(path)


def test_the_shipped_pointers_load() -> None:
    pointers = load_care_pointers(POINTERS)
    assert pointers[0].id == "emergency_signs" and pointers[0].always
    assert all(p.source.startswith("NHS") for p in pointers)


async def test_unanswered_outcomes_are_explicit_on_the_reply(
    make_chat: MakeChat,
) -> None:
    chat = await make_chat()
    covered = await chat.ask(_message("How do I get rid of hiccups?"))
    uncovered = await chat.ask(_message("what is the capital of France"))
    assert covered.unanswered is None
    assert uncovered.unanswered is Unanswered.NO_PASSAGE
