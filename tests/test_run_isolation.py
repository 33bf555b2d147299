"""Every run is about the code on screen: a fresh namespace, the failing expression's own
operands, scripts' ways of ending, and a kernel that never outlives or outlasts its owner."""

from __future__ import annotations

import asyncio
import sys
import time

import psutil
import pytest

from conftest import RUN_LIMIT_S
from studytorch.course.model import Localized, Step
from studytorch.course.runner import run_step
from studytorch.kernel import KernelSession, KernelState, RunResult, collect
from studytorch.ui_text import say

pytestmark = [pytest.mark.kernel, pytest.mark.asyncio(loop_scope="module")]


async def run(session: KernelSession, code: str, **kwargs) -> RunResult:
    return await asyncio.wait_for(collect(session.execute(code, **kwargs)), RUN_LIMIT_S)


def names(result: RunResult) -> set[str]:
    return {t["name"] for t in result.tensors}


def step_with_check(check: str) -> Step:
    return Step("s", Localized("s", "s"), Localized("", ""), "", solution="", check=check)


# --- a fresh namespace every run ------------------------------------------------------------


async def test_a_variable_from_the_last_run_is_gone_from_pane_check_and_json(warm_kernel):
    first = await run(warm_kernel, "leftover = torch.ones(2)\nc = torch.zeros(1)")
    assert names(first) == {"leftover", "c"}
    second = await run(warm_kernel, "print('hi')")
    assert second.ok and second.tensors == []
    assert "leftover" not in str(second.to_json())
    step = step_with_check("expect(c.shape == (1,), 'c should be (1,)')")
    replaced = await run_step(warm_kernel, "l", step, "print('hi')")
    assert replaced.checked and not replaced.passed
    assert say(replaced.check_message, "en") == "the snippet did not define c"
    assert "`c`" in say(replaced.check_message, "ko")


async def test_torch_nn_device_and_track_are_bound_and_nothing_else(warm_kernel):
    result = await run(
        warm_kernel,
        "print(sorted(n for n in globals() if not n.startswith('_') and n not in "
        "('In', 'Out', 'get_ipython', 'exit', 'quit', 'open')))\n"
        "print(nn is torch.nn, device)",
    )
    assert result.stdout == "['device', 'nn', 'torch', 'track']\nTrue cpu\n"


async def test_after_a_failed_run_the_pane_shows_only_what_this_run_defined(warm_kernel):
    await run(warm_kernel, "old = torch.ones(3)")
    failed = await run(warm_kernel, "new = torch.ones(2, 2)\nboom = new.view(3)")
    assert failed.status == "error"
    assert names(failed) == {"new"}


async def test_clearing_globals_or_reset_in_a_snippet_breaks_nothing(warm_kernel):
    cleared = await run(warm_kernel, "globals().clear()\nx = 1")
    assert cleared.ok, cleared.error
    assert (await run(warm_kernel, "%reset -f\ny = 2")).ok
    after = await run(warm_kernel, "z = torch.ones(2, 3)\nloss = z.sum()")
    assert after.ok and names(after) == {"z", "loss"}
    assert [(line["line"], line["shape"]) for line in after.lines] == [(1, [2, 3]), (2, [])]
    assert after.metrics == {"loss": [6.0]}
    assert (await warm_kernel.check("expect(z.shape == (2, 3), 'no')"))["passed"] is True


# --- the failing expression's own operands ---------------------------------------------------


async def test_operands_are_the_failing_calls_arguments_with_sub_expressions(warm_kernel):
    result = await run(
        warm_kernel,
        "row = torch.ones(4)\nx = torch.ones(2, 3)\ny = torch.cat([x, row.unsqueeze(0)])\n",
    )
    error = result.error
    assert error["call"] == "torch.cat([x, row.unsqueeze(0)])"
    assert [(o["name"], o["shape"]) for o in error["operands"]] == [
        ("x", [2, 3]),
        ("row.unsqueeze(0)", [1, 4]),
    ]


async def test_operands_never_include_the_assignment_target_or_a_stale_value(warm_kernel):
    result = await run(
        warm_kernel,
        "import torch.nn.functional as F\n"
        "loss = torch.tensor(0.5)\n"
        "outputs = torch.randn(3, 5)\n"
        "yb = torch.tensor([0, 1])\n"
        "loss = F.cross_entropy(outputs, yb)\n",
    )
    ops = [(o["name"], o["shape"]) for o in result.error["operands"]]
    assert ops == [("outputs", [3, 5]), ("yb", [2])]


async def test_operands_of_a_method_on_a_sub_expression(warm_kernel):
    result = await run(warm_kernel, "a = torch.ones(3, 4)\nb = torch.mm(a, a.t().t())\n")
    ops = [(o["name"], o["shape"]) for o in result.error["operands"]]
    assert ops == [("a", [3, 4]), ("a.t().t()", [3, 4])]
    assert "(3, 4)" in result.error["explanation"]["en"]


# --- ways a script ends ---------------------------------------------------------------------


async def test_sys_exit_zero_exit_and_quit_end_the_snippet_like_a_script(warm_kernel):
    for code in ("import sys\nprint('a')\nsys.exit(0)\nprint('b')", "exit()", "quit()"):
        result = await run(warm_kernel, code)
        assert result.ok, (code, result.error)
    assert result.stdout == ""
    failing = await run(warm_kernel, "import sys\nsys.exit(3)")
    assert failing.status == "error" and failing.error["type"] == "SystemExit"
    assert warm_kernel.state == KernelState.READY
    assert (await run(warm_kernel, "print('still here')")).stdout == "still here\n"


async def test_a_closed_stdout_is_fresh_again_in_the_next_run(warm_kernel):
    await run(warm_kernel, "import sys\nsys.stdout.close()")
    assert (await run(warm_kernel, "print('visible')")).stdout == "visible\n"


async def test_a_syntax_error_names_the_learners_file(warm_kernel):
    result = await run(warm_kernel, "x = 1\ny = (\n", filename="lesson.py")
    assert result.error["type"] == "SyntaxError"
    assert "lesson.py" in result.error["message"]
    assert "ipykernel" not in result.error["message"]


async def test_batches_keep_integer_labels_and_a_loader_counts_batches(warm_kernel):
    result = await run(
        warm_kernel,
        "from torch.utils.data import DataLoader, TensorDataset\n"
        "ds = TensorDataset(torch.zeros(10, 2), torch.arange(10))\n"
        "loader = DataLoader(ds, batch_size=4)\n"
        "for xb, yb in loader:\n"
        "    pass\n"
        "one = torch.ones(1)\n",
    )
    labels = next(p for p in result.summary["batches"][0]["parts"] if p["name"] == "1")
    assert labels["preview"] == [0, 1, 2, 3]
    loader = next(d for d in result.summary["data"] if d["name"] == "loader")
    assert (loader["len"], loader["dataset_len"]) == (3, 10)
    one = next(t for t in result.tensors if t["name"] == "one")
    assert "std" not in one["stats"]  # the spread of one value is undefined, not 0


async def test_interrupting_a_traced_loop_reports_a_clean_keyboard_interrupt(warm_kernel):
    code = "total = 0\nwhile True:\n    total = total + 1\n"
    for _ in range(4):
        result = await run(warm_kernel, code, timeout=0.3)
        assert result.status == "timeout"
        assert result.error["type"] == "KeyboardInterrupt"
        assert "Unexpected exception formatting" not in "".join(result.traceback)


# --- the kernel process -----------------------------------------------------------------------


async def test_the_kernel_listens_on_no_tcp_port(warm_kernel):
    kernel = psutil.Process(warm_kernel.pid)
    listening = [c for c in kernel.net_connections(kind="tcp") if c.status == psutil.CONN_LISTEN]
    assert listening == []


async def test_printed_output_arrives_before_os_exit_ends_the_kernel(tmp_path):
    session = KernelSession(device="cpu", log_dir=tmp_path)
    try:
        for _ in range(3):
            result = await run(session, "import os\nprint('last words')\nos._exit(1)")
            assert result.status == "died"
            assert result.stdout == "last words\n"
    finally:
        await session.shutdown()


async def test_running_before_start_waits_for_the_kernel_instead_of_failing(tmp_path):
    session = KernelSession(device="cpu", log_dir=tmp_path)
    try:
        result = await run(session, "print(torch.ones(2).sum().item())")
        assert result.ok and result.stdout == "2.0\n"
    finally:
        await session.shutdown()


async def test_interrupt_escalates_to_a_restart_every_time(tmp_path):
    session = KernelSession(device="cpu", log_dir=tmp_path, keep_spare=True)
    stubborn = (
        "import time\nwhile True:\n    try:\n        time.sleep(0.05)\n"
        "    except KeyboardInterrupt:\n        pass\n"
    )
    try:
        await session.start()
        await session.ready()
        for _ in range(2):
            pid = session.pid
            task = asyncio.ensure_future(run(session, stubborn))
            await asyncio.sleep(0.5)
            await session.interrupt()
            result = await task
            assert result.status == "restarted", result.notices
            assert session.pid != pid
            assert (await run(session, "print('ok')")).stdout == "ok\n"
    finally:
        await session.shutdown()


async def test_a_restart_swaps_to_the_warm_spare(tmp_path):
    session = KernelSession(device="cpu", log_dir=tmp_path, keep_spare=True)
    try:
        await session.start()
        await session.ready()
        await asyncio.sleep(0)
        spare = session._spare
        assert spare is not None
        await session.restart()
        await session.ready()
        assert session.pid == spare.proc.pid
        assert (await run(session, "print(1)")).ok
    finally:
        await session.shutdown()
    assert spare.proc.poll() is not None


# --- kernel hygiene -----------------------------------------------------------------------------


async def test_a_restart_kills_a_child_that_started_its_own_session(tmp_path):
    session = KernelSession(device="cpu", log_dir=tmp_path)
    try:
        result = await run(
            session,
            "import subprocess, sys\n"
            "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(600)'],"
            " start_new_session=True)\n"
            "print(child.pid)\n",
        )
        child = int(result.stdout)
        assert psutil.pid_exists(child)
        await session.restart()
        deadline = time.monotonic() + 5
        while psutil.pid_exists(child) and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
        gone = not psutil.pid_exists(child) or psutil.Process(child).status() == "zombie"
        assert gone, "a process the snippet started outlived F9"
    finally:
        await session.shutdown()


async def test_a_kernel_log_is_capped_however_much_the_snippet_writes(tmp_path, monkeypatch):
    from studytorch.kernel import launch

    monkeypatch.setattr(launch, "LOG_LIMIT", 200_000)
    session = KernelSession(device="cpu", log_dir=tmp_path)
    try:
        # Over twice the limit within one run, checked as soon as the run ends: capped while
        # it was written, with no watch in between (the headless `run` has none).
        await run(session, "import os\nfor _ in range(100):\n    os.write(1, b'x' * 10_000)\n")
        assert session.log_path.stat().st_size <= 200_000
        assert session.log_path.read_bytes().startswith(b"[studytorch: earlier log lines cut]")
        assert oct(session.log_path.stat().st_mode & 0o777) == "0o600"
    finally:
        await session.shutdown()


async def test_a_kernel_started_before_the_session_is_adopted(tmp_path):
    from studytorch.kernel.launch import launch

    early = launch(sys.executable, device="cpu", cwd=str(tmp_path), log_dir=tmp_path / "logs")
    session = KernelSession(device="cpu", log_dir=tmp_path / "logs", launched=early)
    try:
        result = await run(session, "print(torch.ones(2).sum().item())")
        assert result.ok and result.stdout == "2.0\n"
        assert session.pid == early.proc.pid, "the early kernel, not a second one"
    finally:
        await session.shutdown()
    assert early.proc.poll() is not None and not early.folder.exists()
