"""Set 20 by kind: drink, drugs, medicines and diabetes levels. Stopping heavy drinking or a
benzodiazepine and then a fit, or seeing things with confusion, shakes or drenching sweats (a
withdrawal seizure or delirium tremens: 999, NICE CG100); a heavy drinker stopping all at once
who already has the shakes, sweats or needs a morning drink (same day, NICE CG100/CG115);
running out of a street or prescribed benzodiazepine with shakes and no sleep but no fit or
confusion (same day); blood-pressure tablets taken twice by mistake with light-headedness
(same day, NHS "if you take too much"); thirst, weeing at night and weight loss or tiredness
with no diagnosis yet (possible type 1 diabetes: same day, NICE NG18/NG17); one of a friend's
tablets taken by a teenager who is awake and talking (NHS 111 / TOXBASE: same day, not 999).
Each kind with wordings that must be raised or held, and near misses that must stay
emergencies (a withdrawal fit, DTs, several tablets, a young child, chest pain after a
stimulant, drowsiness after a double dose, vomiting or fast breathing with diabetes signs),
and history or questions that must stay routine. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- stopping drink or a sedative, then a fit, or seeing things with confusion, shakes or
    # sweats: withdrawal seizure or delirium tremens (NICE CG100; NHS alcohol misuse) -------
    (
        "my partner drinks a bottle of whisky a day and stopped on saturday. this morning he "
        "went stiff and jerked on the bathroom floor for a minute, now hes groggy",
        "emergency",
    ),
    (
        "quit the booze 4 days ago after years of heavy drinking. had a seizure in the shower "
        "an hour ago, my flatmate found me",
        "emergency",
    ),
    (
        "dad is a heavy drinker, stopped cold turkey on friday. tonight hes sweating through "
        "his shirt, trembling and swears there are rats running across the ceiling",
        "emergency",
    ),
    (
        "my uncle gave up the drink three days ago. now hes seeing faces in the wallpaper, "
        "shaking all over and doesnt know where he is",
        "emergency",
    ),
    (
        "came off my diazepam suddenly last week and this afternoon i had a fit at work",
        "emergency",
    ),
    (
        "ran out of street benzos a few days ago, now im hearing voices, soaked in sweat and "
        "totally confused",
        "emergency",
    ),
    # history and questions: stay routine
    (
        "I had a withdrawal seizure when I stopped drinking in 2019. I have been sober for "
        "five years now. Do I still need to avoid driving?",
        None,
    ),
    (
        "My brother had the DTs years ago in hospital. Three years dry now. How can I support "
        "him through the holidays?",
        None,
    ),
    ("is it true you can have fits when you stop drinking suddenly?", None),
    ("can you get hallucinations from coming off the booze? asking for a uni essay", None),
    (
        "im scared my wife will have a seizure if she stops drinking, she gets through a "
        "bottle of wine and some vodka every day",
        None,
    ),
    ("what are the risks of fits if i quit drinking cold turkey next month?", None),
    ("gave up the booze in march and now my old work trousers fit again", None),
    ("cut right down on drinking since the new year and i feel fit and healthy", None),
    (
        "my brother stopped drinking and had a fit last week, hes out of hospital and doing "
        "better, can he go back to work?",
        None,
    ),
    (
        "my diazepam ran out and i keep reading about withdrawal seizures, nothing has "
        "happened yet, just shaky and cant sleep",
        "urgent",
    ),
    # near miss: the same worry with a fit today stays 999
    (
        "stopped my diazepam last week and this morning i had a seizure in the kitchen",
        "emergency",
    ),
    # -- a heavy drinker stopping at once, shakes or sweats already, no fit, not seeing
    # things: same day (NICE CG100 and CG115; NHS alcohol support) -------------------------
    (
        "been on three cans of strong cider and half a bottle of vodka every day for a year. "
        "stopping today. already shaking this morning and sweating, no fits ever",
        "urgent",
    ),
    (
        "stopped drinking yesterday, usually have a bottle of gin a day. hands trembling, "
        "sweating at night and cant sleep. not seeing anything strange",
        "urgent",
    ),
    (
        "going cold turkey off the drink from tomorrow, i need a can first thing in the "
        "morning to steady my hands, any tips",
        "urgent",
    ),
    (
        "my husband quit drinking two days ago, he was on a litre of vodka a day. hes shaky "
        "and sweaty but knows where he is and no fits",
        "urgent",
    ),
    # -- a benzodiazepine run out or stopped, shakes and no sleep, no fit, no confusion: same
    # day, not 999 (NICE NG215; FRANK benzodiazepines) ----------------------------------------
    (
        "been using etizolam from online most days since the summer, ran out on monday. "
        "shaking, heart pounding and i havent slept",
        "urgent",
    ),
    (
        "stopped my xanax suddenly 3 days ago after months of daily use, jittery, sweating "
        "and cant sleep. no seizures",
        "urgent",
    ),
    (
        "ran out of my lorazepam and the pharmacy is shut, feel on edge and shaky, no sleep "
        "last night",
        "urgent",
    ),
    # -- blood-pressure tablets taken twice, light-headed: same day (NHS if you take too
    # much) -------------------------------------------------------------------------------------
    (
        "my gran is 86 and took her evening tablets twice by mistake, amlodipine and "
        "atenolol among them. she says she feels a bit dizzy",
        "urgent",
    ),
    (
        "i doubled up on my bisoprolol and ramipril this morning, forgot id already had "
        "them. light headed when i stand up",
        "urgent",
    ),
    (
        "dad took another lot of his blood pressure tablets at lunch after having them at "
        "breakfast, now hes a bit woozy and unsteady",
        "urgent",
    ),
    # well, no symptom, or a regular twice-daily schedule: stays routine
    (
        "accidentally took my amlodipine twice today, feel completely fine and no dizziness. "
        "do i skip tomorrow?",
        None,
    ),
    ("i take my bisoprolol twice a day and sometimes feel dizzy in the heat", None),
    ("stopped drinking a month ago and still get the odd night sweat, is that normal?", None),
    ("if i stop drinking will i get the shakes? i only have a few beers at weekends", None),
    ("30 weeks pregnant, always thirsty, up at night to wee and so tired, is that normal?", None),
    # near miss: drowsy and confused after a double dose stays 999
    (
        "mum took all her blood pressure tablets twice and now shes very drowsy and confused",
        "emergency",
    ),
    # -- thirst, weeing at night and weight loss or tiredness, no diagnosis: possible type 1
    # diabetes, same day (NICE NG18 and NG17; NHS type 1 diabetes) ----------------------------
    (
        "im 17 and have been really thirsty for weeks, up 4 times a night to pee and ive "
        "lost about 5 kilos without trying",
        "urgent",
    ),
    (
        "my son is 8, always thirsty lately, weeing all the time and seems exhausted after "
        "school. he has lost weight too",
        "urgent",
    ),
    (
        "23 m, constantly thirsty and peeing loads, eyes gone blurry and absolutely "
        "knackered for a fortnight. no medical history",
        "urgent",
    ),
    # near misses: vomiting, ketones or fast breathing with these signs stays 999
    (
        "my daughter is so thirsty and peeing constantly, lost weight, now she keeps "
        "vomiting and her breathing is deep and fast",
        "emergency",
    ),
    (
        "always thirsty, weeing all the time and lost weight. been sick twice and the "
        "ketone meter says 3.8",
        "emergency",
    ),
    # -- one of a friend's tablets, a teenager awake and talking: NHS 111 today -------------
    (
        "my 16 year old took one of his friends adhd tablets before an exam, heart going "
        "fast and he feels shaky but hes chatting normally",
        "urgent",
    ),
    (
        "im 15 and tried one of my mates ritalin pills at lunch, cant sit still and my heart "
        "is racing, no chest pain",
        "urgent",
    ),
    (
        "my teenage daughter took one of her boyfriends elvanse capsules, she feels jittery "
        "and a bit sick but is talking normally",
        "urgent",
    ),
    # near misses: a young child, several tablets, chest pain or drowsiness stay 999
    ("my 3 year old took one of his nans tablets from her handbag", "emergency"),
    ("my 15 year old took six of her friends adhd tablets at a party", "emergency"),
    (
        "my 14 year old took one of his mates adhd tablets and now has chest pain and feels faint",
        "emergency",
    ),
    (
        "my teenage son swallowed one of his brothers concerta tablets and is very drowsy "
        "and confused",
        "emergency",
    ),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round146_substances(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level, text
