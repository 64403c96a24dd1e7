"""Peak memory of the Telegram webhook endpoint under a 90 MB body: ours against PTB's own.

    .venv/bin/python bench/webhook_body.py [--mb 90]

Each endpoint runs alone in a child process (adapters.telegram_webhook.WebhookServer, and
PTB's tornado WebhookServer that the adapter used before issue 15). The parent posts the body
twice, without the secret and with it, then the child prints its peak resident memory
(ru_maxrss) before and after. Exits 1 when ours grows by more than 10 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import sys
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
SECRET = "bench-secret"

CHILD = """
import asyncio, resource, sys
sys.path.insert(0, {root!r})
kind, port = sys.argv[1], int(sys.argv[2])

def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

async def main():
    if kind == "ours":
        from adapters.telegram_webhook import WebhookServer
        async def deliver(update):
            pass
        server = WebhookServer(listen="127.0.0.1", port=port, url_path="hook", secret={secret!r},
                               max_body_bytes=1_048_576, parse=lambda d: d, deliver=deliver)
        await server.start()
    else:
        from telegram import Bot
        from telegram.ext._utils.webhookhandler import WebhookAppClass, WebhookServer
        app = WebhookAppClass("/hook", Bot("1:x"), asyncio.Queue(), {secret!r})
        server = WebhookServer("127.0.0.1", port, app, None)
        await server.serve_forever()
    before = peak_mb()
    print("ready", flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
    print(f"{{before:.0f}} {{peak_mb():.0f}}", flush=True)

asyncio.run(main())
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def _post(url: str, body: bytes, secret: str | None) -> str:
    headers = {"Content-Type": "application/json"}
    if secret:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    try:
        async with (
            aiohttp.ClientSession() as session,
            session.post(url, data=body, headers=headers) as response,
        ):
            return str(response.status)
    except aiohttp.ClientError as exc:  # closed while the client still wrote: refused unread
        return f"closed ({type(exc).__name__})"


async def measure(kind: str, body: bytes) -> tuple[float, float, list[str]]:
    port = _free_port()
    code = CHILD.format(root=str(ROOT), secret=SECRET)
    child = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        code,
        kind,
        str(port),
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL,  # the endpoints' own log lines
    )
    assert child.stdout is not None
    ready = await child.stdout.readline()
    assert ready.strip() == b"ready", ready
    url = f"http://127.0.0.1:{port}/hook"
    statuses = [await _post(url, body, None), await _post(url, body, SECRET)]
    out, _ = await child.communicate(b"")
    before, after = (float(x) for x in out.split())
    return before, after, statuses


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=int, default=90)
    args = parser.parse_args()
    body = b"{" + b" " * (args.mb * 1_000_000) + b"}"
    print(f"a {args.mb} MB body, posted without the secret, then with it")
    growth = {}
    for kind, name in (("ptb", "PTB's tornado endpoint (before)"), ("ours", "ours (now)")):
        before, after, statuses = await measure(kind, body)
        growth[kind] = after - before
        print(f"  {name:32} peak RSS {before:.0f} -> {after:.0f} MB (+{after - before:.0f}); "
              f"answers: {', '.join(statuses)}")  # fmt: skip
    print(f"peak growth before/now: {growth['ptb']:.0f} MB / {growth['ours']:.0f} MB")
    return 1 if growth["ours"] > 10 else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
