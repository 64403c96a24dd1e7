"""A real Synapse homeserver for the Matrix tests and benchmark, on 127.0.0.1 only.

Synapse is installed from PyPI into its own virtualenv the first time it is needed (about
30 s, a 240 MB wheel) and reused afterwards; it never shares the project's venv because its
pinned dependencies would fight ours. The venv lives at ``$HEALTHBOT_SYNAPSE_VENV`` or
``<repo>/.venv-synapse`` (ignored by git, excluded from ruff).

Everything here is standard library plus PyYAML so that it runs in a sync, session-scoped
pytest fixture and in the Matrix benches (``bench/matrix_setup.py``).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import hmac
import json
import logging
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

log = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parent.parent
SYNAPSE_SPEC = "matrix-synapse>=1.100,<2"
SERVER_NAME = "localhost"
START_TIMEOUT_S = 90.0

# Every client-side rate limit Synapse has, raised so tests never wait on them. A test that
# wants M_LIMIT_EXCEEDED lowers one user's limit through the admin API instead.
_RELAXED = {"per_second": 1000, "burst_count": 1000}
RATE_LIMITS: dict[str, Any] = {
    "rc_message": _RELAXED,
    "rc_registration": _RELAXED,
    "rc_registration_token_validity": _RELAXED,
    "rc_login": {"address": _RELAXED, "account": _RELAXED, "failed_attempts": _RELAXED},
    "rc_admin_redaction": _RELAXED,
    "rc_joins": {"local": _RELAXED, "remote": _RELAXED},
    "rc_joins_per_room": _RELAXED,
    "rc_3pid_validation": _RELAXED,
    "rc_invites": {"per_room": _RELAXED, "per_user": _RELAXED, "per_issuer": _RELAXED},
    "rc_third_party_invite": _RELAXED,
    "rc_media_create": _RELAXED,
    "rc_key_requests": _RELAXED,
    "rc_room_creation": _RELAXED,
    "rc_reports": _RELAXED,
    "rc_presence": {"per_user": _RELAXED},
    "rc_delayed_event_mgmt": _RELAXED,
}


class SynapseError(RuntimeError):
    """Synapse could not be installed, started or asked something."""


def venv_dir() -> Path:
    return Path(os.environ.get("HEALTHBOT_SYNAPSE_VENV", REPO_ROOT / ".venv-synapse"))


def ensure_synapse_venv() -> Path:
    """Return the venv's python, creating the venv and installing Synapse when missing."""
    venv = venv_dir()
    python = venv / "bin" / "python"
    stamp = venv / ".stamp-synapse"
    if stamp.exists() and stamp.read_text() == SYNAPSE_SPEC and python.exists():
        return python
    venv.parent.mkdir(parents=True, exist_ok=True)
    lock_path = Path(tempfile.gettempdir()) / "healthbot-synapse-venv.lock"
    with lock_path.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another test process may be installing it now
        if stamp.exists() and stamp.read_text() == SYNAPSE_SPEC and python.exists():
            return python
        started = time.monotonic()
        base = getattr(sys, "_base_executable", sys.executable)
        _run([base, "-m", "venv", str(venv)])
        _run(
            [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", SYNAPSE_SPEC]
        )
        stamp.write_text(SYNAPSE_SPEC)
        log.info("installed Synapse in %s in %.0f s", venv, time.monotonic() - started)
    return python


def _run(command: list[str], cwd: Path | None = None) -> None:
    result = subprocess.run(command, capture_output=True, text=True, check=False, cwd=cwd)
    if result.returncode != 0:
        raise SynapseError(f"{' '.join(command)} failed:\n{result.stderr[-2000:]}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class RegisteredUser:
    user_id: str
    password: str
    access_token: str
    device_id: str


class SynapseServer:
    """One homeserver process in ``workdir``; stop and start keep its database."""

    def __init__(self, workdir: Path, port: int | None = None) -> None:
        self.workdir = Path(workdir)
        self.port = port or free_port()
        self.python = ensure_synapse_venv()
        self.config_path = self.workdir / "homeserver.yaml"
        self.process: subprocess.Popen[bytes] | None = None
        self._shared_secret = ""
        self._admin: RegisteredUser | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # -- lifecycle -------------------------------------------------------------------

    def write_config(self) -> None:
        data_dir = self.workdir / "data"
        data_dir.mkdir(parents=True, exist_ok=True)
        generate = [
            str(self.python), "-m", "synapse.app.homeserver",
            "--server-name", SERVER_NAME,
            "--config-path", str(self.config_path),
            "--data-directory", str(data_dir),
            "--generate-config", "--report-stats=no",
        ]  # fmt: skip
        _run(generate, cwd=self.workdir)  # the log config puts homeserver.log in the cwd
        config = yaml.safe_load(self.config_path.read_text())
        self._shared_secret = secrets.token_hex(16)
        config.update(
            {
                "listeners": [
                    {
                        "port": self.port,
                        "bind_addresses": ["127.0.0.1"],
                        "type": "http",
                        "tls": False,
                        "x_forwarded": False,
                        "resources": [{"names": ["client"], "compress": False}],
                    }
                ],
                "registration_shared_secret": self._shared_secret,
                "trusted_key_servers": [],
                "suppress_key_server_warning": True,
                "presence": {"enabled": False},
                "url_preview_enabled": False,
                "enable_metrics": False,
                "report_stats": False,
                # Password hashing is most of a login's cost; tests need no strong hashes.
                "bcrypt_rounds": 4,
                **RATE_LIMITS,
            }
        )
        self.config_path.write_text(yaml.safe_dump(config))

    def start(self) -> None:
        if not self.config_path.exists():
            self.write_config()
        elif not self._shared_secret:
            self._shared_secret = yaml.safe_load(self.config_path.read_text())[
                "registration_shared_secret"
            ]
        if self.process is not None and self.process.poll() is None:
            return
        log_file = (self.workdir / "synapse.out").open("ab")
        started = time.monotonic()
        self.process = subprocess.Popen(
            [str(self.python), "-m", "synapse.app.homeserver", "-c", str(self.config_path)],
            cwd=self.workdir,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log_file.close()
        deadline = started + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SynapseError(f"Synapse exited with {self.process.returncode}: {self._tail()}")
            versions = f"{self.url}/_matrix/client/versions"
            with contextlib.suppress(OSError), urllib.request.urlopen(versions, timeout=2):
                log.info("Synapse up on port %d in %.1f s", self.port, time.monotonic() - started)
                return
            time.sleep(0.1)
        self.stop()
        raise SynapseError(f"Synapse did not answer within {START_TIMEOUT_S:.0f} s: {self._tail()}")

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)

    def restart(self) -> None:
        self.stop()
        self.start()

    def is_running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def _tail(self) -> str:
        path = self.workdir / "synapse.out"
        return path.read_text(errors="replace")[-3000:] if path.exists() else "(no output)"

    # -- admin API -------------------------------------------------------------------

    def request(
        self, method: str, path: str, body: dict[str, Any] | None = None, token: str | None = None
    ) -> dict[str, Any]:
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.url + path, data, headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                answer: dict[str, Any] = json.loads(response.read() or b"{}")
                return answer
        except urllib.error.HTTPError as exc:
            raise SynapseError(f"{method} {path}: {exc.code} {exc.read()[:500]!r}") from exc

    def register(
        self, localpart: str, password: str | None = None, admin: bool = False
    ) -> RegisteredUser:
        """Register through the shared-secret admin API (no open registration needed)."""
        password = password or secrets.token_hex(12)
        nonce = self.request("GET", "/_synapse/admin/v1/register")["nonce"]
        # The MAC covers the fields joined by NUL bytes.
        fields = [nonce, localpart, password, "admin" if admin else "notadmin"]
        mac = hmac.new(self._shared_secret.encode(), "\x00".join(fields).encode(), hashlib.sha1)
        body = {
            "nonce": nonce,
            "username": localpart,
            "password": password,
            "admin": admin,
            "mac": mac.hexdigest(),
        }
        answer = self.request("POST", "/_synapse/admin/v1/register", body)
        return RegisteredUser(
            answer["user_id"], password, answer["access_token"], answer["device_id"]
        )

    def admin(self) -> RegisteredUser:
        if self._admin is None:
            self._admin = self.register(f"admin-{secrets.token_hex(4)}", admin=True)
        return self._admin

    def set_message_rate_limit(self, user_id: str, per_second: int, burst: int) -> None:
        """Give one user a tight rc_message limit (the admin override API)."""
        path = f"/_synapse/admin/v1/users/{urllib.parse.quote(user_id)}/override_ratelimit"
        body = {"messages_per_second": per_second, "burst_count": burst}
        self.request("POST", path, body, token=self.admin().access_token)

    def clear_message_rate_limit(self, user_id: str) -> None:
        path = f"/_synapse/admin/v1/users/{urllib.parse.quote(user_id)}/override_ratelimit"
        self.request("DELETE", path, token=self.admin().access_token)
