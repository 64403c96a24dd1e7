"""Negated lists in clinicians' notes and patients' words, and the emergencies of rounds 33-34
that no flag read (our own wordings; see assistant/context.py: _negates_denied_list)."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# a denial that opens a list of short items closed by "or" reaches every item
DENIED_LISTS = [
    "Phone triage. 40M, dull headache for three days. Denies temperature, stiff neck, purple "
    "spots, photophobia, being sick or confusion. Advised paracetamol.",
    "Pt seen in clinic. Nil fever, neck stiffness, non blanching rash, drowsiness or vomiting.",
    "Anticoag review, on apixaban for AF. Negative for gum bleeding, nose bleeds, blood in "
    "stools, black stools or haematuria.",
    "on warfarin, no bruising, gum bleeds, nosebleeds or blood when I wee, just want to know "
    "about my diet",
    "Mood review. Denies suicidal ideation, self harm urges or plans. Sleeping better.",
    "Follow up. Denies thoughts of suicide or self-harm, no intent, no plan. Engaging well.",
]

# near misses: the list is broken, the negation belongs to a verb, or the item is not short
NOT_DENIED = [
    ("my son has a headache, not eating, stiff neck, rash or spots on his legs", "emergency"),
    ("no fever, stiff neck and rash on his tummy that wont fade", "emergency"),
    ("on rivaroxaban, no bruises but nosebleed wont stop for an hour", "emergency"),
    ("no fever, chest pain spreading to my arm or jaw", "emergency"),
    ("no plan but I want to kill myself", "emergency"),
    ("no plans or anything, I just want to die", "emergency"),
    ("no thoughts of self harm, suicide is on my mind every day", "emergency"),
]


@pytest.mark.parametrize("text", DENIED_LISTS)
def test_denied_list_stands_down(triage: Triage, text: str) -> None:
    assert flag_level(triage, text) is None


@pytest.mark.parametrize(("text", "level"), NOT_DENIED)
def test_list_not_denied_still_fires(triage: Triage, text: str, level: str) -> None:
    assert flag_level(triage, text) == level


EMERGENCIES = [
    # intent with a time ("I'm ending it tonight")
    "she texted me saying im ending it tonight, sorry for everything",
    "tomorrow I'm doing it, I've had enough",
    "he said he is ending it all this weekend and wont answer his phone",
    # a ligature or rope hidden, or tried round the neck
    "my daughter has a ligature hidden in her wardrobe",
    "found a rope hidden under his bed and he has been so low",
    "I tied a belt round my neck last night to see if it would hold",
    # a stockpile of a named medicine
    "I've been hoarding my diazepam for a month now",
    "stockpiling oxycodone, nearly have enough",
    "he has been stashing his endone in a sock drawer",
    # an aneurysm in lay words with severe pain or shock
    "dad has a swelling on his main artery they watch, now sudden agony in his back",
    "there is a pulsating lump in my tummy and I feel faint and clammy",
    "known bulging of the big blood vessel in his belly, collapsed, BP 80/50",
    # pre-eclampsia: weeks+days shorthand and more wordings of its signs
    "34+5 wks, pounding pain across my forehead and sparkles in my vision",
    "Antenatal 36+1 weeks. BP 164/112, pain below her right ribs",
    "primip 31+0 wks, zig zags across her eyes and pain under her ribs",
]

NOT_EMERGENCIES = [
    # a relationship, a streak, a fast
    "im ending it with my boyfriend tonight, how do I say it kindly",
    "im ending it tonight with my girlfriend, we just argue",
    # a necklace, a skipping rope, stockpiling for a trip or a shortage
    "I put it round my neck to see if the necklace fits",
    "found a skipping rope hidden in the shed",
    "stockpiling my insulin before the holiday abroad, is that ok",
    "stockpiling ibuprofen because of the shortage, how long does it keep",
    # a pulsing tummy without pain or shock; a normal BP in pregnancy
    "is it normal to feel a pulsing lump in my tummy when lying down",
    "35+2 wks, BP 118/72 at the midwife today, all fine",
    "pregnant 30 wks, feet a bit swollen in the evenings",
    "33 weeks pregnant, my face is puffy today and a headache, do I rest?",
]


@pytest.mark.parametrize("text", EMERGENCIES)
def test_emergency_wordings(triage: Triage, text: str) -> None:
    assert flag_level(triage, text) == "emergency"


@pytest.mark.parametrize("text", NOT_EMERGENCIES)
def test_not_emergency_wordings(triage: Triage, text: str) -> None:
    assert flag_level(triage, text) != "emergency"
