"""Quitting never hangs and no kernel outlives its app: the installed command, many times over.

Each round launches `studytorch` on a lesson in tmux, presses F9 and F5 at random moments
(while the kernel starts, warms, boots its spare or runs), then leaves by Ctrl+Q, SIGHUP or
SIGTERM at a random moment. The app must be gone within the exit deadline, and within a moment
more no kernel of its data folder and no private folder of its own may be left.
"""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import psutil
import pytest

from conftest import live_kernels
from studytorch.exits import EXIT_DEADLINE_S
from test_e2e_tmux import STUDYTORCH, Tmux, home, tmp, tmux  # noqa: F401 - fixtures

pytestmark = pytest.mark.e2e

ROUNDS = 50


def app_process(pane_pid: int) -> psutil.Process:
    """The studytorch process in the pane (tmux may start it through a shell)."""
    pane = psutil.Process(pane_pid)
    for proc in [pane, *pane.children(recursive=True)]:
        if any("studytorch" in part for part in proc.cmdline()):
            return proc
    raise AssertionError("no studytorch process in the pane")


def gone(proc: psutil.Process) -> bool:
    try:
        return proc.status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


def leftovers(data: Path, temp: Path, pid: int) -> list[str]:
    """Kernels of the data folder `data`, and private folders in `temp` owned by `pid`."""
    found = [
        f"kernel {p.pid}"
        for p in live_kernels(lambda p: p.environ().get("STUDYTORCH_HOME") == str(data))
    ]
    for folder in temp.glob("studytorch-*"):
        owner = folder / "owner"
        if owner.is_file() and owner.read_text() == str(pid):
            found.append(f"folder {folder.name}")
    return found


def test_quitting_in_the_middle_of_anything_ends_in_time_and_leaves_nothing(
    tmux: Tmux,  # noqa: F811
    home: Path,  # noqa: F811
    tmp: Path,  # noqa: F811
) -> None:
    rng = random.Random(14)
    ways = ["ctrl+q", "hup", "term"]
    for round_number in range(ROUNDS):
        pane = tmux.start([str(STUDYTORCH), "--lesson", "shape-ops", "--lang", "en"])
        app = app_process(pane)
        for _ in range(rng.randint(0, 3)):
            time.sleep(rng.uniform(0.0, 0.8))
            tmux.keys(rng.choice(["F9", "F5", "F5"]))
        time.sleep(rng.uniform(0.0, 1.5))
        way = ways[round_number % len(ways)]
        if way == "ctrl+q":
            # A key typed before the app has the terminal is the terminal's (Ctrl+Q is XON).
            tmux.wait_for(lambda text: "f1" in text.lower(), "the app's first frame")
        asked = time.monotonic()
        if way == "ctrl+q":
            tmux.keys("C-q")
        else:
            os.kill(app.pid, signal.SIGHUP if way == "hup" else signal.SIGTERM)
        while not gone(app) and time.monotonic() - asked < EXIT_DEADLINE_S + 1:
            time.sleep(0.05)
        took = time.monotonic() - asked
        assert gone(app), f"round {round_number} ({way}): the app still runs after {took:.1f} s"
        assert took <= EXIT_DEADLINE_S + 0.5, f"round {round_number} ({way}): {took:.1f} s"
        deadline = time.monotonic() + 3
        while leftovers(home, tmp, app.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        left = leftovers(home, tmp, app.pid)
        assert not left, f"round {round_number} ({way}) left {left}"
        tmux("kill-server", check=False)
