"""Round 106 by kind: medicines, contraception and hearing (rounds 102-106). A spreading,
blistering rash with a sore mouth or eyes on a new antiepileptic (an emergency), a new pill
pack started late or pills missed with sex since, clozapine missed for days, one ear muffled
since waking; and frames that are not urgent (heatstroke read about before a trip, one
combined pill less than a day late, a DVT already treated, normal paracetamol doses asked
about). Each kind with wordings that must stand down or fire, and near misses that must stay
emergencies or urgent. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- Stevens-Johnson syndrome on an antiepileptic (NHS Stevens-Johnson syndrome; MHRA
    # lamotrigine and carbamazepine: blistering skin with a sore mouth or eyes, A&E or 999) --
    (
        "on carbamazepine for 2 weeks. the rash on my back and arms has spread, parts of it "
        "have started blistering and my lips are crusted and my eyes are red.",
        "emergency",
    ),
    (
        "my son started lamotrigine last month and he has a rash on his tummy, some of it is "
        "peeling now. his mouth is sore with ulcers",
        "emergency",
    ),
    (
        "began phenytoin 10 days ago. red spots spreading on my neck, bits of them are "
        "blistering, and my mouth is raw.",
        "emergency",
    ),
    # a plain rash on a new antiepileptic stays urgent (MHRA: stop and get seen today)
    ("started lamotrigine 2 weeks ago and have a red itchy rash on my arms.", "urgent"),
    ("a few spots of rash on my legs since i went up on my lamotrigine dose", "urgent"),
    # -- a new pill pack started late, pills missed, with sex since (FSRH missed pill
    # guidance; NHS emergency contraception: may be needed today) -------------------------
    (
        "i didnt start my next pack of microgynon after the pill free week, im 2 days late "
        "now and we had sex without a condom on saturday. what should i do?",
        "urgent",
    ),
    (
        "forgot to start my new packet after the break, 4 days late starting it. slept "
        "together last night with no condom. am i covered?",
        "urgent",
    ),
    ("combined pill user, forgot 3 pills in the first week. upsi 40 hours ago. advice?", "urgent"),
    ("missed two of my pills at the start of the pack and had upsi yesterday, what now?", "urgent"),
    # one combined pill less than a day late mid-pack: no emergency contraception (FSRH)
    (
        "on yasmin, day 10 of the pack. missed last nights pill, took it at lunch today, about "
        "14 hours late. we had sex on saturday without a condom. should i get the morning "
        "after pill?",
        None,
    ),
    (
        "day 12 of my rigevidon. forgot my pill last night and took it this morning, less "
        "than a day late. had sex on friday, do i need emergency contraception?",
        None,
    ),
    # emergency contraception already taken, or the sex well over 5 days back (NHS
    # emergency contraception: up to 5 days)
    (
        "unprotected intercourse last tuesday at 9pm, i took an i-pill the next morning. "
        "could i be pregnant?",
        None,
    ),
    ("we had upsi 12 days back and now my period is late, am i pregnant?", None),
    # near misses: the mini pill late, two pills, or a pill taken late with sickness
    (
        "on cerazette, forgot yesterdays pill and took it this morning less than a day late. "
        "had sex last night. do i need the morning after pill?",
        "urgent",
    ),
    (
        "missed two pills in week 2, the second one is less than a day late. had sex last "
        "night, do i need the morning after pill?",
        "urgent",
    ),
    # -- clozapine missed for days (BNF and clozapine SmPC: more than 48 hours missed needs
    # re-titration; ring the clinic or prescriber today) -----------------------------------
    (
        "i take clozapine and ran out on friday, so no clozapine for 4 days now. can i just "
        "take my usual 300mg tonight?",
        "urgent",
    ),
    (
        "mum is on clozaril, she forgot it for two days while in hospital for her hip. should "
        "she restart at her normal dose?",
        "urgent",
    ),
    ("three days without his clozapine now, he wants to take the full dose tonight", "urgent"),
    # one missed dose, a day off work, or re-titration already under way: not this
    ("missed one clozapine dose last night, can i take it this morning?", None),
    ("im on clozapine, been off work for 3 days with flu, otherwise fine", None),
    (
        "he was off clozapine for a week, the clinic restarted him on a low dose and are "
        "building it back up",
        None,
    ),
    # -- one ear muffled since waking (NHS sudden hearing loss: urgent GP or 111; NICE CKS:
    # same-day or within 24 hours), even when the writer thinks it is wax -----------------
    (
        "my right ear went dull and muffled overnight, like im underwater. no pain, no cold. "
        "probably wax?",
        "urgent",
    ),
    (
        "since this morning the hearing in my left ear is muffled and i can hear a hiss. no "
        "earache. should i buy wax drops?",
        "urgent",
    ),
    (
        "woke on sunday with muffled hearing on the left side, no pain, no discharge. is it "
        "worth waiting a fortnight?",
        "urgent",
    ),
    ("woke up this morning with my other ear blocked and muffled. no cold at all.", "urgent"),
    # a cold, a flight, a swim, or a loss that came on over weeks: not sudden hearing loss
    (
        "ive had a stinking cold all week and since yesterday my left ear is blocked and muffled",
        None,
    ),
    ("my left ear has been muffled for weeks, i think its wax building up slowly", None),
    ("flew back from spain yesterday and my right ear is still blocked and muffled", None),
    ("went swimming this morning and my left ear is muffled with water in it", None),
    # -- heatstroke read about before a trip (NHS heat exhaustion and heatstroke: prevention) -
    (
        "im on lithium and going to greece in july. i read that the heat can push levels up "
        "and people end up with heatstroke. any tips?",
        None,
    ),
    ("my son is on lithium and we fly to dubai next month. how do we avoid heatstroke?", None),
    # near misses: heatstroke now
    ("i think my wife has heatstroke, she is hot and floppy", "emergency"),
    ("someone at the festival got heatstroke and isnt making sense", "emergency"),
    (
        "ive heard about heatstroke before, but my friend collapsed in the sun and is hot and "
        "not sweating and confused",
        "emergency",
    ),
    # -- a DVT already diagnosed and treated (NHS DVT: anticoagulant treatment; GP or 111 if
    # it gets worse) ---------------------------------------------------------------------
    (
        "diagnosed with a dvt in my thigh on monday and given apixaban. leg already feels "
        "better, no breathing problems. is it ok to fly in a month?",
        None,
    ),
    (
        "the hospital found a dvt in my leg last week and put me on rivaroxaban, feeling fine "
        "now. can i have a glass of wine?",
        None,
    ),
    # near misses: worse since, or breathless now
    (
        "they found a dvt in my calf last week and put me on apixaban. today my leg is much "
        "more swollen and hot",
        "urgent",
    ),
    (
        "had a scan last week, it showed a dvt, started on rivaroxaban. now im short of breath "
        "and my chest hurts when i breathe in",
        "emergency",
    ),
    ("i think i have a dvt, my calf is swollen and red. im on the pill", "urgent"),
    # -- normal doses, worried about overdosing (NHS paracetamol and ibuprofen for adults) --
    (
        "i know you can overdose on ibuprofen so just checking. ive had 400mg at 8am and 400mg "
        "at 2pm for my back. ok to take another 400 at 9pm?",
        None,
    ),
    (
        "ive read you can overdose on paracetamol easily. i took 2 this morning and 2 at lunch "
        "for a toothache, can i have 2 more tonight?",
        None,
    ),
    # near misses: a lot taken, or signs after it
    ("i know you can overdose on paracetamol and i took 16 today", "emergency"),
    (
        "i know you can overdose on paracetamol. i took 2 at 9 and now i feel sick and my "
        "tummy hurts",
        "emergency",
    ),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round106_medicines(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
