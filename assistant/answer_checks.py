"""The built-in answer checks (see :mod:`assistant.answer_check` for the policy).

Each targets one way a small model's text goes wrong, seen in real replies: chat-template
debris, invented dialogue, loops, gibberish, answers cut off at the token cap, a persona
("Dr. Sarah Patel", "when I had this..."), advice against getting care, doses or diagnoses
that the vetted passage does not hold, claims from nowhere, and answers about something else.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import pairwise

from assistant.answer_check import AnswerCheck, Draft, Finding, Reject, Repair, stem
from assistant.retrieval import content_words, plain_words
from assistant.settings import DATA_DIR

# -- degenerate text -----------------------------------------------------------------------

_ROLE_TOKEN_RE = re.compile(
    r"<\|[^|>]{1,40}\|>|</?s>|\[/?INST\]|<</?SYS>>|<start_of_turn>|<end_of_turn>|<eos>|<bos>"
    r"|\bim_(?:start|end)\b|#{2,}\s*(?:instruction|response|input|system)\b"
    r"|^\s*(?:user|assistant|system)\s*$",
    re.IGNORECASE | re.MULTILINE,
)


class RoleTokenCheck(AnswerCheck):
    """Chat-template tokens or bare role lines: the model is writing the conversation."""

    name = "role_tokens"

    def _inspect(self, draft: Draft) -> Finding | None:
        found = _ROLE_TOKEN_RE.search(draft.text)
        return Reject("role token") if found else None


_ROLES = (
    r"user|patient|client|customer|doctor|dr\.?(?:\s+[a-z]+)?|nurse|physician|assistant|"
    r"healthbot|bot|chatbot|human|ai|system|q|a|question|answer|response|me|you|mom|mum|dad|"
    r"<person_\d+>|person_\d+"
)
# a role, or one or two capitalised words or an ALL-CAPS name, then a colon, at the start of
# a line or a sentence: "DANIEL:", "Patient:", "Dr Smith:". Ordinary headings such as
# "Tip:" or "Symptoms:" are allowed (see _HEADINGS).
_SPEAKER_RE = re.compile(
    rf"(?:^|[\n.!?]\s*)((?i:{_ROLES})|[A-Z]{{2,}}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)\s*:(?!\d)",
)
_ROLE_RE = re.compile(_ROLES)
_HEADINGS_TEXT = """
    note tip tips symptoms causes treatment summary important remember warning advice example
    examples self care when to get help based on yes no prevention outlook diagnosis overview
"""
_HEADINGS = frozenset(_HEADINGS_TEXT.split())


class SpeakerLabelCheck(AnswerCheck):
    """A speaker label ("DANIEL:", "Patient:"): the model invented a dialogue."""

    name = "speaker_label"

    def _inspect(self, draft: Draft) -> Finding | None:
        for match in _SPEAKER_RE.finditer(draft.text):
            label = match.group(1).strip()
            lowered = label.casefold()
            if lowered in _HEADINGS:
                continue
            if _ROLE_RE.fullmatch(lowered) or label.isupper() or lowered in _first_names():
                return Reject("speaker label")
        return None


class RepetitionCheck(AnswerCheck):
    """The same sentence twice, a phrase looping, or one word over and over."""

    name = "repetition"

    def _inspect(self, draft: Draft) -> Finding | None:
        sentences = [plain_words(s) for s in draft.sentences]
        counted = Counter(s for s in sentences if len(s.split()) >= 3)
        if counted and counted.most_common(1)[0][1] >= 2:
            return Reject("repeated sentence")
        words = [w.casefold() for w in draft.words]
        for n, limit in ((4, 2), (3, 3)):
            grams = Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))
            if grams and grams.most_common(1)[0][1] > limit:
                return Reject(f"repeated {n}-gram")
        run = 1
        for previous, current in pairwise(words):
            run = run + 1 if current == previous else 1
            if run >= 3:
                return Reject("repeated word")
        if len(words) >= 30 and len(set(words)) / len(words) < 0.35:
            return Reject("low variety")
        return None


# Common English function words: real sentences are full of them, gibberish is not.
_FUNCTION_WORDS_TEXT = """
    a an the and or but if of to in on at by for with from as is are was were be been being it
    its this that these those you your yours we our they them their he she his her i my me not
    no can could should would will may might must do does did have has had so than then there
    when what which who how why also more most some any all each other such only very
    """
_FUNCTION_WORDS = frozenset(_FUNCTION_WORDS_TEXT.split())
_VOWEL_RE = re.compile(r"[aeiouy]", re.IGNORECASE)


class NonLanguageCheck(AnswerCheck):
    """Not readable English: symbols, code, digits, non-words, or no function words."""

    name = "non_language"

    def _inspect(self, draft: Draft) -> Finding | None:
        text = draft.text
        letters = sum(ch.isalpha() for ch in text)
        visible = sum(not ch.isspace() for ch in text)
        if visible == 0 or letters / visible < 0.7:
            return Reject("too few letters")
        if sum(ord(ch) > 0x2FF for ch in text) > 0.05 * visible:
            return Reject("foreign script")
        if re.search(r"https?://|www\.|[{}\[\]<>=;]{3,}|\b\w{26,}\b", text):
            return Reject("code or url")
        tokens = text.split()
        words = draft.words
        if len(words) < 0.7 * len(tokens):
            return Reject("too few words")
        lowered = [w.casefold() for w in words]
        voweless = sum(1 for w in lowered if len(w) > 3 and not _VOWEL_RE.search(w))
        if voweless > max(1, len(lowered) // 10):
            return Reject("non-words")
        if len(lowered) >= 8 and sum(w in _FUNCTION_WORDS for w in lowered) / len(lowered) < 0.15:
            return Reject("no function words")
        return None


_SENTENCE_END_RE = re.compile(r"[.!?][\"')\]]*(?=\s|$)")


class TruncationCheck(AnswerCheck):
    """Cut off mid-sentence: trimmed to the last complete sentence when enough is left."""

    name = "truncated"

    def _inspect(self, draft: Draft) -> Finding | None:
        text = draft.text.rstrip()
        if _SENTENCE_END_RE.search(text[-3:] + " ") and not text.endswith(("...", "..")):
            return None
        ends = [m.end() for m in _SENTENCE_END_RE.finditer(text)]
        if not ends:
            return Reject("no complete sentence")
        kept = text[: ends[-1]].strip()
        if kept.endswith(("...", "..")) or len(kept.split()) < self.settings.min_words:
            return Reject("too little left")
        return Repair(kept)


@lru_cache(maxsize=1024)
def _stems(text: str) -> frozenset[str]:
    """Every word but the shortest and the function words, stemmed (cached: passages repeat)."""
    return frozenset(
        stem(w) for w in plain_words(text).split() if len(w) > 2 and w not in _FUNCTION_WORDS
    )


class EchoCheck(AnswerCheck):
    """Says nothing the passage holds: restates the question, or fills with vague words."""

    name = "echo"

    def _inspect(self, draft: Draft) -> Finding | None:
        answer = _stems(draft.text)
        new = (answer & _stems(draft.passage_text)) - _stems(draft.question)
        if len(new) < self.settings.min_passage_words:
            return Reject("nothing from the passage")
        return None


# -- who is speaking -----------------------------------------------------------------------

_PROFESSIONS = (
    r"doctor|dr|physician|gp|nurse|surgeon|specialist|pharmacist|midwife|therapist|"
    r"psychiatrist|psychologist|dentist|consultant|medical (?:professional|practitioner|doctor)|"
    r"(?:health ?care|healthcare) (?:professional|provider|worker)|clinician"
)
_PERSONA_RE = re.compile(
    rf"\b(?:i am|i'm|im|i was)\s+(?:a|an|your|the)?\s*(?:qualified\s+|trained\s+|licensed\s+|"
    rf"registered\s+)?(?:{_PROFESSIONS})\b"
    rf"|(?<!such )\bas (?:a|an) (?:qualified\s+|trained\s+)?(?:{_PROFESSIONS})\b"
    r"|\bi am (?:a |an )?(?:human|real person|person|man|woman|mother|father|mom|mum|dad)\b"
    r"|\bmy name is\b|\bthis is (?:dr|doctor|nurse)\b"
    r"|\bin my (?:experience|practice|clinic|opinion as|career|years)\b"
    r"|\bmy (?:patients|colleagues|practice|clinic|husband|wife|son|daughter|mother|father|"
    r"mom|mum|dad|kids|children|own)\b"
    r"|\bwhen i (?:had|was|got|suffered|went|took|tried)\b"
    r"|\bi (?:have|had|'ve) (?:had|suffered|experienced|been through|been diagnosed|dealt)\b"
    r"|\bi (?:also )?(?:suffer|struggle|take|took|tried|used to)\b"
    r"|\bi (?:would |will |can )?(?:prescribe|diagnose|examine|examined|diagnosed|treated|"
    r"refer you)\b"
    r"|\b(?:personally|for me,)",
    re.IGNORECASE,
)
_TITLED_NAME_RE = re.compile(
    r"\b(?:Dr|Doctor|Nurse|Mr|Mrs|Ms|Miss|Prof|Professor)\.?\s+([A-Z][a-z]+)"
    r"|\b(?:I'm|I am|Im|name is|call me|Regards|Best|Best wishes|Thanks|Cheers|Sincerely|Love)"
    r",?\s+([A-Z][a-z]+)"
)
_PLACEHOLDER_RE = re.compile(r"<([A-Z]+(?:_[A-Z]+)*_\d+)>|\b([A-Z]+(?:_[A-Z]+)*_\d+)\b")


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    """First names (a data file shared with the anonymizer)."""
    lines = (DATA_DIR / "first_names.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


class PersonaCheck(AnswerCheck):
    """Claims to be a clinician or a human, personal experience, or invented names."""

    name = "persona"

    def _inspect(self, draft: Draft) -> Finding | None:
        if _PERSONA_RE.search(draft.text):
            return Reject("persona")
        grounding = draft.grounding_text
        for match in _TITLED_NAME_RE.finditer(draft.text):
            name = match.group(1) or match.group(2)
            if name and name not in grounding and name.casefold() not in _NOT_NAMES:
                return Reject("invented name")
        for match in _PLACEHOLDER_RE.finditer(draft.text):
            token = match.group(1) or match.group(2)
            if token not in draft.question:
                return Reject("invented placeholder")
        names = _first_names()
        for index, word in enumerate(draft.words):
            lowered = word.casefold()
            if (
                word[:1].isupper()
                and lowered in names
                and lowered not in _NOT_NAMES
                and word not in grounding
                and not _sentence_start(draft.text, word, index)
            ):
                return Reject("invented name")
        return None


# Capitalised words that are also first names but carry meaning in health text.
_NOT_NAMES_TEXT = """
    may will june april august grace hope joy faith rose iris holly ivy dawn summer autumn
    sunny patience chance chase mark bill pat sue rich lean gene else healthbot
    """
_NOT_NAMES = frozenset(_NOT_NAMES_TEXT.split())


def _sentence_start(text: str, word: str, _index: int) -> bool:
    """True when every occurrence of ``word`` starts a sentence (capitalised by grammar)."""
    for match in re.finditer(rf"\b{re.escape(word)}\b", text):
        before = text[: match.start()].rstrip()
        if before and before[-1] not in ".!?:\n":
            return False
    return True


# -- advice --------------------------------------------------------------------------------

_CARE = (
    r"(?:a |the |your |any |an )?(?:doctor|gp|nurse|hospital|a&e|a and e|emergency|er|"
    r"ambulance|999|911|112|midwife|pharmacist|clinic|dentist|specialist|medical (?:help|advice|"
    r"attention|care)|help|anyone|professional|treatment|care)"
)
_DISCOURAGE_RE = re.compile(
    rf"\b(?:do not|don't|dont|never|no need to|there is no need to|needn't|shouldn't|should not|"
    rf"avoid|stop)\s+(?:\w+\s+){{0,2}}?(?:see|seeing|call|calling|visit|visiting|go(?:ing)? to|"
    rf"contact|contacting|consult|consulting|bother(?:ing)?|get|getting|seek|seeking|need)\s+"
    rf"{_CARE}\b"
    rf"|\b(?:you )?(?:do not|don't|dont) need (?:to see |to call |to visit )?{_CARE}\b"
    r"|\bwait (?:until|till|for) (?:the|your) (?:pregnancy|baby|symptoms?)\b"
    r"|\b(?:until|till) (?:the|your) pregnancy is over\b"
    r"|\b(?:doctors|hospitals|medicine) (?:can't|cannot|can not|won't) help\b"
    r"|\b(?:nothing|not anything) to worry about\b|\bno cause for concern\b"
    r"|\b(?:ignore|wait out) (?:it|the symptoms?|the pain)\b"
    r"|\b(?:stop|quit|skip) (?:taking )?(?:your|the) (?:medicine|medication|tablets|pills|"
    r"antibiotics|inhaler|insulin|treatment)\b",
    re.IGNORECASE,
)


class DiscouragesCareCheck(AnswerCheck):
    """Advice against getting care, or reassurance the passage does not give."""

    name = "discourages_care"

    def _inspect(self, draft: Draft) -> Finding | None:
        for match in _DISCOURAGE_RE.finditer(draft.text):
            if plain_words(match.group(0)) not in plain_words(draft.passage_text):
                return Reject("discourages care")
        return None


_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)?")
_DOSE_UNIT_RE = re.compile(
    r"\b\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|g|ml|iu|units?|tablets?|pills?|capsules?|puffs?|drops?|"
    r"sachets?|teaspoons?|mmol)\b",
    re.IGNORECASE,
)
_DRUG_RE = re.compile(
    r"\b[a-z]+(?:cillin|mycin|micin|cycline|floxacin|azole|prazole|pril|sartan|statin|olol|"
    r"dipine|tidine|oxetine|xaban|gliptin|gliflozin|triptan|azepam|zolam|codone|ogrel|setron|"
    r"parin|lukast|solone|profen|fenac|barbital|dronate|terol|sonide|phylline|zosin|pramine|"
    r"triptyline|afil|tadine|rizine|azine|apine|idone|oxacin|amide|thiazide|semide|lamine)\b"
    r"|\b(?:paracetamol|acetaminophen|aspirin|codeine|morphine|tramadol|metformin|warfarin|"
    r"sertraline|citalopram|escitalopram|levothyroxine|thyroxine|gabapentin|pregabalin|"
    r"venlafaxine|duloxetine|naproxen|tamsulosin|finasteride|methotrexate|lithium|zopiclone|"
    r"melatonin|hydroxychloroquine|nitrofurantoin|trimethoprim|penicillin|prednisone|"
    r"dexamethasone|fentanyl|oxycodone|heroin|ketamine|benadryl|tylenol|advil|nurofen|"
    r"xanax|valium|prozac|zoloft|viagra|cialis|ozempic|semaglutide|insulin|steroids?|"
    r"antibiotics?|antidepressants?|antihistamines?|opioids?|benzodiazepines?)\b",
    re.IGNORECASE,
)
# words the drug pattern matches that are not medicines
_NOT_DRUGS = frozenset({"amide", "azine", "magazine", "april", "cholesterol"})
_DIAGNOSIS_RE = re.compile(
    r"\byou (?:have|may have|might have|probably have|likely have|could have|definitely have|"
    r"are suffering from|are likely to have|have got)\s+(?:a |an |the )?([a-z][a-z -]{2,40})"
    r"|\b(?:this|it|that) (?:sounds like|could be|may be|might be|looks like|seems like|"
    r"is probably|is likely|is definitely)\s+(?:a |an |the )?(?:case of |sign of |symptom of )?"
    r"([a-z][a-z -]{2,40})"
    r"|\b(?:your|the) diagnosis is\s+(?:a |an )?([a-z][a-z -]{2,40})",
    re.IGNORECASE,
)
# "you may have heard", "it could be worth": not diagnoses
_NOT_CLAIMS_TEXT = """
    heard been noticed seen tried read got had felt taken done already to that this some any
    more less worth helpful useful normal common important best good better
"""
_NOT_CLAIMS = frozenset(_NOT_CLAIMS_TEXT.split())
_PRESCRIBE_RE = re.compile(
    r"\b(?:i prescribe|i am prescribing|i'm prescribing|prescribed for you|i recommend taking|"
    r"i would give you|i will give you|i suggest (?:you )?tak(?:e|ing))\b",
    re.IGNORECASE,
)


class UnsupportedSpecificsCheck(AnswerCheck):
    """Numbers, doses, medicines, prescriptions or diagnoses the passage does not hold."""

    name = "unsupported_specifics"

    def _inspect(self, draft: Draft) -> Finding | None:
        grounding = draft.grounding_text
        plain_grounding = plain_words(grounding)
        numbers = {n.replace(",", ".") for n in _NUMBER_RE.findall(grounding)}
        for number in _NUMBER_RE.findall(draft.text):
            if number.replace(",", ".") not in numbers:
                return Reject("number")
        for dose in _DOSE_UNIT_RE.findall(draft.text):
            if plain_words(dose).replace(" ", "") not in plain_grounding.replace(" ", ""):
                return Reject("dose")
        for word in _DRUG_RE.findall(draft.text):
            lowered = word.casefold()
            singular = lowered[:-1] if lowered.endswith("s") else lowered
            if lowered not in _NOT_DRUGS and singular not in plain_grounding:
                return Reject("medicine")
        if _PRESCRIBE_RE.search(draft.text):
            return Reject("prescription")
        for match in _DIAGNOSIS_RE.finditer(draft.text):
            claim = next(g for g in match.groups() if g)
            if claim.split()[0].casefold() in _NOT_CLAIMS:
                continue
            words = [w for w in (stem(w) for w in content_words(claim)) if w not in _GENERIC]
            if words and not all(w in draft.grounding_words for w in words[:2]):
                return Reject("diagnosis")
        return None


# Words any sound health answer may use without the passage holding them.
_GENERIC_TEXT = """
    health healthy medical advice information condition conditions symptom symptoms sign signs
    treatment treatments treat help helps helpful important usually often common commonly
    sometimes may might also can could well better worse feel feeling body people person
    someone anyone everyone things thing way ways time times good bad general generally
    doctor doctors nurse clinic clinician pharmacist professional care cause causes caused
    causing problem problems issue issues need needs needed make makes making keep keeps
    question questions answer depend depends depending possible likely unlikely normal
    right best know knowing understand check checked checking worried worry concern
    concerns serious seriously mild severe pain painful risk risks usual different
    include includes including such many most much more less few little lot lots
    soon quickly slowly early later long short day days week weeks month months year years
    see seeing talk ask asking contact get getting go going come coming find finding
    take taking use using try trying avoid avoiding stop stopping start starting
    """
_GENERIC = frozenset(stem(w) for w in _GENERIC_TEXT.split())


class UngroundedCheck(AnswerCheck):
    """Too many content words that neither the passage nor the question holds."""

    name = "ungrounded"

    def _inspect(self, draft: Draft) -> Finding | None:
        words = [stem(w) for w in content_words(draft.text)]
        words = [w for w in words if w not in _GENERIC]
        if not words:
            return None
        if not draft.passages:
            return Reject("no passage")
        novel = [w for w in words if w not in draft.grounding_words]
        if len(novel) / len(words) > self.settings.max_ungrounded:
            return Reject(f"{len(novel)}/{len(words)} words ungrounded")
        return None


class OffTopicCheck(AnswerCheck):
    """The answer is about something other than the question and its passage.

    On topic: it shares a word with the question or the topic's name, or most of its words
    come from the passage retrieved for the question, or (with the check's embedder) its
    meaning is close to the question's.
    """

    name = "off_topic"

    def _inspect(self, draft: Draft) -> Finding | None:
        answer = {stem(w) for w in content_words(draft.text)} - _GENERIC
        if not answer:
            return None
        question = {stem(w) for w in content_words(draft.question)} - _GENERIC
        topic = {
            stem(w)
            for p in draft.passages
            for w in content_words(" ".join((p.topic.title, *p.topic.terms)))
        }
        if answer & (question | topic):
            return None
        passage = {w for w in draft.grounding_words if w not in question}
        if len(answer & passage) >= 0.5 * len(answer):
            return None
        similarity = draft.similarity(draft.question)
        if similarity is not None and similarity >= self.settings.min_topic_similarity:
            return None
        return Reject("off topic")
