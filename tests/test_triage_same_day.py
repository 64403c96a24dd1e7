"""Same-day (urgent) red flags missed in rounds 35-38, by kind, in our own words.

A red painful eye with light sensitivity (keratitis), a swollen calf with a clot risk, a
baby with dry nappies, vomiting that brings every drink back up (and in pregnancy with
dark pee or faintness), missed pills or no condom before emergency contraception, a passive
wish not to be around with no plan, and medicines: epilepsy and Parkinson's doses run out,
methotrexate with infection signs or an extra dose, a statin with aches and dark urine.
Each kind has near misses that must stay calm.
"""

from __future__ import annotations

import pytest

from assistant.normalize import normalize_text
from assistant.triage import Triage

CASES: list[tuple[str, str]] = [
    ("i wear contacts and my right eye is really red and sore, light makes it worse", "urgent"),
    ("my eye went bloodshot overnight and it hurts, everything is blurred", "urgent"),
    ("contact lens user, eye extremely painful and i cant stand bright light", "urgent"),
    ("my eye is a bit red since this morning, no pain and i can see fine", "none"),
    ("slightly pink eye with some crusty discharge, vision normal", "none"),
    ("my left leg is swollen and bigger than the other one and sore, im on hrt", "urgent"),
    ("calf swollen and hot since my flight home from spain yesterday", "urgent"),
    ("right calf throbbing and puffy, i had knee surgery two weeks ago", "urgent"),
    ("my calf aches after my run yesterday", "none"),
    ("calves sore after a long hike, both the same", "none"),
    ("on methotrexate and i have a temperature of 38.4 and a sore throat", "urgent"),
    ("i inject metoject weekly and now have mouth ulcers and unexplained bruising", "urgent"),
    ("methotrexate for psoriasis, got a high temp and shivers since last night", "urgent"),
    ("i take methotrexate on fridays, can i have a glass of wine at the weekend", "none"),
    ("methotrexate makes me feel a bit sick the day after, is that normal", "none"),
    ("i accidentally took my methotrexate twice this week", "urgent"),
    ("took an extra dose of methotrexate by mistake yesterday", "urgent"),
    # taken daily for days instead of weekly is an emergency (test_triage_medicines.py)
    ("realised ive been taking methotrexate every day instead of weekly by mistake", "emergency"),
    ("i take my methotrexate on monday and folic acid on the other days", "none"),
    ("forgot my methotrexate this week, can i take it tomorrow instead", "none"),
    ("every sip of water i take comes straight back up, since last night", "urgent"),
    ("12 weeks pregnant with morning sickness in the mornings but eating and drinking ok", "none"),
    ("im pregnant and feel a bit sick after meals", "none"),
    ("my 6 month old has diarrhoea and his nappies are almost dry", "urgent"),
    ("toddler with vomiting, only one wet nappy since this morning", "urgent"),
    ("baby with runny poo and hardly weeing today", "urgent"),
    ("baby has diarrhoea but plenty of wet nappies and feeding well", "none"),
    ("my 2 year old has loose stools, drinking normally and weeing fine", "none"),
    ("ive run out of my lamotrigine and missed two doses, can i get some today", "urgent"),
    ("forgot my keppra at home and im away till sunday, missed yesterdays", "urgent"),
    ("mum has parkinsons, her madopar ran out and she is very stiff", "urgent"),
    ("missed one dose of my vitamin d this morning", "none"),
    ("i missed my levetiracetam dose this morning but took it at lunch when i remembered", "none"),
    ("ran out of my hayfever tablets, is there anything else i can use", "none"),
    ("i take atorvastatin and my legs ache badly and my pee is dark brown", "urgent"),
    ("rosuvastatin user, muscles weak and urine the colour of cola", "urgent"),
    ("statin plus erythromycin, now aching all over and dark urine", "urgent"),
    ("i take simvastatin and get mild aches in my legs after walking", "none"),
    ("is it true statins cause muscle pain", "none"),
    ("we didnt use a condom last night, can i get the morning after pill", "urgent"),
    ("forgot to use protection yesterday, what can i take", "urgent"),
    (
        "never used a condom with him on saturday, can i still get plan b from the pharmacy",
        "urgent",
    ),
    ("we always use a condom, can the pill make you gain weight", "none"),
    ("missed a pill in the third week, no sex since, what do i do", "none"),
    ("sometimes think everyone would be fine if i wasnt here anymore, no plan", "urgent"),
    ("it would be easier for them if i wasnt around, i wont do anything", "urgent"),
    (
        "started sertraline last week, keep feeling people would be happier if i was gone, not going to act on it",
        "urgent",
    ),
    ("my family coped fine when i wasnt around for that work trip", "none"),
    ("it would be better if i wasnt at work tomorrow, so tired", "none"),
    ("took an extra tablet of methotrexate this morning as well as my usual on monday", "urgent"),
    ("my second dose of methotrexate is due next week", "none"),
    ("we didnt have sex last night, can i get the morning after pill just in case", "none"),
    ("we didnt have unprotected sex, condom stayed on, do i need the morning after pill", "none"),
    (
        "8 weeks pregnant and throwing up all day and night, weeing hardly at all and it is dark",
        "urgent",
    ),
    ("16 weeks pregnant, cant keep anything down, weak and wobbly", "urgent"),
    ("im pregnant and everything i eat or drink comes back up, feeling light headed", "urgent"),
    ("on keppra, can you sort my repeat before i run out next week", "none"),
    ("taking sinemet for parkinsons, i have a few days left, how do i reorder", "none"),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_same_day_level(triage: Triage, text: str, level: str) -> None:
    result = triage.assess(normalize_text(text))
    got = "none" if result is None else result.level
    assert got == level, (text, result)


def test_passive_wish_carries_the_crisis_line(triage: Triage) -> None:
    result = triage.assess(normalize_text("they would all cope better if i wasnt around, no plan"))
    assert result is not None
    assert result.category == triage.self_harm_category
    assert result.level == "urgent"
