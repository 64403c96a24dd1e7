"""Search-box queries and terse reports (rounds 27 and 30): each kind fixed, with wordings
that must get the intended level and near misses that must not. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- a search-box query with no current detail is general ---------------------------------
    ("subarachnoid haemorrhage meaning", None),
    ("anaphylaxis definition nhs", None),
    ("sepsis vs septic shock", None),
    ("heat stroke heat exhaustion how to tell apart", None),
    ("seizure first aid for teachers", None),
    ("what meningitis rash looks like on dark skin", None),
    ("is meningitis contagious", None),
    # near misses: a person, a time word or a number makes it a report
    ("my son having a seizure first aid", "emergency"),
    ("heatstroke now hot and confused first aid", "emergency"),
    ("thunderclap headache 20 mins ago meaning", "emergency"),
    ("dad collapsed unresponsive first aid please", "emergency"),
    # -- "if a <anyone> ever ...": a first-aid question about people in general --------------
    ("if a customer ever collapsed in the shop, what should staff do?", None),
    ("if a pupil were to have a seizure in class, who do we ring?", None),
    ("if any resident ever stopped responding at night, what is the procedure?", None),
    # near misses
    ("a customer collapsed in the shop and is not responding", "emergency"),
    (
        "if a customer ever collapsed, what do we do? one just collapsed by the till now",
        "emergency",
    ),
    # -- whole packs of a medicine taken --------------------------------------------------------
    ("necked three packets of co codamol an hour ago, feel fine", "emergency"),
    ("she took 2 boxes of her sertraline earlier", "emergency"),
    ("swallowed a couple of strips of ibuprofen tablets", "emergency"),
    # near misses
    ("had two packets of crisps and now a tummy ache", None),
    ("bought 2 boxes of paracetamol, is that allowed?", None),
    # -- a collapse with gasping or snoring breaths ---------------------------------------------
    ("mum dropped to the floor, weird gasping breaths", "emergency"),
    ("grandad keeled over, making snoring noises and not answering", "emergency"),
    ("found my brother on the bathroom floor gasping", "emergency"),
    # near misses
    ("tripped and fell on the floor, grazed knee", None),
    ("dropped my phone on the floor, it is cracked", None),
    # -- torsion: one ball, high up, retching ---------------------------------------------------
    ("his left nut is swollen and sitting high up, keeps gagging", "emergency"),
    ("one ball swollen and painful and hes retching", "emergency"),
    ("my left ball is riding high and hurts", "emergency"),
    # near misses
    ("one ball slightly swollen for weeks, no pain", "urgent"),
    ("he is retching after a big meal, tummy sore", None),
    # -- a spinal injury with no feeling below or legs that will not move -----------------------
    ("came off the horse onto his back, no feeling below the waist", "emergency"),
    ("fell off a ladder and landed on my spine, legs wont move", "emergency"),
    ("dived into the shallow end and hit his neck, arms wont budge", "emergency"),
    # near misses
    ("my back is sore after gardening, legs feel tired", None),
    ("fell on my back yesterday, bruised but walking fine", None),
    # -- a button or coin cell in a child's mouth or missing ------------------------------------
    ("toddler had a coin cell in mouth and now it is gone", "emergency"),
    ("the car key battery is missing and my 3 year old was playing with it", "emergency"),
    ("baby put a flat round cell from the scales in mouth", "emergency"),
    # near misses
    ("which batteries does a key fob take", None),
    ("remote battery is flat, any tips", None),
    # -- a deep burn told by how the skin looks -------------------------------------------------
    ("boiling water over my hand, the skin has gone white and leathery", "emergency"),
    ("pan of hot oil on his leg, doesnt hurt at all and looks waxy", "emergency"),
    ("bath water was scalding, her feet are red raw and the skin is coming off", "emergency"),
    # near misses
    ("sunburn on my shoulders, skin peeling off a bit", None),
    ("my eczema is red raw after a bath", None),
    # -- choking told without the word ----------------------------------------------------------
    ("bit of chicken stuck, he cant cough and is grabbing his neck", "emergency"),
    ("grape stuck, slapped her on the back five times, still silent", "emergency"),
    ("sweet lodged, going blue, back blows not working", "emergency"),
    # near misses
    ("bit of food stuck in my teeth, cant get it out", None),
    ("feels like something is stuck in my throat for weeks", None),
    # -- blood in the pee (urgent) --------------------------------------------------------------
    ("my pee looked pink this morning, no pain", "urgent"),
    ("passed bloody urine twice today", "urgent"),
    ("the toilet water was red after I weed", "urgent"),
    # near misses
    ("ate beetroot last night and my pee is pink", None),
    ("red wine stain on the bathroom floor", None),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_query_level(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
