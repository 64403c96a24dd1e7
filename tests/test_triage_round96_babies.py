"""Round 92 by kind: babies and toddlers. Emergencies told with the danger buried or played
down (a coin-shaped battery gone from a gadget a toddler had, a newborn's green vomit, a
toddler who drank much of a bottle of infant paracetamol and looks well), same-day signs
(a fever into its fifth day in a child whose age is told with a half, chickenpox spots in a
baby under 4 weeks), and frames that are not emergencies (a battery feared swallowed and
then found, a first-aid course question about a choking baby, blue lips from a chewed
crayon or a lolly). Each kind with wordings that must stand down or fire, and near misses
that must stay emergencies. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- a coin or button battery gone from a gadget a child had, its shape told after the word
    # or only the gadget named (NHS button batteries: go to A&E now, even if the child seems
    # well) --------------------------------------------------------------------------------
    (
        "my nephew is 2 and was messing with the car key fob earlier. the little cover has come"
        " off and the battery, one of the thin round silver ones, is not in there. cant see it"
        " on the carpet either. he seems happy enough",
        "emergency",
    ),
    (
        "long story but my daughter is 18 months and was playing with the kitchen timer. now the"
        " back is off and the battery, the round shiny one about the size of a 5p, isnt"
        " anywhere, weve searched everywhere. shes fine in herself",
        "emergency",
    ),
    (
        "the battery out of the bathroom scales, a coin type one, is gone and my toddler was the"
        " only one in there with them",
        "emergency",
    ),
    ("my 3 year old had the tea light remote. the cr2032 battery is missing", "emergency"),
    (
        "my 20 month old had my car key, the fob is open and the battery is gone, he is coughing"
        " a bit",
        "emergency",
    ),
    (
        "grandson, 2, had my hearing aid and the battery is not in it, i have looked everywhere",
        "emergency",
    ),
    (
        "my son is 4 months old and chewed the remote, the battery cover is open and the little"
        " round battery is missing",
        "emergency",
    ),
    # -- a battery feared swallowed, then found or all counted (NHS button batteries: one found
    # is not swallowed) ----------------------------------------------------------------------
    (
        "had a scare, the battery from the car key was gone and i thought my 2 year old had eaten"
        " it, but i found it down the side of the car seat. what should i watch for?",
        None,
    ),
    (
        "my son was playing with the remote, batteries out, i was terrified he had swallowed one."
        " both batteries accounted for in the end, phew. how do i make the remote childproof?",
        None,
    ),
    (
        "the watch battery went missing and i panicked that my toddler swallowed it but it was"
        " under the fridge. is there anything to watch?",
        None,
    ),
    (
        "my 18 month old had the kitchen scales and i thought the coin battery was missing but"
        " found it, it was still in the drawer",
        None,
    ),
    (
        "our 3 year old had the remote, i thought he had swallowed one of the little batteries"
        " but we found them both behind the tv. he is fine, what should i look for?",
        None,
    ),
    # near misses: one still missing, found in the mouth with drooling, a swallow seen
    (
        "i thought she had swallowed the magnet, we found one under the sofa but the other one"
        " is still missing",
        "emergency",
    ),
    (
        "i thought my toddler swallowed the battery and found it in his mouth, i got it out but"
        " hes drooling",
        "emergency",
    ),
    (
        "we found one of the button batteries under the rug but cant find the other, my 1 year"
        " old was playing with the toy",
        "emergency",
    ),
    (
        "my toddler had the remote, one of the little batteries is gone, we found the other"
        " behind the tv",
        "emergency",
    ),
    ("my 14 month old swallowed a button battery. we found the packet", "emergency"),
    (
        "found the remote open and the battery missing, i think my son swallowed it, hes 2",
        "emergency",
    ),
    # -- a child who drank much of a bottle of liquid medicine, well so far (NHS paracetamol
    # for children: too much, go to A&E straight away even if they seem fine) -------------------
    (
        "my grandson got hold of the calpol bottle while i was on the phone and drank half of"
        " it, it was nearly full. he seems ok",
        "emergency",
    ),
    (
        "my 2 year old found the nurofen for children in her changing bag and drank most of the"
        " bottle",
        "emergency",
    ),
    (
        "toddler swallowed the whole bottle of piriton syrup, he is 3, running about like normal",
        "emergency",
    ),
    ("my daughter has drunk about half a bottle of calpol, she is 2", "emergency"),
    ("my 2 year old got into the cupboard, opened the calpol and drank most of it", "emergency"),
    ("my 3 year old helped herself to the piriton and had half of it", "emergency"),
    (
        "my 3 year old drank the whole bottle of cough medicine, about 100ml, he is acting normal",
        "emergency",
    ),
    # not an overdose: a dose question, a dose spat out, a bottle of milk
    (
        "my 4 month old has reflux medicine. she drank most of the bottle then was sick a"
        " little, milky",
        None,
    ),
    ("how much calpol can my 2 year old have in a day? i dont want to give too much", None),
    ("my 3 year old spat out half her medicine, the nurofen. should i give more?", None),
    # -- green vomit in a baby, the colour told apart from the word sick (NHS vomiting in
    # babies: green vomit, call 999 or go to A&E) ---------------------------------------------
    (
        "3 week old baby is bringing up green sick, dark green, three times this morning",
        "emergency",
    ),
    ("my 5 day old has been sick twice. it was bright green both times.", "emergency"),
    ("newborn vomiting, its a yellowy green colour, he wont feed", "emergency"),
    ("my 6 week old was sick all over me and it was the colour of grass, not milk", "emergency"),
    ("11 day old. vomiting. it is dark green", "emergency"),
    # not bile: green poo with milky sick, sick the colour of green food eaten
    ("my 5 week old has green poo, he was sick once after a feed but it was milky", None),
    ("why is my breastfed baby's poo green? she was sick a bit after her feed", None),
    ("my toddler was sick after eating spinach puree, it was all green. she is fine now", None),
    (
        "my 2 year old was sick and it was green, she had eaten a lot of green jelly at the"
        " party. fine now",
        None,
    ),
    # -- a fever into its fifth day, the child's age told with a half (NHS high temperature in
    # children: urgent GP or 111 after 5 days; NICE NG143 amber) ---------------------------------
    (
        "my two and a half year old has had a fever for five days now, it keeps coming back after"
        " calpol",
        "urgent",
    ),
    (
        "our 3 and a half year old has had a high temperature for 6 days, still eating ok",
        "urgent",
    ),
    ("my 18 and a half month old has had a temperature for 5 days", "urgent"),
    # not a fever
    ("my 2 and a half year old has had a cold for 5 days, no temperature", None),
    ("my 2 and a half year old wont eat vegetables", None),
    # -- chickenpox in a baby under 4 weeks (NHS chickenpox: urgent GP or 111 for a newborn) ---
    (
        "my 10 day old has little blisters on his chest and his brother has chicken pox",
        "urgent",
    ),
    ("the newborn has come out in chickenpox spots, she is 2 weeks old, feeding fine", "urgent"),
    (
        "my 3 week old daughter has chickenpox, a few spots on her face. do i just use calamine?",
        "urgent",
    ),
    # an older baby or child, an illness long past, exposure with no spots
    ("my 4 year old has had chickenpox for 3 days, lots of spots, how long until nursery?", None),
    ("my baby is 6 months old and has chickenpox spots. what can i put on them?", None),
    (
        "my son had chickenpox when he was 3 weeks old, hes fine now at 2, can he get it again?",
        None,
    ),
    ("my 3 week olds sister has chickenpox, how do i protect the baby?", None),
    (
        "my baby was 3 weeks early, she is 5 months now and her brother has chickenpox spots",
        None,
    ),
    # -- a first-aid course question about a choking baby, or a fit (NHS first aid) ------------
    (
        "doing my paediatric first aid course next week. for a baby who is choking, do you do"
        " chest thrusts or abdominal thrusts?",
        None,
    ),
    (
        "in an infant who is choking how many back blows do you give before chest thrusts?",
        None,
    ),
    (
        "on my first aid course they asked, for a child who is choking, is it five back blows"
        " then five abdominal thrusts?",
        None,
    ),
    (
        "we are revising for the first aid practical. for a child who is having a fit, should"
        " you put something in their mouth?",
        None,
    ),
    # near misses: a child choking now, someone cared for now, a plea
    ("my baby is choking right now on a grape, is it back blows or chest thrusts??", "emergency"),
    (
        "for a baby who is choking, is it back blows? mine is choking now and going blue",
        "emergency",
    ),
    ("my son is choking! for a child whos choking do you do back blows?", "emergency"),
    ("im caring for a baby who is choking, do you do back blows first", "emergency"),
    (
        "im a childminder caring for a baby who has a temperature of 39 and is floppy, is it"
        " teething?",
        "emergency",
    ),
    (
        "i am looking after a toddler who is choking on a sweet, how many back blows do you give",
        "emergency",
    ),
    # -- blue lips from a crayon, a lolly, icing or squash, the child fine (a stain, not a lack
    # of oxygen; NHS: blue lips with breathing trouble is a 999 call) ---------------------------
    (
        "my daughter is 2 and her lips and tongue went blue after she sucked a blue ice lolly."
        " she is fine and playing, is the dye safe?",
        None,
    ),
    (
        "my son had a go with a felt tip pen and now his lips and chin are dark blue. he is"
        " totally fine, will it wash off?",
        None,
    ),
    (
        "lips are bright blue, shes been eating blue icing off the birthday cake, shes laughing"
        " away, will it stain her teeth",
        None,
    ),
    (
        "my 1 year old ate a blue crayon and now her mouth and tongue are blue, she is completely"
        " fine, will it harm her?",
        None,
    ),
    (
        "my 2 year olds tongue and lips are purple from blackcurrant squash, he is fine, just"
        " wanted to check",
        None,
    ),
    # near misses: breathing trouble, choking, floppiness with the blue
    (
        "she was eating blueberries and now her lips are blue and she is struggling to breathe",
        "emergency",
    ),
    (
        "my 2 year old chewed a blue crayon, a bit got stuck, she is coughing and her lips are"
        " going blue",
        "emergency",
    ),
    (
        "his lips are blue and he is not breathing properly. there was a blue lolly on the floor",
        "emergency",
    ),
    ("her lips went blue and she is floppy. she had been eating blue sweets", "emergency"),
    (
        "her lips went blue after she chewed a crayon and now she is very sleepy and floppy",
        "emergency",
    ),
    ("lips blue from a blue sweet, now he is choking and cant breathe", "emergency"),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round96_babies(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
