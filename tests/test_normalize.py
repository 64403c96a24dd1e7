"""Unicode clean-up before any stage: invisible characters, compatibility forms, and
look-alike letters inside Latin words; other scripts left alone."""

from __future__ import annotations

import pytest

from assistant.messages import IncomingMessage, Source
from assistant.normalize import normalize_text
from tests.conftest import MakeChat

CASES = [
    ("zero-width spaces inside words", "ch\u200best pa\u200bin", "chest pain"),
    ("joiners, soft hyphen, BOM", "he\u200dad\u00ada\ufeffche", "headache"),
    ("bidi marks", "\u202ebreathing\u202c", "breathing"),
    ("full-width letters", "ｃｈｅｓｔ　ｐａｉｎ", "chest pain"),
    ("ligature", "ﬁt", "fit"),
    ("Cyrillic letters in a Latin word", "сhеst pain", "chest pain"),
    ("Greek omicron in a Latin word", "strοke", "stroke"),
    ("a Cyrillic name stays Cyrillic", "Ольга has a cough", "Ольга has a cough"),
    ("a Greek word stays Greek", "Δημήτρης", "Δημήτρης"),
    ("accented Latin stays", "Zoë Müller, café", "Zoë Müller, café"),
    ("control characters become spaces", "a\x00b\x07c", "a b c"),
    ("line breaks and tabs stay", "one\ntwo\tthree", "one\ntwo\tthree"),
    ("plain ASCII is unchanged", "I have a cough.", "I have a cough."),
]


@pytest.mark.parametrize(("why", "raw", "expected"), CASES, ids=[c[0] for c in CASES])
def test_normalize_text(why: str, raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


async def test_hidden_characters_do_not_hide_an_emergency(make_chat: MakeChat) -> None:
    chat = await make_chat()
    text = "I have ch\u200best pa\u200bin spreading to my left arm"
    assert chat.assistant.is_emergency(text)  # the rate limit's bypass reads it the same way
    reply = await chat.ask(IncomingMessage(platform="console", chat_id="c", user_id="u", text=text))
    assert reply.source is Source.EMERGENCY
