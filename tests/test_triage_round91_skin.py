"""Rounds 87-91, skin and infections, by kind: necrotising fasciitis told in lay words (a small
wound hurting far more than it looks, or gone purple or black with blisters, spreading, with
the person ill), cellulitis spreading on antibiotics or past the pen line, and a sudden shower
of new floaters in one eye, which NHS guidance sends to eye casualty the same day (urgent; the
acuity model may not raise that flag, since a shadow, curtain or lost sight has emergency
flags of its own). Each kind with near misses that must stay emergencies. Our own words."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from assistant.acuity import AcuityModel
from assistant.errors import ConfigError
from assistant.normalize import normalize_text
from assistant.triage import Triage, TriageResult
from tests.conftest import DATA_DIR, flag_level

# (text, level the flags must give: "emergency", "urgent" or None)
CASES: list[tuple[str, str | None]] = [
    # -- necrotising fasciitis (NHS necrotising fasciitis: 999 or A&E) ------------------------
    (
        "scraped my knee on a rock two days ago, tiny graze, but the pain is unbearable, far "
        "more than the graze looks, the redness is spreading fast and I feel shivery and awful",
        "emergency",
    ),
    (
        "my husband had a small insect bite on his calf, now the skin round it has gone a dusky "
        "purple with blisters, the red is spreading up his leg and he's burning up",
        "emergency",
    ),
    (
        "paper cut on my hand turned nasty: it hurts way more than the cut looks, swelling "
        "spreading up my wrist, and I feel really rough",
        "emergency",
    ),
    (
        "hurts far too much for such a small cut on my thigh, and I've got a temperature of 38.9",
        "emergency",
    ),
    # near misses told with the older words, which must stay emergencies
    (
        "the area round my leg wound has turned black and is spreading, with a high temperature",
        "emergency",
    ),
    ("pain out of proportion to the wound on my arm and feeling very unwell", "emergency"),
    # not necrotising: a bruise, a graze with no spread or illness, a black toenail
    (
        "my bruise on my shin has turned purple and spread down to my ankle, I feel rough with a cold",
        None,
    ),
    ("the graze hurts more than it looks but I feel fine otherwise", None),
    ("my toe nail has gone black and the pain is spreading, i feel awful", None),
    # -- cellulitis spreading on antibiotics or past the pen line (NHS cellulitis: 111 or GP
    # today; NICE NG141: reassess when it spreads on treatment) --------------------------------
    (
        "on day 3 of antibiotics for cellulitis on my ankle and the redness has crept well "
        "beyond the pen mark",
        "urgent",
    ),
    (
        "GP gave me fluclox for a skin infection on my hand, it is no better on the antibiotics "
        "and now spreading to my wrist",
        "urgent",
    ),
    ("my cellulitis is getting bigger despite the tablets, temperature 38.2", "urgent"),
    ("the red has spread past the outline the nurse drew on my leg", "urgent"),
    # near misses: sepsis or necrotising signs on top, which must stay emergencies
    (
        "cellulitis on my leg spreading despite antibiotics and now I'm confused and can barely "
        "stand, breathing really fast",
        "emergency",
    ),
    (
        "cellulitis spreading and the skin has gone black with blisters, feel very unwell",
        "emergency",
    ),
    # general or past
    ("I had cellulitis 3 years ago, how can I stop it coming back?", None),
    ("what is cellulitis and how do you get it?", None),
    # -- a sudden shower of new floaters (NHS floaters and flashes in the eyes: same day) -----
    (
        "all of a sudden I've got loads of little black specks floating across my left eye, no pain",
        "urgent",
    ),
    (
        "new floaters in my right eye since this morning, like cobwebs, vision slightly misty",
        "urgent",
    ),
    ("a burst of dark dots appeared in my vision an hour ago, I'm short sighted", "urgent"),
    ("I have a red eye and new floaters and it is sore", "urgent"),
    # near misses: a curtain or shadow over the sight, or sight lost (NHS retinal detachment)
    ("sudden shower of floaters then a dark curtain came down over my right eye", "emergency"),
    ("loads of new floaters and now I can't see out of my left eye", "emergency"),
    ("new floaters and a shadow is spreading across the vision in my eye", "emergency"),
    ("she has tiny purple spots round her eyes after being sick a lot", "emergency"),
    # not new, or spots on the skin
    ("had the same floaters for years, they're more noticeable on a bright day", None),
    ("my son has lots of new red spots on his tummy, can you see them in the photo", None),
]


@pytest.mark.parametrize(("text", "level"), CASES)
def test_skin_and_infection_kinds(triage: Triage, text: str, level: str | None) -> None:
    assert flag_level(triage, text) == level


def _raised(flag: TriageResult) -> TriageResult | None:
    """What the acuity model's raise gives ``flag`` when its own reading is an emergency."""
    emergency = TriageResult(category="acute_description", flag_id="acuity", level="emergency")
    model = SimpleNamespace(assess=lambda text, vector: emergency)
    return AcuityModel.raises_urgent_flag(model, flag, "text", None, "self_harm")  # type: ignore[arg-type]


def test_the_acuity_model_does_not_raise_the_sudden_floaters_flag(triage: Triage) -> None:
    floaters = triage.assess(normalize_text("a sudden cloud of tiny dots in my left eye"))
    assert floaters is not None and floaters.flag_id == "sudden_floaters"
    assert not floaters.raisable and _raised(floaters) is None
    # other urgent flags stay raisable
    spreading = triage.assess(normalize_text("my cellulitis is spreading past the pen line"))
    assert spreading is not None and spreading.raisable
    assert _raised(spreading) is not None


def test_acuity_raises_false_goes_with_an_urgent_flag_only(tmp_path: Path) -> None:
    data = yaml.safe_load((DATA_DIR / "red_flags.yaml").read_text(encoding="utf-8"))
    emergency = next(
        i for i, f in enumerate(data["flags"]) if f.get("level", "emergency") == "emergency"
    )
    data["flags"][emergency]["acuity_raises"] = False
    path = tmp_path / "flags.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"acuity_raises"):
        Triage.from_file(path)
