"""Rounds 59-63 false emergencies, by kind: a denial of suicidal thoughts, a list of
helplines asked for others, a parent or partner asking how to raise self-harm, thoughts with
no plan and no stockpile (same-day help, not 999), a long history of a past emergency told
first (a far-past opener or date that carries on through the next sentences told in the
past tense), panic that a known place brings on, a dose question put as "did I overdose",
and "fine right now" in a general question. Each kind with wordings that must stand down
and near misses that must stay emergencies. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- a plain denial of suicidal thoughts (NICE NG225 assessment) -----------------------
    (
        "my sister has been really down since her baby, she says she has never had any suicidal thoughts, where can she get help?",
        None,
    ),
    (
        "the GP asked and my son insists he's never had any suicidal feelings. He isn't sleeping, what can we do?",
        None,
    ),
    (
        "my partner has been low but says he hasn't had suicidal feelings, should he see the gp",
        None,
    ),
    # near misses: the denial doubted, changed since, or means and intent in the message
    ("he says he's never had suicidal thoughts but I found a rope in his car", "emergency"),
    ("I told the nurse I'm not suicidal but I lied, I want to end it tonight", "emergency"),
    (
        "He has never had suicidal thoughts until now, he says he wants to kill himself tonight",
        "emergency",
    ),
    (
        "I said I wasn't suicidal before but lately I keep having suicidal thoughts, no plan",
        "urgent",
    ),
    # -- helplines asked for a poster, a noticeboard or staff (NHS help for suicidal thoughts)
    (
        "could you give me a list of suicide helplines to put on the noticeboard in our staff room",
        None,
    ),
    (
        "I'm making a poster with mental health helplines for students at school, which numbers should go on it?",
        None,
    ),
    ("crisis helplines for our club newsletter please", None),
    # near misses: means and a time, or means said with suicidal feelings
    (
        "list of suicide helplines please, I have the pills lined up and I'm going to take them tonight",
        "emergency",
    ),
    (
        "can you give me a list of suicide helplines, I feel suicidal and I have a knife",
        "emergency",
    ),
    # -- how to raise self-harm with a child or partner (NHS self-harm; NICE NG225) ----------
    (
        "What's the best way to talk to my teenager about self-harm? I think she may be doing it",
        None,
    ),
    ("how should I approach my 15 year old son about self harm, his friend does it", None),
    ("how can I bring up self-harm with my partner without upsetting him", None),
    # near misses: an injury or an overdose now
    (
        "how do I talk to my daughter about self harm, she cut herself tonight and it won't stop bleeding",
        "emergency",
    ),
    ("how do I bring up self harm with my son, he's taken a load of tablets", "emergency"),
    # -- thoughts back with no plan and nothing stockpiled: same-day help ------------------
    (
        "Everyone would be better off without me lately. I have no plans and nothing stockpiled, can I talk to someone today?",
        "urgent",
    ),
    (
        "I keep thinking my family would be better off without me. I haven't made a plan and I've not stockpiled anything.",
        "urgent",
    ),
    # near misses: a stockpile kept, or a stockpile with a night chosen
    (
        "my family would be better off without me, I have no plan but I have been stockpiling my tablets",
        "emergency",
    ),
    (
        "everyone would be better off without me, I've stockpiled my pills and tonight is the night",
        "emergency",
    ),
    # -- a long history of a past emergency told first (NHS 111; NICE CG50) ---------------
    (
        "Hello. Last year my daughter had a severe allergic reaction at a party. Her throat swelled and she couldn't breathe, the paramedics gave adrenaline. Can she have a second auto-injector for school?",
        None,
    ),
    (
        "hi there, in 2022 my partner had a bleed on the brain. He collapsed in the kitchen and was unresponsive, they operated that night. Can he get a blue badge?",
        None,
    ),
    (
        "Hello, two years ago my son had a severe asthma attack. He was blue and they put him on oxygen in intensive care. Can he do PE at school?",
        None,
    ),
    (
        "Good morning. Three years ago I collapsed with a cardiac arrest on a run. A passer-by did CPR and I was in a coma for two days. Am I allowed to take up cycling?",
        None,
    ),
    (
        "My mum had a stroke in 2021, her face dropped and she couldn't speak. Can she get the shingles vaccine?",
        None,
    ),
    (
        "Is co-amoxiclav a penicillin? My dad had an allergic reaction to penicillin years ago, his lips swelled and he needed an adrenaline jab. I want to check his notes.",
        None,
    ),
    # near misses: the story turns to now, or the event is back
    ("Last year I had a TIA. This morning my arm went weak and my speech is slurred.", "emergency"),
    (
        "Two years ago I had a clot in my lung. Now I'm short of breath again and my chest hurts when I breathe in.",
        "emergency",
    ),
    (
        "Last year my dad had a heart attack. He has crushing chest pain right now and is sweating.",
        "emergency",
    ),
    ("Hi, last month I had a stroke. My face is drooping again since an hour ago.", "emergency"),
    ("In 2020 I had sepsis. I'm shivering, confused and my skin is blotchy.", "emergency"),
    (
        "My dad had an allergic reaction to penicillin years ago. He's just taken amoxicillin and his lips are swelling.",
        "emergency",
    ),
    # near misses: a new emergency told in the past tense, with no ending told for the old
    # event (no care, no stay, no recovery), is news, not the story going on
    ("Last year he had a heart attack. He collapsed at dinner and wasn't breathing.", "emergency"),
    (
        "Two years ago my dad had a stroke. His face dropped on one side and he couldn't lift his arm, what do I do?",
        "emergency",
    ),
    (
        "In 2022 I had a clot in my lung. I got really breathless on the stairs and coughed up blood.",
        "emergency",
    ),
    (
        "Hi, last year I had a heart attack. I got crushing chest pain going down my left arm and I was sweating.",
        "emergency",
    ),
    # ... and after an ending told in the opening sentence, the next one is news too
    (
        "Last year I had a heart attack and was in hospital for a week. I got crushing chest pain going down my left arm and I was sweating.",
        "emergency",
    ),
    # -- panic that a known place or situation brings on (NHS panic disorder) --------------
    (
        "I get really anxious in lifts, my heart races and I can't breathe, can I get therapy for it?",
        None,
    ),
    (
        "she gets panic attacks before exams, shaking and can't catch her breath, can we see someone?",
        None,
    ),
    # near misses: now, or blue lips
    ("I get panicky in crowds but right now I can't breathe and my lips are blue", "emergency"),
    ("I'm having a panic attack at the moment and I can't breathe", "emergency"),
    # -- "did I overdose?" about doses within the day's limit (NHS paracetamol) -----------
    (
        "have I overdosed? I had two ibuprofen at lunch and another two at teatime, I feel ok",
        None,
    ),
    (
        "have I overdosed on co-codamol? took two at 9 and two more at 3 for my back, I feel ok",
        None,
    ),
    # near misses: a sign after the doses, or a child
    (
        "took an extra two of my heart tablets by mistake, now dizzy and sweaty, did I overdose?",
        "emergency",
    ),
    # near misses: a lot taken
    ("did I overdose? I took 16 paracetamol this afternoon", "emergency"),
    ("have I overdosed, I've taken the whole packet of co-codamol", "emergency"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round63_false_alarm_kinds(triage: Triage, text: str, expected: str | None) -> None:
    assert flag_level(triage, text) == expected


# "right now" that says someone is well is no time word of now for a general question
# (assistant/acuity.py: general_question); a symptom now, or "fine this morning", still is
NOW_CASES: list[tuple[str, bool]] = [
    ("my son is fine right now but I worry about sepsis, what are the signs?", False),
    ("she's ok at the moment, how would I spot meningitis?", False),
    ("he is unwell right now with a rash", True),
    ("my baby has a rash right now that won't fade", True),
    ("she was fine this morning", True),
]


@pytest.mark.parametrize(("text", "expected"), NOW_CASES)
def test_round63_well_right_now(triage: Triage, text: str, expected: bool) -> None:
    reader = triage.reader
    assert reader.happening_now(reader.prepare(text)) is expected
