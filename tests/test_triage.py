"""Triage: every emergency caught, at most one false alarm, negation, idioms and history.

Pure and fast: the shipped red_flags.yaml on raw text, no Presidio.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from assistant.errors import ConfigError
from assistant.settings import TriageSettings
from assistant.triage import Triage, TriageResult, normalise
from bot.evaluation import load_jsonl

DATA_DIR = Path(__file__).resolve().parent / "data"
EMERGENCY_NUMBER = "999"
CRISIS_LINE = "Samaritans on 116 123 (free, 24 hours)"

#: what a triage nurse expects the file to cover, by category id
REQUIRED_CATEGORIES = {
    "cardiac",
    "stroke",
    "breathing",
    "choking",
    "anaphylaxis",
    "bleeding",
    "unconscious",
    "seizure",
    "overdose_poisoning",
    "self_harm",
    "pregnancy_bleeding",
    "meningitis",
    "sepsis",
    "head_injury",
    "severe_burn",
    "diabetic_emergency",
    "severe_abdominal_pain",
    "major_trauma",
}


@pytest.fixture(scope="module")
def triage() -> Triage:
    return Triage.from_file(TriageSettings().file)


@pytest.fixture(params=["public", "extra"])
def triage_set(request: pytest.FixtureRequest) -> tuple[str, list[dict[str, Any]]]:
    """The shared public set and our own held-out set, same format."""
    if request.param == "public":
        eval_dir: Path = request.getfixturevalue("eval_dir")
        return "triage_public.jsonl", load_jsonl(eval_dir / "triage_public.jsonl")
    return "triage_extra.jsonl", load_jsonl(DATA_DIR / "triage_extra.jsonl")


# -- the bars, on whole sets ---------------------------------------------------------------


def test_every_emergency_is_caught(
    triage: Triage, triage_set: tuple[str, list[dict[str, Any]]]
) -> None:
    name, cases = triage_set
    emergencies = [c for c in cases if c["expect"] == "emergency"]
    assert emergencies, f"{name} has no emergencies"
    missed = [f"{c['id']}: {c['text']}" for c in emergencies if triage.assess(c["text"]) is None]
    assert not missed, (
        f"{name}: {len(missed)}/{len(emergencies)} emergencies missed:\n" + "\n".join(missed)
    )


def test_at_most_one_false_alarm(
    triage: Triage, triage_set: tuple[str, list[dict[str, Any]]]
) -> None:
    name, cases = triage_set
    calm = [c for c in cases if c["expect"] == "not_emergency"]
    assert calm, f"{name} has no non-emergencies"
    flagged = []
    for case in calm:
        result = triage.assess(case["text"])
        if result is not None:
            flagged.append(f"{case['id']}: {result.flag_id}: {case['text']}")
    assert len(flagged) <= 1, f"{name}: {len(flagged)}/{len(calm)} false alarms:\n" + "\n".join(
        flagged
    )


def test_self_harm_cases_get_the_category_and_the_crisis_line(
    triage: Triage, triage_set: tuple[str, list[dict[str, Any]]]
) -> None:
    name, cases = triage_set
    wrong = []
    for case in (c for c in cases if c.get("category") == "self_harm"):
        result = triage.assess(case["text"])
        if result is None or result.category != "self_harm":
            wrong.append(f"{case['id']}: {result}: {case['text']}")
            continue
        reply = triage.reply_for(result, EMERGENCY_NUMBER, CRISIS_LINE)
        if CRISIS_LINE not in reply or EMERGENCY_NUMBER not in reply:
            wrong.append(f"{case['id']}: reply lacks the crisis line or emergency number")
    assert not wrong, f"{name}: self-harm cases handled wrongly:\n" + "\n".join(wrong)


# -- language: negation, idioms, history, hypotheticals ------------------------------------

NEGATED_OR_RESOLVED = [
    "No chest pain, just a blocked nose",
    "I don't have any trouble breathing",
    "no shortness of breath or chest pain",
    "my finger is not bleeding anymore",
    "it stopped bleeding after a few minutes",
    "the cut was bleeding heavily but it has stopped now",
    "I'm not suicidal, just tired of this cold",
    "he has never had a seizure",
    "without any chest tightness",
]


@pytest.mark.parametrize("text", NEGATED_OR_RESOLVED)
def test_negated_or_resolved_symptoms_are_not_flagged(triage: Triage, text: str) -> None:
    assert triage.assess(text) is None


NEGATION_SCOPE_ENDS = [
    ("I have no fever but my chest feels tight and heavy", "cardiac"),
    ("no fever and I can't breathe", "breathing"),
    ("I'm not sure but I think I'm having a heart attack", "cardiac"),
    ("I don't know what to do, my chest is really tight", "cardiac"),
    ("the bleeding hasn't stopped now for an hour", "bleeding"),
    ("I don't want to be alive anymore", "self_harm"),
]


@pytest.mark.parametrize(("text", "category"), NEGATION_SCOPE_ENDS)
def test_negation_stays_in_its_clause(triage: Triage, text: str, category: str) -> None:
    result = triage.assess(text)
    assert result is not None and result.category == category, result


IDIOMS_AND_HISTORY = [
    "I'm dying to know whether coffee is bad for me",
    "I'm dying for a cup of tea",
    "this exam is killing me",
    "my feet are killing me after the walk",
    "I could kill for a coffee",
    "My grandfather died of a heart attack, am I at risk?",
    "my aunt passed away from a stroke last year",
    "you nearly gave me a heart attack",
    "I nearly died laughing at that film",
    "I had a seizure years ago, can I drive now?",
    "what does having a heart attack feel like?",
    "how can I lower my risk of having a stroke?",
    "my mum will kill me if I miss my appointment",
    "I can't breathe through my nose at night",
    "I cut myself shaving this morning",
    "my jeans are not fitting any more",
    "I have food poisoning from a takeaway",
]


@pytest.mark.parametrize("text", IDIOMS_AND_HISTORY)
def test_idioms_history_and_questions_are_not_emergencies(triage: Triage, text: str) -> None:
    assert triage.assess(text) is None


REAL_EMERGENCIES = [
    ("my chest is killing me", "cardiac"),
    ("I want to die", "self_harm"),
    # self-harm ignores history on purpose: offering the crisis line is always safe
    ("I tried to kill myself two years ago and I feel that way again", "self_harm"),
    ("I've been cutting myself", "self_harm"),
    ("How do I know if I'm having a heart attack? My chest hurts and I feel sick", "cardiac"),
    ("cant breath", "breathing"),
    ("im haveing a heart atack", "cardiac"),
    ("I can’t breathe", "breathing"),
    ("MY HUSBAND IS CLUTCHING HIS CHEST", "cardiac"),
    ("my baby has gone floppy and won't wake up", "unconscious"),
    ("my toddler swallowed a button battery", "overdose_poisoning"),
    ("I'm 12 weeks pregnant and soaking a pad with blood", "pregnancy_bleeding"),
    ("stiff neck and fever and the light hurts", "meningitis"),
    ("he hit his head and keeps vomiting", "head_injury"),
    ("my 3 week old baby has a temperature", "unwell_baby"),
    ("high fever and she is confused and mottled", "sepsis"),
    ("hot oil splashed on my face", "severe_burn"),
    ("my son is choking", "choking"),
    ("I used my epipen", "anaphylaxis"),
]


@pytest.mark.parametrize(("text", "category"), REAL_EMERGENCIES)
def test_emergencies_get_their_category(triage: Triage, text: str, category: str) -> None:
    result = triage.assess(text)
    assert result is not None and result.category == category, result


@pytest.mark.parametrize("text", ["", "   ", "?!...", "👍", "ok thanks " * 400])
def test_odd_input_is_not_an_emergency(triage: Triage, text: str) -> None:
    assert triage.assess(text) is None


def test_normalise_reads_typed_variants_alike() -> None:
    assert normalise("I CAN’T  breathe!") == normalise("i cant breathe!") == "i cant breathe!"
    assert normalise("self-harm") == "self harm"


# -- replies -------------------------------------------------------------------------------


def test_required_categories_are_covered(triage: Triage) -> None:
    missing = REQUIRED_CATEGORIES - set(triage.categories)
    assert not missing, f"red_flags.yaml lacks categories: {sorted(missing)}"


def test_every_reply_gives_the_emergency_number_and_its_advice(triage: Triage) -> None:
    for flag in triage.flags:
        reply = triage.reply_for(TriageResult(flag.category, flag.id), "112", CRISIS_LINE)
        assert "112" in reply, flag.id
        assert " ".join(flag.advice.split()) in reply, flag.id
        assert "{" not in reply and "}" not in reply, flag.id
        if flag.category == "self_harm":
            assert CRISIS_LINE in reply, flag.id
        else:
            assert CRISIS_LINE not in reply, flag.id


def test_self_harm_reply_is_compassionate_and_gives_both_numbers(triage: Triage) -> None:
    result = triage.assess("I want to kill myself")
    assert result is not None and result.category == "self_harm"
    reply = triage.reply_for(result, "911", "988 Suicide & Crisis Lifeline (call or text 988)")
    assert "911" in reply
    assert "988 Suicide & Crisis Lifeline (call or text 988)" in reply
    assert "sorry" in reply.lower() and "alone" in reply.lower()


# -- configuration errors ------------------------------------------------------------------


def _shipped() -> dict[str, Any]:
    data = yaml.safe_load(TriageSettings().file.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _break_regex(data: dict[str, Any]) -> None:
    data["flags"][2]["patterns"][1] = "(unclosed"


def _drop_category(data: dict[str, Any]) -> None:
    del data["flags"][3]["category"]


def _duplicate_id(data: dict[str, Any]) -> None:
    data["flags"][4]["id"] = data["flags"][0]["id"]


def _unknown_key(data: dict[str, Any]) -> None:
    data["flags"][1]["severity"] = "high"


def _lonely_all(data: dict[str, Any]) -> None:
    data["flags"][0]["patterns"].append({"all": ["chest"]})


def _in_message_with_all(data: dict[str, Any]) -> None:
    data["flags"][0]["patterns"].append({"all": ["chest", "pain"], "unless_in_message": "jab"})


def _no_number(data: dict[str, Any]) -> None:
    data["replies"]["emergency"] = "Please get help."


def _no_crisis_line(data: dict[str, Any]) -> None:
    data["replies"]["self_harm"] = "Call {emergency_number}."


def _safety_net_without_number(data: dict[str, Any]) -> None:
    data["replies"]["general_question"] = "Here is some general information."


def _bad_negation(data: dict[str, Any]) -> None:
    data["flags"][0]["negation"] = "sometimes"


BROKEN = [
    (_break_regex, ["flags[2]", "patterns[1]", "invalid regular expression"]),
    (_drop_category, ["flags[3]", "category"]),
    (_duplicate_id, ["flags[4]", "duplicate id"]),
    (_unknown_key, ["flags[1]", "severity"]),
    (_lonely_all, ["flags[0]", "at least two"]),
    (_in_message_with_all, ["flags[0]", "unless_in_message"]),
    (_no_number, ["replies.emergency", "{emergency_number}"]),
    (_no_crisis_line, ["replies.self_harm", "{crisis_line}"]),
    (_safety_net_without_number, ["replies.general_question", "{emergency_number}"]),
    (_bad_negation, ["flags[0]", "negation"]),
]


@pytest.mark.parametrize(("breaker", "expected"), BROKEN, ids=lambda v: getattr(v, "__name__", ""))
def test_malformed_entries_raise_config_error_naming_file_and_entry(
    tmp_path: Path, breaker: Any, expected: list[str]
) -> None:
    data = _shipped()
    breaker(data)
    path = tmp_path / "flags.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        Triage.from_file(path)
    message = str(info.value)
    assert "flags.yaml" in message
    for part in expected:
        assert part in message, message


@pytest.mark.parametrize(
    "content", ["flags: [unclosed", "- just\n- a list\n", "", "replies: {}\nflags: []\n"]
)
def test_unusable_files_raise_config_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "flags.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"flags\.yaml"):
        Triage.from_file(path)


def test_missing_file_raises_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"nowhere\.yaml"):
        Triage.from_file(tmp_path / "nowhere.yaml")
