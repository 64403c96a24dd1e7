"""spaCy's attribute ruler without its Matcher, for the lean (parser-less) pipeline.

The small English model's ``attribute_ruler`` runs a spaCy ``Matcher`` of 179 token patterns
over every token: about a millisecond a message, more than the tagger and lemmatizer together. Almost all those patterns are one token's TAG and/or LOWER, which a
dict answers; the few others are short fixed sequences (``gon na``, ``let 's``) and whitespace
tests. :class:`FastAttributeRuler` compiles the loaded model's own patterns into those lookups
and applies the matches exactly as ``AttributeRuler.set_annotations`` does (sorted by pattern
id, with spaCy's ``set_token_attrs``), so every token gets the same tag, POS, lemma and morph.

Patterns that read DEP need a parse; without the parser no token has one, and every such
pattern in the model asks for a non-empty DEP. The fast path therefore drops them, and a doc
that does carry a parse goes through the stock ruler. A model whose patterns use anything
else (operators, other attributes) is left to the stock ruler entirely.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs  # what AttributeRuler applies with

#: the spaCy factory name of :class:`FastAttributeRuler`.
FACTORY = "healthbot_fast_attribute_ruler"

# What every pattern here reads of a token: its TAG, its LOWER and whether it is whitespace.
_Key = tuple[str, str, bool]
_KeyTest = Callable[[_Key], bool]
_Spec = dict[str, Any]
_TAG, _LOWER, _SPACE = 0, 1, 2
#: distinct (tag, word) keys remembered before the memo starts afresh (a few MB at most).
_MEMO_LIMIT = 50_000


def _key(token: Token) -> _Key:
    return (token.tag_, token.lower_, token.is_space)


def _exact_values(value: object) -> list[str] | None:
    """The strings a TAG or LOWER spec accepts when it names them: "NN" or {"IN": [...]}."""
    if isinstance(value, str):
        return [value]
    if (
        isinstance(value, dict)
        and set(value) == {"IN"}
        and all(isinstance(v, str) for v in value["IN"])
    ):
        return list(value["IN"])
    return None


def _string_test(field: int, value: object) -> _KeyTest | None:
    """A test for a TAG or LOWER spec, as spaCy's Matcher reads it."""
    exact = _exact_values(value)
    if exact is not None:
        accepted = frozenset(exact)
        return lambda key: key[field] in accepted
    if isinstance(value, dict) and len(value) == 1:
        ((op, arg),) = value.items()
        if op == "NOT_IN" and all(isinstance(v, str) for v in arg):
            refused = frozenset(arg)
            return lambda key: key[field] not in refused
        if op == "REGEX" and isinstance(arg, str):
            search = re.compile(arg).search  # the Matcher's REGEX is re.search
            return lambda key: search(key[field]) is not None  # type: ignore[arg-type]
    return None


def _token_test(spec: _Spec) -> _KeyTest | None:
    """One token's spec as a test, or None where it uses what this module does not handle."""
    tests: list[_KeyTest] = []
    for attr, value in spec.items():
        if attr in ("TAG", "LOWER"):
            test = _string_test(_TAG if attr == "TAG" else _LOWER, value)
            if test is None:
                return None
            tests.append(test)
        elif attr == "IS_SPACE" and isinstance(value, bool):
            tests.append(_space_test(value))
        else:
            return None
    return lambda key: all(test(key) for test in tests)


def _space_test(wanted: bool) -> _KeyTest:
    return lambda key: key[_SPACE] is wanted


def needs_parse(pattern: list[_Spec]) -> bool:
    """Whether a pattern can only match a parsed token: its DEP spec refuses the empty label
    every token has without the parser ("nsubj", {"IN": [...]}, {"NOT_IN": [..., ""]})."""
    for spec in pattern:
        dep = spec.get("DEP")
        if dep is None:
            continue
        if isinstance(dep, str) and dep != "":
            return True
        if isinstance(dep, dict) and len(dep) == 1:
            ((op, arg),) = dep.items()
            if (op == "IN" and "" not in arg) or (op == "NOT_IN" and "" in arg):
                return True
    return False


class _Sequence:
    """A pattern of several tokens, or of one that a dict lookup cannot answer."""

    __slots__ = ("first", "pattern_id", "rest", "target")

    def __init__(self, pattern_id: int, tests: list[_KeyTest], index: int) -> None:
        self.pattern_id = pattern_id
        self.first = tests[0]
        self.rest = tests[1:]
        self.target = index if index >= 0 else len(tests) + index

    def matches_after(self, keys: list[_Key], start: int) -> bool:
        """Whether the tokens after ``start`` match (its first was checked already)."""
        if start + len(self.rest) >= len(keys):
            return False
        return all(test(keys[start + 1 + k]) for k, test in enumerate(self.rest))


class FastAttributeRuler:
    """The same token attributes as ``ruler`` on unparsed docs, from lookups (see above)."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.stock = ruler
        self._attrs = list(ruler.attrs)
        # (TAG or None, LOWER or None) -> ids of one-token patterns that match exactly that.
        self._exact: dict[tuple[str | None, str | None], list[int]] = {}
        # The other patterns, tested once per distinct token key and remembered.
        self._sequences: list[_Sequence] = []
        self._memo: dict[_Key, tuple[tuple[int, ...], tuple[_Sequence, ...]]] = {}
        self.compiled = all(
            self._add(pattern_id, pattern, index)
            for pattern_id, entry in enumerate(ruler.patterns)
            for pattern, index in _each_pattern(entry)
        )

    def _add(self, pattern_id: int, pattern: list[_Spec], index: int) -> bool:
        if needs_parse(pattern):
            return True  # never matches on the unparsed docs this path sees
        if not pattern or not -len(pattern) <= index < len(pattern):
            return False
        first = pattern[0]
        if len(pattern) == 1 and first and set(first) <= {"TAG", "LOWER"}:
            tags = _exact_values(first["TAG"]) if "TAG" in first else [None]
            lowers = _exact_values(first["LOWER"]) if "LOWER" in first else [None]
            if tags is not None and lowers is not None:
                for tag in tags:
                    for lower in lowers:
                        self._exact.setdefault((tag, lower), []).append(pattern_id)
                return True
        tests = [_token_test(spec) for spec in pattern]
        if any(test is None for test in tests):
            return False
        self._sequences.append(_Sequence(pattern_id, [t for t in tests if t], index))
        return True

    def _lookup(self, key: _Key) -> tuple[tuple[int, ...], tuple[_Sequence, ...]]:
        """The one-token patterns a token with ``key`` matches, and the longer patterns that
        may start at it; remembered, since most words come back."""
        tag, lower, _space = key
        ids: list[int] = []
        for exact in ((tag, None), (tag, lower), (None, lower)):
            ids.extend(self._exact.get(exact, ()))
        starts = []
        for sequence in self._sequences:
            if sequence.first(key):
                if sequence.rest:
                    starts.append(sequence)
                else:
                    ids.append(sequence.pattern_id)
        if len(self._memo) >= _MEMO_LIMIT:
            self._memo.clear()
        found = self._memo[key] = (tuple(ids), tuple(starts))
        return found

    def __call__(self, doc: Doc) -> Doc:
        if not self.compiled or doc.has_annotation("DEP"):
            return self.stock(doc)
        keys = [_key(token) for token in doc]
        memo = self._memo
        found: list[tuple[int, int]] = []
        for i, key in enumerate(keys):
            ids, starts = memo.get(key) or self._lookup(key)
            found.extend((pattern_id, i) for pattern_id in ids)
            for sequence in starts:
                if sequence.matches_after(keys, i):
                    found.append((sequence.pattern_id, i + sequence.target))
        # The stock ruler applies matches by pattern id so that later rules win; the same
        # pattern never sets two different values on one token, so ties need no order.
        found.sort()
        attrs = self._attrs
        for pattern_id, i in found:
            set_token_attrs(doc[i], attrs[pattern_id])
        return doc


def _each_pattern(entry: dict[str, Any]) -> Iterable[tuple[list[_Spec], int]]:
    index = int(entry.get("index", 0))
    for pattern in entry["patterns"]:
        yield pattern, index


@Language.factory(FACTORY)
def make_fast_attribute_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    """Built from the pipeline's own ``attribute_ruler`` (its patterns, not a copy of them)."""
    return FastAttributeRuler(nlp.get_pipe("attribute_ruler"))  # type: ignore[arg-type]


def install_fast_attribute_ruler(nlp: Language) -> bool:
    """Swap the stock ruler for the fast one in a pipeline that runs no parser; returns whether
    it did (a model without an attribute ruler, or with patterns it cannot compile, keeps its
    own)."""
    if "attribute_ruler" not in nlp.pipe_names or FACTORY in nlp.pipe_names:
        return False
    if "parser" in nlp.pipe_names:
        return False  # with a parse the fast path would hand every doc to the stock ruler
    fast = nlp.add_pipe(FACTORY, name=FACTORY, after="attribute_ruler")
    if not isinstance(fast, FastAttributeRuler) or not fast.compiled:
        nlp.remove_pipe(FACTORY)
        return False
    nlp.disable_pipe("attribute_ruler")
    return True
