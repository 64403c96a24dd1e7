"""Round 126 by kind: animals, and readings from home devices. A pet's or animal's illness or
injury told by an owner who is fine (a vet's matter); grief for a pet said "not literally";
a low oxygen reading rechecked at 94% or more with nothing wrong; a reading at a COPD target
read beside an age; "sat" as in sitting; a low forehead reading that a second thermometer
puts at 36-37; a young baby's few-second breathing pauses, pink throughout; ketones under 3
with only mild nausea. Each kind with wordings that must stand down or stay urgent, and near
misses that must stay emergencies (or urgent). Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- an animal is the one unwell; the writer is fine (RCVS: call a vet) ---------------
    ("our cat is having a fit on the sofa, twitching and drooling, I'm ok just scared", None),
    ("the kitten collapsed by her bowl and isnt breathing properly, which vet is open?", None),
    ("my old labrador is bleeding heavily from his paw after stepping on glass", None),
    ("Our pony fell in the field and is shaking all over. Who do we ring?", None),
    ("my rabbit has stopped breathing properly and is lying on her side", None),
    # near misses: a person bitten, kicked or knocked down, a child and the dog's tablets
    ("my dog bit me on the arm and it is pouring blood and wont stop", "emergency"),
    ("the neighbours dog went for my daughter and her face is bleeding heavily", "emergency"),
    ("a horse kicked my husband in the chest and he is not breathing", "emergency"),
    ("the dog knocked grandad over and now he is unconscious on the path", "emergency"),
    ("my toddler swallowed the dogs tablets, a whole strip of them", "emergency"),
    ("the cat is fine but I have crushing chest pain going down my arm", "emergency"),
    # -- grief for a pet, "not literally" (NHS grief after bereavement or loss) -----------
    (
        "Our dog died on Sunday. Part of me wanted to die with him, not literally, I would "
        "never do anything. How long does it hurt like this?",
        None,
    ),
    (
        "lost my cat of 15 years, i felt like i wanted to go with her, not literally, id never "
        "do anything, my mum is staying with me",
        None,
    ),
    (
        "My old mare was put down yesterday and I wanted to die with her, not literally, I'll "
        "never do anything like that. Is it normal to feel this much?",
        None,
    ),
    # near misses: a wish to die with a plan or means
    (
        "my horse died and I want to die with her. not literally, I'd never do anything, but "
        "I have a plan and the pills",
        "emergency",
    ),
    ("wanted to die with her, not literally but I have written a note", "emergency"),
    # -- a low oxygen reading rechecked normal, nothing wrong (NHS pulse oximeters) --------
    (
        "oximeter said 86% with my cold fingers, after warming them up it reads 97. I feel "
        "completely fine",
        None,
    ),
    (
        "my smartwatch showed my oxygen at 90% once overnight then went back to 95 to 97. no "
        "symptoms at all",
        None,
    ),
    ("sats said 88 with nail polish on, took it off and rechecked, 98 now, I feel well", None),
    # near misses: low with breathlessness, blue lips or confusion, or low again
    (
        "oximeter said 86 on cold fingers, warmed them and it says 95 but my lips look blue",
        "emergency",
    ),
    ("his sats were 85, rechecked 95, but he is drowsy and muddled", "emergency"),
    ("the finger thing said 88, then 95, then 87 again", "emergency"),
    ("my oxygen is 89% and I'm breathless just sitting here", "emergency"),
    # -- COPD at its target beside an age (BTS oxygen targets 88-92%) ---------------------
    (
        "Mum 81 with COPD, her sats run 88 to 90 every day, her target is 88-92, she's her "
        "usual self",
        None,
    ),
    (
        "grandad is 84 and has copd. oxygen 89-91% like always, the nurse said his target is "
        "88 to 92",
        None,
    ),
    (
        "Dad 76 has emphysema, sats on the finger probe 90% same as always, target 88-92 per "
        "the respiratory team",
        None,
    ),
    # near miss: below the target
    ("Mum 82 with COPD, target 88-92, sats today 84% and she is struggling", "emergency"),
    # -- "sat" as in sitting, beside a blood pressure ------------------------------------
    ("bp was 158/92 after the stairs, every reading sat quietly is 122/78", None),
    ("first reading 150/95 after a run, then sat still for ten minutes and got 120/80", None),
    ("after I sat down for a bit my home cuff said 126/82", None),
    # near miss: a sat reading written short
    ("o2 sat 84 on the ward monitor", "emergency"),
    # -- a low forehead reading, 36-37 on a second thermometer (NHS: taking a temperature) --
    (
        "the forehead thermometer said 34.6, hypothermia? I feel fine and warm and under my "
        "tongue it reads 36.8",
        None,
    ),
    (
        "forehead scanner gave 33.9 which says hypothermia but I feel normal, armpit reading "
        "36.4 straight after",
        None,
    ),
    (
        "my sons forehead strip said 34.5, hypothermia?, hes warm and feels fine, ear "
        "thermometer said 36.9",
        None,
    ),
    # near misses: drowsy or found outside
    (
        "grans forehead thermometer said 34.5, hypothermia, she is not shivering and seems "
        "drowsy, the other one said 36.5",
        "emergency",
    ),
    ("temperature of 34.2 c, hypothermia, he has stopped shivering and is confused", "emergency"),
    # -- a young baby's few-second pauses in breathing, pink throughout (NHS) -------------
    (
        "my 3 week old breathes in little bursts then pauses for a few seconds while asleep, "
        "she stays pink and doesnt wake up, normal?",
        None,
    ),
    (
        "newborn sleeping, stops breathing for 4 seconds then starts again, stays pink and "
        "doesnt wake during it",
        None,
    ),
    (
        "our 6 week old pauses for about 6 seconds then breathes fast for a bit, his colour "
        "stays pink. Is this ok?",
        None,
    ),
    # near misses: long pauses, blue, floppy or feverish
    ("my 6 week old stopped breathing for 25 seconds and went blue", "emergency"),
    ("my baby pauses breathing for 8 seconds and his lips went blue", "emergency"),
    (
        "my newborn wont wake up for feeds and is floppy, pauses for 5 seconds, still pink",
        "emergency",
    ),
    # -- ketones under 3 with only mild nausea (ISPAD sick-day rules) -------------------
    ("type 1, ketones 2.1, she feels a bit sick but hasnt been sick, drinking fine", "urgent"),
    (
        "son has T1D, blood ketones 1.9 and sugar 18, feeling slightly sick, drinking water",
        "urgent",
    ),
    ("I'm type 1, ketones 2.4 and I feel a little sick, keeping fluids down", "urgent"),
    # near misses: vomiting, really sick, or ketones 3 and over
    ("type 1 ketones 2.1 and he has been a bit sick twice", "emergency"),
    ("type 1, ketones 2.4, she feels really sick and has tummy pain", "emergency"),
    ("t1d ketones 3.4, feel a bit sick", "emergency"),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round126_animals_devices(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
