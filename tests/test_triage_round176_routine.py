"""Set 26 by kind: not-urgent messages that the flags read as urgent. Another family's child
or someone in a story whose fit is told, with the writer asking what to do if it happened or
whether it is true (NHS febrile seizures); chest pain already checked in A&E with normal tests,
put down to a strained muscle, and comfortable or fine now (NICE CG95), a blood pressure tablet
not being chest pressure; a splash in the eye rinsed at the time and settled with normal sight
(NHS eye injuries); red, fleshy tissue growing round a feeding tube or stoma with no sign of
infection (overgranulation; NHS PEG and stoma care); a child with a fever already seen, a
cause named or antibiotics started, and better today (NICE NG143); a few iron-free children's
vitamins eaten by a child who is well (NPIS). Each kind with wordings that must stand down,
and near misses that must stay urgent or emergencies. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- someone else's child's fit, or a story, with a what-to-do-if or is-it-true question
    # (NHS febrile seizures) ------------------------------------------------------------------
    (
        "my friends little boy had a febrile fit last week, what should we do if our daughter "
        "ever gets one? she's well",
        None,
    ),
    (
        "My brother's daughter had a seizure with a high temperature over the summer. What do I "
        "do if my son has one? He's fine today.",
        None,
    ),
    (
        "is it safe to take lots of antihistamines? my mate said somebody had a seizure from "
        "taking too many, is that actually true",
        None,
    ),
    (
        "my cousins little girl had a febrile convulsion last month. what should i do if it "
        "happens with my boy? he's fine right now",
        None,
    ),
    # near misses: the writer's own child, a fit just had, or a fit now
    ("my little boy had a fit an hour ago, it stopped after a minute, he's sleepy now", "urgent"),
    (
        "my son just had a febrile fit, it stopped, what should i do if it happens again",
        "urgent",
    ),
    ("my daughter is having a seizure right now and it won't stop", "emergency"),
    # -- chest pain checked in A&E, normal tests, a strained muscle, fine now (NICE CG95) -----
    (
        "Went to A&E with chest pain yesterday, ECG fine, they said a pulled muscle. Comfy today, "
        "can I take ibuprofen?",
        None,
    ),
    (
        "A&E did an ECG and bloods for my chest pain, said pulled muscle, comfortable today. Is "
        "the naproxen ok with my blood pressure pills?",
        None,
    ),
    (
        "Had a scan for my chest pain after my op, not a clot, just a muscle strain, I'm fine "
        "now. Can I go back to the gym?",
        None,
    ),
    # near misses: pressure or spread in the chest now, or pain still bad
    (
        "A&E did an ECG and bloods for my chest pain, said pulled muscle, comfy today, but "
        "there's a pressure in my chest now",
        "urgent",
    ),
    (
        "my ct scan was normal, pulled muscle they think, chest pain is still bad today",
        "urgent",
    ),
    (
        "Went to A&E with chest pain, ECG fine, they said a pulled muscle. fine today but now its "
        "crushing and spreading to my arm",
        "emergency",
    ),
    # -- a splash in the eye, rinsed at the time, settled with normal sight (NHS eye injuries) -
    (
        "got some shampoo in my eye last night, rinsed it well, today it's fine, vision normal",
        None,
    ),
    (
        "a bit of brow tint went in my eye yesterday, I washed it out straight away. fine today, "
        "sight is normal, just a little dry",
        None,
    ),
    (
        "sun cream went in my son's eye this morning, we rinsed it, he's fine now and seeing fine",
        None,
    ),
    # near misses: blurred, painful, still stinging, or a strong chemical
    ("tint went in my eye yesterday, rinsed, today its fine but my vision is blurry", "urgent"),
    ("some lash glue went in my eye an hour ago, still stings and watering", "urgent"),
    (
        "bleach splashed in my eye yesterday, rinsed it, fine today, vision normal",
        "emergency",
    ),
    # -- red fleshy tissue round a feeding tube or stoma, no infection (overgranulation) -----
    (
        "there's a pink fleshy lump growing at the edge of my son's gastrostomy button, bleeds "
        "when the dressing rubs, he's well",
        None,
    ),
    ("red raised skin growing round my dad's PEG site, bleeds slightly, otherwise fine", None),
    (
        "a red bumpy bit of skin has grown round my stoma, catches on the bag and bleeds a bit",
        None,
    ),
    # near misses: heat, swelling, pus, a temperature or spread
    ("red skin round his peg is spreading and hot and he has a temperature", "urgent"),
    ("the skin round her PEG is red, swollen and oozing pus, spreading", "urgent"),
    # -- a child seen, a cause named or antibiotics started, better today (NICE NG143) --------
    (
        "my daughter had 39.8 on sunday and was shivering, the GP said tonsillitis and gave "
        "penicillin. today she's 37.5 and playing with her dolls. how long is the course?",
        None,
    ),
    (
        "my 3 year old was 40 last night, out of hours doctor said viral. today he's much better "
        "and eating",
        None,
    ),
    (
        "Took my son to the walk in with a temp of 39.2, they said ear infection and gave "
        "amoxicillin. He's brighter this morning, now 37.6. Can he go to nursery?",
        None,
    ),
    # near misses: still hot, floppy, a rash, or no doctor yet
    (
        "my son had 39.6, gp gave antibiotics for an ear infection, today he is better but has a "
        "rash",
        "urgent",
    ),
    ("my son had 39 yesterday and shaking, today he is 37.8 and eating", "urgent"),
    (
        "my boy had 39.5, out of hours said ear infection and gave antibiotics, today he's still "
        "39 and not drinking",
        "urgent",
    ),
    # -- a few iron-free children's vitamins, the child well (NPIS) ----------------------------
    (
        "my 4 year old ate 2 of his kids multivitamin gummies (no iron in them) as well as his "
        "own, he's totally fine, should I worry?",
        None,
    ),
    ("my 3yo got into the kids vitamins, ate 3 or 4, they're iron free, she seems fine", None),
    (
        "my daughter (5) had three of her children's vitamin chews instead of one, they don't "
        "contain iron, she's fine and playing",
        None,
    ),
    # near misses: sick after them, iron in them, or an adult's pregnancy vitamins
    ("my toddler ate 2 vitamin gummies without iron and now she's vomiting", "emergency"),
    ("my 2 year old ate 3 of my pregnancy vitamins, she's fine", "emergency"),
    ("my daughter ate 3 kids vitamin gummies with iron, shes fine", "emergency"),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round176_routine(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
