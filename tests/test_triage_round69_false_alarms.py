"""Rounds 67-69 false-alarm kinds: a programme, advert, news story, post or leaflet that shows
or names an emergency; a texted "how do u tell" question; what to do to stop people getting
ill; whether a treatment works for every kind; a fear that an illness is building up unnoticed;
a nosebleed on a blood thinner that stopped with pinching and did not come back; a COPD oxygen
reading at the person's own usual level; a choking episode weeks back behind a swallowing plan;
a stash of tablets looked for and not found, with no plan mentioned; self-harm stopped for
months and a question about coping with urges; a suicide attempt decades ago. Each kind with
wordings that must stand down and near misses that must still fire. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- media that shows or names it (NHS: know the signs) ---------------------------------
    ("I watched a documentary about meningitis last night, what should parents look for?", None),
    ("a TV programme on strokes said to act FAST, what does the A stand for?", None),
    (
        "the leaflet inside the ibuprofen box mentions overdose, how long should doses be apart?",
        None,
    ),
    ("an advert showing a woman collapsing from cardiac arrest made me want to learn CPR", None),
    (
        "there was a story on the news about a toddler who swallowed a battery, how common is it?",
        None,
    ),
    (
        "in a soap last week a character had a seizure, is it right to put something in their mouth?",
        None,
    ),
    (
        "after that advert with the man gasping for breath I keep checking my inhaler technique",
        None,
    ),
    # near misses: someone of the writer's own, or the writer, is ill now (in the next
    # sentence too: blotchy skin with confusion is a sepsis sign with no infection named)
    ("read an article on sepsis. Grandma's legs are blotchy and she is confused", "emergency"),
    ("saw a video on meningitis and mum has a rash that won't fade under a glass", "emergency"),
    ("saw a documentary about sepsis and my dad is confused and his skin is mottled", "emergency"),
    ("the leaflet mentions overdose. My son has swallowed twenty of my tablets", "emergency"),
    (
        "there was a story on the news about batteries and my daughter just swallowed one",
        "emergency",
    ),
    (
        "after that advert about strokes I noticed my husband's face has dropped and he can't speak",
        "emergency",
    ),
    # -- texted questions on how to tell two things apart ------------------------------------
    ("how do u even tell if ur mate has alcohol poisoning or is just wasted", None),
    ("how would ya actually know if someone has heatstroke vs just feeling hot", None),
    # near miss: a friend who cannot be woken now
    (
        "how do u tell if its alcohol poisoning, my mate is unconscious and we cant wake him",
        "emergency",
    ),
    # -- what to do to stop people getting ill (UKHSA heat-health; NHS heatstroke) -----------
    ("what should staff be doing to stop the children getting heatstroke on sports day?", None),
    ("what can we do to protect our elderly neighbours from heatstroke this summer?", None),
    # near misses: a resident hot, confused and dry now, in the same message or on its own
    ("our lodger is burning hot, not sweating and has gone confused", "emergency"),
    (
        "what should we do to stop anyone getting heatstroke? Mr B is hot, confused and has stopped sweating",
        "emergency",
    ),
    # -- whether a treatment works for every kind -------------------------------------------
    ("is activated charcoal used for all kinds of poisoning?", None),
    ("does an antidote work for every overdose or only some?", None),
    # near miss: a real overdose told after the question
    ("does naloxone work for any overdose? my brother took 40 tablets an hour ago", "emergency"),
    # -- a fear that it is building up unnoticed (NHS health anxiety) ------------------------
    ("my water infection has cleared, could sepsis be developing without me noticing?", None),
    # near miss: the signs are there now
    ("could sepsis be building up without me knowing? my mum is mottled and confused", "emergency"),
    # -- a nosebleed on a blood thinner, stopped with pinching (NHS nosebleed) ---------------
    (
        "Grandad is on apixaban and had a nosebleed this morning, it stopped after 8 minutes of pinching and has not come back",
        None,
    ),
    # near misses: still going after 20 minutes, a long one, or one that came back
    ("on warfarin and this nosebleed has gone on for 25 minutes and won't stop", "emergency"),
    (
        "dad's on edoxaban, the nosebleed stopped after 5 minutes of pressure but it's come back and won't stop",
        "emergency",
    ),
    ("my cough eased off but it's come back and won't stop at night", None),
    ("Mum takes rivaroxaban, her nosebleed has lasted over half an hour", "emergency"),
    # -- COPD oxygen at the person's own usual level (NICE NG115; BTS oxygen) ----------------
    (
        "He has COPD and his oxygen usually sits at 89-91, it read 90 today and he feels his normal self",
        None,
    ),
    # near miss: below the usual level and worse
    ("her sats usually sit at 91 but they've dropped to 84 and her lips look blue", "emergency"),
    # -- a choking episode weeks back behind a swallowing plan (NHS dysphagia) ---------------
    (
        "Dad was put on a soft diet after a choking incident 3 weeks ago, what foods are easiest?",
        None,
    ),
    # near misses: choking now
    (
        "after a choking episode last month mum is on thick fluids, and now she is choking on a biscuit and can't breathe",
        "emergency",
    ),
    ("my baby is choking and going blue", "emergency"),
    # -- a stash looked for and not found, with no plan mentioned (NICE NG225) ---------------
    (
        "my husband says he feels like a burden and we'd be better off without him. He hasn't talked about any plan and there's nothing stockpiled in the bathroom",
        "urgent",
    ),
    # near misses: a stash found, or a plan and a time
    (
        "he says we'd be better off without him and I found his tablets stockpiled in a shoebox",
        "emergency",
    ),
    (
        "nothing stockpiled that I can see but she says she will take all her pills tonight",
        "emergency",
    ),
    # -- self-harm stopped for months, asking how to cope with urges (NHS self-harm) ---------
    (
        "I've been self harm free for a year now but the urges come back in exam season, any distraction ideas?",
        None,
    ),
    ("used to self harm, clean for 5 months, what can I do instead when it gets hard?", None),
    # near misses: an act now, or a plan
    (
        "I was clean for 5 months but I self harmed tonight and it's still bleeding, what can I do instead?",
        "emergency",
    ),
    (
        "self harm free for 6 months but I have a blade and I want to use it, how do I cope?",
        "emergency",
    ),
    # -- a suicide attempt decades ago, in a care record (NICE NG225) ------------------------
    (
        "How do I word the history section for a resident who attempted suicide in the 1970s? She has been well for decades",
        None,
    ),
    # near miss: a new attempt now
    (
        "she overdosed back in the nineties and tonight she has taken a whole box of paracetamol",
        "emergency",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round69_false_alarm_kinds(triage: Triage, text: str, expected: str | None) -> None:
    assert flag_level(triage, text) == expected
