"""An interactive chat in the terminal: what `make run` opens without platform credentials."""

from __future__ import annotations

import asyncio
import contextlib
import sys
import threading
from typing import TextIO

from adapters.base import Adapter, AdapterContext
from adapters.console_settings import ConsoleSettings
from assistant.messages import Command, Delivery, IncomingMessage, Response, Source

BANNER = (
    "healthbot: type a health question and press Enter. Commands: /help, /privacy, /new, "
    "/forget, /human (ask the clinic team), /cancel, /quit. Ctrl-C or Ctrl-D ends.\n"
)
_EOF = None
#: at the end of input, how long answers still being worked on may take
END_OF_INPUT_GRACE_S = 120.0


class ConsoleAdapter(Adapter[None]):
    name = "console"

    def __init__(
        self,
        context: AdapterContext,
        *,
        stdin: TextIO | None = None,
        stdout: TextIO | None = None,
    ) -> None:
        super().__init__(context)
        assert isinstance(context.settings, ConsoleSettings)
        self.settings = context.settings
        self._stdin = stdin or sys.stdin
        self._stdout = stdout or sys.stdout
        self._lines: asyncio.Queue[str | None] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        # A daemon thread reads stdin: a blocked readline must never hold up shutdown.
        reader = threading.Thread(
            target=self._read_lines, args=(loop,), name="console-stdin", daemon=True
        )
        reader.start()
        self._write(BANNER)
        self._prompt()
        self._task = asyncio.create_task(self._serve(), name="console-serve")

    def _read_lines(self, loop: asyncio.AbstractEventLoop) -> None:
        for line in self._stdin:
            loop.call_soon_threadsafe(self._lines.put_nowait, line)
        loop.call_soon_threadsafe(self._lines.put_nowait, _EOF)

    async def _serve(self) -> None:
        while True:
            line = await self._lines.get()
            if line is _EOF:
                break
            text = line.strip()
            if text in {"/quit", "/exit"}:
                break
            if text:
                # Answered through the dispatcher: an emergency typed while an earlier
                # answer is still being worked on is answered first.
                self.submit(self._translate(text), None)
            else:
                self._prompt()
        # Everything typed before the end is answered before saying goodbye.
        if not await self.dispatcher.drain(END_OF_INPUT_GRACE_S):
            await self.dispatcher.cancel()
        self._write("\nGoodbye.\n")
        self.context.request_shutdown()

    def _translate(self, text: str) -> IncomingMessage:
        command = None
        if text.startswith("/"):
            name, *args = text[1:].split() or [""]
            command = Command(name.lower(), tuple(args), prefix="/")
        return IncomingMessage(
            platform="console",
            chat_id="console",
            user_id=self.settings.user_id,
            text=text,
            command=command,
        )

    async def send(self, origin: None, response: Response) -> bool:
        reply = response.reply
        # Which stage answered, for people trying the bot out; commands need no label.
        label = "" if reply.source is Source.COMMAND else f"\n[{reply.source.value}]"
        self._write(f"\nbot> {reply.text}{label}\n\n")
        return True

    async def respond(self, origin: None, response: Response) -> bool:
        sent = await super().respond(origin, response)
        self._prompt()  # also after a silent (rate-limited) message: the user may type on
        return sent

    async def _deliver(self, chat_id: str, response: Response, key: str | None) -> Delivery:
        """The clinic team's reply (or a case update) while the chat is open."""
        if self._task is None:
            return Delivery.FAILED  # not running: it waits for the next terminal chat
        self._write(f"\n\nbot> {response.reply.text}\n\nyou> ")
        return Delivery.DELIVERED

    def _prompt(self) -> None:
        self._write("you> ")

    def _write(self, text: str) -> None:
        self._stdout.write(text)
        self._stdout.flush()

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        await self.dispatcher.cancel()
