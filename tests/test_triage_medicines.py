"""Round 36/38 kinds: anaphylaxis in lay words, medicine toxicity, gut bleeds, clots, head
injury without the head named, heatstroke and severe skin reactions (our own wordings)."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

EMERGENCY = [
    # anaphylaxis: swelling in lay words with airway signs, or after a new medicine
    "ate a flapjack with almonds, now my tongue is getting bigger and my voice has gone croaky",
    "my top lip has gone really fat and my chest feels tight, i only had prawns for lunch",
    "started amoxycillin this morning and now my face is getting huge and puffy",
    "her mouth is swelling up and she is wheezing after the new tablet",
    # head injury where the head is not named
    "my daughter came off her scooter at the park and has been sick three times since",
    "he fell off the top bunk and keeps dozing off on the sofa",
    "cycling accident this morning, my husband cant remember the ride home and is drowsy",
    # heatstroke in lay words
    "grandad was out in the sun all day gardening and now he is all confused and not sweating",
    "my mum has been in her boiling hot flat during the heatwave, skin hot and dry, a cool bath made no difference",
    "after the festival in 38 degrees heat my friend is confused and mumbling",
    # a child and iron or multivitamins
    "my 2 year old has swallowed a handful of my iron tablets",
    "toddler got into the cupboard and ate lots of the gummy multivitamins",
    "my daughter has eaten my pregnancy vitamins, about ten of them",
    # two paracetamol products together for days, now sick
    "been having paracetamol and lemsip together every 4 hours for 3 days and now im throwing up",
    "taking co codamol plus paracetamol for five days for my back, now feel really sick and yellow",
    "on solpadeine and panadol at the same time since monday, sore under my right ribs now",
    # methotrexate daily instead of weekly
    "my dad has taken his methotrexate every day instead of once a week",
    "the pharmacy label was wrong so mum took her weekly methotrexate daily for six days and now has mouth ulcers",
    "i injected my metoject daily for 4 days and have a temperature and bruises",
    # digoxin toxicity / slow pulse with a faint
    "my gran is on lanoxin, being sick and her pulse is 36",
    "on digoxin, everything has a green tinge and i keep nearly fainting",
    "dad is on digoxin and is seeing yellow halos round lights, heart rate 40 and he collapsed",
    # gut bleed with signs of blood loss
    "my poo has been black and sticky for two days and i feel faint when i get up",
    "on apixaban and brought up stuff that looked like tea leaves",
    "stools have turned tarry and i am really dizzy",
    # a clot: calf then chest pain on breathing
    "my right calf has been swollen and hot for days and now my chest hurts every time i breathe in",
    "on rigevidon, my leg below the knee is sore and red, and i am short of breath",
    "the back of my leg near the knee has been tender, now a sharp pain whenever i breathe and blood streaked spit",
    # severe skin reaction after a medicine
    "since starting allopurinol my skin is peeling off in sheets and my lips are raw",
    "a week on carbamazepine and the rash is blistering, my eyes are red and sore",
    "started new tablets last week, now blisters all over and mouth ulcers, skin coming off",
]

NOT_EMERGENCY = [
    # anaphylaxis near misses
    "my lips are not swollen but i have an itchy rash after amoxicillin",
    "my lip is a bit puffy from a cold sore",
    # head injury near misses
    "he fell off his bike and grazed his knee, he was sick once from crying",
    "she fell off the swing, she cant remember if she hurt her elbow",
    # heatstroke near misses
    "i was confused about the heatwave advice for my baby",
    "hot day at the beach, had a headache but felt better after resting in the shade",
    # iron near misses
    "my son takes a multivitamin every morning, is that fine",
    "are multivitamins with iron suitable for a 3 year old",
    # paracetamol near misses
    "can i take paracetamol and co codamol together",
    "i take paracetamol for my back, what is the maximum a day",
    # methotrexate near misses
    "i take methotrexate once a week and folic acid every day except methotrexate day",
    "how long does methotrexate take to work",
    # digoxin near misses
    "what is digoxin used for",
    "my nan is on digoxin and feels a bit tired",
    # gut bleed near misses
    "my poo has been black since i started iron tablets",
    "i drink tea every day, could that stain my teeth",
    # clot near misses
    "my calf is tight after running a marathon",
    "i am on the pill, can i take it with antibiotics",
    # skin near misses
    "my sunburn is peeling on my back",
    "i have a blister on my heel from new shoes",
]


@pytest.mark.parametrize("text", EMERGENCY)
def test_emergency_kinds(triage: Triage, text: str) -> None:
    assert flag_level(triage, text) == "emergency"


@pytest.mark.parametrize("text", NOT_EMERGENCY)
def test_near_misses_not_emergency(triage: Triage, text: str) -> None:
    assert flag_level(triage, text) != "emergency"
