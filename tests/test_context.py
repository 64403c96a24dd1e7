"""Context reading shared by triage and the rules: negation, history, hypotheticals, others.

Table-driven: each case names the mention and how it must be read.
"""

from __future__ import annotations

import re

import pytest

from assistant.context import ContextReader, Scope, normalise
from assistant.errors import ConfigError
from assistant.settings import DATA_DIR

TRIAGE_SCOPE = Scope(window=5)
RULE_SCOPE = Scope(window=6, lists=True, historical=False, hypothetical=False)


@pytest.fixture(scope="module")
def reader() -> ContextReader:
    return ContextReader.from_file(DATA_DIR / "context.yaml")


def _assess(reader: ContextReader, text: str, mention: str, scope: Scope = TRIAGE_SCOPE):  # type: ignore[no-untyped-def]
    clean = reader.prepare(text)
    found = re.search(rf"\b{re.escape(mention)}\b", clean)
    assert found is not None, (mention, clean)
    return reader.read(clean).assess(found.start(), found.end(), scope)


# (text, mention, negated, historical, hypothetical, other)
CASES = [
    ("no chest pain, just a cough", "chest pain", True, False, False, False),
    ("I don't have any trouble breathing", "trouble breathing", True, False, False, False),
    ("she has had no fever since Monday", "fever", True, False, False, True),
    ("no tobacco use", "tobacco", True, False, False, False),
    ("patient denies back pain", "back pain", True, False, False, False),
    ("without any chest tightness", "chest tightness", True, False, False, False),
    ("the chest pain has gone now", "chest pain", True, False, False, False),
    ("I don't know what to do, my chest hurts", "chest hurts", False, False, False, False),
    ("I'm not sure but I think I have chest pain", "chest pain", False, False, False, False),
    ("I had a heart attack in 2019", "heart attack", False, True, False, False),
    ("my mum had a stroke years ago", "stroke", False, True, False, True),
    ("I had a seizure as a child", "seizure", False, True, False, False),
    ("had a seizure an hour ago and I still feel odd", "seizure", False, False, False, False),
    ("what counts as an overdose of paracetamol?", "overdose", False, False, True, False),
    ("what are the warning signs of a stroke?", "stroke", False, False, True, False),
    ("how can I prevent a heart attack?", "heart attack", False, False, True, False),
    ("what does an asthma attack feel like?", "asthma attack", False, False, True, False),
    ("my son cant breathe", "cant breathe", False, False, False, True),
    ("MY DAD IS HAVING CHEST PAINS", "chest pains", False, False, False, True),
    # after round 18
    ("no sweating, nothing going down my arm", "going down my arm", True, False, False, False),
    ("nothing helps the chest pain", "chest pain", False, False, False, False),
    (
        "if my wife was having a heart attack, how would I tell?",
        "heart attack",
        False,
        False,
        True,
        True,
    ),
    ("what would I see if he was having a stroke?", "stroke", False, False, True, True),
    ("not sure if he is having a stroke", "stroke", False, False, False, True),
    ("what does anaphylaxis actually mean?", "anaphylaxis", False, False, True, False),
    (
        "had a panic attack, couldn't breathe, it passed and I'm fine now",
        "breathe",
        False,
        True,
        False,
        False,
    ),
    ("had a panic attack and I still can't breathe", "breathe", False, False, False, False),
    ("what does it mean, my dad is confused", "confused", False, False, False, True),
    # after rounds 19-20: general questions and their near misses
    (
        "how common is sudden cardiac arrest in teenagers?",
        "cardiac arrest",
        False,
        False,
        True,
        False,
    ),
    (
        "how likely is it that I am having a heart attack now",
        "heart attack",
        False,
        False,
        False,
        False,
    ),
    ("is secondary drowning a real thing?", "drowning", False, False, True, False),
    ("if someone collapses, what do you do?", "collapses", False, False, True, False),
    (
        "if someone collapses how do I help, my dad just collapsed",
        "collapsed",
        False,
        False,
        False,
        True,
    ),
    ("how do I stop him getting heatstroke?", "heatstroke", False, False, True, False),
    ("which sepsis signs should we look out for?", "sepsis", False, False, True, False),
    ("scared of overdosing by mistake", "overdosing", False, False, True, False),
    ("whats the cut off for an iron overdose?", "overdose", False, False, True, False),
    ("can you overdose on it? I took 30 an hour ago", "overdose", False, False, False, False),
    ("she had sepsis last year, which left her tired", "sepsis", False, True, False, True),
    # after rounds 21-22: general questions, and the same with a report after them
    ("why do some people get sepsis after a minor graze?", "sepsis", False, False, True, False),
    ("why do some people get sepsis, my dad has it now", "sepsis", False, False, False, False),
    (
        "how do you turn someone who is unresponsive onto their side?",
        "unresponsive",
        False,
        False,
        True,
        False,
    ),
    (
        "how do you help someone unresponsive, please help",
        "unresponsive",
        False,
        False,
        False,
        False,
    ),
    ("stroke vs tia, are they the same thing?", "stroke", False, False, True, False),
    ("stroke vs tia, are they the same thing?", "tia", False, False, True, False),
    ("what would make you suspect meningitis?", "meningitis", False, False, True, False),
    ("which mushrooms are poisonous to dogs?", "poisonous", False, False, True, False),
    (
        "which mushrooms are poisonous, my son has eaten some",
        "poisonous",
        False,
        False,
        False,
        False,
    ),
    # the older cues stop where a report follows in the sentence
    ("can people die of sepsis?", "sepsis", False, False, True, False),
    ("can people die of sepsis, my dad has it now", "sepsis", False, False, False, False),
    ("what causes a seizure?", "seizure", False, False, True, False),
    ("what causes a seizure, he is shaking all over", "seizure", False, False, False, False),
    ("what if it is a stroke?", "stroke", False, False, True, False),
    ("what if it is a stroke, her face has dropped", "stroke", False, False, False, False),
]


@pytest.mark.parametrize(
    ("text", "mention", "negated", "historical", "hypothetical", "other"), CASES
)
def test_mentions_are_read_in_context(
    reader: ContextReader,
    text: str,
    mention: str,
    negated: bool,
    historical: bool,
    hypothetical: bool,
    other: bool,
) -> None:
    result = _assess(reader, text, normalise(mention))
    assert (result.negated, result.historical, result.hypothetical, result.other) == (
        negated,
        historical,
        hypothetical,
        other,
    ), result


def test_a_negation_reaches_across_a_list_for_the_rules_only(reader: ContextReader) -> None:
    text = "denies fever, cough, weight loss and back pain"
    assert _assess(reader, text, "back pain", RULE_SCOPE).negated
    assert not _assess(reader, text, "back pain", TRIAGE_SCOPE).negated


def test_a_denial_reaches_a_list_that_or_closes_for_triage_too(reader: ContextReader) -> None:
    text = "denies fever, cough, weight loss or back pain"
    assert _assess(reader, text, "back pain", RULE_SCOPE).negated
    assert _assess(reader, text, "back pain", TRIAGE_SCOPE).negated
    assert _assess(reader, text, "cough", TRIAGE_SCOPE).negated


@pytest.mark.parametrize(
    ("variant", "usual"),
    [("strugling to breath", "struggling to breath"), ("can t breathe", "cant breathe")],
)
def test_common_misspellings_are_folded(reader: ContextReader, variant: str, usual: str) -> None:
    assert usual in reader.prepare(variant)


def test_a_remembered_preparation_is_the_one_made_afresh() -> None:
    reader = ContextReader.from_file(DATA_DIR / "context.yaml")
    texts = [f"Strugling to breath {n}, can t breathe!" for n in range(600)]
    first = [reader.prepare(text) for text in texts]  # more texts than it remembers
    assert [reader.prepare(text) for text in reversed(texts)] == first[::-1]
    assert first[0] == normalise("struggling to breath 0, cant breathe!")


@pytest.mark.parametrize(
    ("content", "key"),
    [
        ("cues: {negated: {sideways: ['x']}}\n", r"ctx\.yaml: cues\.negated\.sideways"),
        # a cue naming a term the file does not define
        (
            "cues: {negated: {forward: ['no(?!{{later}})']}}\n",
            r"ctx\.yaml: cues\.negated\.forward\[0\]: unknown term \{\{later\}\}",
        ),
    ],
)
def test_a_broken_cue_file_names_the_key(tmp_path, content: str, key: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "ctx.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=key):
        ContextReader.from_file(path)
