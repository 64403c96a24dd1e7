"""Rounds 177-181 by kind (set 27): urgent cases missed and false urgent ones. A temperature,
smelly discharge or bleeding heavier than a period in the weeks after LLETZ or other
treatment at colposcopy (urgent); chest tightness walking uphill days ago that went with
rest, none now (urgent, a same-day check, not 999); a dog that went for someone with its
teeth through the skin (urgent). Standing down: a relative's clot long ago asked about
before an operation; flea bites after a pet came home from a rescue centre; a bite already
treated at A&E with a question about the antibiotics; chest pain checked at A&E with normal
tests and called muscular; someone else's collapse days back, now on a ward. Each kind with
wordings that must reach the level, and near misses that keep the other level. Our own
words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- after treatment at colposcopy: infection or heavier bleeding (NHS colposcopy) -------
    (
        "had a loop excision of my cervix 5 days ago and today the discharge smells foul",
        "urgent",
    ),
    (
        "LLETZ on monday, since last night im running a temperature of 38.4 and achy",
        "urgent",
    ),
    (
        "ten days after my cone biopsy the bleeding is heavier than my normal period",
        "urgent",
    ),
    (
        "had cold coagulation at colposcopy last week, now a smelly brown discharge",
        "urgent",
    ),
    # near misses: booked for later, or long ago, with nothing now
    (
        "my LLETZ is booked for next week, will i bleed more than a period afterwards?",
        None,
    ),
    (
        "had LLETZ years ago and my smears have been clear since, just asking about HPV",
        None,
    ),
    # -- exertional chest tightness days ago, gone with rest, none now (NICE CG95) -----------
    (
        "yesterday carrying the shopping up the hill i had a heavy tight chest, it went "
        "off once i stopped for a few minutes. fine now",
        "urgent",
    ),
    (
        "on saturday climbing the stairs at the station my chest went tight, eased when i "
        "sat down on a bench, nothing since",
        "urgent",
    ),
    (
        "two days ago i got a squeezing chest while jogging, it stopped after a rest",
        "urgent",
    ),
    # near misses: a stitch, or pain that has not gone
    (
        "got a stitch in my side while jogging yesterday, went when i stopped",
        None,
    ),
    (
        "crushing chest pain walking up the stairs and it hasnt gone with rest, sweaty",
        "emergency",
    ),
    # -- a dog that went for someone, the teeth through the skin (NHS animal bites) ----------
    (
        "a collie went for my calf while i was out running, its teeth went through my "
        "leggings and there are two puncture marks",
        "urgent",
    ),
    (
        "the neighbours dog lunged at my hand over the fence, skin broken and bleeding",
        "urgent",
    ),
    (
        "my own dog went for me when i took his bone, deep puncture in my wrist",
        "urgent",
    ),
    # near misses: the skin not broken
    (
        "a dog went for my ankle on my round but its teeth didnt break the skin",
        None,
    ),
    # -- a relative's past clot, asked before an operation (family history) -----------------
    (
        "mum had a DVT after having my brother. im having my gallbladder out next month, "
        "should i tell the surgeon",
        None,
    ),
    (
        "grandad had a clot in his leg years ago, does that matter for my hip replacement",
        None,
    ),
    # near misses: the writer's own swollen leg now
    (
        "my right calf is swollen, hot and painful since my flight yesterday, could it be a DVT",
        "urgent",
    ),
    # -- flea bites after a pet came home from a rescue centre (NHS flea bites) -------------
    (
        "we picked up a kitten from the shelter and came home from the rescue with fleas, "
        "itchy bites all over my ankles",
        None,
    ),
    (
        "got back from the vets with the dog and now little red itchy bites on my shins, "
        "is it fleas",
        None,
    ),
    (
        "since the cat came to live with us ive got bites on my ankles, now red and sore. "
        "must be fleas",
        None,
    ),
    # near misses: the animal's own teeth, or an animal abroad
    (
        "our dog has fleas and today he bit me when i tried to comb them out, drew blood",
        "urgent",
    ),
    (
        "just got back from bali, a monkey scratched my arm at the temple",
        "urgent",
    ),
    (
        "a stray dog bit me on holiday in morocco last week, should i worry about rabies",
        "urgent",
    ),
    # -- a bite already treated, a question about the medicine (NHS animal bites) ----------
    (
        "my cat bit me yesterday and the nurse at the walk in gave me augmentin. is it ok "
        "to drink a beer at the weekend with them?",
        None,
    ),
    (
        "saw the GP last night after the dog bit my hand, on co-amoxiclav now. can i have "
        "a glass of wine",
        None,
    ),
    # near misses: signs of infection since
    (
        "my dog bit me yesterday, given antibiotics at A&E, but now its red, swollen and "
        "hot, can I drink on them",
        "urgent",
    ),
    # -- chest pain checked at A&E, normal tests, called muscular (NICE CKS chest pain) -----
    (
        "sore chest after moving furniture so I went to A&E, ECG and blood tests came back "
        "normal and they said it's a strained muscle. can I use a heat pad",
        None,
    ),
    (
        "was seen in the emergency department with chest pain, heart tracing and bloods "
        "normal, told costochondritis. how long till it settles",
        None,
    ),
    # near misses: a danger sign now
    (
        "A&E said muscular and the ECG was normal, but now the chest pain is spreading to "
        "my left arm and im sweating",
        "emergency",
    ),
    (
        "tests were fine at A&E and they said pulled muscle, but the chest pain came back "
        "tonight and feels heavy",
        "urgent",
    ),
    # -- someone else's collapse days back, now on a ward (asked about visiting) ------------
    (
        "my friend collapsed at work on tuesday and was admitted, what are visiting hours "
        "usually like on a ward",
        None,
    ),
    (
        "our neighbour collapsed a few days ago and is still in hospital, can we send flowers",
        None,
    ),
    # near misses: a collapse now
    (
        "my dad has collapsed in the kitchen and wont wake up",
        "emergency",
    ),
    (
        "my mum collapsed last week and was kept in, shes home now and has just collapsed again",
        "emergency",
    ),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round181_levels(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
