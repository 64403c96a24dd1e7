"""What the Matrix adapter keeps in the storage database: the login and the sync position.

- The login: ``MATRIX_ACCESS_TOKEN`` is used as given; otherwise a ``MATRIX_PASSWORD`` login
  creates a device whose access token and id are kept and reused on later starts, so the
  device's encryption keys stay valid.
- The sync position: each sync's ``next_batch`` token is saved once the sync's messages are
  recorded in the intake table (:mod:`assistant.intake`), which replays the unanswered ones
  on the next start and drops events a sync fetched again returns. A restart resumes from
  the saved token: nothing is answered twice and nothing sent meanwhile is missed.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
from collections.abc import Mapping
from pathlib import Path

from nio import AsyncClient

from adapters.matrix_settings import ACCESS_TOKEN_ENV, PASSWORD_ENV, MatrixSettings
from assistant.errors import AdapterError
from assistant.storage import Store
from assistant.urls import mask_url_credentials

log = logging.getLogger(__name__)


def keep_store_private(store_dir: Path) -> None:
    """The e2ee key store (pickled with nio's default passphrase): folder 0700, files 0600,
    whatever the umask made them. The login itself (the access token) is in the storage
    database, which is 0600 as well (assistant.storage)."""
    store_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(store_dir, 0o700)
    for path in store_dir.iterdir():
        if path.is_file():
            with contextlib.suppress(PermissionError):
                os.chmod(path, 0o600)


class MatrixState:
    """Key/value state under ``matrix:<user id>:``; in memory only when there is no store."""

    def __init__(self, store: Store | None, user_id: str) -> None:
        self.store = store
        self.prefix = f"matrix:{user_id}:"
        self._memory: dict[str, str] = {}

    async def get(self, name: str) -> str | None:
        if self.store is None:
            return self._memory.get(name)
        return await self.store.get_state(self.prefix + name)

    async def set(self, name: str, value: str) -> None:
        if self.store is None:
            self._memory[name] = value
            return
        # Shielded: a stop that cancels the sync mid-write must not leave it uncommitted.
        await asyncio.shield(self.store.set_state(self.prefix + name, value))


async def _token_owner(client: AsyncClient, token: str) -> tuple[str, str | None] | None:
    """(user id, device id) when the homeserver accepts the token, else None."""
    client.access_token = token
    answer = await client.whoami()
    client.access_token = ""
    if hasattr(answer, "user_id"):
        return answer.user_id, answer.device_id
    log.warning("matrix: access token refused: %s", getattr(answer, "status_code", "?"))
    return None


async def login(
    client: AsyncClient, settings: MatrixSettings, environ: Mapping[str, str], state: MatrixState
) -> None:
    """Log ``client`` in from the environment or the kept session; AdapterError says why not."""
    env_token = environ.get(ACCESS_TOKEN_ENV, "")
    if env_token:
        owner = await _token_owner(client, env_token)
        if owner is None:
            homeserver = mask_url_credentials(settings.homeserver)
            raise AdapterError(f"MATRIX_ACCESS_TOKEN was refused by {homeserver}")
        user_id, device_id = owner
        if device_id is None:
            raise AdapterError("MATRIX_ACCESS_TOKEN has no device id; log in with MATRIX_PASSWORD")
        client.restore_login(user_id, device_id, env_token)
        return
    stored = json.loads(await state.get("session") or "null")
    if stored and await _token_owner(client, stored["access_token"]) is not None:
        client.restore_login(stored["user_id"], stored["device_id"], stored["access_token"])
        return
    password = environ.get(PASSWORD_ENV, "")
    if not password:
        raise AdapterError(
            "the Matrix adapter needs MATRIX_ACCESS_TOKEN or MATRIX_PASSWORD in the environment"
        )
    answer = await client.login(password, device_name=settings.device_name)
    if not hasattr(answer, "access_token"):
        raise AdapterError(
            f"Matrix login as {settings.user_id} failed: "
            f"{getattr(answer, 'status_code', '?')} {getattr(answer, 'message', '')}"
        )
    session = {
        "user_id": answer.user_id,
        "device_id": answer.device_id,
        "access_token": answer.access_token,
    }
    await state.set("session", json.dumps(session))
    log.info("matrix: logged in as a new device %s", answer.device_id)


class SyncProgress:
    """The saved sync token (the intake has recorded every message before it)."""

    def __init__(self, state: MatrixState) -> None:
        self.state = state
        self.saved_token: str | None = None

    async def load(self) -> str | None:
        """The saved token (None on the very first start)."""
        self.saved_token = await self.state.get("next_batch")
        return self.saved_token

    async def save(self, token: str) -> None:
        if token == self.saved_token:
            return
        self.saved_token = token
        await self.state.set("next_batch", token)
