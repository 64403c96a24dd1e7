"""Round 151 by kind: people already seen, waiting for a booked visit, and sexual health. A
worst-ever headache already checked in hospital (scan and lumbar puncture clear, sent home
with a migraine); chest pain checked at hospital with a normal heart tracing and bloods and
put down to a pulled muscle, achy on twisting; an animal bite treated yesterday with
antibiotics or a tetanus jab, clean today; blood seen in the pee once days back, none since,
with a GP visit booked; one missed combined pill mid-pack. And a needle spiking with a question
about HIV medicine (PEP within 72 hours: same day). Each kind with near misses that must stay
emergencies (or urgent). Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- a worst-ever headache already checked, a bleed ruled out (NICE NG228, CG150; NHS
    # migraine) ---------------------------------------------------------------------------
    (
        "worst headache of my life last week, ct scan and lumbar puncture clear, told it was a "
        "migraine and sent home. still a bit sore, what painkillers are best",
        None,
    ),
    (
        "my wife had the worst headache ever on thursday, the hospital did a brain scan which "
        "was normal and a spinal tap that was clear, they said migraine. how do we stop more",
        None,
    ),
    (
        "worst headache of my life 3 days ago, a&e did a ct which came back clear, discharged "
        "with a tension headache. any tips for sleeping",
        None,
    ),
    # near misses: the worst headache now, back or worse, or with other signs
    ("worst headache of my life started suddenly an hour ago", "emergency"),
    (
        "ct scan was clear yesterday but now i have the worst headache of my life and im being "
        "sick",
        "emergency",
    ),
    (
        "worst headache of my life on tuesday, the ct was clear, they said migraine, but now my "
        "neck is stiff",
        "emergency",
    ),
    # -- chest pain checked, tests normal, a pulled muscle (NHS chest pain; NHS sprains) -----
    (
        "went to a&e with chest pain last night, ecg and bloods normal, doctor said pulled "
        "muscle. achy today when i twist",
        None,
    ),
    (
        "paramedics took my dad in with chest pain on sunday, heart tracing and blood tests "
        "all normal, they said a strained muscle from digging. he aches when he turns",
        None,
    ),
    (
        "chest pain yesterday, hospital did an ecg and bloods, fine, a pulled muscle they said. "
        "just aching if i lift my arm. how long till it goes",
        None,
    ),
    # near misses: the pain back, worse or cardiac-sounding now
    (
        "went to a&e with chest pain last night, ecg normal, doctor said pulled muscle. achy "
        "when i twist but now the pain is crushing and spreading to my arm",
        "emergency",
    ),
    (
        "chest pain came back today, pulled muscle they said last week after an ecg, achy when "
        "i move",
        "urgent",
    ),
    # -- an animal bite treated yesterday, clean today (NHS animal and human bites) ---------
    (
        "dog bite on my hand yesterday, a&e gave me a tetanus jab and antibiotics, no redness, "
        "is it ok to shower",
        None,
    ),
    (
        "my son was bitten by a dog yesterday, hospital cleaned it and gave him antibiotics. it "
        "looks clean today. can he go to school",
        None,
    ),
    (
        "cat bit me last night, urgent care gave me co amoxiclav, looking fine today, not red. "
        "can i drink alcohol with them",
        None,
    ),
    # near misses: not seen by anyone, or infected now
    ("dog bit me yesterday, i cleaned it myself, looks ok today, do i need anything", "urgent"),
    ("dog bite yesterday, got antibiotics at a&e, but today its red and spreading", "urgent"),
    ("dog bit me yesterday, had a tetanus jab, now its hot and swollen", "urgent"),
    # -- blood in the pee once, none since, GP booked (NHS blood in urine; NICE NG12) --------
    (
        "noticed my pee was pink once a few days ago, hasnt happened since, feel well, gp "
        "appointment on friday. is that soon enough",
        None,
    ),
    (
        "saw blood in my urine last week just the once, none since, no pain, seeing the doctor "
        "on monday",
        None,
    ),
    (
        "had red wee once the other day, nothing since, got a gp appt next week. am i ok to wait",
        None,
    ),
    # near misses: clots, unable to pee, back again, pain and a temperature
    ("blood in my wee once last week, none since, gp booked, but now i cant pee at all", "urgent"),
    ("blood in my wee last week, passing clots, gp on monday", "urgent"),
    ("blood in my wee again today, had it once last week too, gp appointment on friday", "urgent"),
    # -- one missed combined pill (FSRH missed pill guidance; NHS missed pills) ---------------
    (
        "forgot one pill yesterday, im on microgynon, halfway through the pack. had sex at the "
        "weekend, do i need emergency contraception",
        None,
    ),
    (
        "missed my combined pill this morning, we had sex last night, should i get the morning "
        "after pill",
        None,
    ),
    (
        "skipped yesterdays pill by mistake, its the combined one, mid pack. had sex two days "
        "ago, is the morning after pill needed",
        None,
    ),
    # near misses: two pills, week 1, days running, the mini pill, the type not said
    (
        "missed yesterdays and todays pill (combined), had sex last night, do i need the "
        "morning after pill",
        "urgent",
    ),
    (
        "missed my combined pill in the first week of the pack, had sex 2 days ago, do i need "
        "the morning after pill",
        "urgent",
    ),
    (
        "forgot to take my combined pill for three days, had sex last night. do i need the "
        "morning after pill?",
        "urgent",
    ),
    ("forgot yesterdays pill, had sex last night, do i need the morning after pill", "urgent"),
    # -- a needle spiking with an HIV question (NHS spiking; NHS and BASHH PEP: within 72
    # hours, the same day) -----------------------------------------------------------------
    (
        "pretty sure i was needle spiked at a festival last night, theres a tiny prick mark on "
        "my leg, feel ok now. do i need to worry about hiv",
        "urgent",
    ),
    (
        "my friend thinks she got spiked with a needle at the bar yesterday, she's fine now but "
        "wants to know about hiv prevention meds",
        "urgent",
    ),
    ("i was injection spiked last night at a party, how soon do i need pep for hiv", "urgent"),
    # near misses: drowsy or confused now
    (
        "think i was needle spiked last night, now im really drowsy and confused and can barely "
        "stay awake",
        "emergency",
    ),
    (
        "my daughter was needle spiked at a club an hour ago, she is confused and drowsy and "
        "keeps passing out",
        "emergency",
    ),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round151_seen(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
