"""Set 16 (rounds 122-126) by kind: emergencies missed and urgent cases not caught. A pack of
a medicine found empty and "took them all", the person seeming well (NHS paracetamol: A&E
even without symptoms); a knife wound to the body told without "stabbed", a towel soaked
through (NICE NG39; NHS cuts); a fall face first with a lump, vomiting or nodding off (NICE
NG232); someone pulled out of water who still coughs or breathes fast (RLSS UK, NHS); a
baclofen pump alarmed or missed with fever or confusion (MHRA). Urgent: an animal's nip that
broke the skin told "nipped by the dog"; a time-critical medicine's last dose or a lost
prescription; a recent sexual assault, or the morning after pill asked for in time (NHS: a
SARC, emergency contraception, PEP); a baby of 3-6 months at 39 (NICE NG143); a wound that
gapes, told without "cut"; a child's blistered scald (NHS burns). Each kind with near misses
that must stay as they are. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- a medicine pack found empty, "took them all" (NHS paracetamol overdose) ------------
    (
        "my flatmate found an empty box of co codamol in the bin and she says she took the lot "
        "about an hour ago. she seems ok, just quiet",
        "emergency",
    ),
    (
        "Carers found the blister packs of his paracetamol empty in the drawer, he told us he "
        "ate all of them last night. He's chatting normally.",
        "emergency",
    ),
    (
        "there's a packet of sertraline missing from her bag and she admits she swallowed them "
        "all after tea",
        "emergency",
    ),
    # near misses: a course finished as prescribed
    (
        "I took them all as prescribed, the box of antibiotics is empty now, is it ok if my "
        "cough is still there?",
        None,
    ),
    (
        "Finished the course, took every one over the seven days, the pack is empty. When can "
        "I drink again?",
        None,
    ),
    # -- a knife wound to the body without "stabbed" (NICE NG39) --------------------------------
    (
        "a guy came at me with a knife outside the shop and got me in the belly, I'm holding "
        "my hoodie on it",
        "emergency",
    ),
    (
        "my brother has been knifed in the back at a party, he's sitting up talking",
        "emergency",
    ),
    (
        "someone slashed him with a blade across the neck, we are pressing on it",
        "emergency",
    ),
    (
        "the tea towel on my leg is soaked through already from where the glass went in",
        "emergency",
    ),
    # near misses: a kitchen slip, a small cut
    (
        "I caught my thumb with a knife while chopping carrots, a small nick on the side, "
        "plaster on it",
        None,
    ),
    # -- a fall face first with a lump and sickness or drowsiness (NICE NG232) ---------------
    (
        "my dad tripped on the step and went face first onto the patio, big egg on his "
        "forehead, he has been sick twice",
        "emergency",
    ),
    (
        "my daughter fell face first off the sofa arm, bump on her head and she keeps nodding "
        "off on me, she never naps",
        "emergency",
    ),
    (
        "faceplanted off my scooter, lump on my forehead, thrown up three times since",
        "emergency",
    ),
    # near misses: a fall with no sign after it
    (
        "she fell face first onto the mat at gymnastics, cried for a minute, now fine and playing",
        None,
    ),
    (
        "my son went face first off the climbing frame and knocked out two of his wobbly baby "
        "teeth, bleeding stopped, does the dentist need to see him?",
        None,
    ),
    # -- pulled out of water, a cough that goes on or fast breathing (RLSS UK, NHS) ----------
    (
        "my girl slipped into the pond at the farm, we got her out within seconds, she is still "
        "coughing an hour later and breathing hard",
        "emergency",
    ),
    (
        "found my son face down in the bath, pulled him straight out, he cried but now his "
        "breathing is fast and he is really sleepy",
        "emergency",
    ),
    (
        "he went under at the swimming pool for a few seconds, lifeguard pulled him out, he has "
        "been coughing on and off since",
        "emergency",
    ),
    # near misses: out of the water and well
    (
        "we pulled my son out of the pool after he went under, he's fine, laughing and playing, "
        "no cough at all",
        None,
    ),
    # -- a baclofen pump alarmed or missed, with fever or confusion (MHRA) -------------------
    (
        "his baclofen pump has been beeping since the refill was missed, now he has a temp of "
        "38.9 and is confused",
        "emergency",
    ),
    (
        "intrathecal pump alarm going off all night and her refill was cancelled, she's very "
        "stiff, burning hot and hallucinating",
        "emergency",
    ),
    (
        "My wife's ITB pump stopped working, she has a fever and doesn't know where she is",
        "emergency",
    ),
    # near misses: a refill booked, nothing wrong
    ("my baclofen pump refill is due next week, can I drive to the clinic?", None),
    # -- a bite that broke the skin, told "nipped by the dog" (NHS animal bites) --------------
    (
        "my daughter got nipped by the neighbours spaniel this morning, it broke the skin on "
        "her wrist",
        "urgent",
    ),
    (
        "I was bitten on the ankle by a jack russell at work, two puncture marks",
        "urgent",
    ),
    (
        "grandson was nipped by our cat earlier, a little bleeding from his finger",
        "urgent",
    ),
    # near miss: a nip that did not break the skin
    (
        "my son got nipped by his friends dog at the park, it didn't break the skin, just a red "
        "mark",
        None,
    ),
    # -- a time-critical medicine's last dose or a lost prescription (NHS co-careldopa) ------
    (
        "dad took his last sinemet at lunch and the chemist says the prescription never came, "
        "next dose is due at six",
        "urgent",
    ),
    (
        "my levetiracetam prescription went missing at the pharmacy and I have taken my last "
        "tablet",
        "urgent",
    ),
    (
        "she has used her very last rotigotine patch and the surgery says it will be days",
        "urgent",
    ),
    # near miss: a repeat asked for in good time
    (
        "I've got two weeks of madopar left, how do I order a repeat before I run out?",
        None,
    ),
    # -- a recent sexual assault, the morning after pill in time (NHS help after rape) --------
    (
        "a man I met at a party raped me on saturday night. I haven't told anyone. what should "
        "I do?",
        "urgent",
    ),
    (
        "my housemate says her date forced her into sex last night, she's shaken and hasn't washed",
        "urgent",
    ),
    (
        "It happened yesterday and I didn't consent. Is it too late to get checked?",
        "urgent",
    ),
    (
        "it was three days ago, is it too late for the morning after pill?",
        "urgent",
    ),
    (
        "two days ago. can I still get emergency contraception from a chemist?",
        "urgent",
    ),
    # near misses: an assault long ago, a film, the pill already taken
    (
        "I was sexually assaulted years ago and I'm in therapy now. Any books on recovery?",
        None,
    ),
    (
        "the film last night had a rape scene in it, it upset me, how do I stop thinking about it",
        None,
    ),
    # -- a baby of 3 to 6 months at 39 or more (NICE NG143) ----------------------------------
    (
        "Minding my granddaughter, 5 months. Temp 39.4 tonight, feeding alright",
        "urgent",
    ),
    (
        "baby is 4 months, temperature was 39 on the ear thermometer, otherwise smiley",
        "urgent",
    ),
    (
        "my son is six months and has a fever of 39.5 since tea time",
        "urgent",
    ),
    # near misses: a temperature under 39 at that age, or months not an age
    ("baby 5 months, temperature 37.8, bit snotty", None),
    # -- a wound that gapes, told without "cut" (NHS cuts) ------------------------------------
    (
        "the corner of the cupboard caught my forehead, bleeding stopped but you can see the "
        "edges gaping apart",
        "urgent",
    ),
    (
        "a plate was thrown and hit my chin, there's a proper gap and I can see it open when "
        "I talk",
        "urgent",
    ),
    (
        "fell on the gravel, the skin on my knee split and the edges won't stay together",
        "urgent",
    ),
    # near miss: a gap that is not a wound
    ("I have a big gap between my front teeth, can a dentist close it?", None),
    # -- a child's scald that has blistered (NHS burns and scalds) ---------------------------
    (
        "my 3 year old touched the oven door and now there's a blister on her finger",
        "urgent",
    ),
    (
        "toddler pulled my coffee over his arm, cooled it for 20 minutes, a small blister came up",
        "urgent",
    ),
    (
        "my son scalded his wrist on the kettle steam, it has blistered",
        "urgent",
    ),
    # near misses: red with no blister, an old burn
    (
        "my 4 year old touched a hot mug, it went a bit pink but no blister, cooled it",
        None,
    ),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round126_missed(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
