"""Red flags for mental health, drink and drugs (round 28 kinds), in our own words.

Each kind has wordings that must get the intended level and near misses that must not.
Guidance: NHS help for suicidal thoughts, NHS where to get urgent help for mental health,
NICE NG225 (self-harm), NHS alcohol poisoning, NHS diazepam (do not stop suddenly).
"""

from __future__ import annotations

import pytest

from assistant.normalize import normalize_text
from assistant.triage import Triage
from tests.conftest import flag_level


def _category(triage: Triage, text: str) -> str | None:
    result = triage.assess(normalize_text(text))
    return None if result is None else result.category


EMERGENCY = [
    # tablets put by with a will sorted or a quiet time picked (NICE NG225: preparations)
    "i have been setting my pills aside for weeks and i have updated the will",
    "kept the tablets to one side, the plan is for when the flat is empty on saturday",
    "got my meds put away in a drawer, sorted out the will last week, nobody knows",
    # at a height, not trusting themselves (NHS help for suicidal thoughts)
    "standing on the bridge over the river and i cant trust myself right now",
    "sat on the multi storey car park roof and i am scared of what i might do",
    "im up on the cliff top, i do not feel safe",
    # a day chosen and things left in order for the family
    "ive chosen the date. the insurance will pay out for my children, it is all arranged",
    "set a day for it. everything is sorted and in order for my wife",
    "decided on sunday night, my affairs are in order now",
    # a goodbye-like message and a person who cannot be reached
    "my brother texted sorry for everything and now his phone is off",
    "got a text from my friend saying i love you all, she isnt answering her door",
    "my son sent a last goodbye and has locked himself in the bathroom, no reply",
    # means in hand and the wish to act now
    "sitting here with a razor blade, i want to do it now",
    "i have got the pills in my hand and nobody would notice if i was gone",
    "been holding the rope, im ready to go through with it tonight",
    # a large handful of medicine taken, said with a size word
    "my son swallowed a huge handful of ibuprofen an hour ago after a fight",
    "she took one big handful of her antidepressants this afternoon",
    "he has taken large handfuls of painkillers tonight",
    # someone else who cannot be woken after drink or drugs (NHS alcohol poisoning)
    "my husband drank a whole bottle of vodka and i cant wake him",
    "teenager came home off her face and we cannot wake her up at all",
    "friend took something at the club and i cant wake my friend now",
]

NOT_EMERGENCY = [
    # near misses for the kinds above
    "i keep my tablets aside in a box so the kids cant reach them",
    "standing on the bridge taking photos of the river, lovely day",
    "picked friday for the party, everything is in place for the kids",
    "my colleague said thanks for everything at her leaving do, she isnt answering emails now",
    "sat holding a knife chopping veg for tea, want to do it now before the kids get home",
    "took a handful of grapes and felt fine",
    "my mum said goodbye at the station and isnt answering her phone",
    "i cant wake up in the mornings for work",
    "my teenager is impossible to get up for school",
    # another's suicide long ago, talked about in grief
    "my uncle took his own life when i was little, how do i explain it to my kids?",
    "her best friend took her own life last spring and she is grieving, what helps?",
    "it is ten years since my cousin took his own life, is there a memorial walk?",
]

URGENT = [
    # thoughts with no plan, passive wishes, hopeless remarks: help today (NHS 111 option 2)
    "new tablets and now i get thoughts of ending it out of nowhere. no plan at all",
    "getting thoughts about not being here since the new tablets, no plan though",
    "lately it would be easier not to wake up in the morning",
    "i would rather not be here some days, it is getting worse",
    "my dad had a lot to drink and said whats the point of anything, he is asleep now",
    "my friend keeps saying whats the point when we talk",
    # hopelessness said alone, with no plan, means or time
    "he said there's no point any more",
    "i dont see the point anymore, been like this for weeks",
    "honestly there is no point in anything lately",
    "I feel suicidal but I have no plans",
    # a self-harm wound that needs checking
    "self harmed on my leg and one cut is gaping, does it need stitches? bleeding stopped",
    "self harmed two days ago and the cut looks infected, bleeding has stopped, im ok in myself",
    "self injured last week and the wound will not close, it is not bleeding",
    # stopping a benzodiazepine all at once
    "ran out of my lorazepam two days ago and i am shaking and sweating",
    "had to come off my diazepam suddenly, feel anxious and weird, cant sleep",
    "stopped the valium cold turkey and now i have ringing in my ears",
]

NOT_URGENT_OR_LOWER = [
    "had thoughts of ending it years ago, long gone now, doing loads better",
    # suicidal thoughts told only as past, with the person well now
    "last year I had suicidal thoughts, I'm fine now, is it normal to still worry?",
    "I had suicidal thoughts in 2019 but I'm well now",
    "was suicidal back in 2015, she is happy these days, can she join the army?",
    "ran out of paracetamol, can i buy more at the shop?",
    "how long does diazepam stay in your system?",
]

STILL_EMERGENCY = [
    # past attempts with something current still fire
    "i tried to end my life years ago and the urges are back again tonight",
    "tried to kill myself a few years back and i feel the same way now, i have pills saved",
    # managed urges with something acute
    "my girlfriend uses her coping strategies but tonight she has cut herself and it is bleeding a lot",
    "he has a safety plan but says he wants to end his life today",
    # a joke marker with intent or means
    "lol i am going to kill myself tonight, the pills are ready",
    "if i fail this test i will kill myself, i am not joking",
    # thoughts with a plan or a time
    "thoughts of ending it, no plan until now but i have saved up the tablets",
    # hopelessness with means, or past thoughts back now
    "i dont see the point anymore and ive got pills saved up",
    "I had suicidal thoughts in 2019 and they're back tonight, I have the tablets",
    "there is no point any more, i have written notes for my kids and saved my tablets",
]

NOT_EMERGENCY_PAST_MANAGED_JOKE = [
    # past attempts or thoughts, doing better
    "i tried to take my own life nine years ago and i am doing much better now. how do i tell my partner?",
    "attempted to kill myself as a teenager, fully recovered, can i give blood?",
    "thought about ending it a few years back, that is long gone now. can i stop my sertraline?",
    # old scars
    "old self harm scars from my twenties, any way to make them less visible?",
    # managed urges
    "my son self harms now and then but uses his distraction box and safety plan, how do i help?",
    "i still get self harm urges but i manage them ok with my coping strategies. any books?",
    # jokes tied to everyday annoyances
    "if i have to sit one more maths exam im going to kill myself lol",
    "this traffic is killing me haha, gonna kill myself if the bus is late again lol",
    "honestly want to die every time the printer jams",
]


@pytest.mark.parametrize("text", EMERGENCY)
def test_emergency(triage: Triage, text: str) -> None:
    assert flag_level(triage, text) == "emergency"


@pytest.mark.parametrize("text", NOT_EMERGENCY)
def test_not_emergency(triage: Triage, text: str) -> None:
    assert flag_level(triage, text) != "emergency"


@pytest.mark.parametrize("text", URGENT)
def test_urgent(triage: Triage, text: str) -> None:
    assert flag_level(triage, text) == "urgent"


@pytest.mark.parametrize("text", NOT_URGENT_OR_LOWER)
def test_not_urgent_or_lower(triage: Triage, text: str) -> None:
    assert flag_level(triage, text) is None


@pytest.mark.parametrize("text", STILL_EMERGENCY)
def test_still_emergency(triage: Triage, text: str) -> None:
    assert flag_level(triage, text) == "emergency"


@pytest.mark.parametrize("text", NOT_EMERGENCY_PAST_MANAGED_JOKE)
def test_past_managed_or_joke_not_emergency(triage: Triage, text: str) -> None:
    assert flag_level(triage, text) != "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "lately it would be easier not to wake up in the morning",
        "self harmed on my leg and one cut is gaping, does it need stitches? bleeding stopped",
    ],
)
def test_urgent_mental_health_reply_carries_crisis_line(triage: Triage, text: str) -> None:
    assert _category(triage, text) == "self_harm"


# Round 34 kinds (fix34h): (text, level expected from the red flags; None: no flag).
ROUND34_KINDS: list[tuple[str, str | None]] = [
    # a joke about an everyday annoyance with the laughing word first (NHS help for suicidal
    # thoughts: no intent expressed) ...
    (
        "haha if i have to redo this spreadsheet again im going to kill myself. how do i fix a sore wrist",
        None,
    ),
    ("lmao im gonna kill myself if the train is late again, anyway what helps hay fever", None),
    ("lol every time my boss emails at 6pm i want to kill myself. best cream for dry hands?", None),
    # ... and near misses: meant, or with a method, still fire
    ("lol not joking, im going to kill myself tonight", "emergency"),
    ("haha whatever, im going to kill myself with the pills i saved", "emergency"),
    ("i am going to kill myself", "emergency"),
    # grief for someone else's suicide (NHS bereavement) ...
    (
        "we lost my best friend to suicide three years ago, how do i support her mum at christmas",
        None,
    ),
    ("it is the anniversary of my dads suicide next week, any tips for sleeping better", None),
    ("my sister was bereaved by suicide last spring and wants to find a support group", None),
    # ... and near misses: one's own attempt or a current wish still fire
    ("since my suicide attempt last week i keep feeling i should try again", "emergency"),
    ("after my brothers suicide i want to die too", "emergency"),
    # suicide as a subject of study or prevention work (NHS suicide: signs to look out for) ...
    (
        "doing a presentation about suicide for my nursing module, which risk factors matter most",
        None,
    ),
    ("for my dissertation on youth suicide what are good sources", None),
    ("our school runs a suicide prevention programme, what should parents learn from it", None),
    # ... and near misses: personal suicidal talk still fires
    ("i keep thinking about suicide", "emergency"),
    ("suicide feels like the only option left", "emergency"),
    # suicidal thoughts only in the past, with help and recovery since (NICE NG225) ...
    (
        "a couple of years ago i had thoughts of ending it but i am much better now. can i drink on sertraline",
        None,
    ),
    (
        "last year i had thoughts of killing myself, had counselling, and have not had them for months. is it ok to exercise",
        None,
    ),
    (
        "i was thinking about ending it about a year ago, feeling loads better now, should i reduce my dose",
        None,
    ),
    # ... and near misses: the thoughts are back now
    ("last year i had thoughts of ending it and now they are back", "emergency"),
    (
        "i was feeling much better but the thoughts of ending it have come back this week",
        "emergency",
    ),
    # a heavy ache in the upper back with clamminess and breathlessness or sickness
    # (NHS heart attack: not always chest pain) ...
    (
        "my mum is 72 with diabetes, she has a heavy pain between her shoulder blades, is sweaty and feels sick",
        "emergency",
    ),
    (
        "dull ache across my upper back since an hour, cold sweat and out of breath walking to the door",
        "emergency",
    ),
    ("pressure between the shoulder blades, clammy, feeling faint and nauseous", "emergency"),
    # ... and near misses: a pulled muscle or gallbladder
    (
        "pulled something lifting boxes, ache between my shoulder blades, sweaty from the gym and a bit sick",
        None,
    ),
    (
        "pain between my shoulder blades after fatty food, feel sick and sweaty, gallstones again?",
        None,
    ),
    # a limb that went cold, pale and weak over hours (NICE CG147 acute limb ischaemia) ...
    (
        "since lunchtime his left leg is cold and white, it hurts a lot and he can barely move his toes",
        "emergency",
    ),
    ("my foot went icy and pale earlier today, its going dead and really painful", "emergency"),
    ("since about 3pm her arm has been cold and blue, she cant lift it and it aches", "emergency"),
    # ... and near misses: Raynaud's or a leg gone to sleep
    ("my hand goes white and numb in the cold since this morning, its raynauds isnt it", None),
    ("sat cross legged since lunch and my foot went cold, numb and tingly", None),
]


@pytest.mark.parametrize(("text", "level"), ROUND34_KINDS)
def test_round34_kinds(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
