"""One Unicode clean-up of the patient's text, before any stage reads it.

Invisible and look-alike characters must not hide words from triage, rules or the
anonymizer: "ch\\u200best pa\\u200bin" has to read as "chest pain", and a Latin word with one
Cyrillic "е" in it has to read as that Latin word. Three steps:

1. Unicode NFKC, which folds compatibility forms (full-width letters, ligatures, superscript
   digits) into their plain letters.
2. Format characters (category Cf: zero-width spaces and joiners, soft hyphens, bidi marks,
   the byte-order mark) are removed; other control characters become spaces, except line
   breaks and tabs.
3. Confusable letters are folded to Latin only inside words that already mix Latin with
   another script, the mixed-script case of Unicode TR39. A word written wholly in Cyrillic
   or Greek (a name, say) is left as it is, so the anonymizer still sees it.
"""

from __future__ import annotations

import re
import unicodedata

# Cyrillic and Greek letters that render like a Latin letter (a subset of Unicode's
# confusables.txt, lower and upper case); only ever applied inside mixed-script words.
_CONFUSABLE_TO_LATIN = str.maketrans(
    {
        # Cyrillic
        "а": "a",
        "в": "b",
        "е": "e",
        "ё": "e",
        "һ": "h",
        "і": "i",
        "ї": "i",
        "ј": "j",
        "к": "k",
        "м": "m",
        "н": "h",
        "о": "o",
        "р": "p",
        "с": "c",
        "т": "t",
        "у": "y",
        "х": "x",
        "ѕ": "s",
        "ԁ": "d",
        "ԛ": "q",
        "ԝ": "w",
        "А": "A",
        "В": "B",
        "Е": "E",
        "Ё": "E",
        "Һ": "H",
        "І": "I",
        "Ї": "I",
        "Ј": "J",
        "К": "K",
        "М": "M",
        "Н": "H",
        "О": "O",
        "Р": "P",
        "С": "C",
        "Т": "T",
        "У": "Y",
        "Х": "X",
        "Ѕ": "S",
        "Ԛ": "Q",
        "Ԝ": "W",
        # Greek
        "α": "a",
        "ο": "o",
        "ρ": "p",
        "ν": "v",
        "ι": "i",
        "κ": "k",
        "τ": "t",
        "υ": "u",
        "χ": "x",
        "Α": "A",
        "Β": "B",
        "Ε": "E",
        "Ζ": "Z",
        "Η": "H",
        "Ι": "I",
        "Κ": "K",
        "Μ": "M",
        "Ν": "N",
        "Ο": "O",
        "Ρ": "P",
        "Τ": "T",
        "Υ": "Y",
        "Χ": "X",
    }
)
_CONFUSABLE_CHARS = frozenset(chr(code) for code in _CONFUSABLE_TO_LATIN)
_WORD_RE = re.compile(r"\w+")
_KEPT_CONTROLS = frozenset("\n\t")


def _is_latin_letter(char: str) -> bool:
    return (char.isalpha() and char.isascii()) or "LATIN" in unicodedata.name(char, "")


def _fold_mixed_script(match: re.Match[str]) -> str:
    word = match.group(0)
    if not any(char in _CONFUSABLE_CHARS for char in word):
        return word
    if not any(_is_latin_letter(char) for char in word):
        return word  # wholly another script: a real word or name, not a disguise
    return word.translate(_CONFUSABLE_TO_LATIN)


def _clean_char(char: str) -> str:
    category = unicodedata.category(char)
    if category == "Cf":
        return ""
    if category == "Cc" and char not in _KEPT_CONTROLS:
        return " "
    if category in {"Zl", "Zp"}:
        return "\n"
    return char


def normalize_text(text: str) -> str:
    """The text every stage reads: NFKC, no format characters, confusables folded."""
    text = unicodedata.normalize("NFKC", text)
    if not text.isascii():
        text = "".join(_clean_char(char) for char in text)
        text = _WORD_RE.sub(_fold_mixed_script, text)
    elif any(unicodedata.category(char) == "Cc" and char not in _KEPT_CONTROLS for char in text):
        text = "".join(_clean_char(char) for char in text)
    return text
