"""Fixtures for the Matrix tests, loaded with ``pytest_plugins`` so that every module shares
one session-scoped Synapse (a fixture imported into two modules would start two)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from assistant.anonymizer import Anonymizer
from bot.config import AppConfig
from tests.conftest import MakeAssistant
from tests.matrix_support import World
from tests.synapse_server import SynapseServer


@pytest.fixture(scope="session")
def synapse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SynapseServer]:
    """One real Synapse for the whole session (installed into its own venv on first use)."""
    server = SynapseServer(tmp_path_factory.mktemp("synapse"))
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
async def world(
    synapse: SynapseServer,
    app_config: AppConfig,
    make_assistant: MakeAssistant,
    anonymizer: Anonymizer,
    tmp_path: Path,
) -> AsyncIterator[World]:
    """Staff and bots for one test; all stopped afterwards."""
    world = World(synapse, app_config, make_assistant, tmp_path)
    yield world
    await world.close()
