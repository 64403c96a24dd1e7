"""Load config.yaml once into typed, validated settings.

Precedence: defaults < config.yaml < environment. Any key can be overridden with
``HEALTHBOT_<SECTION>__<KEY>[__<KEY>...]`` (values are parsed as YAML, so ``0.2``, ``true`` and
``[1, 2]`` work). Secrets are only read from the environment; a secret written into the file
is a start-up error.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import Field, SecretStr, ValidationError

from adapters.registry import AdaptersSettings, credential_variables, secret_keys
from assistant.embeddings import available_embedders
from assistant.errors import ConfigError
from assistant.handoff.settings import HandoffSettings
from assistant.llm.registry import available_backends
from assistant.settings import (
    AdminsSettings,
    AnswerCheckSettings,
    DisclaimerSettings,
    EmbeddingSettings,
    KnowledgeSettings,
    LLMSettings,
    PrivacySettings,
    RulesSettings,
    StorageSettings,
    StrictModel,
    TriageSettings,
)
from assistant.urls import mask_url_credentials

ENV_PREFIX = "HEALTHBOT_"
DEFAULT_CONFIG_PATH = Path("config.yaml")


class LoggingSettings(StrictModel):
    level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    format: Literal["text", "json"] = "text"


class MonitoringSettings(StrictModel):
    enabled: bool = False
    host: str = "127.0.0.1"
    port: int = Field(9464, ge=0, le=65535)


class AppConfig(StrictModel):
    llm: LLMSettings = LLMSettings()
    privacy: PrivacySettings = PrivacySettings()
    triage: TriageSettings = TriageSettings()
    rules: RulesSettings = RulesSettings()
    embeddings: EmbeddingSettings = EmbeddingSettings()
    knowledge: KnowledgeSettings = KnowledgeSettings()
    answer_check: AnswerCheckSettings = AnswerCheckSettings()
    disclaimer: DisclaimerSettings = DisclaimerSettings()
    storage: StorageSettings = StorageSettings()
    #: one section per registered adapter (adapters.registry)
    adapters: AdaptersSettings = Field(default_factory=AdaptersSettings)
    admins: AdminsSettings = AdminsSettings()
    handoff: HandoffSettings = HandoffSettings()
    logging: LoggingSettings = LoggingSettings()
    monitoring: MonitoringSettings = MonitoringSettings()


# Dotted keys that hold secrets: only the environment may set them.
SECRET_KEYS: frozenset[str] = frozenset({"llm.api_key", "privacy.hash_salt", *secret_keys()})
# Conventional variable names accepted besides the HEALTHBOT_ form.
SECRET_ALIASES: Mapping[str, str] = {
    "OPENAI_API_KEY": "llm.api_key",
}
# Platform credentials are read by the adapters themselves and never enter the config.
PLATFORM_SECRETS = credential_variables()


class _ConfigLoader(yaml.SafeLoader):
    """YAML 1.1 reads ``01001`` as octal (513), ``0x1F`` as hex and ``1:30`` as base 60. Here
    only plain decimal numbers are integers; the rest stay text, so ``admins.telegram:
    [01001]`` is refused with the key's name instead of making user 513 an admin."""


_INT_TAG = "tag:yaml.org,2002:int"
_ConfigLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != _INT_TAG]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_ConfigLoader.add_implicit_resolver(
    _INT_TAG, re.compile(r"^[-+]?(?:0|[1-9][0-9_]*)$"), list("-+0123456789")
)


def parse_yaml(text: str) -> Any:
    return yaml.load(text, Loader=_ConfigLoader)


def yaml_error_line(source: str | Path, exc: yaml.YAMLError) -> str:
    """One line: where the YAML is broken (line and column, 1-based) and what is wrong."""
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or getattr(exc, "context", None) or type(exc).__name__
    where = f"{source}:{mark.line + 1}:{mark.column + 1}" if mark is not None else str(source)
    return f"{where}: invalid YAML: {' '.join(str(problem).split())}"


def _set_dotted(tree: dict[str, Any], dotted: str, value: Any) -> None:
    node = tree
    *parents, leaf = dotted.split(".")
    for part in parents:
        child = node.get(part)
        if not isinstance(child, dict):
            child = {}
            node[part] = child
        node = child
    node[leaf] = value


def _get_dotted(tree: Mapping[str, Any], dotted: str) -> Any:
    node: Any = tree
    for part in dotted.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return None
        node = node[part]
    return node


def _env_overrides(environ: Mapping[str, str]) -> dict[str, Any]:
    overrides: dict[str, Any] = {}
    for alias, dotted in SECRET_ALIASES.items():
        if environ.get(alias):
            _set_dotted(overrides, dotted, environ[alias])
    for name, raw in environ.items():
        if not name.startswith(ENV_PREFIX) or "__" not in name:
            continue
        dotted = name[len(ENV_PREFIX) :].lower().replace("__", ".")
        value: Any = raw if dotted in SECRET_KEYS else _parse_env_value(raw)
        _set_dotted(overrides, dotted, value)
    return overrides


def _parse_env_value(raw: str) -> Any:
    try:
        return parse_yaml(raw) if raw.strip() else raw
    except yaml.YAMLError:
        return raw


def _merge(base: dict[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _describe(error: Any) -> str:
    location = ".".join(str(part) for part in error["loc"])
    if error["type"] == "extra_forbidden":
        return f"unknown key {location!r}"
    message = str(error["msg"])
    if error["type"] == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        message = f"must be one of {expected}"
    return f"{location}: {message} (got {error.get('input')!r})"


def _resolve_paths(config: AppConfig, base_dir: Path) -> AppConfig:
    """Relative paths in the file are relative to the file, not the working directory."""

    def resolve(path: Path) -> Path:
        return path if path.is_absolute() else (base_dir / path)

    config.triage.file = resolve(config.triage.file)
    config.rules.file = resolve(config.rules.file)
    config.embeddings.static_model = resolve(config.embeddings.static_model)
    config.knowledge.dir = resolve(config.knowledge.dir)
    config.knowledge.care_pointers = resolve(config.knowledge.care_pointers)
    if config.knowledge.cache_dir is not None:
        config.knowledge.cache_dir = resolve(config.knowledge.cache_dir)
    if str(config.storage.path) != ":memory:":
        config.storage.path = resolve(config.storage.path)
    config.privacy.key_file = resolve(config.privacy.key_file.expanduser())
    for _, settings in config.adapters.items():
        settings.resolve_paths(base_dir)
    return config


def load_config(
    path: Path | str | None = None, environ: Mapping[str, str] | None = None
) -> AppConfig:
    """Read, merge and validate the configuration. Raises ConfigError with one clear line."""
    env = os.environ if environ is None else environ
    config_path = (
        Path(path) if path is not None else Path(env.get("HEALTHBOT_CONFIG", "config.yaml"))
    )
    data: dict[str, Any] = {}
    if path is not None or config_path.exists():
        try:
            loaded = parse_yaml(config_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"config file not found: {config_path}") from None
        except yaml.YAMLError as exc:
            raise ConfigError(yaml_error_line(config_path, exc)) from None
        if loaded is not None and not isinstance(loaded, dict):
            raise ConfigError(f"{config_path} must hold a mapping of sections")
        data = loaded or {}
    for dotted in sorted(SECRET_KEYS):
        if _get_dotted(data, dotted):
            env_name = ENV_PREFIX + dotted.upper().replace(".", "__")
            raise ConfigError(
                f"{dotted} is a secret: leave it empty in {config_path} and set {env_name}"
            )
    data = _merge(data, _env_overrides(env))
    try:
        config = AppConfig.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(_describe(error) for error in exc.errors())
        raise ConfigError(f"invalid configuration in {config_path}: {problems}") from None
    _check_registry_names(config, config_path)
    config = _resolve_paths(config, config_path.resolve().parent)
    _check_key_file_apart(config, config_path)
    return config


def _check_registry_names(config: AppConfig, config_path: Path) -> None:
    """Keys that name a registry entry must name a registered one (the registries live below
    the settings, so they are checked here, once, right after the models validate)."""
    embedders = available_embedders()
    named = (
        ("llm.backend", config.llm.backend or None, "LLM backend", available_backends()),
        ("embeddings.backend", config.embeddings.backend, "embedding backend", embedders),
        ("knowledge.embedder", config.knowledge.embedder, "embedding backend", embedders),
    )
    for key, value, kind, known in named:
        if value is not None and value not in known:
            raise ConfigError(
                f"invalid configuration in {config_path}: {key}: unknown {kind} {value!r}; "
                f"known: {', '.join(known)}"
            )


def _check_key_file_apart(config: AppConfig, config_path: Path) -> None:
    """A copy of the data directory must not carry the key that protects its user hashes."""
    if config.privacy.hash_salt.get_secret_value() or str(config.storage.path) == ":memory:":
        return
    data_dir = config.storage.path.parent.resolve()
    key_file = config.privacy.key_file.resolve()
    if key_file.is_relative_to(data_dir):
        raise ConfigError(
            f"invalid configuration in {config_path}: privacy.key_file: {key_file} is inside "
            f"the data directory {data_dir}; keep the key apart from the database"
        )


def _mask_urls(node: Any) -> Any:
    if isinstance(node, dict):
        return {key: _mask_urls(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_mask_urls(value) for value in node]
    return mask_url_credentials(node) if isinstance(node, str) else node


def masked_dump(config: AppConfig) -> dict[str, Any]:
    """The effective configuration with secrets shown as '***' (or '' when unset), and
    credentials inside URLs (``https://user:pass@host``) as ``***@``."""
    dumped: dict[str, Any] = _mask_urls(config.model_dump(mode="json"))
    for dotted in SECRET_KEYS:
        value = _get_dotted(config.model_dump(), dotted)
        secret = value.get_secret_value() if isinstance(value, SecretStr) else value
        _set_dotted(dumped, dotted, "***" if secret else "")
    return dumped
