"""Round 96 false alarms by kind (older people's carers, rounds 93; students, round 96).

Messages that name an emergency without one happening: two conditions compared ("is a cardiac
arrest the same as a heart attack?"), an emphatic denial of suicidal thoughts, a collapse asked
about ahead under a DNACPR form, someone else's treated collapse last week, a choke that back
blows cleared, snoring likened to drowning, old self-harm asked about for its scars, "heart
attack" said of gym-sore chest muscles, and meningitis as friends' joke about a cold. Each kind
with wordings that must stand down and near misses that must stay emergencies. Our own words
throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- two conditions compared (NHS heart attack: a cardiac arrest is not the same as a heart
    # attack): a definition asked, not a report
    (
        "my nan saw an episode of a medical soap and now wants to know: is a cardiac arrest the same as a heart attack?",
        None,
    ),
    (
        "granny read a magazine piece and asked whether cardiac arrest and heart attack are different things",
        None,
    ),
    (
        "are cardiac arrest and heart failure one and the same? my uncle got confused by a leaflet",
        None,
    ),
    # near misses: someone collapsed or in pain now, with the same question
    ("my dad just collapsed, is this a cardiac arrest? he isnt breathing", "emergency"),
    ("is this the same as a heart attack? my chest is crushing and im sweating", "emergency"),
    (
        "my husband is having a cardiac arrest, is it the same as a heart attack? what do i do",
        "emergency",
    ),
    # -- an emphatic denial of suicidal thoughts with loneliness (NICE NG225 assessment; NHS
    # loneliness in older people)
    (
        "Let me be clear I'm not in any way suicidal, I'm just bored rigid since I retired. Where do older women find company?",
        None,
    ),
    (
        "i'm not suicidal or owt, just fed up living alone since my wife went into a home. any walking groups near leeds?",
        None,
    ),
    (
        "my dad is definitely not suicidal in any way, he just misses mum. where can he meet people?",
        None,
    ),
    # near misses: the denial goes on to a plan or to thoughts of ending it
    (
        "im not suicidal or anything like that right now but i have been stockpiling my tablets",
        "emergency",
    ),
    ("honestly not one bit suicidal or anything, but i keep thinking about ending it", "emergency"),
    # -- a collapse or a last breath asked about ahead, under a DNACPR or ReSPECT form (NHS: DNACPR
    # decisions, end of life care)
    (
        "Mum's DNACPR is on the fridge. If she stops breathing in the night, is it still 999 or the out of hours GP?",
        None,
    ),
    (
        "my wife is on palliative care at home. if she collapses, will the ambulance crew try to resuscitate her?",
        None,
    ),
    (
        "Grandad's ReSPECT form says no CPR. In the care home, if he collapses, who do staff call?",
        None,
    ),
    # near misses: the collapse is happening now
    (
        "dad has a dnacpr form but he has just collapsed and isnt breathing, what do we do",
        "emergency",
    ),
    (
        "mum has a respect form. she collapsed on the kitchen floor a minute ago and wont wake up",
        "emergency",
    ),
    # -- someone else's collapse last week or at the weekend, treated and recovering, with a question
    # about learning CPR or a defibrillator (resus.org.uk: learn CPR)
    (
        "a man collapsed at my parkrun last saturday, a marshal did cpr and he survived. where can i learn cpr?",
        None,
    ),
    (
        "my neighbour collapsed at the weekend, they shocked him with the defib and he's now on the cardiac ward getting better. i want to do a first aid course",
        None,
    ),
    (
        "Last Saturday a player collapsed at our football club. The paramedics got him back and he is doing well. Should the club buy a defibrillator?",
        None,
    ),
    # near misses: a collapse again now, or today
    (
        "my neighbour collapsed last week and was in hospital, now he has collapsed again and isnt breathing",
        "emergency",
    ),
    ("my friend collapsed at the gym today, someone is doing cpr", "emergency"),
    ("my dad collapsed last week and was in hospital, and today he collapsed again", "emergency"),
    # -- a choke that back blows cleared, fine after, with a cough on thin drinks since (NHS choking;
    # NHS swallowing problems: see a GP)
    (
        "Over the festive lunch my mother-in-law choked on turkey; two back slaps cleared it and she was okay afterwards. Lately water makes her splutter, should we book the GP?",
        None,
    ),
    (
        "my husband had a choking scare with a boiled sweet over christmas, a few slaps on the back shifted it and he was fine. he avoids hard sweets these days",
        None,
    ),
    # near misses: choking now, or trouble breathing after it today
    (
        "dad is choking on a piece of steak, back blows havent worked and he cant breathe",
        "emergency",
    ),
    (
        "mum choked on some meat at christmas dinner today, back blows sorted it but now she is wheezing and struggling to breathe",
        "emergency",
    ),
    # -- loud snoring likened to drowning or choking (NHS snoring; sleep apnoea: see a GP)
    (
        "my husband snores so loudly it sounds like hes drowning. there are no pauses in his breathing and he feels fine in the day",
        None,
    ),
    (
        "my wife jokes i sound like a drowning walrus when i snore. no pauses, and i'm not sleepy in the day",
        None,
    ),
    # near misses: water, a blue colour, no waking, struggling to breathe
    ("my son nearly drowned in the pool and now his breathing is fast and noisy", "emergency"),
    (
        "dad was found face down in the bath, he nearly drowned and now hes snoring and wont wake",
        "emergency",
    ),
    # -- old self-harm asked about only for its scars (NHS self-harm: scars)
    (
        "I self-harmed a lot at uni and stopped four years ago. Is there any cream that makes the marks less visible?",
        None,
    ),
    (
        "self harmed in year 10, havent done it in years. want to find out about laser for the scars",
        None,
    ),
    # near misses: urges again tonight, a fresh cut that keeps bleeding
    ("i used to self harm and the scars have faded but i want to cut again tonight", "emergency"),
    (
        "used to self harm years ago, cut myself again last night and it wont stop bleeding",
        "emergency",
    ),
    # -- "heart attack" said in jest of chest muscles sore after a workout (NHS chest pain: a
    # pulled chest muscle)
    (
        "lol pretty sure im having a heart attack, did 200 push ups for a bet and my chest muscles are tender to touch. breathing is normal",
        None,
    ),
    (
        "mate honestly having a heart attack after bench press day, pecs are so sore when i lift my arms, otherwise fine",
        None,
    ),
    # near misses: crushing pain, sweating, spread to the arm, breathlessness
    (
        "i think im having a heart attack, i was at the gym and now my chest is crushing and im sweating",
        "emergency",
    ),
    (
        "did chest day yesterday but now i think im having a heart attack, pain going down my left arm and im breathless",
        "emergency",
    ),
    (
        "my pecs are sore after the gym when i press on them but now im short of breath and clammy, think im having a heart attack",
        "emergency",
    ),
    # -- meningitis named only as friends' joke about a cold (NHS meningitis; NHS common cold)
    (
        "my housemate has a blocked nose and a cough, no fever and eating fine. the group chat reckons its meningitis, surely not?",
        None,
    ),
    (
        "lol my mates reckon i have meningitis because im sneezing loads. no temperature, no rash, i feel fine",
        None,
    ),
    # near misses: fever with a stiff neck or a rash, sickness and drowsiness, light hurting
    (
        "my flatmate has a fever, stiff neck and a rash that doesnt fade, the whole flat is calling it meningitis haha",
        "emergency",
    ),
    (
        "everyone is joking about meningitis but my flatmate has a cold and now a high temperature and is being sick and drowsy",
        "emergency",
    ),
    (
        "my flatmate has a cold and everyone says meningitis lol but she has a bad headache and cant look at the light",
        "emergency",
    ),
    # -- more wordings: snoring likened to choking; a conditional collapse, the form named after
    (
        "when my dad snores it sounds like he is choking or drowning, could it be sleep apnoea?",
        None,
    ),
    (
        "if grandad collapses during the night, will the paramedics try cpr? he has a respect form",
        None,
    ),
    # near misses: a blue colour, no waking, struggling to breathe; a collapse asked about with
    # signs now
    ("my baby is making noises like she is drowning and her lips are blue", "emergency"),
    ("dad snores and tonight he sounds like hes choking and wont wake up", "emergency"),
    (
        "my 3 year old is snoring and sounds like he is choking, hes struggling to breathe",
        "emergency",
    ),
    (
        "i want to know if my dad is going to be ok. if he collapses again like yesterday what do i do? he is grey now",
        "emergency",
    ),
    (
        "what do i do if my husband has a cardiac arrest? hes clutching his chest right now",
        "emergency",
    ),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round96_false_alarms(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
