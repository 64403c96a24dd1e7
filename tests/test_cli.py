"""The command line as a person or an eval script uses it."""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from bot.__main__ import main

from .conftest import CONFIG_PATH, REPO_ROOT


@pytest.fixture
def offline_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, str]:
    env = {
        "HEALTHBOT_LLM__ENABLED": "false",
        "HEALTHBOT_STORAGE__PATH": str(tmp_path / "data" / "cli.db"),
        "HEALTHBOT_LOGGING__LEVEL": "WARNING",
        "HEALTHBOT_PRIVACY__KEY_FILE": str(tmp_path / "keys" / "privacy.key"),
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return env


def test_ask_json_one_line_per_message(
    offline_env: dict[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [
        "What are the symptoms of flu?",
        "I want to kill myself",
        "Hi, I'm Sarah Mitchell, what does a high ferritin level mean?",
        "",
    ]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))
    assert main(["ask", "--json", "--config", str(CONFIG_PATH)]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(out) == len(lines)
    assert (out[0]["source"], out[0]["intent"]) == ("rule", "flu_symptoms")
    assert (out[1]["source"], out[1]["category"]) == ("emergency", "self_harm")
    assert out[2]["source"] == "fallback" and "<PERSON_1>" in out[2]["anonymized"]
    assert "Sarah" not in out[2]["anonymized"]
    assert out[3]["source"] == "fallback"
    for item in out:
        assert {"reply", "source", "intent", "category", "anonymized", "timings_ms"} <= set(item)
        assert "not medical advice" in item["reply"]


def test_anonymize_prints_entities(
    offline_env: dict[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "Call John Peterson on 555-867-5309"
    monkeypatch.setattr(sys, "stdin", io.StringIO(text + "\n"))
    assert main(["anonymize", "--config", str(CONFIG_PATH)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["anonymized"] == "Call <PERSON_1> on <PHONE_NUMBER_1>"
    found = {(e["type"], text[e["start"] : e["end"]]) for e in result["entities"]}
    assert found == {("PERSON", "John Peterson"), ("PHONE_NUMBER", "555-867-5309")}


def test_run_opens_the_terminal_chat_and_exits_cleanly(
    offline_env: dict[str, str], tmp_path: Path
) -> None:
    """`make run` without credentials: the console chat, ending cleanly at end of input."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"TELEGRAM_BOT_TOKEN", "MATRIX_PASSWORD", "MATRIX_ACCESS_TOKEN"}
    }
    env.update(offline_env)
    completed = subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        input="How much water should I drink each day?\n/privacy\n",
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env=env,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    out = completed.stdout
    assert out.startswith("healthbot:")
    assert "[rule]" in out and "What I keep" in out and "Goodbye." in out
    assert "How much water" not in completed.stderr
    # the key was made apart from the data, and both are the bot's alone (umask 077)
    for private in (tmp_path / "keys" / "privacy.key", tmp_path / "data" / "cli.db"):
        assert stat.S_IMODE(private.stat().st_mode) == 0o600, private.name
