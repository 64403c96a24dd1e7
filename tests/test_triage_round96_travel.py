"""Round 96 by kind: second-language writing, travel and the outdoors (rounds 94-95), and a
catheter. A suicide plan with saved tablets told in second-language English, a snake bite told
any way round, decompression illness after diving, fewer baby movements told in second-language
English, and a long-term catheter draining nothing (same-day care, not 999); frames that are not
emergencies (poisoning prevention, someone else's story in a blog before a trek, cold white
fingers that warmed back to normal). Each kind with wordings that must fire or stand down, and
near misses that must stay emergencies. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- a suicide plan with saved tablets, told in second-language English (NHS help for suicidal
    # thoughts: call 999 if about to act; NICE NG225: plans and preparations) -----
    (
        "since two month i keep my pain pills, i not take them. now are 45. tonight after my husband sleep i will swallow all of them. i am only problem for everybody.",
        "emergency",
    ),
    (
        "I am collecting tablets from my father box since long time, I have now enough. When my family go to sleep this night I drink all with vodka.",
        "emergency",
    ),
    (
        "I hide my antidepressant tablets in drawer many weeks, now I have 50. Tomorrow when house is empty I take everything. Please say my children I love them.",
        "emergency",
    ),
    (
        "for three weeks i stash my sleeping pills, i have now maybe 70. this weekend when my wife go to her mother i will take all at once.",
        "emergency",
    ),
    (
        "I keep my tablets in the kitchen cupboard since many years. Tonight my daughter visit and we eat all together.",
        None,
    ),
    (
        "my doctor say i must take all 30 tablets of the course, since some weeks i keep them in fridge. today i take the last.",
        None,
    ),
    (
        "I have 60 tablets for my blood pressure from the pharmacy. Can I take them all together in the morning instead of two times?",
        None,
    ),
    # -- a snake bite told any way round (NHS snake bites: call 999 or go to A&E); not a pet
    # bitten, a bite denied, a question ahead or the drink -----
    (
        "was walking the dog on the moor and something bit my calf, i saw a zigzag snake slide off, pretty sure an adder. my leg is going puffy and i feel faint",
        "emergency",
    ),
    (
        "an adder got my son on the hand while we were picking blackberries, there are two little holes and his arm is swelling up",
        "emergency",
    ),
    (
        "i think i stepped on a snake in the long grass and it bit me on the foot, it is throbbing and going red",
        "emergency",
    ),
    (
        "snake bite on my ankle about ten minutes ago on the coast path, it looked like an adder, i feel sick and my lips are tingling",
        "emergency",
    ),
    (
        "are there adders on dartmoor? we are walking there in may with the kids and i want to know what to do if one bites",
        None,
    ),
    (
        "my dog was bitten by an adder on the heath this morning and her face is swollen, the vet is closed",
        None,
    ),
    ("had too many pints of snake bite last night and feel rough today", None),
    ("while walking my dog i was bitten by an adder on my hand, it is swelling", "emergency"),
    (
        "got bitten by something venomous on holiday, a scorpion i think, my foot is burning",
        "emergency",
    ),
    (
        "we saw an adder on the path but it did not bite anyone, just slid away. are they protected?",
        None,
    ),
    (
        "i saw a snake on the trail today and it didnt bite me thankfully. how do i tell an adder from a grass snake?",
        None,
    ),
    ("what should i do if a snake bites my child on our camping trip in spain?", None),
    # -- decompression illness after scuba diving (NHS inform decompression illness; BSAC/DAN:
    # call 999); not sore ears, a pool dive or a question before a course -----
    (
        "Back on the boat after our third dive, we skipped the safety stop. Now my knees hurt badly and my arm has pins and needles.",
        "emergency",
    ),
    (
        "my husband did a deep wreck dive this afternoon and now he's confused and says his legs feel weak",
        "emergency",
    ),
    (
        "we went scuba diving in Malta this morning, I shot up to the surface after my buddy ran out of air. Now I'm breathless and my skin is blotchy.",
        "emergency",
    ),
    (
        "two dives today, tonight my elbow aches deep inside and my fingers are tingling. is it the bends?",
        "emergency",
    ),
    ("after diving all week my ears feel blocked and a bit sore, no other symptoms", None),
    ("I'm doing my padi open water course next month. what are the signs of the bends?", None),
    ("my son dived into the pool at school and now his shoulder hurts a bit", None),
    (
        "I was scuba diving last week, felt fine, now booking another trip. Is flying 24 hours after diving ok?",
        None,
    ),
    # -- fewer baby movements than usual, told in second-language English (NHS your baby's
    # movements: call the midwife or maternity unit now) -----
    (
        "I am 33 week pregnant. Usually my baby move very much after dinner but today I feel just a little, only one or two kicks.",
        "urgent",
    ),
    (
        "34 weeks pregnant, the baby always kicking a lot at night, but since yesterday I feel only small moves, maybe three. is normal?",
        "urgent",
    ),
    (
        "pregnant 30 weeks. normally she is very active in the morning, today i notice very little, i ate sweet and lie on left side, still few.",
        "urgent",
    ),
    (
        "36 weeks with my second. hes usually kicking loads by now but today only 2 small kicks since breakfast. should i wait for my appointment friday?",
        "urgent",
    ),
    (
        "I am 32 weeks pregnant and my baby is kicking a lot today, is it normal to feel so much?",
        None,
    ),
    ("29 weeks pregnant and i feel a little sick in the mornings again, is that normal?", None),
    # -- poisoning prevention asked about (NHS baby and child safety); near misses: a poisoning now -----
    (
        "my twins start to walk now. which things i must put up high to make the flat safe from poisoning? we have washing pods and medicines in low drawer",
        None,
    ),
    (
        "how can I protect my son of poisoning at home, he open every cupboard now. we live in small flat with bleach in bathroom",
        None,
    ),
    (
        "what cupboard locks are best for keeping a crawler safe against poisoning from the cleaning stuff under the sink?",
        None,
    ),
    (
        "my baby got poisoning from the dishwasher tablet, she chewed it and now she is vomiting",
        "emergency",
    ),
    (
        "we thought the bleach was locked away but my toddler drank some bleach, her mouth is red and she is poisoned i think",
        "emergency",
    ),
    (
        "i think my grandad is poisoned, he drank the weed killer from a lemonade bottle in the shed",
        "emergency",
    ),
    # -- someone else's story in a blog, vlog, forum or memoir, asked about before a trek (NHS
    # altitude sickness); near misses: it is happening now -----
    (
        "There is a forum where a trekker on Kilimanjaro was coughing up blood from fluid on the lungs. How likely is that on the Machame route in June?",
        None,
    ),
    (
        "Found a vlog where a climber started bleeding heavily from his nose at 6000m. Does the altitude make nosebleeds worse? Going to Nepal in October.",
        None,
    ),
    (
        "reading a memoir where a mountaineer coughed up blood near the summit. is that a real risk on kilimanjaro for a fit 50 year old?",
        None,
    ),
    (
        "I read a blog about altitude sickness before the trip and now at 4800m I am coughing up blood and cannot catch my breath",
        "emergency",
    ),
    (
        "we are at base camp and my friend is coughing up pink frothy blood and is very breathless",
        "emergency",
    ),
    (
        "saw a vlog about hape and my husband is coughing up blood at the lodge right now",
        "emergency",
    ),
    # -- cold white fingers or toes that warmed back to normal (NHS Raynaud's); near misses: a
    # real scald in a hot bath, frostbite (NHS frostbite: 999 or A&E for hard, frozen skin) -----
    (
        "Walked up Ben Nevis in sleet, my toes went white and numb by the top, sat by the fire in the hostel and they went pink and normal. Should I worry?",
        None,
    ),
    (
        "my daughter came in from sledging in the snow, her fingertips had gone white, we ran a warm bath and now they look fine again",
        None,
    ),
    (
        "out in the freezing wind on the hill my hands turned white and i couldnt feel them, warmed up in the bath after and they came back. raynauds?",
        None,
    ),
    (
        "I ran a bath for dad with dementia, it was too hot and his legs have gone white and he says they dont hurt",
        "emergency",
    ),
    (
        "it was so cold so i put my feet in a very hot bath and now the skin has gone white and is peeling off",
        "emergency",
    ),
    (
        "my toddler pulled the kettle over, boiling water on his hands, the skin has gone white",
        "emergency",
    ),
    (
        "after six hours stuck on the ridge in the snow his toes are hard and waxy and he cant feel them at all",
        "emergency",
    ),
    (
        "we got him down off the mountain, warmed him by the stove, but his fingertips are still white and he cannot feel them, and blood filled blisters are coming up",
        "emergency",
    ),
    (
        "my hands are frozen after walking the dog in the cold, they always take ages to warm up, is that raynauds?",
        None,
    ),
    ("what gloves stop frostbite on a winter climb in scotland?", None),
    (
        "it was icy this morning and my fingers went white and numb on the bike, after ten minutes indoors they came back to normal",
        None,
    ),
    (
        "i think two of my toes are frostbitten after the night in the snow hole, they look grey and feel wooden",
        "emergency",
    ),
    # -- a long-term catheter draining nothing (NHS urinary catheter problems: urgent, district
    # nurse or 111); near misses: with sepsis signs -----
    (
        "my uncle has a permanent catheter. the leg bag has been empty since breakfast and he says his belly feels tight and swollen.",
        "urgent",
    ),
    (
        "carer here. mrs k has a long-term catheter and the bag has had nothing in it since 9am, she says low down feels full. no fever.",
        "urgent",
    ),
    (
        "my wifes catheter bag is bone dry since lunch and her lower tummy aches. we checked for kinks.",
        "urgent",
    ),
    (
        "how often should the catheter leg bag be emptied and changed? district nurse said every week.",
        None,
    ),
    (
        "dad has a long term catheter, the bag has been empty since this morning and now he is shaking violently, burning hot and confused",
        "emergency",
    ),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round96_travel(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
