"""Shared fixtures: the real Presidio anonymizer, a config with storage in tmp_path, and
factories for real assistants and for the real conversation service around one."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from adapters.registry import SPECS
from assistant.anonymizer import Anonymizer
from assistant.embeddings import Embedder, create_embedder
from assistant.llm.base import LLMBackend
from assistant.normalize import normalize_text
from assistant.pipeline import Assistant
from assistant.settings import DATA_DIR
from assistant.storage import Store
from assistant.triage import Triage
from bot import evaluation
from bot.app import build_assistant
from bot.config import AppConfig, load_config
from tests.fakes import Chat

if TYPE_CHECKING:
    from tests.telegram_emulator import BotAPIEmulator

REPO_ROOT = Path(__file__).resolve().parent.parent
CONFIG_PATH = REPO_ROOT / "config.yaml"
# CI lays shared/ beside the clone; a developer checkout has it at /work/shared.
EVAL_DIR = next(
    (p for p in (REPO_ROOT.parent / "shared" / "eval", Path("/work/shared/eval")) if p.is_dir()),
    REPO_ROOT.parent / "shared" / "eval",
)

MakeAssistant = Callable[..., Awaitable[Assistant]]
MakeChat = Callable[..., Awaitable[Chat]]


def load_jsonl(name: str) -> list[dict[str, Any]]:
    """One of the shared eval sets by file name."""
    return evaluation.load_jsonl(EVAL_DIR / name)


@pytest.fixture(autouse=True)
def restore_logging() -> Iterator[None]:
    """`python -m bot` (main()) configures the root logger with pytest's captured stderr; put it back after."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


@pytest.fixture(scope="session")
def anonymizer() -> Anonymizer:
    config = load_config(CONFIG_PATH, environ={})
    return Anonymizer.from_settings(config.privacy.spacy_model, config.privacy.score_threshold)


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    """The configured message embedder, loaded once for the session (seconds to load)."""
    config = load_config(CONFIG_PATH, environ={})
    loaded = create_embedder(config.embeddings)
    loaded.load()
    return loaded


@pytest.fixture
def app_config(tmp_path: Path) -> AppConfig:
    """The shipped config.yaml with storage in tmp_path and the LLM stage off. Each user may
    send a thousand messages, with no refill to speak of: only the tests about the limit meet
    it (they set their own or use it up, exactly, with tests.fakes.Chat.use_up_rate_limit)."""
    generous = "{per_minute: 0.001, burst: 1000}"
    return load_config(
        CONFIG_PATH,
        environ={
            "HEALTHBOT_LLM__ENABLED": "false",
            "HEALTHBOT_STORAGE__PATH": str(tmp_path / "healthbot.db"),
            "HEALTHBOT_PRIVACY__HASH_SALT": "test-salt-of-at-least-32-characters",
            **{f"HEALTHBOT_ADAPTERS__{name.upper()}__RATE_LIMIT": generous for name in SPECS},
        },
    )


@pytest.fixture
async def make_assistant(
    app_config: AppConfig, anonymizer: Anonymizer, embedder: Embedder
) -> AsyncIterator[MakeAssistant]:
    """``await make_assistant(config=None, backend=None)``: a real Assistant with a real Store.

    With ``backend``, that (already constructed, not yet started) backend is started and used.
    """
    stores: list[Store] = []
    backends: list[LLMBackend] = []

    async def factory(
        config: AppConfig | None = None, backend: LLMBackend | None = None
    ) -> Assistant:
        cfg = config or app_config
        store = Store(cfg.storage.path)
        await store.open()
        stores.append(store)
        assistant = await build_assistant(
            cfg,
            store=store,
            anonymizer=anonymizer,
            with_llm=backend is None,
            embedder=embedder if cfg.embeddings == app_config.embeddings else None,
        )
        if backend is not None:
            await backend.start()
            assistant.backend = backend
        if assistant.backend is not None:
            backends.append(assistant.backend)
        return assistant

    yield factory
    for backend in backends:
        await backend.close()
    for store in stores:
        await store.close()


@pytest.fixture
def make_chat(app_config: AppConfig, make_assistant: MakeAssistant) -> MakeChat:
    """``await make_chat(config=None, backend=None)``: the service as the app builds it, on a
    real assistant from ``make_assistant``, driven like an adapter (tests.fakes.Chat)."""

    async def factory(config: AppConfig | None = None, backend: LLMBackend | None = None) -> Chat:
        cfg = config or app_config
        return Chat.of(await make_assistant(config=cfg, backend=backend), cfg)

    return factory


@pytest.fixture
def eval_dir() -> Iterator[Path]:
    if not EVAL_DIR.is_dir():
        pytest.fail(f"the shared eval sets are missing: {EVAL_DIR}")
    yield EVAL_DIR


@pytest.fixture
async def emulator() -> AsyncIterator[BotAPIEmulator]:
    """The Bot API emulator on 127.0.0.1, for the Telegram tests."""
    from tests.telegram_emulator import BotAPIEmulator
    from tests.telegram_support import TOKEN

    emu = BotAPIEmulator(TOKEN)
    await emu.start()
    yield emu
    await emu.close()


@pytest.fixture(scope="session")
def triage() -> Triage:
    """The shipped red flags, for the table-driven triage test files (a module may define its
    own)."""
    return Triage.from_file(DATA_DIR / "red_flags.yaml")


def flag_level(triage: Triage, text: str) -> str | None:
    """The level the red flags alone give ``text`` after normalisation (None: no flag)."""
    result = triage.assess(normalize_text(text))
    return None if result is None else result.level
