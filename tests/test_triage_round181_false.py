"""Round 181 by kind (set 27): false emergencies. Breathing that stops and starts in sleep
with a gasp or snort, and tiredness by day (sleep apnoea, a GP); sleep paralysis with a weight
felt on the chest that passes in seconds; waking choking on the sour taste of reflux that
settles on sitting up, and a "burning taste" or acid reflux burning the throat (heartburn, not
a burn); a heart attack or drowning only dreamt; "killing myself laughing"; flopping on the
sofa after a match or training, told with a laugh; a denied confusion ("no confusion") after
an onset word; a bat found in a room where a child or someone was asleep (urgent, a same-day
rabies assessment). Each kind with wordings that must stand down (or be urgent), and near
misses that must stay emergencies. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- pauses in breathing in sleep with a gasp, tired by day (NHS sleep apnoea: a GP) -------
    (
        "my husband stops breathing at night and then wakes with a big snort. he nods off "
        "at his desk every afternoon. could it be apnoea?",
        None,
    ),
    (
        "wife says I pause breathing in my sleep then choke and gasp, and I'm exhausted all "
        "day no matter how long I sleep",
        None,
    ),
    (
        "apparently i stopped breathing while i was asleep then jolted awake gasping. always "
        "knackered, who should i see",
        None,
    ),
    # near misses: a baby, or someone blue or not waking now
    (
        "he stops breathing in his sleep then gasps, always tired, but tonight he went blue "
        "and i cant wake him",
        "emergency",
    ),
    (
        "my dad has stopped breathing and isnt responding",
        "emergency",
    ),
    # -- sleep paralysis (NHS sleep paralysis: harmless, a GP if it keeps happening) --------
    (
        "woke in the night and couldnt move or shout, like a weight pressing on my chest, it "
        "wore off after a few seconds. it happens when i sleep badly",
        None,
    ),
    (
        "sleep paralysis again last night, felt something sitting on my chest and saw a "
        "figure by the door, went away after about twenty seconds",
        None,
    ),
    # near miss: chest pressure with pain and sweating
    (
        "woke up and couldnt move, felt like something was on my chest, now its a crushing "
        "pain and im sweating",
        "emergency",
    ),
    # -- waking choking on reflux, a burning taste (NHS heartburn and acid reflux) -----------
    (
        "i keep waking up choking with an acid taste coming up my throat, it passes once i "
        "sit up. worse after a big dinner",
        None,
    ),
    (
        "often get a burning taste at the back of my mouth after pizza, is that reflux",
        None,
    ),
    (
        "heartburn every night, acid burning my throat when i lie down. what can i take",
        None,
    ),
    # near misses: food stuck, trouble breathing, a real burn
    (
        "woke up choking with a sour taste and now i cant breathe properly and my lips look blue",
        "emergency",
    ),
    (
        "he swallowed drain cleaner and its burning his mouth and throat",
        "emergency",
    ),
    (
        "my toddler pulled a mug of just boiled tea down her front, the skin is peeling off in "
        "big patches",
        "emergency",
    ),
    # -- a dream of a heart attack or drowning (NHS nightmares) ------------------------------
    (
        "had a nightmare that i was having a heart attack, woke up with my heart thumping but "
        "no pain, settled in a few minutes",
        None,
    ),
    (
        "my son dreamt he was drowning and woke up crying, hes fine now, just shaken",
        None,
    ),
    # near miss: a real pain on waking
    (
        "dreamt about work, woke up with a crushing pain in my chest going down my left arm",
        "emergency",
    ),
    # -- "killing myself laughing" -----------------------------------------------------------
    (
        "was killing myself laughing at the dog trying to catch his tail, now my ribs ache a bit",
        None,
    ),
    (
        "my nan killed herself laughing at the panto, she's 88 and still talking about it",
        None,
    ),
    # near miss: a real wish to die
    (
        "i keep thinking about killing myself, i have the pills ready",
        "emergency",
    ),
    # -- flopping on the sofa after sport or work, with a laugh (NHS exercise) ---------------
    (
        "my daughter got back from netball and collapsed on the couch, totally knackered, "
        "legs like jelly today",
        None,
    ),
    (
        "collapsed into bed after the gym lol, arms so achy i cant lift my cup",
        None,
    ),
    # near miss: a real collapse after exercise
    (
        "came in from football and collapsed on the sofa, he wont wake up and his lips are grey",
        "emergency",
    ),
    # -- a denied confusion after an onset word (NHS cellulitis; NHS confusion) --------------
    (
        "cut on her foot has gone red and hot and the redness is spreading, feverish today "
        "but chatting away, no confusion at all",
        "urgent",
    ),
    (
        "she has a fever this evening but is not confused, just tired",
        None,
    ),
    (
        "since this morning he has a temperature and hes not disorientated, just wants to sleep "
        "off his cold",
        None,
    ),
    # near misses: a real new confusion
    (
        "my grandad has become confused all of a sudden this afternoon and doesnt know where he is",
        "emergency",
    ),
    (
        "yesterday he was fine but today he is muddled and not making sense",
        "emergency",
    ),
    # -- a bat in a room where a child or someone slept (UKHSA rabies; NHS rabies) -----------
    (
        "there was a bat in the nursery this morning while the baby was napping, cant see any "
        "marks on her",
        "urgent",
    ),
    (
        "woke up to a bat circling my bedroom, window was open. no bite that i can see. should "
        "i worry",
        "urgent",
    ),
    (
        "a bat got into my teenagers room while he was asleep and landed on his pillow",
        "urgent",
    ),
    # near misses: no bat in a room of a sleeper, and a bat bite that is urgent anyway
    (
        "we saw bats flying over the garden at dusk, are they protected",
        None,
    ),
    (
        "my son left his cricket bat in his bedroom and tripped on it, bruised toe",
        None,
    ),
    (
        "a bat bit my hand when i tried to move it out of the shed",
        "urgent",
    ),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round181_false(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
