"""Round 101 by kind: a family member or friend worried about someone's mind. Frames that
are not emergencies (an overdose seen in a documentary, "I want to die" or "kill myself" said
as a figure of speech by someone doing well, self-harm in a school story, a stranger's
collapse seen days ago that left the witness shaken, a suicide in the neighbourhood and a
question about bereavement support, a past suicidal crisis now over, a "heart attack"
feeling from exam nerves that passed in minutes), each with wordings that must stand down
and near misses that must stay emergencies; and two urgent kinds (an older person newly
muddled with urine infection signs, psychosis relapse signs after missed medicine). Our own
words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- "kill myself" / "I want to die" as a figure of speech (NHS help for suicidal
    # thoughts: signs to look out for in others) ---------------------------------------
    (
        "my best mate says ill kill myself whenever his team loses, its just an expression. "
        "hes doing great, busy with work and going out every weekend.",
        None,
    ),
    (
        "my sister says she wants to die every time her boss emails late, in the dramatic "
        "sense. she is happy, laughing, just booked a trip to spain.",
        None,
    ),
    (
        "my cousin jokes that hes going to kill himself over his maths homework, just a turn "
        "of phrase he says, he doesnt mean it. hes fine, seeing friends, enjoying football.",
        None,
    ),
    # near misses: withdrawn, giving things away, searching methods, meaning it
    (
        "my friend keeps telling me i want to die, she says its just an expression but she "
        "has stopped going out and gave her guitar away.",
        "emergency",
    ),
    (
        "my brother says hes going to kill himself, claims its a figure of speech, but he has "
        "been googling ways and seems fine on the surface.",
        "emergency",
    ),
    ("my flatmate texted me i want to die and she meant it, she has pills saved.", "emergency"),
    # -- an overdose seen on television, asked about in general (NHS poisoning) ------------
    (
        "my mum saw a tv drama where a teenager took an overdose, it upset her. she is fine, "
        "she just wonders how many people it happens to.",
        None,
    ),
    (
        "we watched a film last night about an overdose and my partner wants to know how "
        "paracetamol damages the liver. nobody here has taken anything.",
        None,
    ),
    # near misses: someone here took tablets after the programme
    (
        "after watching a documentary about an overdose my son took 30 paracetamol and is "
        "being sick.",
        "emergency",
    ),
    (
        "my daughter saw a film about an overdose and has taken a whole packet of pills.",
        "emergency",
    ),
    # -- self-harm in a story (NHS self-harm: signs in young people) ---------------------
    (
        "my son wrote a poem for class about a boy who self harms. he says its from a novel "
        "they studied, he has never done it, no marks anywhere and hes cheerful.",
        None,
    ),
    (
        "the school rang because my daughters creative writing story had a character who self "
        "harms. shes happy, never done it, made it up from a tv show.",
        None,
    ),
    # near misses: fresh cuts, hidden arms, suicidal words
    (
        "my daughter wrote a story about a girl who self harms and i found fresh cuts on her "
        "arm tonight.",
        "emergency",
    ),
    (
        "my son wrote an essay about self harm, says he made it up, but he wants to die.",
        "emergency",
    ),
    # -- someone else's collapse seen days ago, the witness shaken (NHS post-traumatic
    # stress) -------------------------------------------------------------------------
    (
        "my wife saw a woman collapse in the supermarket two days ago, paramedics took her. "
        "my wife is still shaken and has nightmares, is that normal?",
        None,
    ),
    (
        "my son watched a player collapse on the pitch last weekend and keeps replaying it. "
        "the player is recovering in hospital. how can i help him feel less upset?",
        None,
    ),
    # near misses: someone collapsing now, or the witness himself collapsing
    ("i just saw a man collapse in the street and he is not breathing.", "emergency"),
    (
        "my dad saw a man collapse yesterday and was shaken, and now my dad has collapsed "
        "and wont wake up.",
        "emergency",
    ),
    # -- a suicide nearby and bereavement support (NHS: help after a suicide) ---------------
    (
        "a lad from my sons college died by suicide last month. my son is sad but coping, "
        "going to lessons. where can he get bereavement support?",
        None,
    ),
    (
        "my colleague took his own life in the spring. im grieving but ok, sleeping and "
        "eating. is there a support group for people who lost someone to suicide?",
        None,
    ),
    # near misses: the bereaved person wants to join them, or has a plan
    (
        "my neighbour died by suicide and now my wife keeps saying i want to die too, she "
        "has tablets saved.",
        "emergency",
    ),
    (
        "my friend lost her brother to suicide and now she says she is going to kill "
        "herself tonight.",
        "emergency",
    ),
    # -- a past suicidal crisis, treated and over (NICE NG225; NHS stopping
    # antidepressants) ---------------------------------------------------------------
    (
        "in the spring my wife was suicidal and the crisis team saw her, she started "
        "counselling and tablets. she is much better now, back to work, and wants to come off "
        "the tablets. what should we expect?",
        None,
    ),
    (
        "my son became suicidal at uni and was admitted to hospital. after therapy he is "
        "doing really well now, back at college. how do we support him long term?",
        None,
    ),
    # near misses: it is back now
    (
        "my wife was suicidal last spring and saw the crisis team, she got much better but "
        "tonight she says she has a plan again.",
        "emergency",
    ),
    # -- a "heart attack" feeling from nerves that passed in minutes (NHS panic attacks;
    # NICE CG95) -----------------------------------------------------------------------
    (
        "my daughter felt like she was having a heart attack before her exam, pure nerves, "
        "heart pounding. it settled within five minutes and shes fine.",
        None,
    ),
    (
        "before his speech my husband thought he was having a heart attack from anxiety, "
        "racing heart, went away after a few minutes. hes 30 and healthy.",
        None,
    ),
    # near misses: pain, spreading, or happening now
    (
        "my dad thinks he is having a heart attack, crushing pain in his chest and his left "
        "arm, he is sweating.",
        "emergency",
    ),
    (
        "my wife felt like she was having a heart attack from nerves but the pain is still "
        "there and spreading to her jaw.",
        "emergency",
    ),
    # -- urgent: an older person newly muddled with urine infection signs (NHS urinary
    # tract infections; NICE CG103 delirium: GP or 111 today) ------------------------------
    (
        "my nan is 91 and since the weekend shes been confused, calling me by my mums name, "
        "and her wee is cloudy and smelly.",
        "urgent",
    ),
    ("grandad has been muddled for three days and says it stings when he pees.", "urgent"),
    # not new: years of muddle with dementia
    ("my grandad is 84 and has been muddled for years with dementia, wee smells a bit.", None),
    # near misses: drowsy and hard to wake, or not knowing family since yesterday
    (
        "my granny has been a bit muddled for two days, her wee smells strong, now she is very "
        "drowsy and hard to wake.",
        "emergency",
    ),
    ("my dad is 79 and has been confused since yesterday, cant recognise us.", "emergency"),
    # -- urgent: psychosis relapse signs after missed medicine, no danger (NHS psychosis;
    # NICE CG178: contact the care team or crisis line today) ---------------------------
    (
        "my son has schizophrenia and stopped his tablets a month ago, now hes convinced the "
        "neighbours are spying and hes up all night.",
        "urgent",
    ),
    (
        "my sister has psychosis and gets a depot every fortnight, she skipped the last one "
        "and is hearing voices again, no threats.",
        "urgent",
    ),
    # near miss: voices telling her to harm others
    (
        "my partner has bipolar and missed her depot jab, shes paranoid and says voices are "
        "telling her to kill us.",
        "emergency",
    ),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round101_family(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
