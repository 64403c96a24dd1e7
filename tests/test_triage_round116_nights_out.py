"""Round 116 by kind: alcohol, drugs, festivals and nights out. Figures of speech about aches
and bruises ("feel like I've been hit by a bus"), hard exercise called "killing myself" at the
gym or in training, "suicide Tuesday" as slang for a comedown's low mood, and a general
question whether blacking out is bad. Each kind with wordings that must stand down, and near
misses that must stay emergencies (a road injury, a collapse now, a real wish to die, a
drink-spiking with drowsiness now, chest pain after cocaine now). Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- hit by a bus or a lorry as a figure of speech, said of oneself (NHS bruises; NHS
    # sprains and strains) ------------------------------------------------------------------
    ("after the festival my whole body feels like i've been hit by a truck. any tips?", None),
    ("My arms look like I got run over by a lorry after the gig, bruises everywhere.", None),
    ("woke up feeling as if i was hit by a double decker, back and neck stiff from dancing", None),
    ("felt like i'd been flattened by a steamroller the day after the rugby social", None),
    # near misses: a real road injury
    ("my friend was hit by a bus outside the club and his leg looks broken", "emergency"),
    ("a man just got knocked down by a car on the high street, he's not moving", "emergency"),
    ("i was hit by a lorry on my bike and feel like i might pass out", "emergency"),
    # -- "killing myself" at the gym or in training: hard exercise (NHS exercise) --------------
    ("I've been killing myself at the gym all week and my calves are so tight", None),
    ("been killing myself doing squats, now i can't sit on the loo without wincing", None),
    ("killing myself on the treadmill to lose the holiday weight, knees ache. normal?", None),
    ("he's been killing himself in training for the marathon and his shins hurt", None),
    # near misses: a real wish to die
    ("I keep thinking about killing myself at the gym when nobody is around", "emergency"),
    (
        "killing myself in training is the only thing that helps, honestly i want to die",
        "emergency",
    ),
    ("i am going to kill myself tonight after the gym", "emergency"),
    # -- "suicide Tuesday": slang for the low days after ecstasy (FRANK MDMA: the comedown) ----
    (
        "proper suicide tuesday feeling, just low and tired after saturday's rave. how to perk up?",
        None,
    ),
    ("suicide tues hitting hard after the festival, no dark thoughts just meh. tips?", None),
    ("why do people get suicide tuesdays after pills at the weekend? is it serotonin?", None),
    # near misses: the slang with a real wish or plan
    ("it's suicide tuesday and I actually want to end my life, I have pills saved", "emergency"),
    ("suicide tuesday again but this time i'm planning to kill myself tonight", "emergency"),
    ("comedown blues are bad and I've been thinking I want to die", "emergency"),
    # -- a question whether blacking or passing out is bad (Drinkaware blackouts; NHS fainting)
    ("drank too much on friday, can't remember the taxi home. is blacking out bad for you?", None),
    ("quick q, is passing out after a big night dangerous? asking for next time", None),
    (
        "lost a chunk of last night after the shots, friends say i was fine. is blacking out normal",
        None,
    ),
    # near misses: passing out now, or with a head injury, or spiked and drowsy now
    ("she is passing out now after drinking and won't stay awake", "emergency"),
    ("is blacking out bad? he just blacked out and hit his head on the kerb", "emergency"),
    ("my drink was spiked and my friend is passing out in the toilets right now", "emergency"),
    ("took coke an hour ago and now i have crushing chest pain down my left arm", "emergency"),
    # -- a glass test the rash faded under, meningitis named only as the worry it ruled out
    # (NHS meningitis: the glass test) ---------------------------------------------------------
    (
        "panicked it was meningitis so pressed a glass on the red patch and it fades. it's from my new watch strap",
        None,
    ),
    (
        "rash where my festival band rubs, did the tumbler test in case of meningitis and the spots went white",
        None,
    ),
    (
        "itchy red bumps under the wristband. checked for meningitis with a glass, they blanch. cream?",
        None,
    ),
    # near misses: it does not fade, or other signs are there
    ("did the glass test for meningitis and the spots don't fade, they're dark red", "emergency"),
    (
        "the rash fades under a glass but she has a fever and a stiff neck, could it be meningitis",
        "emergency",
    ),
    (
        "I think it's meningitis, the rash blanches under a glass but he's drowsy and vomiting",
        "emergency",
    ),
    # -- a buried overdose now after older dated ones (NHS paracetamol overdose) ----------------
    (
        "overdosed in 2017 and 2021, was fine after. anyway about two hours ago i took all my tablets, around 30. mostly asking about my acne",
        "emergency",
    ),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round116_nights_out(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
