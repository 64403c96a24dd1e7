from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import ConfigError
from bot.__main__ import main
from bot.config import load_config, masked_dump

from .conftest import CONFIG_PATH


def test_shipped_config_keeps_the_seed_llm_defaults() -> None:
    config = load_config(CONFIG_PATH, environ={})
    llm = config.llm
    assert llm.use_api is False
    assert llm.api_key.get_secret_value() == ""
    assert llm.api_url == "http://localhost:8000/v1/completions"
    assert llm.model_name == "TinyLlama/TinyLlama-1.1B-Chat-v1.0"
    assert (llm.max_tokens, llm.temperature, llm.rule_threshold) == (256, 0.7, 0.7)
    assert config.triage.file.is_file() and config.rules.file.is_file()


@pytest.mark.parametrize(
    ("environ", "check"),
    [
        ({"HEALTHBOT_LLM__TEMPERATURE": "0.2"}, lambda c: c.llm.temperature == 0.2),
        ({"HEALTHBOT_LLM__USE_API": "true"}, lambda c: c.llm.use_api is True),
        (
            {"HEALTHBOT_ADAPTERS__TELEGRAM__MODE": "webhook"},
            lambda c: c.adapters.telegram.mode == "webhook",
        ),
        (
            {"HEALTHBOT_ADMINS__TELEGRAM": "[123, 456]"},
            lambda c: c.admins.telegram == ["123", "456"],
        ),
        (
            {"HEALTHBOT_LLM__API_KEY": "sk-123"},
            lambda c: c.llm.api_key.get_secret_value() == "sk-123",
        ),
        ({"OPENAI_API_KEY": "sk-9"}, lambda c: c.llm.api_key.get_secret_value() == "sk-9"),
        # A secret stays a string even when it looks like a number.
        (
            {"HEALTHBOT_PRIVACY__HASH_SALT": "0123"},
            lambda c: c.privacy.hash_salt.get_secret_value() == "0123",
        ),
    ],
)
def test_environment_overrides_any_key(environ: dict[str, str], check: object) -> None:
    config = load_config(CONFIG_PATH, environ=environ)
    assert callable(check) and check(config)


@pytest.mark.parametrize(
    ("yaml_text", "expected"),
    [
        ("llm:\n  temprature: 0.5\n", "unknown key 'llm.temprature'"),
        (
            "llm:\n  engine: gpu\n",
            "llm.engine: must be one of 'auto', 'transformers' or 'llama_cpp'",
        ),
        ("llm:\n  rule_threshold: 1.5\n", "llm.rule_threshold"),
        ("logging:\n  format: xml\n", "logging.format: must be one of 'text' or 'json'"),
        ("bogus: {}\n", "unknown key 'bogus'"),
        ("llm:\n  api_key: sk-live\n", "llm.api_key is a secret"),
        ("- just\n- a list\n", "must hold a mapping"),
        ("llm:\n  backend: gpt9\n", "llm.backend: unknown LLM backend 'gpt9'; known: api, local"),
        ("adapters:\n  slack: {}\n", "unknown key 'adapters.slack'"),
        (
            "adapters:\n  console:\n    rate_limit: {burst: 0}\n",
            "adapters.console.rate_limit.burst",
        ),
    ],
)
def test_bad_config_names_the_key(tmp_path: Path, yaml_text: str, expected: str) -> None:
    path = tmp_path / "config.yaml"
    path.write_text(yaml_text)
    with pytest.raises(ConfigError) as excinfo:
        load_config(path, environ={})
    message = str(excinfo.value)
    assert expected in message
    assert "\n" not in message


def test_relative_paths_follow_the_config_file(tmp_path: Path) -> None:
    path = tmp_path / "conf" / "config.yaml"
    path.parent.mkdir()
    path.write_text("storage:\n  path: db/bot.sqlite\n")
    config = load_config(path, environ={})
    assert config.storage.path == tmp_path / "conf" / "db" / "bot.sqlite"


def test_masked_dump_hides_secrets() -> None:
    config = load_config(CONFIG_PATH, environ={"HEALTHBOT_LLM__API_KEY": "sk-secret"})
    dumped = masked_dump(config)
    assert dumped["llm"]["api_key"] == "***"
    assert dumped["privacy"]["hash_salt"] == ""
    assert "sk-secret" not in repr(dumped)


def test_check_config_cli(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["check-config", "--config", str(CONFIG_PATH)]) == 0
    assert '"model_name": "TinyLlama/TinyLlama-1.1B-Chat-v1.0"' in capsys.readouterr().out
    bad = tmp_path / "bad.yaml"
    bad.write_text("llm:\n  max_tokens: -1\n")
    assert main(["check-config", "--config", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "llm.max_tokens" in err and err.count("\n") == 1
