"""Set 18 (rounds 132-136) by kind: not-urgent messages the flags sent to same-day care.
Breathlessness that builds with effort (flights of stairs, overdoing it, on exertion) and has
been there a long time; breathing trouble days back that was seen in hospital and is much
better now, a cough lingering (NHS bronchiolitis: the cough can last weeks); a young child's
rash after a fever that fades under a glass, the fever gone and the child eating and playing
(NHS rashes in babies and children; NHS roseola); a bite seen and treated days ago, healing
with no redness (NHS animal and human bites). Each kind with wordings that must stand down,
and near misses that must keep their level: breathlessness that is getting worse, new or at
rest; a baby still working hard to breathe or not feeding; a rash that does not fade or a
child who is floppy or still hot; a bite that is red, hot, spreading or with a fever. Our own
words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- breathlessness on effort, long-standing and stable (NHS shortness of breath: see a
    # GP if it has gone on a long time; same day if it is new, sudden or getting worse) ------
    (
        "Since I stopped going to the gym I'm out of breath climbing three flights of stairs "
        "to my flat. Has been that way for a year or so. How do I get fitter?",
        None,
    ),
    (
        "I get short of breath walking up two flights at work, always have since my knee op "
        "made me put on weight. Any tips for starting exercise?",
        None,
    ),
    (
        "Had a chest infection in the spring, the tests were all fine, but I'm still a bit "
        "breathless when I overdo it in the garden. How long does it take to get back to normal?",
        None,
    ),
    (
        "My dad is 75 and gets breathless on exertion, the respiratory nurse knows and says "
        "it's his age and his lungs. Is there a breathing exercise that helps?",
        None,
    ),
    (
        "Breathless if I push myself on the cross trainer, been like that for months, GP "
        "checked my heart and bloods. Is pulmonary rehab worth asking about?",
        None,
    ),
    # near misses: getting worse, new, or at rest
    (
        "I get out of breath going up two flights of stairs and it's getting worse every "
        "week. Now I have to stop halfway.",
        "urgent",
    ),
    (
        "Been short of breath when I walk up the stairs, but over the last month it's "
        "been getting worse and my ankles are puffy.",
        "urgent",
    ),
    (
        "Since yesterday I'm short of breath just walking to the kitchen, which has never "
        "happened before.",
        "urgent",
    ),
    (
        "I'm breathless even sitting on the sofa now, it used to be only on the stairs.",
        "urgent",
    ),
    # -- breathing trouble days back, seen in hospital, much better now (NHS bronchiolitis;
    # NICE NG9: working hard to breathe or not feeding are the signs to act on) ------------
    (
        "Our 5 month old was admitted four days ago struggling to breathe with bronchiolitis. "
        "Discharged yesterday, she's much better and feeding well, just a cough. Is that normal?",
        None,
    ),
    (
        "Took my son to A&E last week because he had trouble breathing, they nebulised him and "
        "sent us home. He's back to himself now but coughs at night. When will that stop?",
        None,
    ),
    (
        "Last weekend my toddler was gasping for air with croup and the paramedics came, gave "
        "steroids. She's so much better, eating normally. Could she get it again this winter?",
        None,
    ),
    (
        "The out of hours doctor saw her at the weekend when she had trouble breathing and said "
        "it was a virus. She's much better now and drinking well. Can she go back to nursery?",
        None,
    ),
    # near misses: the breathing trouble now, back, or a baby not feeding
    (
        "Our baby was in hospital three days ago with bronchiolitis and came home, but now he's "
        "struggling to breathe again and not feeding. What do we do?",
        "emergency",
    ),
    (
        "Sent home from A&E last week with bronchiolitis, much better at first, but tonight "
        "she's working hard to breathe and her ribs are sucking in.",
        "emergency",
    ),
    (
        "My 7 month old had oxygen in hospital two days ago for bronchiolitis, he's better but "
        "is still struggling to breathe when he feeds.",
        "emergency",
    ),
    # -- a rash after a fever that fades under a glass, the child well (NHS rashes in babies
    # and children; NHS roseola; NHS meningitis: the rash that does not fade is the worry) --
    (
        "My 18 month old had a fever for two days, now it's gone and she's come out in pink "
        "spots on her chest. Did the glass test and they fade. She's eating and playing fine.",
        None,
    ),
    (
        "3 year old had a high temp on Sunday, today a red blotchy rash on his back. Glass "
        "test: it goes white. Temperature has gone and he's running about. Does he need the GP?",
        None,
    ),
    (
        "daughter, 2, rash all over her tummy after a temp yesterday, pressed a glass on it and "
        "it faded. no fever now, shes back to her usual self. what is it?",
        None,
    ),
    (
        "Had a high temperature three days ago, my 4 year old now has a pink rash. It fades "
        "under a glass and he is himself again, playing with his brother. Anything to do?",
        None,
    ),
    # near misses: a rash that does not fade, a child floppy, or the fever still high
    (
        "My 2 year old has a fever and a rash, I pressed a glass on it and the spots don't "
        "fade. What should I do?",
        "emergency",
    ),
    (
        "Toddler had a temp, now a rash that fades under the glass but he's very sleepy and "
        "floppy and won't drink.",
        "emergency",
    ),
    (
        "My son, 3, has a temperature of 39.5 and a rash on his tummy, I did the glass test "
        "and it fades. He's eating and playing but still hot. Should he be seen?",
        "urgent",
    ),
    (
        "My 4 year old has had a temperature for 5 days and now a rash, it fades with the "
        "glass test, he's eating and playing. Should he see someone?",
        "urgent",
    ),
    # (and a baby seen at the weekend for her breathing who still works hard to breathe)
    (
        "We saw the GP at the weekend when my baby was struggling to breathe. She's feeding "
        "a bit better but is still breathing fast and her tummy is sucking in.",
        "emergency",
    ),
    # -- a bite seen and treated days ago, healing (NHS animal and human bites: infection
    # signs are redness, heat, swelling that spreads, pus, a fever) --------------------------
    (
        "My cat bit my wrist five days ago, the GP gave me antibiotics and it's healing well "
        "with no swelling. Can I stop the tablets when it looks better?",
        None,
    ),
    (
        "Bitten by the neighbour's dog last week, got it cleaned at urgent care plus a tetanus "
        "jab. Now just a scab and not red at all. Will it scar?",
        None,
    ),
    (
        "A dog bit my leg on Saturday, minor injuries dressed it and gave co-amoxiclav. "
        "It's healing nicely, looks clean. Can I go swimming yet?",
        None,
    ),
    # near misses: infection since, a fever, or a fresh bite
    (
        "Dog bite last week, saw the GP and on antibiotics, but now it's red, hot and the "
        "redness is spreading up my arm.",
        "urgent",
    ),
    (
        "Bitten by a cat three days ago, A&E cleaned it and gave antibiotics, it was healing "
        "but I've got a fever and shivers now.",
        "urgent",
    ),
    (
        "Cat bit my finger a fortnight ago, the nurse gave me antibiotics, the skin has healed "
        "but the finger is stiff and I can't bend it fully.",
        "urgent",
    ),
    (
        "A dog bit my hand about an hour ago, it broke the skin and is bleeding a bit. Do I "
        "need to be seen?",
        "urgent",
    ),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round136_not_urgent(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
