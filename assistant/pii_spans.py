"""Turn raw recognizer hits into the spans to replace.

Presidio's recognizers (spaCy NER and the ones ``anonymizer.build_analyzer`` adds) overlap
and err in known ways; these rules fix them in order: trim names, drop clinical words, settle
overlaps, widen identifiers to whole tokens, add the town next to an address, and catch other
mentions of an identifier's digits.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from assistant.name_cues import ORG_WORDS, spread_names
from assistant.name_words import (
    NON_NAME_POS,
    NOT_NAMES,
    RELATION_WORDS,
    TITLE_WORDS,
    first_names,
    medical_terms,
    surnames,
)
from assistant.places import medical_vocab


def refine(
    text: str, results: list[RecognizerResult], tags: dict[int, str]
) -> list[RecognizerResult]:
    """The final, non-overlapping spans. ``tags``: spaCy's part-of-speech tag by token start."""
    trimmed = [_trim_person(text, r, tags) for r in results if not _sentence_not_url(text, r)]
    kept = [
        r
        for r in trimmed
        if r is not None
        and not _is_clinical_term(text, r)
        and not _owned_thing(text, r)
        and not _common_noun(text, r, tags)
    ]
    chosen = _whole_tokens(text, _resolve_overlaps([r for r in kept if not _organisation(text, r)]))
    return _repeated_digits(text, spread_names(text, _extend_locations(text, chosen), tags))


_SPACY_RECOGNIZER = "SpacyRecognizer"


def _sentence_not_url(text: str, result: RecognizerResult) -> bool:
    """ "bronchitis.Sh", "it......pl": a missing space after a full stop, not a web address.
    A bare domain (no scheme, no www) counts only with a lower-case last label and no ".."."""
    if result.entity_type != "URL":
        return False
    value = text[result.start : result.end]
    if "://" in value or value.lower().startswith("www."):
        return False
    last = value.rstrip("/").rsplit(".", 1)[-1]
    return ".." in value or value.startswith(".") or not last.islower()


# Drug-name endings: "lisinopril", "atorvastatin", "omeprazole" are never people or places.
_DRUG_SUFFIX_RE = re.compile(
    r"(?:pril|olol|statin|sartan|mab|cillin|mycin|floxacin|azole|dipine|oxetine|triptan|"
    r"formin|prazole|tidine|dronate|caine|vir|zepam|azepam|lukast|tropium|terol|sone|olone|"
    r"afil|gliptin|glutide|parin|xaban|oxacin|cycline|pam|tyline|pine|done|zole|izine|"
    r"tizine|afinil|oxetine|apine|idone|amide|ipine|cort|cortil|dronate|lukast|mab|nib|"
    r"tinib|fenac|profen|coxib|setron|triptan|vastatin|semide|thiazide|oxin|mycin|"
    r"pril|olol|sal|lex|steride)$",
    re.IGNORECASE,
)


# Specialists: "Rheumatologist", "Paediatrician", "Psychiatrist".
_SPECIALIST_RE = re.compile(r"(?:ologist|iatrist|ician|otomist|opath)s?$", re.IGNORECASE)


def _is_clinical_term(text: str, result: RecognizerResult) -> bool:
    """Drop NER hits on eponyms and medicines ("Parkinson's", "Zoloft", "Baker's cyst")."""
    if result.entity_type not in {"PERSON", "LOCATION", "NRP"}:
        return False
    value = text[result.start : result.end]
    words = [
        w.strip("'’").removesuffix("'s").removesuffix("’s").lower()
        for w in re.split(r"[\s-]+", value)
    ]
    if _recognizer(result) == "IntroducedNameRecognizer" and all(w in first_names() for w in words):
        return False  # "my daughter Yasmin": a name after a cue, though also a medicine
    terms = medical_terms()
    if value.lower() in terms or any(w in terms for w in words):
        return True
    vocab = medical_vocab()
    if all(w in vocab or w in terms for w in words if w):
        return True  # "Kidney Stone", "Hypoglycemia": every word is a clinical one
    if _CONDITION_AFTER_RE.match(text, result.end) or _CONDITION_INSIDE_RE.search(value):
        return True
    if _XRAY_RE.fullmatch(value) or _XRAY_RE.fullmatch(text[max(0, result.start - 2) : result.end]):
        return True
    if not _from_ner(result) or len(words) != 1:
        return False
    if (
        words[0] not in first_names()
        and words[0] not in surnames()
        and _medicine_context(text, result)
    ):
        return True
    # A single drug-like word ("Atorvastatin") or a short acronym ("COPD") tagged by NER
    # alone is a medicine or a care term, not a person or a place; so is a unit ("42 Kg").
    if words[0] in first_names() or words[0] in surnames():
        return False
    return bool(
        _DRUG_SUFFIX_RE.search(words[0])
        or _SPECIALIST_RE.search(words[0])
        or _BRAND_SUFFIX_RE.search(value)
        or words[0] in _UNIT_WORDS
    ) or (value.isupper() and len(value) <= 5)


_XRAY_RE = re.compile(r"(?i)x[\s-]?rays?")
_BRAND_SUFFIX_RE = re.compile(r"-(?:XT|SR|DSR|CR|ER|XL|LA|MR|OD|DS|Forte|Plus)$", re.IGNORECASE)
_UNIT_WORDS = frozenset(
    ["kg", "kgs", "mg", "mcg", "ml", "lb", "lbs", "cm", "mm", "mmhg", "bpm", "iu"]
)
# A word that is taken, prescribed or dosed is a medicine: "started Nexito 10", "tab Pantos".
_MEDICINE_BEFORE_RE = re.compile(
    r"(?i)\b(?:take|takes|taking|took|prescribed|started|starting|stopped|using|used|on|tab|"
    r"tabs|tablet|tablets|cap|caps|capsule|syrup|drops|cream|gel|ointment|inhaler|injection|"
    r"dose|dosage|course\s+of|mg|ml)\.?\s+(?:[^\W\d_]+\s*(?:,|and|or|&)\s*)?$"
)
_MEDICINE_AFTER_RE = re.compile(
    r"(?i)^(?:[\s-]*(?:\d{1,3}(?:\.\d+)?(?!\d)|\d+\s*(?:mg|mcg|ml|iu)\b|xt\b|sr\b|er\b|xl\b|forte\b|plus\b|tab|tablet|syrup|cream|gel|"
    r"drops|ointment|injection|inhaler|capsule|mg\b|ml\b))"
)


def _medicine_context(text: str, result: RecognizerResult) -> bool:
    before = text[max(0, result.start - 40) : result.start]
    after = text[result.end : result.end + 12]
    return bool(_MEDICINE_BEFORE_RE.search(before) or _MEDICINE_AFTER_RE.match(after))


_RELATION_OR_TITLE = RELATION_WORDS | TITLE_WORDS


def _trim_person(
    text: str, result: RecognizerResult, tags: dict[int, str]
) -> RecognizerResult | None:
    """Cut the words around a name that NER swallows ("my daughter aisha", "Rajesh Gupta
    said"): relation words, titles and lower-case function words carry meaning, not identity."""
    if result.entity_type != "PERSON":
        return result
    line_end = text.find("\n", result.start, result.end)
    if line_end > result.start:  # a name never spans lines: "Victoria Bruun\nPhone"
        result = _with_span(result, result.start, line_end)
    words = [m.span() for m in re.finditer(r"[^\s,;:]+", text[result.start : result.end])]

    def is_edge_noise(span: tuple[int, int]) -> bool:
        word = text[result.start + span[0] : result.start + span[1]]
        lowered = word.lower().strip(".'’")
        tag = tags.get(result.start + span[0])
        if lowered in _RELATION_OR_TITLE or any(ch.isdigit() for ch in word):
            return True  # names carry no digits: "Cholesterol 6.2" is a reading
        # Capitalised words stay in: "Will" and "May" are names too, and a word too many is
        # cheaper than a name leaked.
        if word.islower() and _clinical_word(lowered):
            return True  # "i'm john cough is bad": NER runs the name into the symptom
        if not _from_ner(result) and lowered in first_names():
            return False  # "my daughter amy ...": a cue found it, whatever spaCy tags it
        return word.islower() and (lowered in NOT_NAMES or tag in NON_NAME_POS)

    for index, (_start, end) in enumerate(words[:-1]):
        if text[result.start + end - 2 : result.start + end].lower() in {"'s", "’s"}:
            words = words[: index + 1]  # "Ana Ruiz's Pharmacy": the owner, not the shop
            break
    while words and is_edge_noise(words[0]):
        words.pop(0)
    while words and is_edge_noise(words[-1]):
        words.pop()
    if not words:
        return None
    start, end = result.start + words[0][0], result.start + words[-1][1]
    if (start, end) == (result.start, result.end):
        return result
    return _with_span(result, start, end)


def _organisation(text: str, result: RecognizerResult) -> bool:
    """ "Halvorsen Consulting", "Delmar Orchestra", "Brightwell Ltd": a name or place followed
    by an organisation word is an organisation, which we keep (see ENTITIES)."""
    if result.entity_type not in {"PERSON", "LOCATION"}:
        return False
    value = text[result.start : result.end]
    following = re.match(r"[ \t]+([A-Za-z.]+)", text[result.end : result.end + 20])
    last = value.split()[-1].lower() if value.split() else ""
    return last in ORG_WORDS or (following is not None and following.group(1).lower() in ORG_WORDS)


def _clinical_word(word: str) -> bool:
    return (word in medical_terms() or word in medical_vocab()) and not (
        word in first_names() or word in surnames()
    )


_OWNER_RE = re.compile(r"\b(?:my|your|his|her|their|our)\s+$", re.IGNORECASE)


def _owned_thing(text: str, result: RecognizerResult) -> bool:
    """ "my Saxenda", "her Ventolin": one word that NER calls a person or a place after a
    possessive is a thing someone has (a medicine, a device), unless it is a known name."""
    if not _from_ner(result) or result.entity_type not in {"PERSON", "LOCATION"}:
        return False
    value = text[result.start : result.end].lower()
    if " " in value or value in first_names() or value in surnames():
        return False
    return bool(_OWNER_RE.search(text, max(0, result.start - 8), result.start))


_PREVIOUS_WORD_RE = re.compile(r"(\w+)\W*$")


def _common_noun(text: str, result: RecognizerResult, tags: dict[int, str]) -> bool:
    """A lower-case NER "name" after an article or adjective ("a small nick") is a noun."""
    if not _from_ner(result) or not text[result.start : result.end].islower():
        return False
    previous = _PREVIOUS_WORD_RE.search(text, max(0, result.start - 30), result.start)
    return previous is not None and tags.get(previous.start(1)) in {"DET", "ADJ", "NUM"}


def _repeated_digits(text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
    """Replace other mentions of an identifier's digit groups ("SSN ending 4821, full:
    601-44-4821"): a fragment of a number is as identifying as the number."""
    groups: dict[str, str] = {}
    for result in results:
        if result.entity_type not in _NOT_WIDENED | {"DATE_TIME"}:
            for group in re.findall(r"\d{4,}", text[result.start : result.end]):
                groups.setdefault(group, result.entity_type)
    if not groups:
        return results
    added = [
        RecognizerResult(groups[m.group()], m.start(), m.end(), 0.7)
        for m in re.finditer(r"(?<![\d-])\d{4,}(?![\d-])", text)
        if m.group() in groups and all(m.end() <= r.start or m.start() >= r.end for r in results)
    ]
    return sorted(results + added, key=lambda r: r.start) if added else results


_NOT_WIDENED = frozenset({"PERSON", "LOCATION", "NRP", "EMAIL_ADDRESS", "URL", "USERNAME"})
_TOKEN_CHAR_RE = re.compile(r"[A-Za-z0-9-]")


def _whole_tokens(text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
    """Widen identifier hits to the whole hyphenated token, so that no prefix survives
    ("CLM-2024-778812" where a recognizer matched "2024-778812", "07-Jun-1990")."""
    widened: list[RecognizerResult] = []
    for index, result in enumerate(results):
        start, end = result.start, result.end
        if result.entity_type not in _NOT_WIDENED:
            low = results[index - 1].end if index else 0
            high = results[index + 1].start if index + 1 < len(results) else len(text)
            while start > low and _TOKEN_CHAR_RE.match(text[start - 1]):
                start -= 1
            while end < high and _TOKEN_CHAR_RE.match(text[end]):
                end += 1
            # Keep a hyphen at either edge outside: it joins the token to a word, not the value.
            while start < result.start and text[start] == "-":
                start += 1
            while end > result.end and text[end - 1] == "-":
                end -= 1
        if (start, end) == (result.start, result.end):
            widened.append(result)
        else:
            widened.append(_with_span(result, start, end))
    return widened


def _extend_locations(text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
    """Add the town after an address ("42 Elm Street, Springfield") and before a postcode
    ("Leeds LS6 2QT"): the small spaCy model often misses them inside an address."""
    added: list[RecognizerResult] = []
    for result in results:
        if result.entity_type in {"LOCATION", "STREET_ADDRESS"}:
            match = _TOWN_AFTER_RE.match(text, result.end)
            if match and _plausible_place(match.group("town"), text, match.end("town")):
                start, end = match.span("town")
                added.append(RecognizerResult("LOCATION", start, end, 0.6))
        if result.entity_type == "LOCATION":
            code = _POSTCODE_AFTER_RE.match(text, result.end)
            if code:  # "Madrid 28004": the town's postcode
                added.append(RecognizerResult("US_ZIP_CODE", *code.span("code"), 0.6))
        if result.entity_type in {"UK_POSTCODE", "US_ZIP_CODE"}:
            match = _TOWN_BEFORE_RE.search(text, 0, result.start)
            if match and _plausible_place(match.group("town")):
                start, end = match.span("town")
                added.append(RecognizerResult("LOCATION", start, end, 0.6))
    if not added:
        return results
    return _resolve_overlaps(results + added)


_POSTCODE_AFTER_RE = re.compile(
    r"[ \t]+(?P<code>\d{4,5})\b(?![.,:/]\d|[ \t]*(?:mg|ml|%|steps|people|patients))"
)


def _plausible_place(word: str, text: str = "", end: int = 0) -> bool:
    """Not a clinical or common word, nor an organisation ("Brightwell Systems")."""
    lowered = word.lower()
    words = lowered.split()
    following = re.match(r"[ \t]+([A-Za-z.]+)", text[end : end + 20])
    organisation = words[-1] in ORG_WORDS or (
        following is not None and following.group(1).lower() in ORG_WORDS
    )
    return (
        lowered not in medical_terms()
        and lowered not in NOT_NAMES
        and words[0] not in NOT_NAMES
        and not organisation
    )


# The town after an address, maybe after a European postcode ("14 Rue des Lilas, 75011 Paris").
_TOWN_AFTER_RE = re.compile(
    r",?[ \t]+(?P<town>(?:(?:[A-Z]{1,2}-)?\d{4,5}[ \t]+)?[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)\b"
)
# The town before a postcode, or before the state of a ZIP code ("Columbus, OH 43215").
_TOWN_BEFORE_RE = re.compile(
    r"\b(?P<town>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?),?[ \t]+(?:[A-Z]{2},?[ \t]+)?$"
)
_CONDITION_WORDS = (
    r"(?:disease|syndrome|palsy|thyroiditis|phenomenon|sign|test|lymphoma|chorea|"
    r"tumou?r|cyst|sarcoma|ulcer|disorder|triad|reflex|oesophagus|esophagus|contracture|"
    r"manoeuvre|maneuver|score|scale)"
)
# "Parkinson's disease", "Graves' disease", "Bell palsy".
_CONDITION_AFTER_RE = re.compile(
    rf"(?:['’]s?\s+{_CONDITION_WORDS}|['’]?\s+(?:disease|syndrome|palsy|thyroiditis|phenomenon|"
    r"lymphoma|chorea|sarcoma|contracture))\b",
    re.IGNORECASE,
)
_CONDITION_INSIDE_RE = re.compile(rf"['’]s?\s+{_CONDITION_WORDS}\b", re.IGNORECASE)


def _with_span(result: RecognizerResult, start: int, end: int) -> RecognizerResult:
    return RecognizerResult(
        result.entity_type,
        start,
        end,
        result.score,
        result.analysis_explanation,
        result.recognition_metadata,
    )


def _recognizer(result: RecognizerResult) -> str:
    metadata = result.recognition_metadata or {}
    return str(metadata.get("recognizer_name", ""))


def _from_ner(result: RecognizerResult) -> bool:
    return _recognizer(result) == _SPACY_RECOGNIZER


def _resolve_overlaps(results: list[RecognizerResult]) -> list[RecognizerResult]:
    """Keep non-overlapping hits. Overlapping names (or places) merge into one span, so that
    no part of "Aaliyah Rahman" survives when two recognizers each found half of it. Otherwise
    confident pattern recognizers beat spaCy NER (which scores a flat 0.85 and would turn a UK
    phone number into a date), NER beats the weak guesses (known names, bare ID-like tokens),
    then higher score, then longer span."""

    def priority(result: RecognizerResult) -> tuple[int, float, int]:
        tier = 1 if _from_ner(result) else (2 if result.score >= _CONFIDENT else 0)
        return (tier, result.score, result.end - result.start)

    chosen: list[RecognizerResult] = []
    for result in sorted(_merge_same_type(results), key=priority, reverse=True):
        if all(result.end <= kept.start or result.start >= kept.end for kept in chosen):
            chosen.append(result)
    return sorted(chosen, key=lambda r: r.start)


_CONFIDENT = 0.7
# Two hits of these types on parts of one value become one span covering both.
_MERGED_TYPES = frozenset({"PERSON", "LOCATION", "DATE_TIME", "STREET_ADDRESS", "PHONE_NUMBER"})


def _merge_same_type(results: list[RecognizerResult]) -> list[RecognizerResult]:
    merged: list[RecognizerResult] = []
    for result in sorted(results, key=lambda r: (r.start, -r.end)):
        last = merged[-1] if merged else None
        if (
            last is not None
            and result.entity_type in _MERGED_TYPES
            and result.entity_type == last.entity_type
            and result.start < last.end
        ):
            best = max(last, result, key=lambda r: (not _from_ner(r), r.score))
            merged[-1] = _with_span(best, last.start, max(last.end, result.end))
        else:
            merged.append(result)
    return merged
