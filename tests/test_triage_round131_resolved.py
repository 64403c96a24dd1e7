"""Set 17 (rounds 127-131) by kind: scares that are over. An allergic reaction told as past
(last night, yesterday, days or a week back) that settled or was treated, the writer well and
asking what comes next (testing, next time); puffy, itchy eyes in the pollen season with
nothing else swollen; a child's blue lips and shivering after the sea or a pool, warmed up
and pink again; "is he talking nonsense?" asked of someone's claim; the red lines a
jellyfish leaves. Each kind with wordings that must stand down, and near misses that must
stay emergencies (or urgent): the same reaction happening now, back or with an adrenaline
pen, a child still blue or who went under, a real change in speech. Our own words
throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- an allergic reaction told as over, a question about what next (NHS food allergy;
    # NHS allergies; NHS anaphylaxis: 999 for a reaction happening now) --------------------
    (
        "Three days ago my lips swelled up after a takeaway with cashews. Piriton sorted it "
        "within an hour and I've been fine since. Do I need an allergy test?",
        None,
    ),
    (
        "last weekend I came out in hives all over after a new shower gel, they went in a few "
        "hours with antihistamines. could it be the perfume in it?",
        None,
    ),
    (
        "Yesterday my tongue felt thick and tingly after some kiwi but it stopped after "
        "about ten minutes and I was fine. Is that a kiwi allergy?",
        None,
    ),
    (
        "A week ago my eyelids and face went puffy after using a new hair dye, the GP gave "
        "me steroids and it has all cleared. Can I ever use dye again?",
        None,
    ),
    (
        "my son's face swelled up at a party on Saturday after a peanut biscuit, it settled "
        "with the antihistamine. should he be seen by an allergy clinic?",
        None,
    ),
    # near misses: the reaction now, back, worse, or with an adrenaline pen
    (
        "Yesterday my lips swelled up after prawns and it settled, but now my throat feels "
        "tight. Is this the same allergy?",
        "emergency",
    ),
    (
        "Two days ago my face swelled after a wasp sting and it went down, but this morning "
        "my lips are swelling again. What should I do?",
        "emergency",
    ),
    (
        "Last night I had hives after peanuts and it cleared with piriton, but they've come "
        "back and I'm wheezy. Should I take another?",
        "emergency",
    ),
    (
        "Last night his lips swelled up after sesame so we used his epipen and he seemed "
        "fine, but his tongue is swollen now. Do we need to go in?",
        "emergency",
    ),
    (
        "My throat is closing up after eating a prawn cracker, it started a few minutes ago. "
        "I had a reaction last week that settled. Help?",
        "emergency",
    ),
    # ... and another problem in the same message still read on its own
    (
        "I had a clot in my leg years ago after a long flight. Since Tuesday my left calf has "
        "been swollen, warm and sore, and I've stopped my pill in case. Can this wait for a GP "
        "appointment?",
        "urgent",
    ),
    # -- puffy, itchy eyes in the pollen season, nothing else swollen (NHS hay fever; NHS
    # conjunctivitis) ----------------------------------------------------------------------
    (
        "every morning this week my eyes are puffy and streaming, is it an allergic reaction? "
        "the pollen has been awful, my breathing is fine",
        None,
    ),
    (
        "Eyes swollen and itchy since the grass pollen started, no other swelling. Is this "
        "an allergic reaction or an infection?",
        None,
    ),
    (
        "hay fever season again, my eyelids are so puffy I look like I've been crying. "
        "allergic reaction? no problems breathing",
        None,
    ),
    # near misses: the lips or throat too, or a sting or food
    (
        "My eyes are puffy with the pollen and now my lips are swelling up too after an "
        "allergic reaction to a nut bar.",
        "emergency",
    ),
    (
        "hay fever all week but tonight my face and eyes went puffy after a bee sting and my "
        "throat feels tight",
        "emergency",
    ),
    (
        "Eyes swollen with hay fever and I'm struggling to breathe after an allergic "
        "reaction to my new tablets.",
        "emergency",
    ),
    # -- blue lips and shivering after cold water, warmed up and pink again (NHS
    # hypothermia; RNLI cold water shock) ------------------------------------------------
    (
        "My daughter's lips went blue in the outdoor pool and she was shivering like mad. "
        "Towelled her off and after a warm drink she's pink again. How long is safe?",
        None,
    ),
    (
        "Wild swimming with my 9 year old, his lips turned purple and he was shivering. Got "
        "him warmed up in the van and he's back to his normal colour now. Too cold for kids?",
        None,
    ),
    (
        "lips a bit blue after paddling in the sea, shivering, we wrapped him up and warmed "
        "him up and he's pink and playing again. how cold is too cold?",
        None,
    ),
    # near misses: still blue, went under, coughing or drowsy
    (
        "Her lips went blue in the sea and she was shivering, we've warmed her up but she's "
        "still blue and very sleepy.",
        "emergency",
    ),
    (
        "He went under in the pool for a few seconds, lips went blue, he's pink now but "
        "keeps coughing.",
        "emergency",
    ),
    (
        "my son's lips are blue after swimming in the lake and he's shivering and breathing fast",
        "emergency",
    ),
    (
        "Kidney infection, pain coming in waves, shivering with a fever and her lips look a bit "
        "blue, her pee is pink. Should I call?",
        "emergency",
    ),
    # -- "is he talking nonsense?" asked of someone's claim (NHS stroke: a sudden change in
    # speech is what counts) ---------------------------------------------------------------
    (
        "My nan reckons you can catch a cold from wet hair. Is she talking rubbish?",
        None,
    ),
    (
        "A lad at work says an adder bite will kill you in minutes. is he talking nonsense or "
        "should we carry something on our walks?",
        None,
    ),
    (
        "My uncle claims a bee sting can stop your heart. Is he just talking nonsense?",
        None,
    ),
    # near misses: a real change in speech
    (
        "My wife says I'm fine, but is she talking rubbish? My face is drooping on one side.",
        "emergency",
    ),
    (
        "Dad is talking nonsense and can't find his words, it came on suddenly.",
        "emergency",
    ),
    (
        "Mum reckons it's tiredness but is she talking nonsense? Grandad's speech went "
        "slurred this morning.",
        "emergency",
    ),
    # -- the red lines a jellyfish leaves, settling (NHS jellyfish and other sea creature
    # stings) --------------------------------------------------------------------------------
    (
        "Stung by a jellyfish on my calf yesterday, red lines where the tentacles were. "
        "The burning has stopped, just itchy. Best cream?",
        None,
    ),
    (
        "jellyfish got my arm on holiday, few red lines across the skin, already fading. "
        "anything to stop the itch?",
        None,
    ),
    (
        "Red lines on my daughter's leg from a jellyfish this afternoon, she's fine now, "
        "what can I put on it?",
        None,
    ),
    # near miss: the sting's skin getting infected
    (
        "Jellyfish sting four days ago, now the area is red, hot and swollen and the "
        "redness is spreading up my leg.",
        "urgent",
    ),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round131_resolved(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
