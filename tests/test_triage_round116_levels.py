"""Round 116 by kind: set 14's levels. Tablets counted or laid out with a hopeless remark or a
set night (999, NHS help for suicidal thoughts); "dark thoughts" with no plan (urgent, NHS
urgent mental health help the same day); a fever in a baby of one or two months written
without "old" (urgent, NICE NG143); a cut that gapes a few words further on (urgent, NHS cuts
and grazes); an adult tooth knocked clean out (urgent dentist, NHS dental emergencies);
condom sex with a partner of unknown status by someone who has not been on PrEP (PEP today,
NHS HIV PEP). Each kind with near misses: worse forms stay emergencies, past or asked-about
forms stay quiet. Our own words throughout."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- tablets counted or laid out, with a set night or "nobody would notice" (NHS help for
    # suicidal thoughts: call 999 if about to act; NICE NG225 plans and means) -------------
    (
        "ive got all my sleeping tablets in my coat pocket, counted them out earlier. tonight "
        "is the night",
        "emergency",
    ),
    (
        "my antidepressants are on the desk and ive laid them all out. tonights the night tbh",
        "emergency",
    ),
    ("got all my pills out on the floor, honestly nobody would even notice if i went", "emergency"),
    ("sat here with all my tablets tbh no one will even care", "emergency"),
    # near misses: no means and no time (urgent), or a pharmacist's question (none)
    ("feel like theres no point anymore, no plan, just need to talk to someone", "urgent"),
    (
        "how do I count out my tablets into a weekly pill box so I don't miss a dose?",
        None,
    ),
    # -- "dark thoughts" with no plan said (NHS mental health urgent help, 111 option 2) ----
    (
        "been having dark thoughts for a few weeks but i wont act on them, who can i talk to today",
        "urgent",
    ),
    ("black thoughts all week, not gonna do anythin, just feel so low", "urgent"),
    (
        "I keep getting dark thoughts since losing my job. I have no plan, I just need to speak "
        "to someone.",
        "urgent",
    ),
    # near misses: a plan and means now stay 999; thoughts long past stay quiet
    (
        "getting dark thoughts and ive counted out all my paracetamol, tonight is the night",
        "emergency",
    ),
    ("i had dark thoughts years ago after my divorce but im fine now", None),
    # -- a baby of one or two months with a temperature, "old" left out (NICE NG143: under 3
    # months with 38C or more is seen the same day) -----------------------------------------
    ("baby 2 months has a temp of 38.4, feeding fine", "urgent"),
    ("my son 1 month temperature 38 and a bit sleepy than usual", "urgent"),
    ("our little girl is two months, feels hot, thermometer says 38.1", "urgent"),
    # near misses: a baby with red signs stays 999; a fever long ago stays quiet
    ("baby 2 months temp 38.5 and shes floppy and wont wake properly", "emergency"),
    ("my baby had a high temperature two months ago, she is fine now", None),
    # -- a cut that gapes, said a few words after "cut" (NHS cuts and grazes: wounds that gape
    # may need closing at an urgent treatment centre) ---------------------------------------
    ("my daughter has a cut on her knee about 2cm long, kind of gaping a bit", "urgent"),
    ("cut across his palm from a broken glass, the edges are gaping open", "urgent"),
    ("wound on his shin, about 4cm and sort of gaping", "urgent"),
    ("my cut isnt gaping, just a small scrape, should I use a plaster?", None),
    # near misses: bleeding that will not stop stays 999; an old scar stays quiet
    ("deep cut on his arm and the blood is pouring out, wont stop even with pressure", "emergency"),
    ("had a cut stitched last year, how long should a scar stay pink?", None),
    # -- an adult tooth knocked clean out (NHS dental emergencies: urgent dentist now) -------
    ("my son got his front tooth knocked clean out playing rugby, adult tooth, what now", "urgent"),
    ("she fell off her bike and an adult tooth came clean out, we have it in milk", "urgent"),
    (
        "took an elbow to the mouth at football and my front tooth got knocked right out",
        "urgent",
    ),
    # near misses: a knock-out of the person stays 999; a child's milk tooth stays quiet
    ("he was hit in the face and knocked out cold, still not responding", "emergency"),
    ("my 5 year old knocked a baby tooth out on the slide, its fine, no bleeding", None),
    # -- condom sex with a partner of unknown status, not on PrEP (NHS HIV PEP within 72
    # hours, BHIVA/BASHH PEP) ------------------------------------------------------------
    (
        "condom split last night with a guy i just met, no idea of his status and i havent "
        "been on prep",
        "urgent",
    ),
    (
        "the condom came off on saturday with someone I don't know, don't know his status, "
        "never been on PrEP. is there a pill for HIV?",
        "urgent",
    ),
    (
        "unprotected sex yesterday with a man whose hiv status is unknown, i have not been on prep",
        "urgent",
    ),
    # near misses: already on PrEP, or months ago
    (
        "condom came off last night but ive been on prep for a year, dont know his status",
        None,
    ),
    ("condom broke months ago with someone of unknown status, should I get a test?", None),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_round116_levels(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level
