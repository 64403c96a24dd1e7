"""Set 14 (rounds 112-116) by kind: false emergencies that stand down. A choke on food that
was coughed or spat up and cleared, breathing and talking fine after; a tongue that swells the
day after a piercing, breathing and swallowing fine; the lasting one-sided weakness that a
stroke months or years back left, asked about for aids or rehab; a child's knock on the head
yesterday, told in text-speak ("yday", "feedin n playin normal since"); someone else's
illness told as a story already diagnosed, then a question about one's own risk. Each kind
with wordings that must stand down, and near misses that must stay emergencies: trouble
breathing, speaking or swallowing, something still stuck, a swollen lip or an allergy sign, a
weakness that is new, sudden or worse, a young baby or a hard fall, drowsiness or being sick,
a story happening now. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- a choke that was coughed up and cleared, well after (NHS choking: encourage
    # coughing; 999 when it does not clear) -----------------------------------------------
    (
        "choked on a crisp at lunch but coughed it out after a few goes, talking and breathing "
        "normally now, just a sore throat",
        None,
    ),
    (
        "My son choked on a grape at tea, he coughed the grape up himself within seconds and "
        "has been running about since. Anything I should watch for?",
        None,
    ),
    (
        "choked on some chicken earlier, spat it out on the plate, throat feels raw but "
        "breathing ok",
        None,
    ),
    # near misses: breathing or speech still affected, something still there, or first aid
    ("choked on a sweet and coughed it up but now she cant breathe properly", "emergency"),
    (
        "he choked on a bit of steak, coughed some of it up but its still stuck and he cant speak",
        "emergency",
    ),
    ("my dad is choking on his dinner right now", "emergency"),
    ("she choked on a boiled sweet and hasnt coughed it up yet", "emergency"),
    ("he choked on some meat and is still trying to cough it out", "emergency"),
    (
        "baby choked on a raisin, I did back blows and she coughed it out but shes floppy now",
        "emergency",
    ),
    # -- a tongue swollen the day after a piercing, breathing and swallowing fine (NHS
    # piercings: swelling for a few days is expected) ---------------------------------------
    (
        "had my tongue pierced on saturday and its still quite swollen, I sound a bit lispy "
        "but I can breathe and swallow fine. how long does this last?",
        None,
    ),
    (
        "new tongue bar in since yesterday, tongue has swelled a bit and eating is awkward. is "
        "that normal for a piercing?",
        None,
    ),
    (
        "tongue swollen after getting it pierced this morning, drinking through a straw ok, "
        "no other problems",
        None,
    ),
    # near misses: trouble breathing or swallowing, a lip or face swelling, an allergy sign
    (
        "tongue piercing done yesterday, my tongue is swelling up and I cant swallow my spit",
        "emergency",
    ),
    (
        "got my tongue pierced an hour ago and now my tongue and lips are swelling",
        "emergency",
    ),
    (
        "my tongue is swollen after the piercing and its getting hard to breathe",
        "emergency",
    ),
    ("my tongue is swelling up after eating peanuts", "emergency"),
    # -- a one-sided weakness an old stroke left, asked about for aids (NHS stroke recovery)
    (
        "My nan had a stroke three years ago and is still a bit weak on her left side. Is a "
        "perching stool worth getting for the kitchen?",
        None,
    ),
    (
        "Dad suffered a stroke in 2019, he gets about well but is weak down one side. Could "
        "physio still help after this long?",
        None,
    ),
    (
        "I had a small stroke a couple of years back and my right hand is still weak on the "
        "right side, any grip exercises you would suggest?",
        None,
    ),
    # near misses: new, sudden or worse, or other signs with it
    (
        "my nan had a stroke three years ago and this morning she suddenly went weak down one side",
        "emergency",
    ),
    (
        "dad had a stroke in 2019 and today his face is drooping and he is weak on one side",
        "emergency",
    ),
    ("my husband is weak on one side and his speech is slurred", "emergency"),
    (
        "he had a stroke years ago but his weakness on one side is much worse since lunch",
        "emergency",
    ),
    # -- a child's knock yesterday, well since, in text-speak (NHS head injury: care at
    # home when well after) -------------------------------------------------------------------
    (
        "toddler bumped his head on the coffee table yday, little red mark, been eatin n playin "
        "normal since",
        None,
    ),
    (
        "baby knocked her head on the cot bars yday, cried a bit, been feedin n sleepin normal "
        "since",
        None,
    ),
    (
        "my 1 year old banged her head on the sofa yday, been playin normal since. anythin to "
        "look out for?",
        None,
    ),
    # near misses: sick or drowsy after, a young baby, a hard surface or a height
    (
        "baby rolled off the bed yday n hit her head, been sick twice n v sleepy today",
        "emergency",
    ),
    ("my 6 week old baby fell off the changing table yday, seems fine", "emergency"),
    (
        "baby fell down the stairs yday n banged his head, been playin normal since",
        "emergency",
    ),
    # -- someone else's illness told as a story already diagnosed, then a question about
    # the writer's own risk (NHS 111: their own symptoms decide) ------------------------------
    (
        "my friends mum lost the sight in one eye and it turned out to be giant cell arteritis. "
        "im 28 and get the odd headache after screens, should i be worried?",
        None,
    ),
    (
        "A colleague's husband had crushing chest pain at a wedding and it turned out to be a "
        "heart attack. I am 40 and get heartburn after curry, could I be at risk?",
        None,
    ),
    (
        "my neighbours son went blind in one eye overnight, turned out it was a detached "
        "retina. I'm 35 and short sighted, do I need to worry?",
        None,
    ),
    # near misses: happening now or today, or no question about the writer's own risk
    (
        "my dad went blind in one eye this morning and it turned out to be a clot, should i "
        "take him back in?",
        "emergency",
    ),
    (
        "my mate went blind in one eye overnight, turned out to be a stroke, what do i do",
        "emergency",
    ),
    ("my friend has suddenly lost the sight in one eye, we are at her house", "emergency"),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round116_false_alarms(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
