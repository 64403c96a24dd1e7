"""After set 27's fold (session 41): the kinds the retrained fallback no longer carried. Days
or weeks after an operation on the tummy, pain getting worse or the tummy swelling with a
temperature and a racing pulse or fluids not kept down (a leak or infection inside: 999); and
"fitting" as fixtures or fitting in ("a light fitting", "fitting a new kitchen"), which is no
fit. Each kind with near misses. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- worse after a tummy operation, with fever and a fast pulse or vomiting (NHS sepsis;
    # NICE NG51; Royal College of Surgeons recovering from surgery) ------------------------
    (
        "had my gallbladder out keyhole 4 days ago, today my tummy is more swollen and "
        "tight, temp 38.4 and my heart is racing",
        "emergency",
    ),
    (
        "mum had a bowel resection last week, discharged on monday. her stomach pain is "
        "getting worse, shes got a fever and keeps being sick",
        "emergency",
    ),
    (
        "hysterectomy 6 days ago and the pain is worse not better, im shivering with a "
        "temperature of 38.9 and pulse 118 on my watch",
        "emergency",
    ),
    # near misses: recovering as expected, or no sign of infection
    (
        "had my appendix out two weeks ago, still a bit sore but getting better, no temperature",
        None,
    ),
    ("hernia repair last week, the wound is a bit bruised, no fever, eating fine", None),
    # -- "fitting" as fixtures or fitting in (NHS epilepsy) -------------------------------------
    (
        "got a tiny shock changing a light fitting, just a tingle, no burn and I feel fine. "
        "anything I should do?",
        None,
    ),
    ("been fitting a new kitchen all week and my back is killing me", None),
    ("my son is struggling with fitting in at his new school, he seems low", None),
    ("fell over in the fitting room and grazed my knee", None),
    # near misses: a real fit keeps 999
    ("my husband is fitting on the kitchen floor and wont stop", "emergency"),
    (
        "he was fitting the new light and got a shock, now hes fitting on the floor and "
        "wont respond",
        "emergency",
    ),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_fold27_followups(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
