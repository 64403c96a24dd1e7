"""Outgoing Matrix traffic: replies (m.notice), chart images, typing and read receipts.

Sends retry a bounded number of times with back-off when the homeserver is unreachable or
answers 5xx; nio itself waits out ``M_LIMIT_EXCEEDED`` for ``retry_after_ms``.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import logging
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
from nio import AsyncClient, MatrixRoom, RoomMessage, RoomSendResponse, UploadResponse
from nio.exceptions import OlmTrustError, SendRetryError

from adapters.matrix_crypto import prepare_encrypted_send, trust_room_devices
from adapters.matrix_events import image_content, notice_content, post_content, thread_root
from adapters.text_split import split_text
from assistant.messages import Attachment, Delivery, Response

log = logging.getLogger(__name__)

SEND_ATTEMPTS = 6
SEND_BACKOFF_S = 1.0
# Synapse refuses events over 64 KiB; stay well below with the HTML copy included.
MAX_REPLY_CHARS = 16_000
TYPING_TIMEOUT_MS = 30_000
TYPING_DELAY_S = 0.3
_RETRYABLE = (aiohttp.ClientError, OSError, TimeoutError, SendRetryError)


class MatrixSender:
    def __init__(self, client: AsyncClient, trust_policy: str) -> None:
        self.client = client
        self.trust_policy = trust_policy

    async def send_response(self, room: MatrixRoom, event: RoomMessage, response: Response) -> bool:
        content = event.source.get("content", {})
        thread = thread_root(content)
        sent = True
        for part in split_text(response.reply.text, MAX_REPLY_CHARS):
            body = notice_content(part, event_id=event.event_id, thread=thread, sender=event.sender)
            sent = await self.send(room, body) and sent
        for attachment in response.attachments:
            sent = await self._send_attachment(room, event, attachment, thread) and sent
        return sent

    async def deliver(self, room: MatrixRoom, text: str, key: str | None) -> Delivery:
        """A message nobody asked for just now (the handoff's relay), in parts if long."""
        for index, part in enumerate(split_text(text, MAX_REPLY_CHARS)):
            content = post_content(part, thread=None, reply_to=None)
            txn_id = f"{key}-{index}" if key is not None else None
            event_id, refused = await self.send_event(room, content, txn_id)
            if refused:
                return Delivery.REFUSED
            if event_id is None:
                return Delivery.FAILED
        return Delivery.DELIVERED

    async def _send_attachment(
        self, room: MatrixRoom, event: RoomMessage, attachment: Attachment, thread: str | None
    ) -> bool:
        encrypt = room.encrypted and self.client.olm is not None
        for attempt in range(SEND_ATTEMPTS):
            try:
                answer, keys = await self.client.upload(
                    io.BytesIO(attachment.data),
                    content_type=attachment.mime_type,
                    filename=attachment.filename,
                    encrypt=encrypt,
                    filesize=len(attachment.data),
                )
            except _RETRYABLE as exc:
                reason = type(exc).__name__
            else:
                if isinstance(answer, UploadResponse):
                    content = image_content(
                        filename=attachment.filename,
                        mime_type=attachment.mime_type,
                        size=len(attachment.data),
                        content_uri=answer.content_uri,
                        file_keys=keys if encrypt else None,
                        event_id=event.event_id,
                        thread=thread,
                    )
                    return await self.send(room, content)
                reason = str(getattr(answer, "status_code", None) or "error")
            await self._back_off("upload", reason, attempt)
        return False

    async def send(self, room: MatrixRoom, content: dict[str, Any]) -> bool:
        """Send one m.room.message (encrypted when the room is); False once retries ran out."""
        return (await self.send_event(room, content))[0] is not None

    async def send_event(
        self, room: MatrixRoom, content: dict[str, Any], txn_id: str | None = None
    ) -> tuple[str | None, bool]:
        """(event id or None, whether the homeserver refused it for good). With ``txn_id``
        a send repeated after a restart lands once: the homeserver deduplicates it."""
        for attempt in range(SEND_ATTEMPTS):
            try:
                await prepare_encrypted_send(self.client, room, self.trust_policy)
                answer = await self.client.room_send(
                    room.room_id,
                    "m.room.message",
                    content,
                    tx_id=txn_id,
                    ignore_unverified_devices=self.trust_policy == "all",
                )
            except OlmTrustError as exc:
                if self.trust_policy == "tofu" and attempt == 0:
                    trust_room_devices(self.client, room, self.trust_policy)  # a device joined
                    continue
                log.error("matrix e2ee: not sending to unverified devices (%s)", type(exc).__name__)
                return None, False
            except _RETRYABLE as exc:
                reason = type(exc).__name__
            else:
                if isinstance(answer, RoomSendResponse):
                    return answer.event_id, False
                status = getattr(getattr(answer, "transport_response", None), "status", None)
                reason = f"{getattr(answer, 'status_code', None)} (HTTP {status})"
                if status is not None and status < 500:
                    log.error("matrix: the homeserver refused a message: %s", reason)
                    return None, True
            await self._back_off("send", reason, attempt)
        return None, False

    @staticmethod
    async def _back_off(what: str, reason: str, attempt: int) -> None:
        if attempt + 1 >= SEND_ATTEMPTS:
            log.error("matrix: %s failed for good: %s", what, reason)
            return
        wait = min(SEND_BACKOFF_S * 2**attempt, 15.0)
        log.warning("matrix: %s failed (%s); retrying in %.0f s", what, reason, wait)
        await asyncio.sleep(wait)

    async def read_receipt(self, room_id: str, event_id: str) -> None:
        with contextlib.suppress(*_RETRYABLE):
            await self.client.room_read_markers(room_id, event_id, event_id)

    async def _typing(self, room_id: str, on: bool) -> None:
        with contextlib.suppress(*_RETRYABLE):
            await self.client.room_typing(room_id, typing_state=on, timeout=TYPING_TIMEOUT_MS)

    @contextlib.asynccontextmanager
    async def typing(self, room_id: str) -> AsyncIterator[None]:
        """Show "typing…" while the body runs, once it runs longer than TYPING_DELAY_S.

        Fast answers (rules, commands) then cost no extra requests; a typing notice also
        wakes every member's sync, which would delay the reply that follows it.
        """
        shown = False

        async def show() -> None:
            nonlocal shown
            await asyncio.sleep(TYPING_DELAY_S)
            shown = True
            await self._typing(room_id, True)

        task = asyncio.create_task(show(), name="matrix-typing")
        try:
            yield
        finally:
            if not task.done():
                task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
            if shown:
                await self._typing(room_id, False)
