"""The question part of a message: the greetings, introductions and contact details that
open it are left out before the rules and the embedding read it.

"Hi, I'm <PERSON_1>, my number is <PHONE_NUMBER_1>. What helps a sore throat?" asks what
"What helps a sore throat?" asks; read whole, the opening dilutes the message's vector and
its words ("number") look like other topics, so a rule that fits would stay silent. Only
whole opening sentences made of courtesy words and placeholders go; the rest of the
message, and any sentence that says anything else ("My son <PERSON_1> is 7."), stays.
The LLM, triage and the stored row still see the whole message.
"""

from __future__ import annotations

import re

from assistant.placeholders import PLACEHOLDER_PATTERN

#: a sentence and the punctuation and space that end it
_SENTENCE_RE = re.compile(r"[^.!?\n]*(?:[.!?\n]+\s*|$)")
_PLACEHOLDER_RE = re.compile(PLACEHOLDER_PATTERN)
_WORD_RE = re.compile(r"[a-z0-9]+")  # a number says something ("I'm 34.")
#: greetings, introductions and contact words; a sentence of only these says nothing
#: about health
COURTESY_WORDS = frozenset(
    _WORD_RE.findall(
        """
        hi hello hey hiya hallo greetings dear good morning afternoon evening day
        doctor doctors doc dr nurse nurses team there all everyone everybody sir madam folks
        this is it s its i m im am my name names called here me from and again
        number phone mobile tel telephone email e mail address contact details
        thanks thank you in advance please quick question questions a have got one
        """
    )
)


def _is_courtesy(sentence: str) -> bool:
    words = _WORD_RE.findall(_PLACEHOLDER_RE.sub(" ", sentence).lower())
    return all(word in COURTESY_WORDS for word in words)


def question_part(text: str) -> str:
    """``text`` without the courtesy sentences that open it; the whole text when nothing
    else is left."""
    start = 0
    for match in _SENTENCE_RE.finditer(text):
        sentence = match.group()
        if not sentence:
            break
        if not _is_courtesy(sentence):
            return text[match.start() :] if start else text
        start = match.end()
    return text
