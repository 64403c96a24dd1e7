"""Rounds 187-191 by kind (set 29): levels. Chest pain checked at A&E days back, the tests
normal, the doctor putting it down "probably" to anxiety, stress or caffeine, gone now and
asked about stopping it happening again (not urgent); a child's heavy nosebleed pinched and
stopped within minutes, the child back at play (not 999); fingers or toes white and numb in
the cold and blue or red as they warm, Raynaud's (not 999); one ear gone dead or silent since
waking, told tersely without the verb (urgent); an epilepsy medicine told as finished today,
a repeat forgotten, with "to" dropped (urgent). Each kind with wordings that must reach their
level, and near misses that must keep the other one. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- chest pain checked at A&E days back, tests normal, put down to anxiety, stress or
    # caffeine, gone now; a question on prevention (NICE CG95; NHS chest pain) ------------
    (
        "had chest pain 5 days ago so went to a&e, ecg and blood tests came back fine, the "
        "doctor said probably stress. all gone now. how do i stop it happening again?",
        None,
    ),
    (
        "chest pains last week, A and E did an ECG and bloods, normal. Consultant said "
        "likely too much caffeine. Pain gone now. Any tips so it doesnt happen again",
        None,
    ),
    (
        "went to a&e 3 days ago with a pain in my chest, had an ecg and bloods which were "
        "normal, they said maybe anxiety. feel fine now, how can i prevent it coming back",
        None,
    ),
    # near misses: the pain back, or a danger sign now
    (
        "chest pain last week, a&e did an ecg and bloods, normal, doctor said probably "
        "anxiety. but it happened again this evening",
        "urgent",
    ),
    (
        "went to a&e 4 days ago with chest pain, ecg and bloods fine, told probably stress. "
        "the pains have come back again and keep coming back",
        "urgent",
    ),
    (
        "a&e last week for chest pain, ecg normal, doctor said probably caffeine. now my "
        "chest feels heavy and the pain is spreading down my left arm and im sweating",
        "emergency",
    ),
    # -- a heavy nosebleed pinched and stopped within minutes, the child back at play (NHS
    # nosebleeds: A&E when it lasts longer than 10 to 15 minutes) ---------------------------
    (
        "blood was pouring out of my daughters nose, a proper nosebleed, we sat her forward "
        "and pinched her nostrils and it stopped within 5 mins. shes back on her tablet now",
        None,
    ),
    (
        "my 9 year old had a nose bleed at football, blood everywhere on his kit. pinched "
        "the soft part of his nose and it stopped after 7 minutes, hes back playing",
        None,
    ),
    (
        "son had a gushing nosebleed in the car, we pinched his nose and it stopped after "
        "about 8 mins. hes back to normal. how do we stop it happening again?",
        None,
    ),
    # near misses: it comes back, or will not stop
    (
        "blood was pouring from my sons nosebleed, pinched his nose and it stopped after 5 "
        "minutes but its back now and wont stop",
        "emergency",
    ),
    (
        "my daughter had a heavy nosebleed, we pinched her nose and it stopped after 5 "
        "mins, then it restarted and has been pouring for 25 minutes",
        "emergency",
    ),
    (
        "nosebleed pouring out of him, weve pinched his nose for 20 minutes and it still wont stop",
        "emergency",
    ),
    # -- fingers or toes white and numb in the cold, blue or red as they warm: Raynaud's
    # (NHS Raynaud's phenomenon: see a GP) ----------------------------------------------------
    (
        "whenever it is cold my fingertips go white and numb, then later they turn blue "
        "and then red and throbbing as they warm up. is this raynauds?",
        None,
    ),
    (
        "after my morning sea dip my toes go pale and lose feeling. back home they turn "
        "purple then blue before going pink again",
        None,
    ),
    (
        "taking things out of the freezer at work makes my fingers numb and white, and "
        "then they went blue when i came back to the till",
        None,
    ),
    # near misses: the lips or face, or drowsy and confused
    (
        "after a cold swim my fingers went white, and now his lips have turned blue and he "
        "is struggling to breathe",
        "emergency",
    ),
    (
        "my fingers and toes went numb and white in the snow, now my husband has turned "
        "blue and is very drowsy and confused",
        "emergency",
    ),
    ("my toddler suddenly went blue and floppy", "emergency"),
    # -- one ear gone dead or silent since waking, told tersely (NHS sudden hearing loss;
    # NICE CKS hearing loss in adults: same-day or within 24 hours) ---------------------------
    ("woke up this morning, left ear totally dead. yesterday ok", "urgent"),
    ("since this morning, right ear deaf. no pain. what do", "urgent"),
    ("no sound at all from my left ear since i woke up today", "urgent"),
    ("lost my hearing overnight in the right ear", "urgent"),
    ("suddenly deaf in one ear since lunchtime", "urgent"),
    ("today woke, one ear silent, other ear fine", "urgent"),
    # near misses: deaf from birth or a slow loss, or an ear dead as "very"
    ("left ear deaf since birth, right ear good. want to ask about a new hearing aid", None),
    ("my right ear has been going deaf slowly for years, is it worth a hearing test", None),
    ("had my ears syringed last month, right ear dead itchy now, what can i use", None),
    # -- an epilepsy medicine told as finished today, a repeat forgotten (NHS 111
    # emergency supply; NHS levetiracetam: do not stop suddenly) ------------------------------
    ("epilepsy. keppra finish today. forgot order. surgery shut till monday", "urgent"),
    ("my sons epilepsy tablet finished this morning, pharmacy closed, what do i do", "urgent"),
    ("lamotrigine all gone today, forgot request repeat, gp shut", "urgent"),
    (
        "finished my last box of levetiracetam tonight and the chemist says there is no "
        "script waiting",
        "urgent",
    ),
    ("parkinsons. madopar used up, forgot order. weekend, no doctor", "urgent"),
    # near misses: enough left, or a supply got
    (
        "forgot order my lamotrigine repeat but still have 12 tablets left, gp open tomorrow",
        None,
    ),
    ("keppra box finished this morning but collected my new prescription already", None),
    ("how long does lamotrigine take to finish working if you stop it?", None),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round191_levels(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
