"""Rounds 137-141 by kind: levels outside self-harm. Same-day kinds that got nothing: a long-
acting insulin injected twice by mistake with the person well (NHS insulin; Diabetes UK: ask
for advice now, a night hypo may follow), a treated hypo on a sulfonylurea such as gliclazide
(NICE NG28, BNF: these hypos can come back, same-day review), voices or paranoid beliefs back
after stopping an antipsychotic (NHS psychosis: crisis team, GP or 111 option 2 today), severe
restriction with near-fainting, blue fingertips or a very low BMI (NICE NG69, MEED: same-day
medical assessment), early lithium toxicity after an anti-inflammatory (NHS lithium), and a
child who swallowed a coin or other small blunt object and is well (NHS swallowed objects).
Same-day kinds given 999: a child with type 1 on a sick day with ketones under 1.5 who is
alert and drinking (ISPAD and NHS sick-day rules: ring the diabetes team), and a wrist that has
gone "dead swollen" after a fall (in UK speech "dead" before an adjective means "very", not
numb: a possible fracture, NHS broken wrist). Each kind with near misses that must stay
emergencies. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- a long-acting insulin dose taken twice by mistake, well now (NHS insulin; Diabetes
    # UK: ring 111 or the diabetes team now, a hypo may come overnight) --------------------
    (
        "think i took my tresiba twice this morning, forgot id already done it. sugar is 9 "
        "and i feel ok",
        "urgent",
    ),
    ("accidentally injected a double dose of my levemir tonight, 30 units twice", "urgent"),
    (
        "my husband did his basal insulin again at bedtime because he couldnt remember doing "
        "it earlier, he seems fine",
        "urgent",
    ),
    ("gave myself my lantus two times tonight by mistake, what do i do", "urgent"),
    # near misses: a double dose with the sugar falling and symptoms, or not coming round
    (
        "took my lantus twice by mistake and now my sugar is 2.4 and im confused and shaky",
        "emergency",
    ),
    (
        "she injected her insulin twice and now we cant wake her up properly",
        "emergency",
    ),
    ("i take my insulin twice a day, morning and night, is that normal", None),
    # -- a hypo on a sulfonylurea, treated, now well (NICE NG28; BNF gliclazide: these hypos
    # can last or come back, same-day review) ------------------------------------------------
    (
        "mum is 81 and on gliclazide, her sugar dropped to 2.9 at breakfast and she was "
        "confused, had a glass of juice and a biscuit and shes fine now",
        "urgent",
    ),
    (
        "my grandad takes glimepiride, he had a hypo this afternoon, reading was 3.1, we "
        "gave him lucozade and hes back to himself",
        "urgent",
    ),
    (
        "had a low on my gliclazide last night, 3.2, sorted it with jelly babies, feel ok "
        "today, anything i need to do",
        "urgent",
    ),
    # near misses: a hypo on gliclazide that is not coming round stays 999
    (
        "dad is on gliclazide and his sugar is 1.9, hes drowsy and not making sense",
        "emergency",
    ),
    (
        "nan on gliclazide went low at 2.5 and she is unconscious and wont wake",
        "emergency",
    ),
    ("what is gliclazide used for", None),
    # -- voices or paranoia back after stopping an antipsychotic, no danger (NHS psychosis;
    # NHS urgent mental health help: crisis team or 111 option 2 today) --------------------
    (
        "came off my aripiprazole three weeks ago and im hearing voices again and i think "
        "people are following me",
        "urgent",
    ),
    (
        "my son stopped taking his risperidone last month and now hes convinced the neighbours "
        "are spying on him and he hears voices at night",
        "urgent",
    ),
    (
        "quit my quetiapine a few weeks back, the voices are starting again, theyre just "
        "commenting not telling me to do anything",
        "urgent",
    ),
    # near misses: voices telling someone to harm stays 999
    (
        "stopped my olanzapine and the voices are telling me to hurt my mum",
        "emergency",
    ),
    (
        "he stopped his risperidone and the voices keep telling him to kill himself",
        "emergency",
    ),
    # -- severe restriction with the body failing: near-fainting, blue fingers, BMI under 15
    # (NICE NG69; MEED guidance: same-day medical assessment) ------------------------------
    (
        "been eating maybe 400 calories a day for weeks, i go dizzy and almost pass out every "
        "time i stand up and my bmi is 14",
        "urgent",
    ),
    (
        "my daughter has barely been eating since christmas, her fingers are going blue "
        "and she nearly fainted on the stairs",
        "urgent",
    ),
    (
        "restricting hard for months, bmi around 13.8 now and always freezing, not seeing "
        "anyone about it",
        "urgent",
    ),
    # near misses: a collapse stays 999; wanting to lose weight is not this
    (
        "my sister has anorexia and she has collapsed on the kitchen floor and isnt responding",
        "emergency",
    ),
    ("trying to cut down to 1500 calories a day to lose a bit of weight, any tips", None),
    # -- lithium with early toxicity signs, often after an anti-inflammatory (NHS lithium;
    # BNF lithium interactions) -------------------------------------------------------------
    (
        "im on lithium and started naproxen for my knee, now my hands are shaky and i feel "
        "nauseous",
        "urgent",
    ),
    (
        "on priadel, been having nurofen for a toothache for days, today im trembly and "
        "feel queasy",
        "urgent",
    ),
    (
        "my mum takes lithium and has had ibuprofen all week for her hip, shes got a new "
        "tremor and is really thirsty",
        "urgent",
    ),
    # near misses: lithium with confusion and unable to walk straight stays 999
    (
        "on lithium and ive been vomiting, now im confused and cant walk straight",
        "emergency",
    ),
    ("can i take ibuprofen if im on lithium", None),
    # -- a small child who swallowed a coin or other small blunt object and is well (NHS
    # swallowed objects: get advice or have them checked today) ----------------------------
    (
        "my 3 year old swallowed a 10p about half an hour ago, hes playing and seems ok",
        "urgent",
    ),
    ("my daughter swallowed a marble at nursery, she is fine in herself", "urgent"),
    ("toddler swallowed a little plastic bead from a necklace, no coughing now", "urgent"),
    # near misses: a battery, a magnet, or a coin with drooling or pain stays 999
    ("my son swallowed a button battery from the remote", "emergency"),
    (
        "she swallowed a coin and now shes drooling and cant swallow her spit and it hurts",
        "emergency",
    ),
    ("my 2 year old swallowed two small magnets from a fridge toy", "emergency"),
    # -- a child with type 1 on a sick day, ketones under 1.5, alert and drinking (ISPAD
    # sick-day rules; NHS type 1 diabetes: ring the diabetes team today) ------------------
    (
        "my 8 year old has type 1 and a stomach bug, thrown up once, ketones 0.9, sugar 7, "
        "drinking and watching telly",
        "urgent",
    ),
    (
        "son is t1 and has been sick this morning with a bug, blood ketones are 1.2, hes "
        "alert and chatting",
        "urgent",
    ),
    (
        "type 1 daughter vomited twice with a tummy bug, ketones 0.8, keeping fluids down",
        "urgent",
    ),
    # near misses: ketones 3 or more with vomiting, or drowsy with fast breathing, stays 999
    (
        "my 7 year old is type 1, been sick 3 times and ketones are 3.4",
        "emergency",
    ),
    (
        "daughter with type 1 keeps vomiting and is drowsy and breathing really fast",
        "emergency",
    ),
    # -- "dead" as "very" before an adjective (UK speech), here a possibly broken wrist or
    # ankle after a fall (NHS broken wrist; NHS broken ankle) ------------------------------
    (
        "slipped on the stairs and landed on my wrist, its dead swollen and it hurts to "
        "move it, fingers move fine",
        "urgent",
    ),
    (
        "came off my bike and put my hand out, now my wrist is dead sore and swollen and "
        "hurts to move",
        "urgent",
    ),
    (
        "went over on my ankle at football, it's dead swollen and i cant put weight on it",
        "urgent",
    ),
    # near misses: an arm or face side gone numb or dead with no fall stays 999
    ("my arm has gone dead and numb all of a sudden and my face feels droopy", "emergency"),
    ("woke up and my left arm is dead and i cant lift it, speech is slurred", "emergency"),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round141_levels(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level, text
