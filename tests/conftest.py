"""Shared fixtures: a sandboxed data dir for every test, one warm kernel, and an orphan check.

Nothing here touches the learner's real data: `STUDYTORCH_HOME` points into pytest's tmp dirs
for the whole session (so module-scoped fixtures are covered too) and per test. `TMPDIR` points
there as well, so every kernel the tests start (in-process or through the CLI) keeps its
connection file under this session's tmp dir, which is how the orphan check recognises them.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import psutil
import pytest
import pytest_asyncio

from studytorch.kernel import Event, KernelSession

if TYPE_CHECKING:
    from textual.pilot import Pilot

    from studytorch.course.runner import StepRun

REPO = Path(__file__).resolve().parents[1]
BOOT = str(Path("studytorch", "kernel", "boot.py"))
"""The script our kernels run (an ipykernel with the probe loaded at start)."""
RUN_LIMIT_S = 90.0
"""No single run in a test may take longer than this: a hang fails the test instead."""
WAIT_S = 90.0
"""The longest any wait in a Pilot test may take before the test fails instead of hanging."""


def live_kernels(belongs: Callable[[psutil.Process], bool]) -> list[psutil.Process]:
    """Running (not zombie) ipykernel processes for which `belongs(proc)` holds."""
    found = []
    for proc in psutil.process_iter(["pid", "cmdline", "status"]):
        try:
            cmdline = proc.info["cmdline"] or []
            if proc.info["status"] == psutil.STATUS_ZOMBIE:
                continue
            kernel = any("ipykernel" in part or part.endswith(BOOT) for part in cmdline)
            if kernel and belongs(proc):
                found.append(proc)
        except psutil.Error:
            continue
    return found


def _kernels_of_this_session(marker: str) -> list[psutil.Process]:
    """ipykernel processes this test session started: our descendants, or kernels whose
    command line names a file under this session's tmp dir (CLI kernels outlive their CLI)."""
    mine = {p.pid for p in psutil.Process().children(recursive=True)}
    return live_kernels(
        lambda proc: proc.pid in mine or any(marker in part for part in proc.info["cmdline"])
    )


@pytest.fixture(scope="session", autouse=True)
def _sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Session-wide: data dir and temp dir inside pytest's tmp; at the end, no kernel survives."""
    base = tmp_path_factory.getbasetemp()
    root = tmp_path_factory.mktemp("sandbox")
    tmp = root / "tmp"
    tmp.mkdir()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("STUDYTORCH_HOME", str(root / "home"))
        mp.setenv("TMPDIR", str(tmp))
        mp.setattr(tempfile, "tempdir", None)  # recomputed from TMPDIR on next use
        yield tmp
    deadline = time.monotonic() + 5
    leftovers = _kernels_of_this_session(str(base))
    while leftovers and time.monotonic() < deadline:
        time.sleep(0.2)
        leftovers = _kernels_of_this_session(str(base))
    described = [f"{p.pid}: {' '.join(p.info['cmdline'] or [])}" for p in leftovers]
    for proc in leftovers:  # do not leave them behind even when failing
        with contextlib.suppress(psutil.NoSuchProcess):
            proc.kill()
    assert not described, "kernels outlived the tests:\n" + "\n".join(described)


@pytest.fixture(autouse=True)
def studytorch_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own empty data dir."""
    home = tmp_path / "studytorch-home"
    monkeypatch.setenv("STUDYTORCH_HOME", str(home))
    return home


@contextlib.asynccontextmanager
async def warm_session(device: str, log_dir: Path) -> AsyncIterator[KernelSession]:
    """A started kernel on `device`, ready to run, shut down afterwards."""
    session = KernelSession(device=device, log_dir=log_dir)
    try:
        await session.start()
        await asyncio.wait_for(session.ready(), RUN_LIMIT_S)
        yield session
    finally:
        await session.shutdown()


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def warm_kernel(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[KernelSession]:
    """One warm CPU kernel shared by a module's tests that leave it alive."""
    async with warm_session("cpu", tmp_path_factory.mktemp("kernel-logs")) as session:
        yield session


async def run_events(
    session: KernelSession, code: str, timeout: float | None = None
) -> list[tuple[float, Event]]:
    """Run `code`; every event with the seconds since the run began. Fails on a hang."""
    started = time.perf_counter()
    events: list[tuple[float, Event]] = []

    async def gather() -> None:
        async for event in session.execute(code, timeout=timeout):
            events.append((time.perf_counter() - started, event))

    await asyncio.wait_for(gather(), RUN_LIMIT_S)
    return events


@functools.cache
def cuda_available() -> bool:
    """Whether this interpreter's torch sees a CUDA GPU (asked in a subprocess, once)."""
    probe = "import sys, torch; sys.exit(0 if torch.cuda.is_available() else 1)"
    return subprocess.run([sys.executable, "-c", probe], capture_output=True).returncode == 0


def studytorch_cmd(*args: str) -> list[str]:
    """The `studytorch` command as the installed entry point runs it."""
    return [sys.executable, "-m", "studytorch", *args]


def subprocess_env(**extra: str) -> dict[str, str]:
    """The test's environment (sandboxed data dir), with a wide terminal so paths do not wrap."""
    return {**os.environ, "COLUMNS": "200", **extra}


# --- Pilot tests: waiting for what the app announces ----------------------------------------


async def until(pilot: Pilot, condition: Callable[[], bool], what: str, timeout: float = WAIT_S):
    """Let the app run until `condition()` holds; fail saying `what` was awaited."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        await pilot.pause(0.05)


class RunsFinished:
    """The runs an app announced (`RunFinished`), in order. Pass it as
    `app.run_test(message_hook=...)`; then `await runs.after(pilot, "f5")` presses a key and
    waits for the run it started to be announced (snippet, check and record done)."""

    def __init__(self) -> None:
        from studytorch.screens.messages import RunFinished

        self._kind = RunFinished
        self.runs: list[StepRun] = []

    def __call__(self, message: Any) -> None:
        if isinstance(message, self._kind):
            self.runs.append(message.run)

    async def next(self, pilot: Pilot, seen: int | None = None) -> StepRun:
        """The first run announced after the first `seen` (default: those announced so far)."""
        seen = len(self.runs) if seen is None else seen
        await until(pilot, lambda: len(self.runs) > seen, "the run to finish")
        await pilot.pause()  # the screen has handled the message too
        return self.runs[seen]

    async def after(self, pilot: Pilot, *keys: str) -> StepRun:
        """Press `keys` (F5 by default) and return the run they started, once it finished."""
        seen = len(self.runs)
        await pilot.press(*(keys or ("f5",)))
        return await self.next(pilot, seen)


@pytest.fixture
def finished() -> RunsFinished:
    """Records the RunFinished messages of an app given it as `message_hook`."""
    return RunsFinished()


def screen_text(app: Any) -> str:
    """What the terminal shows now, as text (the compositor's lines, as a real terminal gets)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())
