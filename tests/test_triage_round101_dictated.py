"""Round 101 by kind: dictated voice-to-text messages. A drug name that dictation splits or
mishears ("para set a mol") is folded back to the name, so an overdose told that way, with
the person feeling well, stays an emergency (NHS paracetamol overdose: A&E now even if you
feel fine). Dictated punctuation said as words ("full stop", "new line") is read as a full
stop, so the sentences stay apart. A general question about the warning signs of suicide in
someone else, and a poisons number asked ahead "for the fridge", are not emergencies; near
misses with something happening now must stay emergencies. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.normalize import normalize_text
from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- a misheard paracetamol overdose, feeling well (NHS paracetamol overdose) ----------
    ("took about 24 para set a mol tablets two hours ago and i feel totally normal", "emergency"),
    ("swallowed a whole box of parasite a mol this morning, feel ok though", "emergency"),
    ("i took loads of para see tamol at lunch like 25 of them, feeling fine", "emergency"),
    ("my dad took 30 para seat amol an hour ago and says hes fine", "emergency"),
    # -- a general question about the warning signs of suicide in someone else (NHS help
    # for suicidal thoughts: worried about someone else) -----------------------------------
    ("what are the warning signs that someone might be suicidal? asking in general", None),
    (
        "how can you tell if a colleague might be thinking about suicide? what signs to watch out for",
        None,
    ),
    # near misses: something said, done or timed now
    (
        "what are the signs someone is suicidal? my friend texted me goodbye and isnt answering",
        "emergency",
    ),
    (
        "how do you know if someone is suicidal, my brother said tonight is the night and has pills",
        "emergency",
    ),
    (
        "what signs should i look for, my mate keeps talking about suicide and gave away his dog",
        "emergency",
    ),
    ("what are the signs of suicide, im thinking about suicide myself right now", "emergency"),
    # -- a poisons number asked ahead of time (NHS poisoning) -------------------------------
    (
        "whats the number to call if a toddler drinks dishwasher liquid, writing it down for the fridge",
        None,
    ),
    (
        "which number should we ring if the kids ever get into the bleach? want it on the fridge just in case",
        None,
    ),
    # near misses: a swallow told now
    (
        "my son just swallowed bleach what number do i ring, putting it on the fridge after",
        "emergency",
    ),
    ("what number do i call, my daughter drank bleach, just in case its serious", "emergency"),
    (
        "what number if a child swallows bleach, she had some of it just in case you ask",
        "emergency",
    ),
    # -- dictated punctuation: floaters with "full stop" then no curtain stay same-day; a
    # curtain said after it is still an emergency (NHS floaters and flashes in the eyes) --
    ("lots of new floaters in my left eye and flashes at the side full stop no curtain", "urgent"),
    (
        "new floaters and flashes full stop now a dark curtain coming down over my sight",
        "emergency",
    ),
    ("he collapsed full stop not breathing", "emergency"),
    ("new line my wife is unconscious and not breathing full stop", "emergency"),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round101_dictated(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level


@pytest.mark.parametrize(
    ("text", "prepared"),
    [
        ("flashes at the edge full stop no shadow", "flashes at the edge . no shadow"),
        ("my knee hurts new line it is swollen", "my knee hurts . it is swollen"),
        ("i took 20 para seat a mall", "i took 20 paracetamol"),
    ],
)
def test_dictated_words_are_read(triage: Triage, text: str, prepared: str) -> None:
    assert triage.prepare(normalize_text(text)) == prepared
