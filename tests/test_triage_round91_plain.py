"""Round 91 by kind: plain, literal writing (short sentences, "can not", "big" for swollen,
"down there"). Emergencies told plainly (anaphylaxis, cauda equina), urgent signs told plainly
(a dental abscess swelling the face, something in the eye with sight fine), and frames that
are not emergencies (a news story with a safety question, chest wall pain that pressing or
twisting brings on, a fire alarm that sets off panic, a care plan's "call 999 if ..."). Each
kind with wordings that must stand down or fire, and near misses that must stay emergencies.
Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- anaphylaxis told plainly (NHS anaphylaxis: swollen lips, tongue or throat, trouble
    # swallowing or a changed voice after a trigger, call 999) ----------------------------
    (
        "i had peanuts by mistake at a wedding. my lips are fat now. my voice is croaky.",
        "emergency",
    ),
    (
        "i am allergic to prawns and ate some. my mouth is big and puffy. i can not swallow my spit.",
        "emergency",
    ),
    ("i am allergic to nuts. my throat feels small and tight. i think i ate some.", "emergency"),
    ("a bee stung me on the neck. my throat feels narrow inside.", "emergency"),
    ("after a wasp sting my tongue is big.", "emergency"),
    # not an allergy: lips big from filler, a big smile
    ("my lips are big because i had filler last week. the clinic said that is normal.", None),
    ("my nephew is allergic to nuts. he has a big smile today.", None),
    # -- cauda equina told plainly (NHS cauda equina syndrome: numb around the bottom with a
    # bladder change or weak legs, go to A&E now), with a long-standing bad back ------------
    (
        "my back has hurt for a long time. since this morning it is numb down there and i wet myself without knowing.",
        "emergency",
    ),
    (
        "i have had a bad back for years. now when i wipe i can not feel the toilet paper. both my legs are weak.",
        "emergency",
    ),
    (
        "my back is sore. i can not feel the tissue when i wipe. my wee came out by itself.",
        "emergency",
    ),
    (
        "back pain for ages. today i can not feel the paper when i wipe and i did not know the wee was coming out.",
        "emergency",
    ),
    # numb from a long bike ride, or after a birth with stitches: not this
    (
        "bad back on and off for ages. it went numb down there after i rode my bike for 3 hours. legs fine.",
        None,
    ),
    ("i had a baby last week. it is still a bit numb down there after the stitches.", None),
    # -- dental abscess with the face swelling (NHS dental abscess: urgent dentist or 111) --
    ("my tooth has hurt for days. my jaw on that side is big and puffy and i feel hot.", "urgent"),
    ("bad tooth at the back. my cheek is puffy and i have a fever. i can breathe fine.", "urgent"),
    # near miss: the swelling now affects breathing and swallowing
    (
        "my tooth hurts and my cheek is big and swollen. now i can not breathe properly and can not swallow.",
        "emergency",
    ),
    # -- something in the eye, sight fine (NHS eye injuries: something that will not wash out,
    # get it seen today) ----------------------------------------------------------------
    (
        "i was sanding wood and some dust went in my eye. it feels sandy and watery. i can see fine.",
        "urgent",
    ),
    (
        "a bit of grit went in my left eye at work. i rinsed it. it is still in there i think. it is watery.",
        "urgent",
    ),
    # near misses: a fragment at speed that hurts with blurred sight; a chemical splash
    (
        "a bit of metal flew into my eye when i was grinding. now it really hurts and my sight is blurry.",
        "emergency",
    ),
    ("bleach splashed in my eye when i was cleaning. it burns and i can not open it.", "emergency"),
    # -- a news story, then a safety question (NHS: button batteries, keep them out of reach) --
    (
        "i heard on the radio that a girl swallowed a button battery and got very ill. how do i keep the remote batteries away from my grandson?",
        None,
    ),
    (
        "i read in the paper a toddler swallowed a magnet. what is the best way to keep them safe?",
        None,
    ),
    # near misses: someone of the writer's own swallows one
    ("i saw on the news about button batteries and my son has just swallowed one.", "emergency"),
    (
        "saw on the news a boy swallowed a battery. now my daughter has swallowed a battery from a toy.",
        "emergency",
    ),
    # -- chest wall pain that pressing or twisting brings on, with no red feature (NHS chest
    # pain: a strained muscle or rib; see a GP or 111 if it does not settle) ----------------
    (
        "i lifted a heavy wardrobe with my dad on sunday. now the middle of my chest is sore when i push on it and when i turn. it is fine when i lie still. i am 30. i am not sweaty or sick.",
        "urgent",
    ),
    # near misses: crushing or spreading pain, sweats and sickness, a heavy tight chest
    (
        "my chest hurts when i press on it. now it is crushing and goes down my left arm. i am sweaty.",
        "emergency",
    ),
    (
        "helped carry a heavy box. my chest hurts when i press it and i feel sick and sweaty now.",
        "emergency",
    ),
    ("i moved a heavy bed. my chest is heavy and tight and i feel sick", "emergency"),
    # -- a fire alarm that sets off panic (NHS panic disorder): no burn ------------------------
    (
        "when the smoke alarm goes off at school my chest goes tight and my heart goes fast. it stops when i go to a quiet place. is this anxiety?",
        None,
    ),
    (
        "i have autism. the fire drill at college makes me panic, my chest is tight and i shake. it passes in the sensory room.",
        None,
    ),
    # near misses: a real fire with deep or large burns
    (
        "our kitchen was on fire and my dad has burns all over his chest and the skin is peeling off.",
        "emergency",
    ),
    (
        "the fire alarm went off because my pan caught fire and i burnt my face, the skin is white.",
        "emergency",
    ),
    # -- a care plan's "call 999 if ...", asked about (NHS: care and support plans) -----------
    ("the asthma plan says call 999 if my lips go blue. what does blue mean?", None),
    ("how am i supposed to ring 999 if i can not breathe? who will do it?", None),
    (
        "my support worker says the plan tells staff to call an ambulance if i stop breathing. why?",
        None,
    ),
    # near misses: it is happening now
    (
        "my care plan says call 999 if i stop breathing. my mum has stopped breathing now.",
        "emergency",
    ),
    ("the plan says ring 999 if his lips go blue and his lips are blue now.", "emergency"),
    ("my care plan says call 999 if i stop breathing and i can not breathe now.", "emergency"),
    ("i can not breathe. how can i call if i can not speak?", "emergency"),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round91_plain(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
