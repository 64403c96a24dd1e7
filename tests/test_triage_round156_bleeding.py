"""Round 156 by kind: bleeding, older people and what is a routine GP visit. A tooth socket
that keeps oozing or starting again after an extraction though bitten on gauze (same day:
dentist or NHS 111); someone with dementia more muddled over a day with smelly wee and no
danger sign (delirium, likely a urine infection: same day, not 999); red pee once after a
long run, normal since; a bleed a hospital stopped days back and nothing since; bruising
and swelling after a vasectomy getting less; thirst, weeing and tiredness in an older adult
(a GP test for type 2, not the same day). Each kind with near misses that must stay
emergencies (or urgent). Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- a socket oozing on and off after a tooth was taken out (NHS dental emergencies:
    # bite on damp gauze; if it keeps bleeding, the dentist or NHS 111 the same day) ---------
    (
        "my back tooth was pulled this afternoon, it keeps oozing even after biting on the "
        "gauze for twenty minutes, feel ok otherwise",
        "urgent",
    ),
    (
        "wisdom teeth taken out on friday, the socket keeps starting to bleed again every few "
        "hours, practice closed till monday",
        "urgent",
    ),
    (
        "had a molar extracted yesterday and its bleeding on and off, i press the gauze and it "
        "eases then starts again",
        "urgent",
    ),
    (
        "tooth extraction this morning, still oozing blood tonight after two lots of gauze, "
        "not a lot but it keeps on",
        "urgent",
    ),
    # near misses and stand-downs: heavy and won't stop (999), stopped, a plan, pink spit
    (
        "had a tooth out today and it is bleeding heavily and will not stop even after biting "
        "on gauze for an hour",
        "emergency",
    ),
    (
        # (999 since the lead's widening: four words between the bleeding and "will not stop")
        "had a tooth out today and the bleeding is really heavy and will not stop",
        "emergency",
    ),
    (
        "had a tooth taken out this morning, it kept oozing for a while but it has stopped now",
        None,
    ),
    ("my wisdom tooth is being taken out next week, what if it keeps bleeding after?", None),
    ("had two teeth removed yesterday, a bit of pink in my spit this morning, normal?", None),
    # -- dementia, more muddled since yesterday, smelly or frequent wee, no danger sign
    # (NICE CG103 delirium; NHS urinary tract infections: GP or 111 the same day) ----------
    (
        "mum has alzheimers and since yesterday shes far more confused than normal, seeing "
        "things at night, and her wee smells awful. eating, walking, no temperature",
        "urgent",
    ),
    (
        "my husband has vascular dementia. since this morning he is suddenly much more "
        "muddled and going to the toilet all the time, strong urine. no fever, drinking tea",
        "urgent",
    ),
    (
        "grandad has dementia and has become more confused since yesterday, his pee is cloudy "
        "and smelly, he's eating fine. is this the dementia getting worse?",
        "urgent",
    ),
    # near misses: a danger sign with the confusion stays 999
    (
        "dad has dementia, since yesterday he is suddenly much more muddled, his wee stinks "
        "and he has a high temperature and is shivering",
        "emergency",
    ),
    (
        "nan has dementia and since last night she is confused and very drowsy, hard to wake, "
        "smelly wee",
        "emergency",
    ),
    (
        "mum has dementia, more confused since yesterday, strong smelling wee, and she fell "
        "and hit her head this morning",
        "emergency",
    ),
    # -- red pee just once after exercise, normal since, well (NHS blood in urine: see a GP
    # even if it goes, not the same day) -------------------------------------------------
    (
        "ran a marathon on sunday and afterwards my wee was pinkish once, normal after that, "
        "feel well",
        None,
    ),
    ("after a long cycle my pee looked red just the once, clear since, no pain", None),
    (
        "did a 10k saturday, pee was reddish the one time after, fine since then. should i "
        "get it checked?",
        None,
    ),
    # near misses: blood now, back again, clots or pain
    ("my wee was red once yesterday and again this morning", "urgent"),
    ("blood in my pee once after a run and now im passing clots and it hurts", "urgent"),
    ("my urine has gone red today, no pain", "urgent"),
    # -- a bleed a hospital stopped days back, nothing since (NHS nosebleed: cauterisation;
    # NHS cuts) -----------------------------------------------------------------------------
    (
        "nosebleed wouldnt stop a few days ago so the hospital cauterised it, been fine since. "
        "when can i blow my nose?",
        None,
    ),
    (
        "my son had a nosebleed on saturday that would not stop, a&e packed it, no bleeding "
        "since. can he play rugby?",
        None,
    ),
    (
        "cut my thumb last week and it wouldnt stop bleeding, it was glued at the minor "
        "injuries unit, all good since. can i swim?",
        None,
    ),
    # near misses: bleeding again now, or a nosebleed going on now
    (
        "nose was cauterised last week after a bleed that wouldnt stop and now its bleeding "
        "again and wont stop",
        "emergency",
    ),
    ("my nose has been bleeding for 40 minutes and wont stop despite pinching", "emergency"),
    ("cut my hand on a knife and it wont stop bleeding", "emergency"),
    # -- bruising and swelling after a vasectomy getting less, no fever (NHS vasectomy
    # recovery) ---------------------------------------------------------------------------
    (
        "vasectomy on friday, scrotum still a bit swollen and bruised but its going down "
        "every day, no temperature",
        None,
    ),
    (
        "had the snip last week, swelling in my balls getting smaller day by day, bit tender, "
        "no fever. how long does it last",
        None,
    ),
    (
        "five days after my vasectomy, the swelling of the scrotum is improving, a little "
        "bruising, no fever",
        None,
    ),
    # near misses: growing with a fever (urgent), sudden severe pain (999)
    (
        "four days since my vasectomy and the swelling of my scrotum is getting bigger and i "
        "have a fever",
        "urgent",
    ),
    ("vasectomy 3 days ago, scrotum swollen and red and hot, feel shivery", "urgent"),
    (
        "had a vasectomy a week ago, the bruising was improving but now sudden severe pain in "
        "one testicle",
        "emergency",
    ),
    # -- thirst, weeing and tiredness in an adult past 25 or with type 2 in the family, no
    # sign of type 1 (NICE NG28; NHS type 2 diabetes: a GP test) ---------------------------
    (
        "im 52, really thirsty all the time, weeing loads at night and feeling tired. my dad "
        "had type 2",
        None,
    ),
    ("always thirsty, weeing constantly and exhausted for a month, im 38", None),
    (
        "so thirsty lately and peeing all the time, tired too. my mum has type 2, should i "
        "get tested? 49 year old man",
        None,
    ),
    # near misses: a child or young adult, weight loss, sickness (urgent or 999)
    ("my 15 year old son is constantly thirsty, weeing all the time and tired out", "urgent"),
    (
        "im 44, very thirsty, weeing all the time, tired, and lost half a stone without trying",
        "urgent",
    ),
    ("im 23, constantly thirsty, peeing loads, tired all the time", "urgent"),
    (
        "so thirsty all the time, peeing all night, shattered. 61 year old woman, been "
        "vomiting today",
        "emergency",
    ),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round156_bleeding(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
