"""Rounds 72-76 false emergencies (terse online forms, new mothers, first-aiders, older
people, travellers), by kind: a course of antimalarials or antibiotics "all" taken as
prescribed, a child's "baby teeth", poo that has changed from black to another colour or a
newborn's meconium in the first days, a choke cleared by back blows with thrusts said not to
be needed or "from now on" after it, sight said to be fine after a fragment in the eye, and a
question about a trip ahead ("while I'm away"), and chest pain or breathlessness that a scan
for a clot found clear and that has gone completely. Each kind with wordings that must stand down
and near misses that must stay emergencies (a new event told after the old one, a sign now, a
denial then a real sign). Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- a course of tablets finished as prescribed (NHS malaria prevention; antibiotics) ----
    ("I finished my trip to Ghana and took all my antimalarial tablets as I was told", None),
    ("took all of my antibiotics last week but the cough is back, should I see someone?", None),
    ("She took the whole course of malaria tablets, does she still need a blood test?", None),
    ("I took all my tablets as prescribed and the rash has gone", None),
    # near misses: all at once, or with words of dying
    ("I took all my malaria tablets at once about an hour ago", "emergency"),
    ("I've taken all my antibiotics together because I want to die", "emergency"),
    ("I swallowed a whole packet of paracetamol tonight", "emergency"),
    # -- a child's baby teeth are milk teeth, not a baby (NHS children's teeth) -------------
    (
        "my 7 year old tripped in the playground and one of his baby teeth came out, gum bled a bit",
        None,
    ),
    ("She fell off the climbing frame and chipped a baby tooth, is the dentist needed?", None),
    # near misses: a baby who fell and hit the head, or a knock-out
    (
        "my 8 month old baby rolled off the changing table and hit her head on the floor",
        "emergency",
    ),
    (
        "her baby teeth are fine but she fell off the wall, hit her head and was knocked out",
        "emergency",
    ),
    # -- poo that changed from black, or a newborn's first black poo (NHS baby poo) ---------
    (
        "Our newborn is 3 days old and her nappies are black and sticky like tar, is that normal?",
        None,
    ),
    ("baby day 4, poo has gone from black to greeny brown, feeding well", None),
    ("my stools have gone from black to their usual brown since the iron stopped", None),
    ("since stopping the iron my stools have gone from black to brown again", None),
    # near misses: black poo in an adult, or with dizziness
    ("my poo is black and tarry since yesterday", "emergency"),
    ("my stools are black and I feel faint when I stand up", "emergency"),
    # -- a choke cleared by back blows, thrusts not needed (NHS choking) --------------------
    (
        "In class a boy choked on a sweet and couldn't cough, two back blows and it came out and he was breathing normally after. Didn't need abdominal thrusts. We'll watch snacks from now on.",
        None,
    ),
    (
        "my toddler choked on a grape, I did back blows and it popped out, she was fine straight after, no need for abdominal thrusts",
        None,
    ),
    # near misses: thrusts given, or trouble still now
    (
        "she choked on a grape, back blows didn't work so I gave abdominal thrusts and it came out, she seems fine after",
        "emergency",
    ),
    (
        "he choked on a sweet, I did back blows and it came out and he was fine after, but now he's wheezing and struggling",
        "emergency",
    ),
    ("my son is choking on a coin and can't breathe", "emergency"),
    # -- a fragment in the eye with sight said to be fine (NHS eye injuries) ----------------
    ("was drilling and a chip flew into my eye, sight is fine, just gritty and watering", "urgent"),
    # near misses: sight affected or pain
    ("hammering and a bit of metal flew into my eye, I can't see properly out of it", "emergency"),
    ("grinding metal and something flew into my eye, vision is blurry", "emergency"),
    (
        "strimming and a stone went into his eye, he can see fine but it's really painful",
        "emergency",
    ),
    # -- a question about a trip ahead (NHS travel health; NICE NG232 head injury) ----------
    (
        "I take warfarin and am off trekking in Nepal. What should I do if I bang my head while I'm away?",
        None,
    ),
    (
        "On rivaroxaban and going skiing next month, what do I do if I fall and hit my head while I'm abroad?",
        None,
    ),
    # near misses: the fall has happened
    (
        "I'm on apixaban and I'm abroad, I fell on the ice this morning and hit my head, what should I do?",
        "emergency",
    ),
    (
        "What should I do if I hit my head while I'm away? I'm on warfarin and banged my head on a beam an hour ago",
        "emergency",
    ),
    # -- a clot ruled out by a scan or blood test, gone completely since (NICE NG158); the
    # urgent breathlessness flag may still ask for care today, but not 999 -----------------
    (
        "After my flight I had a sore calf and felt short of breath, the ultrasound and bloods were normal and it has settled completely. Can I fly home?",
        "urgent",
    ),
    (
        "a week after my knee op I was breathless with a tight chest, the CTPA was negative and my breathing is back to normal. When can I swim?",
        "urgent",
    ),
    # near misses: a sign back or new now, or a scan clear but symptoms still there
    (
        "the scan for a clot was clear and the chest pain went completely, but now I'm coughing up blood and breathless after my flight",
        "emergency",
    ),
    (
        "scan was clear last week and it had gone completely, but my calf is swollen again and I'm short of breath",
        "emergency",
    ),
    (
        "I had a baby 10 days ago, now I have chest pain and I'm breathless, they scanned me for a clot before discharge and it was clear",
        "emergency",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round76_false_alarm_kinds(triage: Triage, text: str, expected: str | None) -> None:
    assert flag_level(triage, text) == expected
