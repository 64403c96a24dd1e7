"""Round 166 by kind: diabetes and medicines. Blood ketones of 1.5 to 2.9 in type 1
diabetes after a missed dose or with high sugars, with vomiting denied ("not throwing up",
"no vomiting", "hasnt been sick"): call the diabetes team or 111 today, not 999; and a
relative's anaphylaxis long ago (in the 90s, back in 2003, as a child) or one asked about
as something that may run in families, with no sign of a reaction now: a question for a GP.
Each kind with near misses that must stay emergencies: ketones of 3 or more, vomiting with
raised ketones, an anaphylaxis happening now. And "if she ever gets chest pain and goes
breathless, what is that": a question about one day from someone well today, not a report.
Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- ketones 1.5 to 2.9, vomiting denied, high sugars (Diabetes UK: 1.5 to 2.9, call the
    # team; NHS diabetic ketoacidosis: 3 or more, vomiting, drowsiness or fast breathing, 999)
    (
        "type 1 here, skipped my basal last night by mistake. sugars sitting at 19 to 23 since "
        "lunch and ketones just read 2.1. queasy but not throwing up. clinic line is shut",
        "urgent",
    ),
    (
        "my son is type 1, ketones 1.8 this evening and his sugar has been 20-24, no vomiting, "
        "still eating a bit. who do we ring?",
        "urgent",
    ),
    (
        "T1 diabetic, blood ketones are 2.6 and glucose 21. havent been sick, just a bit tired. "
        "what now?",
        "urgent",
    ),
    (
        "insulin dependent, forgot my lantus, sugars 22 all afternoon, ketones 1.6, feeling a "
        "bit sick but not vomiting",
        "urgent",
    ),
    # near misses: ketones of 3 or more, or vomiting with raised ketones
    ("type 1, ketones 3.3 and sugar 24, not vomiting yet", "emergency"),
    ("type 1 diabetic, ketones 2.4, sugars 22 and I keep throwing up", "emergency"),
    ("my daughter has type 1, ketones 2.0 and she has been sick twice, sugar 25", "emergency"),
    ("type 1, sugar 26 and ketones 1.7, breathing fast and deep, drowsy", "emergency"),
    # -- a relative's anaphylaxis long ago, or asked about as running in families (NHS
    # penicillin allergy; NICE CG183 drug allergy: a GP for advice) -------------------------
    (
        "my dad went into anaphylactic shock from penicillin back in 2003. i have been given "
        "amoxicillin for a chest infection, am i likely to react as well?",
        None,
    ),
    (
        "my grandma had an anaphylactic reaction to a wasp sting in the 80s. is that kind of "
        "allergy hereditary?",
        None,
    ),
    (
        "my brother nearly died of co-amoxiclav in the nineties, went into anaphylactic "
        "shock. my gp wants me on flucloxacillin, does that mean i am allergic too?",
        None,
    ),
    # near misses: an anaphylaxis happening now
    (
        "my mum went into anaphylactic shock to penicillin in the 80s and now her lips are "
        "swelling after a dose of amoxicillin",
        "emergency",
    ),
    ("my mum is having anaphylaxis, does that mean im allergic too", "emergency"),
    ("i think im having anaphylaxis, my throat is tight after prawns", "emergency"),
    # -- "if she ever gets chest pain": a question about one day, well today (NHS sickle
    # cell disease: know the signs of acute chest syndrome) -----------------------------------
    (
        "If my son with sickle cell ever gets chest pain and is short of breath, what would "
        "that mean? The clinic mentioned acute chest syndrome. He is well today.",
        None,
    ),
    (
        "if our daughter ever has chest pain and goes breathless, is that acute chest syndrome? "
        "just reading the sickle cell leaflets, she's fine",
        None,
    ),
    (
        "if my husband ever gets crushing chest pain and goes breathless, what is that? asking "
        "for the future, he's well",
        None,
    ),
    # near misses: the signs now
    ("my daughter has sickle cell and has chest pain and is breathless now", "emergency"),
    (
        "she has sickle cell and if she ever got chest pain we were told to call. she has chest "
        "pain now and is breathless",
        "emergency",
    ),
    # -- muscle pain or weakness on a statin with darker wee (NHS atorvastatin; MHRA statins:
    # stop and get advice today) --------------------------------------------------------------
    (
        "started simvastatin six weeks ago, now my legs and shoulders ache and feel weak and "
        "my wee is darker than usual. should i keep taking it?",
        "urgent",
    ),
    (
        "on rosuvastatin, arms really sore and weak this week, no gym, and my urine has gone "
        "darker",
        "urgent",
    ),
    (
        "my dad is on atorvastatin and says his thighs are aching, his pee looks darkish too",
        "urgent",
    ),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round166_medicines(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
