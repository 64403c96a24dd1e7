"""Rounds 77-81 urgent misses with no triage reply, by kind: sudden hearing loss in one ear
told in other words than "hearing gone on waking" (an ear gone dead or deaf, not heard out
of, since getting up or all of a sudden), a possible scaphoid fracture (a fall on the
outstretched hand, pain in the dip at the base of the thumb or on gripping, little swelling),
an adult tooth knocked out, loose or pushed back by a blow, a urinary catheter that has
stopped draining, and an operation (caesarean or other) wound that has partly come apart.
Each kind with wordings that must stay quiet (general questions, things that settled or are
old, asked in advance) and near misses that must stay emergencies (a stroke or head injury
beside the hearing loss, bone through the skin, a knock-out or bleeding that will not stop,
a spinal injury's pounding headache or signs of sepsis with the catheter, the bowel showing
through an opened wound). Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- sudden hearing loss in one ear, in other words (NHS sudden hearing loss; NICE CKS: same-day referral) ---
    ("the hearing in my left ear feels a bit dull today with this cold, it comes and goes", None),
    (
        "got up today and my right ear has gone completely dead, I can't hear a thing out of it, no pain",
        "urgent",
    ),
    (
        "since this morning I can't hear anything in my left ear, there's a buzzing noise, is it just wax?",
        "urgent",
    ),
    (
        "woke up after a night out at a gig and the hearing on my right side has more or less gone, just a hiss",
        "urgent",
    ),
    (
        "all of a sudden my left ear went muffled at work an hour ago and now I can barely hear through it",
        "urgent",
    ),
    ("my husband woke up deaf in one ear and it's been ringing all morning", "urgent"),
    ("how common is sudden hearing loss in one ear?", None),
    (
        "my hearing went suddenly in one ear two years ago and steroids sorted it, just curious about the cause",
        None,
    ),
    ("my ear felt blocked this morning after swimming but it popped and I can hear fine now", None),
    ("what should I do if I ever wake up unable to hear out of one ear?", None),
    (
        "my left ear suddenly went deaf and now the left side of my face is drooping and my arm is weak",
        "emergency",
    ),
    (
        "woke up unable to hear out of my right ear, my face has dropped on one side and my speech is slurred",
        "emergency",
    ),
    ("My grandad has been deaf in one ear for years, is it worth a hearing aid?", None),
    ("I'm deaf in one ear since birth, can I still get a hearing test today?", None),
    ("my left ear has always been deaf, today I noticed some wax", None),
    ("I can't hear out of my left ear since my cold started yesterday, it feels blocked", "urgent"),
    (
        "fell off a ladder and hit my head, now I can't hear out of my right ear and clear fluid is leaking from it",
        "emergency",
    ),
    (
        "my dad suddenly can't hear out of his left ear, the room is spinning, he can't walk straight and his speech is slurred",
        "emergency",
    ),
    # -- a fall on the outstretched hand, pain at the base of the thumb or on gripping (NICE NG38; NHS broken wrist) ---
    ("when I hold my arm outstretched to the side my shoulder aches", None),
    ("holding the baby with my arms outstretched makes my wrists sore", None),
    ("yoga pose with outstretched arms hurts my neck, any tips?", None),
    (
        "came off my bike and landed on my outstretched palm, there's a tender dip just below my thumb and it aches when I grab things",
        "urgent",
    ),
    (
        "tripped on the stairs and put my hand out, now the wrist on the thumb side hurts to hold a mug, barely any swelling",
        "urgent",
    ),
    (
        "slipped on ice two days ago and caught myself on my hand, the hollow at the base of my thumb is really sore when I press it",
        "urgent",
    ),
    ("what is the anatomical snuffbox?", None),
    ("fell on my hand last year and it was a scaphoid fracture, it healed fine in a cast", None),
    (
        "fell onto my outstretched hand and the bone is sticking out through the skin of my wrist",
        "emergency",
    ),
    (
        "I fell on my outstretched hand a year ago and it was a scaphoid fracture, does it always ache in cold weather?",
        None,
    ),
    ("whats the best way to fall so you dont land on an outstretched hand?", None),
    (
        "My daughter tripped and put her hand out, she says it hurts a bit when she holds her pencil",
        "urgent",
    ),
    # -- an adult tooth knocked out, loose or pushed back by a blow (NHS dental emergencies) ---
    ("My tooth is wobbly after my dentist did a deep clean, is that normal?", None),
    ("we were in a car accident last year and my teeth are fine", None),
    (
        "got hit in the face with a cricket ball and my top front tooth is loose and pushed in a bit",
        "urgent",
    ),
    (
        "my 15 year old son took a knee to the mouth at rugby and one of his front teeth has been knocked out, we have it in milk",
        "urgent",
    ),
    (
        "fell off a wall and smacked my mouth, one of my front teeth is wobbly and sits further back than the others now",
        "urgent",
    ),
    ("my front tooth has been a bit wobbly for a few months, my gums bleed when I brush", None),
    ("my 6 year old's baby tooth is wobbly and the new one is coming through", None),
    ("how do I look after a tooth that got knocked out? asking for a first aid course", None),
    (
        "punched in the face, my tooth is loose and I was knocked out for a minute and keep being sick",
        "emergency",
    ),
    (
        "I banged my mouth last week and my tooth is slightly wobbly, the dentist said to leave it",
        None,
    ),
    ("my braces came off after I got hit with a ball, tooth is fine", None),
    ("can a dentist save a tooth that has been knocked out?", None),
    (
        "took a hockey stick to the face, two teeth knocked out and blood pouring from my mouth that won't stop",
        "emergency",
    ),
    # -- a urinary catheter that has stopped draining (NHS urinary catheter problems) ---
    (
        "I had a cardiac catheter test last week and was told an artery is blocked, what happens next?",
        None,
    ),
    (
        "my dad has a long term catheter and the bag has been empty since lunchtime, his tummy is swollen and sore",
        "urgent",
    ),
    (
        "I've got a catheter since my operation and it's stopped draining, nothing in the bag for 5 hours and my bladder feels full",
        "urgent",
    ),
    ("mum's catheter isn't draining at all today and she says her lower belly hurts", "urgent"),
    ("how often should a catheter bag be changed?", None),
    (
        "the catheter stopped draining this morning but the district nurse came and flushed it and it is draining fine now",
        None,
    ),
    (
        "my husband has a spinal cord injury, his catheter has stopped draining and he has a pounding headache and is sweating and flushed",
        "emergency",
    ),
    ("is it normal for my catheter bag to be empty overnight when I haven't drunk much?", None),
    (
        "the catheter stopped draining for 10 minutes but it was just kinked and now it's draining fine",
        None,
    ),
    ("my catheter is leaking around the tube and the bag is dry", "urgent"),
    (
        "dad's catheter is blocked, he is shaking uncontrollably, temperature 39.6 and very confused",
        "emergency",
    ),
    # -- an operation wound partly opened (NHS caesarean recovery; NICE NG192); organs showing is 999 ---
    (
        "had a caesarean 8 days ago and part of the wound has split open, about 2cm, with some pinkish fluid coming out",
        "urgent",
    ),
    (
        "my hernia operation wound has opened up at one end, there's a small gap and it's weeping",
        "urgent",
    ),
    (
        "one end of my c-section scar has pulled apart slightly and it's oozing a bit, no temperature",
        "urgent",
    ),
    ("is it normal for my caesarean scar to feel numb and itchy?", None),
    ("what should I do if my wound opens after surgery?", None),
    (
        "a small bit of my scar came apart two weeks ago but the nurse dressed it and it has healed now",
        None,
    ),
    ("my c section wound has burst open and I can see my bowel coming out", "emergency"),
    ("my operation wound has split open and it is bleeding heavily and won't stop", "emergency"),
    (
        "caesarean 5 days ago, the wound has opened and I have a high fever, shaking and feel confused",
        "emergency",
    ),
    ("will my caesarean scar split open if I lift my toddler?", None),
    ("when can I open my bowels normally after a c section?", None),
    ("my c section scar has a small opening that the midwife says is healing well", None),
    (
        "two weeks after my gallbladder op one of the keyhole wounds has opened up and is leaking yellow stuff",
        "urgent",
    ),
    ("my stomach wound from surgery opened and my intestines are poking out", "emergency"),
    ("had my hernia op last month, the scar is itchy and a bit lumpy", None),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round81_urgent_kinds(triage: Triage, text: str, expected: str | None) -> None:
    assert flag_level(triage, text) == expected
