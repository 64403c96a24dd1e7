"""Round 106 by kind: history, the past and mental health. An attempt or self-harm years ago
by someone well now who asks about scars or coming off a medicine; thoughts that others would
be better off, with no plan and no means, from someone who wants to talk to a person now (an
urgent reply, not 999); an episode last week that settled and was checked normal; planning a
pregnancy with epilepsy; a baby's jabs still to come; chest wall strain already checked; a
clot treated in the past; a febrile fit last winter; years of being well read as a child's age.
Each kind with wordings that must stand down or stay urgent, and near misses that must stay
emergencies (or urgent). Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- an old attempt or old self-harm, well now, with a practical question (NHS self-harm:
    # scars; NHS stopping antidepressants; NICE NG225) ---------------------------------------
    (
        "I took an overdose in 2016 and was admitted. I've been well for six years now and my "
        "psychiatrist agrees I can start reducing my venlafaxine. What withdrawal symptoms "
        "should I expect?",
        None,
    ),
    (
        "Attempted suicide when I was 19, now 31 and in a good place now. Can I come off "
        "fluoxetine slowly over the summer?",
        None,
    ),
    (
        "I used to cut myself at school, between 13 and 16. I'm well now with no urges. Do "
        "silicone sheets help old scars on my wrists fade?",
        None,
    ),
    (
        "33M, past suicide attempt 5 years ago, stable since then, no suicidal ideation. Wants "
        "to taper mirtazapine.",
        None,
    ),
    (
        "tried to end my life eight years ago, much better place now. my gp says i can taper my "
        "citalopram. no rush, i will read up on it tonight.",
        None,
    ),
    # near misses: the past with a danger now
    (
        "I tried to take my own life four years ago and I'm in a better place now, but tonight "
        "I want to do it again and I have my tablets ready.",
        "emergency",
    ),
    (
        "I self harmed between 14 and 19 and was well for years, but the urges have come back "
        "and I cut myself again tonight, it's still bleeding. How do I stop scars?",
        "emergency",
    ),
    (
        "I tried to end my life years ago. I'm in a much better place now, but right now I'm "
        "scared I'll do something. Should I reduce my sertraline?",
        "emergency",
    ),
    (
        "history of self harm as a teenager, last episode 2 years ago, currently well, but she "
        "has new cuts on her arm today and said she wants to die. asking about scars.",
        "emergency",
    ),
    (
        "I tried to take my life in 2018. I'm well now. I have been saving my tablets and I plan "
        "to take them when my husband goes out. How do I come off sertraline?",
        "emergency",
    ),
    # -- others better off, no plan, no means, wants a person to talk to now (NHS help for
    # suicidal thoughts: urgent mental health line, 111, Samaritans) -------------------------
    (
        "for weeks i have felt my family would be better off without me. i have no plan and i "
        "wont do anything, but i need to speak to someone right now. who do i ring?",
        "urgent",
    ),
    (
        "lately i keep thinking everyone would be better off without me. no plan, i'm not "
        "going to act on it. who can i call right now to talk it through?",
        "urgent",
    ),
    (
        "the old thoughts that my kids would be better off without me are back this month. i "
        "have no plan and wont do anything, my husband is keeping my medication locked away. "
        "who can i talk to today?",
        "urgent",
    ),
    # near misses: no plan yet, but means at hand, a place, or not safe
    (
        "everyone would be better off without me. i have no plan yet but i have a bottle of "
        "pills right here and i want to talk to someone right now",
        "emergency",
    ),
    (
        "my family would be better off without me. no plan, but ive got a box of paracetamol. "
        "who can i call right now",
        "emergency",
    ),
    (
        "everyone would be better off without me. no plan yet but i've been looking at the "
        "bridge near my house. who can i call right now",
        "emergency",
    ),
    (
        "my family would be better off without me. i havent got a plan but i have a knife next "
        "to me. who can i call right now?",
        "emergency",
    ),
    (
        "they would all be better off without me. i dont have a plan yet but i might do it "
        "tonight. who can i call right now",
        "emergency",
    ),
    # -- an episode days ago, settled, checked normal: what to do next time (NHS shortness of
    # breath; NHS panic disorder) -----------------------------------------------------------
    (
        "three days ago at a concert my heart raced and i felt i could not breathe, it passed "
        "within half an hour. the walk in centre did an ecg, all normal, and im fine now. "
        "should i call 999 if it happens again?",
        None,
    ),
    # near misses: it is back or happening now
    (
        "last week i couldnt breathe on the bus, it settled and the ecg was normal, but now it "
        "is happening again and my lips look blue",
        "emergency",
    ),
    ("i cant breathe properly right now, my chest is tight and i feel faint", "emergency"),
    # -- planning a pregnancy with epilepsy (NICE CKS epilepsy: pre-conception folic acid) ------
    (
        "I have epilepsy, no seizures for three years on levetiracetam. We are thinking of "
        "trying for a baby next spring. What folic acid dose before getting pregnant?",
        None,
    ),
    # near misses: pregnant now with a fit or warning signs
    ("im 30 weeks pregnant and epileptic and just had a seizure", "emergency"),
    (
        "we planned this pregnancy carefully but im 34 weeks pregnant now with a severe "
        "headache and blurred vision",
        "emergency",
    ),
    # -- a baby's jabs still to come (NHS MenB vaccine: fever after it is common) -------------
    (
        "my son is 6 weeks old and his first vaccinations are booked for next week. i heard "
        "babies often get a fever after the men b one, should i buy calpol beforehand?",
        None,
    ),
    # near misses: the baby is hot now
    (
        "my 7 week old has his jabs next week but today he feels hot, temperature 38.3",
        "urgent",
    ),
    (
        "my 7 week old has his jabs next week but today he has a temperature of 38.5 and is "
        "not feeding",
        "emergency",
    ),
    ("my 5 week old baby has a fever of 38.2 and is sleepy", "urgent"),
    # -- chest wall strain already checked (NHS chest pain; NICE CKS chest pain) --------------
    (
        "pulled a muscle deadlifting on monday and got chest pain, went to a and e: ecg and "
        "troponin normal, doctor said chest wall strain. it is nearly gone, just sore when i "
        "press on it. when can i train again?",
        None,
    ),
    # near misses: the pain is heavy, spreading, or with breathlessness
    (
        "the doctor said chest wall strain last week after a normal ecg but now the chest pain "
        "is crushing and going down my left arm and im sweating",
        "emergency",
    ),
    ("i have chest pain since this morning and it hurts when i breathe", "urgent"),
    # -- a clot treated in the past (NHS DVT) ---------------------------------------------
    (
        "I had a DVT after my knee operation in 2019 and was on rivaroxaban for three months. "
        "Is it safe to fly to Australia next year?",
        None,
    ),
    # near misses: leg symptoms now
    (
        "I had a DVT after surgery in 2019 and was on warfarin. I think I have a DVT again, my "
        "other calf is swollen and hot",
        "urgent",
    ),
    ("I had a DVT in 2019 and now I think I have another DVT in my left leg", "urgent"),
    (
        "had a clot in my leg two years ago and now im short of breath with chest pain",
        "emergency",
    ),
    # -- a febrile fit last winter, well now (NHS febrile seizures) -----------------------
    (
        "my daughter had a febrile fit last summer that lasted 3 minutes, she is fine now. what "
        "should we do if it happens again?",
        None,
    ),
    # near misses: a fit now that will not stop
    (
        "my son had a fit last summer. now he is fitting again and it has lasted 7 minutes",
        "emergency",
    ),
    ("my daughter is having a seizure right now, it has lasted 6 minutes", "emergency"),
    # -- years of being well, not a child's age (NICE NG143 is for children under 5) --------
    (
        "im 45, on sertraline 50 since a bad patch. well for over 3 years now and my gp agrees "
        "i can start reducing it. how slowly?",
        None,
    ),
    # near miss: a child's age with a high temperature
    ("my 2 year old has a temperature of 40 and wont drink", "urgent"),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round106_history(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
