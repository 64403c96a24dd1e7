"""Rounds 117-121 by kind: the level, not only whether a flag fires. Sepsis named only as an
unsure worry or a question ("is this sepsis?", "I keep thinking sepsis") with an infection and a
fever or shivers, and none of its 999 signs, is same-day care (NHS sepsis: not sure, call 111;
NICE NG51); chest pain already assessed (A&E, an ECG, a stent or bypass) and gone since, asked
about in a letter or a review; chest soreness after a workout that only pressing or moving
brings on; a pill taken without a miss when a condom came off; a nosebleed pinched and stopped;
a clot feared over cramps in both calves with no swelling; a colleague's or friend's collapse
days ago, well now, from a witness who wants to learn CPR; a small bleed at a PICC line after a
dressing change that stopped; blood in the pee after a urology procedure as the team said to
expect; delirium after an operation that has passed. Each kind with wordings that must stand
down or stay urgent, and near misses that must stay emergencies (or urgent). Our own words
throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- sepsis as an unsure worry, an infection with a fever or shivers only (NHS sepsis:
    # not sure it is sepsis, call 111; NICE NG51: no high-risk criteria) -----------------
    (
        "temp of 39 and shaking all over, my wee burns and my lower back hurts on one side. "
        "is this sepsis? i feel ok otherwise just shattered",
        "urgent",
    ),
    (
        "my leg is red and hot round an insect bite and the redness is bigger than yesterday. "
        "feeling a bit shivery. could it be sepsis or am i overreacting",
        "urgent",
    ),
    (
        "had a tooth abscess for 3 days, now got a fever and chills. i keep worrying about "
        "sepsis cos thats my anxiety",
        "urgent",
    ),
    ("got a uti and a temperature of 38.4, scared it will turn into sepsis", "urgent"),
    (
        "my daughter's finger is infected round the nail and she has a temperature, is it sepsis?",
        "urgent",
    ),
    # near misses: a 999 sign of sepsis with the same worry, or sepsis said outright
    (
        "is this sepsis? my dad has a chest infection, temperature 39, and now he's confused "
        "and not making sense",
        "emergency",
    ),
    (
        "could it be sepsis, my mum has a water infection and her knees look mottled and she is "
        "breathing really fast",
        "emergency",
    ),
    (
        "worried its sepsis, i have a fever and i havent had a wee since yesterday morning",
        "emergency",
    ),
    ("is this sepsis? temp 39.5, shivering, and i feel like im going to die", "emergency"),
    (
        "scared its sepsis, my son has a fever and a rash that doesnt fade when i press a glass "
        "on it",
        "emergency",
    ),
    (
        "i think my husband has sepsis, he had a kidney infection and is now really drowsy and "
        "his lips are blue",
        "emergency",
    ),
    ("could this be sepsis? fever, shaking, and my speech is slurred", "emergency"),
    ("my wife has sepsis i think, she is hot and shaking", "emergency"),
    (
        "is it sepsis? wound infected after my operation, fever, and my skin has gone blotchy "
        "and grey",
        "emergency",
    ),
    # -- chest pain already assessed and gone since, in an admin message (NICE CG95) -------
    (
        "Could I have a fit to fly letter? I had two stents last year after chest pains and "
        "I've been fine since, finished cardiac rehab in the spring.",
        None,
    ),
    (
        "Went to A&E on Monday with chest pain, ECG and bloods normal, discharge letter says see "
        "the GP routinely. No pain since. Can I book that?",
        None,
    ),
    (
        "Review form: I have a GTN spray for chest pain on repeat but haven't needed it for "
        "over two years since my bypass.",
        None,
    ),
    # near misses: the pain back, or not yet assessed
    (
        "Was in A&E on Monday with chest pain, ECG normal, fine since, but the pain came back "
        "this morning",
        "urgent",
    ),
    (
        "had a stent in may after chest pain, been fine since, but today I've got a crushing "
        "pain in my chest going into my arm",
        "emergency",
    ),
    (
        "ECG was normal last week and I was fine since, but chest pain again tonight and I'm "
        "sweaty",
        "emergency",
    ),
    ("had chest pain yesterday for an hour, fine since, should I worry?", "emergency"),
    # -- chest sore after a workout, only when pressed or moved (NHS chest pain: a strained
    # muscle) ----------------------------------------------------------------------------
    (
        "did loads of push ups yesterday, now the left side of my chest hurts only when I press "
        "on it or twist",
        None,
    ),
    (
        "sore chest after a bench session at the gym, it hurts when i lift my arms, breathing "
        "is fine",
        None,
    ),
    (
        "chest aches when I press on it after a boxing class on tuesday, not ill otherwise",
        None,
    ),
    # near misses: spread, sweating, sickness or pain at rest; no workout behind it
    (
        "did push ups yesterday, now chest pain that spreads down my left arm and I'm sweating",
        "emergency",
    ),
    (
        "chest pain after the gym, it hurts even when I'm sitting still and I feel sick",
        "emergency",
    ),
    ("chest hurts on the left when I press it, started after a week of coughing", "urgent"),
    # -- a condom came off, the pill taken without a miss (NHS emergency contraception) ----
    (
        "the condom split last night but she's on the pill and hasn't missed one, do we need to "
        "do anything",
        None,
    ),
    (
        "condom came off on saturday, my partner is on the pill and has not missed any, what do "
        "we do",
        None,
    ),
    (
        "condom slipped off yesterday, she takes the pill and hasnt missed a single one, are we ok",
        None,
    ),
    # near misses: pills missed, or no contraception
    (
        "condom broke last night, she's on the pill but has missed two this week, what do we do",
        "urgent",
    ),
    ("condom split last night and she is not on any contraception, what can we do", "urgent"),
    # -- a nosebleed pinched and stopped within minutes, not back (NHS nosebleed) ----------
    (
        "nosebleed at football practice, blood everywhere on my shirt, pinched the soft part of "
        "my nose for 10 minutes and it stopped. will it happen again?",
        None,
    ),
    (
        "my son had a nose bleed at school, blood was pouring, the teacher pressed his nostrils "
        "for five mins and it stopped, it hasnt come back",
        None,
    ),
    (
        "nosebleed in the night, blood everywhere on the pillow, I squeezed my nose for a few "
        "minutes and it stopped",
        None,
    ),
    # near misses: back again, a blood thinner, still going, or a cut
    (
        "nosebleed, blood everywhere, pinched my nose for 10 minutes and it stopped but now its "
        "started again and wont stop",
        "emergency",
    ),
    ("nosebleed with blood pouring, I'm on warfarin, pressed my nose and it stopped", "emergency"),
    (
        "nose bleed, blood everywhere, been pinching my nose for 20 minutes and its still going",
        "emergency",
    ),
    ("cut my hand on a knife, blood everywhere, it won't stop", "emergency"),
    # -- a clot feared over cramps in both calves, no swelling (NHS leg cramps; NHS DVT) ---
    (
        "my calves cramp up at night and wake me, it passes if I stretch, no swelling at all. "
        "I've been googling and now I think every cramp is a DVT",
        None,
    ),
    (
        "both calves ache after my run and I keep reading about blood clots, is this a DVT? "
        "legs look the same, no swelling",
        None,
    ),
    (
        "night cramps in both legs, gone in a minute, legs look exactly the same. anxious it "
        "could be a DVT",
        None,
    ),
    # near misses: one leg swollen or warm, a long flight, one leg bigger
    (
        "cramp in my left calf at night, now the calf is swollen and warm, could it be a DVT",
        "urgent",
    ),
    (
        "worried about a DVT, no swelling but I flew back from Australia two days ago and my "
        "calf hurts",
        "urgent",
    ),
    ("I'm scared I have a DVT, my right leg is bigger than the left", "urgent"),
    # -- someone else's collapse days ago, well now, asked about by a witness who froze or
    # wants to learn CPR (Resuscitation Council UK; NHS post-traumatic stress) -------------
    (
        "my friend collapsed at the pub on saturday, paramedics came and she's fine now, home "
        "from hospital. I just stood there. how do you do CPR properly?",
        None,
    ),
    (
        "a workmate had a seizure two days ago, he is back at work and ok, but I froze. what is "
        "the recovery position",
        None,
    ),
    (
        "one of our customers collapsed in the shop last week, she is recovering at home now. "
        "I keep thinking I should learn first aid, where do I start?",
        None,
    ),
    # near misses: a collapse today or now
    (
        "a colleague collapsed at work last week and he's ok now, I froze. today the boss "
        "collapsed at his desk",
        "emergency",
    ),
    (
        "my friend collapsed yesterday and she's ok now but she collapsed again just now and "
        "wont wake up",
        "emergency",
    ),
    ("my colleague collapsed and isnt breathing, how do I do CPR", "emergency"),
    # -- a small bleed at a PICC or central line after a dressing change, stopped (NHS /
    # Macmillan line care) ---------------------------------------------------------------
    (
        "my PICC bled a little after the nurse changed the dressing yesterday, I pressed on it "
        "for a few minutes and it stopped. is that normal?",
        None,
    ),
    (
        "hickman line dressing changed this morning and there was a spot of blood under it, it "
        "stopped on its own, should I worry",
        None,
    ),
    (
        "after my chemo port was flushed there was a tiny bit of bleeding at the needle site but it "
        "stopped straight away",
        None,
    ),
    # near misses: a sign at the site, a bleed back that will not stop
    (
        "PICC dressing changed yesterday and it bled, it stopped but now the site is red and sore",
        "urgent",
    ),
    (
        "my PICC line bled after the dressing change and it has started again and won't stop",
        "urgent",
    ),
    ("my PICC line site is red and oozing", "urgent"),
    # -- blood or twinges on peeing after a urology procedure, as the team said to expect
    # (NHS TURP recovery; BAUS ureteric stent information) ------------------------------
    (
        "dad had a TURP last week, his wee is still a bit pink and the nurse told him to expect "
        "that for a few weeks. he's peeing fine and drinking lots, is that ok?",
        None,
    ),
    (
        "I've got a stent in after my kidney stone was lasered, there's blood when I pee and a "
        "twinge in my kidney area when I go. The urologist warned me about this. No fever.",
        None,
    ),
    (
        "after my cystoscopy yesterday there's a bit of blood in my pee, the nurse said it was "
        "expected for a day or two",
        None,
    ),
    # near misses: a fever and shivers, dark red pee with big clots
    (
        "stent in after a kidney stone was removed, I was warned about blood in my pee but now I "
        "have a temperature of 39 and I'm shivering",
        "emergency",
    ),
    (
        "my husband had his prostate op, the ward said blood can happen but now his pee is dark "
        "red with big clots",
        "urgent",
    ),
    ("blood in my pee since yesterday, no pain", "urgent"),
    # -- delirium after an operation that has passed, the person back to their old self
    # (NICE CG103 delirium) ---------------------------------------------------------------
    (
        "mum was very muddled for three nights in hospital after her hip op, seeing things, "
        "they said delirium. she's home now and back to her usual self. is she more likely to "
        "get dementia?",
        None,
    ),
    (
        "nan has dementia and after her UTI she was more confused for a few days, but she's "
        "back to normal now and the GP is happy. anything to prevent it?",
        None,
    ),
    (
        "grandad had delirium after his knee op, hallucinating for two nights, but he's back to "
        "his old self now. does it mean dementia is coming?",
        None,
    ),
    # near misses: a new change now
    (
        "grandad has dementia, he was back to his old self last week but since yesterday he's "
        "much more agitated and seeing things",
        "urgent",
    ),
    (
        "my dad has alzheimers and over the last two days he's suddenly more confused and "
        "picking at the sheets",
        "emergency",
    ),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round121_levels(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
