"""Missed emergencies and same-day cases of rounds 46-48, by kind, in our own words.

Sexual health: an erection that is still there hours later and aching, told in lay words
(priapism); a slipped or split condom with a partner who has HIV (PEP within 72 hours);
missed pills then sex a night or two ago (emergency contraception). Older people and carers:
a COPD flare told with "gunk" and "winded"; heart failure weight gain where the note says
"no chest pain"; a fall onto an outstretched hand with a swollen wrist; someone with
dementia newly restless or picking at the sheets (delirium). Bystanders: shaking timed past
five minutes and still going, without the word seizure; a dog bite through the skin told with
a few words between the dog and the bite. Each kind has near misses the other way.
"""

from __future__ import annotations

import pytest

from assistant.normalize import normalize_text
from assistant.triage import Triage

CASES: list[tuple[str, str]] = [
    # priapism in lay words (NHS priapism: A&E for an erection that will not go down)
    (
        "took a blue pill at 9pm, its now past 2am and im still hard down there and it really hurts",
        "emergency",
    ),
    ("still rock hard down there after 5 hours, throbbing pain, what do i do", "emergency"),
    ("my penis is still stiff since last night and aching badly", "emergency"),
    ("is it normal to be stiff down there every morning when i wake up", "none"),
    ("still hard after sex for a few minutes, is that normal, no pain", "none"),
    # HIV exposure in the last few days (NHS HIV: PEP within 72 hours; BASHH)
    ("condom split yesterday and she told me afterwards she has hiv, what can i take", "urgent"),
    ("had raw sex with a guy saturday night who just said hes hiv positive", "urgent"),
    ("the johnny came off last night, his viral load is unknown and hes hiv+", "urgent"),
    ("condom broke last night but my partner is hiv positive and undetectable", "none"),
    ("had unprotected sex 4 months ago, when is an hiv test accurate", "none"),
    # missed pills then sex (NHS missed pill; emergency contraception)
    (
        "missed 3 of my pill packets pills and had sex without a condom friday night, am i covered",
        "urgent",
    ),
    (
        "forgot two of my combined pills, then unprotected sex saturday night, do i need to do something",
        "urgent",
    ),
    (
        "we had sex without a condom sunday morning, i forgot my last 2 pills, still protected?",
        "urgent",
    ),
    ("sex without a condom saturday night but i havent missed any pills, am i covered", "none"),
    ("i forgot a pill last month, is it ok to just double up next time", "none"),
    # COPD flare in lay words (NICE NG115)
    (
        "got copd, loads more muck coming up since yesterday and it has turned green, more winded than usual",
        "urgent",
    ),
    (
        "emphysema, more gunk than normal and it is thick and yellow, more short of breath on stairs",
        "urgent",
    ),
    ("chronic bronchitis flaring, brown crud coming up, much more puffed than normal", "urgent"),
    ("i have copd, phlegm is clear as usual and my breathing is the same as always", "none"),
    ("copd, what colour should my phlegm be normally", "none"),
    # heart failure weight gain, "no chest pain" written in the note (NICE NG106)
    ("heart failure, weight up 3kg in 4 days, ankles puffy, no chest pain", "urgent"),
    (
        "on furosemide, put on 2.5 kg since monday, no chest pain and not breathless at rest",
        "urgent",
    ),
    ("ccf patient, scales say 5 lbs heavier over 3 days, no chest pain", "urgent"),
    ("heart failure, weight steady this week, no chest pain", "none"),
    ("on water tablets, lost 2kg over the past month on purpose", "none"),
    # a fall onto an outstretched hand, then a swollen or bruised wrist (NHS broken wrist)
    ("slipped on ice and put my hand out, now my wrist is swollen and it hurts to bend", "urgent"),
    ("my dad tripped and landed on his hand, his wrist has gone all bruised and puffy", "urgent"),
    ("fell off my bike and stuck my arm out, forearm swelling up fast", "urgent"),
    ("put my hand out to stop the door slamming, no pain at all", "none"),
    ("tripped last week and put my hand out, wrist fine, just a graze on the palm", "none"),
    # someone with dementia newly restless, picking or seeing things (NICE CG103 delirium)
    ("mum has dementia and for the last 2 days she is much more agitated and not eating", "urgent"),
    (
        "grandad with alzheimers keeps picking at the covers since yesterday and seeing things",
        "urgent",
    ),
    (
        "my husband has vascular dementia, since monday he is more restless and calling out at night",
        "urgent",
    ),
    ("dad has had alzheimers for years and is gradually more forgetful", "none"),
    ("tips for caring for someone with dementia who gets restless in the evenings", "none"),
    # shaking timed past five minutes and still going (NHS epilepsy: 999 at 5 minutes)
    ("my nan is jerking all over on the floor, 7 minutes now and still going", "emergency"),
    ("man collapsed shaking in the street, its been 6 mins and hes still shaking", "emergency"),
    (
        "pupil went stiff then started twitching, about 10 minutes and it has not stopped",
        "emergency",
    ),
    ("ive been shivering with chills for 10 minutes and still going", "none"),
    ("my hands have been shaking with nerves for 10 minutes before my exam, still going", "none"),
    # a dog bite through the skin (NHS animal and human bites: same-day care)
    ("a dog off its lead bit my son on the leg, there are puncture marks", "urgent"),
    ("the neighbours big dog suddenly bit my hand, it drew blood", "urgent"),
    ("our cat when stroked bit me and broke the skin", "urgent"),
    ("the dog was a bit jumpy but didnt touch me, no marks at all", "none"),
    ("our dog is a bit nervous around kids, how do we train him", "none"),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_older_and_sexual_health_level(triage: Triage, text: str, level: str) -> None:
    result = triage.assess(normalize_text(text))
    got = "none" if result is None else result.level
    assert got == level, (text, result)
