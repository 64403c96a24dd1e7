"""`python -m bot run` as a real process for the crash tests: start, SIGKILL, SIGTERM."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
#: what every test process gets: the rules path only (no model to load), no monitoring port
BASE_ENV = {
    "HEALTHBOT_LLM__ENABLED": "false",
    "HEALTHBOT_MONITORING__ENABLED": "false",
    "HEALTHBOT_PRIVACY__HASH_SALT": "process-test-secret",
    "HEALTHBOT_LOGGING__LEVEL": "INFO",
}


def process_env(db: Path, **extra: str) -> dict[str, str]:
    """This environment without any healthbot or platform settings, plus ``extra``."""
    mine = ("HEALTHBOT_", "TELEGRAM_", "MATRIX_")
    env = {k: v for k, v in os.environ.items() if not k.startswith(mine)}
    return {**env, **BASE_ENV, "HEALTHBOT_STORAGE__PATH": str(db), **extra}


@dataclass
class BotProcess:
    process: asyncio.subprocess.Process
    output: asyncio.Task[bytes]

    @classmethod
    async def start(
        cls, env: dict[str, str], *args: str, wrapper: Sequence[str] = ()
    ) -> BotProcess:
        """``python -m bot run`` (or ``args``), under ``wrapper`` (a command prefix) if given."""
        process = await asyncio.create_subprocess_exec(
            *wrapper, sys.executable, "-m", "bot", "--config", str(REPO / "config.yaml"),
            *(args or ("run",)), cwd=REPO, env=env,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
        )  # fmt: skip
        assert process.stdout is not None
        return cls(process, asyncio.create_task(process.stdout.read()))

    async def kill(self) -> None:
        """SIGKILL: no handler, no flush, no goodbye."""
        self.process.send_signal(signal.SIGKILL)
        await self.process.wait()

    async def terminate(self, within_s: float = 60) -> int:
        self.process.send_signal(signal.SIGTERM)
        return await asyncio.wait_for(self.process.wait(), within_s)

    async def text(self) -> str:
        return (await self.output).decode(errors="replace")

    async def close(self) -> None:
        if self.process.returncode is None:
            await self.kill()
        await self.output
