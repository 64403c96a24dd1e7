"""Round 87-89 misses with long-term conditions and treatments, by kind: a chickenpox or
shingles contact while on steroids or another immunity-lowering medicine (urgent), a red or
sore PICC or central line site without fever (urgent), an animal scratch or bite abroad with
no rabies treatment (urgent), a treated hypo whose sugar "came back up", a sickle cell fever
treated in hospital and gone, and a well child asked about "dry drowning" (no emergency).
Each kind with near misses that must stay emergencies. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- chickenpox contact on steroids or immunosuppressants (NHS chickenpox; steroid card) --
    (
        "i take dexamethasone every day for my myeloma and my neighbour's boy who I babysat "
        "yesterday now has chickenpox, never had it myself",
        "urgent",
    ),
    (
        "been on methotrexate for two years for arthritis, spent the afternoon with my niece "
        "and she's come out in chicken pox spots this evening",
        "urgent",
    ),
    (
        "kidney transplant patient on tacrolimus, my husband has shingles and I've been "
        "sleeping next to him, not sure I'm immune",
        "urgent",
    ),
    # not a contact: asking ahead
    ("is the chickenpox vaccine safe if I am on steroids?", None),
    # near misses: already ill with the rash and short of breath, or a steroid crisis
    (
        "on prednisolone and came out in chickenpox three days ago, now really short of "
        "breath and coughing up blood",
        "emergency",
    ),
    (
        "on long term steroids, had contact with chickenpox, now vomiting non stop and "
        "collapsed on the floor",
        "emergency",
    ),
    # -- PICC or central line site without fever (NHS / Macmillan: line team today) --------
    ("the skin around my hickman line is pink and sore when I touch it, no temperature", "urgent"),
    (
        "there's a bit of clear fluid leaking from under my picc dressing and the arm aches",
        "urgent",
    ),
    ("my portacath site looks swollen and feels warm, I feel fine otherwise", "urgent"),
    # near misses: a fever or shivers with the line while on chemotherapy
    (
        "on chemo with a picc line, the site is red and now I have a temperature of 38.6 and shaking",
        "emergency",
    ),
    (
        "central line site red and my mum is on chemo, she's now confused and very drowsy",
        "emergency",
    ),
    # -- animal scratch or bite abroad, no rabies treatment (NHS rabies: GP or 111 today) ---
    (
        "got home from bali yesterday, a stray puppy nipped my ankle on the beach and I never saw anyone about it",
        "urgent",
    ),
    (
        "while travelling in vietnam a cat clawed my hand and it bled, should I worry about rabies?",
        "urgent",
    ),
    ("woke up with a bat in the bedroom and I think it may have scratched my neck", "urgent"),
    # near misses: heavy bleeding or a deep bite to the face after an animal attack abroad
    (
        "on holiday in morocco a dog attacked my son and ripped his face, it's bleeding heavily and won't stop",
        "emergency",
    ),
    (
        "bitten by a monkey in india last month, now he is confused, scared of water and having spasms",
        "emergency",
    ),
    # -- a treated hypo whose sugar came back up (NHS low blood sugar) -----------------------
    (
        "my daughter had a hypo at school, 2.9, she was muddled and shaky but had juice and "
        "jelly babies and her sugar came straight back up to 6, fine now",
        None,
    ),
    (
        "husband went low in the night, sweaty and a bit vague, I gave him glucose gel and a "
        "sandwich and he came back up within 15 minutes, how do I stop this happening",
        None,
    ),
    (
        "my mum had a hypo this morning, 3.1, she was confused for a bit but after lucozade "
        "her blood sugar went right back up to 7, all good now",
        None,
    ),
    # near misses: confused and being sick or unrousable with a hypo
    (
        "had a hypo, his sugar came back up after juice but he's gone low again and is confused",
        "emergency",
    ),
    (
        "his sugar came back up after a hypo but now he's been vomiting all night and is confused",
        "emergency",
    ),
    (
        "she's having a hypo, 1.8, confused and now she's passed out and won't wake",
        "emergency",
    ),
    # -- a sickle cell fever already treated and gone (NHS sickle cell disease) --------------
    (
        "my daughter has sickle cell disease, she ran a fever of 38.8 on monday and was "
        "admitted for iv antibiotics, fever has settled and she's home now, can she go to school?",
        None,
    ),
    (
        "I have HbSS, was in hospital with a temperature last week, no fever since friday, "
        "when can I go back to the gym?",
        None,
    ),
    # near misses: a fever now, or a fever gone but chest pain and breathlessness now
    ("my son has sickle cell and has a fever of 38.5 right now", "emergency"),
    (
        "sickle cell, the fever has gone but today I have chest pain and am struggling to breathe",
        "emergency",
    ),
    # -- asked about dry or secondary drowning, child well (RLSS UK / NHS) -------------------
    (
        "my son went under at swimming lessons and spluttered a bit, he's been playing happily "
        "all afternoon, should I be worried about secondary drowning?",
        None,
    ),
    (
        "she gulped some bath water and coughed twice, eating tea and laughing now, what are the signs of dry drowning?",
        None,
    ),
    # near misses: the warning signs, or a real drowning
    (
        "he took in water at the pool an hour ago and keeps coughing and seems really drowsy, could it be dry drowning?",
        "emergency",
    ),
    (
        "worried about secondary drowning, she's breathing fast and been sick since the swim",
        "emergency",
    ),
    ("my toddler nearly drowned in the paddling pool, pulled him out blue", "emergency"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round91_treatment_kinds(triage: Triage, text: str, expected: str | None) -> None:
    assert flag_level(triage, text) == expected
