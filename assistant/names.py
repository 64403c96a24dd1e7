"""Person names that the small spaCy model misses: lower-case names after "I'm" or "my son",
signatures, and capitalised names from outside the Anglo-American names it was trained on;
places after cues such as "here in" or "I'm from".

The words they read (common words, relations, titles, name lists) are in name_words.py.
"""

from __future__ import annotations

import itertools
import re
from abc import abstractmethod
from dataclasses import dataclass

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.tokens import Token

from assistant.name_words import (
    NON_NAME_POS,
    NOT_NAMES,
    RELATION_WORDS,
    TITLE_WORDS,
    first_names,
    lowercase_first_names,
    medical_terms,
    surnames,
)
from assistant.places import medical_vocab
from assistant.recognizers import EnglishRecognizer, GroupPatternRecognizer
from assistant.word_lists import word_set

# Words that make a capitalised run a place or an organisation, not a person.
_PLACE_WORDS = word_set(
    """
hospital clinic infirmary surgery practice centre center university college school trust
health medical general royal saint st street road lane avenue ward unit pharmacy foundation
institute county city hall house park church court
"""
)


_INTRO = r"(?:i\s+am|i'?m|im|this\s+is|it'?s|regards,?|thanks,?|cheers,?|from)"
# After these any lower-case words but common ones are the name ("my name is oyelaran
# babatunde").
_NAMING = (
    r"(?:my\s+name\s+is|my\s+name'?s|name\s+is|name\s*:|call\s+me|calls\s+me|i\s+go\s+by|"
    r"(?:last|first|sur|family|given|full|middle)\s*name(?:\s+is|\s*[:?])?|"
    r"(?:was|is|were|am|are|be|been)\s+(?:called|named))"
)
# After these a word that is not a known name still is one when it reads as a noun followed
# by a verb or punctuation ("my son tomasz has").
_RELATION = rf"(?:my\s+(?:{'|'.join(sorted(RELATION_WORDS, key=len, reverse=True))}),?)"
# After an abbreviated title any word is a name ("dr adeyemi-cole"), bar a few.
_ABBREVIATED_TITLE = r"(?:dr|mr|mrs|ms|mx|prof)\.?"
_NOT_AFTER_TITLE = word_set(
    "appointment appt appts surgery office visit note notes letter referral receptionist "
    "said says told visits"
)
_TITLE = rf"(?:{'|'.join(sorted(TITLE_WORDS, key=len, reverse=True))})\.?,?"
# A word of a name, in any script: "Lucía", "Sørensen", "O'Brien", "al-Hassan".
_WORD = r"[^\W\d_](?:[^\W\d_]|['’-])*"
_NAME_WORDS = rf"(?P<value>{_WORD}(?:[ \t]+{_WORD}){{0,2}})"  # a name never spans lines
_STRICT, _NAMED, _LOOSE, _AFTER_TITLE = "strict", "named", "loose", "title"


@dataclass(frozen=True, slots=True)
class _Tags:
    """spaCy's part-of-speech tags by token start offset, and the tag after a word."""

    by_start: dict[int, str]
    after: dict[int, str]

    @classmethod
    def of(cls, nlp_artifacts: NlpArtifacts | None) -> _Tags:
        if nlp_artifacts is None or nlp_artifacts.tokens is None:
            return cls({}, {})
        tokens = list(nlp_artifacts.tokens)
        by_start = {t.idx: t.pos_ for t in tokens}
        after = {t.idx + len(t.text): n.pos_ for t, n in itertools.pairwise(tokens)}
        return cls(by_start, after)


class IntroducedNameRecognizer(GroupPatternRecognizer):
    """Names after an introduction ("I'm david chen") or a relation ("my son Lucas", "Dr. Brooks"),
    and signatures ("... - Ananya Reddy").

    A name here starts with a known given name (any case) or a capitalised word that is not a
    common word; later words are capitalised or known surnames.
    """

    def __init__(self) -> None:
        super().__init__(
            "PERSON",
            [rf"(?i:\b{_INTRO})\s+{_NAME_WORDS}", rf"(?i:\b{_TITLE})\s+{_NAME_WORDS}"],
            0.8,
            name="IntroducedNameRecognizer",
            flags=0,
        )
        self._named = re.compile(rf"(?i:\b{_NAMING})\s+{_NAME_WORDS}")
        self._loose = re.compile(rf"(?i:\b{_RELATION})\s+{_NAME_WORDS}")
        self._after_title = re.compile(rf"(?i:\b{_ABBREVIATED_TITLE})\s+{_NAME_WORDS}")
        # A signature: a name alone at the very end, after a dash or on its own line.
        self._signature = re.compile(
            rf"(?:\A|[-–—~]|\n)[ \t]*(?P<value>{_WORD}(?:[ \t]+{_WORD}){{0,2}})[ \t]*[.!]?\s*\Z"
        )

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        tags = _Tags.of(nlp_artifacts)
        matches = [(m, _STRICT) for pattern in self._patterns for m in pattern.finditer(text)]
        matches += [(m, _NAMED) for m in self._named.finditer(text)]
        matches += [(m, _LOOSE) for m in self._loose.finditer(text)]
        matches += [(m, _AFTER_TITLE) for m in self._after_title.finditer(text)]
        signature = self._signature.search(text)
        # Stricter than after "I'm": a signature starts with a known given name or a proper
        # noun, so that "... worse since Monday - Headache" stays.
        if signature and (
            signature["value"].split()[0].lower() in first_names()
            or tags.by_start.get(signature.start("value")) == "PROPN"
        ):
            matches.append((signature, _STRICT))
        results: list[RecognizerResult] = []
        for match, mode in matches:
            base = match.start("value")
            spans = [
                (base + m.start(), base + m.end()) for m in re.finditer(r"\S+", match["value"])
            ]
            kept = _name_length(text, spans, tags, mode=mode)
            if kept:
                results.append(RecognizerResult("PERSON", base, spans[kept - 1][1], self._score))
        return results


class TokenNameRecognizer(EnglishRecognizer):
    """A PERSON recognizer that reads spaCy's tokens: the template owns the "no tokens, no
    names" rule; a subclass implements ``_find``."""

    def __init__(self) -> None:
        super().__init__("PERSON")

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        if nlp_artifacts is None or nlp_artifacts.tokens is None:
            return []
        return self._find(text, list(nlp_artifacts.tokens))

    @abstractmethod
    def _find(self, text: str, tokens: list[Token]) -> list[RecognizerResult]:
        """PERSON results in ``text`` from its spaCy ``tokens``."""


class KnownNameRecognizer(TokenNameRecognizer):
    """Capitalised proper nouns that spaCy's small model leaves untagged ("Bed 7 - Aaliyah
    Rahman"): a run that starts with a known given name, or holds two known name words."""

    def _find(self, text: str, tokens: list[Token]) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        run: list[tuple[int, int, str]] = []
        for token in [*tokens, None]:
            if token is not None and _could_be_name(token.text, token.pos_):
                run.append((token.idx, token.idx + len(token.text), token.pos_))
                continue
            if run:
                result = _known_name(text, run, token.pos_ if token is not None else "PUNCT")
                if result is not None:
                    results.append(result)
                run = []
        return results


_MONTH_WORDS = word_set(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
_PLACE_CUE = (
    r"(?i:\b(?:live|living|lives|lived|based|staying|stay|moved|moving|relocated|here|back|"
    r"visiting|travell?ing|holiday|vacation|trip|born|grew\s+up|raised|working)\s+"
    r"(?:in|to|at|near|from)|\b(?:i'?m|im|i\s+am|we'?re|we\s+are|comes?|came|is|are)\s+from|"
    r"\bnear|\b(?:driving|flying|going)\s+to)"
)


class PlaceCueRecognizer(GroupPatternRecognizer):
    """Places the small spaCy model misses after "here in", "I'm from", "moved to", and
    counties ("Co. Cork", "County Durham")."""

    def __init__(self) -> None:
        super().__init__(
            "LOCATION",
            [
                rf"{_PLACE_CUE}\s+(?P<value>[A-Z][\w'-]+(?:[ -][A-Z][\w'-]+){{0,2}})",
                r"\b(?:Co\.|County)\s+(?P<value>[A-Z][\w'-]+)",
            ],
            0.6,
            name="PlaceCueRecognizer",
            flags=0,
        )

    def validate(self, value: str) -> bool:
        first = value.split()[0]
        lowered = first.lower()
        return not (
            _not_a_name(first)
            or lowered in medical_terms()
            or lowered in _MONTH_WORDS
            or lowered in TITLE_WORDS
        )


def _could_be_name(word: str, tag: str) -> bool:
    lowered = word.lower()
    return (
        word[:1].isupper()
        and tag in {"PROPN", "NOUN"}
        and not _is_acronym(word)
        and re.fullmatch(_WORD, word) is not None
        and lowered not in NOT_NAMES
        and lowered not in medical_terms()
        and lowered not in medical_vocab()
        and lowered not in _PLACE_WORDS
        and lowered not in TITLE_WORDS
    )


def _known_name(
    text: str, run: list[tuple[int, int, str]], following: str
) -> RecognizerResult | None:
    """``run``: (start, end, tag) of capitalised words; ``following``: the next word's tag."""
    words = [text[start:end].lower() for start, end, _ in run]
    known = sum(w in first_names() or w in surnames() for w in words)
    if words[0] in first_names() and len(run) > 1:
        score = 0.6
    elif words[0] in first_names() and run[0][2] == "PROPN" and following in _AFTER_A_NAME:
        score = 0.6  # "Jordan has been wheezing", not "Holly berries"
    elif words[0] in first_names() and run[0][2] == "PROPN" and not _starts_sentence(text, run):
        score = 0.55  # "Why is Natasja so impulsive?"
    elif len(run) > 1 and known >= 2:
        score = 0.55
    elif 1 < len(run) <= 3 and known >= 1 and _alone_on_its_line(text, run):
        score = 0.55  # a signature or letter line: "Tzigane Lantos"
    else:
        return None
    return RecognizerResult("PERSON", run[0][0], run[-1][1], score)


def _alone_on_its_line(text: str, run: list[tuple[int, int, str]]) -> bool:
    before = text[: run[0][0]].rsplit("\n", 1)[-1]
    after = text[run[-1][1] :].split("\n", 1)[0]
    return not re.search(r"\w", before) and not re.search(r"\w", after)


def _starts_sentence(text: str, run: list[tuple[int, int, str]]) -> bool:
    return re.search(r"(?:\A|[.!?:;\n\"“(]\s*)\Z", text[: run[0][0]]) is not None


def _is_acronym(word: str) -> bool:
    """MRN, ID, NHS, GP: all capitals, so not a name."""
    return len(word) > 1 and word.isupper()


def _name_length(text: str, spans: list[tuple[int, int]], tags: _Tags, *, mode: str) -> int:
    """How many leading words (``spans`` of ``text``) form a name; 0 when the first is not one.

    A name starts with a known given name or a capitalised word. ``mode`` relaxes that: after
    "my name is" (_NAMED), lower-case words that are not common ones; after "my son" (_LOOSE),
    unknown lower-case words that spaCy reads as nouns and that a verb or punctuation follows
    ("my son tomasz has"); after "dr" (_AFTER_TITLE), any lower-case word but a few ("dr
    adeyemi-cole").
    """
    start, end = spans[0]
    first = text[start:end]
    lowered = first.lower().strip("'’")
    if _not_a_name(first):
        return 0
    tag = tags.by_start.get(start, "")
    known = lowered.removesuffix("'s").removesuffix("’s") in first_names()
    # After "my name is" a capitalised word is the name whatever spaCy makes of it: the small
    # model often tags an unknown name there as a verb ("my name is Rubija").
    capitalised = (
        first[0].isupper() and len(first) > 1 and (tag not in NON_NAME_POS or mode == _NAMED)
    )
    if not (known or capitalised):
        if mode == _AFTER_TITLE and tag not in NON_NAME_POS and lowered not in _NOT_AFTER_TITLE:
            return _following_name_words(text, spans, tags)
        if mode in {_NAMED, _LOOSE}:
            return _lower_case_name_run(text, spans, tags, strict=mode == _LOOSE)
        return 0
    return _following_name_words(text, spans, tags, introduced=mode in {_STRICT, _NAMED})


def _not_a_name(word: str) -> bool:
    # "Yasmin" and "Allegra" are medicines and names: after "my daughter" they are names.
    lowered = word.lower().strip("'’").removesuffix("'s").removesuffix("’s")
    clinical = (lowered in medical_terms() or lowered in medical_vocab()) and (
        lowered not in first_names()
    )
    return lowered in NOT_NAMES or clinical or _is_acronym(word)


def _following_name_words(
    text: str, spans: list[tuple[int, int]], tags: _Tags, *, introduced: bool = False
) -> int:
    """The first word is a name: how many of the next ones (capitalised, or known surnames)
    continue it. ``introduced`` (after "I'm", "my name is", typed in lower case): an unknown
    surname too, read as a noun with a verb or punctuation after it ("i'm zebulon
    quartermaine and ...")."""
    count = 1
    lower_case = text[spans[0][0] : spans[0][1]].islower()
    for start, end in spans[1:]:
        word = text[start:end]
        if _not_a_name(word) or tags.by_start.get(start, "") in NON_NAME_POS:
            break
        if not (word[:1].isupper() or word.lower() in surnames()):
            if not (introduced and lower_case and count == 1):
                break
            if _lower_case_name_run(text, [(start, end)], tags, strict=True) != 1:
                break
        count += 1
    return count


def _lower_case_name_run(
    text: str, spans: list[tuple[int, int]], tags: _Tags, *, strict: bool
) -> int:
    """Unknown lower-case words as a name: "oyelaran babatunde" after "my name is"; with
    ``strict``, only words read as nouns and followed by a verb or punctuation ("tomasz has")."""
    count = 0
    for start, end in spans:
        word, tag = text[start:end], tags.by_start.get(start, "")
        if _not_a_name(word) or len(word) < 2 or tag in NON_NAME_POS:
            break
        if strict and (len(word) < 3 or tag not in _NOUNS or _VERB_LIKE_RE.search(word)):
            break
        count += 1
    if not count or not strict:
        return count
    following = tags.after.get(spans[count - 1][1], "PUNCT")
    return count if following in _AFTER_A_NAME else 0


_NOUNS = frozenset({"PROPN", "NOUN"})
# spaCy reads "my husband snores" as a noun: unknown words with verb or plural endings are
# not taken for names.
_VERB_LIKE_RE = re.compile(r"(?:s|ed|ing|ly)$")
_AFTER_A_NAME = frozenset({"VERB", "AUX", "PUNCT", "CCONJ", "ADP"})


class LowercaseNameRecognizer(TokenNameRecognizer):
    """Given names typed in lower case ("the true gender of bertram"), with a known surname
    after them: only names that are never English words, read by spaCy as nouns."""

    def _find(self, text: str, tokens: list[Token]) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        for i, token in enumerate(tokens):
            word = token.text
            if not (word.islower() and len(word) >= 3 and word in lowercase_first_names()):
                continue
            if token.pos_ not in _NOUNS or _not_a_name(word):
                continue
            if i and tokens[i - 1].pos_ in {"DET", "ADJ", "NUM"}:
                continue  # "a jasmin", "the big ..."
            end = token.idx + len(word)
            following = tokens[i + 1] if i + 1 < len(tokens) else None
            if following is not None and following.text.lower() in surnames():
                end = following.idx + len(following.text)
            elif following is not None and following.pos_ in {"NOUN", "ADJ", "NUM"}:
                continue  # "chia seeds": a modifier, not a name
            results.append(RecognizerResult("PERSON", token.idx, end, 0.5))
        return results
