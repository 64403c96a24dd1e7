"""Rounds 55-58 kinds: a child who got at an adult's medicines told with a doubt or an opened
pill organiser, a general question followed by "mine just did", no wind or stool with a
swollen belly and green sickness, past sepsis and cauda equina surgery told as history, a
brief choke cleared, a question about an event weeks back, a stopped nosebleed, and
same-day injuries, spreading cellulitis, pregnancy urine infection and early lithium
toxicity. Each kind with wordings that must get the intended level and near misses the other
way. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- a child and someone else's medicines, how many not known (NHS poisoning) -----------
    (
        "my 3 year old raided her gran's bag and chewed some of the blood pressure pills, no idea how many.",
        "emergency",
    ),
    (
        "toddler got into the bathroom cabinet, my husband's heart tablets are out of the strip, I'm not sure how many",
        "emergency",
    ),
    ("my son ate some of my nan's pills, don't know how many, he looks ok", "emergency"),
    # near misses: a dosing question
    ("I'm not sure how many ml of calpol to give my 2 year old", None),
    ("how many tablets a day can my 10 year old daughter take for hay fever?", None),
    # -- a child at an opened pill organiser (NHS poisoning; NPIS) ---------------------------
    (
        "came back from the loo and my granddaughter had the dosette open, the friday and saturday slots are empty",
        "emergency",
    ),
    (
        "found my 2 year old with my weekly pill organiser, thursday's compartment is empty and I can't find them anywhere",
        "emergency",
    ),
    (
        "my little boy pulled my medicine box off the shelf and the morning sections are all open",
        "emergency",
    ),
    # near misses: an adult's own organiser emptied by taking the doses, or a skin blister
    (
        "my son is 30 and has a dosette box, the morning compartments are empty because he took them as prescribed",
        None,
    ),
    ("my daughter has chickenpox and the blisters popped, can she have painkillers?", None),
    # -- a general question, then "mine just did" (NHS poisoning, button batteries) --------
    (
        "Is it dangerous if a toddler eats a dishwasher tablet? My daughter just did, she's smiling",
        "emergency",
    ),
    (
        "what happens when a baby swallows one of those flat batteries from a remote? my son has just done it",
        "emergency",
    ),
    ("can a child get ill from licking bleach? mine literally just did", "emergency"),
    # near misses: "just did" about something else, or no medicine or chemical asked about
    ("what if my son eats his tea too fast? he just did and has hiccups", None),
    ("my daughter just did her first swimming badge, any tips for verrucas?", None),
    # -- no wind and no stool, swollen belly, sick (NHS bowel obstruction) -----------------
    (
        "my tummy is swollen and tight, I keep being sick, I haven't passed any wind or been to the toilet since Sunday",
        "emergency",
    ),
    (
        "haven't passed wind or had a single poo in two days, vomiting green and my belly is hard",
        "emergency",
    ),
    (
        "he hasn't passed gas or even had a bowel movement since yesterday, throwing up, stomach bloated",
        "emergency",
    ),
    # near miss: constipation alone, with no sickness or swelling
    ("I haven't passed a stool for three days, any tips for constipation?", None),
    # -- past sepsis told as history (NHS sepsis) ------------------------------------------
    (
        "three years ago I caught sepsis from a kidney infection. Now I just want to know about the flu jab",
        None,
    ),
    (
        "he went septic after his bowel op and spent two weeks in hospital. How can he build his strength back up?",
        None,
    ),
    (
        "ever since the sepsis I get anxious about every cut, what should I watch for with a graze?",
        None,
    ),
    # near misses: now, or suspected now
    ("I think I've got sepsis, I'm shivering and my skin looks blotchy", "emergency"),
    ("I think my nan went septic, she's confused and not making sense", "emergency"),
    (
        "she got sepsis last year and now she's shaking, confused and her skin is mottled",
        "emergency",
    ),
    # -- a brief choke that coughing cleared (NHS choking) -----------------------------------
    (
        "last week my son choked on a bit of apple, coughed it out and was fine right after, how do I cut fruit for him?",
        None,
    ),
    (
        "my little girl choked briefly on her bottle, spat it up and was absolutely fine, is that normal?",
        None,
    ),
    # near misses: still a problem now, or choking now
    (
        "my toddler choked on a grape, coughed it up and seemed fine but now he is wheezing",
        "emergency",
    ),
    ("my son choked on a sweet and has not coughed it up", "emergency"),
    # -- a question about an event weeks or months back ------------------------------------
    ("can I go on a long haul flight three months after a DVT?", None),
    ("is it ok to start running again 8 weeks after a pulmonary embolism?", None),
    # near misses: a report with it, or a statement about now
    ("6 weeks after a pulmonary embolism I'm coughing blood and very breathless", "emergency"),
    ("two weeks after my hip replacement, my calf is swollen and I'm short of breath", "emergency"),
    # -- a question about anyone ("if someone's having a fit") ------------------------------
    ("if somebody's having a seizure do you time it? I'm a new dinner lady", None),
    # near miss: someone having one now
    ("someone is having a seizure in the street right now", "emergency"),
    # -- a nosebleed that stopped with pressure (NHS nosebleed) ------------------------------
    (
        "I'm on apixaban, had a nosebleed this morning, pressed the soft bit for 10 mins and it stopped, nothing since",
        None,
    ),
    # near misses: it came back, or it would not stop
    (
        "on warfarin, nosebleed, I pinched it for 10 minutes and it stopped but now it has started again",
        "emergency",
    ),
    (
        "I'm on rivaroxaban and my nose has been bleeding for 30 minutes despite pinching",
        "emergency",
    ),
    # -- numbness left over after cauda equina surgery, unchanged (NHS cauda equina) --------
    (
        "I had an operation for cauda equina last year and the numbness around my bottom is the same as ever, is there any support group?",
        None,
    ),
    (
        "since my CES decompression in 2020 I have residual saddle numbness which hasn't changed, can I start running again?",
        None,
    ),
    # near miss: new or worse numbness after the operation
    (
        "I had cauda equina surgery last year but since this morning the numbness around my bottom is much worse",
        "emergency",
    ),
    # -- a likely broken wrist or ankle (NHS broken wrist or ankle; Ottawa rules) -----------
    ("I tripped on the stairs and came down on my hand. It is swollen and throbbing", "urgent"),
    ("went over on my ankle playing netball, it's sore over the outside ankle bone", "urgent"),
    ("twisted my foot running and can only limp a couple of steps", "urgent"),
    # near misses: walks fine
    ("sprained my ankle last week, it's a bit bruised but I can walk on it fine", None),
    ("I fell over but I'm fine, no pain anywhere, just embarrassed", None),
    # -- cellulitis past the pen line on antibiotics (NHS cellulitis; NICE NG141) -----------
    ("the warm red area on my calf is now 2 cm beyond the line the nurse drew yesterday", "urgent"),
    ("red hot skin on my forearm now reaches past the pen mark despite the antibiotics", "urgent"),
    # near miss: inside the line
    ("the red patch on my leg is fading and well inside the pen line now", None),
    # -- pain passing urine in pregnancy (NICE NG109) -------------------------------------
    ("I'm 16 weeks pregnant and need to wee constantly, it burns", "urgent"),
    ("pregnant with my second, peeing every half hour and it stings", "urgent"),
    # near miss: frequency alone, no pain
    ("I'm pregnant, is it normal to wee a lot more?", None),
    # -- early lithium toxicity (NHS lithium; BNF) ---------------------------------------
    (
        "on lithium for years, I've had the runs since Saturday and I'm unsteady on my feet",
        "urgent",
    ),
    (
        "my wife takes priadel, she has been sick twice today and her hands are trembling a lot",
        "urgent",
    ),
    # near misses: a tremor alone, or a general question
    ("I take lithium and have a slight tremor, is that a normal side effect?", None),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round58_kinds(triage: Triage, text: str, expected: str | None) -> None:
    assert flag_level(triage, text) == expected
