"""Round 156 by kind (set 22): children's scares that are over, and past emergencies asked
about. A choke that back blows cleared hours ago, the child eating, playing and not coughing
since (NHS choking; Resuscitation Council UK: advice only for a cough that goes on or a piece
that may be left); lips or a tongue stained blue by a crayon, ink, a lolly or blueberries, the
child grinning (NHS poisoning: a stain, not cyanosis); a baby under 1 who rolled off a sofa
onto carpet, cried at once and is crawling or feeding like normal (NICE NG232: no CT sign;
NHS head injury: care at home); a febrile fit last week or last month, checked and fine, with
a fever or a cold now (NHS febrile seizures); anaphylaxis treated with adrenaline and watched
in hospital days ago, well now, asking about the allergy referral (NICE CG134). Each kind
with wordings that must stand down and near misses that must stay emergencies (a choke still
coughing or wheezy, a blue baby who is floppy, a fall onto a hard floor or with a swelling,
a fit now or a second fit, a reaction coming back). Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- a choke cleared by back blows, the child well since (NHS choking) -----------------
    (
        "my 2 year old choked on a cherry tomato at dinner, i gave her back blows and it popped "
        "out, she cried her head off. thats 3 hours ago, shes had a bath and been playing "
        "happily since. my hands are still shaking. anything i should watch for?",
        None,
    ),
    (
        "Little boy choked on a bit of apple at nursery pick up, I did back slaps and it shot "
        "out. He's had his tea since, running about, no cough. Does he need checking?",
        None,
    ),
    (
        "son choked on a sweet in the car an hour ago, patted his back hard and it flew out, "
        "hes been eating his snack fine and chatting away. my heart is still racing lol",
        None,
    ),
    # near misses: still coughing, a funny or fast breath, a piece that may be left, wheezy
    (
        "toddler choked on a grape, back blows and it came out, she's been fine since but is "
        "still coughing a lot",
        "emergency",
    ),
    (
        "he choked on a sweet, i did back slaps and it flew out, he had his tea but his "
        "breathing sounds a bit funny",
        "emergency",
    ),
    (
        "choked on a grape, it came out after back blows, shes eating fine but i think a bit "
        "might still be in there",
        "emergency",
    ),
    (
        "my daughter choked on popcorn earlier, back slaps and it popped out, had her lunch "
        "after, now wheezy",
        "emergency",
    ),
    ("my toddler is choking on a grape and cant breathe", "emergency"),
    # -- blue from a crayon, ink, a lolly or berries, the child well (NHS poisoning) --------
    (
        "my 1 year olds tongue and lips are bright blue, panicked then saw the ink pen he had "
        "been chewing, hes babbling away. is ink harmful?",
        None,
    ),
    (
        "went to get her up from her nap and her mouth was blue!! turns out shed got into the "
        "blueberries, shes laughing at me",
        None,
    ),
    (
        "toddlers lips went blue at the party, then i remembered the blue ice lolly. hes "
        "running around fine. do food colourings stain for long?",
        None,
    ),
    # near misses: floppy, struggling, grunting, grey
    (
        "toddlers lips went blue, he had a blue ice lolly earlier, now hes floppy and hard to wake",
        "emergency",
    ),
    ("baby lips blue and hes struggling to breathe, he was chewing a crayon", "emergency"),
    (
        "babys lips are blue, hes been sucking a felt tip, but hes breathing fast and grunting",
        "emergency",
    ),
    ("my babys lips have gone blue and she is floppy", "emergency"),
    # -- a baby under 1, a low roll onto a soft floor, cried at once, normal since (NICE
    # NG232; NHS head injury) ---------------------------------------------------------------
    (
        "my 9 month old rolled off the bed onto the rug this morning, cried straight away, "
        "since then shes been feeding and playing like normal. do i need to take her in?",
        None,
    ),
    (
        "baby is 11 months, slipped off the sofa onto the carpet an hour ago, cried at once, "
        "now crawling about like normal and eating her snack",
        None,
    ),
    (
        "our 8 month old rolled off the settee onto a thick rug 3 hours ago, he cried "
        "immediately and has been babbling and smiling as normal since",
        None,
    ),
    # near misses: a swelling, a changing table, a hard floor, sick, sleepy
    (
        "my 9 month old rolled off the bed onto the rug this morning, cried straight away, "
        "shes got a swelling on her head but playing like normal",
        "emergency",
    ),
    (
        "my 8 month old rolled off the changing table an hour ago, cried straight away, "
        "playing like normal",
        "emergency",
    ),
    (
        "baby is 11 months, fell off the sofa onto the wooden floor an hour ago, crawling "
        "about like normal",
        "emergency",
    ),
    (
        "my 7 month old rolled off the sofa onto carpet 2 hours ago, cried at once, feeding "
        "as normal but been sick twice",
        "emergency",
    ),
    # -- a febrile fit days or weeks back, checked, a fever now (NHS febrile seizures) -----
    (
        "Last month my 2 year old had a febrile seizure, paramedics checked her and she was "
        "fine. Shes got a temp of 38.5 with a cough, can I give calpol",
        None,
    ),
    (
        "my son had a febrile convulsion 3 weeks ago, the hospital checked him over and he was "
        "fine. both boys have a cold and a temperature now, how much ibuprofen can they have",
        None,
    ),
    (
        "my little girl had a febrile seizure last week, ambulance came and she was checked and "
        "fine. now her brother has a temp of 38 too, how do i keep them cool",
        None,
    ),
    # near misses: a fit now, another one, a second fit, a long fit
    (
        "she had a febrile convulsion last week, checked at a and e and fine, now shes got a "
        "fever and is having another fit",
        "emergency",
    ),
    (
        "my baby had a febrile convulsion last week, doctors said he was fine. now hes fitting "
        "and its been 6 minutes",
        "emergency",
    ),
    (
        "he had a febrile fit 2 weeks ago, paeds checked him. hes having a fit right now",
        "emergency",
    ),
    (
        "she had a febrile seizure last month, fine after. shes got a temp now and has just had "
        "a second seizure",
        "emergency",
    ),
    # -- anaphylaxis treated with adrenaline and watched in hospital, well now (NICE CG134) --
    (
        "my son reacted to cashew nuts on friday, his face swelled up and we used his epipen, "
        "the ambulance took him to hospital and they kept him in overnight. hes fine now, when "
        "will the allergy clinic see him?",
        None,
    ),
    (
        "had anaphylaxis to a wasp sting 3 days ago, paramedics gave adrenaline, observed in a "
        "and e for 6 hours and sent home. feeling better now. do i need to carry an epipen",
        None,
    ),
    (
        "my daughter went wheezy and her lips swelled after sesame at the weekend, used her "
        "jext, kept in hospital overnight, shes back to normal now. is a gp referral needed?",
        None,
    ),
    # near misses: coming back now, a tight throat now, wheezy again
    (
        "had a reaction to peanuts yesterday, used my epipen, kept in hospital overnight, i "
        "was fine but now my lips are swelling again",
        "emergency",
    ),
    (
        "reaction to prawns on saturday, epipen and kept in overnight, fine since but my "
        "throat feels tight now",
        "emergency",
    ),
    (
        "used her epipen last night after she ate sesame, discharged this morning, she was "
        "fine, but shes wheezy and coughing again",
        "emergency",
    ),
    ("my lips are swelling up after eating prawns", "emergency"),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round156_scares(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
