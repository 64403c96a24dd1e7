"""Name-keyed registries for LLM backends and adapters, and which adapters `run` starts."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from adapters.registry import SPECS, adapter_class
from assistant.errors import ConfigError
from assistant.llm.registry import (
    available_backends,
    backend_name_for,
    create_backend,
    register_backend,
    unregister_backend,
)
from assistant.plugins import load_entry
from assistant.settings import LLMSettings
from bot.app import build_assistant, enabled_adapters
from bot.config import AppConfig, load_config
from tests.fakes import FakeBackend

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
    assert adapter_class("console").__name__ == "ConsoleAdapter"


class PluginBackend(FakeBackend):
    """A backend from outside the project, constructed by the registry from settings."""

    name = "plugin"

    def __init__(self, settings: LLMSettings) -> None:
        super().__init__(answer="plugin answer")
        self.settings = settings


@pytest.fixture
def plugin() -> Iterator[str]:
    register_backend("plugin", f"{__name__}:PluginBackend")
    yield "plugin"
    unregister_backend("plugin")


async def test_llm_backend_picks_a_plugin_over_use_api(
    plugin: str, app_config: AppConfig, anonymizer: object
) -> None:
    assert backend_name_for(LLMSettings(use_api=True, backend=plugin)) == plugin
    config = app_config.model_copy(deep=True)
    config.llm.enabled, config.llm.backend = True, plugin
    assistant = await build_assistant(config, anonymizer=anonymizer)  # type: ignore[arg-type]
    assert isinstance(assistant.backend, PluginBackend)
    assert assistant.backend.settings is config.llm
    with pytest.raises(ConfigError, match=r"llm.backend: unknown LLM backend 'api2'"):
        create_backend("api2", config.llm)
    with pytest.raises(ConfigError, match="taken by a built-in"):
        register_backend("local", f"{__name__}:PluginBackend")


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


def test_every_registered_adapter_has_a_config_section_and_loads_lazily() -> None:
    config = load_config(CONFIG_PATH, environ={})
    for name, spec in SPECS.items():
        settings = config.adapters.get(name)
        assert isinstance(settings, spec.settings)
        assert settings.rate_limit.burst >= 1
    with pytest.raises(ConfigError, match=r"unknown key 'adapters.slack'"):
        load_config(CONFIG_PATH, environ={"HEALTHBOT_ADAPTERS__SLACK__ENABLED": "true"})
