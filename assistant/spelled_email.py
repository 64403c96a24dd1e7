"""E-mail addresses typed with the symbols spelled out, so that no e-mail pattern sees them:
"jo dot smith at example dot com", "jo.smith [at] example [dot] org", "jo(at)mail(dot)co(dot)uk".

The domain must end in a common top-level domain after a separator, and a one-word local
part that is an everyday word ("looked at example dot com") is not taken for a mailbox.
"""

from __future__ import annotations

import re

from assistant.recognizers import GroupPatternRecognizer
from assistant.word_lists import word_set

_DOT = r"(?:\s*[\[({<]\s*dot\s*[\])}>]\s*|\s+dot\s+|\.)"
_AT = r"(?:\s*[\[({<]\s*at\s*[\])}>]\s*|\s+at\s+|\s*@\s*)"
_LOCAL_WORD = r"[a-z0-9][a-z0-9_+-]*"
_LOCAL_JOIN = rf"(?:{_DOT}|\s+(?:underscore|dash|hyphen)\s+|[_-])"
_DOMAIN_WORD = r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"
_TLDS = (
    "com|net|org|edu|gov|mil|int|info|biz|io|co|uk|us|ca|au|nz|ie|de|fr|es|it|nl|be|ch|at|se|"
    "no|dk|fi|pl|pt|in|za|me|tv|app|dev|email|online|xyz|eu|mail"
)
_PATTERN = (
    rf"(?<![\w.@-])(?P<value>{_LOCAL_WORD}(?:{_LOCAL_JOIN}{_LOCAL_WORD}){{0,3}}{_AT}"
    rf"{_DOMAIN_WORD}(?:{_DOT}{_DOMAIN_WORD}){{0,3}}{_DOT}(?:{_TLDS}))(?![\w@-]|\.\w)"
)
_SPELLED = re.compile(r"\b(?:at|dot)\b|[\[({<]|\s@|@\s", re.IGNORECASE)
#: words that come before "at <site> dot com" in a sentence and are nobody's mailbox
_NOT_A_MAILBOX = word_set(
    """it this that them me us you him her here there look looked looking read saw seen found
    went go going was is are be been posted advice info information website site page check
    checked visit visited online search searched google googled booked book ordered bought"""
)


class SpelledEmailRecognizer(GroupPatternRecognizer):
    def __init__(self) -> None:
        super().__init__("EMAIL_ADDRESS", [_PATTERN], 0.9, name="SpelledEmailRecognizer")

    def validate(self, value: str) -> bool:
        if not _SPELLED.search(value):
            return False  # a plain address: the e-mail recognizer's
        local = re.split(_AT, value, maxsplit=1, flags=re.IGNORECASE)[0]
        return local.lower() not in _NOT_A_MAILBOX
