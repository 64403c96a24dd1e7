"""The regex pre-filter: what it reads from a pattern, and that it never changes a result.

Skipping must be sound: WordIndex.finditer gives exactly the matches of regex.finditer, for
every regex triage, the rules and the context reader index, on all our own texts.
"""

from __future__ import annotations

import re
from itertools import pairwise

import pytest

from assistant.embeddings import create_embedder
from assistant.normalize import normalize_text
from assistant.prefilter import (
    Gates,
    IndexedRegex,
    WordIndex,
    branch_words,
    first_words,
    gate_of,
    required_words,
)
from assistant.prefilter_alternation import IndexedAlternation, finditer_alternation
from assistant.rules import RuleBook
from assistant.settings import EmbeddingSettings, RulesSettings, TriageSettings
from assistant.triage import Triage
from bot.evaluation import LABEL_DIR, load_jsonl


@pytest.mark.parametrize(
    ("pattern", "starts"),
    [
        (r"\bchest pains?\b", {"chest "}),
        (r"\b(?:chest|heart) pain", {"chest ", "heart "}),
        (r"\b(?:im|i am|is) having chest pain", {"im ", "i ", "is "}),
        (r"\bpregnan\w*", {"pregna"}),
        (r"\b(?:bright )?lights? hurt", {"bright ", "light ", "lights "}),
        (r"\bkill(?:ing)? (?:my|him)self\b", {"kill ", "killing "}),
        (r"\b(?:[1-9]|1[0-7]) years?", set("123456789")),
        (r"\bsob\b|\bwheez", {"sob ", "wheez"}),
        # after a look-behind for a non-word character, or at the start: a word starts there
        (r"(?:(?<=\bno )|(?<=\bdenies ))(?:any )?thoughts? of", {"any ", "thought ", "thoughts "}),
        (r"(?:^|(?<=[.!?;] ))(?:about )?two years ago", {"about ", "two "}),
        # ... and with no word after it, the anchored positions themselves
        (r"(?:^|(?<=[.!?]))(?=[^.!?]*\bmeaning\b)", {"^", "<\n", "<.", "<!", "<?"}),
        (r"\A(?=x)", {"^"}),
        # a look-behind's fixed ending is the key: only after those characters
        (r"(?<=\bno )\w+", {"<no "}),
        (r"(?:^|(?<=[.?] ))(?=\w)", {"^", "<\n", "<. ", "<? "}),
        (r"(?<=\bred flags:)(?= ?none)", {"<red flags:"}),
        (r"(?<=\w )(?=x)", {"< "}),  # a class of any word character ends it
        # a match that opens with a non-word character: where that character is
        (r",|\bbut\b", {"@,", "but "}),
        (r"[.!?]+|\bso\b", {"@.", "@!", "@?", "so "}),
        (r"\bfoo_bar", {"foo"}),
        # cannot tell: a match may start inside a word, with any word, or with punctuation
        (r"pain", None),
        (r"\b\w+ pain", None),
        (r"_x", None),  # "_" is a word character no key spells
        (r"(?i)\bchest", None),
        (r"(?<=a)(?=x)", None),  # after a word character: inside a word, maybe
        (r"(?<=[^.])x", None),
        (r"(?<!\bno )pain", None),  # a negative look-behind says nothing
    ],
)
def test_first_words(pattern: str, starts: set[str] | None) -> None:
    found = first_words(re.compile(pattern))
    assert (None if found is None else set(found)) == starts


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        (r"\b(?:im|is) having (?:\w+ )?chest pains?\b", [{"chest "}, {"having "}]),
        (r"\b\w+ing pain", [{"pain"}]),
        (r"\b(?:elephant|weight)\b(?: \w+){0,2}? on (?:my|his) chest\b", [{"on "}, {"chest "}]),
        (r"\bchest\w*pain", [{"chest"}]),  # "pain" may sit inside a word: no requirement
        (r"(?:\bend it all\b)|(?:\bkill me\b)", [{"end ", "kill "}]),
        (r"(?:^|(?<=[.!?;] ))(?:about )?two years ago", [{"years "}, {"ago"}]),
    ],
)
def test_required_words(pattern: str, needs: list[set[str]]) -> None:
    found = [set(need) for need in required_words(re.compile(pattern), most=5)]
    assert all(need in found for need in needs), found


@pytest.mark.parametrize(
    ("pattern", "branches"),
    [
        (r"\bno\b", []),  # no alternation
        (
            r"(?:\bchest pain)|(?<=\btell )(?:\w+ ){1,3}?apart from\b",
            [({"chest "}, [{"chest "}, {"pain"}]), ({"<tell "}, [{"apart "}, {"from "}])],
        ),
        # a shared opening counts for each branch
        (r"\b(?:\w+ pain|chest)", [(None, [{"pain"}]), ({"chest"}, [{"chest"}])]),
    ],
)
def test_branch_words(pattern: str, branches: list[tuple[set[str] | None, list[set[str]]]]) -> None:
    found = branch_words(re.compile(pattern), most=5)
    assert len(found) == len(branches)
    for (first, needs), (want_first, want_needs) in zip(found, branches, strict=True):
        assert (None if first is None else set(first)) == want_first
        assert all(need in [set(n) for n in needs] for need in want_needs), needs


@pytest.mark.parametrize(
    "pattern",
    [
        r"\bwhat (?:\w+ )?(?:is|are)\b|\A(?=x)",
        r"(?:^|(?<=\.))(?=[^.]*\bmeaning\b)",
        # empty matches: after one, finditer first takes a longer match at the same place
        r"(?:^|(?<=\.))(?:|\s?\w+)",
        r"(?:^|(?<=[.?]) ?)(?:\w+ )?",
        r"(?<=\bno )(?:\w+)?",
        # at a non-word character
        r",(?= (?:he|she)\b)|\bbut\b",
        r"[.!?]+|\bso\b",
        # branches looked up only when the text has their words
        r"\b\w+ pain\b|\bchest\b",
        r"\bchest\b|(?<=\btell )(?:\w+ ){1,3}?apart from\b|(?:^|(?<=\.))(?=[^.]*\bmeaning\b)",
    ],
)
@pytest.mark.parametrize(
    "text",
    [
        "",
        "meaning",
        "what is it. meaning of it? no idea.",
        "x. what are they.no\nmeaning. no ",
        "chest pain. tell them apart from it",
        "tell a cold apart from flu, no chest pain",
    ],
)
def test_an_anchored_regex_is_found_exactly(pattern: str, text: str) -> None:
    indexed = IndexedRegex.of(re.compile(pattern))
    assert indexed.starts is not None or indexed.branches
    expected = [m.span() for m in indexed.regex.finditer(text)]
    assert [m.span() for m in WordIndex(text).finditer(indexed)] == expected


def _our_texts() -> list[str]:
    names = (
        "triage_extra",
        "triage_patient_messages",
        "triage_vignettes",
        "triage_heldout_rounds",
        "intents_extra",
    )
    return [
        normalize_text(case["text"])
        for name in names
        for case in load_jsonl(LABEL_DIR / f"{name}.jsonl")
    ]


def test_the_index_finds_exactly_what_finditer_finds() -> None:
    triage = Triage.from_file(TriageSettings().file)
    rules = RuleBook.from_file(RulesSettings().file, create_embedder(EmbeddingSettings()))
    indexed = [
        regex for flag in triage.flags for pattern in flag.patterns for regex in pattern.all_of
    ]
    indexed += [*rules._keywords, *rules._out_of_scope, *rules._other_topics]
    indexed += [regex for excludes in rules._excludes for regex in excludes]
    scanner = triage.reader._scanner
    indexed += [scanner.pseudo, scanner.clause_breaks, scanner.list_breaks, scanner.recent]
    indexed += [part for _, cues in scanner.cues for part in cues.parts]
    vetoes = [
        pattern.unless
        for flag in triage.flags
        for pattern in flag.patterns
        if pattern.unless is not None
    ]
    indexed += vetoes
    texts = _our_texts()
    assert len(texts) > 200 and len(indexed) > 150
    skipped = 0
    for text in texts:
        for clean in (triage.prepare(text), rules.normalise(text)):
            words = WordIndex(clean)
            for regex in indexed:
                expected = [m.span() for m in regex.regex.finditer(clean)]
                assert [m.span() for m in words.finditer(regex)] == expected, regex.regex
                skipped += not words.may_match(regex)
            for _, cues in scanner.cues:  # the cue lists, each one alternation
                expected = [m.span() for m in cues.regex.finditer(clean)]
                assert [m.span() for m in finditer_alternation(words, cues)] == expected
            # a flag's veto, searched in the clause of a match: every clause of the text
            bounds = sorted({0, len(clean), *(m.end() for m in re.finditer(r"[,.!?;]", clean))})
            for low, high in pairwise(bounds):
                for unless in vetoes:
                    expected_found = unless.regex.search(clean, low, high) is not None
                    assert words.search_between(unless, low, high) == expected_found
    assert skipped > len(texts) * len(indexed)  # and it does skip most of the work


@pytest.mark.parametrize(
    "parts",
    [
        (r"\bno\b", r"\bno (?:\w+ )?pain\b", r"\bpain\b"),  # the first part wins a start
        (r"\bchest pain\b", r"\bpain\b"),  # a match inside an earlier one is skipped
        (r"(?:^|(?<=[.?] ))(?=[^.?]*\bmeaning\b)", r"\bwhat\b", r"(?<= )\w+ing\b"),
        (r"(?:^|(?<=\.))(?:|\s?\w+)", r"\bx\b"),  # empty, then longer at the same place
        (r"[a-z]+(?=\?)", r",", r"\bno\b"),  # a part with no start words
    ],
)
@pytest.mark.parametrize(
    "text",
    [
        "",
        "no chest pain. what is the meaning? no pain",
        "x. what are they.no\nmeaning. no ",
        "chest pain, meaning? x",
    ],
)
def test_an_alternation_finds_what_its_joined_regex_finds(
    parts: tuple[str, ...], text: str
) -> None:
    alternation = IndexedAlternation.of([re.compile(part) for part in parts])
    words = WordIndex(text)
    expected = [m.span() for m in alternation.regex.finditer(text)]
    assert [m.span() for m in finditer_alternation(words, alternation)] == expected


@pytest.mark.parametrize(
    ("text", "spans", "fresh"),
    [
        ("im not sure but my chest hurts", [(3, 11)], False),  # whole words blanked
        ("im not sure but my chest hurts", [(3, 9)], True),  # "sure" cut in two
    ],
)
def test_a_blanked_text_is_searched_as_if_indexed_anew(
    text: str, spans: list[tuple[int, int]], fresh: bool
) -> None:
    patterns = (r"\bchest\b", r"\bsure\b", r"\b(?:im|but) \w+", r"\bre\b")
    regexes = [IndexedRegex.of(re.compile(pattern)) for pattern in patterns]
    words = WordIndex(text)
    blanked = words.blank(spans)
    assert len(blanked.text) == len(text) and blanked.text[3:6] == "   "
    assert (blanked._starts is words._starts) is not fresh  # shared tables unless a word is cut
    for regex in regexes:
        fresh_index = WordIndex(blanked.text)
        expected = [m.span() for m in regex.regex.finditer(blanked.text)]
        assert [m.span() for m in fresh_index.finditer(regex)] == expected
        assert [m.span() for m in blanked.finditer(regex)] == expected


def test_a_regex_indexed_after_the_text_is_refused() -> None:
    words = WordIndex("my chest hurts")
    late = IndexedRegex.of(re.compile(r"\bchest\b"))
    with pytest.raises(RuntimeError, match="indexed after"):
        list(words.finditer(late))


@pytest.mark.parametrize(
    ("text", "spans"),
    [("ab.cd", [(0, 2)]), ("no. what is it. x", [(0, 2)]), ("a b. c", [(2, 4)])],
)
def test_a_blanked_text_has_its_own_anchored_positions(
    text: str, spans: list[tuple[int, int]]
) -> None:
    # blanking makes new spaces and removes full stops: a position after either is looked
    # up in the text searched, not in the one indexed
    patterns = (r"(?<= )(?:\.|\w+)", r"(?:^|(?<=\.))(?=\s*\w)", r"(?:^|(?<=[.]))")
    regexes = [IndexedRegex.of(re.compile(pattern)) for pattern in patterns]
    words = WordIndex(text)
    blanked = words.blank(spans)
    for regex in regexes:
        assert regex.anchors, regex.regex
        expected = [m.span() for m in regex.regex.finditer(blanked.text)]
        assert [m.span() for m in blanked.finditer(regex)] == expected
        assert [m.span() for m in words.finditer(regex, blanked.text)] == expected


@pytest.mark.parametrize(
    "text",
    ["", "my chest hurts", "chest pain and i cant breathe", "no idea. what is sepsis?"],
)
def test_gates_find_exactly_the_gates_a_text_meets(text: str) -> None:
    patterns = (r"\bchest\b", r"\b(?:im|i) (?:\w+ )?breathe?", r"\bsepsis\b|\bpain\b", r"\w+")
    regexes = [IndexedRegex.of(re.compile(pattern)) for pattern in patterns]
    anchored = IndexedRegex.of(re.compile(r"(?:^|(?<=[.?]))(?= ?what)"))
    gates = [regex.gate for regex in regexes] + [gate_of(regexes[:2]), anchored.gate, ()]
    words = WordIndex(text)
    assert Gates(gates).met(words) == [i for i, gate in enumerate(gates) if words.meets(gate)]
