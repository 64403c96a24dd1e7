from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from adapters.registry import SPECS
from assistant.errors import ConfigError
from assistant.urls import mask_url_credentials
from bot.__main__ import main
from bot.config import AppConfig, load_config, masked_dump

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
        (
            "knowledge:\n  embedder: bert\n",
            "knowledge.embedder: unknown embedding backend 'bert'; known: static, transformer",
        ),
        (
            "embeddings:\n  backend: ''\n",
            "embeddings.backend: unknown embedding backend ''; known: static, transformer",
        ),
        ("adapters:\n  slack: {}\n", "unknown key 'adapters.slack'"),
        ("privacy:\n  anonymizer_processes: -1\n", "privacy.anonymizer_processes"),
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


# -- issue 15: numbers that are not finite, octal admin ids, URLs with credentials, YAML errors


def _float_keys(model: type[BaseModel], prefix: str = "") -> list[str]:
    """Every float setting of the configuration, as a dotted key (adapters included)."""
    keys: list[str] = []
    for name, field in model.model_fields.items():
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            keys.extend(_float_keys(annotation, f"{prefix}{name}."))
        elif annotation is float or annotation == float | None:
            keys.append(prefix + name)
    return keys


FLOAT_KEYS = [
    *_float_keys(AppConfig),
    *(
        f"adapters.{spec.name}.{key}"
        for spec in SPECS.values()
        for key in _float_keys(spec.settings)
    ),
]


def test_every_float_setting_is_found() -> None:
    assert {"llm.timeout_s", "llm.temperature", "adapters.telegram.shutdown_grace_s"} <= set(
        FLOAT_KEYS
    )
    assert "adapters.console.rate_limit.per_minute" in FLOAT_KEYS


def _nested_yaml(dotted: str, value: str) -> str:
    *parents, leaf = dotted.split(".")
    lines = [f"{'  ' * depth}{part}:" for depth, part in enumerate(parents)]
    return "\n".join([*lines, f"{'  ' * len(parents)}{leaf}: {value}"]) + "\n"


@pytest.mark.parametrize("value", [".inf", "-.inf", ".nan", "1e400"])
@pytest.mark.parametrize("dotted", FLOAT_KEYS)
def test_non_finite_numbers_are_refused(tmp_path: Path, dotted: str, value: str) -> None:
    path = tmp_path / "config.yaml"
    path.write_text(_nested_yaml(dotted, value))
    with pytest.raises(ConfigError) as excinfo:
        load_config(path, environ={})
    assert dotted in str(excinfo.value)


def test_non_finite_numbers_from_the_environment_are_refused() -> None:
    with pytest.raises(ConfigError, match=r"llm\.timeout_s"):
        load_config(CONFIG_PATH, environ={"HEALTHBOT_LLM__TIMEOUT_S": ".inf"})


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("[1001]", ["1001"]),
        ("['1001', 42]", ["1001", "42"]),
        ("[0]", ["0"]),
        ("[01001]", "admins.telegram.0: Value error, a Telegram user id has no leading zero"),
        ("['01001']", "admins.telegram.0: Value error, a Telegram user id has no leading zero"),
        ("[0x1F]", "admins.telegram.0: Value error, a Telegram user id is digits only"),
        ("[1:30]", "admins.telegram.0: Value error, a Telegram user id is digits only"),
        ("[12, -5]", "admins.telegram.1: Value error, a Telegram user id is digits only"),
        ("[true]", "admins.telegram.0: Value error, a Telegram user id must be a number"),
    ],
)
def test_telegram_admin_ids_are_read_as_written(
    tmp_path: Path, written: str, expected: list[str] | str
) -> None:
    for source in ("file", "environment"):
        path = tmp_path / "config.yaml"
        environ = {}
        if source == "file":
            path.write_text(f"admins:\n  telegram: {written}\n")
        else:
            path.write_text("{}\n")
            environ = {"HEALTHBOT_ADMINS__TELEGRAM": written}
        if isinstance(expected, list):
            assert load_config(path, environ=environ).admins.telegram == expected, source
        else:
            with pytest.raises(ConfigError, match=re.escape(expected)):
                load_config(path, environ=environ)


def test_octal_looking_numbers_elsewhere_are_read_in_decimal(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("llm:\n  max_tokens: 0100\n")
    assert load_config(path, environ={}).llm.max_tokens == 100


@pytest.mark.parametrize(
    ("url", "masked"),
    [
        ("https://user:pass@api.example/v1", "https://***@api.example/v1"),
        ("https://token@api.example:8443/v1?x=1", "https://***@api.example:8443/v1?x=1"),
        ("http://u:p%40ss@10.0.0.1/v1/completions", "http://***@10.0.0.1/v1/completions"),
        ("http://localhost:8000/v1/completions", "http://localhost:8000/v1/completions"),
        ("http://host/path@v1", "http://host/path@v1"),
        ("mailto:user@example.org", "mailto:user@example.org"),
    ],
)
def test_credentials_inside_urls_are_masked(url: str, masked: str) -> None:
    assert mask_url_credentials(url) == masked


def test_check_config_prints_no_url_credentials(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HEALTHBOT_LLM__API_URL", "https://medic7:hunter2@llm.example/v1")
    monkeypatch.setenv("HEALTHBOT_ADAPTERS__MATRIX__HOMESERVER", "https://bot:pw7@matrix.example")
    assert main(["check-config", "--config", str(CONFIG_PATH)]) == 0
    out = capsys.readouterr().out
    assert "https://***@llm.example/v1" in out and "https://***@matrix.example" in out
    assert "hunter2" not in out and "pw7" not in out and "medic7" not in out


@pytest.mark.parametrize(
    ("yaml_text", "where"),
    [
        ("llm:\n  max_tokens: [1, 2\n", ":3:1:"),
        ("llm:\n\tmax_tokens: 1\n", ":2:1:"),
        ("llm:\n  model_name: 'unclosed\n", ":3:1:"),
        ("llm: {a: 1\nprivacy: {}\n", ":2:8:"),
        ("a: b: c\n", ":1:5:"),
    ],
)
def test_a_yaml_error_is_one_line_with_line_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], yaml_text: str, where: str
) -> None:
    path = tmp_path / "config.yaml"
    path.write_text(yaml_text)
    assert main(["check-config", "--config", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert f"{path}{where} invalid YAML: " in err


def test_the_key_file_must_be_outside_the_data_directory(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("storage:\n  path: data/bot.db\nprivacy:\n  key_file: data/keys/privacy.key\n")
    with pytest.raises(ConfigError, match=r"privacy\.key_file: .* is inside the data directory"):
        load_config(path, environ={})
    path.write_text("storage:\n  path: data/bot.db\nprivacy:\n  key_file: keys/privacy.key\n")
    assert load_config(path, environ={}).privacy.key_file == tmp_path / "keys" / "privacy.key"
    # with the key in the environment, no file is used
    environ = {"HEALTHBOT_PRIVACY__HASH_SALT": "x" * 64, "HEALTHBOT_PRIVACY__KEY_FILE": "data/k"}
    assert load_config(path, environ=environ).privacy.hash_salt.get_secret_value()
