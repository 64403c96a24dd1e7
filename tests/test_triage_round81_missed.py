"""Rounds 77-81 missed emergencies, by kind: a collapse with no answer and snoring or gasping
breaths (cardiac arrest), DNP or another slimming drug taken and now hot with a racing heart,
sudden loss of sight in one eye told as "went dark" or a blind pulled down, a mouth or
throat infection (dental abscess spreading under the tongue, quinsy) with drooling, noisy
or harder breathing, and tablets kept back with a time set to take them. Each kind with
wordings that must be emergencies and near misses that must stay quiet (a question asked
ahead, a story about others, the past, a denial). Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- collapse, no answer, snoring or gasping breaths: cardiac arrest (Resuscitation
    # Council UK adult basic life support; NHS CPR) ------------------------------------------
    (
        "my dad went down in the garden, he's not answering me and he's making these strange snoring breaths",
        "emergency",
    ),
    (
        "grandad slumped in his chair, won't answer us and his breathing is like loud snorts with long gaps",
        "emergency",
    ),
    ("she just dropped in the aisle, wont respond and is making gurgling breaths", "emergency"),
    (
        "colleague keeled over at her desk and isn't answering, making gasping noises, do I do CPR?",
        "emergency",
    ),
    # near misses: snoring in sleep, the past, a text not answered, a course question
    (
        "my husband snores really loudly and sometimes gasps in his sleep, could it be sleep apnoea?",
        None,
    ),
    (
        "my husband snorts and gasps when he sleeps and doesnt answer when I shake him, then he wakes up",
        None,
    ),
    (
        "last year my brother collapsed playing football and was gasping, he had a defibrillator fitted. What sports can he do now?",
        None,
    ),
    ("he's not answering my texts today and I'm worried", None),
    ("I rang the GP, no answer, and my snoring is keeping my wife up", None),
    ("the fever dropped but I'm still snorting when I laugh", None),
    ("what does agonal breathing mean in a first aid course?", None),
    # -- DNP or a slimming drug taken, now hot, sweating, racing heart (NHS poisoning; Food
    # Standards Agency DNP warning) -------------------------------------------------------------
    (
        "took some DNP fat burners for a cut, now really hot, pouring with sweat and my heart is racing",
        "emergency",
    ),
    (
        "I've been on dinitrophenol for 3 days and I'm burning up, sweating loads and my heart is pounding",
        "emergency",
    ),
    (
        "swallowed two capsules of what the seller called dnp this morning, now I'm pouring sweat and my pulse is 130",
        "emergency",
    ),
    (
        "bought fat burners off a website, now I'm roasting hot and my heart is pounding",
        "emergency",
    ),
    # near misses: asked ahead, others in general, someone's habit, the past
    ("is DNP safe to use for losing weight?", None),
    ("I've heard DNP makes you sweat and overheat, is it true?", None),
    (
        "I read that people who used dnp got really hot and sweaty. Im thinking of trying it",
        None,
    ),
    ("a lad at my gym takes DNP and says he sweats buckets, should I worry about him?", None),
    (
        "I took DNP 2 years ago and had a fever, I'm fine now. Can it cause long term damage?",
        None,
    ),
    (
        "I took orlistat and I'm sweating a bit more than usual in this heat, is that normal?",
        None,
    ),
    # -- sudden loss of sight in one eye, painless or not (NHS vision loss: 999 or A&E) --------
    (
        "everything out of my right eye suddenly went dark, no pain, the other eye is fine",
        "emergency",
    ),
    ("my mum says everything in one eye has gone black since lunchtime, she's 80", "emergency"),
    ("my right eye just switched off ten minutes ago, no pain", "emergency"),
    (
        "my vision, it was as if someone had dropped a black sheet over my left eye, 15 minutes ago",
        "emergency",
    ),
    (
        "out of nowhere, like somebody drew a shade down across the sight in my left eye",
        "emergency",
    ),
    # near misses: a black eye from a knock, a blind pulled for a migraine, a theatre curtain
    ("I got punched and now I have a black eye, it's swollen", None),
    ("my eye went black and blue after I walked into a door, vision fine", None),
    ("my right eye went dark purple after the punch", None),
    (
        "I need to pull the blind down because bright light hurts my eyes with this migraine",
        None,
    ),
    (
        "it was like someone pulled the curtain down at the end of the show, my eyes were tired",
        None,
    ),
    # -- a mouth or throat infection with the airway at risk: dental abscess spreading under
    # the tongue or jaw (Ludwig's angina) and quinsy (NHS dental abscess; NHS quinsy) ---------
    (
        "wisdom tooth abscess and now the floor of my mouth is swollen, my tongue is lifted up and I can hardly swallow my spit",
        "emergency",
    ),
    (
        "my son's tooth infection has spread under his jaw, he can barely swallow his saliva and sounds like he's breathing through a straw",
        "emergency",
    ),
    (
        "quinsy on the left, I'm drooling as I can't swallow and there's a whistling sound when I breathe in",
        "emergency",
    ),
    (
        "tonsils are massive, she's dribbling because she cannot swallow and her breathing is noisy",
        "emergency",
    ),
    ("sore throat worse on one side, voice muffled, can barely swallow my own saliva", "emergency"),
    # near misses: swelling going down, swallowing and breathing fine, the past, teething
    (
        "had a tooth abscess last week, swelling under my jaw has gone down and I can swallow fine now",
        None,
    ),
    # (no emergency, but a swollen face with a dental abscess is same-day care: NHS dental
    # abscess, an urgent dentist or 111 today; test_triage_round111_missed)
    (
        "tooth abscess with a swollen cheek, I can swallow and breathe fine, can I wait for the dentist?",
        "urgent",
    ),
    (
        "tooth abscess last month spread under my jaw and my breathing got harder, I had IV antibiotics. Now it's fine, when can I go to the gym?",
        None,
    ),
    (
        "I had quinsy last year and was drooling and couldn't swallow, how do I stop it happening again?",
        None,
    ),
    ("my baby is teething and dribbling loads, chewing everything", None),
    # (the urgent quinsy flag still asks for care today)
    (
        "sore throat worse on one side but I can swallow and breathe fine, should I see the GP?",
        "urgent",
    ),
    # -- tablets kept back, with a time set to take them (NHS help for suicidal thoughts;
    # NICE NG225 plans and preparations) --------------------------------------------------------
    (
        "kept back my antidepressants since discharge plus my nan's oxycodone, planning to take them all tonight once everybody's asleep",
        "emergency",
    ),
    (
        "i didnt take my meds for a month, saved them, going to swallow them all tonight after my flatmate goes to bed",
        "emergency",
    ),
    ("i've kept back all my tablets and plan to take them tonight", "emergency"),
    (
        "ive held on to my dads oxycodone and my own pills, im doing it once everyones asleep",
        "emergency",
    ),
    # near misses: kept for pain, taken as the GP said, held back by a pharmacist, denied
    (
        "I kept back some painkillers after my operation in case the pain comes back, is that ok?",
        None,
    ),
    ("I'm planning to take my tablets tonight with food as the GP said", None),
    (
        "The pharmacist held back my tablets until the GP signs, will I get them tonight?",
        None,
    ),
    (
        "my mum kept back her tablets because of the side effects, the GP will see her today",
        None,
    ),
    (
        "I'm not planning to take them tonight, I kept back my tablets but gave them to my sister",
        None,
    ),
    (
        "i kept back my tablets last month but told my nurse and she took them away, im safe now",
        None,
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round81_missed_kinds(triage: Triage, text: str, expected: str | None) -> None:
    assert flag_level(triage, text) == expected
