"""`python -m bot finetune`: data checks, anonymization, answer-only labels, atomic output,
and a short real run on the bundled SmolLM2 whose adapter the bot then loads and uses."""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.anonymizer import Anonymizer
from assistant.errors import InputFileError
from assistant.finetune import run as finetune_run
from assistant.finetune.base_model import BaseModel, load_base
from assistant.finetune.data import Example, load_examples
from assistant.finetune.formatting import IGNORE_INDEX, ChatFormatter
from assistant.finetune.knowledge import rule_pairs
from assistant.finetune.options import Hyperparameters
from assistant.finetune.output import TRAINING_FILE, atomic_dir, check_out_dir
from assistant.finetune.privacy import anonymize_examples
from assistant.finetune.progress import ProgressBar, render
from assistant.finetune.run import FinetuneJob, choose_base, run_finetune, split
from assistant.finetune.trainer import StepInfo
from assistant.grounding import grounded_messages
from assistant.knowledge import KnowledgeBase
from assistant.llm.base import ChatTurn
from assistant.llm.prompt import TokenizerChatTemplate, fill_grounding
from assistant.messages import IncomingMessage
from assistant.retrieval import Passage
from assistant.rules import read_rules
from assistant.settings import DATA_DIR, DEFAULT_SYSTEM_PROMPT
from bot.__main__ import main
from bot.config import load_config

from .conftest import CONFIG_PATH, MakeChat
from .llm_support import LLM_QUESTIONS, assert_checked_model_reply

TINY = Path(__file__).parent / "data" / "finetune_tiny.jsonl"
# A short run: enough steps for the loss to fall, few enough to take seconds.
TINY_ARGS = ["--epochs", "2", "--lr", "2e-3", "--lora-r", "8", "--batch-size", "2"]
TINY_ARGS += ["--max-length", "256", "--val-split", "0.25", "--seed", "1"]
# llm.system_prompt is the grounded prompt, so it holds {passage} (the knowledge stage)
SHORT_PROMPT = "You are healthbot. Answer only from the clinic text {passage}"
MISSING_HUB_ID = "healthbot-tests/no-such-model"


# -- data checks: one line each, naming the file and line -----------------------------------

BAD_FILES = [
    ("", ":1: the file is empty"),
    ("\n  \n", ":1: the file is empty"),
    ('{"question": "a", "answer": "b"}\n{"question": "a", "answer": "b"\n', ":2: not valid JSON"),
    ('["question", "answer"]\n', ":1: expected a JSON object"),
    ('{"question": "a", "answer": "b"}\n\n{"question": "a"}\n', ":3: missing 'answer'"),
    ('{"text": "a"}\n', ":1: missing 'question' and 'answer'"),
    ('{"question": "a", "answer": "  "}\n', ":1: 'answer' must be a non-empty string"),
    ('{"question": 3, "answer": "b"}\n', ":1: 'question' must be a non-empty string"),
    ('{"messages": []}\n', ":1: 'messages' must be a non-empty list"),
    (
        '{"messages": [{"role": "system", "content": "x"}]}\n',
        ":1: messages[0]: no 'system' turns",
    ),
    (
        '{"messages": [{"role": "user", "content": "a"}, {"role": "user", "content": "b"}]}\n',
        ":1: messages[1]: role 'user' where 'assistant' was expected",
    ),
    ('{"messages": [{"role": "user", "content": "a"}]}\n', ":1: 'messages' must end with"),
    ('{"messages": [{"role": "user"}]}\n', ":1: messages[0] must be an object with"),
    (
        '{"messages": [{"role": "user", "content": "a"}], "question": "a"}\n',
        ":1: give either 'messages' or 'question'/'answer'",
    ),
    ('{"question": "a", "answer": "b", "passage": ""}\n', ":1: 'passage' must be a non-empty"),
    ('{"question": "a", "answer": "b", "title": "t"}\n', ":1: 'title' without 'passage'"),
]


@pytest.mark.parametrize(("content", "message"), BAD_FILES)
def test_bad_data_is_one_line_naming_file_and_line(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "data.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputFileError) as caught:
        load_examples(path)
    text = str(caught.value)
    assert text.startswith(f"{path}{message}"), text
    assert "\n" not in text


def test_missing_and_non_utf8_files_are_named(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match=r"nope\.jsonl: no such file"):
        load_examples(tmp_path / "nope.jsonl")
    binary = tmp_path / "binary.jsonl"
    binary.write_bytes(b'{"question": "a", "answer": "b"}\n\xff\xfe\n')
    with pytest.raises(InputFileError, match=r"binary\.jsonl:2: not UTF-8"):
        load_examples(binary)


def test_the_tiny_dataset_loads_with_its_lines_and_hash() -> None:
    data = load_examples(TINY)
    assert [e.line for e in data.examples] == list(range(1, 9))
    chat = data.examples[6]
    assert [t.role for t in chat.turns] == ["user", "assistant", "user", "assistant"]
    assert len(data.sha256) == 64


def test_cli_reports_bad_data_in_one_line_before_loading_any_model(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "broken.jsonl"
    data.write_text('{"question": "a", "answer": "b"}\n{"question": "a"}\n')
    code = main(["finetune", "--data", str(data), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert err == f"healthbot: {data}:2: missing 'answer'; each line needs 'question' and " + (
        "'answer', or 'messages'"
    )
    assert not (tmp_path / "out").exists()


def test_cli_needs_data_and_out(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["finetune"]) == 2
    assert "finetune needs --data PATH.jsonl and --out DIR" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("base", "message"),
    [
        (MISSING_HUB_ID, "offline: it is not in the local Hugging Face cache"),
        ("./no/such/folder", "does not exist"),
        ("bundled:nope", "unknown bundled model"),
    ],
)
def test_a_base_model_that_cannot_be_found_offline_is_one_line(
    monkeypatch: pytest.MonkeyPatch, base: str, message: str
) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(InputFileError) as caught:
        load_base(base)
    text = str(caught.value)
    assert text.startswith(f"--base {base!r}: ") and message in text, text
    assert "\n" not in text


def test_without_a_fallback_an_unloadable_configured_model_is_the_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    job = dataclasses.replace(_job(tmp_path, Hyperparameters()), configured_model=MISSING_HUB_ID)
    said: list[str] = []
    with pytest.raises(InputFileError, match=r"offline: it is not in the local Hugging Face"):
        choose_base(job, said.append)
    assert said == []


@pytest.mark.parametrize(
    ("count", "val_split", "sizes"),
    [(10, 0.1, (9, 1)), (8, 0.25, (6, 2)), (3, 0.1, (2, 1)), (1, 0.1, (1, 0)), (5, 0.0, (5, 0))],
)
def test_validation_split_sizes(count: int, val_split: float, sizes: tuple[int, int]) -> None:
    train, val = split(list(range(count)), val_split, seed=3)
    assert (len(train), len(val)) == sizes
    assert sorted(train + val) == list(range(count))
    assert split(list(range(count)), val_split, seed=3) == (train, val)  # seeded


def test_a_non_empty_out_folder_is_refused_unless_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "adapter"
    out.mkdir()
    check_out_dir(out, overwrite=False)  # empty: fine
    (out / "keep.txt").write_text("x")
    with pytest.raises(InputFileError, match=r"not empty; choose another or pass --overwrite"):
        check_out_dir(out, overwrite=False)
    check_out_dir(out, overwrite=True)
    with pytest.raises(InputFileError, match=r"does not exist"):
        check_out_dir(tmp_path / "missing" / "adapter", overwrite=False)


# -- atomic output ----------------------------------------------------------------------------


@pytest.mark.parametrize("error", [KeyboardInterrupt, RuntimeError])
def test_an_interrupted_write_leaves_nothing(tmp_path: Path, error: type[BaseException]) -> None:
    out = tmp_path / "adapter"
    with pytest.raises(error), atomic_dir(out) as scratch:
        (scratch / "adapter_model.safetensors").write_bytes(b"half")
        raise error()
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_a_finished_write_replaces_the_old_folder_whole(tmp_path: Path) -> None:
    out = tmp_path / "adapter"
    out.mkdir()
    (out / "old.txt").write_text("old")
    stale = tmp_path / ".adapter.partial-1"  # left by a killed run
    stale.mkdir()
    with atomic_dir(out) as scratch:
        assert not (scratch / "old.txt").exists()
        (scratch / TRAINING_FILE).write_text("{}")
    assert sorted(p.name for p in out.iterdir()) == [TRAINING_FILE]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["adapter"]


# -- progress ---------------------------------------------------------------------------------


def test_progress_shows_step_loss_speed_and_eta() -> None:
    info = StepInfo(step=5, total_steps=20, epoch=2, epochs=4, loss=1.23456, tokens_per_s=512.4,
                    elapsed_s=50.0)  # fmt: skip
    line = render(info)
    assert "step 5/20 (epoch 2/4)" in line
    assert "loss 1.235" in line and "512 tok/s" in line
    assert "elapsed 0:50" in line and "ETA 2:30" in line


def test_progress_into_a_pipe_writes_a_few_whole_lines() -> None:
    stream = io.StringIO()
    bar = ProgressBar(stream)
    for step in range(1, 101):
        bar(StepInfo(step, 100, 1, 1, 1.0, 100.0, float(step)))
    bar.close()
    lines = stream.getvalue().splitlines()
    assert 15 <= len(lines) <= 25
    assert "step 1/100" in lines[0] and "step 100/100" in lines[-1]
    assert "\r" not in stream.getvalue()


# -- vetted knowledge export ------------------------------------------------------------------


def test_export_knowledge_writes_every_rule_example_as_a_training_pair(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "vetted.jsonl"
    assert main(["finetune", "--export-knowledge", str(path)]) == 0
    rules = read_rules(DATA_DIR / "rules.yaml")
    expected = sum(len(rule.examples) for rule in rules)
    assert f"wrote {expected} vetted pairs (rules)" in capsys.readouterr().out
    rows = [json.loads(line) for line in path.read_text().splitlines()]
    assert len(rows) == expected == len(rule_pairs())
    answers = {rule.id: rule.answer for rule in rules}
    for row in rows:
        assert row["answer"] == answers[row["source"].split("#")[1]]
        # the passage the grounded prompt will carry in training, as it does in use
        assert row["passage"] == row["answer"] and row["title"]
    # the export is valid training data, grounded in its passages
    examples = load_examples(path).examples
    assert len(examples) == expected
    assert all(e.passage == e.turns[1].content for e in examples)


def test_export_of_an_unknown_source_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x.jsonl"
    assert main(["finetune", "--export-knowledge", str(path), "--source", "nope"]) == 2
    assert "unknown vetted source 'nope'; known: knowledge, rules" in capsys.readouterr().err
    assert not path.exists()


# -- anonymization ----------------------------------------------------------------------------


def test_every_training_text_is_anonymized_with_a_summary(anonymizer: Anonymizer) -> None:
    examples = load_examples(TINY).examples
    masked, summary = anonymize_examples(examples, anonymizer)
    assert summary.texts == sum(len(e.turns) for e in examples)
    assert summary.changed_lines == [4]
    assert summary.by_type["PERSON"] >= 1 and summary.by_type["PHONE_NUMBER"] == 1
    question = masked[3].turns[0].content
    assert "Priya" not in question and "900123" not in question
    assert "<PERSON_1>" in question and "<PHONE_NUMBER_1>" in question
    line = summary.describe()
    assert "PHONE_NUMBER x1" in line and "lines 4" in line
    assert "Priya" not in line and "900123" not in line
    # the rest is untouched
    assert [e.turns for i, e in enumerate(masked) if i != 3] == [
        e.turns for i, e in enumerate(examples) if i != 3
    ]


# -- the real model: one load for the module ------------------------------------------------


@pytest.fixture(scope="module")
def smollm2() -> BaseModel:
    return load_base("bundled:smollm2")


def test_labels_cover_the_answers_and_the_prompt_is_the_bots(smollm2: BaseModel) -> None:
    tokenizer = smollm2.tokenizer
    chat = load_examples(TINY).examples[6]  # two user turns, two answers
    tokenized = ChatFormatter(tokenizer, DEFAULT_SYSTEM_PROMPT).tokenize(chat)
    # contiguous runs of learned tokens, decoded
    runs: list[list[int]] = []
    for index, (token, label) in enumerate(zip(tokenized.input_ids, tokenized.labels, strict=True)):
        if label == IGNORE_INDEX:
            continue
        assert label == token
        if not runs or tokenized.labels[index - 1] == IGNORE_INDEX:
            runs.append([])
        runs[-1].append(token)
    answers = [tokenizer.decode(run) for run in runs]
    assert answers == [f"{chat.turns[1].content}<|im_end|>", f"{chat.turns[3].content}<|im_end|>"]
    # everything before the last answer is exactly the prompt the bot sends at answer time
    system = ChatTurn("system", fill_grounding(DEFAULT_SYSTEM_PROMPT, "", ""))  # no passage
    prompt = TokenizerChatTemplate(tokenizer).render([system, *chat.turns[:3]])
    last_start = len(tokenized.input_ids) - len(runs[-1]) - 1  # the newline after <|im_end|>
    assert tokenizer.decode(tokenized.input_ids[:last_start]) == prompt


@pytest.mark.parametrize("grounded", [True, False])
def test_the_training_prompt_is_the_grounded_prompt_of_its_passage(
    smollm2: BaseModel, grounded: bool
) -> None:
    """Training sees the system prompt the grounded stage sends: the example's passage in
    it, never a bare ``{passage}`` placeholder."""
    tokenizer = smollm2.tokenizer
    topic = KnowledgeBase.from_dir(DATA_DIR / "knowledge").topics[0]
    question = topic.questions[0]
    turns = (ChatTurn("user", question), ChatTurn("assistant", topic.answer))
    passage = topic.passage if grounded else ""
    example = Example(1, turns, title=topic.title if grounded else "", passage=passage)
    tokenized = ChatFormatter(tokenizer, DEFAULT_SYSTEM_PROMPT).tokenize(example)
    first_answer = next(i for i, label in enumerate(tokenized.labels) if label != IGNORE_INDEX)
    prompt = tokenizer.decode(tokenized.input_ids[:first_answer])
    passages = (Passage(topic, score=1.0, similarity=1.0),) if grounded else ()
    system, user = grounded_messages(question, passages)
    assert prompt == TokenizerChatTemplate(tokenizer).render([system, user])
    assert "{passage}" not in prompt and "{title}" not in prompt
    assert passage in prompt


def test_texts_longer_than_max_length_name_their_line(
    smollm2: BaseModel, anonymizer: Anonymizer, tmp_path: Path
) -> None:
    job = _job(tmp_path, Hyperparameters(max_length=140))
    with pytest.raises(InputFileError) as caught:
        run_finetune(job, lambda: anonymizer, io.StringIO(), base=smollm2)
    text = str(caught.value)
    assert text.startswith(f"{TINY}:"), text
    assert "tokens with the chat template and system prompt, over --max-length 140" in text
    assert not (tmp_path / "out").exists()


def test_ctrl_c_during_training_leaves_no_adapter(
    smollm2: BaseModel, anonymizer: Anonymizer, tmp_path: Path
) -> None:
    def interrupt(info: StepInfo) -> None:
        raise KeyboardInterrupt

    base = copy.deepcopy(smollm2)
    hp = Hyperparameters(max_length=256, batch_size=1, max_steps=3, val_split=0.0)
    job = dataclasses.replace(_job(tmp_path, hp), system_prompt=SHORT_PROMPT)
    with pytest.raises(KeyboardInterrupt):
        run_finetune(job, lambda: anonymizer, io.StringIO(), base=base, on_step=interrupt)
    assert list(tmp_path.iterdir()) == []


@pytest.fixture(scope="module")
def trained(
    smollm2: BaseModel, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, Any]]:
    """`python -m bot finetune` on the tiny set, with the shipped config (TinyLlama, which
    is not available offline, so the bundled SmolLM2 is used), plus --merge."""
    out = tmp_path_factory.mktemp("finetune") / "adapter"
    patch = pytest.MonkeyPatch()
    real_load = finetune_run.load_base

    def reuse_loaded(name: str) -> BaseModel:
        # TinyLlama really fails offline; SmolLM2 comes from the module's copy (saves a load).
        return copy.deepcopy(smollm2) if name == "bundled:smollm2" else real_load(name)

    patch.setattr(finetune_run, "load_base", reuse_loaded)
    patch.setenv("HF_HUB_OFFLINE", "1")
    # A short system prompt from config keeps the run short, and shows config reaches it.
    patch.setenv("HEALTHBOT_LLM__SYSTEM_PROMPT", SHORT_PROMPT)
    stdout = io.StringIO()
    patch.setattr("sys.stdout", stdout)
    argv = ["finetune", "--config", str(CONFIG_PATH), "--data", str(TINY), "--out", str(out)]
    try:
        code = main([*argv, "--merge", *TINY_ARGS])
    finally:
        patch.undo()
    yield {"code": code, "out": out, "stdout": stdout.getvalue()}


def test_training_lowers_the_loss_and_writes_a_complete_folder(trained: dict[str, Any]) -> None:
    assert trained["code"] == 0, trained["stdout"]
    out: Path = trained["out"]
    names = {p.name for p in out.iterdir()}
    assert {"adapter_config.json", "adapter_model.safetensors", TRAINING_FILE} <= names
    assert {"tokenizer.json", "tokenizer_config.json", "merged"} <= names
    record = json.loads((out / TRAINING_FILE).read_text())
    losses = record["losses"]
    assert losses["validation_after"] < losses["validation_before"]
    assert losses["train_per_epoch"][-1] < losses["train_per_epoch"][0]
    assert record["base_model"] == "bundled:smollm2"
    assert record["data"]["sha256"] == load_examples(TINY).sha256
    assert record["data"]["examples"] == 8 and record["data"]["validation_examples"] == 2
    assert record["hyperparameters"]["lr"] == 2e-3 and record["hyperparameters"]["threads"] == 1
    assert record["anonymization"]["masked_by_type"]["PHONE_NUMBER"] == 1
    assert record["steps"] == 6 and record["tokens_per_s"] > 0
    assert record["system_prompt_sha256"] == hashlib.sha256(SHORT_PROMPT.encode()).hexdigest()
    assert record["duration_s"]["total"] > 0
    adapter_config = json.loads((out / "adapter_config.json").read_text())
    assert adapter_config["base_model_name_or_path"] == "bundled:smollm2"
    stdout = trained["stdout"]
    assert "llm.model_name 'TinyLlama/TinyLlama-1.1B-Chat-v1.0' cannot be loaded here" in stdout
    assert "training on llm.fallback_model bundled:smollm2 instead" in stdout
    assert "PHONE_NUMBER x1" in stdout and "900123" not in stdout
    assert "step 6/6 (epoch 2/2)" in stdout and "ETA" in stdout
    assert "validation loss before" in stdout and "validation loss after" in stdout


@pytest.mark.parametrize("folder", ["adapter", "merged"])
async def test_the_bot_loads_the_result_through_config_and_answers(
    trained: dict[str, Any], make_chat: MakeChat, tmp_path: Path, folder: str
) -> None:
    out: Path = trained["out"]
    model = out if folder == "adapter" else out / "merged"
    config = load_config(
        CONFIG_PATH,
        environ={
            "HEALTHBOT_LLM__MODEL_NAME": str(model),
            "HEALTHBOT_LLM__ENGINE": "transformers",
            "HEALTHBOT_LLM__FALLBACK_MODEL": "null",
            "HEALTHBOT_LLM__MAX_TOKENS": "24",
            "HEALTHBOT_LLM__TEMPERATURE": "0",
            "HEALTHBOT_STORAGE__PATH": str(tmp_path / "bot.db"),
            "HEALTHBOT_PRIVACY__HASH_SALT": "test-salt",
        },
    )
    chat = await make_chat(config)
    backend = chat.assistant.backend
    assert backend is not None and backend.model == str(model)
    reply = await chat.ask(
        IncomingMessage(platform="cli", chat_id="c1", user_id="u1", text=LLM_QUESTIONS[2])
    )
    # grounded in the vetted passage and through the answer check, like any model's answer
    assert_checked_model_reply(reply, config.disclaimer.text)
    assert reply.llm is not None and reply.llm.model == str(model)
    assert len(reply.text.split()) >= 3


def _job(tmp_path: Path, hp: Hyperparameters) -> FinetuneJob:
    return FinetuneJob(
        data=TINY,
        out=tmp_path / "out",
        base=None,
        configured_model="bundled:smollm2",
        fallback_model=None,
        system_prompt=DEFAULT_SYSTEM_PROMPT,
        hp=hp,
    )
