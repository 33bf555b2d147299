"""The installed `studytorch` command in a real terminal: tmux at 80x24, keys as a learner types.

Nothing is faked: the venv's entry-point script starts the app, the app starts its kernel, and
what the test reads is what tmux drew. Each test has its own tmux server (`-L`), so nothing
touches a tmux the developer is using, and the server is killed whatever happens.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import psutil
import pytest

from conftest import live_kernels

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.kernel,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

STUDYTORCH = Path(sys.executable).parent / "studytorch"
WIDTH, HEIGHT = 80, 24


class Tmux:
    """One private tmux server running one command in one pane."""

    def __init__(self, env: dict[str, str]) -> None:
        self.socket = f"studytorch-test-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.env = env

    def __call__(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args],
            capture_output=True,
            text=True,
            env=self.env,
            timeout=30,
            check=False,
        )
        if check and done.returncode != 0:
            raise AssertionError(f"tmux {' '.join(args)} failed: {done.stderr.strip()}")
        return done.stdout

    def start(self, command: list[str]) -> int:
        """Start the command in a detached WIDTHxHEIGHT session; the pane's process id."""
        env_args = [
            arg for key in ("STUDYTORCH_HOME", "TMPDIR") for arg in ("-e", f"{key}={self.env[key]}")
        ]
        self("new-session", "-d", "-x", str(WIDTH), "-y", str(HEIGHT), *env_args, *command)
        return int(self("display-message", "-p", "#{pane_pid}").strip())

    def screen(self) -> str:
        return self("capture-pane", "-p", check=False)

    def keys(self, *keys: str) -> None:
        self("send-keys", *keys)

    def wait_for(self, condition: Callable[[str], bool], what: str, timeout: float = 30) -> str:
        """Poll the screen until `condition(screen)`; fail showing the last screen."""
        deadline = time.monotonic() + timeout
        while True:
            text = self.screen()
            if condition(text):
                return text
            if time.monotonic() > deadline:
                raise AssertionError(f"no {what} after {timeout:.0f} s; the screen was:\n{text}")
            time.sleep(0.1)

    def kill(self) -> None:
        self("kill-server", check=False)
        # tmux leaves its socket file behind; it is ours, so it goes too.
        folder = Path(self.env.get("TMUX_TMPDIR") or "/tmp") / f"tmux-{os.getuid()}"
        (folder / self.socket).unlink(missing_ok=True)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    path = tmp_path / "home"
    path.mkdir()
    return path


@pytest.fixture
def tmp(tmp_path: Path) -> Path:
    """TMPDIR of the app, so its kernel's private folder (connection file, sockets) lands here."""
    path = tmp_path / "tmp"
    path.mkdir()
    return path


@pytest.fixture
def tmux(home: Path, tmp: Path) -> Iterator[Tmux]:
    env = {**os.environ, "STUDYTORCH_HOME": str(home), "TMPDIR": str(tmp), "TERM": "xterm-256color"}
    env.pop("TMUX", None)  # a tmux inside the developer's tmux is still a separate server
    server = Tmux(env)
    try:
        yield server
    finally:
        server.kill()


def kernels_of(home: Path) -> list[psutil.Process]:
    """Live ipykernel processes started for this test's data dir."""
    return live_kernels(lambda proc: proc.environ().get("STUDYTORCH_HOME") == str(home))


def tensor_row(name: str, shape: str) -> re.Pattern[str]:
    """A row of the Tensors table, e.g. `y   (2, 3)   int64` (device and grad further right)."""
    return re.compile(rf"(?:^|\s){name}\s+{re.escape(shape)}\s+int64\b", re.MULTILINE)


def test_installed_command_runs_a_lesson_and_quits_without_leaving_a_kernel(
    tmux: Tmux, home: Path
) -> None:
    assert STUDYTORCH.is_file(), f"the venv has no studytorch script at {STUDYTORCH}"
    pane = tmux.start([str(STUDYTORCH), "--lesson", "shape-ops", "--lang", "en", "--device", "cpu"])

    tmux.wait_for(lambda s: "view: same numbers" in s, "lesson screen")
    tmux.wait_for(lambda s: "kernel ready" in s, "'kernel ready' in the status line", 90)
    assert kernels_of(home), "the app's kernel should be running while the app is open"

    tmux.keys("F5")
    screen = tmux.wait_for(lambda s: "[3, 4, 5]])" in s and "last run" in s, "run output", 30)
    assert "tensor([[0, 1, 2]," in screen
    tmux.wait_for(lambda s: "Check failed" in s, "check verdict in the status line")

    tmux.keys("C-t")  # a run shows Output; the next tab is Tensors
    screen = tmux.wait_for(lambda s: tensor_row("y", "(2, 3)").search(s), "y (2, 3) in Tensors")
    assert tensor_row("x", "(6,)").search(screen)

    tmux.keys("C-q")
    deadline = time.monotonic() + 15
    while psutil.pid_exists(pane) and time.monotonic() < deadline:
        try:
            if psutil.Process(pane).status() == psutil.STATUS_ZOMBIE:
                break
        except psutil.NoSuchProcess:
            break
        time.sleep(0.1)
    assert not _alive(pane), "studytorch did not exit on Ctrl+Q"

    deadline = time.monotonic() + 5
    while kernels_of(home) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [f"{p.pid}: {' '.join(p.cmdline())}" for p in kernels_of(home)]
    assert not left, "kernels outlived the app:\n" + "\n".join(left)


def _alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def test_closing_the_terminal_ends_the_app_and_its_kernel(
    tmux: Tmux, home: Path, tmp: Path
) -> None:
    """The learner closes the window or the SSH connection drops: tmux hangs up on the app."""
    pane = tmux.start([str(STUDYTORCH), "--lesson", "shape-ops", "--lang", "en", "--device", "cpu"])
    tmux.wait_for(lambda s: "kernel ready" in s, "'kernel ready' in the status line", 90)
    assert kernels_of(home)
    assert list(tmp.glob("studytorch-*")), "the kernel's private folder should be under TMPDIR"

    tmux.kill()  # SIGHUP to the pane's process, as when a terminal closes
    deadline = time.monotonic() + 15
    while (_alive(pane) or kernels_of(home)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(pane), "studytorch kept running after its terminal closed"
    left = [f"{p.pid}: {' '.join(p.cmdline())}" for p in kernels_of(home)]
    assert not left, "kernels outlived the closed terminal:\n" + "\n".join(left)

    # The app turned SIGHUP into a normal exit, so its cleanup ran: no connection folder left.
    assert not list(tmp.glob("studytorch-*")), "the kernel's private folder was left behind"


def test_f5_right_after_typing_runs_the_text_on_screen(tmux: Tmux, home: Path) -> None:
    """Keys typed just before F5 arrive with it in one burst: the run includes them."""
    tmux.start([str(STUDYTORCH), "--lesson", "shape-ops", "--lang", "en", "--device", "cpu"])
    tmux.wait_for(lambda s: "kernel ready" in s, "'kernel ready' in the status line", 90)
    # One tmux command: the keys and F5 reach the app together, as from a fast typist.
    tmux.keys("C-a", "print('TYPED', 'LAST')", "Enter", "F5")
    # The run's output ends with "■ done · N ms" (or how it failed).
    screen = tmux.wait_for(lambda s: "■ " in s, "the run's end", 30)
    assert "TYPED LAST" in screen, screen


def test_an_exploding_loss_run_twice_keeps_the_app_and_draws_the_curve(tmux: Tmux) -> None:
    """Lesson "monitoring", step 3 (exploding gradients): F5, then F5 again. The first run's
    inf and nan are drawn under the second's; plotext once took the app down here."""
    pane = tmux.start(
        [str(STUDYTORCH), "--lesson", "monitoring", "--lang", "en", "--device", "cpu"]
    )
    tmux.wait_for(lambda s: "kernel ready" in s, "'kernel ready' in the status line", 90)
    tmux.keys("C-n")
    tmux.keys("C-n")
    tmux.wait_for(lambda s: "xploding" in s, "the clip-grad step")
    for _ in range(2):
        tmux.keys("F5")
        time.sleep(0.3)
        tmux.wait_for(lambda s: "■ " in s and "loss:" in s, "the run's end", 60)
    screen = tmux.screen()
    assert _alive(pane), "the app exited:\n" + screen
    assert "Traceback" not in screen and "Date Form" not in screen
    for _ in range(6):  # to the Curve pane
        tmux.keys("C-t")
        screen = tmux.screen()
        if "loss " in screen and "steps)" in screen:
            break
        time.sleep(0.3)
    screen = tmux.wait_for(lambda s: "(50 steps)" in s, "the curve's legend")
    assert _alive(pane) and "could not be drawn" not in screen, screen
