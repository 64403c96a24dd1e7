"""Round 156 by kind: the mind, suicide questions, and past events told by a household. A
lethal means at hand (a loaded gun beside someone, a rope tied, tablets lined up, a hose to the
exhaust, a cliff edge) with a hopeless or burden remark ("they'd be better off with the
insurance", "can't see a future") is 999 with no word of suicide; a gun cleaned for a shoot is
not. A learner or worker asking how to ask someone about suicidal thoughts, or whether asking
puts the idea in their head, is an information question, unless someone is named as at risk
now. A past event in the household, checked and over (chest pain weeks back with an ECG and
fine now, a panic attack checked by paramedics and calm today, alcohol poisoning treated in
hospital and home and well), told before the real question, stands down; the same with pain,
drowsiness or sickness now stays. Our own words throughout (NHS help for suicidal thoughts;
NICE NG225; NHS chest pain, NICE CG95; NHS panic disorder; NHS alcohol poisoning)."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- a lethal means at hand with a hopeless or burden remark: 999 ----------------------
    (
        "sitting in the barn with my rifle loaded beside me. the business is gone and my lot "
        "would all be better off with the life insurance",
        "emergency",
    ),
    (
        "been in the car for ages with a loaded shotgun on my lap, I can't see any future now",
        "emergency",
    ),
    ("the rope is tied in the garage. I feel like such a burden on everyone", "emergency"),
    ("hosepipe is on the exhaust and I honestly can't see a way out any more", "emergency"),
    (
        "my tablets are all lined up on the table. honestly I'm worth more dead than alive to "
        "my family",
        "emergency",
    ),
    ("the kids would be sorted with the insurance money if I was gone", "emergency"),
    # near misses: a gun for a shoot, an insurance question, a burden remark with no means
    ("cleaning my shotgun for the pheasant shoot on saturday, which oil is best?", None),
    (
        "would we be better off with a life insurance policy or a savings plan for the kids?",
        None,
    ),
    ("took the rifle to the gun club today, loaded and fired it for the first time", None),
    # -- how to ask someone about suicide: information (asking does not plant the idea) ----
    (
        "final year nursing student here. how should I ask a patient whether they are having "
        "suicidal thoughts? worried I'll say it wrong",
        None,
    ),
    (
        "doing a training day at work on mental health. does asking someone about suicide put "
        "the idea in their head?",
        None,
    ),
    (
        "what's the best way to bring up suicide with a friend without planting the idea in "
        "their head? just for general knowledge",
        None,
    ),
    (
        "new volunteer on a listening line. how do we ask callers if they are thinking about "
        "suicide without putting ideas in their heads?",
        None,
    ),
    # near misses: someone named as at risk now, or the writer's own thoughts
    (
        "how do you ask someone if they're suicidal? I think my brother is, he gave his "
        "guitar away",
        "emergency",
    ),
    (
        "my mum has been really low and quiet. how do I ask someone if they're thinking "
        "about suicide?",
        "emergency",
    ),
    ("how do I ask my GP about my suicidal thoughts?", "emergency"),
    (
        "my friend told me she is suicidal, how do I ask her if she has a plan without "
        "putting the idea in her head",
        "emergency",
    ),
    # -- a past event in the household, checked and over, then the real question -------------
    (
        "my wife had chest pains a few weeks ago, A&E did an ECG and bloods, it was "
        "indigestion and she's fine now. what's good for verrucas?",
        None,
    ),
    (
        "dad had chest pain 2 months ago, full cardiac work up and an ECG, put down to reflux, "
        "totally fine now. can he have the shingles jab?",
        None,
    ),
    (
        "mum had chest pains last month, bloods and ECG all clear, she's fine now and wants "
        "to know about vitamin D",
        None,
    ),
    (
        "our flatmate had a panic attack on tuesday and was sure it was a heart attack, the "
        "paramedics ran an ECG and said anxiety. he's fine today. tips for next time?",
        None,
    ),
    (
        "my son had a panic attack last night, thought he was having a heart attack, "
        "paramedics did all the checks, he is calm today. how do we help him?",
        None,
    ),
    (
        "my partner thought she was having a heart attack last night but paramedics did an "
        "ECG and said panic attack, she's ok today. is CBT worth it?",
        None,
    ),
    (
        "my daughters friend was taken to hospital with alcohol poisoning on friday, she's "
        "home and fine now. my daughter wants to know about the pill",
        None,
    ),
    (
        "my brother had alcohol poisoning saturday, paramedics came, he's back home and ok "
        "now. anyway my question is about hay fever",
        None,
    ),
    (
        "one of the lads went to A&E with alcohol poisoning last weekend, home now and well. "
        "what's a safe amount to drink at 18?",
        None,
    ),
    # near misses: pain now, a panic attack not checked with chest pain now, still unwell
    (
        "I had chest pains 2 months ago, ECG fine, reflux, fine now. I've got chest pain today",
        "urgent",
    ),
    (
        "my husband had chest pain last month, bloods and an ECG, fine now, but now he has "
        "crushing chest pain going down his arm and he's sweating",
        "emergency",
    ),
    (
        "panic attack an hour ago, I thought I was having a heart attack, no one checked me "
        "and my chest is still tight now",
        "emergency",
    ),
    (
        "her friend had alcohol poisoning last night and went to hospital, she's home but "
        "still really drowsy and being sick",
        "emergency",
    ),
    (
        "my friend is still unconscious from drink after the party, we called an ambulance",
        "emergency",
    ),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round156_mind(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
