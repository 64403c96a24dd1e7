"""Set 26 (rounds 172-176) by kind: emergencies and urgent cases the flags missed.

Two or more small magnetic balls or beads swallowed (NHS swallowed objects; MHRA and RoSPA
magnet warnings: A&E now); an insulin pump that has failed with no back-up pens or insulin
to hand (Diabetes UK pump failure; NHS insulin); a child given children's paracetamol more
than 4 times in a day or by two carers at once (NHS paracetamol for children; NPIS); new
foot drop with sciatica or back pain (NICE CKS sciatica); methotrexate with a new cough or
breathlessness (BNF, MHRA and NHS methotrexate); cloudy peritoneal dialysis fluid (NHS
dialysis; ISPD peritonitis); a gastrostomy feeding tube come out (NHS and BAPEN gastrostomy
advice); a strong opioid run out or the last patch on (NHS 111 emergency supply); the face
or eyelids swelling after hair dye (NHS hair dye reactions). Each kind with near misses:
general questions, a back-up in use and a long-standing weakness stay without a flag, and
lips, tongue or breathing stay emergencies. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- two or more magnets swallowed ------------------------------------------------------
    (
        "my 4 year old swallowed three of those magnetic beads from his sisters bracelet, hes fine",
        "emergency",
    ),
    (
        "my daughter says she swallowed a couple of the tiny magnet balls off the fridge set",
        "emergency",
    ),
    (
        "teenager swallowed two magnetic piercing balls pretending to have a tongue stud",
        "emergency",
    ),
    # near miss: a question asked ahead
    ("what if he ever swallowed some of the magnetic balls", None),
    # -- an insulin pump failed with no back-up insulin -------------------------------------
    ("my omnipod failed this morning and i havent got any pens, sugar 15", "urgent"),
    ("my tandem pump is showing an error and ive run out of spare pens, type 1", "urgent"),
    (
        "insulin pump has packed up, my back up pens are at my dads and glucose is 17",
        "urgent",
    ),
    # an insulin pump that stopped working, told with diabetes words, is not a reliever that
    # is not working
    ("insulin pump stopped working on holiday, no back up insulin with me, bms 18", "urgent"),
    # near misses: back-up pens in use, a breast pump; an asthma pump not working stays 999
    ("my blue pump isnt working, wheezy and my chest is tight", "emergency"),
    ("my pump died but im on my back up pens now, sugars fine", None),
    ("my breast pump broke and i have no spare", None),
    # -- children's paracetamol given too often ---------------------------------------------
    ("my wife and i have both given him calpol today without telling each other", "urgent"),
    ("we double dosed our 2 year old with calpol by mistake", "urgent"),
    (
        "grandma and me both been giving her calpol, worked out its 6 doses in the last 24 hours",
        "urgent",
    ),
    # near misses: a question, alternating with ibuprofen
    ("can i give calpol 5 times in 24 hours?", None),
    ("alternating calpol and nurofen, given 6 doses in 24 hours", None),
    # -- new foot drop with back pain -------------------------------------------------------
    ("back pain and since this morning i cant lift my foot up properly, its dragging", "urgent"),
    ("slipped disc, my left foot started slapping on the floor yesterday", "urgent"),
    ("sciatica and suddenly cant raise my toes on the right", "urgent"),
    # near miss: long-standing
    ("had foot drop for years since my stroke", None),
    # -- methotrexate with a new cough or breathlessness ------------------------------------
    ("on methotrexate and got a new dry cough for 3 days", "urgent"),
    ("weekly metoject injections, started coughing yesterday and get puffed out quickly", "urgent"),
    ("take mtx every friday, past few days im breathless on the stairs", "urgent"),
    # near miss: a general question
    ("can methotrexate cause a cough?", None),
    # -- cloudy peritoneal dialysis fluid ---------------------------------------------------
    ("my dads on peritoneal dialysis and his drain bag came out cloudy today", "urgent"),
    ("capd bag is milky this morning and tummy sore", "urgent"),
    ("doing apd overnight, the effluent looks murky and hazy", "urgent"),
    # near miss: a general question
    ("why does pd fluid go cloudy", None),
    # -- a gastrostomy feeding tube come out ------------------------------------------------
    ("my sons mic key button fell out an hour ago", "urgent"),
    ("gastrostomy tube pulled out by my mum overnight, shes fine", "urgent"),
    ("the peg has slipped right out, balloon seems to have gone down", "urgent"),
    # near miss: asked ahead
    ("what do we do if the peg tube falls out", None),
    # -- a strong opioid run out ------------------------------------------------------------
    ("ran out of oxycontin, last dose was this morning, gp shut for easter", "urgent"),
    ("my mums butrans patch prescription hasnt arrived and her last patch is on", "urgent"),
    ("ran out of morphine sulphate, shaky and sweaty", "urgent"),
    # near miss: a planned taper
    ("tapering off my fentanyl patches with the pain clinic, last one is on", None),
    # -- face or eyelids swelling after hair dye --------------------------------------------
    ("dyed my eyebrows yesterday and now my eyes are swollen shut", "urgent"),
    ("after colouring my hair my forehead and eyelids are puffy and weeping", "urgent"),
    ("hair dye at the weekend, scalp and ears swollen and crusting, breathing fine", "urgent"),
    # near miss: lips, tongue and breathing stay 999
    ("hair dye reaction, my lips and tongue are swelling and its hard to breathe", "emergency"),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round176_missed(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
