"""Known wrongs from earlier closing notes, by kind: a household chemical named first and the
swallow told after it as "some" or "it" (an emergency), "collapsed" in a figure of speech
about laughing, and a care plan's "call 999 if a fit lasts over 5 minutes" (not one). Each kind with wordings that must fire or stand down, and near
misses that must stay emergencies. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- a household chemical swallowed, the product named before "some" / "it" (NHS
    # poisoning: 999 or A&E) --------------------------------------------------------------
    ("i left the bleach by the bath and my little boy drank some.", "emergency"),
    ("the toilet cleaner was on the floor and she swallowed a mouthful of it.", "emergency"),
    ("he found the antifreeze in the garage and then drank some", "emergency"),
    ("the dishwasher tablets were out and my daughter chewed one, her lips look sore", "emergency"),
    # not a swallow of the product: another drink, a question ahead, a past event told with
    # its outcome and a prevention question
    ("we clean with bleach every day and my son drank some milk after his nap.", None),
    ("what do i do if my toddler finds the bleach and drinks some?", None),
    (
        "a few years ago my son found the bleach and drank some, he was fine. how do i lock the "
        "cupboard?",
        None,
    ),
    (
        "the battery was gone from the remote and i thought my son swallowed it, then we found "
        "it under the sofa.",
        None,
    ),
    # a hypothetical in a later sentence, and a real swallow with a worry after it
    ("the oven cleaner is under the sink. what if she ever drank some?", None),
    ("the dishwasher tablets are low down. if the twins ever ate one, what then?", None),
    ("i left the bleach out and my son drank some. what happens if he is sick?", "emergency"),
    # -- "collapsed" as a figure of speech for laughing --------------------------------------
    ("my nan collapsed laughing at the panto, she loved it.", None),
    ("we all collapsed in fits of giggles at the wedding speech.", None),
    # near misses: a real collapse near the same words stays an emergency
    ("grandad collapsed while we were laughing at dinner and he is not responding.", "emergency"),
    (
        "my dad collapsed at the party, everyone was laughing and then he just went down.",
        "emergency",
    ),
    # -- a care plan's rule for a long seizure, asked about (NHS epilepsy: 999 if a seizure
    # lasts more than 5 minutes) --------------------------------------------------------------
    ("my epilepsy care plan says phone 999 if i have a seizure that lasts over 5 minutes", None),
    ("the school nurse says ring an ambulance if a fit goes on longer than five minutes.", None),
    # near misses: the plan told, then a fit now past its limit
    (
        "her plan says 999 if a fit lasts more than 5 minutes and this one has gone on for 8 "
        "minutes, she is still jerking",
        "emergency",
    ),
    ("he is having a seizure that has lasted over five minutes", "emergency"),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_figures_of_speech_and_named_chemicals(
    triage: Triage, text: str, level: str | None
) -> None:
    assert flag_level(triage, text) == level
