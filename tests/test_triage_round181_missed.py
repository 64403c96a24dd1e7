"""Round 181 by kind (set 27): emergencies and urgent cases the flags missed. A worst-ever
headache told after the word headache and what it felt like (a blow), with being sick or
light that hurts; a young child found with a rat, mouse or slug bait that has been got at
(bits gone, bait in or round the mouth), even if the child seems well; jaundice with hardly
any urine, and breathlessness at rest with blood coughed up (Weil's disease); someone up on a
high place now and turning jumping over in the mind, or thinking of jumping from a named
place or in front of a train (with no place said, urgent); an epilepsy or Parkinson's
medicine run out ("no ... left") or a repeat not picked up; a child dry at night wetting the
bed again, very thirsty and thinner or tired (suspected type 1 diabetes, same day). Each kind
with wordings that must reach the level, and near misses that must keep the other level. Our
own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- a worst-ever headache told after the word, as a blow (NHS subarachnoid haemorrhage;
    # NICE NG228): 999 ---------------------------------------------------------------------
    (
        "half an hour ago i got a headache like being whacked with a hammer, the worst ive "
        "ever had, and ive thrown up",
        "emergency",
    ),
    (
        "My husband has a headache, the worst he has ever had in his whole life, and the "
        "light is hurting his eyes",
        "emergency",
    ),
    (
        "pounding headache since lunch - worst of my life. should i take ibuprofen?",
        "emergency",
    ),
    # near misses: the worst in years, or not the worst
    (
        "tension headache again after a long week at work, the worst ive had in months. "
        "any tips for screen breaks?",
        None,
    ),
    (
        "bit of a headache from the hay fever, not the worst ive ever had though. what "
        "antihistamine is best?",
        None,
    ),
    # -- a child with a rat, mouse or slug bait that has been got at (NHS poisoning; NPIS):
    # A&E even if the child seems well ------------------------------------------------------
    (
        "my 3 year old was in the garage with a mouse bait sachet, one corner is chewed open "
        "and theres green bits on her lips. she seems fine",
        "emergency",
    ),
    (
        "found our 2 year old by the fence holding a rodenticide block with bite marks in "
        "it, acting normal",
        "emergency",
    ),
    (
        "our toddler ate a slug pellet off the patio, hes running round happily",
        "emergency",
    ),
    # near misses: asked ahead, or the bait put down as a chore
    (
        "we've had to put rat bait blocks in the loft. if the grandchildren ever found them, "
        "what should we do? just want to be prepared",
        None,
    ),
    (
        "had to put slug pellets round the veg beds this morning. how long before its safe "
        "for the kids to play out there?",
        None,
    ),
    # -- jaundice with hardly any urine, or breathless at rest with blood coughed up (NHS
    # leptospirosis; NHS coughing up blood): 999 ----------------------------------------------
    (
        "after swimming in the canal last week the whites of my brothers eyes are yellow and "
        "he has barely passed any urine since this morning",
        "emergency",
    ),
    (
        "i get breathless even when im sitting still and there's blood in my phlegm today",
        "emergency",
    ),
    (
        "dad is out of breath just lying in bed and keeps bringing up blood when he coughs",
        "emergency",
    ),
    # near misses: jaundice alone, and breathless on effort with no blood
    (
        "my skin has gone a bit yellow over the last few days, feel ok otherwise",
        "urgent",
    ),
    (
        "a bit short of breath going up the stairs, coughing up green phlegm, no blood at all",
        None,
    ),
    # -- up on a high place now, jumping turned over in the mind (NHS help for suicidal
    # thoughts; NICE NG225): 999 --------------------------------------------------------------
    (
        "im sitting on the railings of the bridge over the motorway. keep thinking about "
        "going over the edge",
        "emergency",
    ),
    (
        "people at school joke about jumping off the top floor. im up on the roof of the "
        "library now and i want to jump",
        "emergency",
    ),
    (
        "my brother has just texted that hes stood on the ledge of the multi storey and "
        "thinking about jumping off",
        "emergency",
    ),
    # thoughts of jumping from a named place or in front of a train: a method and a place,
    # a plan as pills saved up are (NICE NG225), so 999 even when not there now
    (
        "lately i keep having thoughts of jumping off the bridge on my way to work",
        "emergency",
    ),
    (
        "I've been thinking about throwing myself off the cliffs near our house",
        "emergency",
    ),
    ("cant stop thinking about stepping in front of a train on the way home", "emergency"),
    # thoughts of jumping with no place said: same-day help
    ("been having thoughts of jumping off lately, dont know who to tell", "urgent"),
    ("my brother talked about jumping off the bridge years ago, hes doing well now", None),
    # near misses: a laugh, a leisure jump, or jumping as a figure of speech
    (
        "sat on the roof terrace at work, if this meeting runs over i could happily jump off "
        "it haha",
        None,
    ),
    (
        "we're on the cliff top thinking about jumping into the sea with the group. is "
        "tombstoning safe if the tide is in?",
        None,
    ),
    (
        "thinking about jumping ship to a new team at work, is stress leave a thing?",
        None,
    ),
    # -- a time-critical medicine run out (NHS 111 emergency supply; NHS levetiracetam,
    # co-careldopa): same day --------------------------------------------------------------
    (
        "no keppra left for tonight and the chemist has closed, im epileptic",
        "urgent",
    ),
    (
        "mum forgot to pick up her sinemet and has none for the morning dose",
        "urgent",
    ),
    (
        "just realised i have no more tacrolimus left, transplant 2 years ago",
        "urgent",
    ),
    # near misses: enough left, or the repeat being collected today
    (
        "i have a week of lamotrigine left, when should i order the next repeat?",
        None,
    ),
    (
        "no levetiracetam left but i am collecting my prescription this afternoon before "
        "my evening dose",
        None,
    ),
    # -- a child wetting the bed again, very thirsty, thinner or tired (NICE NG18, CG111;
    # Diabetes UK 4Ts): same day --------------------------------------------------------------
    (
        "my 5 year old had been dry at night for a year, but lately she wets the bed every "
        "night, is thirsty all the time and her school uniform is hanging off her",
        "urgent",
    ),
    (
        "son is 9 and started bedwetting again this month, drinking litres of water and so "
        "tired after school",
        "urgent",
    ),
    # near misses: bedwetting that has always been there, drinks at bedtime; and the
    # danger signs of diabetic ketoacidosis
    (
        "our 6 year old still wets the bed most nights, she has a big drink before bed. is "
        "that normal?",
        None,
    ),
    (
        "my 8 year old has started wetting the bed, is really thirsty and losing weight, and "
        "now shes vomiting and breathing really fast",
        "emergency",
    ),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round181_missed(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
