"""History that reaches past one clause, read for :class:`assistant.context.Reading`.

A ConText cue acts within its clause; two readings carry the past further:

* a time phrase of the past that opens a sentence ("Two years ago I had a cardiac arrest at
  the gym, I was in intensive care") reaches every clause of it, up to a turn to another
  time (:func:`past_sentence_spans`);
* a mention that names again an event told earlier as history ("I had sepsis two years ago
  ... since the sepsis I ...") is history too, and so is one dated by such an event ("had a
  clot after the hip op") (:func:`refers_back_to_past`).

The reading passes in its text, its sentence and clause bounds and how it reads an earlier
mention, so this module does not import :mod:`assistant.context`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from itertools import islice

from assistant.context_rules import ContextRules

_WORD_RE = re.compile(r"[a-z0-9]+")
#: how far before a mention its back-reference may start ("since that awful ")
_BACK_REACH = 30
#: the first words of a mention that may name the event told earlier ("the clot in her leg")
_HEAD_WORDS = 3
_HEAD_MIN = 3
#: words too common to name an event
_NOT_HEADS = frozenset(
    {"the", "and", "was", "were", "has", "had", "have", "his", "her", "hers", "him", "she"}
    | {"shes", "hes", "its", "our", "their", "they", "them", "this", "that", "with", "from"}
    | {"for", "been", "being", "into", "onto", "then", "than", "what", "when", "who", "why"}
    | {"how", "not", "but", "are", "you", "your", "yours"}
)

#: the sentence around a position (:meth:`assistant.context.Reading.sentence`)
SentenceOf = Callable[[int], tuple[int, int]]
#: the clause around ``[start, end)`` (:meth:`assistant.context.Reading.clause`)
ClauseOf = Callable[[int, int], tuple[int, int]]
#: whether a time word of now lies in ``[low, high)``
RecentIn = Callable[[int, int], bool]
#: whether the mention at ``[start, end)`` is read as history and not negated
IsHistory = Callable[[int, int], bool]


def past_sentence_spans(
    masked: str, sentence_starts: Sequence[int], sentence: SentenceOf, rules: ContextRules
) -> list[tuple[int, int]]:
    """The spans that a sentence-opening time phrase of the past reaches: from the phrase
    to where the sentence turns to another time (:attr:`ContextRules.past_ends`)."""
    openers, ends = rules.past_openers, rules.past_ends
    if openers is None:
        return []
    spans = []
    for low in sentence_starts:
        found = openers.match(masked, low)
        if found is None:
            continue
        _, high = sentence(low)
        turn = ends.search(masked, found.end(), high) if ends is not None else None
        spans.append((found.end(), turn.start() if turn is not None else high))
    return spans


def refers_back_to_past(
    text: str,
    start: int,
    end: int,
    rules: ContextRules,
    *,
    sentence: SentenceOf,
    clause: ClauseOf,
    recent_in: RecentIn,
    is_history: IsHistory,
) -> bool:
    """Whether the mention at ``[start, end)`` names again, or is dated by, an event told
    earlier as history (:meth:`assistant.context.Reading.refers_back_to_past`)."""
    if rules.back_reference is None:
        return False
    s_low, s_high = sentence(start)
    if recent_in(s_low, s_high) or rules.now.search(text, s_low, s_high):
        return False
    if rules.recurrence is not None and rules.recurrence.search(text, s_low, s_high):
        return False
    before = text[max(0, start - _BACK_REACH) : start]
    named_again = rules.back_reference.search(before) is not None and not (
        rules.attributive is not None and rules.attributive.match(text, end)
    )
    if named_again and _told_as_history(text, start, end, s_low, is_history):
        return True
    return _dated_by_past_event(text, start, end, s_low, rules, clause, is_history)


def _dated_by_past_event(
    text: str,
    start: int,
    end: int,
    s_low: int,
    rules: ContextRules,
    clause: ClauseOf,
    is_history: IsHistory,
) -> bool:
    """ "had a small clot in her lung after the hip op", the op told earlier as history."""
    if rules.anchored_after is None or rules.past_verb is None:
        return False
    c_low, c_high = clause(start, end)
    dated = rules.anchored_after.match(text, end, c_high)
    if dated is None or rules.past_verb.search(text, c_low, start) is None:
        return False
    return _told_as_history(text, dated.end(), c_high, s_low, is_history)


def _told_as_history(text: str, start: int, end: int, before: int, is_history: IsHistory) -> bool:
    """Whether one of the first words of ``[start, end)`` was told before ``before`` in
    a place read as history."""
    for word in islice(_WORD_RE.finditer(text, start, end), _HEAD_WORDS):
        if len(word.group()) < _HEAD_MIN or word.group() in _NOT_HEADS:
            continue
        pattern = re.compile(rf"\b{re.escape(word.group())}\b")
        for earlier in pattern.finditer(text, 0, before):
            if is_history(earlier.start(), earlier.end()):
                return True
    return False
