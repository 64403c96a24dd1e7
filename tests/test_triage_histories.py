"""Long medical histories (round 40): past events told by age, month, year or admission are
history, a bare "N months" span is no baby's age, and something acute now late in a long
history still fires. Each kind with wordings that must get the intended level and near
misses the other way. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- an age given for a past event ------------------------------------------------------
    ("I'm 40 now, I had my first fit at 22 and none since, can I stop the tablets?", None),
    ("my brother had his first seizure at 31 on holiday, does epilepsy run in families?", None),
    ("she was admitted with a first seizure aged 15, is it ok for her to swim?", None),
    # near misses: happening now, or a reading rather than an age
    ("my husband just had his first seizure at the dinner table", "emergency"),
    ("my dad is having his first ever seizure right now", "emergency"),
    # -- a history told by month ------------------------------------------------------------
    ("In June I had clots in both lungs after my knee op, should I carry on the apixaban?", None),
    ("in feb he had a clot in his lung, now he wants to go skiing, any advice?", None),
    ("back in october i had a pulmonary embolism, can i go on the pill again?", None),
    # near misses: a date still to come, or now
    ("I'm due in March and I'm pregnant with heavy bleeding and clots", "emergency"),
    ("clot in my lung found today, I'm coughing blood", "emergency"),
    # -- diagnosed in a year after an event --------------------------------------------------
    ("diagnosed 2018 after I lost vision in my left eye for a week, still on the same drug", None),
    ("MS confirmed 2021 after she lost vision in her right eye, is ocrelizumab better?", None),
    ("2016 after he lost the sight in one eye they found a blocked artery, can he drive?", None),
    # near misses: now
    ("I lost vision in my right eye an hour ago and it came back", "emergency"),
    ("he has just lost the sight in his left eye", "emergency"),
    # -- an admission or a diagnosis is over ------------------------------------------------
    ("type 1 since age 4, one admission with DKA when diagnosed, now asking about pumps", None),
    ("she was admitted with DKA at diagnosis, can she do the school trip?", None),
    ("two admissions for DKA as a teen, what HbA1c should I aim for?", None),
    # near misses: happening now
    (
        "my son is type 1 and I think he is in DKA, vomiting and breathing deep and fast",
        "emergency",
    ),
    ("type 1 diabetic, ketones 4.2, being sick and drowsy", "emergency"),
    # -- "every 6 months" is no baby's age --------------------------------------------------
    ("her weight has dropped from the 50th centile, checked every 6 months, is that ok?", None),
    ("for 6 months his growth dropped off the chart, should we stop the tablets?", None),
    ("bloods every 3 months, and his level dropped from 90 to 60, what does that mean?", None),
    # near misses: a baby's age
    ("my 6 month old rolled off the bed and hit her head", "emergency"),
    ("baby is 4 months and fell from the sofa onto the tiles", "emergency"),
    # -- a tight band behind the breastbone going to the arm or jaw -------------------------
    ("a tight band behind my breastbone going into my left arm for 20 minutes", "emergency"),
    ("feels like a band round my chest, going to my jaw, sweating", "emergency"),
    ("a vice behind his breastbone and it is spreading up into his neck", "emergency"),
    # near misses: no spread, or a past episode
    ("my bra band digs into my chest when I sit, is that normal?", None),
    ("a tight band across my chest with a cold and a cough, no spread", None),
    # -- a seizure going on for minutes and not stopping ------------------------------------
    ("she has epilepsy and has been on the floor for 6 or 7 minutes jerking", "emergency"),
    ("his seizures normally stop quickly but he is jerking and it isnt stopping", "emergency"),
    ("epileptic son, has been for about ten minutes now, he is still shaking", "emergency"),
    # near misses: over, or about seizures in general
    ("her seizures usually last 2 minutes and stop on their own, can she swim?", None),
    ("he had a seizure last year that lasted ten minutes, can he drive now?", None),
    # -- a COPD flare-up: more breathless and phlegm changed --------------------------------
    ("I have COPD and my phlegm has gone green and thick, and I'm more breathless", "urgent"),
    ("emphysema, more sputum that is yellow, needing my inhaler every 2 hours", "urgent"),
    ("copd flare I think, brown thick mucus and more out of breath than usual", "urgent"),
    # near misses: no flare-up now
    ("I have COPD, is pulmonary rehab worth doing?", None),
    ("COPD used to give me green phlegm in the past and I was more breathless", None),
    # -- an operation wound leaking pus-like fluid ------------------------------------------
    ("my c section wound is red and leaking yellow smelly fluid", "urgent"),
    ("keyhole op last week, one cut is hot and swollen with pus coming out", "urgent"),
    ("the incision is oozing cloudy fluid and looks angry and red", "urgent"),
    # near misses: healing, or not a wound
    ("my stitches look fine, a little clear fluid, no redness", None),
    ("my operation scar itches, is that normal?", None),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_history_kinds(triage: Triage, text: str, expected: str | None) -> None:
    assert flag_level(triage, text) == expected
