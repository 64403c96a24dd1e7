"""Rounds 187-191 by kind (set 29): false emergencies. A battery or magnet taken out of a
small child's mouth with every one from the device counted (CAPT and NHS button batteries:
A&E only if one may have been swallowed or is stuck); sunburn on a young child with big
blisters, chills or a temperature, told as burnt at the beach (NHS sunburn: 111, not a
severe heat burn), while a confused or floppy child after the sun stays 999 (NHS
heatstroke); blue or purple lips and shaking in cold water, warmed up and pink again (NHS
hypothermia); a general question whether anyone can drown hours later (information, RLSS
UK); a red blotch on the white of the eye after a dive (NHS subconjunctival haemorrhage),
not the skin rash of decompression illness. Each kind with wordings that must stand down
(or be urgent), and near misses that must stay emergencies. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- a battery taken out of a child's mouth, every battery from the gadget counted -------
    (
        "my 18 month old had a AAA battery from the tv remote in his mouth, I took it out "
        "straight away and counted both batteries, hes fine and playing",
        None,
    ),
    (
        "Caught my daughter sucking on a battery from her toy, pulled it out and checked all "
        "the batteries are there. Nothing missing. Is it worth buying battery covers?",
        None,
    ),
    (
        "toddler had a little round battery from the kitchen scales in her mouth, I fished "
        "it out and both batteries are accounted for. she's happy, eating her tea",
        None,
    ),
    # near misses: a doubt, one still missing, a sign, or a battery up the nose
    (
        "my 2 year old had a AA battery in his mouth, I pulled it out and counted both "
        "batteries, but he might have swallowed something else off the table",
        "emergency",
    ),
    (
        "took a button battery out of my sons mouth but I cant find the other one from the "
        "remote anywhere",
        "emergency",
    ),
    (
        "pulled a watch battery out of my daughters mouth, counted all the batteries, but "
        "shes drooling loads and crying",
        "emergency",
    ),
    (
        "my toddler has pushed a button battery up her nose and I cant get it out",
        "emergency",
    ),
    (
        "my son just swallowed a button battery from his light up trainers",
        "emergency",
    ),
    # -- sunburn on a young child with big blisters, chills or a temperature: 111 the same day
    # (NHS sunburn), not a severe heat burn -------------------------------------------------
    (
        "my 3 year old got burnt on his back at the seaside today, now theres big blisters "
        "and hes shivery with a temperature. still chatting and drinking",
        "urgent",
    ),
    (
        "little one (20 months) burnt her arms at the beach, come up in large blisters this "
        "evening and she feels hot. playing normally",
        "urgent",
    ),
    (
        "my 4 year old caught the sun on holiday and her shoulders have huge blisters now, "
        "she has chills and wont eat much",
        "urgent",
    ),
    # near misses: a thermal burn at the beach, or heatstroke signs
    (
        "my toddler burnt both feet on the hot sand at the beach, big blisters right across "
        "the soles",
        "emergency",
    ),
    (
        "my 2 year old burnt on the beach, big blisters on his shoulders and now hes confused",
        "emergency",
    ),
    (
        "my 3 year old has sunburn with blisters and is confused and very sleepy",
        "emergency",
    ),
    (
        "sunburnt toddler with big blisters, now floppy and wont wake properly",
        "emergency",
    ),
    (
        "my 2 year old pulled a cup of boiling tea over himself, large blisters across his chest",
        "emergency",
    ),
    # -- lips blue or purple and shaking with cold in the water, warmed up and pink again
    # (NHS hypothermia: warm them up; mild cold that recovers needs nothing more) ----------
    (
        "my sons lips turned purple swimming in the lake and he was shaking all over. we "
        "dried him and got him warm, hes pink now and eating a sandwich",
        None,
    ),
    (
        "Daughter's lips went blue at the lido and she was trembling, got her in a warm "
        "hoodie and she's rosy again and back to normal. anything else to do?",
        None,
    ),
    (
        "after a dip in the sea my girls lips were blue and she was shaking, we warmed her "
        "up and shes pink and giggling now",
        None,
    ),
    # near misses: still blue, drowsy, coughing or jerking
    (
        "my sons lips went blue in the sea and he was shaking, weve warmed him up, hes pink "
        "now but really drowsy and hard to keep awake",
        "emergency",
    ),
    (
        "her lips are still blue after swimming in the sea, shaking and we cant warm her up",
        "emergency",
    ),
    (
        "lips went purple in the pool and she was shaking, now pink but coughing non stop "
        "and breathing fast",
        "emergency",
    ),
    (
        "his lips went blue in the river and he was shaking and jerking, he is pink now",
        "emergency",
    ),
    # -- a general question whether anyone can drown hours later, how fast or how: information
    # (RLSS UK water safety), not an event now ------------------------------------------------
    (
        "is it true kids can drown a day after swimming? my sister sent me an article and "
        "now Im worried for the holidays",
        None,
    ),
    (
        "can a toddler drown in a couple of inches of water in a paddling pool?",
        None,
    ),
    (
        "I heard that people can drown hours after getting out of the water, is that real?",
        None,
    ),
    # near misses: a child at hand who went under, or drowning now
    (
        "is it true you can drown hours later? my son went under at the pool this afternoon "
        "and hes been coughing non stop since",
        "emergency",
    ),
    (
        "help my little boy is drowning in the pond",
        "emergency",
    ),
    (
        "my daughter nearly drowned at swimming today and now shes very sleepy and breathing fast",
        "emergency",
    ),
    # -- a red blotch on the white of the eye after a dive (NHS subconjunctival haemorrhage:
    # harmless), not the skin rash of decompression illness ---------------------------------
    (
        "went scuba diving yesterday and now theres a bright red blotch on the white of my "
        "eye. no pain, seeing fine",
        None,
    ),
    (
        "after freediving this morning I noticed a red blotch in my left eye, it doesnt hurt "
        "and my sight is normal",
        None,
    ),
    (
        "my eye blotch after diving, bright red on the white bit, no pain at all, is it safe "
        "to dive again",
        None,
    ),
    # near misses: the signs of decompression illness after a scuba dive
    (
        "two scuba dives today and now I have a blotchy rash on my chest and my shoulders ache",
        "emergency",
    ),
    (
        "red blotch on the white of my eye after scuba diving this morning and now my legs "
        "feel weak and tingly",
        "emergency",
    ),
    (
        "came up too fast on a scuba dive an hour ago, my skin is mottled and I feel dizzy",
        "emergency",
    ),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round191_false(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
