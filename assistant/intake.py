"""At-least-once intake with exactly-once replies, for every platform.

An adapter hands each incoming platform event (a Telegram update, a Matrix event) to
:meth:`Intake.receive` *before* it tells the platform the event was received (Telegram's
``getUpdates`` offset, Matrix's sync token), and calls :meth:`Intake.done` once the reply is
sent. On start it asks :meth:`Intake.pending` for what a crash or a stop left unanswered and
answers it first, in arrival order. :meth:`Intake.receive` returns only ids never seen
before, so an event the platform delivers again (an unconfirmed Telegram batch, a Matrix sync
fetched again) is not answered twice.

Text at rest: a pending event is kept sealed with AES-256-GCM under a key that never lives in
the database (:func:`derive_key`, from a subkey of :class:`assistant.keys.PrivacyKey`), and its payload is cleared once answered. Only the event id
stays, as a tombstone, until :meth:`Intake.purge` removes it (``TOMBSTONE_KEEP_S``).
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from assistant.errors import StorageError
from assistant.storage import Store

log = logging.getLogger(__name__)

#: Telegram keeps an unconfirmed update for 24 hours; a tombstone outlives that.
TOMBSTONE_KEEP_S = 2 * 86_400
_NONCE_BYTES = 12
_KEY_INFO = b"healthbot intake v1"


def derive_key(secret: bytes) -> bytes:
    """The 256-bit intake key from a secret kept outside the database (HKDF-SHA256)."""
    if not secret:
        raise ValueError("the intake key needs a non-empty secret")
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_KEY_INFO).derive(secret)


class Sealer:
    """AES-256-GCM; the platform and event id are bound in as associated data, so a payload
    moved to another row does not open."""

    def __init__(self, key: bytes) -> None:
        self._aead = AESGCM(key)

    def seal(self, platform: str, event_id: str, data: bytes) -> bytes:
        nonce = os.urandom(_NONCE_BYTES)
        return nonce + self._aead.encrypt(nonce, data, _aad(platform, event_id))

    def open(self, platform: str, event_id: str, sealed: bytes) -> bytes:
        """The payload; :class:`StorageError` when the key is not the one it was sealed with."""
        nonce, body = sealed[:_NONCE_BYTES], sealed[_NONCE_BYTES:]
        try:
            return self._aead.decrypt(nonce, body, _aad(platform, event_id))
        except InvalidTag as exc:
            raise StorageError("a pending event does not open with this intake key") from exc


def _aad(platform: str, event_id: str) -> bytes:
    return f"{platform}\0{event_id}".encode()


@dataclass(frozen=True, slots=True)
class PendingEvent:
    event_id: str
    #: the adapter's own serialization of the event (decrypted)
    payload: bytes


class Intake:
    """One per running bot, shared by the adapters (rows are keyed by platform).

    Without a store (tests, the terminal chat) it only remembers ids in memory: duplicates
    within one run are still dropped, nothing survives a restart.
    """

    def __init__(self, store: Store | None, key: bytes) -> None:
        self.store = store
        self._sealer = Sealer(key)
        self._seen: set[tuple[str, str]] = set()

    async def receive(self, platform: str, events: Sequence[tuple[str, bytes]]) -> set[str]:
        """Record ``(event id, payload)`` pairs durably (one commit); returns the new ids.

        If the database cannot take them (a full disk), the events are still answered (the
        ids are kept in memory) and the error is logged: a reply matters more than replay.
        """
        if not events:
            return set()
        if self.store is None:
            return self._remember(platform, [event_id for event_id, _ in events])
        sealed = [(eid, self._sealer.seal(platform, eid, data)) for eid, data in events]
        try:
            # Shielded: a stop that cancels the caller must not leave the commit half done.
            new = await asyncio.shield(self.store.intake_add(platform, sealed))
        except StorageError as exc:
            log.error("intake: %s; answering without a replay record", exc)
            return self._remember(platform, [event_id for event_id, _ in events])
        self._seen.update((platform, eid) for eid in new)
        return new

    def _remember(self, platform: str, event_ids: list[str]) -> set[str]:
        new = {eid for eid in event_ids if (platform, eid) not in self._seen}
        self._seen.update((platform, eid) for eid in new)
        return new

    async def done(self, platform: str, event_id: str) -> None:
        """The reply to ``event_id`` is sent (or the event needs none): clear its payload."""
        if self.store is None:
            return
        try:
            await asyncio.shield(self.store.intake_done(platform, event_id))
        except StorageError as exc:
            log.error("intake: %s", exc)

    async def pending(self, platform: str) -> list[PendingEvent]:
        """What a crash or a stop left unanswered, oldest first.

        A payload that does not open (the key changed) cannot be answered: it is cleared and
        counted in the log, never retried forever.
        """
        if self.store is None:
            return []
        found: list[PendingEvent] = []
        unreadable = 0
        for event_id, sealed in await self.store.intake_pending(platform):
            self._seen.add((platform, event_id))
            try:
                found.append(PendingEvent(event_id, self._sealer.open(platform, event_id, sealed)))
            except StorageError:
                unreadable += 1
                await self.store.intake_done(platform, event_id)
        if unreadable:
            log.error(
                "intake: %d pending %s event(s) were sealed with another key and are dropped",
                unreadable,
                platform,
            )
        if found:
            log.info("intake: %d pending %s event(s) to answer first", len(found), platform)
        return found

    async def purge(self, now: float | None = None) -> int:
        """Forget tombstones older than TOMBSTONE_KEEP_S."""
        if self.store is None:
            return 0
        current = time.time() if now is None else now
        return await self.store.intake_purge(current - TOMBSTONE_KEEP_S)
