"""Red flags for people who know their long-term illness and say it in their own numbers.

Adrenal crisis, sickle cell named by genotype, asthma relievers and speech, nosebleeds on
blood thinners, haemodialysis, stomas, ICD shocks, oxygen readings at a stated baseline,
blood ketones, chemotherapy temperatures, and same-day problems (INR, heart failure weight,
antiepileptic rashes, a quiet baby). Our own wordings; the near misses go the other way.
"""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

CASES: list[tuple[str, str]] = [
    # adrenal crisis: steroid tablets brought back up, spinning room, legs giving way
    ("addisons, i threw my hydrocortisone back up twice this morning", "emergency"),
    (
        "on hydrocortisone for adrenal insufficiency, brought my tablets back up and the room is spinning",
        "emergency",
    ),
    (
        "addisons patient, the room keeps spinning when i stand and my legs have gone to jelly",
        "emergency",
    ),
    ("addisons, when should i take an extra hydrocortisone dose before a dentist visit", "none"),
    (
        "hydrocortisone cream for eczema, threw it back up? no, just wondering about the strength",
        "none",
    ),
    # sickle cell by genotype
    ("hbss, fever of 38.6 and aching all over", "emergency"),
    ("my son has hb sc and is breathless with a high temperature", "emergency"),
    ("im hbss and have a pain crisis in my legs, home meds not touching it", "emergency"),
    ("i have sickle cell trait and a temperature, is that relevant", "none"),
    ("hbss, how do i apply for a blue badge", "none"),
    # asthma: the blue one every few minutes, speaking a few words at a time
    ("asthmatic, using the blue one every 5 mins for half an hour", "emergency"),
    ("wheezy and can only get two or three words out at a time", "emergency"),
    ("asthma flare, talking a few words at a time then stopping for breath", "emergency"),
    ("asthma, how often can i use the blue one in a day", "none"),
    ("my toddler only says two or three words at a time, is that normal", "none"),
    # nosebleed on a blood thinner, named by its first aid
    (
        "on apixaban, been pinching the soft part of my nose for 25 mins and its still pouring",
        "emergency",
    ),
    ("on warfarin, leaning forward and squeezing for half an hour, still dripping", "emergency"),
    ("banged my head on a cupboard an hour ago, im on rivaroxaban for a pe last year", "emergency"),
    ("how do you stop a nosebleed, lean forward and pinch?", "none"),
    ("had a clot last year and finished the apixaban in march, knocked my knee today", "none"),
    # dialysis by its type
    ("missed my haemodialysis session yesterday and my legs feel weak", "emergency"),
    ("on hemodialysis, skipped friday, now breathless and heart skipping", "emergency"),
    ("peritoneal dialysis, missed two exchanges, feel faint and confused", "emergency"),
    ("on haemodialysis three times a week, can i go on holiday", "none"),
    (
        "missed a haemodialysis session last year because of snow, what happens if it happens again",
        "none",
    ),
    # a stoma with no output, swollen tummy and vomiting
    (
        "ileostomy and nothing has come out into the bag since last night, tummy swollen and being sick",
        "emergency",
    ),
    (
        "my colostomy bag hasnt been filling for a day, belly is bloated and ive vomited twice",
        "emergency",
    ),
    ("stoma not working since yesterday, stomach distended, throwing up green", "emergency"),
    ("how often should i empty my ileostomy bag", "none"),
    ("stoma output a bit thicker than usual, feel fine, eating normally", "none"),
    # ICD shocks named in a later sentence
    ("had my icd fitted 3 years ago. it went off twice this evening", "emergency"),
    ("i have a defibrillator for my heart. it has shocked me again tonight", "emergency"),
    ("got an icd last year. felt three shocks in the last hour", "emergency"),
    ("got an icd fitted last month, when can i drive again", "none"),
    ("does an icd shock hurt?", "none"),
    # oxygen readings: at a stated low baseline they do not count, below it they do
    ("copd, sats 89 which is my normal, just want to know about flu jabs", "none"),
    ("on home oxygen, oximeter 90 as usual, can i fly to spain", "none"),
    ("emphysema, my sats are 88 same as always, is rehab worth it", "none"),
    ("copd, sats usually 94 but the finger thing says 85 now", "emergency"),
    ("my sats have dropped to 84 and my baseline is 90", "emergency"),
    ("the finger monitor reads 87 and im breathless sitting still", "emergency"),
    ("copd, breathing no worse than usual, can i take the sats probe on holiday", "none"),
    # ketones: 3 or more, or lower with vomiting, are an emergency; 1.5 to 2.9 and well are
    # not, but they are same-day care (Diabetes UK sick day rules: ring the diabetes team;
    # ketones_raised, rounds 29, 38 and 71 label them urgent)
    ("type 1, blood ketones 3.4 and sugar 22", "emergency"),
    ("type 1 diabetic, ketones 2.2 and vomiting since lunch", "emergency"),
    ("insulin pump user, ketones 1.9 and my stomach hurts, breathing fast", "emergency"),
    (
        "type 1 with a cold, ketones 2.0, not sick, eating and drinking, sick day rules say ring the team",
        "urgent",
    ),
    ("type 1, ketones 1.7 this morning, feel ok otherwise", "urgent"),
    ("type 1, ketones 0.5 this morning, feel ok otherwise", "none"),
    # chemotherapy: a stated normal temperature is not a fever
    ("on chemo, temp 37.0 and a sore mouth", "none"),
    ("day 8 of chemo, thermometer says 36.8, just tired", "none"),
    ("on chemo and temp 38.3, shivery", "emergency"),
    ("chemo last week, temp 37.2 but shaking and feel awful", "emergency"),
    ("chemotherapy, temperature 37.4 and rigors", "emergency"),
    # same day: a high INR on warfarin
    ("on warfarin, inr 6.8 at clinic, no bleeding", "urgent"),
    ("warfarin patient, fingerprick test said 8.1 and my range is 2 to 3", "urgent"),
    ("my inr is 5.5 on warfarin, no bruises, what do i do tonight", "urgent"),
    ("warfarin, inr 2.6 today, in range", "none"),
    ("on warfarin, target 2 to 3, when is my next test due", "none"),
    ("warfarin for af, inr 2.4 (target 2 to 3), carry on same dose", "none"),
    # same day: heart failure weight gain over days
    ("heart failure, weight up 2.5kg since monday and ankles bigger", "urgent"),
    ("on furosemide, scales say ive put on 5 pounds in 3 days", "urgent"),
    ("hf patient, gained 3 kilos this week", "urgent"),
    ("trying to lose weight, put on 2kg over christmas", "none"),
    ("heart failure, weight steady this week, all fine", "none"),
    # same day: a rash on lamotrigine or carbamazepine
    ("started lamotrigine three weeks ago and now have a red rash on my arms", "urgent"),
    ("carbamazepine for epilepsy, new blotchy rash on my chest today", "urgent"),
    ("on tegretol, itchy rash appeared this morning", "urgent"),
    ("on lamotrigine for years, can i drink alcohol", "none"),
    ("lamotrigine, is it safe in pregnancy", "none"),
    # same day: a baby quieter than usual in later pregnancy
    ("32 weeks and the baby has been really quiet all day", "urgent"),
    ("pregnant, 28 weeks, the baby has been much quieter than normal today", "urgent"),
    ("36 weeks, baby not kicking like usual today", "urgent"),
    ("my 3 month old baby is really quiet today and smiling", "none"),
    ("34 weeks pregnant, baby kicking loads, is that normal", "none"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_long_term_levels(triage: Triage, text: str, expected: str) -> None:
    assert (flag_level(triage, text) or "none") == expected


MORE: list[tuple[str, str]] = [
    # heart failure weight gain with fluid on the lungs: the same-day flag stands back so
    # that the acuity model can give the emergency reply
    ("heart failure, up 3kg in 2 days and now gasping and cant lie flat", "none"),
    # sickle cell pain at home with breathing said to be fine is not an emergency by itself
    ("hbsc, leg pain for two days on my usual painkillers, breathing fine, no temp", "none"),
    ("hbss and it hurts to take a breath since this morning", "emergency"),
]


@pytest.mark.parametrize(("text", "expected"), MORE)
def test_long_term_boundaries(triage: Triage, text: str, expected: str) -> None:
    assert (flag_level(triage, text) or "none") == expected
