"""Rounds 117-121 by kind: care at the end of life and after treatment, and crisis words read
in context. Breathing that pauses or rattles and cool, blotchy skin in someone known to be dying
at home or in a hospice, with a palliative team or a DNACPR (NICE NG31: the hospice or district
nurse line, not 999); thoughts of ending one's life told with no plan and no intent to act (an
urgent reply with the crisis line, not 999); a self-harm cut that has stopped bleeding but gapes
(same-day care); a bottle of sauce or water downed on a dare; "am I going to die?" asked after
reading other people's stories; a bottom gone numb from hours in a chair; piles "since my
pregnancy"; clot-prevention injections or a blood thinner run out; and, on chemotherapy or
immunotherapy, diarrhoea, a new cough or breathlessness, or a chickenpox contact (UKONS triage:
the 24-hour line today). Each kind with several wordings, and near misses that must stay
emergencies (or urgent). Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- expected changes in the last days of life (NICE NG31; NHS end of life care) -------
    (
        "Dad is in the hospice now and they think it's a matter of days. His breathing has gone "
        "noisy and rattly this evening but he's asleep and settled. Is he drowning?",
        None,
    ),
    (
        "my nan is dying at home, the palliative nurses visit daily. her breathing sounds "
        "gurgly and the nurse said that is expected. she seems comfortable",
        None,
    ),
    (
        "Husband has end of life care at home and a DNACPR. Tonight his breathing is shallow and "
        "noisy and his feet feel cool. Who do we phone, or do we just sit with him?",
        None,
    ),
    # near misses: the same breathing in someone not known to be dying, or distress or choking
    ("my dad's breathing is noisy and rattly tonight and he won't wake up properly", "emergency"),
    ("my little boy went under at the pool and nearly drowned, he keeps coughing", "emergency"),
    (
        "Grandad is in the hospice but tonight he is choking on his drink and gasping for breath",
        "emergency",
    ),
    # -- thoughts of ending life, no plan and no intent (NHS help for suicidal thoughts) ------
    (
        "I've been thinking about ending my life a lot lately. I have no plan and I would never "
        "act on it, but I'm struggling and need to speak to someone today.",
        "urgent",
    ),
    (
        "thoughts of ending my own life keep coming back this week. no plans, not going to do "
        "anything, just really low and dont know where to turn",
        "urgent",
    ),
    (
        "I keep wishing I could end my life. I don't have any intention of doing anything, "
        "I just need to talk to someone.",
        "urgent",
    ),
    # near misses: a plan, means or a time
    (
        "I've been thinking about ending my life and I have the tablets saved up for tonight",
        "emergency",
    ),
    ("I'm going to end my life tonight, I've written the letters", "emergency"),
    ("I want to take my own life, I've bought a rope", "emergency"),
    # -- a self-harm cut that has stopped bleeding but gapes (NHS self-harm; NHS cuts) ------
    (
        "I cut my arm on purpose last night. It stopped bleeding ages ago but it's gaping a bit "
        "and I think it might need stitches?",
        "urgent",
    ),
    (
        "scratched my thigh deliberately with a blade, it's not bleeding now but the edges won't "
        "close. do i need steri strips or a nurse",
        "urgent",
    ),
    (
        "cut my wrist on purpose yesterday, bleeding has stopped, it's gaping open. I feel "
        "okay in myself now, just worried about it healing",
        "urgent",
    ),
    # near misses: still bleeding, or with a wish to die
    ("i cut my arm on purpose and it won't stop bleeding", "emergency"),
    (
        "cut my leg on purpose, it stopped bleeding and gapes but i want to die",
        "emergency",
    ),
    # -- food or drink downed on a dare (NHS indigestion; NHS vomiting) ----------------------
    (
        "my brother drank a whole bottle of hot sauce for a bet last week and was sick, he's "
        "fine now. could it have hurt his stomach?",
        None,
    ),
    (
        "I ate a whole bag of chilli peppers at a party and had belly ache all night, fine now",
        None,
    ),
    (
        "my son downed a whole bottle of ketchup for a video, threw up, is that bad for him",
        None,
    ),
    # near misses: a bottle of tablets or drink with a sign
    ("my mate downed a whole bottle of paracetamol an hour ago", "emergency"),
    ("she took a whole packet of her sleeping tablets", "emergency"),
    # -- "am I going to die?" after reading other people's stories (NHS health anxiety) -----
    (
        "am I going to die? I read posts about people whose headache was a brain bleed and now "
        "I can't sleep for worrying. I have no headache.",
        None,
    ),
    (
        "is he going to die? my husband read articles about men whose back pain turned out to "
        "be an aneurysm and he's terrified, he feels fine",
        None,
    ),
    (
        "Am I going to die young? I've been watching videos of people whose palpitations were "
        "a heart problem. I feel okay.",
        None,
    ),
    # near misses: the writer's own pain now, or a wish to die
    (
        "I read stories about people whose chest pain was a heart attack and now I have "
        "crushing chest pain going into my arm",
        "emergency",
    ),
    ("I want to die, I can't do this any more", "emergency"),
    # -- a bottom gone numb from long sitting (NHS pins and needles) ------------------------
    (
        "sat on the coach for 7 hours and my bum went numb, my legs went to sleep too. fine "
        "once I walked about",
        None,
    ),
    (
        "after sitting at my desk for 4 hours my bottom goes numb, any cushion tips?",
        None,
    ),
    (
        "long-haul flight, 9 hours sat in the same seat, bum completely numb haha",
        None,
    ),
    # near misses: bladder trouble, a bad back or numbness that stays
    (
        "sat for 5 hours and my bum went numb, now I can't pee and my back is agony",
        "emergency",
    ),
    (
        "after sitting for 3 hours my bottom went numb and it is still numb since yesterday",
        "emergency",
    ),
    # -- piles since an old pregnancy (NHS piles) --------------------------------------------
    (
        "bright red blood on the paper once after straining, I've had piles since my pregnancy. "
        "Is it anything?",
        None,
    ),
    (
        "piles flared up again, they started since my first pregnancy, a little bright red "
        "blood when I wipe",
        None,
    ),
    (
        "my wife has had haemorrhoids since her pregnancy and noticed bright red blood on the "
        "tissue this morning, just once",
        None,
    ),
    # near misses: a pregnancy now with heavy bleeding
    ("I'm 11 weeks pregnant and bleeding heavily with clots", "emergency"),
    ("pregnant with my second, soaking a pad an hour with bright red blood", "emergency"),
    # -- clot-prevention injections or a blood thinner run out (NICE NG89; NHS) ---------------
    (
        "sent home after my hip operation with clexane injections for 4 weeks but I've run out "
        "after 2, what do I do?",
        "urgent",
    ),
    (
        "ran out of my apixaban yesterday and the pharmacy can't get more until Monday",
        "urgent",
    ),
    (
        "missed yesterday's blood thinning injection because the box ran out early, the "
        "surgery can't see me",
        "urgent",
    ),
    # near miss: a supply to collect before it runs out is routine
    ("I'll need more rivaroxaban before I run out next month, how do I order it?", None),
    # -- on cancer treatment: diarrhoea, cough or breathlessness, chickenpox contact (UKONS) --
    (
        "On FOLFOX, diarrhoea 6 times today, watery, no blood, temperature 36.8, drinking fine",
        "urgent",
    ),
    (
        "second cycle of chemo, had the runs since last night, about 5 times, feel ok otherwise",
        "urgent",
    ),
    (
        "I'm on nivolumab and I've had a new dry cough for a week and get more out of breath on "
        "the stairs. No fever.",
        "urgent",
    ),
    (
        "halfway through my chemo and I was with my nephew all afternoon, today he came out in "
        "chickenpox. I feel fine",
        "urgent",
    ),
    (
        "on immunotherapy for lung cancer, spent the weekend with my granddaughter who has "
        "measles now",
        "urgent",
    ),
    # near misses: a temperature on chemo is 999 (neutropenic sepsis); finished long ago or a
    # general question is not urgent
    ("on chemo, day 8, temperature 38.5 and shivering", "emergency"),
    ("finished chemo two years ago, I've had a cough for a few days with a cold", None),
    ("can I have the flu jab while I'm on chemo?", None),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round121_care_and_crisis(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
