"""General questions, prevention, nothing swallowed and settled past (rounds 35-38): each
kind fixed, with wordings that must get the intended level and near misses that must not.
Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- a medicine's side effect asked about as a general statement ---------------------------
    ("is it true that isotretinoin can make you suicidal?", None),
    (
        "the insert with my acne pills says it can make some people suicidal, how rare is that?",
        None,
    ),
    ("why do some antidepressants make young people suicidal in the first weeks?", None),
    # near misses: the person's own suicidal feelings
    ("fluoxetine is making me suicidal", "emergency"),
    ("my leaflet says it can make people suicidal and i feel suicidal now", "emergency"),
    ("side effects include suicidal thoughts and I've been having them since monday", "emergency"),
    # -- an untreated illness asked about as a conditional question ------------------------------
    ("if left untreated can cellulitis lead to sepsis", None),
    ("if someone leaves a kidney infection too long, could it become sepsis?", None),
    ("if you don't treat a tooth abscess, can it turn into blood poisoning?", None),
    # near misses: a report with it
    ("if I leave it can it turn into sepsis, im shivering and confused", "emergency"),
    ("my dad has sepsis, he is confused and his skin is mottled", "emergency"),
    # -- prevention of poisoning ---------------------------------------------------------------
    ("how do we childproof the cupboards so the baby can't get poisoned by bleach?", None),
    ("best way to keep toddlers from being poisoned by cleaning products?", None),
    ("what locks stop children getting poisoned by medicines in the kitchen?", None),
    # near misses: poisoned now
    ("my son got poisoned by weedkiller and he is drowsy", "emergency"),
    ("i think my flatmate has been poisoned, she is vomiting and confused", "emergency"),
    # -- one extra dose of an everyday vitamin ----------------------------------------------------
    ("took an extra vitamin c by mistake this morning, can i overdose on it", None),
    ("forgot I had already taken my multivitamin and had another one, is that an overdose?", None),
    ("accidentally had two fish oil capsules instead of one, overdose risk?", None),
    # near misses: iron, a child, many tablets, a prescription medicine
    ("accidentally took 2 iron tablets instead of 1, overdose risk?", "emergency"),
    ("took 6 vitamin d tablets by mistake, overdose?", "emergency"),
    ("my toddler took 2 vitamin d gummies by mistake, overdose?", "emergency"),
    # -- a child found with a pack, every tablet counted -----------------------------------------
    (
        "found my toddler holding a box of paracetamol, all 16 still in the foil and she is fine",
        None,
    ),
    ("caught my son playing with nan's tablets, none missing and the blister is intact", None),
    (
        "found my daughter with my pills, the seal is unbroken and every tablet is accounted for",
        None,
    ),
    # near misses: some missing, or signs
    ("found my toddler holding a blister pack of my iron tablets, 2 are missing", "emergency"),
    ("caught my son with my sleeping tablets, the foil is intact but he is drowsy", "emergency"),
    # -- a relative's DVT, or one treated in the past ------------------------------------------
    ("does the mini pill raise clot risk? my mum had a DVT", None),
    ("been on apixaban since a DVT two years ago, can I have a beer?", None),
    ("history of DVT, is it safe to fly long haul?", None),
    # near misses: a DVT suspected now
    ("my leg is swollen, is it a dvt", "urgent"),
    ("think I have a DVT, my calf is hot and hard", "urgent"),
    # -- a kidney stone passed in the past, now well, asking how to stop another ----------------
    ("passed a kidney stone last year after terrible pain, now fine. how do I stop another?", None),
    (
        "had a kidney stone in March, awful pain, now completely fine, what stops them forming?",
        None,
    ),
    (
        "kidney stone passed last summer, severe pain at the time, I'm now well, tips to avoid more?",
        None,
    ),
    # near misses: pain now
    ("kidney stone pain is severe today and I can't keep still", "urgent"),
    ("passed one before, now kidney stone pain again and it is severe", "urgent"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_info_request_kinds(triage: Triage, text: str, expected: str | None) -> None:
    assert flag_level(triage, text) == expected
