"""Rounds 192-196 by kind (set 30): emergencies missed and urgent cases that got nothing.
Postpartum psychosis in the weeks after a birth: voices, a baby believed swapped or not
hers, paranoid fears for the baby, or nights without sleep with racing talk (999); baby
blues, phantom cries, a tired figure of speech and a past episode stay down. Lips "huge" or
"massive" with a croaky or strange voice after a sting (anaphylaxis, 999), even told as an
update; a sting swollen on the hand or arm stays down. A fall or blow to the head or neck with
neck pain and pins and needles down the arms (spinal injury, 999); a stiff neck from sleep,
whiplash with no arm signs and old tingling stay down. A human bite in a fight that broke the
skin (urgent); one that did not stays down. A needlestick from a used or discarded needle in
the last hours or days (urgent); a new needle, one's own and an old assessed one stay down.
Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- postpartum psychosis: hallucinations, delusions or mania in the weeks after a birth
    # (NHS postpartum psychosis: a medical emergency) -------------------------------------
    (
        "my daughter had her baby 12 days ago. since last night she keeps hearing voices "
        "and says the midwives want to take the baby away from her",
        "emergency",
    ),
    (
        "wife gave birth a week ago, now she is sure our son was switched at the hospital "
        "and is not really her baby. she wont let me near him",
        "emergency",
    ),
    (
        "3 weeks postnatal and my partner has barely slept for four nights, talking non "
        "stop about grand plans, says she feels invincible",
        "emergency",
    ),
    (
        "the baby is 9 days old and my girlfriend says she can see people in the room that "
        "arent there, and thinks someone is trying to hurt the baby",
        "emergency",
    ),
    (
        "since the birth 2 weeks ago my wife seems psychotic, keeps whispering that the "
        "neighbours are plotting to steal the baby",
        "emergency",
    ),
    # near misses: baby blues, sleep loss to feeds, phantom cries, a joke, a past episode
    (
        "had my baby 8 days ago and I cry at everything, feel weepy and anxious. my mum says "
        "baby blues, is that right?",
        None,
    ),
    (
        "our newborn is 2 weeks old and we have hardly slept for 3 nights with the feeds, "
        "any tips to get him to settle?",
        None,
    ),
    (
        "baby is 3 weeks old and I keep thinking I hear her crying when she is fast asleep, "
        "is that a normal new mum thing",
        None,
    ),
    (
        "10 days postpartum and so exhausted im seeing things lol. how do people cope?",
        None,
    ),
    (
        "our little one is 2 weeks old and I am so paranoid about cot death that I check "
        "his breathing every hour",
        None,
    ),
    (
        "I had postpartum psychosis with my first baby years ago and I am pregnant again. "
        "what is the risk it comes back?",
        None,
    ),
    # -- lips or tongue "huge" with a hoarse or croaky voice, after a sting or food
    # (NHS anaphylaxis; Resuscitation Council UK) ------------------------------------------
    (
        "bee got me on the cheek in the garden. now my lips feel massive and my voice is hoarse",
        "emergency",
    ),
    (
        "ate a satay skewer, 5 minutes later my lips are enormous and my voice sounds weird",
        "emergency",
    ),
    (
        "stung by a hornet at the allotment. update: lips feel blown up and voice gone "
        "croaky, otherwise ok",
        "emergency",
    ),
    # near misses: a local sting swelling, a large local reaction the next day
    (
        "wasp stung my finger 20 minutes ago, the finger is puffy and sore but nothing else",
        None,
    ),
    (
        "bitten or stung on the forearm yesterday, today a big red swollen patch, itchy, "
        "breathing fine",
        None,
    ),
    # -- a fall or blow to the head or neck, neck pain, pins and needles or numbness down the
    # arms (NHS neck injury; NICE NG41 spinal injury) -------------------------------------
    (
        "slipped on the wet kitchen floor and went flying backwards, banged my head on the "
        "worktop. neck is really sore and I have tingling down both arms",
        "emergency",
    ),
    (
        "got hit from behind at the lights, whiplash, neck pain and numbness going down my "
        "arms into my fingers",
        "emergency",
    ),
    (
        "my son smacked his head and neck on the diving board, his neck hurts and he has "
        "pins and needles in both hands",
        "emergency",
    ),
    # near misses: a stiff neck from sleep, whiplash with no arm signs, old tingling
    (
        "woke up with a stiff neck after sleeping on the sofa, cant turn my head to the left",
        None,
    ),
    (
        "had a minor shunt yesterday, whiplash they reckon, neck a bit sore but arms and "
        "hands feel completely normal",
        None,
    ),
    (
        "I have had pins and needles in my hands for years with carpal tunnel. knocked my head "
        "on a shelf today and my neck aches a bit",
        None,
    ),
    # -- a human bite that broke the skin (NHS animal and human bites: same day) -----------
    (
        "a drunk bloke sank his teeth into my arm last night, there are teeth marks and it "
        "broke the skin",
        "urgent",
    ),
    (
        "got bitten on the shoulder in a scrap on saturday, the skin is broken and a bit red",
        "urgent",
    ),
    (
        "care worker here, a resident sank her teeth into my wrist this morning, it bled",
        "urgent",
    ),
    # near misses: skin not broken; teeth into food
    (
        "a kid at nursery sank his teeth into my arm but the skin isnt broken, just a red mark",
        None,
    ),
    (
        "sank my teeth into a toffee apple and now a tooth feels a bit loose",
        None,
    ),
    # -- a needlestick from a used, dirty or discarded needle in the last hours or days
    # (NHS needlestick injuries: advice the same day) -------------------------------------
    (
        "nurse here, pricked my thumb with a used needle after a patient's injection about "
        "an hour ago. let it bleed and washed it",
        "urgent",
    ),
    (
        "my 6 year old trod on a syringe in the playground this afternoon and it went into "
        "his foot",
        "urgent",
    ),
    (
        "cleaner at a hostel, got a needle stick from a dirty needle in a bin bag yesterday, "
        "nobody knows whose it was",
        "urgent",
    ),
    # near misses: a new needle, one's own, an old one already assessed
    (
        "pricked my finger on a brand new sterile needle when I opened the pack today",
        None,
    ),
    (
        "stabbed myself with my own used insulin pen needle this morning, only ever used on me",
        None,
    ),
    (
        "had a needlestick at work 2 months ago, occupational health did bloods and the hep "
        "b booster. when are the follow up tests due?",
        None,
    ),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round196_missed(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
