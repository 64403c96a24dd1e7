"""The adapters the app can run, by name, and which of them are enabled.

To add an adapter: write the class (``adapters/<name>.py``, a subclass of
:class:`adapters.base.Adapter`) and its declaration (``adapters/<name>_settings.py``, an
:class:`adapters.settings.AdapterSpec` with its settings model), and list the declaration in
``SPECS``. Its ``adapters.<name>`` config section, its selection and its credentials' place
among the secrets all follow from that entry.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from pydantic import Field, create_model

from adapters import console_settings, matrix_settings, telegram_settings
from adapters.settings import AdapterSettings, AdapterSpec
from assistant.errors import ConfigError
from assistant.plugins import load_entry
from assistant.settings import StrictModel

if TYPE_CHECKING:
    from adapters.base import Adapter, AdapterContext

#: in this order platform adapters are listed and started; fallbacks come after them
SPECS: dict[str, AdapterSpec] = {
    spec.name: spec
    for spec in (telegram_settings.SPEC, matrix_settings.SPEC, console_settings.SPEC)
}


class AdaptersSection(StrictModel):
    """The ``adapters`` config section: one field per registered adapter (see below)."""

    def get(self, name: str) -> AdapterSettings:
        if name not in SPECS:
            raise ConfigError(f"unknown adapter {name!r}; known: {', '.join(SPECS)}")
        settings: AdapterSettings = getattr(self, name)
        return settings

    def items(self) -> Iterator[tuple[str, AdapterSettings]]:
        for name in SPECS:
            yield name, self.get(name)


def _section_model() -> type[AdaptersSection]:
    fields: dict[str, Any] = {
        name: (spec.settings, Field(default_factory=spec.settings)) for name, spec in SPECS.items()
    }
    return create_model("AdaptersSettings", __base__=AdaptersSection, **fields)


if TYPE_CHECKING:
    AdaptersSettings = AdaptersSection
else:
    #: the ``adapters`` section's model, built from SPECS (unknown adapter keys are errors)
    AdaptersSettings = _section_model()


def enabled_adapters(section: AdaptersSection, environ: Mapping[str, str]) -> list[str]:
    """Platform adapters on by configuration or credentials, then the fallbacks (the
    terminal chat) when configured on or when nothing else is."""
    names = [
        name
        for name, settings in section.items()
        if not SPECS[name].fallback and SPECS[name].wanted(settings, environ)
    ]
    for name, settings in section.items():
        spec = SPECS[name]
        if spec.fallback and (
            settings.enabled is True or (settings.enabled == "auto" and not names)
        ):
            names.append(name)
    return names


def credential_variables() -> tuple[str, ...]:
    """Every adapter's credential variables (they never enter the configuration)."""
    return tuple(var for spec in SPECS.values() for var in spec.credentials)


def secret_keys() -> tuple[str, ...]:
    """Dotted config keys of secrets in the adapters' sections."""
    return tuple(f"adapters.{s.name}.{key}" for s in SPECS.values() for key in s.secret_keys)


def adapter_class(name: str) -> type[Adapter[Any]]:
    spec = SPECS.get(name)
    if spec is None:
        raise ConfigError(f"unknown adapter {name!r}; known: {', '.join(SPECS)}")
    cls: type[Adapter[Any]] = load_entry({name: spec.target}, name, "adapter")
    return cls


def create_adapter(name: str, context: AdapterContext) -> Adapter[Any]:
    return adapter_class(name)(context)
