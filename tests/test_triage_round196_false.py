"""Rounds 192-196 by kind (set 30): false emergencies. A heavy bleed at a birth told as past,
with the bleeding now said to be normal or settled (NHS postpartum haemorrhage), and heavy
bleeding after a birth now, told as "at the birth", "when she was born" or the bleeding itself
heavy, kept at 999; "I want to die" about a daily hassle with an emphatic "obviously not
literally" and no low mood, plan or means; another person's attempt weeks or more back told
as a story by a writer who denies thoughts of harming themselves; harm to oneself told as not
spoken of ("no talk of harming himself"). Each kind with wordings that must stand down, and
near misses that must stay emergencies (or urgent). Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- a heavy bleed at a birth, past and settled now (NHS postpartum haemorrhage) --------
    (
        "i had a big haemorrhage after giving birth a fortnight ago, lost 2 litres and had a "
        "transfusion. the bleeding is much lighter now. can i take iron with my tea",
        None,
    ),
    (
        "lost loads of blood during the delivery 10 days ago, bleeding has settled now, is it "
        "safe to start gentle walks",
        None,
    ),
    (
        "my partner bled a lot after the c section last month and needed 3 units. bleeding "
        "back to normal now, she's so tired, when will her energy come back",
        None,
    ),
    (
        "Had a PPH when our twins were born 5 weeks ago, lost so much blood. Loss is just "
        "brown spotting now. Is it ok to have a glass of wine?",
        None,
    ),
    # near misses: heavy bleeding after a birth now stays an emergency
    (
        "lost 1.5 litres at the birth two weeks ago. now im soaking a maternity pad every hour "
        "and passing big clots",
        "emergency",
    ),
    (
        "lost a lot of blood at the birth 3 weeks ago. the bleeding had settled but now im "
        "soaking through pads again",
        "emergency",
    ),
    (
        "had my baby 3 weeks ago. today the bleeding is suddenly really heavy again and i feel "
        "faint",
        "emergency",
    ),
    (
        "i gave birth 12 days ago and the bleeding has got much heavier since yesterday, "
        "lots of clots",
        "emergency",
    ),
    (
        "gave birth 2 weeks ago, heavy bleeding and clots the size of a plum",
        "emergency",
    ),
    (
        "big bleed when my son was born last month. the bleeding is normal now but today i "
        "feel faint and my heart is racing, and im passing clots",
        "emergency",
    ),
    # -- "I want to die" about a daily hassle, with an emphatic "not literally" (NHS help for
    # suicidal thoughts read in the rest) -----------------------------------------------------
    (
        "i swear i want to die every time the toddler wakes at 5am lol, obviously not "
        "literally. how do other parents cope with early risers",
        None,
    ),
    (
        "honestly want to die whenever the dog barks at the postman, not literally obviously "
        "haha. any training tips",
        None,
    ),
    (
        "I want to die each time the washing machine beeps at midnight, of course not "
        "literally. Is there a way to turn the sound off?",
        None,
    ),
    # near misses: low mood, no joke, or means told keep the 999 reply
    (
        "i want to die every time the baby monitor goes off, not literally obviously, but ive "
        "been so low and crying every day since she was born",
        "emergency",
    ),
    (
        "i want to die every time the baby wakes up. not joking. i cant do this anymore",
        "emergency",
    ),
    (
        "obviously not literally but i want to die every time my alarm goes off, and ive got "
        "pills saved up",
        "emergency",
    ),
    (
        "i want to die every time the baby cries at night",
        "emergency",
    ),
    # -- another person's attempt weeks or more back, told as a story, the writer's own
    # thoughts denied (NHS post-traumatic stress disorder) ------------------------------------
    (
        "one of the men on my wing tried to hang himself a few weeks ago, i cut him down and "
        "he lived. i keep seeing it when i close my eyes. im not having any thoughts of "
        "hurting myself, who can i talk to",
        None,
    ),
    (
        "my neighbour tried to kill himself last year and i was the one who found him. i "
        "still get flashbacks. i have no thoughts of harming myself, is this ptsd?",
        None,
    ),
    (
        "A resident at the care home where I work tried to take her own life 2 months ago. I "
        "can't stop going over it. I'm not having any thoughts about harming myself, but "
        "should I see my GP?",
        None,
    ),
    # near misses: someone at risk now stays an emergency
    (
        "my brother tried to hang himself last night, hes in hospital now",
        "emergency",
    ),
    (
        "my son tried to hang himself a month ago and he keeps saying he will try again",
        "emergency",
    ),
    (
        "a lad on my landing tried to hang himself last month. ive been thinking about doing "
        "the same. im not having any thoughts about hurting anyone else",
        "emergency",
    ),
    (
        "a colleague tried to kill herself a few weeks ago and now i want to do the same",
        "emergency",
    ),
    (
        "my flatmate tried to hang herself last month, we found her in time. im not having "
        "any thoughts of harming myself but shes still really low and im scared she might "
        "try again",
        "emergency",
    ),
    # -- harm to oneself told as not spoken of, with a past trauma (NHS post-traumatic stress
    # disorder; NHS help for suicidal thoughts) ------------------------------------------------
    (
        "my dad served in iraq and saw friends killed in 2004. the bonfire night bangs set off "
        "his flashbacks. hes safe, no mention of hurting himself, how can i support him",
        None,
    ),
    (
        "my husband has ptsd and the fireworks set him off, no talk of harming himself but he "
        "wont see anyone. what can i do",
        None,
    ),
    (
        "my partner has been stressed and short tempered for a month, sleeping badly, no sign "
        "of wanting to hurt himself. how do I help?",
        None,
    ),
    # near misses: harm spoken of keeps its level
    (
        "my husband has ptsd, nightmares from afghanistan, and last night he talked of harming "
        "himself",
        "emergency",
    ),
    (
        "my brother has flashbacks from the army and says he keeps thinking about hurting himself",
        "emergency",
    ),
    (
        "my wife has been very low, no talk of harming herself but she said she wants to die",
        "urgent",
    ),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round196_false(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
