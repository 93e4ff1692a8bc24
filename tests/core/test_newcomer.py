"""A new machine: without Python 3.10 the Rasa install says once that the chatbot is off and how to
turn it on, and lets `make run` go on; `make help` names every target; the catalogue check reads
msgids the way gettext writes them."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent


def _without_python310(tmp_path: Path) -> dict[str, str]:
    """PATH with system tools only, a HOME without pyenv, and a .venv-rasa that does not exist."""
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path / "home"),
        "RASA_VENV": str(tmp_path / "venv-rasa"),
        "LANG": "C.UTF-8",
    }
    if shutil.which("python3.10", path=env["PATH"]):
        pytest.skip("this machine has python3.10 on the system PATH")
    return env


def test_rasa_install_without_python310_turns_the_chatbot_off_and_succeeds(tmp_path):
    env = _without_python310(tmp_path)
    install = subprocess.run(
        ["scripts/rasa.sh", "install"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert install.returncode == 0, install.stderr
    said = install.stdout + install.stderr
    assert said.count("Chatbot off") == 1
    assert said.count("pyenv install 3.10.13 && make run") == 1
    assert not Path(env["RASA_VENV"]).exists()

    start = subprocess.run(
        ["scripts/rasa.sh", "start", "--if-installed"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (start.returncode, start.stdout, start.stderr) == (0, "", "")

    required = subprocess.run(
        ["scripts/rasa.sh", "install"],
        cwd=ROOT,
        env={**env, "RASA_REQUIRED": "1"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert required.returncode == 1 and "Chatbot off" in required.stderr


def test_make_help_has_one_line_for_every_target():
    makefile = (ROOT / "Makefile").read_text()
    phony = set()
    for line in re.findall(r"^\.PHONY:((?:.*\\\n)*.*)$", makefile, re.MULTILINE):
        phony |= set(line.replace("\\\n", " ").split())
    phony.discard("help")
    shown = subprocess.run(["make", "-s", "help"], cwd=ROOT, capture_output=True, text=True, check=True)
    lines = shown.stdout.splitlines()
    named = [line.split()[1] for line in lines]
    assert sorted(named) == sorted(phony)
    assert all(line.startswith("make ") and len(line.split()) > 2 for line in lines)


def test_catalogue_check_reads_msgids_as_gettext_writes_them(tmp_path):
    spec = importlib.util.spec_from_file_location("check_messages", ROOT / "scripts" / "check-messages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"POT-Creation-Date: 2026-01-01 00:00+0000\\n"\n\n'
        '#: a.py:1\nmsgid "One"\nmsgstr "Unu"\n\n'
        '#: b.py:2\nmsgctxt "menu"\nmsgid ""\n"Long "\n"text"\nmsgstr "Text lung"\n\n'
        '#, python-format\nmsgid "%(n)s file"\nmsgid_plural "%(n)s files"\nmsgstr[0] "x"\nmsgstr[1] "y"\n\n'
        '#~ msgid "Gone"\n#~ msgstr "Dus"\n',
        encoding="utf-8",
    )
    assert module.msgids(po) == {
        ("", "One", ""),
        ("menu", "Long text", ""),
        ("", "%(n)s file", "%(n)s files"),
    }
