"""Rounds 59-63 missed kinds: a heavy or tight chest told as a feeling that spreads to the jaw
or arm, a hot drink pulled over a small child with a large blistered patch, a drink from a
bottle of a household product named apart from the drink with signs since, HIV PEP after sex
with a partner of unknown status or on a day named on its own, emergency contraception when
words stand between the sex and "without a condom", renal colic in waves with no groin or
urine said, and a painful red eye in a contact lens wearer. Each kind with wordings that must
get the intended level and near misses the other way. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- a chest "feeling" that spreads (NHS heart attack; NICE CG95) -----------------------
    ("heavy sensation across my chest and I've gone cold and clammy", "emergency"),
    (
        "there's a heavy feeling in the centre of my chest and it's going down my left arm",
        "emergency",
    ),
    (
        "tight sensation across my chest for half an hour now, it spreads up into my neck",
        "emergency",
    ),
    (
        "my husband has a squeezing feeling behind his breastbone that moves into his jaw",
        "emergency",
    ),
    ("a pressing, heavy sensation in the middle of my chest travelling to both arms", "emergency"),
    ("gripping feeling on my chest that runs into my teeth and jaw, feel sweaty", "emergency"),
    # near misses: a feeling in the chest without spread, or chest-wall pain on pressing
    ("I get a fluttery feeling in my chest when I've had too much coffee", None),
    ("my chest has a tight feeling when I'm stressed before exams, nothing else", None),
    # -- a hot drink over a small child, large blistered area (NHS burns and scalds) -------
    (
        "my 2 yr old grabbed my coffee and it went over her chest, blistered, the size of my palm",
        "emergency",
    ),
    (
        "my 18 month old knocked a mug of coffee down herself, big blisters across her tummy",
        "emergency",
    ),
    (
        "toddler pulled the teapot onto his arm, the skin is blistering over an area bigger than his hand",
        "emergency",
    ),
    ("my 3 yr old tipped a cup of tea over her leg, there's a large blistered patch", "emergency"),
    # near misses: a cold drink spilled, a small red mark with no blister
    ("my son spilled his juice all over the sofa, how do I get the stain out", None),
    ("my daughter knocked a cup of tea over, a tiny red mark on one finger, no blister", None),
    # -- a drink from a bottle of a household product, named apart (NHS poisoning) ---------
    (
        "my daughter had a swig out of a bottle in the cupboard, think it was toilet cleaner, now she's coughing",
        "emergency",
    ),
    (
        "he drank from a spray bottle on the side, it's the disinfectant, and he keeps drooling",
        "emergency",
    ),
    (
        "son 3 years, he drink from bottle below the sink, maybe is dishwasher liquid, he vomit now",
        "emergency",
    ),
    (
        "she swallowed some from the dishwasher gel bottle and her lips are red and swollen",
        "emergency",
    ),
    # near misses: water from a bottle, cleaning talked about, no signs
    ("my toddler drank from a water bottle at nursery and has a cough, is it a cold?", None),
    ("what is the safest way to store bleach and other cleaning products away from kids?", None),
    (
        "is drinking from plastic bottles left in the sun safe, do chemicals get in? I have a cough",
        None,
    ),
    (
        "I drink out of the same flask every day, should I wash it with bleach? I feel a bit sick",
        None,
    ),
    # -- HIV PEP: a partner of unknown status, or a day named on its own (BASHH PEP) -------
    (
        "the condom came off on friday night and I don't know his status, can I still get PEP?",
        "urgent",
    ),
    (
        "had sex without a condom yesterday with someone whose status is unknown, what should I do",
        "urgent",
    ),
    ("condom split sunday with a woman I met online, not sure of her hiv status", "urgent"),
    (
        "unprotected sex on sat night, the guy's hiv status unknown, how quickly do I need the meds",
        "urgent",
    ),
    # near misses: a general question, a partner known to be undetectable, long ago
    ("how does HIV PEP work and where can people get it?", None),
    ("condom broke last night but my partner is undetectable, do I need anything?", None),
    ("a condom split two months ago with a man of unknown status, should I get tested?", None),
    # -- emergency contraception, words before "without" (NHS emergency contraception) -----
    (
        "had sex with my partner last night without using anything, worried about pregnancy",
        "urgent",
    ),
    (
        "we had sex this morning without any contraception and I really can't be pregnant now",
        "urgent",
    ),
    ("slept with my boyfriend on tuesday night without a condom, what are my options", "urgent"),
    (
        "had sex last night again without protection, can I still get the morning after pill?",
        "urgent",
    ),
    # near misses: a plan, or the worry long past
    ("if we have sex tonight without a condom can I get pregnant on my period?", None),
    ("we had sex without a condom three months ago and my period came since, am I ok?", None),
    # -- renal colic in waves, no groin or urine said (NHS kidney stones; NICE NG118) ------
    (
        "severe pain in my left side since lunchtime, it comes in waves, is it a kidney stone?",
        "urgent",
    ),
    ("agony in my right loin coming and going in waves, I can't keep still", "urgent"),
    ("bad colicky pain in my back on one side, been sick twice", "urgent"),
    # near misses: period cramps, trapped wind, a mild ache
    ("period pain in my lower back that comes in waves, worst on day one", None),
    ("trapped wind pain in my side coming in waves after a big meal", None),
    # -- a painful red eye in a contact lens wearer (College of Optometrists) -------------
    ("my eye has turned red and sore and I wear contacts every day", "urgent"),
    ("eye went really painful and red overnight, I use monthly lenses", "urgent"),
    ("I sleep in my contacts and now my eye has gone red and light hurts", "urgent"),
    # near misses: lens questions with nothing wrong, a red eye that is itchy and sticky
    ("can I wear my contacts in the swimming pool?", None),
    ("what contact lens solution is best for dry eyes?", None),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round63_missed(triage: Triage, text: str, expected: str | None) -> None:
    assert flag_level(triage, text) == expected
