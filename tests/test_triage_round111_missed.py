"""Set 13 (rounds 107-111) by kind: the emergencies and urgent cases the flags missed. A large
scald on a small child from a hot drink pulled over; a clot on the lung after a sore or fat
calf (puffed out, pain on breathing in, pink or bloody spit); an unwitnessed fall found on the
floor with being sick and hard to wake, and a lump on the head on a blood thinner; a fit going
on and on on the kitchen floor; numbness round the bottom with back trouble while waiting for
an operation; a person's bite that broke the skin; toothache with a swollen face (urgent; the
eye, the neck or swallowing make it 999); a speck in the eye with sight fine (urgent, not
999). Also three that should stand down: a chest sore from a knock with a bruise, someone
else's DVT before a flight, sepsis in a news story. Each kind with near misses: the same
words told as past, settled or asked about, and the worse forms that must stay emergencies.
Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- a large scald on a young child (NHS burns and scalds: A&E for large burns and burns
    # in young children; bigger than the child's hand, or blistering over a wide area) -------
    (
        "My 18 month old grabbed the handle and pulled a cup of my just made coffee right over "
        "himself. His tummy and the top of his leg are bright red, bigger than my hand, and "
        "blistering. Cooling it now, do I need to go anywhere?",
        "emergency",
    ),
    (
        "Nursery here: a 3 year old knocked a mug of the staff's freshly made tea off the table "
        "onto her lap. The burn covers most of her thigh and it's blistering in a big patch.",
        "emergency",
    ),
    (
        "toddler tipped my cuppa from the coffee table all down his arm, skin is peeling off in "
        "places and its larger than his palm. running it under the cold tap",
        "emergency",
    ),
    # near misses: a small splash, a healed scald from last year
    (
        "My little girl touched the side of my mug, there's a tiny pink mark on one fingertip, "
        "no blister, she stopped crying straight away. Anything to put on it?",
        None,
    ),
    (
        "Last year my son pulled a cup of tea over himself and was treated at the burns unit. "
        "It healed well. Is there a cream to help the scar fade?",
        None,
    ),
    # -- a clot on the lung after a leg clot (NHS pulmonary embolism; NICE NG158) -----------
    (
        "My calf has been sore and fat since the drive back from Spain. Today I'm puffed out "
        "going up the stairs and I get a sharp pain in my side when I breathe in.",
        "emergency",
    ),
    (
        "sore calf since the long haul flight on monday, i thought it was cramp. now i'm out of "
        "breath and coughed up some pinkish stuff this morning",
        "emergency",
    ),
    (
        "Right calf aching and tight for three days after my hip op. Since lunch I can't catch "
        "my breath and there was blood in the tissue when I coughed.",
        "emergency",
    ),
    # near misses: sore calves from a run, a past clot, a question about the signs
    (
        "My calves are really sore and tight after leg day at the gym, and I got puffed out on "
        "the stairs this morning. Is that just normal muscle soreness?",
        None,
    ),
    (
        "I had a clot on my lung two years ago after a DVT and finished the blood thinners last "
        "spring. Is it safe for me to fly long haul this summer?",
        None,
    ),
    # -- a head injury in someone who cannot tell it well, or on a blood thinner (NICE NG232:
    # anticoagulant, vomiting more than once, drowsiness; NHS head injury) --------------------
    (
        "One of our residents on rivaroxaban was found lying on the bathroom floor this "
        "morning. He has a swelling on the side of his head, has vomited twice and keeps "
        "drifting off.",
        "emergency",
    ),
    (
        "My brother has a learning disability and takes warfarin. Staff found him on the floor "
        "of his room with a cut on his forehead. He can't tell us what happened.",
        "emergency",
    ),
    (
        "Nan was discovered on the kitchen floor by her carer, there's a big bump on the back of "
        "her head, she's been sick three times and she is much harder to rouse than normal.",
        "emergency",
    ),
    # near miss: an old fall, scanned and clear, a bruise fading
    (
        "A month ago I tripped and banged my head; I'm on apixaban so A&E did a scan and it was "
        "clear. The bruise on my temple is fading to yellow. Is that normal?",
        None,
    ),
    # ... nor a nick from shaving on a blood thinner
    ("Dad is on warfarin and has a small cut on his head from shaving. How long to press?", None),
    # -- a fit going on and on (NHS epilepsy and what to do if someone has a seizure: call 999
    # if it lasts more than 5 minutes) -------------------------------------------------------
    (
        "My flatmate is fitting on the kitchen floor, it has been going for 7 minutes and it's "
        "not stopping. She doesn't have epilepsy.",
        "emergency",
    ),
    (
        "dad is fitting in the kitchen right now, been about 8 minutes, still jerking, what do i "
        "do",
        "emergency",
    ),
    (
        "My son has been fitting on the kitchen tiles for over five minutes and won't stop, I've "
        "put a cushion under his head.",
        "emergency",
    ),
    # near misses: fitting a kitchen, a long seizure last year
    (
        "My husband is fitting a new kitchen this weekend and keeps getting cramp in his hands. "
        "Any stretches?",
        None,
    ),
    (
        "Last year my daughter had a seizure that lasted 6 minutes and she was checked over in "
        "hospital. Should she carry rescue medicine on the school trip?",
        None,
    ),
    # -- numbness round the bottom with back trouble, also on a waiting list (NHS cauda equina
    # syndrome: A&E now) ---------------------------------------------------------------------
    (
        "Waiting for disc surgery for months. Since this morning I have numbness round my "
        "bottom and I can't tell when I need a wee. Can it wait till my physio on Monday?",
        "emergency",
    ),
    (
        "bad back for ages, on the list for an op, but last night i got tingling round my "
        "backside and between my legs and i wet myself without noticing",
        "emergency",
    ),
    (
        "Sciatica and waiting for a spinal op. Today there's numbness round my back passage "
        "and it feels odd when I wipe.",
        "emergency",
    ),
    # near misses: saddle soreness after a ride, old numbness unchanged since surgery
    (
        "Went on a 60 mile bike ride yesterday and I'm a bit numb round my bottom from the "
        "saddle. Any padded shorts you'd recommend?",
        None,
    ),
    (
        "I had surgery for cauda equina three years ago. I still have some numbness round my "
        "bottom, it hasn't changed since the operation. Can I take up swimming?",
        None,
    ),
    # -- a human bite that broke the skin (NHS animal and human bites: get help today) -------
    (
        "My son bit his sister on the hand during a fight, broke the skin and it bled a bit. "
        "Do I need to take her anywhere?",
        "urgent",
    ),
    (
        "A resident bit me on the arm while I was helping him wash, there are teeth marks and "
        "it's bleeding slightly.",
        "urgent",
    ),
    (
        "my 5 year old was bitten by another child at school, the skin is broken and there's a "
        "ring of marks on her arm",
        "urgent",
    ),
    # near misses: skin not broken, one's own tongue
    (
        "A boy in her class bit her arm at break time, just a red mark, it didn't break the "
        "skin. Should I complain to the school?",
        None,
    ),
    (
        "He bit his tongue at dinner and it bled for a minute, it's stopped now.",
        None,
    ),
    ("She bit into a crusty roll and her gum bled a little.", None),
    # -- toothache with a swollen face (NHS dental abscess: urgent dentist or 111 today) -----
    (
        "My molar has been throbbing for days and now the side of my face has swelled up. I "
        "can't get a dentist appointment.",
        "urgent",
    ),
    (
        "Tooth ache for a week, now my jaw on the left is puffy and there's a foul taste. I can "
        "swallow fine.",
        "urgent",
    ),
    (
        "Gum round my back tooth is sore and my cheek is swollen this morning. No NHS dentist "
        "near me, what do I do?",
        "urgent",
    ),
    # the worse forms: swelling up to the eye or down the neck, swallowing hard
    (
        "Abscess on my top tooth and the swelling has spread up to my eye, it's nearly closed.",
        "emergency",
    ),
    (
        "My tooth is killing me and the swelling has gone down into my neck, I'm struggling to "
        "swallow.",
        "emergency",
    ),
    # near miss: swelling expected after an extraction
    (
        "Had a wisdom tooth taken out yesterday and my cheek is swollen and aching. Is that "
        "normal?",
        None,
    ),
    # -- a speck in the eye with sight fine (NHS eye injuries: same-day eye care) -------------
    (
        "Was drilling overhead and a bit of wood flew into my eye. I can see fine but it "
        "still feels stuck under the lid and it's watering.",
        "urgent",
    ),
    (
        "grinding metal without glasses, something went in my right eye, sight is ok, just "
        "scratchy and feels like something is stuck",
        "urgent",
    ),
    (
        "Something flew in my eye while I was hammering. Vision's normal, it's gritty and red "
        "and feels like there's something stuck in it.",
        "urgent",
    ),
    # the worse forms: sight changed, or the piece stuck in the eye
    (
        "A chip of metal flew into my eye from the grinder and now my vision is blurry.",
        "emergency",
    ),
    (
        "A splinter shot into my eye from the chisel and I can see it embedded in the eye.",
        "emergency",
    ),
    # -- stand down: a chest sore from a knock, with a bruise (NHS chest pain: injury) -------
    (
        "My son says his chest hurts. He ran into the goalpost yesterday, there's a bruise and "
        "it's only sore when you press on it. He's breathing fine.",
        None,
    ),
    (
        "Chest pain on the right since I walked into the corner of a cupboard on Sunday. Big "
        "bruise, tender to the touch, no breathlessness.",
        None,
    ),
    (
        "Mum's chest is sore where she bumped it on the car door handle, there's a bruise and it "
        "hurts when she presses it. Otherwise she's fine.",
        None,
    ),
    # near misses: a knock with pain on breathing, or breathless
    (
        "My chest hurts after I fell against the table; there's a bruise and it hurts to take a "
        "deep breath.",
        "urgent",
    ),
    # -- stand down: someone else's DVT, a question before a flight (NHS DVT: prevention) ---
    (
        "A lad at work got a DVT after flying to Thailand. I'm off to Japan next month, how do I "
        "cut my risk?",
        None,
    ),
    (
        "My friend had a DVT after a long haul flight last year. Are flight socks worth it for "
        "my trip to Canada?",
        None,
    ),
    (
        "A woman in my running club developed a DVT after a flight. What can I do on a 12 hour "
        "flight to avoid one?",
        None,
    ),
    # near miss: one's own calf
    (
        "A friend got a DVT last year, and now my own left calf is swollen and red since my "
        "flight on Tuesday.",
        "urgent",
    ),
    # -- stand down: sepsis in a story, the writer well (NHS sepsis) -------------------------
    (
        "Saw a news story about a boy who got sepsis from a grazed knee. My son grazed his knee "
        "today, it's clean and he's running around. Anything to watch?",
        None,
    ),
    (
        "I read an article about someone who got sepsis from a paper cut. I cut my finger on a "
        "page, it's tiny and healing. Do I need to do anything?",
        None,
    ),
    (
        "There was a documentary about sepsis after a dog scratch. Our puppy scratched my leg, "
        "a thin line, not red. Should I worry?",
        None,
    ),
    # near miss: signs now, after the story
    (
        "Saw a story about sepsis on the news. Now my dad has a high temperature, he's "
        "confused and his skin looks mottled.",
        "emergency",
    ),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round111_missed(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
