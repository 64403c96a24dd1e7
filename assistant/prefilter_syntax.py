"""What a regex's syntax says about the words of any match, for :mod:`assistant.prefilter`.

:func:`first_words` gives the keys the word at any match's start has (``\\b(?:chest|heart)
pain`` -> {"chest ", "heart "}), :func:`required_words` the key sets some word of any match
meets ("having ... chest pain" needs "chest "). A key is a word prefix of at most six
letters ("pregna") or, ending in a space, a whole word ("i ", not "in" or "is"); a
construct the reader cannot follow gives no key, so nothing is skipped for it.

A match that opens with an anchor, a look-behind for a non-word character or the start of
the text (``(?<=\\bno )thoughts``, ``(?:^|(?<=[.!?;]) )two years ago``), starts a word when
its first character is a word character, so its first word gives keys as after ``\\b``. When
no word follows (``(?:^|(?<=[.!?;\\n]))(?=...)``, a cue at a sentence start), the anchor
itself is the key: :data:`TEXT_START` or :data:`AFTER` and the character before the match
(``"<."``). A match that opens with a non-word character (``,``, ``:`` in a clause break)
has :data:`AT` and that character (``"@,"``). The word index finds those positions.
"""

from __future__ import annotations

import re
from functools import lru_cache

# the standard library's own regex parser (private module names since Python 3.11)
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

_MAX_PREFIX = 6
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_DIGITS = frozenset("0123456789")
_SKIPPED = {sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT}
#: a character class with more members than this is not worth indexing
_MAX_CLASS = 12
#: a key that ends in this is a whole word, not a prefix
WHOLE = " "
#: whole words longer than this are looked up by their prefix
_MAX_WHOLE = 16
#: the key of a match that can start only at the start of the text
TEXT_START = "^"
#: a key that starts with this and more characters: a match that can start only right
#: after them, the last a non-word character ("<." after a full stop, "<. " a sentence)
AFTER = "<"
#: the most characters a look-behind's key spells, and the most keys it has
_MAX_BEHIND = 12
_MAX_ENDINGS = 16
#: ... right at that (non-word) character ("@," at a comma)
AT = "@"
_NON_WORD_RE = re.compile(r"\W")


@lru_cache(maxsize=16)
def _parse(source: str, flags: int) -> Any:
    """The syntax tree of a pattern, read once for :func:`first_words`, :func:`required_words`
    and :func:`branch_words` of the same regex (nothing changes the tree)."""
    return sre_parse.parse(source, flags)


def is_anchor(key: str) -> bool:
    """Whether ``key`` names a position (:data:`TEXT_START`, :data:`AFTER`, :data:`AT`), not
    a word."""
    return key == TEXT_START or (len(key) >= 2 and key[0] in (AFTER, AT))


def first_words(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Keys one of which the word at every match's start has, or None when unknown.

    A key is a prefix of that word ("chest", at most six letters) or, ending in a space, the
    whole word ("i ": the match starts with the word "i", not with "in" or "is").
    """
    try:
        tree = _parse(pattern.pattern, pattern.flags)
    except Exception:  # an unusual construct: do not filter
        return None
    if pattern.flags & re.IGNORECASE:
        return None  # the texts are lower case already; keep it simple and sound
    return _first(list(tree))


def _first(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    found = _sequence(items, bounded=False)
    if not found or any(not key.strip() for key in found):
        return None
    return frozenset(
        key if key.endswith(WHOLE) or is_anchor(key) else key[:_MAX_PREFIX] for key in found
    )


def branch_words(
    pattern: re.Pattern[str], most: int = 3
) -> tuple[tuple[frozenset[str] | None, tuple[frozenset[str], ...]], ...]:
    """For a pattern that is one alternation (``a|b|c``, with what all branches share before
    or after it): each branch's :func:`first_words` and :func:`required_words`, read as if
    it were the pattern alone. Empty for any other pattern.

    A match of the pattern is a match of one branch, so only the branches that the text
    has the words for need their start words looked up.
    """
    try:
        tree = _parse(pattern.pattern, pattern.flags)
    except Exception:
        return ()
    items = list(tree)
    at = [index for index, (op, _) in enumerate(items) if op is sre_constants.BRANCH]
    if pattern.flags & re.IGNORECASE or len(at) != 1:
        return ()
    before, after = items[: at[0]], items[at[0] + 1 :]
    found = []
    for branch in items[at[0]][1][1]:
        whole = [*before, *branch, *after]
        found.append((_first(whole), _required(whole, most)))
    return tuple(found)


def _sequence(items: list[tuple[Any, Any]], *, bounded: bool, prefix: str = "") -> set[str] | None:
    """Keys for a match of ``items`` that starts at a word start with ``prefix`` read so far.

    ``bounded``: a ``\b`` came first, so the match starts at the start of a word. With a
    ``prefix``, stopping early is always sound: the word starts with what was read.
    """
    partial = {prefix} if prefix else None
    index = 0
    anchors: set[str] | None = None
    while index < len(items) and items[index][0] in _SKIPPED:
        op, av = items[index]
        if op is sre_constants.AT and av is sre_constants.AT_BOUNDARY:
            if prefix:
                return {prefix + WHOLE}  # a boundary right after word characters: word ends
            bounded = True
        elif prefix:
            return partial  # a look-around inside the word
        elif anchors is None:
            anchors = _anchor(op, av)
            # after a non-word character or at the text's start: a word character starts a word
            bounded = bounded or anchors is not None
        index += 1  # \b and look-arounds consume nothing
    if anchors is not None:
        # the words after the anchor when they give keys, else the anchored positions
        return _sequence(items[index:], bounded=True) or anchors
    if index == len(items):
        return partial
    op, av = items[index]
    rest = items[index + 1 :]
    if op is sre_constants.LITERAL:
        char = chr(av)
        if _NON_WORD_RE.fullmatch(char):
            if prefix:
                return {prefix + WHOLE}  # the word ends here
            return {AT + char}  # a match that opens with a comma, say
        if char not in _WORD_CHARS:
            return partial  # "_" or a letter beyond a-z: a word character keys do not spell
        if not (bounded or prefix):
            return None  # the match could start inside a word
        if len(prefix) >= _MAX_WHOLE:
            return partial
        return _sequence(rest, bounded=bounded, prefix=prefix + char)
    if op is sre_constants.IN:
        if prefix:
            return partial
        # a small class of word characters ("[1-9]", "\d"): each one is a one-letter prefix
        chars = _class_chars(av)
        if chars is None:  # or of non-word characters ("[.!?]"): the positions of each
            return _non_word_class(av)
        return set(chars) if bounded else None
    if op is sre_constants.SUBPATTERN:
        # the group, then what follows it (the group may match nothing)
        return _sequence([*av[-1], *rest], bounded=bounded, prefix=prefix)
    if op is sre_constants.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            found = _sequence([*branch, *rest], bounded=bounded, prefix=prefix)
            if found is None:
                return partial
            union |= found
        return union
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and prefix and av[1] == 1:
        # an optional part inside the word ("pains?", "kill(?:ing)?"): with it or without
        low, _high, body = av
        found = _sequence([*body, *rest], bounded=bounded, prefix=prefix)
        if low == 0 and found is not None:
            without = _sequence(rest, bounded=bounded, prefix=prefix)
            found = None if without is None else found | without
        return found if found is not None else partial
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and not prefix:
        low, _high, body = av
        inside = _sequence(list(body), bounded=bounded)
        if low >= 1:
            return inside
        # optional ("(?:bright )?lights?"): either the body starts the match or what follows
        after = _sequence(rest, bounded=bounded)
        if inside is None or after is None:
            return None
        return inside | after
    return partial


def _anchor(op: Any, av: Any) -> set[str] | None:
    """The keys of the positions where a zero-width item that opens a match lets it start,
    when each is the text's start or right after a non-word character; None otherwise.

    A look-behind gives :data:`AFTER` and the fixed characters it ends with, as many as its
    trailing single characters spell (at most :data:`_MAX_BEHIND`, and few spellings):
    ``(?<=[.!?] )`` -> {"<. ", "<! ", "<? "}, ``(?<=\\bafter that )`` -> {"<after that "},
    so that only those places are tried, not every position after a space."""
    if op is sre_constants.AT:
        if av is sre_constants.AT_BEGINNING_STRING:
            return {TEXT_START}
        if av is sre_constants.AT_BEGINNING:  # "^": after a line break too under re.MULTILINE
            return {TEXT_START, AFTER + "\n"}
        return None
    if op is not sre_constants.ASSERT or av[0] >= 0 or not list(av[1]):
        return None  # only a positive look-behind says what comes before
    endings = [""]
    for item_op, item_av in reversed(list(av[1])):
        chars = _single_chars(item_op, item_av)
        if chars is None or len(endings[0]) >= _MAX_BEHIND:
            break
        if not endings[0] and not all(_NON_WORD_RE.fullmatch(char) for char in chars):
            return None  # the match may start inside a word
        if len(endings) * len(chars) > _MAX_ENDINGS:
            break
        endings = [char + ending for char in chars for ending in endings]
    if not endings[0]:
        return None
    return {AFTER + ending for ending in endings}


def _single_chars(op: Any, av: Any) -> set[str] | None:
    """The characters one item of a look-behind may be, when it is a literal or a class of
    listed literals; None otherwise."""
    if op is sre_constants.LITERAL:
        return {chr(av)}
    if op is sre_constants.IN and av and all(o is sre_constants.LITERAL for o, _ in av):
        return {chr(a) for _, a in av}
    return None


def required_words(pattern: re.Pattern[str], most: int = 3) -> tuple[frozenset[str], ...]:
    """Key sets (as :func:`first_words` gives) of words every match contains somewhere.

    Each set is one requirement: a match has a word with one of its keys. A text that lacks
    every key of one set cannot match, wherever its first word is ("having ... chest pain"
    needs "chest", a rarer word than "having"). The ``most`` smallest sets are kept.
    """
    try:
        tree = _parse(pattern.pattern, pattern.flags)
    except Exception:
        return ()
    if pattern.flags & re.IGNORECASE:
        return ()
    return _required(list(tree), most)


def _required(items: list[tuple[Any, Any]], most: int) -> tuple[frozenset[str], ...]:
    needs = {_keys(found) for found in _needs(items, word_start=False)}
    return tuple(sorted(needs, key=_weight)[:most])


def _weight(keys: set[str] | frozenset[str]) -> tuple[int, int, int]:
    """Which of several requirements is rarest: fewer words of one or two letters (most are
    in almost every message: "in", "my", "i"), then fewer keys, then longer ones (a text
    lacks "grounding" more often than "her")."""
    short = sum(1 for key in keys if len(key.rstrip(WHOLE)) <= 2)
    return short, len(keys), -min(map(len, keys), default=0)


def _keys(found: set[str]) -> frozenset[str]:
    return frozenset(
        key if key.endswith(WHOLE) or is_anchor(key) else key[:_MAX_PREFIX] for key in found
    )


def _needs(items: list[tuple[Any, Any]], *, word_start: bool) -> list[set[str]]:
    """Requirements of a sequence; ``word_start``: it begins where a word may start."""
    needs: list[set[str]] = []
    for index, (op, av) in enumerate(items):
        if op is sre_constants.AT:
            word_start = word_start or av is sre_constants.AT_BOUNDARY
            continue
        if op is sre_constants.ASSERT and av[0] >= 0:
            # a look-ahead that must hold reads words the text must have ("^(?=[\s\S]*\bx)")
            needs += _needs(list(av[1]), word_start=word_start)
            continue
        if op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            continue
        if word_start:
            found = _sequence(items[index:], bounded=True)
            if found and all(key.strip() and not is_anchor(key) for key in found):
                needs.append(found)
        if op is sre_constants.SUBPATTERN:
            needs += _needs(list(av[-1]), word_start=word_start)
        elif op is sre_constants.BRANCH:
            choices = [_needs(list(branch), word_start=word_start) for branch in av[1]]
            if all(choices):
                needs.append(set().union(*(min(choice, key=_weight) for choice in choices)))
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and av[0] >= 1:
            needs += _needs(list(av[2]), word_start=word_start)
        word_start = _ends_between_words([(op, av)], word_start)
    return needs


def _ends_between_words(items: list[tuple[Any, Any]], before: bool) -> bool:
    """Whether what follows ``items`` starts where a word may start (after a space, say);
    ``before`` is that answer for the position before them. False when unsure."""
    state = before
    for op, av in items:
        if op is sre_constants.LITERAL:
            state = _NON_WORD_RE.fullmatch(chr(av)) is not None
        elif op is sre_constants.AT:
            state = state or av is sre_constants.AT_BOUNDARY
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            continue
        elif op is sre_constants.SUBPATTERN:
            state = _ends_between_words(list(av[-1]), state)
        elif op is sre_constants.BRANCH:
            state = all(_ends_between_words(list(branch), state) for branch in av[1])
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            low, _high, body = av
            once = _ends_between_words(list(body), state)
            # repeated, the body follows itself; skipped, the state before it stands
            again = _ends_between_words(list(body), once)
            state = once and again if low >= 1 else state and once and again
        elif op is sre_constants.IN:
            state = _class_is_nonword(av)
        else:
            state = False
    return state


def _class_is_nonword(items: list[tuple[Any, Any]]) -> bool:
    return all(op is sre_constants.LITERAL and _NON_WORD_RE.fullmatch(chr(av)) for op, av in items)


def _non_word_class(items: list[tuple[Any, Any]]) -> set[str] | None:
    """:data:`AT` keys for a class of a few listed non-word characters, else None."""
    if len(items) > _MAX_CLASS or not all(op is sre_constants.LITERAL for op, _ in items):
        return None
    chars = {chr(av) for _, av in items}
    if not chars or not all(_NON_WORD_RE.fullmatch(char) for char in chars):
        return None
    return {AT + char for char in chars}


def _class_chars(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The members of a character class when they are few word characters, else None."""
    chars: set[str] = set()
    for op, av in items:
        if op is sre_constants.LITERAL:
            chars.add(chr(av))
        elif op is sre_constants.RANGE:
            low, high = av
            if high - low >= _MAX_CLASS:
                return None
            chars.update(chr(c) for c in range(low, high + 1))
        elif op is sre_constants.CATEGORY and av is sre_constants.CATEGORY_DIGIT:
            chars |= _DIGITS
        else:
            return None  # a negated class, \w, \s ...
    if not chars or len(chars) > _MAX_CLASS or not chars <= _WORD_CHARS:
        return None
    return frozenset(chars)
