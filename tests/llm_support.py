"""Servers for the LLM tests: a real llama.cpp OpenAI-compatible server, and a small aiohttp
server that misbehaves on purpose (no real server fails on demand, so that one is ours).

Both listen on 127.0.0.1 only.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from aiohttp import web

from assistant.llm.bundled import bundled_path
from assistant.llm.models import available_cores, default_threads
from assistant.messages import Reply, Source, Unanswered

# Questions that no triage or rule answers, so they reach the LLM.
LLM_QUESTIONS = (
    "Why do my fingers go white in the cold?",
    "Is it normal for my ears to pop on a plane?",
    "Why do I get hiccups after fizzy drinks?",
    "What makes my eyelid twitch sometimes?",
)


def assert_checked_model_reply(reply: Reply, disclaimer: str) -> None:
    """A real model's answer reached the patient only through the answer check.

    Either it passed (source llm, no error) or the check rejected it and the patient got the
    vetted passage instead (source fallback, ``llm_rejected:<reason>``). Both name the topic.
    """
    assert reply.text.endswith(disclaimer)
    assert reply.llm is not None and reply.llm.completion_tokens > 0
    assert reply.intent is not None and "Based on: " in reply.text
    if reply.source is Source.LLM:
        assert reply.llm.error is None and reply.unanswered is None
    else:
        assert reply.source is Source.FALLBACK and reply.unanswered is Unanswered.REJECTED
        assert reply.llm.error is not None and reply.llm.error.startswith("llm_rejected:")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class LlamaServer:
    """``python -m llama_cpp.server`` serving the bundled SmolLM2 GGUF."""

    port: int
    process: subprocess.Popen[bytes]
    log_path: Path

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@contextlib.contextmanager
def llama_server(log_dir: Path, *, startup_timeout_s: float = 90.0) -> Iterator[LlamaServer]:
    model = bundled_path("bundled:smollm2")
    port = free_port()
    log_path = log_dir / "llama_server.log"
    # the same thread count as the in-process llama.cpp engine, for a fair comparison
    threads = str(default_threads(available_cores()))
    with log_path.open("wb") as log_file:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "llama_cpp.server",
                "--model",
                str(model),
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--n_ctx",
                "2048",
                "--n_threads",
                threads,
                "--n_threads_batch",
                threads,
                "--verbose",
                "False",
            ],
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
        server = LlamaServer(port=port, process=process, log_path=log_path)
        try:
            _wait_until_up(server, startup_timeout_s)
            yield server
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_until_up(server: LlamaServer, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(
                f"llama_cpp.server exited with {server.process.returncode}: "
                + server.log_path.read_text(errors="replace")[-2000:]
            )
        try:
            with urllib.request.urlopen(f"{server.base_url}/v1/models", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"llama_cpp.server did not answer within {timeout_s:.0f} s")


# -- a misbehaving OpenAI-compatible server --------------------------------------------------

FAULT_MODES = ("500", "429", "hang", "close", "notjson", "empty", "nochoices", "401")


@dataclass
class FaultServer:
    """Each mode lives under its own prefix: ``{base}/{mode}/v1/chat/completions``.

    ``switch`` behaves like ``switch_mode`` says at the time of the request, so a test can
    let a server fail and then recover.
    """

    port: int = 0
    hits: Counter[str] = field(default_factory=Counter)
    switch_mode: str = "500"
    retry_after: str = "0.1"
    runner: web.AppRunner | None = None

    def url(self, mode: str, kind: str = "chat") -> str:
        path = "v1/chat/completions" if kind == "chat" else "v1/completions"
        return f"http://127.0.0.1:{self.port}/{mode}/{path}"

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/{mode}/v1/chat/completions", self._handle)
        app.router.add_post("/{mode}/v1/completions", self._handle)
        # handler_cancellation: a hanging handler ends when the client goes away.
        self.runner = web.AppRunner(app, handler_cancellation=True)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None
        self.port = int(server.sockets[0].getsockname()[1])  # type: ignore[union-attr]

    async def stop(self) -> None:
        if self.runner is not None:
            await self.runner.cleanup()

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        mode = request.match_info["mode"]
        self.hits[mode] += 1
        body = await request.json()
        chat = request.path.endswith("/chat/completions")
        if mode == "switch":
            mode = self.switch_mode
        if mode == "500":
            return web.json_response({"error": "internal"}, status=500)
        if mode == "401":
            return web.json_response({"error": "bad key"}, status=401)
        if mode == "429":
            return web.json_response(
                {"error": "slow down"}, status=429, headers={"Retry-After": self.retry_after}
            )
        if mode == "hang":
            await asyncio.sleep(3600)
        if mode == "close":
            assert request.transport is not None
            request.transport.close()
            await asyncio.sleep(3600)
        if mode == "notjson":
            return web.Response(text="<html>Bad gateway</html>", content_type="text/html")
        if mode == "nochoices":
            return web.json_response({"choices": []})
        text = (
            "" if mode == "empty" else "Cold makes the small blood vessels in the fingers narrow."
        )
        choice = (
            {"index": 0, "message": {"role": "assistant", "content": text}}
            if chat
            else {"index": 0, "text": text}
        )
        choice["finish_reason"] = "stop"
        usage = {"prompt_tokens": 40, "completion_tokens": 12 if text else 0}
        assert body.get("max_tokens"), "the backend always sends max_tokens"
        return web.json_response({"choices": [choice], "usage": usage})
