"""Rounds 142-146 by kind: levels for the body, children and older people. Same-day kinds
that got 999 or nothing: a young child's stomach bug named as such (norovirus, gastro, a tummy
bug) with one wet nappy or dry lips, the child still alert (NICE CG84: clinical dehydration,
seen the same day); a face or cheek swollen over a bad tooth or an abscess with a painkiller
only asked about, no lips, tongue, throat or eye and breathing and swallowing fine (NHS dental
abscess: urgent dentist or 111, not anaphylaxis); a child with days of fever, red eyes and a
"blotchy rash" (NICE NG143 amber: a blotchy rash is a rash, not mottled skin); an older person
more confused since yesterday with a strong-smelling or frequent wee and nothing else wrong
(NICE CG103 delirium, NICE NG109: same-day GP or 111). A not-urgent kind given 999: a past
attack that paramedics or A&E checked with an ECG and called a panic attack, the writer fine
now (NHS panic disorder). A limb gone dead from sitting or lying on it and back in minutes
raises no flag. Kept at 999 on purpose: a one-sided quinsy picture with drooling (the NHS sore
throat page lists drooling among its A&E and 999 signs; without drooling, with breathing fine,
it is same-day care, NHS quinsy). Each kind with near misses that must stay emergencies. Our
own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- a young child's stomach bug named, fewer wet nappies or dry lips, alert (NICE CG84) ---
    (
        "my 2 year old picked up a tummy bug at nursery, only had one wet nappy since lunch "
        "and her lips look dry, she's still chatty though",
        "urgent",
    ),
    (
        "baby has gastro, 10 months, she's only done 1 wet nappy all day and wont take much "
        "milk, dry mouth, still giggling",
        "urgent",
    ),
    (
        "the whole house has norovirus, my toddler has had just one wet nappy since this "
        "morning and his lips are dry, playing with his cars",
        "urgent",
    ),
    (
        "my son is 18 months and has a sickness bug, fewer wet nappies than normal today",
        "urgent",
    ),
    # near misses: floppy, or no wee for many hours with cold blotchy hands, stay 999
    ("my baby has norovirus and has gone floppy and wont wake properly", "emergency"),
    ("my 3 year old has a tummy bug and is very drowsy and has hardly had a wee", "emergency"),
    ("how long should a child stay off nursery after norovirus", None),
    # -- a face swollen over a bad tooth or abscess, painkiller only asked about (NHS dental
    # abscess: urgent dentist or 111 today) -----------------------------------------------
    (
        "abscess on a bottom tooth and since this morning my cheek has puffed right up and i "
        "feel hot, can i take ibuprofen with it",
        "urgent",
    ),
    (
        "wisdom tooth has been throbbing for days, today my jaw and face are swollen and ive "
        "got a fever. should i have paracetamol or ibuprofen",
        "urgent",
    ),
    (
        "my gum is infected and half my face has swelled up overnight with a temperature, "
        "breathing and swallowing are fine, no dentist till next week, is aspirin ok",
        "urgent",
    ),
    # near misses: lips swelling after a painkiller, swelling up to the eye, can't swallow, a
    # thick tongue: 999
    (
        "took ibuprofen for my toothache and ten minutes later my lips and face swelled up",
        "emergency",
    ),
    ("tooth abscess and the swelling has spread up to my eye, it's nearly shut", "emergency"),
    ("dental abscess and my face is swollen and now i cant swallow properly", "emergency"),
    ("bad tooth, my face is swollen and my tongue feels thick", "emergency"),
    # -- a child with days of fever, red eyes and a blotchy rash (NICE NG143 amber) ----------
    (
        "fever for 5 days in my 2 year old, bloodshot eyes, red cracked lips, a blotchy red "
        "rash, feet swollen, still drinking",
        "urgent",
    ),
    (
        "my son has had a high temperature on and off for almost a week, sore red eyes and a "
        "blotchy rash on his tummy, his hands and feet are puffy",
        "urgent",
    ),
    (
        "daughter is 4, temperature for six days now, a blotchy rash, hands look swollen, "
        "grumpy but weeing fine",
        "urgent",
    ),
    # near misses: a rash that will not fade, mottled or blotchy skin, blue knees: 999
    (
        "toddler with a temp and a blotchy rash that doesnt fade when i press a glass on it",
        "emergency",
    ),
    ("my daughter has a fever and her legs are mottled and blotchy", "emergency"),
    ("my 4 year old has a temperature and his knees look blotchy and blue", "emergency"),
    # -- an older person newly confused with urine signs, nothing else wrong (NICE CG103,
    # NICE NG109: same-day GP or 111) --------------------------------------------------------
    (
        "my nan is 88 and since this morning she is really confused, her wee stinks and she "
        "keeps going to the toilet, no fever and she is eating fine",
        "urgent",
    ),
    (
        "dad is 79, became confused yesterday, cloudy smelly urine, otherwise himself and "
        "walking about fine",
        "urgent",
    ),
    (
        "grandma 84 suddenly confused today and it burns when she wees, drinking her tea as normal",
        "urgent",
    ),
    # near misses: the same with a temperature, a fall, drowsiness or breathlessness: 999
    (
        "my mum is 85 and since yesterday shes confused and her wee smells strong, she has a "
        "high temperature and is shivering",
        "emergency",
    ),
    (
        "my grandad is 90, suddenly confused since this morning, smelly wee and he had a fall "
        "in the kitchen",
        "emergency",
    ),
    ("nan is 80 and became confused and drowsy today, strong smelling wee", "emergency"),
    ("dad is 77, suddenly confused and breathless, his urine is cloudy", "emergency"),
    # -- a past attack checked by paramedics or A&E and called panic, fine now (NHS panic
    # disorder: GP or talking therapies) ----------------------------------------------------
    (
        "had what i thought was a heart attack on saturday, chest tight, couldnt breathe, "
        "hands tingling. ambulance came, ecg was normal and they said it was a panic attack. "
        "feel fine now, how do i stop it happening again",
        None,
    ),
    (
        "my wife thought she was having a heart attack last night, paramedics did an ecg and "
        "said it was anxiety, all normal. shes ok today. what helps panic attacks",
        None,
    ),
    (
        "2 nights ago i was sweating and my heart was pounding and i couldnt breathe, a and e "
        "did bloods and an ecg and the doctor said panic attack. im alright now but worried",
        None,
    ),
    # near misses: pain or breathlessness now, or back, stay 999
    (
        "2 days ago a&e did bloods and an ecg and told me it was anxiety. now im having "
        "crushing chest pain again and sweating",
        "emergency",
    ),
    (
        "last night the paramedics said panic attack and ecg normal. today im fine but i cant "
        "breathe properly right now",
        "emergency",
    ),
    # -- a quinsy picture: same day without drooling, 999 with it (NHS quinsy; NHS sore throat)
    (
        "tonsillitis for 5 days and now its much worse on one side, struggling to open my "
        "mouth, breathing is fine",
        "urgent",
    ),
    (
        "sore throat getting worse on the right, i have a hot potato voice and cant open my "
        "mouth wide, breathing ok",
        "urgent",
    ),
    (
        "throat is agony on the left, cant open my mouth properly, hot potato voice and im "
        "drooling because it hurts to swallow, breathing fine",
        "emergency",
    ),
    (
        "one sided sore throat, muffled voice, dribbling spit into a tissue as i cant swallow it",
        "emergency",
    ),
    # -- a limb gone dead from sitting or lying on it, back in minutes: no flag --------------
    (
        "fell asleep on my arm and woke up with it completely dead, couldnt lift it for a "
        "minute, fine now. normal?",
        None,
    ),
    (
        "sat cross legged on the floor for ages and my leg went totally numb, nearly fell over "
        "when i got up, was fine after a couple of minutes",
        None,
    ),
    (
        "my foot went dead after sitting on the toilet too long and i almost fell, back to "
        "normal in a minute. is that just pins and needles",
        None,
    ),
    # near misses: a dead or weak arm with the face or speech affected: 999
    ("woke up and my arm is dead and wont move and my face is drooping", "emergency"),
    ("my left arm went numb and weak suddenly and my speech is slurred", "emergency"),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round146_levels(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level, text
