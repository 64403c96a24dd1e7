"""False emergencies of rounds 39-43, by kind, in our own words: a denial, a settled or
checked sign, a general worry.

Self-harm talked about only in the past with urges denied; a fear that a relative might have a
stroke one day; red flags a call handler asked about and the patient denied ("asked re ...:
denies all", "Denies A, B, C."); a glass test the spots fade under; a breath-holding spell; hives
with normal breathing; a numb bottom lip after dental work; a question about the risk of sepsis
after a past one. Each kind has near misses that must still be an emergency.
"""

from __future__ import annotations

import pytest

from assistant.normalize import normalize_text
from assistant.triage import Triage

CASES: list[tuple[str, str]] = [
    # self-harm in the past (NICE NG225), urges denied, asking for support again: not a crisis;
    # urges back, a plan or a time still are
    (
        "my son self harmed when he was at school years ago, hes doing well "
        "now and says he has no urges, can he see a counsellor again",
        "not_emergency",
    ),
    (
        "i used to self harm a few years back, havent had any urges "
        "for ages, would like to talk to a therapist again",
        "not_emergency",
    ),
    (
        "she cut herself a couple of years ago but says there "
        "are no urges, she wants support again to stay on track",
        "not_emergency",
    ),
    ("i self harmed years ago and the urges are back tonight", "emergency"),
    ("used to self harm as a teen, now i keep getting urges to cut myself again", "emergency"),
    (
        "self harmed years ago, i need to talk to someone again because im planning to hurt myself",
        "emergency",
    ),
    # a fear that someone else might have it one day, not a report (NHS stroke); a time word
    # that places it now, or a sign, still counts
    (
        "scared of my gran having a stroke as she lives alone, what are the warning signs",
        "not_emergency",
    ),
    (
        "i worry about him having a stroke when hes on his own, what should i look for",
        "not_emergency",
    ),
    (
        "we are anxious about our dad getting a stroke "
        "with his blood pressure, how can he lower it",
        "not_emergency",
    ),
    ("im worried about my dad having a stroke right now", "emergency"),
    ("scared my dad is having a stroke, he cant lift his arm", "emergency"),
    # red flags a clinician or call handler asked about and the patient denied, or a comma list
    # of denials running to the end of the sentence; anything reported as present still counts
    ("Pt asked about neck stiffness, rash, fever - says no to all.", "not_emergency"),
    ("Caller asked re stiff neck, light sensitivity, rash - denied all.", "not_emergency"),
    ("Checked for black stools, dizziness, fainting - none.", "not_emergency"),
    ("Denies chest pain, breathlessness, black stools, fainting.", "not_emergency"),
    ("Nil vomiting, stiff neck, high temp, drowsiness.", "not_emergency"),
    ("Asked re stiff neck and rash - has a stiff neck and a rash, denies vomiting.", "emergency"),
    ("Denies fever, reports stiff neck, rash, vomiting.", "emergency"),
    ("asked about rash and stiff neck, says yes to both", "emergency"),
    ("Denies chest pain, cough, black stools and feels faint.", "emergency"),
    # a glass test the spots fade under (NHS rashes in babies and children); spots that do not
    # fade still count (NHS meningitis)
    ("spotty rash on my son, did the glass test and the spots go white", "not_emergency"),
    (
        "tried the tumbler test on her rash, it turns pale under the glass, she is playing happily",
        "not_emergency",
    ),
    ("did the glass test, the rash goes lighter when i press", "not_emergency"),
    ("did the glass test and the spots dont go white", "emergency"),
    ("glass test done, the rash is still there through the glass", "emergency"),
    ("tried the glass test, the rash doesnt fade, he has a fever", "emergency"),
    # a breath-holding spell with a moment of blue (NICE CKS breath-holding spells); floppy, still
    # blue, or blue lips with breathing trouble still count
    (
        "my toddler holds his breath when he cries and turns "
        "a bit blue, then breathes again, is this normal",
        "not_emergency",
    ),
    (
        "our 18 month old has breath holding spells, her lips go slightly blue for a few seconds",
        "not_emergency",
    ),
    (
        "he held his breath in a temper and went grey round "
        "the mouth for a second, then carried on crying",
        "not_emergency",
    ),
    ("she held her breath and went blue and now she is floppy and not responding", "emergency"),
    ("my son held his breath, turned blue and is still blue", "emergency"),
    ("her lips are blue and she is struggling to breathe", "emergency"),
    # hives with breathing said to be normal (NHS hives); hives with wheeze or breathing trouble
    # are anaphylaxis (NHS anaphylaxis)
    ("came out in hives after a new soap, breathing is fine and no swelling", "not_emergency"),
    ("itchy hives all over after strawberries, breathing totally normal", "not_emergency"),
    ("nettle rash and hives on his arms, his breathing has been ok throughout", "not_emergency"),
    ("hives all over and she is wheezing", "emergency"),
    ("covered in hives and his breathing is getting harder", "emergency"),
    ("hives after a new tablet and her breathing sounds noisy", "emergency"),
    # "bottom" that is the lower lip, teeth or gums after dental work (NHS wisdom tooth removal);
    # numbness of the buttocks still counts (NHS cauda equina syndrome)
    ("my bottom lip has been numb since my filling this morning", "not_emergency"),
    ("bottom teeth and gum feel numb and tingly after the extraction", "not_emergency"),
    ("numbness in my bottom lip after a wisdom tooth removal last week", "not_emergency"),
    ("my bottom has gone numb and i cant pee, bad back", "emergency"),
    ("numb around my bottom and between my legs and i cant pee, back pain", "emergency"),
    ("sciatica and now my bottom is numb when i wipe", "emergency"),
    # a question about the risk of getting it again (NHS sepsis); signs now still count
    ("i had sepsis two years ago, am i more likely to get sepsis again?", "not_emergency"),
    ("is my husband at higher risk of sepsis when he starts chemo?", "not_emergency"),
    ("am i at increased risk of sepsis with a stoma?", "not_emergency"),
    (
        "am i more likely to get sepsis, i have a high temperature and im confused and mottled",
        "emergency",
    ),
    ("i think i have sepsis", "emergency"),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_settled_level(triage: Triage, text: str, level: str) -> None:
    result = triage.assess(normalize_text(text))
    got = "none" if result is None else result.level
    if level == "emergency":
        assert got == "emergency", (text, result)
    else:
        assert got != "emergency", (text, result)


def test_past_self_harm_with_urges_back_keeps_the_crisis_line(triage: Triage) -> None:
    result = triage.assess(normalize_text("i self harmed years ago and the urges are back tonight"))
    assert result is not None
    assert result.category == triage.self_harm_category
