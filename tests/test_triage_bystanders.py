"""Bystanders, carers and first-aiders writing about someone else, and everyday chat that
borrows an emergency's words (rounds 45-48, task H). Each kind has wordings that must stay
calm (or get the urgent level) and near misses that must still be emergencies."""

from __future__ import annotations

import pytest

from assistant.triage import Triage
from tests.conftest import flag_level

CASES: list[tuple[str, str | None]] = [
    # -- a symptom that "doesn't wake me" says the writer sleeps through it ---------------------
    ("my back aches in the evenings but it never wakes me at night", None),
    ("the itch is annoying, doesn't wake me up though", None),
    ("cough is dry and tickly, it does not wake me, should I see a GP?", None),
    # near misses: someone who cannot be woken
    ("my husband won't wake up and is breathing oddly", "emergency"),
    ("I can't wake my mum, she's slumped in her chair", "emergency"),
    # -- a blotchy rash is a rash, not mottled skin ---------------------------------------------
    (
        "she had a fever for two days and now a blotchy red rash on her chest, she's eating well",
        None,
    ),
    ("temperature yesterday, today blotchy spots on his back that fade with a glass", None),
    ("after the high temp he came out in a blotchy pink patch on his neck", None),
    # near misses: blotchy or mottled skin with fever
    ("he's burning up and his skin looks blotchy and cold", "emergency"),
    ("high temperature and her legs have gone mottled", "emergency"),
    # -- "is that an overdose?" asks what counts as one -------------------------------------------
    ("took my hayfever tablet twice by mistake today, is that an overdose?", None),
    ("had 3 ibuprofen instead of 2, would that count as an overdose? feel normal", None),
    ("doubled up my vitamin D this morning, is this classed as an overdose", None),
    # near misses: a lot was taken, or an overdose is stated
    ("she took 30 paracetamol, is that an overdose?", "emergency"),
    ("my brother has overdosed on his pills and is very drowsy", "emergency"),
    # -- "seizing up" is stiffness, not a seizure ------------------------------------------------
    ("my knees are seizing up in the cold, what helps?", None),
    ("his shoulder seized up after painting the ceiling", None),
    ("mum's hip keeps seizing up when she stands, she's 79", None),
    # near misses: seizing or fitting now
    ("my dad is seizing on the floor and won't stop", "emergency"),
    ("she's fitting and her lips are going blue", "emergency"),
    # -- a time-critical medicine left back home is an urgent supply -----------------------------
    (
        "we're away for the weekend and nan's sinemet tablets are still in the cupboard back home",
        "urgent",
    ),
    ("on holiday and realised his levetiracetam tablets are on the shelf back at home", "urgent"),
    ("left grandad's madopar box back home, he's due a dose at 6", "urgent"),
    # near misses: nothing left behind, or the box packed
    ("packed dad's co-careldopa and the spare box before we left home", None),
    ("back home now after the trip, his sinemet is working well", None),
    # -- knocked out some days ago, checked and well since -------------------------------------------
    ("our winger was knocked out 5 days ago, scans were fine, when can he train?", None),
    ("she was knocked out briefly last week at netball, hospital cleared her, fine since", None),
    ("he got knocked out 9 days back at rugby, all ok since", None),
    # near misses: knocked out today
    ("our striker was knocked out ten minutes ago and is being sick", "emergency"),
    ("he got knocked out just now and is confused", "emergency"),
    # -- everything going grey on standing is a head rush, not a grey colour ------------------------
    ("when I stand up fast my vision goes grey for a second, then it's fine", None),
    ("everything turned grey briefly as she got off the sofa, ok after a minute", None),
    ("stood up from the bath and the world went grey for a moment", None),
    # near misses: a person turning grey
    ("he has gone grey and is struggling to breathe", "emergency"),
    ("her lips went grey and she's gasping", "emergency"),
    # -- a seizure that ended yesterday and has been checked ---------------------------------------
    ("a pupil with epilepsy had a fit yesterday lasting 3 minutes, he's fine today", None),
    ("her seizure last night lasted about a minute and she slept after, bright this morning", None),
    ("his seizure two days ago went on 2 minutes, what should we log?", None),
    # near misses: one going on now
    ("her seizure has lasted 6 minutes and is still going", "emergency"),
    ("he's having a fit right now in the classroom", "emergency"),
    # -- a nosebleed pinched and stopped --------------------------------------------------------------
    ("loads of blood on her top from a nosebleed, we pinched the soft part and it stopped", None),
    ("lots of blood from his nose at training, squeezed his nose and it settled in 5 mins", None),
    ("heavy bleeding from her nose, pressed the bridge of her nose and it dried up", None),
    # near misses: it will not stop, or started again
    (
        "loads of blood from his nose, we pinched his nose for 20 minutes and it won't stop",
        "emergency",
    ),
    ("massive bleeding from a cut on his arm, it won't stop", "emergency"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_bystander_kinds(triage: Triage, text: str, expected: str | None) -> None:
    assert flag_level(triage, text) == expected
