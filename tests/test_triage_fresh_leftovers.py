"""Kinds the fresh rounds or the set-19 helpers' probes still missed (session 37): a barbed
fish hook in the skin, and an ankle or foot that can "just about" or "barely" be hobbled on
after an injury (NHS urgent treatment centres; NHS sprains and strains, after the Ottawa ankle
rules); blood coming through a towel held on a cut (NHS cuts: 999); someone who keeps saying
they want to die or be dead, a child too (NHS help for suicidal thoughts: urgent the same day),
left to the emergency flags and the acuity model when means, a plan or an injury is told; a
type 1 sick day whose ketones are back to normal now. Near misses: a hook that came out, a hook
asked about in advance or in the past, stiffness that is not an injury, a period coming through
a pad, a figure of speech about Mondays, ketones still raised today. Also not eating or drinking
on chemotherapy, a kidney stone named before the pain grows unbearable, and tablets kept back
after an urge has passed, with their near misses; and (session 38) a new raised blood pressure
late in pregnancy, known diabetes with sugars high for days, and a baby dropped onto the floor
(not dropped off at nursery or to sleep). Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    (
        "fish hook went into my palm and the barb is under the skin, it won't pull back out",
        "urgent",
    ),
    ("my lad has a fishhook embedded in his earlobe from casting", "urgent"),
    ("barbed hook stuck in my thumb after fishing, not bleeding much", "urgent"),
    (
        "went over on my ankle on the stairs an hour ago, it's puffy and I can barely hobble",
        "urgent",
    ),
    ("fell off the kerb, foot swollen up, can just about hobble to the car", "urgent"),
    ("rolled my ankle at five a side and can only just limp on it", "urgent"),
    ("cut my thumb on the mandoline and the blood is seeping through the tea towel", "emergency"),
    ("gashed his leg on the fence, blood has come straight through two dressings", "emergency"),
    ("my 10 year old keeps saying she wants to die and won't say why", "urgent"),
    ("our son has been telling his teacher he wishes he was dead", "urgent"),
    (
        "type 1, had a sickness bug at the weekend and ketones went to 1.2, followed the sick "
        "day rules and now ketones are back to normal, eating again",
        None,
    ),
    ("t1 daughter has a tummy bug, sick three times, ketones 1.2 today", "urgent"),
    # near misses
    ("my period has come through my pad onto my jeans, so embarrassing", None),
    (
        "my colleague keeps saying she wants to die every monday, in the ugh work sense, she is "
        "doing fine and busy making plans for the summer",
        None,
    ),
    ("what do I do if a fish hook goes in my finger on the trip next week?", None),
    ("got a fish hook in my finger but it came out easily, just a tiny hole now", None),
    ("had a fish hook in my hand last summer, minor injuries took it out, any tips?", None),
    (
        "my knees are stiff first thing with arthritis and I can hardly hobble till they loosen",
        None,
    ),
    # on chemotherapy and not eating or drinking for days (UKONS acute oncology triage tool: ring
    # the 24-hour line the same day); mouth ulcers eaten through are routine
    ("on chemo, cycle 3, my throat is so sore I havent eaten anything since Tuesday", "urgent"),
    ("mum is having chemo and can't swallow anything but sips, mouth full of sores", "urgent"),
    ("week 2 of folfox and I'm struggling to drink, everything tastes of metal", "urgent"),
    ("couple of mouth ulcers on chemo but eating and drinking fine, best mouthwash?", None),
    ("finished chemo two years ago, what foods help with a dry mouth?", None),
    ("eating ok and drinking well, which bleach is safest for the kitchen?", None),
    ("my toddler was drinking the bleach under the sink", "emergency"),
    # a kidney stone named in one sentence and the pain now unbearable or much worse in the next
    # (NHS kidney stones: 111 or A&E when the pain is severe)
    ("A&E told me the kidney stone will pass. Since this morning the pain is unbearable", "urgent"),
    ("scan found a 6mm kidney stone last week. tonight it has got much worse", "urgent"),
    ("doctor said its a kidney stone, now the pain is agony and I've been sick", "urgent"),
    ("A&E said my kidney stone should pass, pain is manageable with the tablets, how long?", None),
    ("what do I do if the pain gets unbearable with my kidney stone?", None),
    ("had a kidney stone years ago. my back pain is much worse since the gym", None),
    # tablets kept back, told after the word, in a message about self-harm or suicide: the means
    # are still there even when the urge has passed (NICE NG225: plans and preparations)
    (
        "the urge to hurt myself went away and I feel ok, but I've still got the pills I saved",
        "emergency",
    ),
    ("wanted to die last week, better now, though I kept the tablets I'd been saving", "emergency"),
    ("urges to overdose have eased, the paracetamol I stockpiled is in my drawer", "emergency"),
    ("the urges have gone and I handed the tablets I saved in to the pharmacy", None),
    ("I have the tablets I saved from my last prescription, are they still in date?", None),
    # session 38: two urgent kinds the retrained fallback stopped catching. A new blood pressure
    # of 140/90 or more after 20 weeks with no sign of pre-eclampsia (NICE NG133: seen within
    # 24 hours); known diabetes with sugars high for days and thirst or weeing (NHS
    # hyperglycaemia: the diabetes team or 111 today)
    ("34 weeks pregnant, midwife got 152/98 and again 150/96, no headache or swelling", "urgent"),
    ("28/40, BP 144/92 on two readings at antenatal clinic, urine clear, feels well", "urgent"),
    ("im 36 weeks and my blood pressure was 141 over 88 at the check today", "urgent"),
    ("34 weeks, bp 150/100 with a bad headache and flashing lights", "emergency"),
    ("in my last pregnancy my BP went up to 150/95 at 34 weeks, will it happen again?", None),
    (
        "30 weeks pregnant, BP was 145/92 last week but it came down to 120/78 at today's check",
        None,
    ),
    (
        "type 2 on insulin, sugars have been 19 to 24 for three days, really thirsty and tired",
        "urgent",
    ),
    (
        "my dad is diabetic, his levels have stayed at 20 since yesterday and he's weeing loads",
        "urgent",
    ),
    ("type 1, readings stubborn around 17 all day, peeing a lot, ketones 0.3", "urgent"),
    ("type 1, sugar 22 for two days, vomiting and ketones 3.4, breathing fast", "emergency"),
    ("diabetic, had one reading of 16 after a birthday cake, back to 7 now", None),
    ("what if my sugars stay above 15 for a couple of days with type 2?", None),
    # a baby dropped with more words between the verb and the floor (NICE NG232: a fall in a
    # baby under 1 is an A&E visit), and a baby dropped off at nursery or to sleep is no fall
    ("i dropped my 7 week old onto the kitchen floor", "emergency"),
    ("my 4 month old baby girl slipped out of my arms onto the tiles", "emergency"),
    ("dropped the baby off at my mums this morning, she has a cold, can she have calpol", None),
    ("my 6 week old fell asleep on the floor mat, is that ok", None),
    ("baby dropped off to sleep on my chest after her feed, how long should she nap", None),
    # (session 39) a wish to die said only long ago, with the person well now (NHS help for
    # suicidal thoughts); back again now is still 999
    (
        "my boy used to say he wanted to die when he was 8, he's 14 now and thriving, do I mention it",
        None,
    ),
    ("she said she wanted to be dead when she was 11, now 17 and settled, is that normal", None),
    ("I wanted to die when I was 19, and now I want to die again", "emergency"),
    (
        "I wanted to die when I was 12, and now at 30 I want to die and have tablets saved",
        "emergency",
    ),
    # (session 39) a chest "sore and tight" or "really heavy" with sweating: the tight or heavy
    # chest of NHS heart attack, with a word before it
    ("after the gym my chest is sore and tight, I'm sweating and short of breath", "emergency"),
    ("chest feels achy and heavy and I've gone clammy", "emergency"),
    ("dad says his chest is really tight and he is sweating buckets", "emergency"),
    # chest pain that is "still" there (NHS chest pain: a same-day check), found by fix22a
    (
        "panic attack last night, paramedics did an ECG, calm today but my chest still hurts",
        "urgent",
    ),
    ("mum's chest is still aching since yesterday evening", "urgent"),
    # four words between the bleeding and "will not stop" (NHS cuts: 999), found by fix22c
    ("the bleeding is really heavy and will not stop", "emergency"),
    ("his leg is bleeding so heavily now and will not stop", "emergency"),
    # "having another one now" after a fit named earlier (NHS febrile seizures: 999), and an
    # anaphylactic shock "after peanuts" (NHS anaphylaxis), both found by fix24 helpers; a
    # worry about another fit and a question on the aftermath of a reaction stay quiet
    ("febrile fit last night, sent home, and now she is having another one", "emergency"),
    ("he had a seizure this morning and he's having another one", "emergency"),
    ("he had a febrile fit last week, I'm worried about him having another one", None),
    ("my daughter is going into anaphylactic shock after eating cashews", "emergency"),
    ("what happens after an anaphylactic reaction, do you always go to hospital", None),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_fresh_leftovers(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
