"""Round 186 by kind (set 28): not-urgent messages the flags read as urgent or 999. Hand,
foot and mouth, roseola, chickenpox, slapped cheek or scarlet fever told as over (the
temperature gone, the antibiotics finished, peeling after it) or named by the GP, the child
well; a meningitis case at school or nursery while the child has only a cold, the writer
having checked the signs (no rash, the neck or the light fine) and the child eating or
chatting; a household product in the mouth on an earlier day, checked by 111, a GP or a
hospital and cleared, the child well today; a bottle of bleach or cleaner found in a
child's hands with the cap or child lock still on and nothing spilt or on the child. Each
kind with wordings that must stand down, and near misses that must keep their level (a
temperature back or high, a child not drinking, a rash that does not fade, a fever or stiff
neck in a contact, sickness after a product, a cap off or the product on the skin). Our own
words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- a common childhood rash illness told as over or named by a clinician, the child
    # well (NHS hand, foot and mouth disease, roseola, chickenpox, slapped cheek syndrome,
    # scarlet fever: cared for at home; peeling after scarlet fever is expected) ----------
    (
        "my son (2) has hand foot and mouth, blisters on his palms and he wont eat crisps "
        "but is happy with soup. his fever has gone now. how long is he contagious?",
        None,
    ),
    (
        "toddler getting over chickenpox, temp came down two days ago, spots crusting. "
        "when can she go back to playgroup?",
        None,
    ),
    (
        "my little boy's fingertips are peeling a fortnight after scarlet fever, he "
        "completed the penicillin course last week. is that expected?",
        None,
    ),
    (
        "the nurse practitioner diagnosed slapped cheek in my 5 year old daughter this "
        "morning after a few days of a temperature. can she go to school with red cheeks?",
        None,
    ),
    (
        "our doctor said it was roseola, my 11 month old had a high temp for 3 days and "
        "now a pink rash on his tummy. is he still infectious?",
        None,
    ),
    (
        "hfm in my 18 month old, the temperature settled yesterday, drinking milk and water "
        "fine, sore mouth so only wants yoghurt. ok for nursery?",
        None,
    ),
    (
        "my 6 year old finished his antibiotics for scarlet fever 5 days ago and his hands "
        "and feet are peeling, he's fine in himself. normal?",
        None,
    ),
    # near misses: a temperature back or very high, a child not drinking, a rash that does
    # not fade, or five days of fever
    (
        "my daughter (3) has hand foot and mouth, her temp went but now its back at 39.4 "
        "and shes not drinking anything",
        "urgent",
    ),
    (
        "GP said its roseola but my 10 month old son now has a temperature of 40 and is "
        "floppy and not feeding",
        "emergency",
    ),
    (
        "after chickenpox my 4 year old still has a fever and the rash doesnt fade when i "
        "press a glass on it",
        "emergency",
    ),
    (
        "my 2 year old daughter has hand foot and mouth and a fever for six days now, she "
        "wont drink",
        "urgent",
    ),
    (
        "my 4 year old had chickenpox last week, fever went days ago, but now the skin "
        "around some spots is red, hot and swollen and she has a temperature again",
        "urgent",
    ),
    # -- a meningitis case at school or nursery, the child with a cold and the signs checked
    # (NHS meningitis; UKHSA: classroom contacts need no treatment, watch for the signs) -
    (
        "We had a letter saying a pupil in my son's year has meningitis. He's 8, a bit "
        "snotty and sneezing, slight headache. No rash, he can touch his chin to his "
        "chest, and he's running around playing. Is it just a cold?",
        None,
    ),
    (
        "a meningitis case at my daughters nursery. she has a runny nose and a cough, no "
        "rash at all, lights dont bother her, eating her lunch fine. do i need to do "
        "anything?",
        None,
    ),
    (
        "There's a confirmed meningitis case at the school. My 12 year old has a sore "
        "throat and a cold, no spots anywhere, neck moves normally, and she's chatting "
        "away. Should I keep her off?",
        None,
    ),
    # near misses: a sign of meningitis in the contact
    (
        "a boy in my sons class has meningitis. my son has a cold but now a high "
        "temperature and a stiff neck",
        "emergency",
    ),
    (
        "a meningitis case at nursery and my daughter has a runny nose, no rash, but she "
        "is very drowsy and keeps being sick",
        "emergency",
    ),
    (
        "theres a meningitis case in his class, he has a cold and a rash that wont fade "
        "under a glass",
        "emergency",
    ),
    (
        "a girl in her class has meningitis, my daughter has a cold, no rash, neck fine, "
        "but she has a really bad headache and the light hurts her eyes",
        "emergency",
    ),
    # -- a product in the mouth on an earlier day, checked and cleared, the child well today
    # (NHS poisoning: 111 or A&E; cleared, no more care) ------------------------------------
    (
        "two days ago my daughter had a laundry capsule in her mouth, 111 sent us to the "
        "hospital and the nurse checked her and said she was fine. shes playing normally "
        "now. what locks work on a washing machine drawer?",
        None,
    ),
    (
        "last night my son licked some bleach off the lid, we went to a and e where the "
        "doctor examined him and said no harm done. he is eating as usual today. how "
        "should i store cleaning stuff?",
        None,
    ),
    (
        "On Sunday my toddler got a dishwasher tab in his mouth, the GP looked him over and "
        "said all clear. He's back to normal now. Any tips for childproofing?",
        None,
    ),
    # near misses: trouble since, or swallowed now
    (
        "yesterday my son had a dishwasher tablet in his mouth, the doctor checked him and "
        "said he was fine but today hes been sick three times and is drooling",
        "emergency",
    ),
    ("my toddler just had a laundry capsule in her mouth and is coughing", "emergency"),
    (
        "last night my daughter had bleach in her mouth, 111 said she was ok but she is "
        "still coughing and wont drink",
        "emergency",
    ),
    # -- a bottle found in a child's hands with the cap or child lock still on, nothing
    # spilt or on the child (NHS 111: nothing swallowed needs no treatment) -----------------
    (
        "caught my 2 year old playing with the toilet cleaner bottle, but the childproof "
        "cap was still on and there was no spill, nothing on her face. where should i "
        "keep it?",
        None,
    ),
    (
        "Found my son holding the dettol in the bathroom, the lid was still screwed on "
        "tight, nothing on his hands or lips and no smell. Best cupboard locks?",
        None,
    ),
    (
        "found toddler sucking on the top of the bleach bottle, child lock still on, "
        "nothing spilt, shes totally fine. how do i stop this happening?",
        None,
    ),
    # near misses: the cap off, or the product on the child
    (
        "found my toddler holding the bleach bottle with the cap off and there is bleach "
        "on her lips",
        "emergency",
    ),
    (
        "found my son holding the oven cleaner, the cap was on but it had leaked and his "
        "hands are wet with it and he's licking them",
        "emergency",
    ),
    ("caught my daughter drinking the disinfectant", "emergency"),
    (
        "found my toddler with the toilet cleaner, cap was still on but she had bitten "
        "through the bottle and theres cleaner in her mouth",
        "emergency",
    ),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round186_levels(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
