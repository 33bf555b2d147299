"""A run is a fresh process: nothing a snippet changes in the kernel reaches the next run, no
snippet can switch its own check off, and nothing it starts or breaks outlives F9.

Each case goes through a real kernel: the change is made in one run and looked for in the next,
as a learner would meet it (a check that fails, a number printed differently)."""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path

import psutil
import pytest

from conftest import RUN_LIMIT_S
from studytorch.course.model import Localized, Step
from studytorch.course.runner import run_step
from studytorch.kernel import KernelSession, RunResult, collect
from studytorch.ui_text import say

pytestmark = [pytest.mark.kernel, pytest.mark.asyncio(loop_scope="module")]


async def run(session: KernelSession, code: str, **kwargs) -> RunResult:
    return await asyncio.wait_for(collect(session.execute(code, **kwargs)), RUN_LIMIT_S)


def step(check: str) -> Step:
    return Step("s", Localized("s", "s"), Localized("", ""), "", solution="", check=check)


FRESH = (
    "import os, sys, warnings\n"
    "print(os.getcwd())\n"
    "print('/nowhere' in sys.path, os.environ.get('STUDYTORCH_LEFT'))\n"
    "print(torch.get_default_dtype(), torch.get_default_device(), torch.is_grad_enabled())\n"
    "print(torch.is_anomaly_enabled(), torch.are_deterministic_algorithms_enabled())\n"
    "print(torch.get_num_threads(), torch.tensor([1.23456]))\n"
    "print(len(warnings.filters))\n"
)
"""What a fresh `python snippet.py` would print about the process it finds."""

CHANGES = (
    "import os, sys, warnings\n"
    "os.chdir('/')\n"
    "sys.path.append('/nowhere')\n"
    "os.environ['STUDYTORCH_LEFT'] = 'yes'\n"
    "torch.set_default_dtype(torch.float64)\n"
    "torch.set_default_device('meta')\n"
    "torch.set_grad_enabled(False)\n"
    "torch.autograd.set_detect_anomaly(True)\n"
    "torch.use_deterministic_algorithms(True)\n"
    "torch.set_num_threads(1)\n"
    "torch.set_printoptions(precision=1)\n"
    "warnings.simplefilter('error')\n"
)


async def test_what_a_run_changes_in_the_process_is_gone_in_the_next(warm_kernel):
    before = await run(warm_kernel, FRESH)
    changed = await run(warm_kernel, CHANGES)
    assert changed.ok, changed.error
    after = await run(warm_kernel, FRESH)
    assert after.stdout == before.stdout, "the last run's settings reached this one"
    assert "torch.float32" in after.stdout and "tensor([1.2346])" in after.stdout
    isolation = changed.summary["isolation"]
    for name in ("cwd", "sys.path", "os.environ", "torch default dtype", "torch print options"):
        assert name in isolation["restored"]
    assert isolation["tampered"] == [] and isolation["unrestorable"] == []


async def test_the_next_steps_solution_passes_after_set_default_dtype(warm_kernel):
    """The dataset lesson's case: float64 set in one step failed the next step's solution."""
    await run(warm_kernel, "torch.set_default_dtype(torch.float64)\nx = torch.zeros(2)")
    check = step("expect(w.dtype == torch.float32, 'w should be float32')")
    verdict = await run_step(warm_kernel, "l", check, "w = torch.ones(3)")
    assert verdict.checked and verdict.passed, verdict.check_message


@pytest.mark.parametrize(
    "patch",
    [
        "torch.allclose = lambda *a, **k: True",
        "torch.Tensor.__eq__ = lambda a, b: torch.tensor(True)",
        "import builtins\nbuiltins.isinstance = lambda *a: True",
        "import _studytorch_probe as p\np.checks.expect = lambda *a, **k: None",
    ],
    ids=["torch.allclose", "Tensor.__eq__", "isinstance", "expect"],
)
async def test_a_snippet_that_patches_its_checker_does_not_pass(warm_kernel, patch):
    check = step(
        "expect(isinstance(y, torch.Tensor), 'y should be a tensor')\n"
        "expect(torch.allclose(y, torch.tensor([2.0, 4.0])), 'y should be x * 2')\n"
        "expect(bool((y == torch.tensor([2.0, 4.0])).all()), 'y should equal x * 2')\n"
    )
    wrong = f"{patch}\ny = torch.tensor([0.0, 0.0])\n"
    verdict = await run_step(warm_kernel, "l", check, wrong)
    assert verdict.checked and not verdict.passed, "a wrong answer passed its patched check"
    assert "cannot be trusted" in say(verdict.check_message)
    # The next run (and its check) use torch's own functions again.
    right = await run_step(warm_kernel, "l", check, "y = torch.tensor([1.0, 2.0]) * 2")
    assert right.passed, right.check_message
    again = await run_step(warm_kernel, "l", check, "y = torch.tensor([0.0, 0.0])")
    assert not again.passed and "x * 2" in say(again.check_message)


async def test_random_numbers_start_fresh_as_in_a_new_process(warm_kernel):
    await run(warm_kernel, "torch.manual_seed(0)\na = torch.rand(3)")
    seeded = (await run(warm_kernel, "torch.manual_seed(0)\nprint(torch.rand(3)[0].item())")).stdout
    unseeded = {(await run(warm_kernel, "print(torch.rand(3)[0].item())")).stdout for _ in range(3)}
    assert seeded not in unseeded and len(unseeded) == 3


async def test_a_module_the_learner_edits_is_read_again(warm_kernel, tmp_path):
    (tmp_path / "helper_mod.py").write_text("VALUE = 1\n")
    code = f"import sys\nsys.path.insert(0, {str(tmp_path)!r})\n"
    code += "import helper_mod\nprint(helper_mod.VALUE)"
    assert (await run(warm_kernel, code)).stdout == "1\n"
    (tmp_path / "helper_mod.py").write_text("VALUE = 2\n")
    assert (await run(warm_kernel, code)).stdout == "2\n"


async def test_text_printed_before_stdout_close_arrives(warm_kernel):
    result = await run(warm_kernel, "import sys\nprint('last words')\nsys.stdout.close()")
    assert result.stdout == "last words\n"
    assert (await run(warm_kernel, "print('next')")).stdout == "next\n"


async def test_isolation_costs_little_per_run(warm_kernel):
    """The figure the README quotes: the restore after a run that changed nothing."""
    costs = []
    for _ in range(15):
        result = await run(warm_kernel, "x = torch.ones(2)")
        costs.append(result.summary["isolation"]["ms"])
    median = sorted(costs)[len(costs) // 2]
    print(f"isolation: median {median:.2f} ms per run (of {len(costs)})")
    assert median < 15


async def test_a_thread_left_running_makes_the_next_run_use_a_fresh_kernel(tmp_path):
    session = KernelSession(device="cpu", log_dir=tmp_path, keep_spare=True)
    try:
        await session.start()
        await session.ready()
        first = session.pid
        left = await run(
            session,
            "import threading, time\n"
            "threading.Thread(target=time.sleep, args=(600,), name='mine', daemon=True).start()",
        )
        assert any("mine" in item for item in left.summary["isolation"]["unrestorable"]), left
        after = await run(
            session,
            "import threading\nprint([t.name for t in threading.enumerate() if t.name == 'mine'])",
        )
        assert after.stdout == "[]\n" and session.pid != first
        assert after.notices == [], "the swap is the session's business, not the learner's"
    finally:
        await session.shutdown()


async def test_a_double_forked_daemon_dies_with_f9(tmp_path):
    marker = tmp_path / "daemon.pid"
    session = KernelSession(device="cpu", log_dir=tmp_path)
    try:
        await run(
            session,
            "import os, sys, time\n"
            "if os.fork() == 0:\n"
            "    os.setsid()\n"
            "    if os.fork() == 0:\n"
            f"        open({str(marker)!r}, 'w').write(str(os.getpid()))\n"
            "        time.sleep(600)\n"
            "    os._exit(0)\n"
            "os.wait()\n",
        )
        deadline = time.monotonic() + 10
        while not marker.exists() and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        daemon = int(marker.read_text())
        assert psutil.pid_exists(daemon)
        await session.restart()
        deadline = time.monotonic() + 5
        while psutil.pid_exists(daemon) and time.monotonic() < deadline:
            if psutil.Process(daemon).status() == psutil.STATUS_ZOMBIE:
                break
            await asyncio.sleep(0.1)
        gone = not psutil.pid_exists(daemon) or psutil.Process(daemon).status() == "zombie"
        assert gone, "a double-forked daemon outlived F9"
    finally:
        await session.shutdown()


async def test_a_kernel_whose_messaging_a_snippet_broke_is_reported_as_the_kernels_failure(
    tmp_path: Path,
):
    session = KernelSession(device="cpu", log_dir=tmp_path)
    try:
        started = time.monotonic()
        broken = await run(
            session,
            "import zmq\n"
            "zmq.Socket.send_multipart = lambda *a, **k: None\n"
            "zmq.Socket.send = lambda *a, **k: None\n",
        )
        took = time.monotonic() - started
        assert broken.status == "died", "it said 'running...' until stopped by hand"
        assert "stopped answering" in broken.error["message"]
        assert took < 30
        assert (await run(session, "print('fresh')")).stdout == "fresh\n"
    finally:
        await session.shutdown()
    print(f"a deaf kernel was found in {took:.1f} s")


async def test_a_headless_kernel_log_stays_under_its_limit_while_written(tmp_path, monkeypatch):
    from studytorch.kernel import launch

    monkeypatch.setattr(launch, "LOG_LIMIT", 100_000)
    session = KernelSession(device="cpu", log_dir=tmp_path)
    sizes = []
    try:
        flood = run(
            session,
            "import os, time\nfor _ in range(60):\n"
            "    os.write(1, b'y' * 10_000)\n    time.sleep(0.01)\n",
        )
        task = asyncio.ensure_future(flood)
        while not task.done():
            if session.log_path is not None and session.log_path.exists():
                sizes.append(os.path.getsize(session.log_path))
            await asyncio.sleep(0.02)
        await task
    finally:
        await session.shutdown()
    assert sizes and max(sizes) <= 100_000, max(sizes)
