"""Round 106 by kind: children's observations and clinicians' vignettes. A breathing rate is
read by the child's age where one is said outright ("4 months old", "2 year old", "18/12
girl"): NICE NG143 fever in under 5s counts a rate over 50 at 6 to 12 months or over 40 over
12 months as amber, over 60 at any age as red, and NEWS2's adult rate of 25 is normal for a
young child. A rate above the age's range, low sats, grunting, recession or flaring, a
speaker who is the patient, and a pregnancy or recent birth keep the emergency. Jaundice
only in a child's newborn past (NHS newborn jaundice) is not liver failure when a fever now
comes. A number after "rr", "hr" or "sats" is not a temperature. A teaching question about
what is done in cardiac arrest is no one's arrest. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- a breathing rate normal for the child's age, in clinicians' shorthand and lay words
    (
        "6 month old boy, fever 38.6 for a day. rr 44, sats 97%, no recession, cap refill "
        "under 2 seconds, feeding ok.",
        None,
    ),
    (
        "my 2 month old has a snuffly nose. i counted her breathing at 48 breaths a minute, "
        "she is feeding and pink.",
        None,
    ),
    (
        "2 year old with a cough for 3 days, temp 37.4, resp rate 36, sats 98 on air, no "
        "recession, playing.",
        None,
    ),
    ("4/12 baby boy, coryzal. RR 46, SpO2 99%, no grunting, feeding well.", None),
    ("our 3 year old has a cold, her breathing rate is 32 and she is running around.", None),
    ("7 year old girl, sore throat, RR 26, sats 99%, eating and drinking.", None),
    ("20/12 boy, temp 37.9, HR 120, RR 34, sats 98%, CRT 2s, alert and chatty.", None),
    # ... with a fever that is itself a reason to be seen today (NICE NG143 amber: 5 days or
    # more of fever)
    (
        "30/12 boy, temperature on and off for 6 days, up to 39.8. rr 32, sats 98%, crt "
        "under 2s, alert, cracked lips.",
        "urgent",
    ),
    # near misses: a rate above the age's range, or distress, low sats, a speaker who is the
    # patient, a recent birth: still emergencies
    ("my 3 month old is breathing 70 times a minute and grunting.", "emergency"),
    ("4 month old, rr 46, grunting with each breath, sats 96.", "emergency"),
    ("2 year old, rr 38, subcostal recession, sats 94.", "emergency"),
    ("my 18 month old, rr 48, pulling in under the ribs.", "emergency"),
    ("3 year old, resp rate 45, wheezy.", "emergency"),
    ("9 month old with RR 58 and a temperature.", "emergency"),
    ("1 year old, rr 44, blue around the lips.", "emergency"),
    ("6 week old, rr 48 and sats 92.", "emergency"),
    ("8 year old with asthma, rr 36 and cant finish sentences.", "emergency"),
    (
        "im 34 and my breathing rate is 30, feel awful. my 2 year old is at nursery.",
        "emergency",
    ),
    (
        "i had my baby 2 weeks ago and now i am breathless with a breathing rate of 28.",
        "emergency",
    ),
    ("my dad is 80, rr 28, sats 93, confused.", "emergency"),
    ("rr 32 and sats 96, i am 45 with pneumonia.", "emergency"),
    # -- jaundice only in a child's newborn past, with a fever now -------------------------
    (
        "my 5 month old son had newborn jaundice and needed the lights. now he has a temp "
        "of 39 but is feeding and giggling.",
        "urgent",
    ),
    (
        "she was jaundiced at birth and spent a week in special care. she is 2 now and has "
        "had a fever of 39.5 for 2 days, eating ok.",
        "urgent",
    ),
    (
        "10 month old girl, temperature 39.2 since last night. history: neonatal jaundice "
        "treated with phototherapy. drinking well, smiling.",
        "urgent",
    ),
    # near misses: jaundiced now, a baby a few days or weeks old, an adult yellow now
    ("my 5 day old baby is jaundiced and very sleepy, not feeding.", "emergency"),
    (
        "she had neonatal jaundice. now at 3 weeks old she is yellow again and has a fever of 38.",
        "emergency",
    ),
    (
        "had jaundice as a baby. now my eyes have gone yellow and i have a fever and feel "
        "confused.",
        "emergency",
    ),
    (
        "my 2 week old had jaundice in the neonatal unit and is still jaundiced and drowsy.",
        "emergency",
    ),
    # -- a rate or reading is not a temperature ("rr 40" is no fever of 40) ----------------
    ("5 month old, runny nose, rr 40, hr 140, sats 99, feeding normally.", None),
    ("toddler with a cold, aged 2, rr 38, playing and eating.", None),
    # near misses: a real temperature of 40 in a child stays
    ("my 2 year old has a temperature of 40 and is floppy and not drinking.", "emergency"),
    ("3 year old, temp 40, rr 30, not drinking since this morning.", "urgent"),
    # -- a teaching question about what is done in cardiac arrest in general, after a TV
    # drama (Resuscitation Council UK adult ALS: adrenaline goes IV or IO) ------------------
    (
        "watching a medical drama, a nurse injected adrenaline straight into the heart. what "
        "route is used in cardiac arrest really?",
        None,
    ),
    (
        "student paramedic here: what dose of adrenaline is given in cardiac arrest and how often?",
        None,
    ),
    # near misses: someone's arrest now
    (
        "my husband is in cardiac arrest, im doing cpr, what drugs in cardiac arrest should "
        "they give?",
        "emergency",
    ),
    ("my dad is in cardiac arrest. what dose do they give in cardiac arrest?", "emergency"),
    ("he collapsed and the paramedics say its a cardiac arrest", "emergency"),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round106_vignettes(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
