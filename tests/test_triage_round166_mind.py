"""Round 166 by kind (set 24, self-harm false alarms): "I'll kill myself lol" said of a work
rota (a run of nights, lates, earlies, on call, a double shift) with a question on something
else; a brother or daughter who tried to end their life years ago and is doing really well
now, from someone whose family still think of depression as weakness and who asks how to talk
to them; dark thoughts years ago on starting an antidepressant, fine and safe at the moment,
asking what to watch for if it happens again on a new one (NICE NG222; MHRA SSRI advice).
Each kind with wordings that must stand down, and near misses that must stay emergencies: no
laughing word, "not joking", pills, a time; thoughts back now, not safe now, a plan now.
Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- a joke about a work rota (NHS sleep and tiredness: shift work) ---------------------
    (
        "honestly if i get one more run of nights ill kill myself lol. how do i sleep in the "
        "day without feeling rough?",
        None,
    ),
    ("on call again this weekend, gonna kill myself haha. best snacks for staying awake?", None),
    ("if they give me another double shift im going to kill myself lmao", None),
    ("lates all week then earlies, swear ill kill myself lol, is melatonin ok to take?", None),
    ("new rota is out and ill kill myself if i see overtime on it again jk", None),
    # near misses: no laughing word, "not joking", means or a time
    ("one more run of nights and ill kill myself", "emergency"),
    ("if i get another night shift ill kill myself lol, not joking, ive got pills", "emergency"),
    ("another double shift, ill kill myself lol, tonight i mean it", "emergency"),
    # -- an attempt years ago, doing really well now, others' views of depression (NHS
    # supporting someone with a mental health problem; NICE NG222) ---------------------------
    (
        "My sister tried to end her life three years ago. She is doing really well now, back "
        "at work. My parents still think depression is a lack of faith, how do I explain it?",
        None,
    ),
    (
        "my son tried to take his own life a few years ago and he is doing so well now at "
        "college. my family still think it was laziness. any tips for talking to them?",
        None,
    ),
    (
        "Two years ago my husband tried to end his life. Hes doing really well now with "
        "therapy. My relatives still think hes weak, how can I help them understand?",
        None,
    ),
    # near misses: thoughts back now, or family worried he will act now
    (
        "My brother tried to end his life two years ago. He was doing well but the thoughts "
        "are back again this week",
        "emergency",
    ),
    (
        "I tried to end my life two years ago and I still think about ending it every day",
        "emergency",
    ),
    (
        "my sister tried to end her life years ago, doing well now, but my parents still "
        "think she is going to kill herself tonight",
        "emergency",
    ),
    # -- dark thoughts years ago on starting an antidepressant, fine now, planning ahead
    # (NICE NG222; MHRA: SSRIs and suicidal thoughts early in treatment) -------------------
    (
        "Years ago on fluoxetine I had dark thoughts in the first weeks, my GP helped me "
        "through. Starting citalopram now and I feel fine and safe at the moment. What should "
        "I look out for, and who do I call if it happens again?",
        None,
    ),
    (
        "a few years ago when I began sertraline I got dark thoughts for a fortnight. Im fine "
        "at the moment but my doctor wants to restart it, what do I do if it happens again",
        None,
    ),
    (
        "Many years ago on an SSRI I had some dark thoughts. Now on venlafaxine, safe and well "
        "at the moment. Which signs mean I should ring someone if it happens again?",
        None,
    ),
    # near misses: thoughts now, not safe now, a plan now
    ("Years ago I had dark thoughts on citalopram. I dont feel safe at the moment", "emergency"),
    (
        "years ago i had dark thoughts. im fine at the moment but ive got pills saved",
        "emergency",
    ),
    (
        "years ago I had dark thoughts on sertraline and it happens again tonight, worse",
        "emergency",
    ),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round166_mind(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
