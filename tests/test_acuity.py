"""The acuity fallback: its features, its policy, its shipped weights, and what it reads on
our own labelled cases (it learns from assistant/data's bank and the fresh rounds; the
vignettes, patient messages and held-out rounds it never trained on)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
from pydantic import ValidationError

from assistant.acuity import (
    ACUITY_FLAG_ID,
    HEADS,
    AcuityModel,
    LinearAcuity,
    create_acuity_model,
    file_sha256,
    message_parts,
)
from assistant.acuity_features import char_ngrams, features, tfidf
from assistant.context import ContextReader, normalise
from assistant.courtesy import question_part
from assistant.embeddings import Embedder
from assistant.errors import ConfigError
from assistant.normalize import normalize_text
from assistant.settings import DATA_DIR, AcuitySettings
from assistant.triage import Triage, TriageResult
from bot.app import build_acuity
from bot.config import AppConfig
from bot.evaluation import LABEL_DIR, load_jsonl
from tests.fakes import FixedAcuity


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("no chest pain", {"~chest", "~pain", "~chest ~pain", "no ~chest"}, {"chest", "pain"}),
        ("denies fever, has chest pain", {"~fever", "chest pain"}, {"fever", "~chest"}),
        ("chest pain. no fever", {"chest pain", "~fever"}, {"pain no", "~pain"}),
        ("not breathing but now he is", {"~breathing", "now"}, {"~now", "breathing"}),
        # the negation reaches five words, no further
        ("no a b c d e f", {"~e"}, {"~f"}),
        ("cant breathe", {"cant", "breathe", "cant breathe"}, {"~breathe"}),
    ],
)
def test_features_mark_negated_words_within_their_clause(
    text: str, present: set[str], absent: set[str]
) -> None:
    found = features(normalise(text))
    assert present <= set(found), sorted(found)
    assert not absent & set(found), sorted(found)


@pytest.mark.parametrize(
    ("text", "sizes", "expected"),
    [
        ("cold", (3, 3), {"#<co": 1, "#col": 1, "#old": 1, "#ld>": 1}),
        ("ab", (3, 4), {"#<ab": 1, "#ab>": 1, "#<ab>": 1}),
        # counted per occurrence; punctuation is no part of a word
        ("oh, oh!", (4, 4), {"#<oh>": 2}),
    ],
)
def test_char_ngrams_are_each_words_marked_grams(
    text: str, sizes: tuple[int, int], expected: dict[str, int]
) -> None:
    assert dict(char_ngrams(text, sizes)) == expected


def test_array_scoring_of_char_ngrams_equals_the_plain_tfidf_sum() -> None:
    """The shipped model scores n-grams with arrays; the reference is the dictionary walk
    over :func:`tfidf` of :func:`char_ngrams` that training uses."""
    model = LinearAcuity(AcuitySettings(), normalise)
    assert model.char_sizes is not None
    for text in (
        "my dad is grey and sweaty, chest feels tight, hes breathing funny",
        "bleeding bleeding bleeding wont stop",
        "zzqx",  # no known n-gram: no contribution
        "",
    ):
        prepared = normalise(text)
        words = tfidf(features(prepared), model.idf)
        words.update(tfidf(char_ngrams(prepared, model.char_sizes), model.idf))
        for head, got in zip(HEADS, model.probabilities(text, None), strict=True):
            score = model.heads[head].score(words, None)
            assert math.isclose(got, 1 / (1 + math.exp(-score)), rel_tol=1e-9), (text, head)


CARDIAC = TriageResult(category="cardiac", flag_id="cardiac_chest_pain")
GENERAL = "how common is a heart attack in women under 50?"


@pytest.mark.parametrize(
    ("flag", "text", "acute", "below", "stands_down"),
    [
        (CARDIAC, GENERAL, 0.1, 0.2, True),
        (
            CARDIAC,
            "is it normal to get chest pain after a cold? asking out of interest",
            0.1,
            0.2,
            True,
        ),
        # the model reads it as acute enough: the flag stands
        (CARDIAC, GENERAL, 0.3, 0.2, False),
        # no question: a report
        (CARDIAC, "my dad has chest pain and is grey and sweaty", 0.1, 0.2, False),
        # too long for a general question: read as a history, against history_below (0.08)
        (CARDIAC, GENERAL + " and" * 60, 0.1, 0.2, False),
        # a time word places it now
        (CARDIAC, "is it normal to have chest pain like this right now?", 0.1, 0.2, False),
        # "today" places it now
        (CARDIAC, "is chest pain like this after a cold normal today?", 0.1, 0.2, False),
        # self-harm never stands down; nor does an urgent flag (it is not an emergency reply)
        (
            TriageResult(category="self_harm", flag_id="suicidal_intent"),
            "why are suicide rates higher in men?",
            0.01,
            0.2,
            False,
        ),
        (TriageResult("chest_pain", "chest_pain_unexplained", "urgent"), GENERAL, 0.01, 0.2, False),
        # switched off
        (CARDIAC, GENERAL, 0.01, None, False),
    ],
)
def test_an_emergency_flag_stands_down_only_for_a_short_general_question_read_as_not_acute(
    flag: TriageResult, text: str, acute: float, below: float | None, stands_down: bool
) -> None:
    settings = AcuitySettings(general_question_below=below, question_below=None)
    model = FixedAcuity(settings, normalise, acute)
    reader = ContextReader.from_file(DATA_DIR / "context.yaml")
    assert (
        model.general_question(flag, text, None, "self_harm", reader.happening_now) is stands_down
    )


PE = TriageResult(category="pe_dvt", flag_id="pulmonary_embolism")
#: our own words: a past clot told first, the present (well) and the question last
HISTORY = (
    "Three years ago I was admitted with a clot in my lung after a long flight. "
    "I had six months of blood thinners and the follow-up scan showed it had cleared. "
    "I have been well since and I walk the dog every day without any trouble. "
    "Next spring we are visiting family overseas, which means two long flights each way. "
    "Do I need stockings or an injection before I fly?"
)
PAST_EVENT = "Three years ago I was admitted with a clot in my lung after a long flight."
PRESENT = "I have been well since and I walk the dog every day without any trouble."


@pytest.mark.parametrize(
    ("whole", "parts", "history_below", "stands_down"),
    [
        # read whole as far from acute, and so is its recent half: it stands down
        (0.02, {}, 0.08, True),
        # the past event's own sentence reads as acute: it is in the first half
        (0.02, {PAST_EVENT: 0.95}, 0.08, True),
        # a part of the second half reads as acute: the present may be the emergency
        (0.02, {PRESENT: 0.9}, 0.08, False),
        # the whole reads as acute enough
        (0.1, {}, 0.08, False),
        # switched off
        (0.02, {}, None, False),
    ],
)
def test_a_long_history_stands_down_only_when_it_and_its_recent_half_read_as_not_acute(
    whole: float, parts: dict[str, float], history_below: float | None, stands_down: bool
) -> None:
    assert len(HISTORY.split()) > AcuitySettings().general_question_max_words
    settings = AcuitySettings(history_below=history_below, question_below=None)
    by_prepared = {normalise(part): acute for part, acute in parts.items()}
    model = FixedAcuity(settings, normalise, whole, parts=by_prepared)
    reader = ContextReader.from_file(DATA_DIR / "context.yaml")
    assert model.general_question(PE, HISTORY, None, "self_harm", reader.happening_now) is (
        stands_down
    )


def test_a_time_word_of_now_does_not_veto_a_long_history() -> None:
    """Its present is read part by part instead: "I feel well right now" is no report."""
    text = HISTORY.replace("without any trouble.", "without any trouble and I feel well right now.")
    model = FixedAcuity(AcuitySettings(), normalise, 0.02)
    reader = ContextReader.from_file(DATA_DIR / "context.yaml")
    assert reader.happening_now(normalise(text))
    assert model.general_question(PE, text, None, "self_harm", reader.happening_now)


def test_a_long_history_without_sentences_keeps_the_flag() -> None:
    """With no parts to read, the present cannot be told from the past."""
    run_on = HISTORY.replace(". ", " and ").replace("?", "")
    model = FixedAcuity(AcuitySettings(question_below=None), normalise, 0.01)
    reader = ContextReader.from_file(DATA_DIR / "context.yaml")
    assert not model.general_question(
        PE, run_on + " do i need stockings", None, "self_harm", reader.happening_now
    )


NOW_QUESTION = "is chest pain like this after a cold normal today?"
TOLD_FIRST = "my dad had a heart attack last year."
TWO_PARTS = TOLD_FIRST + " what are the early signs to look out for?"
SIGNS = "what are the early signs to look out for?"
RUN_ON = HISTORY.replace(". ", " and ")


@pytest.mark.parametrize(
    ("flag", "text", "whole", "parts", "question_below", "stands_down"),
    [
        # read whole as far from acute: the past told first may read as acute
        (CARDIAC, TWO_PARTS, 0.02, {TOLD_FIRST: 0.3}, 0.04, True),
        # ... nearer, the short reading wants every part below general_question_below
        (CARDIAC, TWO_PARTS, 0.05, {TOLD_FIRST: 0.3}, 0.04, False),
        # ... and the present, told in the second half, must not read as acute
        (CARDIAC, TWO_PARTS, 0.02, {SIGNS: 0.6}, 0.04, False),
        (PE, HISTORY, 0.02, {PRESENT: 0.9}, 0.04, False),
        # a time word of now still vetoes a short question
        (CARDIAC, NOW_QUESTION, 0.001, {}, 0.04, False),
        # a long run-on message has no present to read: it keeps the flag
        (PE, RUN_ON, 0.01, {}, 0.04, False),
        # no question asked: a report, however the model reads it
        (CARDIAC, "chest pain like this after a cold today", 0.01, {}, 0.04, False),
        # self-harm never stands down
        (
            TriageResult(category="self_harm", flag_id="suicidal_intent"),
            "what are the signs that someone is thinking of suicide?",
            0.001,
            {},
            0.04,
            False,
        ),
        # switched off
        (CARDIAC, TWO_PARTS, 0.02, {TOLD_FIRST: 0.3}, None, False),
    ],
)
def test_a_question_read_whole_as_far_from_acute_needs_only_its_present_to_read_so(
    flag: TriageResult,
    text: str,
    whole: float,
    parts: dict[str, float],
    question_below: float | None,
    stands_down: bool,
) -> None:
    settings = AcuitySettings(question_below=question_below)
    by_prepared = {normalise(part): acute for part, acute in parts.items()}
    model = FixedAcuity(settings, normalise, whole, parts=by_prepared)
    reader = ContextReader.from_file(DATA_DIR / "context.yaml")
    got = model.general_question(flag, text, None, "self_harm", reader.happening_now)
    assert got is stands_down


@pytest.mark.parametrize(
    ("text", "part_acute", "stands_down"),
    [
        # a report inside a general question reads as acute on its own: the flag stands
        ("what causes chest pain like this? my dad is grey and sweaty", 0.9, False),
        ("how do you tell a heart attack from wind, my dad is grey and sweaty", 0.9, False),
        # every part reads as general: it stands down
        ("what causes chest pain like this? my dad is grey and sweaty", 0.1, True),
    ],
)
def test_each_part_of_a_general_question_must_read_as_not_acute(
    text: str, part_acute: float, stands_down: bool
) -> None:
    settings = AcuitySettings(general_question_below=0.2)
    model = FixedAcuity(settings, normalise, 0.05, parts={"my dad is grey and sweaty": part_acute})
    reader = ContextReader.from_file(DATA_DIR / "context.yaml")
    got = model.general_question(CARDIAC, text, None, "self_harm", reader.happening_now)
    assert got is stands_down


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("how common is it? my dad has it.", ["how common is it?", "my dad has it."]),
        (
            "how do you tell if it is meningitis, my daughter has a rash",
            ["how do you tell if it is meningitis", "my daughter has a rash"],
        ),
        # a comma inside a list is no break; a part under three words joins none
        ("chest, arm and jaw pain, is it serious", ["chest, arm and jaw pain, is it serious"]),
        ("is it bad? yes. ok", ["is it bad?"]),
        ("hi", ["hi"]),
    ],
)
def test_message_parts_are_sentences_and_clauses_with_their_own_subject(
    text: str, parts: list[str]
) -> None:
    assert message_parts(text) == parts


def test_tfidf_is_unit_length_over_known_features() -> None:
    values = tfidf({"a": 3, "b": 1, "unknown": 5}, {"a": 1.5, "b": 2.0})
    assert set(values) == {"a", "b"}
    assert math.isclose(math.sqrt(sum(v * v for v in values.values())), 1.0)
    assert values["a"] > values["b"] * 0.9  # three counts, sublinear: not three times
    assert tfidf({"unknown": 1}, {"a": 1.0}) == {}


@pytest.mark.parametrize(
    ("acute", "emergency", "emergency_threshold", "level"),
    [
        (0.95, 0.0, 0.85, "urgent"),
        (0.95, 0.9, 0.85, "emergency"),
        (0.95, 0.99, None, "urgent"),  # the fallback may be kept from saying emergency
        (0.5, 0.99, 0.85, None),  # not acute: the emergency head is not asked
        (0.8, 0.85, 0.85, "emergency"),  # the thresholds themselves count
    ],
)
def test_policy_turns_the_probabilities_into_a_level(
    acute: float, emergency: float, emergency_threshold: float | None, level: str | None
) -> None:
    settings = AcuitySettings(threshold=0.8, emergency_threshold=emergency_threshold)
    model = FixedAcuity(settings, normalise, acute, emergency=emergency)
    result = model.assess("my arm has been swelling up all morning", None)
    assert (result.level if result else None) == level
    if result is not None:
        assert result.flag_id == ACUITY_FLAG_ID


def test_short_messages_are_left_to_the_other_stages() -> None:
    model = FixedAcuity(AcuitySettings(min_words=4), normalise, 0.99)
    assert model.assess("help me now", None) is None
    assert model.assess("help me now please", None) is not None


@pytest.mark.parametrize(
    ("values", "key"),
    [
        ({"emergency_threshold": 1.0}, "emergency_threshold"),
        ({"threshold": 1.5}, "threshold"),
        ({"min_words": 0}, "min_words"),
        ({"modle": "linear"}, "modle"),
    ],
)
def test_settings_errors_name_the_key(values: dict[str, object], key: str) -> None:
    with pytest.raises(ValidationError, match=key):
        AcuitySettings.model_validate(values)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "does not exist"),
        ("{not json", "cannot be read"),
        ('{"idf": {}}', "'idf' and 'heads'"),
        (
            '{"idf": {}, "heads": {"acute": {"word_weights": {}, "vector_weights": []}}}',
            "'heads.acute.bias'",
        ),
    ],
)
def test_a_broken_weights_file_is_a_config_error(
    tmp_path: Path, content: str | None, message: str
) -> None:
    path = tmp_path / "model.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        LinearAcuity(AcuitySettings(model_file=path), normalise)


def test_an_unknown_model_name_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown acuity model 'forest'"):
        create_acuity_model(AcuitySettings(model="forest"), normalise)


def test_shipped_weights_were_trained_on_the_shipped_bank_and_fresh_rounds() -> None:
    """Edit the bank or fold in a round, then retrain: assistant/data/build/train_acuity.py
    --fresh."""
    model = LinearAcuity(AcuitySettings(), normalise)
    assert model.bank_sha256 == file_sha256(DATA_DIR / "triage_examples.jsonl")
    data = json.loads(AcuitySettings().model_file.read_text(encoding="utf-8"))
    assert data["fresh_sha256"] == file_sha256(LABEL_DIR / "triage_fresh_rounds.jsonl")
    assert data["fresh_excluded_rounds"] == []
    for head in data["heads"].values():
        assert set(head["word_weights"]) == set(data["idf"])
        assert len(head["vector_weights"]) in (0, 384)


def test_example_bank_is_well_formed() -> None:
    rows = [
        json.loads(line)
        for line in (DATA_DIR / "triage_examples.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert len({row["id"] for row in rows}) == len(rows)
    assert {row["level"] for row in rows} == {"emergency", "urgent", "not_urgent"}
    assert all(row["guidance"].strip() and row["text"].strip() for row in rows)


def test_model_is_an_extension_point() -> None:
    assert issubclass(LinearAcuity, AcuityModel) and LinearAcuity.name == "linear"
    heads = LinearAcuity(AcuitySettings(), normalise).heads
    assert sorted(heads) == ["acute", "emergency"]
    assert all(np.asarray(head.vector_weights).ndim == 1 for head in heads.values())


@pytest.fixture(scope="module")
def triage() -> Triage:
    return Triage.from_file(DATA_DIR / "red_flags.yaml")


# -- the shipped model on our own labelled cases it never trained on ----------------------

#: the fresh rounds are training data since acuity17 (train_acuity.py --fresh): not here
OWN_SETS = (
    "triage_vignettes.jsonl",
    "triage_patient_messages.jsonl",
    "triage_heldout_rounds.jsonl",
)


@pytest.fixture(scope="module")
def acuity(triage: Triage, embedder: Embedder) -> AcuityModel:
    model = create_acuity_model(AcuitySettings(), triage.reader.prepare, embedder)
    assert model.encoder is embedder  # the pipeline's own vector, for the parts too
    return model


def _cases(level: str) -> list[dict[str, str]]:
    return [
        case for name in OWN_SETS for case in load_jsonl(LABEL_DIR / name) if case["level"] == level
    ]


def _acute(model: AcuityModel, embedder: Embedder, text: str) -> bool:
    question = question_part(normalize_text(text))
    return model.assess(question, embedder.encode_one(question)) is not None


def test_on_its_own_it_reads_most_emergencies_and_few_routine_questions_as_acute(
    acuity: AcuityModel, embedder: Embedder
) -> None:
    """Measured on the shipped model (session 26, rounds to 58): 1,442 of 1,682 emergent cases
    (86%) and 34 of 1,763 not-urgent ones (1.9%); the bars leave room for a retrained bank, not
    for one that fires on everything or on nothing."""
    emergent = _cases("emergency")
    routine = _cases("not_urgent")
    caught = sum(_acute(acuity, embedder, case["text"]) for case in emergent)
    raised = [case["id"] for case in routine if _acute(acuity, embedder, case["text"])]
    assert caught / len(emergent) >= 0.5, (caught, len(emergent))
    assert len(raised) / len(routine) <= 0.03, raised


@pytest.mark.parametrize(
    ("text", "acute"),
    [
        # short everyday messages with change words: routine (the first bank read them as acute)
        ("my toenails have gone thick and yellow", False),
        ("my tongue has gone white and furry", False),
        ("my skin has gone dry and flaky on my elbows", False),
        ("my wee is dark yellow when I forget to drink", False),
        ("my baby has a blocked nose and is snuffly", False),
        ("I keep getting heartburn after big meals", False),
        # the same kind of words where they are acute
        ("his skin and eyes have gone yellow and he is confused", True),
        ("the cut on my hand won't stop bleeding", True),
        ("my grandad's foot has gone black and cold and really hurts", True),
    ],
)
def test_short_messages_are_read_for_acuity_not_for_their_words(
    acuity: AcuityModel, embedder: Embedder, text: str, acute: bool
) -> None:
    assert _acute(acuity, embedder, text) is acute


@pytest.mark.parametrize(
    "text",
    [
        # read as acute 0.90 by the bank-only model and 0.80 since the fresh rounds joined its
        # training (session 36): the fallback is not the only reader of a short emergency,
        # the anaphylaxis flag is, and it must fire
        "my face and tongue are swelling up fast",
        "my lips are swelling and my throat feels tight",
    ],
)
def test_short_emergencies_the_model_may_read_below_its_bar_are_the_flags(
    triage: Triage, text: str
) -> None:
    result = triage.assess(text)
    assert result is not None and result.level == "emergency", result


@pytest.mark.parametrize(
    ("text", "stands_down"),
    [
        # general questions in our own words: the flag's words, nobody ill now
        ("how common is a heart attack in women under fifty?", True),
        ("why do more men than women die of heart attacks?", True),
        ("what warning signs of sepsis should we watch for after an operation?", True),
        ("where should a carbon monoxide alarm go in a house?", True),
        # emergencies asked as questions: the flag stands
        ("is it normal that my husband has crushing chest pain and is grey and sweating?", False),
        ("my baby is floppy and wont wake up, what should i do?", False),
        ("can a stroke make your face droop like my mums is doing right now?", False),
        ("is it bad that i took 30 paracetamol an hour ago?", False),
        # the whole reads as far from acute (P 0.02); its second part, on its own, does not
        ("how do you tell if it is meningitis, my daughter has a rash that wont fade", False),
        (
            "what are the signs of a heart attack? my chest feels tight and my left arm is numb",
            False,
        ),
        # a report put as a general "your" question: the present-tense change keeps the flag
        ("what does it mean when your throat is closing up after eating peanuts", False),
        # general questions that name a person, with words that once kept the flag
        ("my mum is 84, how do i stop her getting heatstroke in the heatwave?", True),
        # a long history: a past overdose, then a routine question about it (round 53's kind)
        (
            "My son took an overdose of his antidepressants when he was fifteen and spent a week "
            "in hospital. He had therapy afterwards and is now at university and doing really "
            "well. He has asked me whether the overdose could have damaged his heart, because he "
            "gets palpitations after a lot of coffee. Should he ask his GP for a heart tracing?",
            True,
        ),
        # the same kind of history with the emergency now, told last
        (
            "Three years ago I was admitted with a clot in my lung after a long flight. I had six "
            "months of blood thinners and the follow-up scan showed it had cleared. I have been "
            "well since, but since this afternoon I get a stabbing pain in my chest when I breathe "
            "in and I am coughing up blood. Could the clot have come back?",
            False,
        ),
    ],
)
def test_the_shipped_model_tells_general_questions_from_emergencies_asked_as_questions(
    triage: Triage, acuity: AcuityModel, embedder: Embedder, text: str, stands_down: bool
) -> None:
    flag = TriageResult(category="cardiac", flag_id="cardiac_chest_pain")
    question = question_part(normalize_text(text))
    vector = embedder.encode_one(question)
    happening_now = triage.reader.happening_now
    assert (
        acuity.general_question(flag, question, vector, "self_harm", happening_now) is stands_down
    )


def test_with_the_red_flags_fresh_rounds_reach_the_bar(
    triage: Triage, acuity: AcuityModel, embedder: Embedder
) -> None:
    """Rounds 12 to 58 as the pipeline reads them: the flags first, then the model (which may
    stand an emergency flag down for a general question or a history, and may raise an urgent
    flag). Their first runs (before any fix) are in TRIAGE_LABELS.md. The model trains on these
    rounds (train_acuity.py --fresh): this checks the pipeline, not the model on unseen text."""
    cases = load_jsonl(LABEL_DIR / "triage_fresh_rounds.jsonl")
    levels: dict[str, str | None] = {}
    self_harm, happening_now = triage.self_harm_category, triage.reader.happening_now
    for case in cases:
        text = normalize_text(case["text"])
        flag = triage.assess(text)
        question = question_part(text)
        if flag is not None and acuity.general_question(
            flag, question, embedder.encode_one(question), self_harm, happening_now
        ):
            flag = None  # answered after a safety-net line; no second reading
        elif flag is None:
            flag = acuity.assess(question, embedder.encode_one(question))
        elif flag.level == "urgent":
            vector = embedder.encode_one(question)
            raised = acuity.raises_urgent_flag(flag, question, vector, self_harm)
            flag = raised or flag
        levels[case["id"]] = flag.level if flag else None
    emergent = [c["id"] for c in cases if c["level"] == "emergency"]
    missed = [case_id for case_id in emergent if levels[case_id] is None]
    assert len(missed) / len(emergent) <= 0.10, missed
    routine = [c["id"] for c in cases if c["level"] == "not_urgent"]
    raised = [case_id for case_id in routine if levels[case_id] == "emergency"]
    assert len(raised) / len(routine) <= 0.03, raised


def test_wiring_follows_the_config(app_config: AppConfig, embedder: Embedder) -> None:
    triage = Triage.from_file(app_config.triage.file)
    off = app_config.model_copy(deep=True)
    off.triage.acuity.enabled = False
    assert build_acuity(off, triage, embedder) is None
    model = build_acuity(app_config, triage, embedder)
    assert model is not None and model.embedder is None  # the pipeline's vector serves
    # with its own embedder (as when the pipeline's vectors are another model's), the same
    text = "my dad has gone very pale and sweaty and cannot get his words out"
    expected = model.probabilities(text, embedder.encode_one(text))
    model.use_embedder(embedder)
    assert model.probabilities(text, None) == pytest.approx(expected)
