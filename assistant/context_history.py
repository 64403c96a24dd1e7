"""History that reaches past one clause, read for :class:`assistant.context.Reading`.

A ConText cue acts within its clause; two readings carry the past further:

* a time phrase of the past that opens a sentence ("Two years ago I had a cardiac arrest at
  the gym, I was in intensive care") reaches every clause of it, up to a turn to another
  time (:func:`past_sentence_spans`); one of the far past ("Last year I had a bleed on the
  brain. I was rushed in and they coiled it."), or a far-past date inside a sentence told
  wholly in the past tense, reaches on through the next sentences told in the past tense, up
  to the first that turns to another time;
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
#: how many sentences after its opening one a story of the far past may reach
_STORY_SENTENCES = 3
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
    masked: str,
    sentence_starts: Sequence[int],
    sentence: SentenceOf,
    rules: ContextRules,
    text: str,
) -> list[tuple[int, int]]:
    """The spans that a sentence-opening time phrase of the past reaches: from the phrase
    to where the sentence turns to another time (:attr:`ContextRules.past_ends`). ``text``,
    the text before pseudo-cues were blanked in ``masked``, is read for past-tense verbs
    ("couldnt wake" is a pseudo-cue of negation, "couldnt" still a past tense)."""
    openers, ends = rules.past_openers, rules.past_ends
    if openers is None:
        return []
    spans = []
    for low in sentence_starts:
        found = openers.match(masked, low)
        if found is None:
            spans.extend(_dated_story((masked, text), low, sentence_starts, sentence, rules))
            continue
        _, high = sentence(low)
        turn = ends.search(masked, found.end(), high) if ends is not None else None
        spans.append((found.end(), turn.start() if turn is not None else high))
        if (
            turn is None
            and rules.story_openers is not None
            and rules.story_openers.match(masked, low)
        ):
            spans.extend(_story_goes_on((masked, text), high, sentence_starts, sentence, rules))
    return spans


#: a sentence that turns to the present with these is not a dated story ("... and I want to
#: do it again tonight", "... and it is still bleeding")
_AGAIN_OR_NOW = re.compile(r"\b(?:again|still|now|just)\b")


def _dated_story(
    texts: tuple[str, str],
    low: int,
    sentence_starts: Sequence[int],
    sentence: SentenceOf,
    rules: ContextRules,
) -> list[tuple[int, int]]:
    """A sentence told wholly in the past tense with a date of the far past after its past
    verb ("my husband had a cardiac arrest while playing football in 2023"), and the story's
    next sentences."""
    dates, story, ends = rules.story_dates, rules.past_story, rules.past_ends
    masked, text = texts
    if dates is None or story is None:
        return []
    _, high = sentence(low)
    dated = dates.search(masked, low, high)
    # the date follows the event it dates ("had a reaction to penicillin years ago"), not a
    # date that opens what may still go on ("years ago a scan found a small aneurysm")
    if dated is None or story.search(text, low, dated.start()) is None:
        return []
    turn = ends.search(masked, low, high) if ends is not None else None
    if turn is not None:
        if (
            turn.start() < dated.end()
            or _AGAIN_OR_NOW.search(masked, turn.start(), high)
            or rules.now.search(masked, turn.start(), high)
        ):
            return []
        # "he took an overdose in March and has been seeing the team since": the dated event
        # is history up to where the sentence turns to the present
        return [(low, _told_in_past(texts, dated.end(), turn.start(), rules))]
    told = _told_in_past(texts, dated.end(), high, rules)
    if told < high:
        return [(low, told)]  # "had a clot in 2021, so I worry about ...": the worry is now
    return [(low, high), *_story_goes_on(texts, high, sentence_starts, sentence, rules)]


def _told_in_past(texts: tuple[str, str], low: int, high: int, rules: ContextRules) -> int:
    """Where the clauses from ``low`` stop being told in the past tense: the start of the
    first clause with words and no past-tense verb (:attr:`ContextRules.past_story`), or
    ``high``."""
    story = rules.past_story
    if story is None:
        return low
    masked, text = texts
    cuts = list(rules.clause_breaks.finditer(masked, low, high))
    starts = [low, *(cut.end() for cut in cuts)]
    stops = [*(cut.start() for cut in cuts), high]
    for start, stop in zip(starts, stops, strict=True):
        if _WORD_RE.search(text, start, stop) and story.search(text, start, stop) is None:
            return start
    return high


def _story_goes_on(
    texts: tuple[str, str],
    after: int,
    sentence_starts: Sequence[int],
    sentence: SentenceOf,
    rules: ContextRules,
) -> list[tuple[int, int]]:
    """The next sentences of a story of the far past: each whole, while it is told in the past
    tense (:attr:`ContextRules.past_story`) and does not turn to another time."""
    story, ends, openers = rules.past_story, rules.past_ends, rules.past_openers
    masked = texts[0]
    if story is None:
        return []
    spans = []
    for low in islice((start for start in sentence_starts if start >= after), _STORY_SENTENCES):
        _, high = sentence(low)
        if ends is not None and ends.search(masked, low, high):
            break
        if openers is not None and openers.match(masked, low):
            break  # a new opener tells its own story
        told = _told_in_past(texts, low, high, rules)
        if told > low:
            spans.append((low, told))
        if told < high:
            break
    return _up_to_outcome(texts[1], spans, sentence, rules)


def _up_to_outcome(
    text: str, spans: list[tuple[int, int]], sentence: SentenceOf, rules: ContextRules
) -> list[tuple[int, int]]:
    """The story's next sentences up to the last one whose sentence tells how the old event was
    dealt with or ended (:attr:`ContextRules.story_outcomes`: "was in ICU", "they coiled it"): an
    emergency told in the past tense after a past event ("Last year he had a heart attack. He
    collapsed at dinner and wasn't breathing.") has no such ending, and stays news."""
    outcomes = rules.story_outcomes
    if outcomes is None:
        return spans
    ended = [index for index, (low, _) in enumerate(spans) if outcomes.search(text, *sentence(low))]
    return spans[: ended[-1] + 1] if ended else []


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
