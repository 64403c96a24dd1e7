"""Rounds 157-161 by kind: messages relayed from someone else, jokes, chain messages and first-
aid questions. Not-urgent kinds given 999: a relayed fear of dying young or early over a
health number ("bp 150 over 90, im going to die young" lol): a worry about the reading (NHS
high blood pressure), not a wish to die; and "I think I'm having a stroke" said as a joke of
an everyday lapse (forgot where the car is parked, why they walked in), the person fine or
always saying it (NHS memory loss: a GP if it keeps happening); CPR asked about ahead in the
past subjunctive ("if he collapsed and stopped breathing, how do I do CPR?": Resuscitation
Council UK); a chain message put to "you" ("if you are having a heart attack, cough hard")
checked as true or a myth. Same day given to a burning chest pain after a meal that an
antacid settled, the writer fine today (NHS heartburn and acid reflux), and to a UK pet's or
neighbour's nip with rabies only asked about (NHS rabies: not carried by UK dogs and cats;
the bite flags read the bite). An urgent kind given 999: suicidal thoughts with intent
denied outright ("I don't want to do anything to myself", "I'm safe"): same-day help (NHS
help for suicidal thoughts; NICE NG225). Each kind with near misses that must stay
emergencies: a wish to die, means, a plan, a time, not safe, a stroke sign. Our own words
throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- a fear of dying young over a health number, relayed or joked: no flag -------------
    (
        "my sister texted 'nurse says my cholesterol is 7.5, i'm gonna die young' lol. she "
        "feels fine, what should she eat",
        None,
    ),
    (
        "bp was 160 over 100 at the pharmacy, guess im going to die early haha. what can i "
        "do to bring it down",
        None,
    ),
    (
        "mate reckons with his bmi he's going to die before he's 50, he feels fine, how does "
        "he start losing weight",
        None,
    ),
    # near misses: a wish to die, means or a time said with it stays 999
    ("my blood pressure is high, im going to die young and honestly i want to die", "emergency"),
    ("im going to die young anyway, ive got the tablets ready", "emergency"),
    ("i want to die", "emergency"),
    ("i'm going to die tonight, i've decided", "emergency"),
    # -- "having a stroke" as a joke of an everyday lapse: no flag ---------------------------
    (
        "my husband texted 'pretty sure im having a stroke, forgot why i walked into the "
        "kitchen' lol he's fine. is memory meant to go at 50",
        None,
    ),
    (
        "wife says shes having a stroke, cant remember where she put her keys haha, she does "
        "this all the time. could it be the menopause",
        None,
    ),
    (
        "dad messaged 'think im having a stroke, cant remember where i parked' but he found "
        "it and hes totally fine, is getting forgetful normal at 70",
        None,
    ),
    # near misses: a stroke sign, or the claim on its own, stays 999
    (
        "I think I'm having a stroke, I can't remember where I parked and my face is drooping",
        "emergency",
    ),
    ("hes having a stroke, his arm has gone weak lol", "emergency"),
    ("I think im having a stroke lol", "emergency"),
    ("I think I'm having a stroke, I can't remember where I parked the car", "emergency"),
    # -- suicidal thoughts with intent denied outright and safe now: same day -------------
    (
        "I don't want to do anything to myself and I'm safe, but lately I keep thinking my "
        "family would be better off without me. who can I speak to today",
        "urgent",
    ),
    (
        "im safe and i wont be doing anything, but everyone would be better off without me, "
        "i cant stop crying at work",
        "urgent",
    ),
    (
        "i feel safe. i just keep thinking theyd be better off without me, started sertraline "
        "a month ago",
        "urgent",
    ),
    # near misses: safe only for now, not safe, means or goodbye letters stay 999
    ("I'm safe for now but they'd all be better off without me", "emergency"),
    ("im not safe, theyd be better off without me", "emergency"),
    ("I'm safe, but I have the pills ready, they'd be better off without me", "emergency"),
    (
        "I don't want to do anything to myself but I've written goodbye letters, they'd be "
        "better off without me",
        "emergency",
    ),
    ("I don't feel safe, everyone would be better off without me", "emergency"),
    # -- CPR asked ahead in the past subjunctive ("if he collapsed ..., how do I ..."): none --
    (
        "My mum has a weak heart. If she collapsed and stopped breathing, how would I do CPR? "
        "Is it 30 pushes?",
        None,
    ),
    ("if my dad went unconscious and stopped breathing, what would i do?", None),
    (
        "husband has heart failure, so if he had a cardiac arrest at home, would i do chest "
        "compressions or wait for the ambulance?",
        None,
    ),
    # near misses: a collapse told, or only wondered about, stays 999
    ("he collapsed and stopped breathing, how do i do cpr?", "emergency"),
    ("not sure if he collapsed and stopped breathing, how do i do cpr?", "emergency"),
    ("not sure if she collapsed, what do i do?", "emergency"),
    ("i wonder if she stopped breathing in the night, what do i do?", "emergency"),
    # -- a chain message or tip put to "you", checked as true or a myth: none ---------------
    (
        "mum forwarded a post saying if you are having a heart attack you should cough hard, "
        "is that true?",
        None,
    ),
    (
        "got a chain text: if you're having a stroke, prick your fingers to let the blood out. "
        "is this a myth?",
        None,
    ),
    (
        "my dad shared this on facebook: if you are alone and having a heart attack cough very "
        "hard. true or not?",
        None,
    ),
    # near misses: the writer's own attack, or pain told after the forward, stays 999
    ("i think im having a heart attack, is it true you should cough hard?", "emergency"),
    (
        "my friend forwarded something and now i have crushing chest pain, is that true",
        "emergency",
    ),
    # -- a burning pain after a meal that an antacid settled, fine today: heartburn, none ---
    (
        "burning pain in my chest after a big curry last night, took a rennie and it went "
        "away, fine today",
        None,
    ),
    ("chest pain after dinner yesterday, gaviscon eased it, feeling fine now. is it reflux", None),
    (
        "got a chest ache after a late kebab and beers, antacid sorted it in minutes, im fine "
        "now, happens when i eat late",
        None,
    ),
    # near misses: spread to the arm or sweating is 999; a pain still there is same day
    (
        "chest pain last night after a curry, gaviscon sorted it, fine today but it went into "
        "my arm",
        "emergency",
    ),
    (
        "had chest pain after a curry, gaviscon sorted it but i was sweating, fine today",
        "emergency",
    ),
    ("chest pain after dinner, gaviscon didnt help, still there", "urgent"),
    # -- a UK pet's or neighbour's nip with rabies only asked about: none -------------------
    ("our dog nipped my son yesterday, no broken skin, can you get rabies in the UK?", None),
    ("neighbours cat scratched me, tiny red mark gone now, worried about rabies lol", None),
    (
        "my mate says next doors puppy bit his hand last week, skin not broken, is rabies even "
        "a thing in england",
        None,
    ),
    # near misses: a bite through the skin, travel, a stray, an animal from abroad or a bat
    ("my dog bit me and it broke the skin, bleeding a bit, do i need a rabies jab?", "urgent"),
    ("a dog bit me on holiday in thailand, rabies?", "urgent"),
    ("a stray dog bit me in the uk, rabies?", "urgent"),
    ("the neighbours rescue dog from romania bit me, is rabies a risk?", "urgent"),
    ("a bat scratched me in my garden in the UK, rabies?", "urgent"),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round161_relayed(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
