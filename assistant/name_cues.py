"""Person names found by where they stand in a message, not by a list: a name with a middle
initial ("Ravi K. Menon"), a name addressed ("Priya, can you ..."), speaker labels in a pasted
chat ("Tomek: ..."), the subject of a verb only people do ("Okonkwo lives in ..."), a given name
after "with" or "to" in lower case; and, once a name is found, its other mentions ("... early
Menon") and the names listed with it ("Okafor, Lindqvist and Brown").
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from spacy.tokens import Token

from assistant.name_words import (
    NOT_NAMES,
    RELATION_WORDS,
    TITLE_WORDS,
    first_names,
    lowercase_first_names,
    medical_terms,
    surnames,
)
from assistant.names import TokenNameRecognizer
from assistant.places import medical_vocab
from assistant.word_lists import word_set

# A capitalised word of a name in any script: "Lucía", "Sørensen", "O'Brien", "Anne-Lotte".
_CAP_WORD = r"[^\W\d_a-z][^\W\d_]*(?:['’-][^\W\d_]+)*"
_CAP_WORD_RE = re.compile(_CAP_WORD)
_LOWER_WORD = r"[^\W\d_A-Z][^\W\d_A-Z'-]+"
# Verbs whose subject is a person: "Okonkwo lives on ...", "Halvorsen began writing ...".
_PERSON_VERBS = word_set(
    """
lives lived flew spent began begins started starts said says told tells asked asks wrote writes
works worked moved visited visits married studied studies called calls texted emailed went goes
came comes gave gives had has met loves loved likes liked wants wanted needs needed feels felt
thinks thought knows knew sent replied complained complains cried woke slept sleeps ate drank
smokes drinks suffers suffered fell broke attended attends joined returned arrived stayed stays
was were is
"""
)
# After "is" or "was" the subject is a person only when these follow: "Ibsen was born".
_AFTER_BE = word_set("from born married living staying here there my your his her our their")
# Words that open a request or a question after a name addressed: "Priya, can you ...".
_ADDRESSED_NEXT = word_set(
    "can could would will please do did are is have i you thank thanks how what where when why "
    "just let"
)
# Labels that are not speakers: "Phone: ...", "Re: ...".
_LABEL_WORDS = word_set(
    """
phone email e-mail mail address website web name note notes date time re subject to from cc bcc
bot user patient doctor q a answer question update edit ps tel mobile fax dob age sex gender
symptoms history medication medications allergies diagnosis plan summary result results info
directed by written produced starring genre cast director author title source link url tags
warning caution important nb example reply message text chat admin moderator system assistant
"""
)
# Institutions and services: "Hospital sent her home", "Pharmacy said".
_INSTITUTION_WORDS = word_set(
    """
hospital hospitals clinic clinics surgery practice pharmacy pharmacist ward team staff reception
receptionist ambulance paramedics police school work office insurance insurer nhs a&e er icu
"""
)
# Interjections and exclamations that open a sentence like a name: "Cool, what's ...".
_EXCLAMATIONS = word_set(
    "god gosh lord jesus christ cool great nice awesome sure right wow oh ah aw yeah yep nope "
    "alright perfect sorry wait damn dude man mate guys folks everyone everybody anyone"
)
# Words that end an organisation's name: "Ashworth Consulting", "Delmar Orchestra".
ORG_WORDS = word_set(
    """
inc inc. incorporated llc ltd ltd. limited plc gmbh corp corp. corporation co company group
holdings partners consulting consultants investments capital systems solutions technologies
technology analytics research insurance bank orchestra agency associates enterprises industries
services labs laboratories media networks records reports ventures sons brothers bros club
"""
)


def _plain_name_word(word: str) -> bool:
    """Not a common, clinical, title or relation word: it may be a name."""
    lowered = word.lower().strip("'’").removesuffix("'s").removesuffix("’s")
    return not (
        lowered in NOT_NAMES
        or lowered in TITLE_WORDS
        or lowered in RELATION_WORDS
        or lowered in ORG_WORDS
        or lowered in _LABEL_WORDS
        or lowered in _INSTITUTION_WORDS
        or lowered in _EXCLAMATIONS
        or (
            (lowered in medical_terms() or lowered in medical_vocab())
            and lowered not in first_names()
        )
        or (len(word) > 1 and word.isupper() and len(word) <= 4)
    )


_MIDDLE_INITIAL_RE = re.compile(
    rf"(?<![\w.'’-])(?P<value>{_CAP_WORD}[ \t]+[A-Z]\.?[ \t]+{_CAP_WORD})(?![\w'’-])"
)
_LOWER_MIDDLE_INITIAL_RE = re.compile(
    rf"(?<![\w.'’-])(?P<value>(?P<first>{_LOWER_WORD})[ \t]+[a-z]\.?[ \t]+(?P<last>{_LOWER_WORD}))"
    r"(?![\w'’-])"
)
_SPEAKER_RE = re.compile(
    rf"^[ \t>]*(?P<value>{_CAP_WORD}(?:[ \t]+{_CAP_WORD})?)[ \t]*:(?!//)", re.MULTILINE
)
_LOWER_CUE_RE = re.compile(
    rf"(?i:\b(?:with|to|for|ask|asked|tell|told|see|saw|call|called|text|texted|email|emailed|"
    rf"meet|met|and|by))[ \t]+(?=(?P<first>{_LOWER_WORD})(?:[ \t]+(?P<last>{_LOWER_WORD}))?)"
)


class NameCueRecognizer(TokenNameRecognizer):
    """Names by position and grammar (see the module docstring)."""

    def _find(self, text: str, spacy_tokens: list[Token]) -> list[RecognizerResult]:
        tokens = [(t.idx, t.text, t.pos_) for t in spacy_tokens]
        spans = [
            *_middle_initials(text),
            *_addressed(text, tokens),
            *_speakers(text),
            *_subjects(text, tokens),
            *_lower_case_after_cue(text, tokens),
            *_header_line(text, tokens),
        ]
        return [RecognizerResult("PERSON", start, end, score) for start, end, score in spans]


def _middle_initials(text: str) -> list[tuple[int, int, float]]:
    found = []
    for match in _MIDDLE_INITIAL_RE.finditer(text):
        words = match.group("value").split()
        shouting = words[0].isupper() or words[-1].isupper()  # "HOWEVER U SPELL"
        if not shouting and _plain_name_word(words[0]) and _plain_name_word(words[-1]):
            found.append((*match.span("value"), 0.7))
    for match in _LOWER_MIDDLE_INITIAL_RE.finditer(text):
        first, last = match.group("first"), match.group("last")
        known = first in lowercase_first_names() or (first in first_names() and last in surnames())
        if known and _plain_name_word(first) and _plain_name_word(last):
            found.append((*match.span("value"), 0.6))
    return found


def _addressed(text: str, tokens: list[tuple[int, str, str]]) -> list[tuple[int, int, float]]:
    """ "Priya, can you check ...": a proper noun addressed at the start of a sentence."""
    found = []
    for i in range(len(tokens) - 2):
        start, word, tag = tokens[i]
        if tokens[i + 1][1] != "," or tokens[i + 2][1].lower() not in _ADDRESSED_NEXT:
            continue
        if not _starts_sentence(text, start):
            continue
        known = word.lower() in first_names() or word.lower() in surnames()
        if re.fullmatch(_CAP_WORD, word) and (tag == "PROPN" or known) and _plain_name_word(word):
            found.append((start, start + len(word), 0.6))
    return found


def _speakers(text: str) -> list[tuple[int, int, float]]:
    """Speaker labels of a pasted conversation ("Tomek: ..."), when two or more lines carry
    one, or the label is a known given name."""
    labels = [
        m for m in _SPEAKER_RE.finditer(text) if _plain_name_word(m.group("value").split()[0])
    ]
    labels = [m for m in labels if all(_plain_name_word(w) for w in m.group("value").split())]
    several = len({m.group("value") for m in labels}) >= 2
    return [
        (*m.span("value"), 0.6)
        for m in labels
        if several or m.group("value").split()[0].lower() in first_names()
    ]


def _starts_sentence(text: str, start: int) -> bool:
    """Only spaces back to the start of the text or to a sentence's or line's end."""
    k = start
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    return k == 0 or text[k - 1] in '.!?:;\n"“('


def _subjects(text: str, tokens: list[tuple[int, str, str]]) -> list[tuple[int, int, float]]:
    """One or two proper nouns opening a sentence before a verb only people do."""
    found = []
    i = 0
    while i < len(tokens):
        start, word, tag = tokens[i]
        if not (_name_token(word, tag) and _starts_sentence(text, start)):
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and j - i < 2 and _name_token(tokens[j][1], tokens[j][2]):
            j += 1
        # In lower case a lone word must be a name no English word shares ("zofia lives"),
        # or come with a second name word ("eva lindqvist lives").
        lone_common = word.islower() and j - i == 1 and word not in lowercase_first_names()
        if j < len(tokens) and not lone_common and _person_verb(tokens, j):
            last_start, last_word, _ = tokens[j - 1]
            found.append((start, last_start + len(last_word), 0.6))
        i = j
    return found


_HEADER_RE = re.compile(r"\A[ \t]*(?P<value>[^\W\d_]+(?:[ \t]+[^\W\d_]+){1,2})[ \t]*\n")


def _header_line(text: str, tokens: list[tuple[int, str, str]]) -> list[tuple[int, int, float]]:
    """A pasted contact card or letter opens with the person's name on a line of its own:
    two or three name-like words in one casing, one of them a known name or all proper nouns."""
    match = _HEADER_RE.match(text)
    if match is None:
        return []
    words = match.group("value").split()
    same_case = all(w.islower() for w in words) or all(w[:1].isupper() for w in words)
    if not same_case or not all(_plain_name_word(w) for w in words):
        return []
    tags = {start: tag for start, _word, tag in tokens}
    starts = [match.start("value") + m.start() for m in re.finditer(r"\S+", match.group("value"))]
    known = any(w.lower() in first_names() or w.lower() in surnames() for w in words)
    proper = all(tags.get(start) == "PROPN" for start in starts)
    return [(*match.span("value"), 0.55)] if known or proper else []


def _name_token(word: str, tag: str) -> bool:
    if not word[:1].isalpha():
        return False
    lowered = word.lower()
    if word.islower():  # "eva lindqvist lives ...": see _subjects
        return (lowered in first_names() or lowered in surnames()) and _plain_name_word(word)
    return (
        _CAP_WORD_RE.fullmatch(word) is not None
        and (tag == "PROPN" or lowered in first_names() or lowered in surnames())
        and _plain_name_word(word)
    )


def _person_verb(tokens: list[tuple[int, str, str]], j: int) -> bool:
    verb = tokens[j][1].lower()
    if verb not in _PERSON_VERBS:
        return False
    following = tokens[j + 1][1].lower() if j + 1 < len(tokens) else ""
    if verb in {"is", "was", "were"}:
        return following in _AFTER_BE
    if verb in {"has", "had"}:  # "Okoro had given", not "Aspirin has side effects"
        return following.endswith(("ed", "en")) or following in {
            "been",
            "had",
            "got",
            "told",
            "said",
        }
    return True


def _lower_case_after_cue(
    text: str, tokens: list[tuple[int, str, str]]
) -> list[tuple[int, int, float]]:
    """ "follow up with zofia kowalczyk": a given name no English word shares, after "with",
    "to", "ask"; with the surname when one follows."""
    tags = {start: tag for start, _word, tag in tokens}
    found = []
    for match in _LOWER_CUE_RE.finditer(text):
        first, last = match.group("first"), match.group("last")
        if first not in lowercase_first_names() or not _plain_name_word(first):
            continue
        if tags.get(match.start("first")) not in {"PROPN", "NOUN", "ADJ"}:
            continue
        end = match.end("first")
        if (
            last
            and _plain_name_word(last)
            and (
                last in surnames()
                or tags.get(match.start("last")) == "PROPN"
                or not last.isascii()  # "zofia żak": letters English words do not have
            )
        ):
            end = match.end("last")
        found.append((match.start("first"), end, 0.55))
    return found


# --- after the spans are settled -----------------------------------------------------------

_LIST_GAP_RE = re.compile(r"(?:[ \t]*,[ \t]*(?:and[ \t]+|&[ \t]+)?|[ \t]+(?:and|&|or)[ \t]+)")


def spread_names(
    text: str, results: list[RecognizerResult], tags: dict[int, str]
) -> list[RecognizerResult]:
    """Add the other mentions of a found name, and the names listed next to one."""
    taken = [(r.start, r.end) for r in results]
    added: list[RecognizerResult] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def add(start: int, end: int) -> None:
        taken.append((start, end))
        added.append(RecognizerResult("PERSON", start, end, 0.6))

    people = [r for r in results if r.entity_type == "PERSON"]
    for person in people:
        for word in re.findall(r"[^\W\d_][^\W\d_'’-]{2,}", text[person.start : person.end]):
            if not _plain_name_word(word):
                continue
            for span in _mentions(text, word):
                if free(*span):
                    add(*span)
    # Only a name that a list knows (or a full name) vouches for its neighbours: spaCy's
    # guesses ("Discipline") would drag ordinary words along.
    queue = [
        (r.start, r.end)
        for r in people
        if _vouches(text[r.start : r.end]) and not _medicine_list(text, r.start)
    ]
    queue += [(r.start, r.end) for r in added]
    while queue:
        start, end = queue.pop()
        lower_case = text[start:end].islower()
        for listed in (
            _listed_after(text, end, tags, lower_case),
            _listed_before(text, start, tags, lower_case),
        ):
            if listed is not None and free(*listed):
                add(*listed)
                queue.append(listed)
    if not added:
        return results
    return sorted(results + added, key=lambda r: r.start)


# A list after these is one of medicines, not of people: "takes Amlovar, Telma and Ecorin".
_MEDICINE_LIST_RE = re.compile(
    r"(?i:\b(?:take|takes|taking|took|prescribed|using|used|tried|trying|started|stopped|"
    r"tablets?|meds|medications?|medicines?|drugs?|supplements?|remed(?:y|ies)|on))\b[^.!?\n]*\Z"
)


def _vouches(value: str) -> bool:
    words = value.split()
    return len(words) > 1 or any(
        w.lower().strip("'’") in first_names() or w.lower().strip("'’") in surnames() for w in words
    )


def _medicine_list(text: str, start: int) -> bool:
    return _MEDICINE_LIST_RE.search(text, max(0, start - 60), start) is not None


def _listed_after(
    text: str, end: int, tags: dict[int, str], lower_case: bool
) -> tuple[int, int] | None:
    gap = _LIST_GAP_RE.match(text, end)
    if gap is None:
        return None
    word = re.compile(_LOWER_WORD if lower_case else _CAP_WORD).match(text, gap.end())
    if word is None or re.match(r"[\w'’-]", text[word.end() : word.end() + 1]):
        return None
    return word.span() if _listed_name(word.group(), tags.get(word.start()), lower_case) else None


def _mentions(text: str, word: str) -> list[tuple[int, int]]:
    """Whole-word occurrences of ``word`` (a plain search: a regex per name costs more)."""
    found = []
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before in "_-") and not (after.isalnum() or after in "_-"):
            found.append((at, end))
        at = text.find(word, end)
    return found


_CAP_BEFORE_RE = re.compile(rf"(?<![\w'’-])(?P<word>{_CAP_WORD})(?:{_LIST_GAP_RE.pattern})\Z")
_LOWER_BEFORE_RE = re.compile(rf"(?<![\w'’-])(?P<word>{_LOWER_WORD})(?:{_LIST_GAP_RE.pattern})\Z")


def _listed_before(
    text: str, start: int, tags: dict[int, str], lower_case: bool
) -> tuple[int, int] | None:
    window = max(0, start - 60)  # a word and a list gap: never longer
    pattern = _LOWER_BEFORE_RE if lower_case else _CAP_BEFORE_RE
    match = pattern.search(text[window:start])
    if match is None:
        return None
    word_start, word_end = window + match.start("word"), window + match.end("word")
    if not _listed_name(match.group("word"), tags.get(word_start), lower_case):
        return None
    return word_start, word_end


def _listed_name(word: str, tag: str | None, lower_case: bool) -> bool:
    if not _plain_name_word(word):
        return False
    lowered = word.lower()
    if lower_case:
        return lowered in first_names() or lowered in surnames()
    return tag == "PROPN" or lowered in first_names() or lowered in surnames()
