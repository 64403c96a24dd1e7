"""Name-keyed registries for LLM backends and adapters, and which adapters `run` starts."""

from __future__ import annotations

import pytest

from assistant.errors import ConfigError
from assistant.llm.registry import available_backends, backend_name_for, create_backend
from assistant.plugins import load_entry
from assistant.settings import LLMSettings
from bot.app import ADAPTERS, enabled_adapters
from bot.config import AppConfig, load_config

from .conftest import CONFIG_PATH


def test_unknown_backend_names_the_known_ones() -> None:
    with pytest.raises(ConfigError, match=r"unknown LLM backend 'gpt5'; known: api, local"):
        create_backend("gpt5", LLMSettings())
    assert available_backends() == ["api", "local"]


def test_missing_package_says_what_to_install() -> None:
    registry = {"ghost": "healthbot_no_such_module:Thing"}
    with pytest.raises(ConfigError, match=r"needs 'healthbot_no_such_module'.*make install"):
        load_entry(registry, "ghost", "adapter")


def test_use_api_switches_the_backend() -> None:
    assert backend_name_for(LLMSettings(use_api=False)) == "local"
    assert backend_name_for(LLMSettings(use_api=True)) == "api"
    assert load_entry(ADAPTERS, "console", "adapter").__name__ == "ConsoleAdapter"


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, ["console"]),
        ({"TELEGRAM_BOT_TOKEN": "123:abc"}, ["telegram"]),
        ({"MATRIX_PASSWORD": "pw"}, ["matrix"]),
        ({"TELEGRAM_BOT_TOKEN": "1:a", "MATRIX_ACCESS_TOKEN": "t"}, ["telegram", "matrix"]),
        (
            {"HEALTHBOT_ADAPTERS__CONSOLE__ENABLED": "true", "TELEGRAM_BOT_TOKEN": "1:a"},
            ["telegram", "console"],
        ),
        (
            {"HEALTHBOT_ADAPTERS__TELEGRAM__ENABLED": "false", "TELEGRAM_BOT_TOKEN": "1:a"},
            ["console"],
        ),
    ],
)
def test_enabled_adapters_follow_credentials(environ: dict[str, str], expected: list[str]) -> None:
    config: AppConfig = load_config(CONFIG_PATH, environ=environ)
    assert enabled_adapters(config, environ) == expected
