"""The issue-9 bars on real and realistic text: triage levels and rule precision.

Pure and fast (triage and rules on raw text, the shipped static embedder, no Presidio).
The external consumer questions' text is read from the shared eval folder at run time; only
our labels live in tests/data. The bars are asserted on the tuning half and on our own
vignettes and patient messages; `python -m bot eval` reports the held-out half as well.
"""

from __future__ import annotations

from typing import Any

import pytest

from assistant.embeddings import create_embedder
from assistant.normalize import normalize_text
from assistant.rules import RuleBook, rule_answers
from assistant.settings import EmbeddingSettings, LLMSettings, RulesSettings, TriageSettings
from assistant.triage import Triage
from bot.evaluation import (
    LABEL_DIR,
    consumer_cases,
    load_jsonl,
    score_levels,
    score_rule_fit,
    split_of,
)

from .conftest import EVAL_DIR

EMERGENCY_RECALL_BAR = 0.95
VIGNETTE_BAR = 0.90
FALSE_ALARM_BAR = 0.03
RULE_PRECISION_BAR = 0.90
CRISIS_LINE = "Samaritans on 116 123 (free, 24 hours)"
URGENT_CONTACT = "NHS 111 (call 111 or go to 111.nhs.uk)"


@pytest.fixture(scope="module")
def triage() -> Triage:
    return Triage.from_file(TriageSettings().file)


@pytest.fixture(scope="module")
def book() -> RuleBook:
    return RuleBook.from_file(RulesSettings().file, create_embedder(EmbeddingSettings()))


def _levels(triage: Triage, cases: list[dict[str, Any]]) -> dict[str, str | None]:
    results = {c["id"]: triage.assess(normalize_text(c["text"])) for c in cases}
    return {k: (r.level if r else None) for k, r in results.items()}


@pytest.fixture(scope="module")
def tuning_half() -> list[dict[str, Any]]:
    cases = [c for c in consumer_cases(EVAL_DIR) if split_of(c["id"]) == "tune"]
    assert len(cases) > 200
    return cases


def test_labels_cover_every_consumer_question_without_their_text() -> None:
    labels = load_jsonl(LABEL_DIR / "consumer_labels.jsonl")
    assert len(labels) == 500
    for label in labels:
        assert set(label) == {"id", "level", "rules"}, label
        assert label["level"] in {"emergency", "urgent", "not_urgent"}


def test_real_questions_tuning_half_triage_bars(
    triage: Triage, tuning_half: list[dict[str, Any]]
) -> None:
    score = score_levels(tuning_half, _levels(triage, tuning_half))
    assert score.emergencies >= 5
    assert score.recall >= EMERGENCY_RECALL_BAR, score.missed
    assert score.false_alarm_rate <= FALSE_ALARM_BAR, score.false_emergencies


def test_real_questions_tuning_half_rule_precision(
    triage: Triage, book: RuleBook, tuning_half: list[dict[str, Any]]
) -> None:
    threshold = LLMSettings().rule_threshold
    intents: dict[str, str | None] = {}
    for case in tuning_half:
        text = normalize_text(case["text"])
        match = None if triage.assess(text) else book.match(text)
        intents[case["id"]] = match.rule_id if rule_answers(match, threshold) and match else None
    score = score_rule_fit(tuning_half, intents)
    assert score.answers >= 3
    assert score.precision >= RULE_PRECISION_BAR, score.wrong


def test_our_vignettes_emergent_get_emergency_or_urgent(triage: Triage) -> None:
    cases = load_jsonl(LABEL_DIR / "triage_vignettes.jsonl")
    score = score_levels(cases, _levels(triage, cases))
    assert score.emergencies >= 25
    assert score.any_level_recall >= VIGNETTE_BAR, score.missed
    assert not [c for c in score.over_triaged if c.endswith("emergency")], score.over_triaged
    # the report names every urgent case that got no triage reply
    assert len(score.urgent_missed) == score.urgent - score.urgent_caught


def test_our_patient_messages_emergencies_and_near_misses(triage: Triage) -> None:
    cases = load_jsonl(LABEL_DIR / "triage_patient_messages.jsonl")
    score = score_levels(cases, _levels(triage, cases))
    assert score.emergencies >= 49
    assert score.recall >= EMERGENCY_RECALL_BAR, score.missed
    for case in (c for c in cases if c.get("category") == "self_harm"):
        result = triage.assess(normalize_text(case["text"]))
        assert result is not None and result.category == "self_harm", case["id"]
        assert CRISIS_LINE in triage.reply_for(result, "999", CRISIS_LINE, URGENT_CONTACT)


def test_our_held_out_rounds(triage: Triage) -> None:
    """Cases written in rounds after the flags passed the sets above (TRIAGE_LABELS.md)."""
    cases = load_jsonl(LABEL_DIR / "triage_heldout_rounds.jsonl")
    score = score_levels(cases, _levels(triage, cases))
    assert score.emergencies >= 70
    assert score.recall >= EMERGENCY_RECALL_BAR, score.missed
    assert score.any_level_recall >= VIGNETTE_BAR, score.missed
    assert not [c for c in score.over_triaged if c.endswith("emergency")], score.over_triaged


# -- the red flags the issue names, in our own words ----------------------------------------

REQUIRED = [
    # round 21 missed emergencies, in other words: a heavy or pressing chest spreading to the
    # arm or jaw, tablets saved up with a set day or goodbye letters, a red painful eye with
    # halos while asking about hay fever drops, bowel obstruction told as "not opened his
    # bowels", a rider hit by a vehicle with neck pain and tingling hands, and a staggered
    # paracetamol overdose with sickness or right-sided pain
    (
        "for half an hour my chest feels heavy like a big rock and it is going down my left arm",
        "emergency",
        "cardiac",
    ),
    (
        "dad says his heart is pressing and it moves up into his jaw, he is grey",
        "emergency",
        "cardiac",
    ),
    (
        "she has been stockpiling her sleeping pills for weeks and said her goodbyes to us",
        "emergency",
        "self_harm",
    ),
    (
        "i have saved up all my antidepressants, tomorrow is the day, wrote letters to my family",
        "emergency",
        "self_harm",
    ),
    (
        "my right eye is throbbing and red, there are coloured halos around the street lights and"
        " i threw up, can i use my hay fever eye drops",
        "emergency",
        "eye",
    ),
    (
        "grandad hasnt opened his bowels or passed any wind in 3 days, tummy is bloated and tight"
        " and he is bringing up green stuff",
        "emergency",
        "severe_abdominal_pain",
    ),
    (
        "knocked off my scooter by a van, my neck is really sore and my fingers are numb",
        "emergency",
        "major_trauma",
    ),
    (
        "had 12 co codamol and some lemsip since yesterday for my back, now i feel sick and my"
        " right side hurts",
        "emergency",
        "overdose_poisoning",
    ),
    # rounds 19 and 20 missed emergencies, in other words: self-harm with the means at hand,
    # arterial bleeding, ectopic, bowel obstruction, cauda equina (also told with a hedge),
    # a caustic in the eye, carbon monoxide, a swallowed coin cell, coffee-ground vomit and
    # a large scald on a child
    (
        "sitting on the edge of the cliff at the headland, had enough of everything, nobody"
        " would miss me",
        "emergency",
        "self_harm",
    ),
    ("im up on the car park roof, cant do this any more", "emergency", "self_harm"),
    (
        "gashed my hand on a broken bottle and blood is pulsing out, kitchen roll soaked through",
        "emergency",
        "bleeding",
    ),
    (
        "caught my thigh with the chainsaw, it keeps spurting out with every heartbeat",
        "emergency",
        "bleeding",
    ),
    (
        "my period is ten days overdue and the test showed a faint second line, now a stabbing"
        " pain on the left and a pain at the top of my shoulder",
        "emergency",
        "ectopic",
    ),
    (
        "havent passed wind or anything since friday, belly blown up like a drum, keep heaving"
        " up green stuff",
        "emergency",
        "severe_abdominal_pain",
    ),
    (
        "sciatica flared up and now its numb down there when I wipe, and I leaked wee without"
        " noticing",
        "emergency",
        "cauda_equina",
    ),
    (
        "Only asking in case its important, since yesterday my bottom feels numb and I have had"
        " trouble passing urine, back is agony",
        "emergency",
        "cauda_equina",
    ),
    (
        "got some drain opener in my left eye, washed it but it stings and looks cloudy",
        "emergency",
        "eye",
    ),
    ("a bit of wet mortar flicked in my eye while pointing the wall", "emergency", "eye"),
    (
        "the whole household has had headaches for a week, worse once the boiler is on, fine"
        " when we are at work, and now my husband is drowsy and keeps nodding off",
        "emergency",
        "poisoning",
    ),
    (
        "the co detector keeps going off and both kids have headaches and feel sick",
        "emergency",
        "poisoning",
    ),
    (
        "my 3 year old put a coin cell from a toy in her mouth and swallowed it, she is playing"
        " happily",
        "emergency",
        "overdose_poisoning",
    ),
    (
        "been bringing up dark brown bits like coffee grounds and the room spins when I stand",
        "emergency",
        "bleeding",
    ),
    (
        "my 4 year old tipped a bowl of hot noodles on his leg, the blisters cover a large area",
        "emergency",
        "severe_burn",
    ),
    (
        "her fits usually last a minute but this one has gone on for 7 minutes",
        "emergency",
        "seizure",
    ),
    # a self-harm act repeated just now (the reply with the crisis line)
    ("cut my wrists again tonight, cant stop thinking about it", "emergency", "self_harm"),
    ("i burnt myself again this evening with a lighter", "emergency", "self_harm"),
    # round 18 misses, in other words: sepsis signs, a ligature made ready, a long seizure,
    # ectopic, torsion in slang, angle-closure glaucoma, PE, psychosis in traffic, a nip
    # through the skin, asthma getting worse over days
    (
        "my dad has a kidney infection and now his knees look mottled and he does not know where he is",
        "emergency",
        "sepsis",
    ),
    (
        "grandma is on antibiotics for a chest infection and today she doesnt recognise me",
        "emergency",
        "sepsis",
    ),
    ("the cord is round the banister and tonight is the night", "emergency", "self_harm"),
    ("she is epileptic and the convulsions have lasted over 6 minutes now", "emergency", "seizure"),
    (
        "positive test on monday, my shoulder tip aches when I lie down and my tummy hurts on one side",
        "emergency",
        "ectopic",
    ),
    (
        "my 13 year old says his right nut is killing him since he woke and he threw up",
        "emergency",
        "torsion",
    ),
    (
        "sudden pain in my right eye, it is red and I can see rainbow rings around the street lights, I threw up",
        "emergency",
        "eye",
    ),
    (
        "leg swollen since the long car journey and now I am coughing bloody phlegm",
        "emergency",
        "pe_dvt",
    ),
    ("my sister is psychotic and keeps walking into the traffic", "emergency", "self_harm"),
    (
        "his arm went in plaster this morning, the pain is getting worse and worse and he cant wiggle his fingers",
        "emergency",
        "circulation",
    ),
    ("our staffie nipped my daughters leg and left puncture marks", "urgent", "injury"),
    (
        "my asthma is getting worse and I need the blue inhaler 4 times a day",
        "urgent",
        "breathing",
    ),
    ("my inhaler is not helping at all and I can barely talk", "emergency", "breathing"),
    ("COPD and my breathing has got much worse since this morning", "emergency", "breathing"),
    (
        "sudden sharp chest pain when I breathe in, my calf was swollen all week",
        "emergency",
        "pe_dvt",
    ),
    ("one calf is red, hot and swollen after my flight", "urgent", "pe_dvt"),
    (
        "34 weeks pregnant with a pounding headache and blurred vision",
        "emergency",
        "pregnancy_emergency",
    ),
    (
        "my toddler found the dishwasher tablets and was chewing one",
        "emergency",
        "overdose_poisoning",
    ),
    ("my son swallowed some of his grandads heart tablets", "emergency", "overdose_poisoning"),
    ("I drank some disinfectant by mistake", "emergency", "overdose_poisoning"),
    ("my 8 month old fell off the bed onto the floor", "emergency", "head_injury"),
    ("dad is on warfarin and banged his head on a door", "emergency", "head_injury"),
    ("my 3 year old has blood in her poo", "urgent", "child_gut"),
    ("my daughter has d and v and no wet nappy for 12 hours", "emergency", "child_gut"),
    (
        "temperature and a rash that doesnt fade when I press a glass on it",
        "emergency",
        "meningitis",
    ),
    ("water infection and now she is confused and her skin is mottled", "emergency", "sepsis"),
    ("sudden severe pain in my left testicle", "emergency", "torsion"),
    ("positive test last week and now shoulder tip pain and I feel faint", "emergency", "ectopic"),
    ("back pain and numbness around my bottom and genitals", "emergency", "cauda_equina"),
    ("grandma became suddenly confused this afternoon", "emergency", "confusion"),
    ("known kidney stone and now a fever and shivering", "emergency", "kidney"),
    ("I don't see the point anymore and have pills saved up", "emergency", "self_harm"),
    ("I have ch\u200best pa\u200bin spreading to my left arm", "emergency", "cardiac"),
    ("MY SON IS STRUGLING TO BREATH", "emergency", "breathing"),
    (
        "Sorry, long one. Blocked nose for a week, back aches, and since lunch my chest "
        "feels crushed and I'm sweating. Also what helps a sore throat?",
        "emergency",
        "cardiac",
    ),
    # after rounds 16 and 17
    (
        "I've hidden a stockpile of tablets and I've decided to take them all tonight",
        "emergency",
        "self_harm",
    ),
    (
        "cut my wrist deeper than before and I hope it doesnt stop bleeding",
        "emergency",
        "self_harm",
    ),
    ("got a shock from a socket at home, there's a burn mark on my finger", "emergency", "injury"),
    ("erection that won't go down for 6 hours and it's really painful", "emergency", "urology"),
    ("was grinding metal and a bit flew into my eye, now it's blurry", "emergency", "eye"),
    ("a 2 week old baby has vomited green bile twice", "emergency", "unwell_baby"),
    ("36 weeks pregnant and the soles of my feet itch like mad at night", "urgent", "pregnancy"),
    # after round 18 (false emergencies): the near misses stay emergencies
    (
        "self harmed as a teen and the urge is back tonight, the scars itch",
        "emergency",
        "self_harm",
    ),
    (
        "self harmed in my teens, did it again yesterday, will the scars fade?",
        "emergency",
        "self_harm",
    ),
    ("had a panic attack an hour ago and still can't get my breath", "emergency", "breathing"),
    (
        "had a panic attack earlier, it settled, but now my lips have gone blue",
        "emergency",
        "breathing",
    ),
    ("what should I do, I think he is having a stroke", "emergency", "stroke"),
    ("chest pain when I press on my chest and I'm clammy and grey", "emergency", "cardiac"),
    (
        "chest pain that hurts more when I press on it, spreading down my left arm and sweating",
        "emergency",
        "cardiac",
    ),
    ("nothing helps, crushing chest pain going down my arm", "emergency", "cardiac"),
    ("what does it mean, my dad has a fever and is confused and mottled", "emergency", "sepsis"),
    # rounds 19-20 false emergencies fixed by kind: real emergencies phrased as questions
    # must still fire
    ("my husband's face has dropped, is this a stroke?", "emergency", "stroke"),
    (
        "mum's face has drooped on one side and her words are slurred, is this a stroke?",
        "emergency",
        "stroke",
    ),
    ("is it normal that she can't breathe and her lips are blue?", "emergency", "breathing"),
    ("can you overdose on paracetamol, i took 30 an hour ago", "emergency", "overdose_poisoning"),
    (
        "how common is it for a heart attack to feel like this? crushing pain in my chest and "
        "I'm sweating",
        "emergency",
        "cardiac",
    ),
    (
        "if someone isn't breathing what do I do, my dad just collapsed and isn't breathing",
        "emergency",
        "breathing",
    ),
    (
        "is dry drowning a real thing? my son went under in the pool today and now he's "
        "struggling to breathe",
        "emergency",
        "breathing",
    ),
    (
        "which warning signs should we look for? my dad is confused and mottled with a high "
        "temperature",
        "emergency",
        "sepsis",
    ),
    ("did the glass test and the spots don't fade, she has a fever", "emergency", "meningitis"),
    (
        "i did the tumbler test and i can still see the spots through the glass",
        "emergency",
        "meningitis",
    ),
    (
        "how do I talk to my son about suicide, he says he wants to kill himself tonight",
        "emergency",
        "self_harm",
    ),
    (
        "knocked out an hour ago playing rugby, when can I go back to training?",
        "emergency",
        "head_injury",
    ),
    (
        "during my panic attacks I can't breathe and now my lips have gone blue",
        "emergency",
        "breathing",
    ),
    # ... and a general frame followed by a report in the same sentence stays current
    (
        "which signs should I look for, my baby has a rash that doesn't fade",
        "emergency",
        "meningitis",
    ),
    (
        "what symptoms should we watch for, my son hit his head and has been sick twice",
        "emergency",
        "head_injury",
    ),
    ("how do I stop her getting worse, her lips are blue", "emergency", "breathing"),
    # after rounds 21-22: a past knock is still an emergency on a hard floor, from a height,
    # in a very young baby, with a blood thinner or with any warning sign
    (
        "yesterday my baby fell off the sofa onto the wooden floor, seems fine today, what "
        "should I watch for?",
        "emergency",
        "head_injury",
    ),
    (
        "my 9 month old fell off the changing table yesterday, seems fine since, anything to "
        "watch?",
        "emergency",
        "head_injury",
    ),
    (
        "my 6 week old rolled off the sofa last night onto the carpet, seems fine since",
        "emergency",
        "head_injury",
    ),
    (
        "my 11 month old slipped off the settee onto the rug last night and seemed fine, but "
        "this morning she has vomited twice",
        "emergency",
        "head_injury",
    ),
    (
        "my 11 month old bumped her head on the coffee table yesterday, seems fine since, but "
        "she has a big lump",
        "emergency",
        "head_injury",
    ),
    (
        "my 8 month old fell off the bed yesterday onto carpet, back to normal, he is on "
        "heparin though",
        "emergency",
        "head_injury",
    ),
    # ... panic that comes with anxiety is not silenced when there is a sign or it is now
    (
        "whenever anxiety hits I feel like I cant breathe and my lips go blue",
        "emergency",
        "breathing",
    ),
    (
        "I have anxiety but right now I can't breathe and my chest is tight",
        "emergency",
        "breathing",
    ),
    # ... general questions ("why do people", "how do you ... someone", "vs", "what would
    # make you suspect", "which ... are toxic") with a report after them stay emergencies
    (
        "why do some people get meningitis and others don't? my son has a rash that doesn't fade",
        "emergency",
        "meningitis",
    ),
    (
        "how do you help someone who's unresponsive, my husband is unresponsive on the floor",
        "emergency",
        "unconscious",
    ),
    (
        "how to roll someone who is unconscious onto their side? my mum just collapsed and is "
        "unconscious",
        "emergency",
        "unconscious",
    ),
    (
        "heart attack vs cardiac arrest, are they different? my dad is clutching his chest",
        "emergency",
        "cardiac",
    ),
    (
        "what would make you suspect poisoning, my son drank some bleach",
        "emergency",
        "overdose_poisoning",
    ),
    (
        "what cleaning products are toxic if swallowed? my son just swallowed some bleach",
        "emergency",
        "overdose_poisoning",
    ),
    # the older general-question cues ("can you die from", "what causes", "how do you tell",
    # "what if") stop where a report follows in the same sentence
    (
        "can you die from sepsis, my mum has it and is confused with mottled skin",
        "emergency",
        "sepsis",
    ),
    (
        "what causes a stroke, my grandads face has dropped and he cant lift his arm",
        "emergency",
        "stroke",
    ),
    (
        "how do you tell if it is meningitis, my daughter has a rash that wont fade under a glass",
        "emergency",
        "meningitis",
    ),
    ("what if its a heart attack, my husband has crushing chest pain", "emergency", "cardiac"),
    (
        "do people get sepsis from a cat scratch, my son has a red hot arm and is shivering and "
        "confused",
        "emergency",
        "sepsis",
    ),
    # a plant, berries or leaves eaten or chewed, with signs of poisoning (NHS poisoning),
    # also when the plant is named only in a question before it
    (
        "my son ate some red berries off a bush in the park and now he is really drowsy",
        "emergency",
        "overdose_poisoning",
    ),
    (
        "my 3 year old chewed a leaf from the peace lily and her lips are swollen",
        "emergency",
        "overdose_poisoning",
    ),
    ("my daughter nibbled a daffodil bulb and keeps being sick", "emergency", "overdose_poisoning"),
    (
        "what berries are toxic to children, my daughter ate some and has been sick twice",
        "emergency",
        "overdose_poisoning",
    ),
    (
        "are foxgloves dangerous? my grandson has chewed one of them and is drooling a lot",
        "emergency",
        "overdose_poisoning",
    ),
    # after rounds 23-26: a part of a finger or toe cut off; an open fracture (bone or something
    # white through the skin); heaviness at the breastbone creeping to the jaw or arm; a head that
    # exploded or was struck in seconds with sickness, a stiff neck or light hurting; saddle
    # numbness when wiping or a dribble of urine with both legs weak; a shadow or curtain over one eye
    (
        "the tip of my thumb got sliced off on the mandolin and it wont stop bleeding",
        "emergency",
        "bleeding",
    ),
    (
        "my dad caught his hand in the wood chipper and two of his fingertips are gone, cut clean off",
        "emergency",
        "major_trauma",
    ),
    (
        "chopped the top of my index finger off with the axe, I have the piece wrapped in a cloth",
        "emergency",
        "major_trauma",
    ),
    ("his toe was severed by the lawnmower blade", "emergency", "major_trauma"),
    (
        "broke my arm falling off the ladder and the bone is poking out of the skin",
        "emergency",
        "major_trauma",
    ),
    (
        "my son landed badly on the trampoline, his forearm is bent and I can see bone",
        "emergency",
        "major_trauma",
    ),
    (
        "fell down the stairs, theres a white sharp bit sticking out of the skin on my ankle",
        "emergency",
        "major_trauma",
    ),
    (
        "tackled at football, lower leg is at a weird angle and something hard has come through the skin",
        "emergency",
        "major_trauma",
    ),
    (
        "feels like a brick sitting on my breastbone and it is going up into my neck, I'm clammy",
        "emergency",
        "cardiac",
    ),
    (
        "pressure behind my sternum for 40 minutes, it's crept into my left arm and I'm dripping with sweat",
        "emergency",
        "cardiac",
    ),
    (
        "heaviness in the middle of my chest spreading along my arm to my fingers and I feel sick",
        "emergency",
        "cardiac",
    ),
    (
        "he says theres a heavy weight on his chest that is creeping into his teeth and jaw",
        "emergency",
        "cardiac",
    ),
    (
        "my head felt like it burst at the back, 0 to 10 in seconds, and I've been throwing up since",
        "emergency",
        "stroke",
    ),
    (
        "lifting the shopping the back of my head exploded out of nowhere, cant bear the lights now",
        "emergency",
        "stroke",
    ),
    (
        "pain hit the base of my skull like a hammer, all of a sudden, now she is confused and vomiting",
        "emergency",
        "stroke",
    ),
    (
        "it was like being struck by lightning in my head, instant agony, my neck is stiff",
        "emergency",
        "stroke",
    ),
    (
        "numb between my legs since last night and I can only pee a trickle, my back is killing me",
        "emergency",
        "cauda_equina",
    ),
    (
        "when i wipe my bottom i cant properly feel the paper, i also cant wee properly, sciatica for months",
        "emergency",
        "cauda_equina",
    ),
    (
        "my husband has had back pain for years, today both his legs feel heavy and he can barely pass water",
        "emergency",
        "cauda_equina",
    ),
    (
        "a grey shadow has moved across my left eye this afternoon and it is spreading",
        "emergency",
        "stroke",
    ),
    (
        "I can barely see out of my right eye since this morning, it's like a veil came over it",
        "emergency",
        "stroke",
    ),
    (
        "its as if a blind was pulled down over my vision in one eye half an hour ago",
        "emergency",
        "stroke",
    ),
]


@pytest.mark.parametrize(("text", "level", "category"), REQUIRED)
def test_required_red_flags(triage: Triage, text: str, level: str, category: str) -> None:
    result = triage.assess(normalize_text(text))
    assert result is not None, text
    assert (result.level, result.category) == (level, category), result


# after rounds 23-26: near misses of the flags above (a lost nail or plaster, past injuries and
# illnesses, negations, first-aid and general questions), which must not be emergencies
NOT_NOW_ROUNDS_23_26 = [
    "my nail came off after I shut my finger in the car door last month",
    "the plaster on my finger came off in the bath",
    "what is the first aid for a finger that has been cut off?",
    "my grandad had two toes amputated years ago because of his diabetes",
    "my uncle had his foot amputated because of diabetes, am I at risk too?",
    "the band on my finger cut off the circulation for a bit, it's fine now",
    "I broke my leg as a kid and the bone came through the skin, it healed well",
    "what should you do if a bone is sticking out of the skin?",
    "my wrist is bent and swollen after I fell on it",
    "no pressure in my chest and nothing going into my arm, just a sore jaw from the dentist",
    "back in 2019 I had a heavy weight on my breastbone going up into my jaw, it was angina and I had a stent fitted",
    "what does a heart attack feel like, is it like a weight on your chest going to your arm?",
    "my migraines always come on out of nowhere and feel like being hit with a hammer, usually with vomiting",
    "last year I had a headache that exploded out of nowhere and I was sick, scans were all clear",
    "what are the signs of a brain bleed, is it sudden like being hit on the head?",
    "my head is pounding after a night out and I threw up this morning",
    "after cycling 50 miles I cant really feel my bum, it always comes back after an hour",
    "I had cauda equina surgery in 2020, I still cant feel my bottom properly when I wipe, is that normal?",
    "what are the warning signs of cauda equina, like numbness between your legs?",
    "no numbness between my legs and i can pee fine, just lower back pain",
    "I had a detached retina last year, it felt like a curtain came down over my eye",
    "what does it mean when a shadow comes over your eye like a curtain?",
    "no shadow or curtain over my eye, just a few floaters I have had for years",
    "my glasses are so scratched I can barely see out of them",
]


@pytest.mark.parametrize("text", NOT_NOW_ROUNDS_23_26)
def test_rounds_23_26_near_misses_are_not_emergencies(triage: Triage, text: str) -> None:
    result = triage.assess(normalize_text(text))
    assert result is None or result.level != "emergency", result


# NHS 111 "get help today" presentations (added after the vignettes showed urgent cases
# going to the rules or the LLM), and one-eye sight loss that came back (TIA: call 999).
GET_HELP_TODAY = [
    # round 21 and 22 missed urgent cases, in other words: exertional chest tightness that
    # settled with rest (NICE CG95) and recent unprotected sex (emergency contraception)
    (
        "while jogging this morning my chest went tight for a few minutes and settled when i"
        " stopped, fine now",
        "urgent",
    ),
    (
        "the condom came off halfway through last night, can i still get the morning after pill",
        "urgent",
    ),
    (
        "we had unprotected sex on saturday, is it too late to get something from the pharmacy",
        "urgent",
    ),
    (
        "coughing awake every night this week with my asthma, using the puffer about 5 times a day",
        "urgent",
    ),
    ("the neighbours spaniel snapped at my son and drew blood", "urgent"),
    ("the skin on my shin is red and hot and the redness is spreading, I feel shivery", "urgent"),
    ("painful blisters in a rash across my forehead and round my eye", "urgent"),
    ("been throwing up since yesterday and I cant keep water down", "urgent"),
    ("sore throat for days, much worse on one side and it hurts to open my mouth", "urgent"),
    ("pain from my side down to my groin that comes in waves", "urgent"),
    ("breastfeeding and one breast is hot, red and painful and I ache all over", "urgent"),
    ("diabetic with a sore on my toe that has gone red and smells", "urgent"),
    ("my heart has been racing and irregular for a few hours", "urgent"),
    ("my 18 month old has diarrhoea and far fewer wet nappies today", "urgent"),
    ("16 weeks pregnant and it burns when I pass urine", "urgent"),
    ("deep cut on my hand from a knife, the wound gapes open", "urgent"),
    ("my 9 month old has diarrhoea, has hardly had a wee and is very floppy", "emergency"),
    ("I lost the sight in my left eye for ten minutes this morning, it came back", "emergency"),
    ("couldnt see out of my right eye for a while earlier", "emergency"),
    # added after round 7: retention and angle-closure glaucoma in other words (urgent, as
    # round 1 labelled them), a kidney infection (loin pain with fever), a fall on the hand
    ("can't pee at all since this morning and my lower tummy is swollen and agony", "urgent"),
    ("has not passed urine for 10 hours, bladder feels full", "urgent"),
    ("painful red eye, sees halos around lights and feels sick", "urgent"),
    ("right loin pain and a temperature of 38.5, it stings when I wee", "urgent"),
    ("fell on an outstretched hand, wrist swollen and tender", "urgent"),
    ("new headaches for 2 weeks, worse when I wake up and when I cough", "urgent"),
    ("chest gets tight when I walk uphill and it eases when I rest", "urgent"),
    ("blacked out without warning yesterday, I have heart failure", "urgent"),
    # after rounds 12 and 13
    ("I suddenly went deaf in my right ear overnight", "urgent"),
    ("stepped on a rusty nail, deep puncture, not sure my tetanus is up to date", "urgent"),
    ("I was bitten on my ankle yesterday evening by a stray dog", "urgent"),
    ("flashes of light and then floaters appeared in my left eye today", "urgent"),
    # a baby under 3 months with a temperature and no sign of serious illness: same day (NHS
    # fever page; NICE NG143 red, seen within 2 hours); with such a sign, 999
    ("my 7 week old feels hot, thermometer says 38.4, feeding and alert", "urgent"),
    ("newborn has a temp of 38 tonight but is feeding well, do we go to a and e?", "urgent"),
    ("my 6 week old has a temp of 38.6 and is floppy and wont feed", "emergency"),
    ("our 5 week old is 38.3 and much sleepier than normal, feeding less", "emergency"),
    ("breastfeeding my 6 week old, my breast is hot and red and i feel shivery", "urgent"),
    ("baby is 2 months old, temperature 39 and a rash that doesnt fade under a glass", "emergency"),
    # after round 14
    ("I am 24 weeks pregnant and was cuddling my niece who now has chickenpox", "urgent"),
    ("woke up with muffled hearing in one ear and a ringing", "urgent"),
    # after rounds 16 and 17: a settled asthma attack needs a same-day review, not 999;
    # shingles near the eye without the word; dehydration in a clinician's shorthand
    (
        "had an asthma attack this morning, 6 puffs of my reliever and it eased off, feel ok now",
        "urgent",
    ),
    (
        "my son is having an asthma attack, we gave 10 puffs and it settled but now it's back",
        "emergency",
    ),
    ("blisters on my forehead spreading to my upper eyelid, burning pain", "urgent"),
    (
        "my 14 month old has had diarrhoea for 2 days, only 2 wet nappies today and dry lips",
        "urgent",
    ),
    ("18m, D&V 3/7, 1 wet nappy since breakfast, mouth dry", "urgent"),
    ("20 weeks pregnant, itching on my palms for a week, no rash", "urgent"),
    # after round 18: chest-wall pain that pressing or twisting brings on
    (
        "chest hurts when I twist or press on my ribs since a chest infection, no sweating, "
        "nothing going into my arm",
        "urgent",
    ),
    (
        "my chest hurts when I twist or lean over since I moved house, it spreads to my "
        "shoulder, no sweating",
        "urgent",
    ),
]


# Clinicians' shorthand and vital signs, and other words for the same presentations (added
# after held-out rounds 7 and 8: haematemesis, GCS, a low systolic pressure, a glucose
# reading, apnoea, urticaria and angioedema, peritonism, a vice-like chest).
CLINICAL_WORDING = [
    "he was hit by the bus on his bike, back pain and both legs weak",
    "Pulsatile bleeding from a forearm laceration",
    "Suspected ingestion of a button battery by a 2 year old",
    "calf puffy after a long haul flight, blood streaked sputum and it hurts when I breathe in",
    "Two episodes of hematemesis since lunch",
    "he vomited what looks like coffee grounds",
    "GCS 7 after the fall",
    "Found collapsed, responds only to pain",
    "RR 7, drowsy, empty methadone bottle next to him",
    "BP 78/40, tachycardic, febrile after chemo",
    "known AAA, sudden tearing pain into the back",
    "3 month old with bronchiolitis had an apnoea at home",
    "BM 2.6, drowsy and not making sense",
    "my daughter is type 1, her sugar is 32 and she keeps vomiting",
    "always thirsty, weeing loads, now being sick and breathing deep and fast",
    "kicked in the balls, excruciating pain and threw up twice",
    "Pain started around the belly button and is now RIF, temp 38.1",
    "mum hasn't had a wee since yesterday and keeps throwing up",
    "rigid abdomen with guarding",
    "my boyfriend took mdma at a festival and he's overheating and confused",
    "took 30 citalopram tablets an hour ago",
    "urticaria all over and wheeze after amoxicillin",
    "35 weeks pregnant, bleeding and my bump is rock hard and tender",
    "LMP 8 weeks ago, now sharp pain on one side and shoulder tip pain",
    "Pt with sudden onset headache and neck stiffness",
    "chest feels like it is in a vice and I am sweating",
    "thrown off his motorbike at 40mph, complaining of neck pain",
    # after round 9
    "my boyfriend is hearing voices telling him to hurt people",
    "she has Addisons and has been vomiting all morning, feels faint",
    "found my neighbour on the floor this morning, freezing cold to touch and very drowsy",
    "his eyelid is swollen and red, temp 39 and it hurts to move his eye",
    "weakness in both legs that has spread up over 2 days and now cant walk",
    "potassium came back at 6.8 and the gp said go in",
    "I'm 32 weeks pregnant and think I'm going into labour",
    "I had my baby 10 days ago and I'm bleeding heavily with big clots",
    "severe pelvic pain on the right side that came on suddenly with vomiting",
    "my son's testicle hurts and he has been sick twice",
    "my 4 month old is floppy and not feeding",
    "gran looks grey and says her jaw aches and she's breathless",
    # after round 10
    "she swallowed the whole packet of her sertraline an hour ago",
    "my daughter is very hard to wake and has a high temperature",
    "purple dots on his legs that dont fade when I press on them",
    "speaking only in single words and wheezing badly",
    "temp 39.2 and pulse 140, had a UTI",
    "he was punched in the head and now keeps vomiting",
    "fell off the trampoline, neck hurts and cant feel his legs",
    # after round 11
    "61M, crushing CP radiating to the L arm, diaphoretic",
    "NSTEMI confirmed, still in pain",
    "sudden onset SOB with pleuritic chest pain after a knee replacement",
    "found on the floor this morning, leg shortened and externally rotated",
    "ripping interscapular pain, BP unequal between arms",
    "T1DM, glucose meter reads HI, vomiting",
    "elderly mum, temp 38.6 and new confusion",
    "grandad is not making sense today and his lips are a bit blue",
    # after rounds 12 and 13
    "she had the baby 10 days ago, now a pounding headache and blurry vision",
    "my ICD has gone off twice this morning",
    "a button battery from the kitchen scales is missing and the toddler had them",
    # after round 14
    "my bottom and inner thighs feel numb since yesterday and my back is killing me",
    "the tiny round battery from the remote is missing and my son keeps drooling",
    "my 3 year old was found with grans iron tablets, several are unaccounted for",
    "dad takes apixaban and he knocked the side of his head on a cupboard",
    "i have been saving up my mums old tablets and tonight is the night",
    "spitting out blood a week after his tonsillectomy",
    "got an electric shock off a 240 volt cable at work, now my heart feels irregular",
    "T6 paraplegic, sudden pounding headache and BP 198/110",
    "the vision of my left eye just went, like a shade coming down",
    # after rounds 16 and 17
    "grandad feels like a tight band across his chest going into his jaw and he is clammy",
    "her mouth has dropped on the left side since this morning",
    "when he tries to talk the words come out all garbled",
    "sore back after gardening, now I have to strain to wee and it only dribbles, both legs tingle",
    "splashed oven cleaner in my eye and it stings badly",
    "brought back up dark stuff that looked like used coffee",
    "serum K 7.1 on repeat bloods, feels weak",
    "potassium 6.6 with peaked T waves on the ECG",
    "day 10 after cycle 2 of docetaxel, temp 38.3 and shivery",
    "lower lid swollen and red, proptosis, temp 38.9",
    "my 5 year old is drooling and sitting in a tripod position, can't swallow her spit",
    "suddenly my left eye is red and agonising, vision misty, and I've vomited",
    "upper stomach pressure, sweating and feeling sick for an hour",
    "three days after my IVF egg retrieval my stomach is hugely swollen and I'm short of breath",
    # after rounds 19-20: a prevention question with a current report after it
    "how do I stop my mum getting heatstroke? she's very hot and confused now",
    "how likely is it that I am having a heart attack now with this crushing chest pain",
    # after rounds 23-26: a self-harm cut deeper than usual that keeps bleeding
    "I self harmed and went too deep this time, the blood won't stop",
    "cut my leg way deeper than usual and it keeps bleeding through the towels",
    "my cuts are deeper than normal and still bleeding after an hour",
    "my sister cutted herself again more deep than normal and blood is not stop",
    # after rounds 23-26: a suicide plan with a set day, letters or goodbyes
    "I know exactly how I'm going to do it and it's happening tonight, this is goodbye",
    "made my plan, doing it this weekend, wrote notes for my mum and sister",
    "my son has written letters to us and says he knows how he is going to do it tomorrow",
    "i have wrote letter for my family and i know how i will do it, goodbye everyone",
    # after rounds 23-26: a household chemical in the eye or eyeball
    "squirted toilet cleaner straight into my eyeball by accident, burning and can't see properly",
    "bleach went to my eye when cleaning, it burns and vision is cloudy",
    "my eyes are burning after a splash of bleach hit my face",
    "bleach splash to left eye, burning",
    # after rounds 23-26: a baby who goes without breathing and then starts again
    "my 3 month old keeps forgetting to breathe for about 15 seconds then gasps",
    "my 5 week old son doesn't breathe for ages and then takes a big gasp",
    "our 2 month old goes completely still with no breath for 20 seconds",
    # after rounds 23-26: paracetamol more often than every 4 hours, or with cold remedies
    "I've been taking two paracetamol every two hours since yesterday for my back",
    "pt on paracetamol 1g every 2 hours for 2 days",
    "for my flu I've had paracetamol four times a day plus Night Nurse and Lemsip too",
    "my mum has taken paracetamol 8 a day with Lemsip sachets for a week",
]


@pytest.mark.parametrize("text", CLINICAL_WORDING)
def test_clinical_wording_of_emergencies(triage: Triage, text: str) -> None:
    result = triage.assess(normalize_text(text))
    assert result is not None and result.level == "emergency", (text, result)


# after rounds 23-26: near misses of the widenings above (past, negated, a general question,
# an accident, everyday plans, normal doses) must not be emergencies
NOT_EMERGENCY_AFTER_ROUNDS_23_26 = [
    "I used to cut deeper than normal when I was at school, the scars are fading now",
    "the new knife cut way deeper than I wanted while cooking",
    "I don't care if it doesn't work, I'll try the cream anyway",
    "I sorted out how I'm going to do it, the proposal is happening tomorrow at the beach",
    "we finally sold the house, it's happening tomorrow, saying goodbye to the old place",
    "I wrote letters to my family from camp, saying bye to my friends tomorrow",
    "got shampoo in my eyeball and it stung for a minute",
    "bleach splashed on my hand, my eye is fine",
    "what should I do if bleach gets in my eye",
    "is it normal for newborns to have short pauses in breathing? mine has none",
    "my 2 year old holds her breath when she has a tantrum",
    "our baby used to have pauses in her breathing in special care but has been fine for months",
    "can I take 2 paracetamol every 3 hours?",
    "I take 2 paracetamol every 4 to 6 hours, no more than 8 in a day",
    "can I take Lemsip with paracetamol?",
    "I had paracetamol for a week then switched to Lemsip instead",
]


@pytest.mark.parametrize("text", NOT_EMERGENCY_AFTER_ROUNDS_23_26)
def test_near_misses_after_rounds_23_26(triage: Triage, text: str) -> None:
    result = triage.assess(normalize_text(text))
    assert result is None or result.level != "emergency", (text, result)


@pytest.mark.parametrize(
    "text",
    [
        "my cuts are deeper than normal and still bleeding after an hour",
        "made my plan, doing it this weekend, wrote notes for my mum and sister",
    ],
)
def test_self_harm_widenings_keep_the_crisis_line(triage: Triage, text: str) -> None:
    result = triage.assess(normalize_text(text))
    assert result is not None and result.category == "self_harm", (text, result)


@pytest.mark.parametrize(("text", "level"), GET_HELP_TODAY)
def test_get_help_today_and_warning_signs(triage: Triage, text: str, level: str) -> None:
    result = triage.assess(normalize_text(text))
    assert result is not None and result.level == level, (text, result)


NOT_NOW = [
    # near misses of the round 21 and 22 widenings: a heavy heart in grief, desk-work neck
    # pain with tingling, tablets kept safe and school letters, emergency contraception
    # already taken, normal paracetamol doses or a dose question, old or muscular chest
    # pain at the gym, long-standing constipation, hay fever eyes
    "my heart feels heavy since my dad died and i keep going to his grave",
    "my neck hurts and my hands tingle when i type at my desk all day",
    "i keep my tablets in a drawer so the kids cant reach them, tonight i will write the school letters",
    "the condom broke two weeks ago and i already took the morning after pill, my period came today",
    "i took 2 paracetamol this morning for a headache and feel a bit sick",
    "how many paracetamol can i take in a day? i have a pack of 16 tablets",
    "i had chest tightness at the gym years ago, cardiology said it was fine, do i need to worry",
    "i get a stitch in my chest when running which goes when i stop",
    "my constipation is normal for me, havent had a poo in 3 days, belly a bit bloated",
    "i pulled a muscle in my chest at the gym, it hurts when i lift my arms",
    # near misses of the rounds 19 and 20 widenings: carbon monoxide alarms fitted or asked
    # about, places and tiredness, fluid that is not blood, a covid test, reflux, an
    # upbringing, saddle numbness from cycling, small or sunburn blisters, stored batteries
    "we are getting a carbon monoxide detector for the new house, which rooms need one?",
    "fitted carbon monoxide alarms in the hall and kitchen, how often should they be tested?",
    "stood on the platform for an hour, train cancelled again, had enough of this commute",
    "walked the dog along the canal, done with it all for today, my legs are aching",
    "we live by the river and ive had enough of it all with the damp, the kids keep coughing",
    "the blister on my heel squirted clear fluid when it popped",
    "my towels are soaked after swimming and the small cut on my knee stings",
    "covid test this morning had a faint second line and I feel faint and achy with a pain on"
    " the left side when I cough",
    "constipated and a bloated belly, keep getting a bile taste in my throat",
    "I was brought up on strong coffee, can I put coffee grounds on the compost?",
    "after the long bike ride its numb down there and my back aches",
    "my 8 year old burnt his finger on a sparkler, one small blister",
    "my son got sunburnt on holiday and has big blisters on his shoulders",
    "how do I store spare button batteries away from the kids?",
    "my son has epilepsy, his seizures usually last about 2 minutes, is that normal?",
    "she had a seizure last year that lasted 5 minutes, can she still drive?",
    "cut myself again shaving this morning, how do I stop razor nicks?",
    "burnt myself again on the oven door today, what cream helps?",
    # near misses of the round 18 widenings
    "my dad has dementia and a UTI and does not know what day it is",
    "my legs go marbled in cold weather, is that normal?",
    "the rope swing is up in the garden for the kids tonight",
    "I have epilepsy and my migraine has been going on for 20 minutes",
    "8 weeks pregnant and I went light headed in a hot bath, is that normal?",
    "my son kicked the ball into his stomach, it hurts and he was sick",
    "I see halos around lights at night since my cataract operation",
    "pulled my calf running and I was gasping after the race",
    "my brother has schizophrenia and works on the railway",
    "my leg has been in a cast for 5 weeks, the skin itches and my toes swell a bit at night",
    # "numb" must not read "number"
    "My son has sickle cell disease. What number should I call to book his clinic?",
    "my husband snores and stops breathing for a few seconds at night, is it sleep apnoea?",
    "I was stabbed years ago and the scar still aches in the cold",
    "how long does sunburn redness take to go away?",
    "I had a heart attack in 2019, is swimming ok?",
    "what counts as an overdose of paracetamol?",
    "my uncle had a DVT years ago, how do I avoid one?",
    "no chest pain and no breathlessness, just a runny nose",
    "she has had no fever since Monday",
    "what are the signs of sepsis?",
    "I had a kidney stone last year, what should I drink?",
    "I get sudden headaches with my migraines and sometimes vomit",
    "what does a GCS of 15 mean?",
    "my blood pressure is usually 88/55, is that low?",
    "my 3 year old snores and stops breathing in his sleep sometimes",
    "how do I prevent my baby choking when weaning?",
    "my sugar was 2.9 this morning, I had a biscuit and I'm fine now",
    "I had a burning feeling in my throat after a big meal",
    "I feel sick after eating nuts, is that an allergy?",
    "what is melaena?",
    "my wife has diarrhoea and is confused about which medication to take",
    "my chest feels like a vice when I panic",
    "how do you treat an open fracture in first aid?",
    "my pulse was 140 while running, is that too high?",
    "I have Addison's disease, can I have the flu jab?",
    "I use hydrocortisone cream on my eczema and it's severe",
    "my 2 year old has a swollen eyelid from a mosquito bite",
    "my son keeps a knife for fishing and is convinced he'll catch a big one",
    "both legs weak and tired since covid for months",
    "my potassium was 5.9, is that high?",
    "my jaw aches and I feel sweaty when I'm anxious",
    "I'm 28 weeks pregnant with twins, when will I go into labour?",
    "my period pain is severe every month in my pelvis",
    "I took a whole paracetamol tablet instead of half",
    "the spots on his face don't fade, it's acne",
    "I find it hard to wake up in the mornings",
    "my toddler is speaking in short phrases, is that normal for 2?",
    "my heart rate was 135 after running with a cold",
    "my son has CP and uses a wheelchair, what benefits can we get?",
    "had a panic attack, tingling hands, felt like I was going to die, fine now",
    # a negation carries over a list that "or" closes
    "no headache, chest pain or shortness of breath, just a runny nose",
    "I finished my course of blood thinners for a DVT, can I fly again?",
    "I have an ICD, how do I know if it has fired?",
    # after round 14
    "seizure free for 2 years, can I learn to drive?",
    "the bottom of my foot goes numb when I sit cross-legged, and my back aches",
    "my mum worries about meningitis, which jab should I get before uni?",
    "my poo has gone black since I started iron tablets, is that normal?",
    "mood is good on my antidepressant, no thoughts of self harm, how do I stop it?",
    # after rounds 16 and 17
    "what is priapism?",
    "I had priapism years ago after a medication, can it happen again?",
    "how long should an erection last, mine only lasts a few minutes",
    "had glaucoma surgery last year, my eye is fine, when is my next check?",
    "what causes haloes around lights at night?",
    "used to self harm years ago, now doing well, any tips for fading the scars?",
    "I had a potassium of 7 last year, what foods should I avoid?",
    "how do I rinse bleach out of my eye if it ever happens?",
    "my baby's poo is green, is that normal?",
    "the bra band feels tight round my ribs when I sweat",
    "I had an asthma attack as a child, can I go scuba diving?",
    "I got a static shock off the car door, made me jump",
    "itchy rash on my hands, I'm 20 weeks pregnant and have eczema",
    "my 3 month old is drooling loads, teething",
    "heaviness in my upper tummy after big meals, no sweating",
    "what is OHSS and what is my risk after IVF?",
    "mild bloating after egg collection yesterday, is that normal?",
    "I saved my leftover antibiotics, should I take them all?",
    "I hope it doesnt stop working, this new inhaler is great",
    "when I'm nervous my words come out all jumbled",
    "I work on an oncology ward and I have a temperature of 38",
    "since giving birth sex feels different down there",
    "sprayed hairspray in my eye by accident, it stings",
    # after round 18
    "tender spot on my ribs, chest pain only when I press it, nothing spreading into my arm",
    "if my husband were having a heart attack what would I see first?",
    "what would I notice if my mum was having a stroke on the phone?",
    "if my grandad were having a stroke, how would I spot it over the phone?",
    "self harmed throughout my teenage years, long over, what laser treatment helps the marks?",
    "used to self-harm in my teens, long behind me, what can I do about the scarring?",
    "had a bad anxiety attack in the lift last week, couldn't catch my breath, it settled after "
    "a few minutes, how do I stop them?",
    "what does septic shock actually mean? my grandad had it in hospital",
    # after rounds 19-20: general-information, prevention, statistics and past questions
    "what is the upper limit for an iron tablet overdose in adults?",
    "worried about doubling up on paracetamol and overdosing by accident",
    "how should I speak to my 16 year old about suicide after a classmate died?",
    "what do the suicide statistics say about young men in rural areas?",
    "why do suicide rates go up in spring?",
    "my aunt had sepsis in hospital two years ago and still gets exhausted, is that post-sepsis "
    "syndrome?",
    "which meningitis symptoms should parents look out for in babies?",
    "stuffy nose at night and I can't breathe through one side, lungs feel fine, which "
    "decongestant is best?",
    "if a person stops breathing, how many rescue breaths do you give?",
    "how rare is a stroke in people under 30?",
    "what percentage of people survive a cardiac arrest outside hospital?",
    "how do we keep grandad from getting heat stroke in this weather?",
    "is secondary drowning a real condition or a myth?",
    "knocked out for a few seconds in a match a couple of weeks ago, headaches gone, when can I "
    "play again?",
    "did the tumbler test on his spots and they all disappeared, he's eating and playing",
    "when I get panic attacks I struggle to breathe, my doctor checked my heart and lungs, what "
    "breathing exercises help?",
    # after rounds 21-22: a minor knock in the past, well since, no warning sign (NHS head
    # injury: care at home)
    "my 10 month old rolled off the bed onto the rug last night, cried for a minute and has "
    "been her normal self since, what should we look out for?",
    "my 2 year old fell from the sofa last night, has been fine since, no vomiting, no "
    "drowsiness, what signs should I watch for?",
    # ... panic that comes with anxiety, already checked; and general questions
    "every time I get anxious I can't breathe properly, my GP says panic disorder, any tips?",
    "why do people get blood poisoning from a small scratch?",
    "which berries are poisonous if a child eats them?",
    "how do you turn someone who is unresponsive onto their side for the recovery position?",
    "stroke vs TIA, are they the same thing?",
    "heart attack versus cardiac arrest, what's the difference",
    "what would make you suspect sepsis in an elderly relative?",
    # the older general-question cues with no report after them
    "can you die from sepsis if it isnt treated?",
    "what causes a stroke in young people?",
    "how do you tell if a rash is meningitis?",
    "what if I ever have a heart attack when I'm alone?",
    "how do you prevent a stroke when you have high blood pressure, my dad has it",
    "can you get a heart attack from stress? my dad had one last year",
    # a plant eaten with no sign of poisoning, a pet, food leaves, a general question
    "my toddler ate a few blueberries and is fine",
    "my son chewed a leaf but he is fine",
    "which plants are poisonous to dogs? mine chewed one and is drooling",
    "I feel sick after eating lettuce leaves",
    "is holly poisonous to children?",
    "my son ate some leaves in the garden yesterday, no symptoms, is that ok?",
    # after rounds 23-26: black poo on iron tablets; a nosebleed on a blood thinner that stopped
    # in minutes; a CO alarm that went off, fixed, nobody ill; sepsis in recovery, in general
    # or named in passing; a youthful overdose long ago; a diagnosis a hospital gave; a year
    # after the event; banter
    "started ferrous sulphate last week and now my poos are black, is that normal?",
    "I take apixaban, had a nose bleed this morning, pinched it and it stopped within 5 mins",
    "the co alarm went off on sunday, engineer fixed the boiler, no one has had any symptoms",
    "dad was in icu with sepsis in march, how long does the tiredness last?",
    "the practice nurse mentioned sepsis, what should I look out for with my mum's catheter?",
    "read that sepsis kills more people than some cancers, is that true?",
    "back when I was 16 I took an overdose, does it show up on my medical record?",
    "my son had a fit when he was poorly last year and the hospital said febrile convulsion",
    "on aspirin and ticagrelor since my heart attack 2021, can I take ibuprofen for my back?",
    "omg the ending of that film, i cant breathe lol",
]


@pytest.mark.parametrize(
    "text",
    [
        # after rounds 23-26: the near misses of the widened exceptions still get 999
        "on iron tablets but my poo is black and I keep nearly fainting",
        "on warfarin and my nosebleed has not stopped for 30 minutes",
        "the co alarm is going off and we all have thumping headaches and feel sick",
        "I think my dad has sepsis, he is cold, confused and breathing fast",
        "I took an overdose of my sleeping tablets an hour ago",
    ],
)
def test_near_misses_of_the_round_23_26_exceptions_are_emergencies(
    triage: Triage, text: str
) -> None:
    result = triage.assess(normalize_text(text))
    assert result is not None and result.level == "emergency", result


@pytest.mark.parametrize("text", NOT_NOW)
def test_past_negative_and_general_questions_are_not_emergencies(triage: Triage, text: str) -> None:
    result = triage.assess(normalize_text(text))
    assert result is None or result.level != "emergency", result


def test_urgent_reply_names_the_urgent_contact(triage: Triage) -> None:
    result = triage.assess("one calf is red, hot and swollen after my flight")
    assert result is not None and result.level == "urgent"
    reply = triage.reply_for(result, "999", CRISIS_LINE, URGENT_CONTACT)
    assert URGENT_CONTACT in reply and "999" in reply
