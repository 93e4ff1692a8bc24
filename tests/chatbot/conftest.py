"""Fixtures for the chatbot: the real Rasa server and action server, started against a live portal."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RASA_SH = ROOT / "scripts" / "rasa.sh"
VENV_RASA = ROOT / ".venv-rasa" / "bin" / "rasa"
# Ports of the test instance, apart from `make run`'s 5005/5055 (another pair for a parallel run).
TEST_RASA_PORT = int(os.environ.get("CHATBOT_TEST_RASA_PORT", "5105"))
TEST_ACTIONS_PORT = TEST_RASA_PORT + 50


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "rasa: needs .venv-rasa (scripts/rasa.sh install); runs the real Rasa")


def require_rasa() -> None:
    if not VENV_RASA.exists():
        pytest.skip(".venv-rasa is missing: run `scripts/rasa.sh install` (make test does)")


def rasa_sh(*args: str, env: dict[str, str] | None = None, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(RASA_SH), *args],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture(scope="module")
def rasa_servers(live_server) -> Iterator[str]:
    """Rasa (REST channel) and the action server, whose actions call the live portal's API."""
    require_rasa()
    env = {
        "RASA_PORT": str(TEST_RASA_PORT),
        "RASA_ACTIONS_PORT": str(TEST_ACTIONS_PORT),
        "RASA_RUN_DIR": str(ROOT / "var" / f"rasa-test-{TEST_RASA_PORT}"),
        "PORTAL_API_URL": live_server.url,
    }
    try:
        started = rasa_sh("start", env=env)
        assert started.returncode == 0, started.stdout + started.stderr
        yield f"http://127.0.0.1:{TEST_RASA_PORT}"
    finally:
        rasa_sh("stop", env=env, timeout=60)
