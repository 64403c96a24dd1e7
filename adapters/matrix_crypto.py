"""End-to-end encryption for the Matrix adapter: the dependency check, the device trust
policy, and messages that arrived before their keys.

Trust policy (``adapters.matrix.trust_policy``):

- ``tofu`` (default): trust on first use. Before the bot replies in an encrypted room, every
  device of every member of that room (a room the bot joined on an allowed invite and that
  passes the room allow-list) which the bot has not seen before is marked verified. nio keeps
  each device's keys in the store; a device that later shows up with *different* keys under
  the same id is refused by nio and never receives room keys.
- ``all``: send room keys to every device, verified or not, without marking any verified.
- ``none``: trust nobody automatically. The bot replies only in encrypted rooms whose devices
  an operator has verified in the key store; otherwise it logs the refusal and stays quiet.

The keys live in a SQLite store under ``adapters.matrix.store_dir``, named after the user and
device id, so a restart with the same device (kept in the storage database) decrypts as before.
"""

from __future__ import annotations

import importlib.util
import logging
import time
from dataclasses import dataclass, field

from nio import AsyncClient, MatrixRoom, MegolmEvent
from nio.exceptions import EncryptionError

from assistant.errors import AdapterError

log = logging.getLogger(__name__)

E2EE_INSTALL_HINT = (
    "adapters.matrix.e2ee is true but matrix-nio's encryption support is not installed: run "
    '`pip install "matrix-nio[e2e]"` (matrix-nio 0.26+ brings vodozemac, atomicwrites, '
    "cachetools and peewee; vodozemac has prebuilt wheels for Linux, macOS and Windows), or "
    "set adapters.matrix.e2ee: false"
)
# What nio's e2e extra installs; nio's own check looks at vodozemac only.
E2EE_MODULES = ("vodozemac", "peewee", "cachetools", "atomicwrites")
# How long an undecryptable message waits for its room key before it is given up.
PENDING_KEY_WAIT_S = 300.0


def check_e2ee_available() -> None:
    """Raise AdapterError naming exactly what to install when the e2e extra is missing."""
    missing = [name for name in E2EE_MODULES if importlib.util.find_spec(name) is None]
    if not missing:
        from nio.crypto import ENCRYPTION_ENABLED

        if ENCRYPTION_ENABLED:
            return
        missing = ["vodozemac"]
    raise AdapterError(f"{E2EE_INSTALL_HINT} (missing: {', '.join(missing)})")


def trust_room_devices(client: AsyncClient, room: MatrixRoom, policy: str) -> int:
    """Apply the trust policy to the room members' devices; returns how many were trusted."""
    if policy != "tofu" or client.olm is None:
        return 0
    trusted = 0
    for user_id in list(room.users):
        for device in client.device_store.active_user_devices(user_id):
            if device.verified or device.blacklisted or device.device_id == client.device_id:
                continue
            client.verify_device(device)
            trusted += 1
    if trusted:
        log.info("matrix e2ee: trusted %d new device(s) on first use", trusted)
    return trusted


async def prepare_encrypted_send(client: AsyncClient, room: MatrixRoom, policy: str) -> None:
    """Make sure members and their device keys are known, then apply the trust policy."""
    if client.olm is None or not room.encrypted:
        return
    if not room.members_synced:
        await client.joined_members(room.room_id)
    if client.should_query_keys:
        await client.keys_query()
    trust_room_devices(client, room, policy)


async def crypto_housekeeping(client: AsyncClient) -> None:
    """What nio's sync_forever does between syncs: to-device messages and key upkeep."""
    if client.olm is None:
        return
    await client.send_to_device_messages()
    if client.should_upload_keys:
        await client.keys_upload()
    if client.should_query_keys:
        await client.keys_query()
    if client.should_claim_keys:
        await client.keys_claim(client.get_users_for_key_claiming())


@dataclass
class PendingDecryption:
    """Encrypted messages whose room key had not arrived yet; retried after each sync."""

    events: dict[str, tuple[str, MegolmEvent, float]] = field(default_factory=dict)
    requested: set[str] = field(default_factory=set)

    def add(self, room_id: str, event: MegolmEvent) -> bool:
        """Queue the event; True when its session's key should be requested now."""
        self.events.setdefault(event.event_id, (room_id, event, time.monotonic()))
        if event.session_id in self.requested:
            return False
        self.requested.add(event.session_id)
        return True

    def retry(self, client: AsyncClient) -> list[tuple[str, object]]:
        """(room_id, decrypted event) for every queued event that can be read now."""
        ready: list[tuple[str, object]] = []
        now = time.monotonic()
        for event_id, (room_id, event, since) in list(self.events.items()):
            try:
                decrypted = client.decrypt_event(event)
            except EncryptionError:
                if now - since > PENDING_KEY_WAIT_S:
                    del self.events[event_id]
                    log.warning("matrix e2ee: gave up on a message whose key never arrived")
                continue
            del self.events[event_id]
            decrypted.room_id = room_id
            ready.append((room_id, decrypted))
        return ready
