"""Set 15 by kind: the past, the checked, the hypothetical and the reassuring. A fever on chemo
last week that the team checked (bloods fine) and that is over; a stay in hospital with sepsis
told in the simple past; an overdose dated by its month, with the sentence turning to the
present; a stranger's collapse, told without "saw", by a shaken witness; a plan asked for in
advance ("if I ever think I'm having ..."); a reminder to check for sepsis; a rash that fades
under a glass in a child whose temperature is under 38; an arm gone dead from being slept on
and back to normal. Each kind with near misses that must stay emergencies. Our own words."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- a chemo fever of last week, checked and over (NICE CG151) ---------------------------
    (
        "Mum's on chemo and had a temp of 38.3 last week, the helpline had her in, her bloods "
        "were normal and she's back to her usual self. Can she go to her granddaughter's party?",
        None,
    ),
    (
        "I'm on chemo. A few days ago I ran a temperature of 38, went to the unit, neutrophils "
        "were fine and I feel well again. Is it ok to swim?",
        None,
    ),
    (
        "husband having chemo, spiked 38.2 on tuesday last week, admitted overnight, counts ok, "
        "sent home on tablets, he's fine. when can he have his flu jab?",
        None,
    ),
    # near misses: a fever on chemo now
    (
        "Mum's on chemo, last week she had a fever of 38.5, bloods were fine, she was back to "
        "normal, but tonight she's 38.3 again and shivering",
        "emergency",
    ),
    (
        "my husband is on chemo and has a temperature of 38.4, bloods last week were fine",
        "emergency",
    ),
    ("on chemo, bloods last week were ok, I feel fine but my temp is 38.6 now", "emergency"),
    # -- a hospital stay with sepsis, told in the past (NHS sepsis: recovery) ---------------
    (
        "I was in hospital for a week in the summer with sepsis from my gallbladder. I'm home "
        "and back at work part time, is it normal to still be this tired?",
        None,
    ),
    (
        "Dad was kept in ICU with sepsis after his bowel op. He's home, eating and walking. "
        "Who do we ask about a blue badge?",
        None,
    ),
    (
        "My wife was admitted to hospital for nine days with sepsis from a water infection. "
        "She needs a sick note for work, can the GP do it?",
        None,
    ),
    # near misses: sepsis now
    (
        "I was in hospital with sepsis last year and now I feel the same again, shivering and "
        "confused",
        "emergency",
    ),
    ("I think I've got sepsis, I'm shivering, confused and my skin is mottled", "emergency"),
    ("the nurse said to check for sepsis. he's 39.5 and very drowsy and mottled", "emergency"),
    # -- a reminder to check for sepsis, every sign denied (NHS sepsis) ---------------------
    (
        "mum keeps telling me to check for sepsis. my c section wound is 10 days old, bit itchy, "
        "no redness spreading, no pus, temp 36.7 and I feel fine",
        None,
    ),
    (
        "the leaflet says check for sepsis after the op. my hand wound is healing, no swelling, "
        "temp 36.5, feel well",
        None,
    ),
    (
        "partner is a paramedic and says always check for sepsis. the graze on my knee is dry "
        "and scabbed, no heat, temperature normal",
        None,
    ),
    # -- an overdose dated by its month, the sentence turning to the present (NICE NG225) ---
    (
        "Can I have my repeat of fluoxetine? I took an overdose in February and have been "
        "seeing the crisis team since, they're happy with me.",
        None,
    ),
    (
        "My daughter took an overdose in April and is doing well with the community team. Can "
        "her prescription go to the pharmacy by her work?",
        None,
    ),
    (
        "He took an overdose in October and has had weekly therapy since. Can the GP review "
        "his dose?",
        None,
    ),
    # near misses: now, tonight, again
    ("I took an overdose in June and I want to do it again tonight", "emergency"),
    ("He took an overdose in March and now he's drowsy and not making sense", "emergency"),
    ("My son took 30 paracetamol in May and has been sleepy ever since", "emergency"),
    # -- a stranger's collapse seen days ago, the writer shaken (NHS post-traumatic stress) --
    (
        "Really rattled. A man on my train went grey and collapsed on Monday, the staff did CPR. "
        "I can't stop thinking about it, is that normal?",
        None,
    ),
    (
        "Still shaken. The man next to me at the match collapsed on Saturday and the "
        "paramedics took him. I keep replaying it.",
        None,
    ),
    (
        "A woman in the waiting room went pale and collapsed yesterday. I'm fine but so upset, "
        "who can I talk to?",
        None,
    ),
    # near misses: someone of the writer's collapsing now
    (
        "A man on the bus went grey and collapsed yesterday, I keep replaying it. Now my dad "
        "has gone grey and collapsed too.",
        "emergency",
    ),
    ("The man next to me has gone grey and collapsed, I am shaken", "emergency"),
    ("my mum just went grey and collapsed in the kitchen", "emergency"),
    # -- someone else's collapse, already diagnosed, and a question about one's own check
    # (NHS Health Check; NHS 111: one's own symptoms decide) ------------------------------
    (
        "My mate collapsed playing football and it turned out to be his heart, he's got an ICD "
        "now. I'm 38, should I get checked?",
        None,
    ),
    (
        "My aunt collapsed at a wedding in the summer and it turned out to be her heart rhythm, "
        "she has a pacemaker now. I'm 52, could I have the same?",
        None,
    ),
    (
        "A friend of mine fainted on holiday and it turned out he had a heart problem. I'm 41, "
        "should I be worried? I feel fine.",
        None,
    ),
    # near misses: the writer's own symptoms now
    (
        "My friend collapsed last week and it turned out to be her heart. I'm 45 and now I've "
        "got chest pain and palpitations and I nearly passed out",
        "emergency",
    ),
    (
        "My uncle collapsed and it turned out to be his heart. I'm 44 and I've just collapsed "
        "myself and can't get up",
        "emergency",
    ),
    # -- what a card or leaflet from the hospital says to call for (UKONS triage; NHS
    # chemotherapy side effects): a question about its words ------------------------------
    (
        "The alert card from the chemo day unit says ring if you're breathless or have chest "
        "pain or bleeding. Does a little bleed from my gums when brushing count?",
        None,
    ),
    (
        "My leaflet from the haematology clinic says call if you get chest pain or bleeding. "
        "What counts as bleeding, would a small nosebleed last week that stopped count?",
        None,
    ),
    # near misses: the sign happening now
    (
        "The card from the oncology ward says call if breathless. I'm on chemo and I'm "
        "breathless with chest pain right now and coughing blood",
        "emergency",
    ),
    # -- a plan asked for in advance (NHS heart attack; NHS stroke: FAST) ------------------
    (
        "just asking in advance: if I ever think I'm having a heart attack, should I take an "
        "aspirin?",
        None,
    ),
    ("if I ever think I'm having a stroke what should I do first?", None),
    ("if my husband ever thinks he's having a heart attack, do we ring 999 or 111?", None),
    # near misses: happening now
    ("I think I'm having a heart attack, should I chew an aspirin?", "emergency"),
    (
        "If I ever feel like I'm having a heart attack should I take aspirin? Because right now "
        "my chest is crushing",
        "emergency",
    ),
    ("if i ever think im having a heart attack again like now, what do i do", "emergency"),
    # -- a rash that fades under a glass in a well child, temperature under 38 (NHS
    # meningitis; NICE NG143: fever is 38 or above) -----------------------------------------
    (
        "my 2 year old has a blotchy red rash on her back, I did the glass test and it fades "
        "completely. temp 37.5, she's playing. worried about meningitis, is it ok?",
        None,
    ),
    (
        "son, 4, blotchy rash on his legs, pressed a glass on it and it went pale. temperature "
        "37.8, eating fine. my friend's boy had meningitis so I panic.",
        None,
    ),
    (
        "toddler has a cold and a blotchy pink rash, glass test, they all fade, temp is 37.2, "
        "running around. meningitis is my fear",
        None,
    ),
    # near misses: a rash that does not fade, a high temperature, mottled or floppy
    (
        "my 2 year old has a rash, glass test it does not fade, temp 37.6, I'm scared of "
        "meningitis",
        "emergency",
    ),
    (
        "my 3 year old has a rash that fades under a glass but she's floppy and temp 38.9, "
        "could it be meningitis?",
        "emergency",
    ),
    (
        "my son has a rash that fades with the glass, but his skin is mottled and he's very "
        "sleepy, is it meningitis?",
        "emergency",
    ),
    # a child's rash with a temperature of 38 or more: same-day care (NICE NG143), not 999
    ("my 2 year old has a temperature of 38.5 and a rash on her tummy", "urgent"),
    (
        "my 4 year old has a rash that fades with a glass, temp 38.7 and he's not drinking",
        "urgent",
    ),
    # -- an arm gone dead from being slept on, back to normal (NHS pins and needles) -------
    (
        "woke up with my left arm dead, I'd slept on it funny, it came back after a few "
        "minutes of shaking it. is that a stroke sign?",
        None,
    ),
    (
        "woke up with my right hand numb and tingly, I'd been lying on my right side, it was "
        "back to normal in five minutes",
        None,
    ),
    (
        "woke with my right arm dead, must have been sleeping on it, fine now after a few "
        "minutes. could it be a stroke?",
        None,
    ),
    # near misses: still weak, the face, no explanation
    (
        "woke up with my right arm numb, I'd been lying on it, it's still weak an hour later",
        "emergency",
    ),
    (
        "woke with my right arm dead and my face drooping, I'd been lying on it, arm back to "
        "normal now",
        "emergency",
    ),
    ("woke up with my left arm weak, not sure if I was lying on it", "emergency"),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round121_past_and_questions(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
