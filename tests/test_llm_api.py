"""The API backend against a real OpenAI-compatible server: ``python -m llama_cpp.server``
on 127.0.0.1 serving the bundled SmolLM2 GGUF, end to end through ``Assistant.handle``."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.errors import ConfigError
from assistant.llm.api import APIBackend
from assistant.llm.base import ChatTurn, GenerationRequest
from assistant.llm.prompt import JinjaChatTemplate, PlainChatTemplate
from assistant.llm.registry import create_backend
from assistant.messages import IncomingMessage
from assistant.settings import DEFAULT_SYSTEM_PROMPT, LLMSettings
from bot.config import AppConfig

from .conftest import MakeChat
from .llm_support import LLM_QUESTIONS, LlamaServer, assert_checked_model_reply, llama_server

pytestmark = pytest.mark.slow

MAX_TOKENS = 16


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LlamaServer]:
    with llama_server(tmp_path_factory.mktemp("llama-server")) as running:
        yield running


def api_config(app_config: AppConfig, url: str, **llm: object) -> AppConfig:
    values: dict[str, object] = {
        "enabled": True,
        "use_api": True,
        "api_url": url,
        "model_name": "bundled:smollm2",
        "max_tokens": MAX_TOKENS,
        "temperature": 0.0,
        "timeout_s": 120.0,
    }
    values.update(llm)
    # asked even for SmolLM2 (``auto`` would show it the vetted passage only)
    knowledge = app_config.knowledge.model_copy(update={"answer_mode": "grounded"})
    return app_config.model_copy(
        update={"llm": LLMSettings.model_validate(values), "knowledge": knowledge}
    )


@pytest.mark.parametrize("path", ["/v1/chat/completions", "/v1/completions"])
async def test_api_backend_answers_through_the_assistant(
    server: LlamaServer, make_chat: MakeChat, app_config: AppConfig, path: str
) -> None:
    config = api_config(app_config, server.base_url + path)
    backend = create_backend("api", config.llm)  # through the registry, as the app does
    assert isinstance(backend, APIBackend)
    chat = await make_chat(config=config, backend=backend)
    assistant = chat.assistant
    if path == "/v1/completions":
        # the prompt is rendered with the model's own chat template, read from the GGUF
        assert isinstance(backend._template, JinjaChatTemplate)
    message = IncomingMessage(platform="console", chat_id="c", user_id="u", text=LLM_QUESTIONS[0])

    reply = await chat.ask(message)

    assert_checked_model_reply(reply, config.disclaimer.text)
    answer = reply.text.removesuffix(config.disclaimer.text).strip()
    assert len(re.findall(r"[A-Za-z]+", answer)) >= 3
    assert "<|im" not in answer
    assert reply.llm is not None
    assert (reply.llm.backend, reply.llm.model) == ("api", "bundled:smollm2")
    assert reply.llm.prompt_tokens > 50
    assert 0 < reply.llm.completion_tokens <= MAX_TOKENS
    assert backend.stats()["completed"] == 1
    assert assistant.store is not None
    await assistant.store.flush()
    with sqlite3.connect(config.storage.path) as db:
        row = db.execute(
            "SELECT source, llm_backend, prompt_tokens, completion_tokens FROM messages"
        ).fetchone()
    assert row == (reply.source.value, "api", reply.llm.prompt_tokens, reply.llm.completion_tokens)


async def test_completions_without_a_tokenizer_use_the_plain_template(
    server: LlamaServer,
) -> None:
    # The hub id cannot be had here (offline, or it does not exist): the documented plain
    # template is used, and the real server still answers.
    settings = LLMSettings(
        use_api=True,
        api_url=server.base_url + "/v1/completions",
        model_name="healthbot-tests/no-such-model",
        max_tokens=MAX_TOKENS,
        temperature=0.0,
    )
    backend = APIBackend(settings)
    await backend.start()
    try:
        assert isinstance(backend._template, PlainChatTemplate)
        result = await backend.generate(
            GenerationRequest(
                messages=(
                    ChatTurn("system", DEFAULT_SYSTEM_PROMPT),
                    ChatTurn("user", LLM_QUESTIONS[1]),
                ),
                max_tokens=MAX_TOKENS,
                temperature=0.0,
            )
        )
        assert result.text
        assert "User:" not in result.text
        assert 0 < result.completion_tokens <= MAX_TOKENS
    finally:
        await backend.close()


@pytest.mark.parametrize(
    "url",
    [
        "ftp://127.0.0.1/v1/completions",
        "http://127.0.0.1:8000/v1/models",
        "not a url",
        "ftp://bob:s3cret@127.0.0.1/v1/completions",
        "http://bob:s3cret@127.0.0.1:8000/v1/models",
    ],
)
def test_api_url_must_name_a_completions_endpoint(url: str, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"llm\.api_url") as caught:
        APIBackend(LLMSettings(use_api=True, api_url=url))
    assert "s3cret" not in str(caught.value)  # credentials in the URL stay out of the error
