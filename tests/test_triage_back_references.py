"""Long histories that tell a past serious event first and name it again later ("since the
sepsis", "after that cardiac arrest"), while the present problem is routine (round 53). The
context reader carries the past forward: a sentence that opens with a past time reaches its
whole sentence, and a later back-reference to an event told as history is history too,
unless the message says it is happening again now. Near misses the other way: the same
events happening now. Our own words throughout (NHS 111 asks about what is happening now).
"""

from __future__ import annotations

import re

import pytest

from assistant.context import ContextReader, Scope
from assistant.settings import DATA_DIR
from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- a time phrase of the past opens the sentence ------------------------------------------
    ("Four years ago I had a pulmonary embolism after a long flight, can I fly to Spain?", None),
    (
        "Two winters ago my son collapsed at football and was unconscious for a minute, the "
        "hospital found nothing. He wants to play again, should he?",
        None,
    ),
    (
        "Last summer she had a febrile convulsion with a chest infection, she went floppy and "
        "shook for a minute. Will she grow out of them?",
        None,
    ),
    (
        "About eighteen months ago I vomited blood from an ulcer and needed a transfusion. Is "
        "aspirin safe for me?",
        None,
    ),
    (
        "In May my husband had a heart attack and two stents. Is it normal that he tires on "
        "the stairs?",
        None,
    ),
    (
        "Three weeks ago my flatmate took an overdose and was in hospital for two days. She is "
        "home and seeing the crisis team, how can I help her?",
        None,
    ),
    # near misses: the sentence turns to the present
    ("Two years ago I had a stroke and my face is drooping on one side today.", "emergency"),
    (
        "Two years ago I had a heart attack, I've had chest pain since and it is crushing.",
        "emergency",
    ),
    ("Three weeks ago I gave birth and I'm bleeding heavily with big clots.", "emergency"),
    # -- the event named again later -----------------------------------------------------------
    (
        "Three years ago I was treated for sepsis after a kidney infection. Since the sepsis I "
        "get tired easily, is that normal?",
        None,
    ),
    (
        "Last year my dad had a cardiac arrest while jogging and was brought back with a "
        "defib. After that cardiac arrest he got an ICD, can he use a microwave?",
        None,
    ),
    (
        "In 2020 our daughter swallowed a coin battery and needed an operation. Since the "
        "battery she has been eating normally, does she need more checks?",
        None,
    ),
    (
        "Five years ago I had DKA with a tummy bug. How do I stop the DKA from happening on "
        "holiday?",
        None,
    ),
    # near misses: it is happening again now
    (
        "Two years ago I had sepsis. It's happening again, I'm shivering, mottled and confused.",
        "emergency",
    ),
    (
        "Five years ago I took an overdose. I've just taken another overdose of 30 paracetamol.",
        "emergency",
    ),
    (
        "Last year I had a heart attack. I've got the same crushing chest pain as the heart "
        "attack.",
        "emergency",
    ),
    (
        "Three years ago he had a seizure at school. He is having another seizure now and will "
        "not stop shaking.",
        "emergency",
    ),
    # a service named after an ongoing condition is no back-reference
    (
        "Diagnosed with epilepsy when she was 4. The epilepsy nurse said to ring 999 after 5 "
        "minutes, she has been fitting for 6 minutes and is still jerking.",
        "emergency",
    ),
    # -- a later event dated by a past one -----------------------------------------------------
    (
        "In 2018 she had a knee replacement. She had a clot in her lung after the knee op and "
        "took blood thinners for six months. Should she have the other knee done?",
        None,
    ),
    # near misses: an operation not placed in the past
    (
        "She had a clot in her lung after the knee op last week and now she is breathless.",
        "emergency",
    ),
    ("I have a swollen calf and chest pain after my knee op.", "emergency"),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_back_references(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level


# -- the context reader on its own ----------------------------------------------------------

SCOPE = Scope(window=5)


@pytest.fixture(scope="module")
def reader() -> ContextReader:
    return ContextReader.from_file(DATA_DIR / "context.yaml")


def _last(reader: ContextReader, text: str, mention: str) -> tuple[str, int, int]:
    clean = reader.prepare(text)
    found = list(re.finditer(rf"\b{re.escape(mention)}\b", clean))
    assert found, (mention, clean)
    return clean, found[-1].start(), found[-1].end()


# (text, mention whose LAST occurrence is judged, read as history)
READER_CASES = [
    ("Two years ago I had sepsis. After the sepsis I felt weak for months.", "sepsis", True),
    ("In 2019 he had a seizure. Since that seizure he has not driven.", "seizure", True),
    ("I had a clot in 2021, so I worry about the clot on flights", "clot", False),
    ("Years ago I had a clot in my leg. The clot pain is back.", "clot", False),
    (
        "Two years ago I had a clot. Since this morning I have had the same clot pain.",
        "clot",
        False,
    ),
    # not told as history before: a back-reference alone is not enough
    ("My leg is swollen. The clot is in my calf, the scan showed.", "clot", False),
    # a sentence-opening past time reaches across commas, up to the present tense
    ("Last year she had a fit, she went stiff and then jerked for a minute.", "jerked", True),
    ("Last year she had a fit, and today she is jerking on and off.", "jerking", False),
    ("Last year she had a fit, she is jerking on and off.", "jerking", False),
    # a service for an ongoing condition
    ("She has had epilepsy since 2015. The epilepsy nurse is lovely.", "epilepsy", False),
]


@pytest.mark.parametrize(("text", "mention", "historical"), READER_CASES)
def test_reader_carries_past_forward(
    reader: ContextReader, text: str, mention: str, historical: bool
) -> None:
    clean, start, end = _last(reader, text, mention)
    assert reader.read(clean).assess(start, end, SCOPE).historical is historical


def test_back_reference_needs_a_cue_before_the_mention(reader: ContextReader) -> None:
    text = "Two years ago I had sepsis. I think sepsis is scary."
    clean, start, end = _last(reader, text, "sepsis")
    assert not reader.read(clean).refers_back_to_past(start, end, SCOPE)
