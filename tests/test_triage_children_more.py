"""Missed emergencies and same-day cases of rounds 39 and 42-44, by kind, in our own words.

A child's picture in lay words: a baby's age written short ("5mo", "baby is 6 weeks"), feeds
that come back up green, a fall off the top of play equipment with drowsiness, smoke
breathed in during a fire, a deep or heavily bleeding bite to the face, a teenager who
swallowed every tablet in a pack, red or sticky eyes in a baby under four weeks. Adults:
indigestion-like pain with clamminess and breathlessness (heart attack), severe ovarian
hyperstimulation after egg collection, a temperature after a biopsy or scope, a red,
swollen, leaking wound after a device or operation, a tummy bug with dark urine and
dizziness. Each kind has near misses that must get the other level or stay calm.
"""

from __future__ import annotations

import pytest

from assistant.normalize import normalize_text
from assistant.triage import Triage

CASES: list[tuple[str, str]] = [
    # a baby's age written short, with a fall onto a hard floor (NICE NG232)
    (
        "my 5mo slipped off the sofa onto the tiled floor and has a big lump on his forehead",
        "emergency",
    ),
    ("10mo fell out of her high chair onto the kitchen floor and threw up twice", "emergency"),
    ("our 8 mths old daughter rolled off the bed onto floorboards, now very sleepy", "emergency"),
    ("my 5mo has a blocked nose and is a bit snuffly at night", "none"),
    ("4 mo old keeps rolling over in her sleep, is that safe", "none"),
    # feeds that come back up green in a newborn (NHS vomiting in babies)
    ("newborn is 6 days old and her milk keeps coming back up dark green", "emergency"),
    ("my 3 week old baby's feeds came straight back up and it was green like grass", "emergency"),
    ("10 day old son, every feed comes back up bright green and his tummy is swollen", "emergency"),
    ("my 2 week old baby does green poos, is that ok", "none"),
    ("my 6 week old brings a bit of milk back up after feeds, white and curdled", "none"),
    # a fall off the top of play equipment with vomiting or drowsiness (NICE NG232)
    (
        "my 6 year old fell off the top of the slide at the park and has been sick three times",
        "emergency",
    ),
    ("son came off the very top of his bunk bed and we cant keep him awake", "emergency"),
    ("she tumbled off the highest part of the climbing frame, now keeps dozing off", "emergency"),
    ("my 6 year old fell off the bottom step of the slide, cried then carried on playing", "none"),
    ("he came off the top of the climbing frame yesterday, scraped knee, fine since", "none"),
    # smoke breathed in during a fire (NHS burns and scalds)
    (
        "our flat had a fire last night, my daughter breathed in a lot of smoke and now her voice is hoarse",
        "emergency",
    ),
    (
        "chip pan fire at home, my husband has soot round his mouth and keeps coughing up black stuff",
        "emergency",
    ),
    ("there was a bedroom fire, my son was in the thick smoke and now hes wheezing", "emergency"),
    ("the smoke alarm went off from burnt toast, everyone is fine", "none"),
    ("sitting round a bonfire night party, smoke got in my eyes, bit of a cough", "none"),
    # a deep or heavily bleeding bite, or one on the face (NHS animal and human bites)
    ("a staffie went for my nephew and tore his lip open, you can see inside", "emergency"),
    ("neighbours dog bit my hand and its bleeding heavily through the tea towel", "emergency"),
    ("my son was bitten by a dog on the face, deep gash on his cheek", "emergency"),
    ("the dog bit my hand, two small punctures, not much blood", "urgent"),
    ("the cat scratched my arm while playing, just a scratch", "none"),
    # a teenager who swallowed every tablet in a pack (NHS paracetamol overdose; NICE NG225)
    (
        "my 16 year old son has swallowed every pill in a strip of ibuprofen after a row",
        "emergency",
    ),
    ("she took every single tablet in the packet of paracetamol this afternoon", "emergency"),
    ("i swallowed every last one of my sleeping tablets an hour ago", "emergency"),
    ("i took every tablet as prescribed and the infection is clearing", "none"),
    ("do i need to finish every tablet in the pack of antibiotics", "none"),
    # red or sticky eyes in a baby under four weeks (NHS conjunctivitis)
    ("my 10 day old son has sticky eyes with yellow gunk and the whites look red", "urgent"),
    ("baby is 2 weeks and her eyes are crusted shut with green discharge", "urgent"),
    ("newborn girl has puffy eyelids and pus coming out of both eyes", "urgent"),
    ("my 5 month old has a sticky eye in the morning, otherwise happy", "none"),
    ("do newborns need their eyes cleaned every day", "none"),
    # a baby under 3 months with a temperature, age said without "old" (NICE NG143)
    ("baby is 6 weeks and has a temperature of 38.2", "urgent"),
    ("our son is only 9 weeks, he feels hot and the thermometer says 38", "urgent"),
    ("my 4wk daughter has a temp of 38.5 but feeding well", "urgent"),
    ("baby is 6 weeks and has a blocked nose, no temperature", "none"),
    ("i had a temperature 6 weeks ago after my baby was born", "none"),
    # pain like indigestion with clamminess and breathlessness (NHS heart attack)
    (
        "dad thinks its indigestion but hes grey and sweaty and out of breath just sitting",
        "emergency",
    ),
    ("pain high up in my stomach under the ribs, cold sweat and cant catch my breath", "emergency"),
    ("burning ache in the pit of her stomach, clammy and breathless, shes 80", "emergency"),
    ("indigestion after a big curry, no sweating or breathlessness", "none"),
    ("i get heartburn most nights after eating late, gaviscon helps", "none"),
    # severe ovarian hyperstimulation after fertility treatment (NHS IVF risks)
    (
        "had my egg collection 3 days ago, tummy hugely swollen, hardly peed today and breathless",
        "emergency",
    ),
    ("on ivf stims and my belly is massive, barely weeing, cant lie flat to breathe", "emergency"),
    ("ohss after egg retrieval, short of breath and only a trickle of urine", "emergency"),
    ("egg collection yesterday, a bit bloated and crampy, drinking plenty", "none"),
    ("starting ivf next month, what are the side effects of the injections", "none"),
    # a temperature after a biopsy or scope (NHS prostate biopsy, colonoscopy, cystoscopy)
    ("had a colonoscopy on monday and now my temperature is 38.6", "urgent"),
    ("since my bladder biopsy on tuesday ive been burning up and shivering", "urgent"),
    ("kidney biopsy two days ago, running a temp tonight", "urgent"),
    (
        "my prostate biopsy is booked for next week, i have a temperature today, should i still go",
        "none",
    ),
    ("had a colonoscopy yesterday, bit bloated but no temperature", "none"),
    # a hard or worsening tummy after a scope, with a temperature or vomiting (perforation)
    ("colonoscopy this morning, belly rigid and sore and my temp is 38.5", "emergency"),
    ("they removed two polyps yesterday, pain getting worse and ive vomited", "emergency"),
    ("after my endoscopy the tummy pain is unbearable and im shivering", "emergency"),
    ("bit of wind and cramping after my colonoscopy, no temperature", "none"),
    ("colonoscopy next week, worried about the bowel prep making me sick", "none"),
    # a red, swollen, leaking wound after a device or operation (NHS pacemaker recovery)
    ("my icd was fitted 10 days ago and the site is hot and swollen and oozing", "urgent"),
    (
        "hip operation last week, the scar has gone red and puffy and is leaking yellow fluid",
        "urgent",
    ),
    ("c section wound is red and warm and there is pus coming out at one end", "urgent"),
    ("my pacemaker scar is a bit itchy but looks fine", "none"),
    ("stitches came out after my op, the wound is dry and healing well", "none"),
    # a tummy bug with dark or little urine and dizziness (NHS dehydration)
    ("norovirus since friday, wee is dark brown and i feel dizzy when i stand", "urgent"),
    ("stomach bug, only peed once all day and my mouth is bone dry, light headed", "urgent"),
    ("every drink i have gets thrown straight back up, day 2 of this bug", "urgent"),
    ("had a tummy bug, keeping fluids down now and weeing normally", "none"),
    ("tummy bug yesterday, today just a bit tired and drinking ok", "none"),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_children_and_procedures_level(triage: Triage, text: str, level: str) -> None:
    result = triage.assess(normalize_text(text))
    got = "none" if result is None else result.level
    assert got == level, (text, result)
