"""Set 15 (fix15a) by kind: false emergencies left on the fresh rounds. Suicidal feelings,
thoughts or a plan told in the past (weeks, months or years ago), one's own or a friend's or
colleague's, with help got since and better now, from someone asking how to stay well or how to
support them (NHS help for suicidal thoughts; NHS supporting someone with suicidal feelings;
NICE NG225: a past episode that is over, with no intent or plan now, is not a 999 call). An age
said of oneself ("I'm 40") is no temperature of 40. A fear of a heart attack in a flutter after
caffeine, or a known panic attack's shaking and fast breathing, that settled within minutes. A
muddle from a low blood sugar put right by something sugary. A friend's pills at a rave years
ago, asked about in general. Each kind with wordings that must stand down, and near misses that
must stay emergencies (or urgent): the thoughts back now, a plan or means now, a time of now,
or worry about safety; a temperature said with a decimal, degrees or a word for it; chest pain,
faintness or a flutter still going; confusion or mottled skin; a muddle that is back or still
there; pills just taken or taken on purpose. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.normalize import normalize_text
from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- past suicidal feelings, help got since, better now -------------------------------
    (
        "a couple of years ago i had a plan to end it, my brother noticed and i got help. "
        "doing loads better now and off the tablets. how do i look after my mood over winter?",
        None,
    ),
    (
        "my flatmate told me a few months ago she was feeling suicidal. she's seeing a "
        "counsellor now and doing better. what can i say to keep supporting her?",
        None,
    ),
    (
        "One of my team said some weeks ago that he had been having thoughts of suicide. He "
        "saw his GP, is on medication now and says things are getting better. How often "
        "should I check in with him?",
        None,
    ),
    (
        "three years back i went through a time of feeling suicidal. got help from my gp and "
        "talking therapy and im in a good place now. any tips for keeping well when work gets "
        "stressful?",
        None,
    ),
    (
        "my cousin was suicidal last year, she's under the mental health team and seems much "
        "better. is it ok to ask her how she's doing or will that upset her?",
        None,
    ),
    # near misses: the past with a danger now
    (
        "a couple of years ago i had a plan to end it and got help, was doing better, but the "
        "thoughts are coming back and i have tablets saved.",
        "emergency",
    ),
    (
        "my friend felt suicidal a few months ago, she's seeing a therapist and was doing "
        "better, but tonight she texted me goodbye and isn't answering.",
        "emergency",
    ),
    (
        "my colleague had thoughts of suicide some weeks ago, he's on medication now and "
        "getting better, but today he told me he has a plan to kill himself.",
        "emergency",
    ),
    (
        "i was suicidal a few months ago and got help from a counsellor and felt better, but "
        "i want to die again and i have a plan for tonight.",
        "emergency",
    ),
    (
        "two years ago i had a plan to end my life. i got help and was doing better, but "
        "lately i keep thinking about killing myself.",
        "emergency",
    ),
    # near miss: the feelings back now with no plan said (same-day help, not nothing)
    (
        "my sister felt suicidal a few months ago and is seeing someone, she was getting "
        "better but says she's feeling suicidal again this week.",
        "emergency",
    ),
    # -- an age said of oneself ("im 40") is no temperature (NHS and NICE NG143: a fever is
    # 38C or more, read from a thermometer) ----------------------------------------------
    (
        "My dad had bowel cancer in his fifties. I'm 41. The advice online is confusing, when "
        "should I be screened?",
        None,
    ),
    ("im 39 and the forms for my smear test are so confusing, which box do i tick?", None),
    (
        "i am 40 and honestly the bowel screening leaflets are confusing. should i ask for a "
        "colonoscopy because of my mum?",
        None,
    ),
    # near misses: a temperature with a decimal, degrees or a word for it, and confusion
    ("I'm 40, temperature 39.6, shivering and confused since this morning", "emergency"),
    ("im 39.5 and shaking, my husband says im confused", "emergency"),
    ("i am 40 degrees and confused and cant stop shivering", "emergency"),
    # near miss: a fever after a scope, said as a reading (same-day care)
    ("had a colonoscopy yesterday, I'm 38.9 and shivering", "urgent"),
    # -- "thought I was having a heart attack": a flutter after caffeine or energy drinks, or
    # a known panic attack, that settled within minutes, with no pain, faintness or return
    # (NHS heart palpitations; NHS panic disorder) -----------------------------------------
    (
        "thought i was having a heart attack on sunday, drank 4 energy drinks and my heart "
        "went mad for about 5 mins then it settled. been fine since. was it the caffeine?",
        None,
    ),
    (
        "Felt like I was having a heart attack after two double espressos, heart pounding for "
        "a few minutes, then it passed. Should I cut down?",
        None,
    ),
    (
        "my son thought he was having a heart attack at the gym after pre workout, heart "
        "racing for 10 minutes and then it stopped, he's fine now",
        None,
    ),
    # near misses: chest pain, a flutter that goes on with faintness, or happening now
    (
        "thought i was having a heart attack after 3 red bulls, heart racing for 10 mins, then "
        "it stopped but now i have chest pain",
        "emergency",
    ),
    (
        "thought i was having a heart attack after energy drinks, for 10 mins it was pounding, "
        "then it stopped, but it is still fluttering and i feel faint",
        "emergency",
    ),
    ("i think im having a heart attack, had 4 coffees, heart racing", "emergency"),
    # -- the shaking and fast breathing of a known panic attack that settled is no sepsis
    # sign (NHS panic disorder; NHS sepsis) -------------------------------------------------
    (
        "my flatmate has panic attacks, she was shaking and breathing really fast after the "
        "exam, after 10 minutes it settled and shes fine now",
        None,
    ),
    (
        "he gets panic attacks, at the match he was shaking and breathing fast but it passed "
        "and hes calm now",
        None,
    ),
    (
        "my friend has panic attacks. at the gig she was shaking and breathing really fast, "
        "after 20 minutes it passed and shes chatty again",
        None,
    ),
    # near misses: a temperature, or confusion and mottled skin
    (
        "she has panic attacks but now shes shaking, breathing really fast and has a "
        "temperature of 39",
        "emergency",
    ),
    (
        "he has panic attacks, was shaking and breathing fast, it settled but now hes confused "
        "and mottled",
        "emergency",
    ),
    # -- a muddle from a low blood sugar that something sugary put right, back to normal and
    # nothing wrong now (NHS low blood sugar: tell the GP or diabetes team) ------------------
    (
        "Dad is type 2 on gliclazide. Sunday he suddenly went muddled, sugar 2.9, we gave him "
        "lucozade and he was back to normal in 15 minutes. Should his dose change?",
        None,
    ),
    (
        "my mum went suddenly muddled and shaky yesterday, her sugar was 3.0, a glass of juice "
        "and a biscuit and she was fine again within 20 minutes. has not happened again. gp?",
        None,
    ),
    (
        "last week i became all muddled at work, my sugar was 3.2, had some jelly babies and "
        "was right as rain after. do i need to tell the dvla?",
        None,
    ),
    # near misses: muddled again, or still muddled after the sugar
    (
        "he went suddenly muddled, sugar 2.8, gave him sweets and he was fine again but now he "
        "is muddled again",
        "emergency",
    ),
    (
        "my wife went muddled this morning, sugar was 3.1, gave her juice, she came round but "
        "she is still muddled",
        "emergency",
    ),
    # -- a friend's pills at a rave, club or festival years ago, told as a story with a
    # general question about the drug (FRANK MDMA) ------------------------------------------
    (
        "years ago my brother had loads of pills at a festival and ended up in a&e, can "
        "ecstasy damage your kidneys long term?",
        None,
    ),
    (
        "a couple of years back my flatmate necked a handful of pills at a club and was sick "
        "for days. do pills actually cause comedowns?",
        None,
    ),
    (
        "my mate took a handful of pills at a rave years ago, he was fine. is mdma addictive? "
        "just curious",
        None,
    ),
    # near misses: pills just taken, or taken on purpose
    (
        "my mate has just taken a handful of pills at the rave and is not making sense",
        "emergency",
    ),
    ("years ago my friend took a whole box of pills at a party on purpose", "emergency"),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_false_alarms_left(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level


# Same-day flags whose emergency signs have flags of their own: the acuity model may not raise
# them to 999 (red_flags.yaml: acuity_raises: false). (text, flag id)
NOT_RAISED: list[tuple[str, str]] = [
    ("slipped on the stairs, my wrist is bent and swollen and I cant move it", "urgent_injury"),
    (
        "rolled my ankle at football, heard a crack and now i cant put any weight on it",
        "urgent_injury",
    ),
    ("fell off my bike and my wrist looks deformed, cant move it", "urgent_injury"),
    # a child with clinical dehydration who is still alert (NICE CG84), set 17
    (
        "toddler has had runny poo and been sick for two days, fewer wet nappies and her lips "
        "are dry but shes awake and playing",
        "child_dehydration_mild",
    ),
    (
        "my 4 year old has diarrhoea since friday, his wee is dark and he is drinking less, "
        "still chatty though",
        "child_dehydration_mild",
    ),
]


# ... and the same child with a 999 sign: the emergency flags still fire
DEHYDRATION_EMERGENCIES = [
    "toddler has had diarrhoea and vomiting for two days, lips dry and now she is very sleepy "
    "and hard to wake",
    "my baby has been sick all day, no wet nappy since last night and his eyes look sunken",
]


@pytest.mark.parametrize("text", DEHYDRATION_EMERGENCIES)
def test_a_dehydrated_child_with_a_999_sign_is_an_emergency(triage: Triage, text: str) -> None:
    result = triage.assess(normalize_text(text))
    assert result is not None and result.level == "emergency", result


@pytest.mark.parametrize(("text", "flag_id"), NOT_RAISED)
def test_not_raised_by_acuity(triage: Triage, text: str, flag_id: str) -> None:
    result = triage.assess(normalize_text(text))
    assert result is not None
    assert (result.flag_id, result.level, result.raisable) == (flag_id, "urgent", False)
