"""The report reader: the policy of its review (fixed probabilities), the shipped weights'
readings on messages in our own words, its config errors, and the pipeline's unsure reply."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.acuity import file_sha256
from assistant.errors import ConfigError
from assistant.messages import IncomingMessage, Source
from assistant.report import LinearReportReader, create_report_reader
from assistant.settings import ReportSettings
from assistant.triage import Triage, TriageResult, normalise
from bot.config import AppConfig
from tests.fakes import FixedReport

from .conftest import MakeChat

ROOT = Path(__file__).resolve().parents[1]

#: reports of an emergency now, past-tense ones after an earlier event among them
REPORTS_NOW = [
    "My dad has collapsed in the kitchen and he isn't breathing",
    "my wife has crushing chest pain going down her left arm and she is sweating",
    "my toddler just drank some bleach from under the sink",
    "Last year he had a heart attack. He collapsed at dinner and wasn't breathing.",
    "She had a clot in 2019, treated. Now she's coughing blood and can't breathe.",
    "My son had a fit last month. He's been fitting for 10 minutes and won't wake up.",
    "Mum had a stroke two years ago. This morning her speech went slurred and her arm went weak.",
    "Had a heart attack in 2018. Tonight the same crushing pain is back and spreading to my jaw.",
    "My daughter had meningitis as a baby. Now she has a fever and a rash that doesn't fade.",
    "grandad fell and hit his head, he's on warfarin, now he's confused and being sick",
]

#: an emergency's words in a story that is over or a general question
NOT_REPORTS = [
    "My friend took an overdose three years ago and is doing well now, how can I support her?",
    "After my overdose in my twenties I was in hospital for a week; I'm well now and want to "
    "come off my antidepressant slowly.",
    "What are the signs of sepsis that mean you should go to A&E?",
    "I had a blood clot in my lung five years ago, is it safe to start the pill?",
    "I had an anaphylactic reaction to peanuts years ago and carry an epipen, what's the best "
    "way to store it?",
]


@pytest.fixture(scope="module")
def reader(triage: Triage) -> LinearReportReader:
    made = create_report_reader(ReportSettings(), triage.prepare)
    assert isinstance(made, LinearReportReader)
    return made


def test_the_shipped_weights_were_trained_on_the_labelled_files_as_they_are(
    reader: LinearReportReader,
) -> None:
    """Retrain (assistant/data/build/train_report.py) when a source file changes."""
    assert reader.sources_sha256, "the weights name no source"
    for source, digest in reader.sources_sha256.items():
        assert file_sha256(ROOT / source) == digest, f"{source} changed: retrain the reader"


@pytest.mark.parametrize("text", REPORTS_NOW)
def test_a_report_of_an_emergency_now_reads_well_above_the_bar(
    reader: LinearReportReader, triage: Triage, text: str
) -> None:
    assert triage.names_an_emergency(text)
    bar = reader.settings.unsure_below
    # 1.5x: the bar rose from 0.08 to 0.15 by cross-validation (README, "Report reader"); a
    # past event told first reads 0.23, above the bar with the least margin (the folds of sets
    # 20 and 21 took it to 0.22 and 0.19 until the bank got 30 such reports: README)
    assert bar is not None and reader.probability(text) >= 1.5 * bar


@pytest.mark.parametrize("text", NOT_REPORTS)
def test_a_story_that_is_over_or_a_general_question_reads_below_the_bar(
    reader: LinearReportReader, triage: Triage, text: str
) -> None:
    assert triage.names_an_emergency(text)
    bar = reader.settings.unsure_below
    assert bar is not None and reader.probability(text) < bar


CARDIAC = TriageResult(category="cardiac", flag_id="cardiac_chest_pain")
SELF_HARM = TriageResult(category="self_harm", flag_id="suicidal_intent")
URGENT = TriageResult(category="urinary", flag_id="uti_fever", level="urgent")


@pytest.mark.parametrize(
    ("flag", "probability", "unsure_below", "unsure"),
    [
        (CARDIAC, 0.01, 0.08, True),
        (CARDIAC, 0.08, 0.08, False),  # at the bar: still an emergency
        (CARDIAC, 0.9, 0.08, False),
        (CARDIAC, 0.01, None, False),  # switched off
        (SELF_HARM, 0.01, 0.08, False),  # never read: the crisis line whatever the level
        (URGENT, 0.01, 0.08, False),  # only emergency flags are read
    ],
)
def test_review_turns_only_an_unlikely_emergency_into_the_unsure_urgent_result(
    flag: TriageResult, probability: float, unsure_below: float | None, unsure: bool
) -> None:
    fixed = FixedReport(ReportSettings(unsure_below=unsure_below), normalise, probability)
    reviewed = fixed.review(flag, "some text", "self_harm")
    assert reviewed.unsure is unsure
    assert reviewed.level == ("urgent" if unsure else flag.level)
    assert (reviewed.category, reviewed.flag_id) == (flag.category, flag.flag_id)


@pytest.mark.parametrize(
    ("content", "key"),
    [
        (None, "does not exist"),
        ("not json", "cannot be read"),
        ({"idf": {}, "word_weights": {}}, "'bias'"),
        ({"idf": [], "word_weights": {}, "bias": 0.0}, "'idf'"),
    ],
)
def test_bad_weights_are_a_config_error_naming_the_key(
    tmp_path: Path, content: object, key: str
) -> None:
    path = tmp_path / "model.json"
    if content is not None:
        path.write_text(content if isinstance(content, str) else json.dumps(content))
    with pytest.raises(ConfigError, match=r"triage\.report\.model_file") as caught:
        create_report_reader(ReportSettings(model_file=path), normalise)
    assert key in str(caught.value)


def test_an_unknown_reader_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown report reader 'nope'"):
        create_report_reader(ReportSettings(model="nope"), normalise)


def _message(text: str) -> IncomingMessage:
    return IncomingMessage(platform="test", user_id="u1", chat_id="c1", text=text)


@pytest.mark.parametrize(
    ("text", "probability", "fail", "level"),
    [
        (
            "Hi, I'm Anna Schmidt. My dad has crushing chest pain and is sweating",
            0.01,
            False,
            "urgent",
        ),
        (
            "Hi, I'm Anna Schmidt. My dad has crushing chest pain and is sweating",
            0.9,
            False,
            "emergency",
        ),
        (
            "Hi, I'm Anna Schmidt. My dad has crushing chest pain and is sweating",
            0.01,
            True,
            "emergency",
        ),
        (
            "I have the pills saved up and I'm going to take them all tonight",
            0.01,
            False,
            "emergency",
        ),
    ],
)
async def test_the_pipeline_gives_the_unsure_reply_with_the_call_now_condition_first(
    make_chat: MakeChat,
    app_config: AppConfig,
    text: str,
    probability: float,
    fail: bool,
    level: str,
) -> None:
    chat = await make_chat()
    fixed = FixedReport(
        app_config.triage.report, chat.assistant.triage.prepare, probability, fail=fail
    )
    chat.assistant.report = fixed
    reply = await chat.ask(_message(text))
    settings = app_config.triage
    assert reply.level == level and reply.text.endswith(app_config.disclaimer.text)
    assert settings.emergency_number in reply.text
    if level == "urgent":
        assert reply.source is Source.URGENT and reply.category == "cardiac"
        assert reply.text.startswith("Some of what you describe can be an emergency.")
        assert settings.urgent_contact in reply.text
    else:
        assert reply.source is Source.EMERGENCY
    # it read the anonymized text, never the name (the self-harm flag is never read)
    assert all("anna" not in seen and "schmidt" not in seen for seen in fixed.texts)
    assert bool(fixed.texts) is (reply.category != "self_harm")
