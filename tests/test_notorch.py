"""Review and export on a machine without torch: a second venv (`.ci/run` makes it) drives the
installed command, headless and in tmux. Skipped unless STUDYTORCH_NOTORCH_PYTHON names that
venv's python."""

from __future__ import annotations

import os
import re
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from test_e2e_tmux import Tmux

PYTHON = os.environ.get("STUDYTORCH_NOTORCH_PYTHON", "")
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not PYTHON, reason="set STUDYTORCH_NOTORCH_PYTHON to a venv without torch"),
]


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """The venv's own installed studytorch (no PYTHONPATH), a fresh data dir and temp dir."""
    (tmp_path / "home").mkdir()
    (tmp_path / "tmp").mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "TMUX")}
    return {
        **env,
        "STUDYTORCH_HOME": str(tmp_path / "home"),
        "TMPDIR": str(tmp_path / "tmp"),
        "TERM": "xterm-256color",
    }


@pytest.fixture
def tmux(env: dict[str, str]) -> Iterator[Tmux]:
    server = Tmux(env)
    try:
        yield server
    finally:
        server.kill()


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [PYTHON, *args], capture_output=True, text=True, timeout=120, env=env, check=False
    )
    assert done.returncode == 0, f"{args} failed:\n{done.stdout}\n{done.stderr}"
    return done


def due(env: dict[str, str]) -> int:
    lines = run(env, "-m", "studytorch", "review", "--due", "shape-ops").stdout.splitlines()
    match = re.fullmatch(r"(\d+) due", lines[-1])
    assert match, lines
    return int(match[1])


def test_the_venv_really_has_no_torch(env) -> None:
    done = subprocess.run([PYTHON, "-c", "import torch"], capture_output=True, env=env)
    assert done.returncode != 0


def test_review_in_a_terminal_rates_a_card_and_one_fewer_is_due(env, tmux: Tmux) -> None:
    before = due(env)
    assert before >= 2
    tmux.start([PYTHON, "-m", "studytorch", "review", "shape-ops"])
    screen = tmux.wait_for(lambda s: f"{before} due" in s, "first card", timeout=60)
    # A predict card takes the prediction in an input, where Enter reveals; Space elsewhere.
    tmux.keys("Enter" if "Type what the last printed line" in screen else "Space")
    tmux.wait_for(lambda s: "How well did you know it?" in s, "the answer")
    tmux.keys("3")
    tmux.wait_for(lambda s: f"{before - 1} due" in s, "one card fewer in the bar")
    tmux.keys("C-q")
    tmux.wait_for(lambda s: "Review ·" not in s, "the app to quit")
    assert due(env) == before - 1


def test_the_three_exports_write_files_that_open(env, tmp_path: Path) -> None:
    out = tmp_path / "out"
    for fmt in ("md", "ipynb", "apkg"):
        run(env, "-m", "studytorch", "export", "shape-ops", "--format", fmt, "--out", str(out))
    assert (out / "shape-ops.md").read_text().startswith("# ")
    check = "import nbformat, sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))"
    run(env, "-c", check, str(out / "shape-ops.ipynb"))
    with zipfile.ZipFile(out / "shape-ops.apkg") as package:
        assert "collection.anki2" in package.namelist()
        assert package.read("collection.anki2").startswith(b"SQLite format 3\0")
