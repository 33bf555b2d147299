"""A kernel never outlives its owner: killed, or hung and then killed (issue: no orphans)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import psutil
import pytest

from conftest import subprocess_env

pytestmark = pytest.mark.kernel

OWNER = """
import asyncio, sys, threading, time
sys.path.insert(0, {tui!r})
from studytorch.kernel import KernelSession

async def main():
    session = KernelSession(device="cpu")
    await session.start()
    await session.ready()
    print(session.pid, flush=True)
    if {hang!r}:
        lock = threading.Lock()
        lock.acquire()
        lock.acquire()  # the main thread freezes, holding the loop
    await asyncio.sleep(600)

asyncio.run(main())
"""


@pytest.mark.parametrize("hang", [False, True], ids=["killed", "hung-then-killed"])
def test_the_kernel_exits_when_its_owner_is_killed(tmp_path, hang):
    tui = str(__import__("studytorch").__path__[0].rsplit("/studytorch", 1)[0])
    script = tmp_path / "owner.py"
    script.write_text(textwrap.dedent(OWNER.format(tui=tui, hang=hang)))
    owner = subprocess.Popen(
        [sys.executable, str(script)], stdout=subprocess.PIPE, text=True, env=subprocess_env()
    )
    try:
        kernel_pid = int(owner.stdout.readline())
        time.sleep(0.5)
        assert psutil.pid_exists(kernel_pid)
        os.kill(owner.pid, signal.SIGKILL)
        owner.wait(10)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and _alive(kernel_pid):
            time.sleep(0.1)
        assert not _alive(kernel_pid), "the kernel outlived its killed owner"
    finally:
        owner.kill()


def _alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def test_private_folders_of_dead_owners_are_removed_at_the_next_start(tmp_path, monkeypatch):
    from studytorch.kernel import launch

    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    orphan = tmp_path / "studytorch-orphan"
    orphan.mkdir()
    (orphan / "owner").write_text(str(dead.pid))
    mine = tmp_path / "studytorch-mine"
    mine.mkdir()
    (mine / "owner").write_text(str(os.getpid()))
    launch.remove_orphaned_folders()
    assert not orphan.exists()
    assert mine.exists()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["term", "hup"])
def test_a_headless_run_cleans_up_when_terminated(tmp_path, sig):
    from conftest import live_kernels, studytorch_cmd

    snippet = tmp_path / "loop.py"
    snippet.write_text(
        "import time\nprint('started', flush=True)\nwhile True:\n    time.sleep(0.05)\n"
    )
    temp = tmp_path / "tmp"
    temp.mkdir()
    cli = subprocess.Popen(
        [*studytorch_cmd("run", str(snippet))],
        stdout=subprocess.PIPE,
        text=True,
        env=subprocess_env(TMPDIR=str(temp)),
    )
    try:
        assert "started" in cli.stdout.readline()
        kernels = live_kernels(lambda p: str(temp) in " ".join(p.info["cmdline"]))
        assert kernels
        cli.send_signal(sig)
        cli.wait(10)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and any(_alive(k.pid) for k in kernels):
            time.sleep(0.1)
        assert not any(_alive(k.pid) for k in kernels)
        assert list(temp.glob("studytorch-*")) == []
    finally:
        cli.kill()
