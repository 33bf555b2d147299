"""The kernel bridge against a real ipykernel with CPU torch: what a learner sees after a run.

Most tests share one warm kernel (the `kernel` fixture); the ones that crash, restart or stop
their kernel start their own.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import pytest_asyncio

from conftest import RUN_LIMIT_S, cuda_available, run_events, warm_session
from studytorch.kernel import (
    Died,
    Display,
    Done,
    Error,
    KernelError,
    KernelSession,
    KernelState,
    Restarted,
    RunResult,
    Stream,
    Summary,
    collect,
)
from studytorch.kernel import session as session_module
from studytorch.kernel.session import OUTPUT_LIMIT
from studytorch.notice import Notice
from studytorch.ui_text import say

pytestmark = [pytest.mark.kernel, pytest.mark.asyncio(loop_scope="module")]


async def run(session: KernelSession, code: str, timeout: float | None = None) -> RunResult:
    result = RunResult()
    for _, event in await run_events(session, code, timeout):
        result.add(event)
    return result


def by_name(result: RunResult) -> dict[str, dict]:
    return {t["name"]: t for t in result.tensors}


@pytest_asyncio.fixture(loop_scope="module")
async def kernel(warm_kernel: KernelSession) -> KernelSession:
    """The shared warm kernel, its namespace emptied so each test starts clean."""
    await asyncio.wait_for(warm_kernel.reset(), RUN_LIMIT_S)
    return warm_kernel


@pytest_asyncio.fixture(loop_scope="module")
async def own_kernel(tmp_path: Path):
    """A kernel of this test's own, for tests that crash or restart it."""
    async with warm_session("cpu", tmp_path / "logs") as session:
        yield session


# --- tensors -----------------------------------------------------------------------------


async def test_squeeze_and_unsqueeze_shapes_are_what_torch_makes(kernel):
    result = await run(
        kernel, "x = torch.zeros(2, 1, 3)\ny = x.squeeze()\nz = x.unsqueeze(0)\nw = y.unsqueeze(-1)"
    )
    assert result.ok, result.error
    t = by_name(result)
    assert t["x"]["shape"] == [2, 1, 3]
    assert t["y"]["shape"] == [2, 3]
    assert t["z"]["shape"] == [1, 2, 1, 3]
    assert t["w"]["shape"] == [2, 3, 1]
    assert t["y"]["numel"] == 6


async def test_dtype_device_and_requires_grad_are_reported(kernel):
    result = await run(
        kernel,
        "ints = torch.arange(4)\n"
        "halves = torch.ones(2, dtype=torch.float16)\n"
        "flags = torch.tensor([True, False])\n"
        "weights = torch.ones(3, requires_grad=True)\n",
    )
    t = by_name(result)
    assert t["ints"]["dtype"] == "int64"
    assert t["halves"]["dtype"] == "float16"
    assert t["flags"]["dtype"] == "bool"
    assert t["weights"]["dtype"] == "float32"
    assert {t[n]["device"] for n in t} == {"cpu"}
    assert t["weights"]["requires_grad"] is True
    assert t["weights"]["is_leaf"] is True
    assert t["ints"]["requires_grad"] is False


async def test_grad_appears_after_backward_with_its_true_norm(kernel):
    before = await run(
        kernel, "w = torch.tensor([1.0, 2.0, 2.0], requires_grad=True)\nloss = (w ** 2).sum()"
    )
    assert by_name(before)["w"]["grad"] is None
    after = await run(
        kernel,
        "w = torch.tensor([1.0, 2.0, 2.0], requires_grad=True)\nloss = (w ** 2).sum()\n"
        "loss.backward()",
    )
    grad = by_name(after)["w"]["grad"]
    # d/dw sum(w^2) = 2w = [2, 4, 4], whose norm is 6.
    assert grad["shape"] == [3]
    assert grad["norm"] == pytest.approx(6.0)


async def test_grad_fn_names_the_operation_that_made_each_tensor(kernel):
    result = await run(
        kernel,
        "a = torch.ones(2, requires_grad=True)\n"
        "b = a * 3\n"
        "c = b.mean()\n"
        "d = a.view(2, 1)\n"
        "e = (a + 1).detach()\n",
    )
    t = by_name(result)
    assert t["a"]["grad_fn"] is None
    assert t["b"]["grad_fn"] == "MulBackward0"
    assert t["c"]["grad_fn"] == "MeanBackward0"
    assert t["d"]["grad_fn"] == "ViewBackward0"
    assert t["e"]["grad_fn"] is None
    assert t["e"]["requires_grad"] is False


async def test_views_share_storage_and_copies_do_not(kernel):
    result = await run(
        kernel,
        "base = torch.arange(6)\n"
        "as_grid = base.view(2, 3)\n"
        "flipped = as_grid.t()\n"
        "copied = base.clone()\n",
    )
    t = by_name(result)
    assert set(t["base"]["shares_with"]) == {"as_grid", "flipped"}
    assert "base" in t["flipped"]["shares_with"]
    assert t["flipped"]["contiguous"] is False
    assert t["flipped"]["stride"] == [1, 3]
    assert t["copied"]["shares_with"] == []


async def test_stats_give_min_max_mean_and_count_nan_and_inf(kernel):
    result = await run(
        kernel,
        "plain = torch.tensor([1.0, 2.0, 3.0, 6.0])\n"
        "broken = torch.tensor([1.0, float('nan'), float('inf'), 3.0, -float('inf')])\n",
    )
    t = by_name(result)
    plain = t["plain"]["stats"]
    assert (plain["min"], plain["max"], plain["mean"]) == (1.0, 6.0, 3.0)
    assert plain["nan"] == plain["inf"] == 0
    assert plain["sampled"] is False
    broken = t["broken"]["stats"]
    assert broken["nan"] == 1
    assert broken["inf"] == 2
    assert broken["mean"] == pytest.approx(2.0)  # of the finite values
    json.dumps(result.summary, allow_nan=False)  # the summary stays valid JSON


async def test_a_hundred_million_element_tensor_crosses_as_a_small_sampled_summary(kernel):
    result = await run(kernel, "big = torch.ones(10**8, dtype=torch.uint8)")
    try:
        big = by_name(result)["big"]
        assert big["shape"] == [10**8]
        assert big["numel"] == 10**8
        assert big["stats"]["sampled"] is True
        assert big["stats"]["min"] == big["stats"]["max"] == 1
        assert len(json.dumps(big)) < 2_000
        assert len(json.dumps(result.summary)) < 8_000
    finally:
        await run(kernel, "del big")


async def test_shapes_beside_each_line_count_blank_lines_at_the_top(kernel):
    result = await run(kernel, "\n\nx = torch.zeros(2, 1, 3)\ny = x.squeeze()\n")
    assert result.ok, result.error
    shapes = {(item["line"], item["name"]): item["shape"] for item in result.summary["lines"]}
    assert shapes == {(3, "x"): [2, 1, 3], (4, "y"): [2, 3]}


async def test_runs_after_reset_still_record_shapes_line_by_line(kernel):
    await asyncio.wait_for(kernel.reset(), RUN_LIMIT_S)
    result = await run(kernel, "for i in range(2):\n    row = torch.ones(i + 1)\n")
    assert result.ok, result.error
    (row,) = [item for item in result.summary["lines"] if item["name"] == "row"]
    assert (row["line"], row["count"], row["shape"]) == (2, 2, [2])


# --- modules, optimizers, data ------------------------------------------------------------


async def test_module_parameter_table_lists_shapes_and_trainable_counts(kernel):
    result = await run(
        kernel,
        "from torch import nn\n"
        "model = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 1))\n"
        "model[0].bias.requires_grad_(False)\n",
    )
    (model,) = [m for m in result.summary["modules"] if m["name"] == "model"]
    assert model["type"] == "Sequential"
    params = {p["name"]: p for p in model["parameters"]}
    assert list(params) == ["0.weight", "0.bias", "2.weight", "2.bias"]
    assert params["0.weight"]["shape"] == [3, 4]
    assert params["2.weight"]["shape"] == [1, 3]
    assert params["0.bias"]["requires_grad"] is False
    assert model["total"] == 4 * 3 + 3 + 3 * 1 + 1
    assert model["trainable"] == model["total"] - 3
    assert params["0.weight"]["grad_norm"] is None

    trained = await run(
        kernel,
        "from torch import nn\n"
        "model = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 1))\n"
        "model[0].bias.requires_grad_(False)\n"
        "model(torch.ones(2, 4)).sum().backward()",
    )
    (model,) = [m for m in trained.summary["modules"] if m["name"] == "model"]
    norms = {p["name"]: p["grad_norm"] for p in model["parameters"]}
    assert norms["2.bias"] == pytest.approx(2.0)  # d(sum)/d(bias) is 1 per row, 2 rows
    assert norms["0.bias"] is None  # frozen


async def test_optimizer_reports_its_learning_rate(kernel):
    result = await run(
        kernel,
        "net = torch.nn.Linear(2, 1)\n"
        "opt = torch.optim.SGD(net.parameters(), lr=0.05)\n"
        "adam = torch.optim.Adam(net.parameters(), lr=1e-3)\n",
    )
    opts = {o["name"]: o for o in result.summary["optimizers"]}
    assert opts["opt"]["type"] == "SGD"
    assert opts["opt"]["param_groups"] == [{"lr": 0.05, "params": 2}]
    assert opts["adam"]["param_groups"][0]["lr"] == pytest.approx(1e-3)


async def test_dataset_and_dataloader_report_length_batch_size_and_shuffle(kernel):
    result = await run(
        kernel,
        "from torch.utils.data import DataLoader, TensorDataset\n"
        "ds = TensorDataset(torch.zeros(10, 3), torch.zeros(10))\n"
        "train = DataLoader(ds, batch_size=4, shuffle=True)\n"
        "test = DataLoader(ds, batch_size=5)\n",
    )
    data = {d["name"]: d for d in result.summary["data"]}
    assert data["ds"]["kind"] == "dataset"
    assert data["ds"]["len"] == 10
    train, test = data["train"], data["test"]
    # A DataLoader's len is its number of batches, as len(loader) says.
    assert (train["dataset_len"], train["batch_size"], train["shuffle"], train["len"]) == (
        10,
        4,
        True,
        3,
    )
    assert (test["batch_size"], test["shuffle"], test["batches"]) == (5, False, 2)
    assert train["num_workers"] == 0


# --- errors -------------------------------------------------------------------------------


async def test_error_names_type_message_snippet_line_and_operand_shapes(kernel):
    events = [
        e
        for _, e in await run_events(
            kernel, "a = torch.ones(2, 3)\n\nb = torch.ones(4, 5)\nc = a @ b\n"
        )
    ]
    assert any(isinstance(e, Error) and e.ename == "RuntimeError" for e in events)
    result = RunResult()
    for event in events:
        result.add(event)
    assert result.status == "error"
    error = result.error
    assert error["type"] == "RuntimeError"
    assert "2x3 and 4x5" in error["message"]
    assert error["line"] == 4
    assert error["line_text"] == "c = a @ b"
    assert [(o["name"], o["shape"]) for o in error["operands"]] == [("a", [2, 3]), ("b", [4, 5])]


async def test_error_inside_a_snippet_function_points_at_the_line_in_the_function(kernel):
    result = await run(
        kernel,
        "def project(p, q):\n"
        "    scaled = p * 2\n"
        "    return scaled @ q\n"
        "\n"
        "out = project(torch.ones(2, 3), torch.ones(4, 5))\n",
    )
    error = result.error
    assert error["line"] == 3
    assert error["line_text"].strip() == "return scaled @ q"
    assert {o["name"]: o["shape"] for o in error["operands"]} == {"scaled": [2, 3], "q": [4, 5]}


async def test_error_line_counts_blank_lines_at_the_top_of_the_snippet(kernel):
    result = await run(kernel, "\n\n\nm = torch.ones(2, 3)\nn = m @ m\n")
    assert result.error["line"] == 5
    assert result.error["line_text"] == "n = m @ m"
    assert [o["shape"] for o in result.error["operands"]] == [[2, 3], [2, 3]]


async def test_syntax_error_reports_the_snippet_line(kernel):
    result = await run(kernel, "\nok = 1\nbad = = 1\nprint(ok)\n")
    assert result.status == "error"
    assert result.error["type"] == "SyntaxError"
    assert result.error["line"] == 3
    assert result.error["line_text"] == "bad = = 1"


async def test_error_text_with_markup_comes_back_verbatim(kernel):
    result = await run(kernel, "raise ValueError('[bold]no[/] [/] [@click=app.quit]x[/]')")
    assert result.error["message"] == "[bold]no[/] [/] [@click=app.quit]x[/]"


# --- output -------------------------------------------------------------------------------


async def test_output_with_markup_syntax_comes_back_verbatim(kernel):
    text = "[bold]x[/] [/] [@click=app.quit]x[/] [red]"
    result = await run(kernel, f"print({text!r})\nimport sys\nprint({text!r}, file=sys.stderr)")
    assert result.stdout == text + "\n"
    assert result.stderr == text + "\n"


async def test_ten_megabyte_print_is_capped_and_the_cut_is_counted(kernel):
    started = time.perf_counter()
    result = await run(kernel, "print('x' * 10_000_000)")
    assert result.ok
    assert 0 < len(result.stdout) <= OUTPUT_LIMIT
    assert result.dropped > 0
    assert len(result.stdout) + result.dropped == 10_000_001
    assert time.perf_counter() - started < 30


async def test_huge_last_expression_value_is_capped_and_the_cut_is_counted(kernel):
    result = await run(kernel, f"'y' * {OUTPUT_LIMIT + 1000}")
    (shown,) = result.displays
    assert len(shown) == OUTPUT_LIMIT
    assert result.dropped == 1002  # the rest, plus the repr's two quotes


async def test_last_expression_value_is_displayed(kernel):
    events = [e for _, e in await run_events(kernel, "6 * 7")]
    displays = [e for e in events if isinstance(e, Display)]
    assert [d.text for d in displays] == ["42"]
    assert isinstance(events[-1], Done)
    assert events[-1].status == "ok"


# --- interrupt and timeout ------------------------------------------------------------------


async def test_timeout_interrupts_an_endless_loop_without_a_restart(kernel):
    await run(kernel, "import sys\nsys.studytorch_kept = 41")
    started = time.perf_counter()
    events = [e for _, e in await run_events(kernel, "while True:\n    pass\n", timeout=1.0)]
    elapsed = time.perf_counter() - started
    done = events[-1]
    assert isinstance(done, Done)
    assert done.status == "timeout"
    assert not any(isinstance(e, (Died, Restarted)) for e in events)
    assert elapsed < session_module.INTERRUPT_GRACE_S + 1  # interrupted, not restarted
    after = await run(kernel, "import sys\nprint(sys.studytorch_kept + 1)")  # same process
    assert after.ok
    assert after.stdout == "42\n"
    assert kernel.state == KernelState.READY


async def test_a_stopped_run_gets_no_explanation_of_its_keyboard_interrupt(kernel):
    # F8 (or the timeout) stops the run: the learner was told there was no explanation for
    # this KeyboardInterrupt and to compare the values with its (empty) message.
    await run(kernel, "pass")  # the stop must land in the snippet, not in the first run's set-up
    result = await run(kernel, "import time\nfor i in range(100):\n    time.sleep(0.1)\n", 0.5)
    assert result.status == "timeout"
    assert result.error is not None and result.error["type"] == "KeyboardInterrupt"
    assert result.error.get("explanation") is None


# --- checks and reset ---------------------------------------------------------------------


async def test_check_passes_or_fails_with_english_and_korean_messages(kernel):
    await run(kernel, "grid = torch.zeros(3, 2)")
    passed = await kernel.check("expect(grid.shape == (3, 2), 'wrong shape', '모양이 틀렸습니다')")
    assert passed["passed"] is True
    failed = await kernel.check(
        "expect(grid.shape == (2, 3), 'grid should be 2x3', 'grid는 2x3이어야 합니다')"
    )
    assert failed["passed"] is False
    assert failed["message"] == {"en": "grid should be 2x3", "ko": "grid는 2x3이어야 합니다"}
    undefined = await kernel.check("expect(missing_name.shape == (1,), 'x')")
    assert undefined["passed"] is False
    assert undefined["key"] == "check.undefined"
    assert undefined["params"] == {"name": "missing_name"}
    plain = await kernel.check("assert grid.sum() == 1, 'grid should sum to 1'")
    assert plain["passed"] is False
    assert "grid should sum to 1" in plain["params"]["error"]


async def test_check_cannot_change_the_learners_variables(kernel):
    await run(kernel, "mine = 1")
    await kernel.check("mine = 2\nfresh = 3")
    after = await kernel.check("expect(mine == 1, 'changed')\nexpect('fresh' not in dir(), 'x')")
    assert after["passed"] is True


async def test_reset_forgets_variables_but_keeps_torch_and_device(kernel):
    await run(kernel, "forget_me = torch.ones(1)\nimport math")
    await asyncio.wait_for(kernel.reset(), RUN_LIMIT_S)
    result = await run(kernel, "print(torch.__version__.split('.')[0], device)\nprint(forget_me)")
    assert result.stdout.split("\n")[0] == "2 cpu"
    assert result.error["type"] == "NameError"
    assert "forget_me" in result.error["message"]
    assert (await run(kernel, "math.pi")).error["type"] == "NameError"


async def test_reset_frees_a_tensor_kept_alive_by_output_history(kernel):
    await run(
        kernel,
        "import sys, weakref\n"
        "shown = torch.ones(3)\n"
        "sys.studytorch_test_ref = weakref.ref(shown)\n"
        "shown\n",
    )
    # The next run starts from a clean namespace: output history holds nothing either.
    result = await run(kernel, "import sys\nprint(sys.studytorch_test_ref() is None)")
    assert result.stdout == "True\n"


# --- kernels that crash, restart or stop (each has its own) ---------------------------------


async def test_os_exit_is_reported_with_its_exit_code_within_a_second(own_kernel):
    events = await run_events(own_kernel, "import os\nos._exit(3)")
    died = [(t, e) for t, e in events if isinstance(e, Died)]
    assert died, events
    seconds, event = died[0]
    assert event.why == Notice("kernel.exited", {"code": 3})
    assert seconds < 3.0
    assert events[-1][1].status == "died"
    assert own_kernel.state == KernelState.DEAD

    after = [e for _, e in await run_events(own_kernel, "print('alive again')")]
    assert isinstance(after[0], Restarted)
    assert after[0].why == Notice("kernel.fresh", {"why": event.why})
    assert Stream("stdout", "alive again\n") in after
    assert after[-1].status == "ok"


async def test_segfault_is_reported_as_sigsegv_and_the_next_run_works(own_kernel):
    events = [e for _, e in await run_events(own_kernel, "import ctypes\nctypes.string_at(0)")]
    died = [e for e in events if isinstance(e, Died)]
    assert died and died[0].why.params["signal"] == "SIGSEGV"
    assert events[-1].status == "died"
    after = await run(own_kernel, "print(torch.ones(2).sum().item())")
    assert after.ok
    assert after.stdout == "2.0\n"
    assert any("SIGSEGV" in say(notice) for notice in after.notices)


async def test_a_gpu_error_reported_after_the_last_line_is_that_runs_error(own_kernel):
    # CUDA reports a device-side assert at the next synchronisation, which the probe makes after
    # the snippet. No GPU here, so torch.cuda is made to look like one that has failed.
    code = (
        "def broken():\n"
        "    raise RuntimeError('CUDA error: device-side assert triggered')\n"
        "torch.cuda.is_initialized = lambda: True\n"
        "torch.cuda.synchronize = broken\n"
        "x = torch.ones(2)\n"
    )
    result = await run(own_kernel, code)
    assert result.status == "error"
    assert result.error["type"] == "RuntimeError"
    assert "device-side assert" in result.traceback[0]
    assert "F9" in result.error["explanation"]["en"]
    assert result.gpu_broken
    assert result.tensors == []  # nothing on a failed GPU can be read


async def test_an_interrupt_while_the_first_run_waits_for_the_warm_up_stops_it(own_kernel):
    # The warm-up still running (its lock held by a probe cell): F8 lands in the run's set-up,
    # where IPython would report it as a hook's error and run the snippet anyway.
    await own_kernel._probe_call("namespace._prewarm_lock.acquire()")
    code = f"import time\ntime.sleep({2 * session_module.INTERRUPT_GRACE_S})\nprint('ran')"
    events = await run_events(own_kernel, code, timeout=0.5)
    assert not any(isinstance(e, Restarted) for _, e in events), events
    result = RunResult()
    for _, event in events:
        result.add(event)
    assert result.status == "timeout"
    assert result.error is not None and result.error["type"] == "KeyboardInterrupt"
    assert "ran" not in result.stdout and "Error in callback" not in result.stdout
    await own_kernel._probe_call("namespace._prewarm_lock.release()")
    after = await run(own_kernel, "print('next run', 1 + 1)")
    assert after.ok and after.stdout == "next run 2\n"


async def test_loop_that_swallows_interrupts_is_restarted_after_the_grace_period(own_kernel):
    code = (
        "import time\n"
        "lost = 1\n"
        "while True:\n"
        "    try:\n"
        "        time.sleep(0.05)\n"
        "    except KeyboardInterrupt:\n"
        "        pass\n"
    )
    events = await run_events(own_kernel, code, timeout=0.5)
    restarted = [(t, e) for t, e in events if isinstance(e, Restarted)]
    assert restarted, events
    seconds, event = restarted[0]
    assert seconds >= 0.5 + session_module.INTERRUPT_GRACE_S - 0.1
    assert event.why.key == "kernel.ignored_interrupt"
    assert events[-1][1].status == "timeout"

    after = await run(own_kernel, "print('fresh', 'lost' in dir())")
    assert after.ok
    assert after.stdout == "fresh False\n"


async def test_shutdown_removes_the_kernel_process_and_its_connection_file(tmp_path):
    session = KernelSession(device="cpu", log_dir=tmp_path)
    await session.start()
    folder, proc = session._kernel.folder, session._kernel.proc
    assert (folder / "connection.json").is_file()
    assert proc.poll() is None
    await asyncio.wait_for(session.shutdown(), 30)
    assert proc.poll() is not None
    assert not folder.exists()
    assert session.state == KernelState.STOPPED


async def test_cancelled_shutdown_still_removes_the_process_and_connection_file(tmp_path):
    session = KernelSession(device="cpu", log_dir=tmp_path)
    await session.start()
    await asyncio.wait_for(session.ready(), RUN_LIMIT_S)
    folder, proc = session._kernel.folder, session._kernel.proc
    task = asyncio.create_task(session.shutdown())
    await asyncio.sleep(0)  # let it begin: it is now inside the kernel manager's shutdown
    task.cancel()  # it may already be done: tearing down takes no await that can hang
    with contextlib.suppress(asyncio.CancelledError):
        await task
    assert proc.poll() is not None
    assert not folder.exists()


# --- kernels that cannot start --------------------------------------------------------------


@pytest.mark.skipif(cuda_available(), reason="this machine has a CUDA GPU")
async def test_cuda_on_a_machine_without_cuda_is_a_clear_kernel_error(tmp_path):
    session = KernelSession(device="cuda", log_dir=tmp_path)
    try:
        await session.start()
        with pytest.raises(KernelError) as raised:
            await asyncio.wait_for(session.ready(), RUN_LIMIT_S)
        assert "CUDA" in say(raised.value.why)
        assert session.state == KernelState.DEAD
        # A run says so too, instead of hanging.
        events = [e for _, e in await run_events(session, "x = 1")]
        assert any(isinstance(e, Died) and "CUDA" in say(e.why) for e in events)
        assert events[-1].status == "died"
    finally:
        await session.shutdown()


async def test_missing_python_interpreter_is_a_quick_clear_kernel_error(tmp_path):
    session = KernelSession(python="/nonexistent/python3", log_dir=tmp_path)
    started = time.perf_counter()
    with pytest.raises(KernelError) as raised:
        await asyncio.wait_for(session.start(), 30)
    assert "/nonexistent/python3" in say(raised.value.why)
    assert time.perf_counter() - started < 10
    assert session.state == KernelState.DEAD
    await session.shutdown()


async def test_python_without_ipykernel_is_a_quick_clear_kernel_error(tmp_path):
    venv = tmp_path / "bare"
    base = getattr(sys, "_base_executable", None) or "python3"
    subprocess.run([base, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=60)
    python = venv / "bin" / "python"
    session = KernelSession(python=str(python), log_dir=tmp_path / "logs")
    started = time.perf_counter()
    with pytest.raises(KernelError) as raised:
        await asyncio.wait_for(session.start(), 30)
    assert time.perf_counter() - started < 15
    message = say(raised.value.why)
    assert "ipykernel" in message
    assert f"{python} -m pip install ipykernel" in message
    await session.shutdown()


# --- attaching to a kernel started elsewhere -----------------------------------------------


async def test_existing_kernel_can_be_attached_interrupted_and_left_running(tmp_path):
    from jupyter_client import AsyncKernelManager

    km = AsyncKernelManager(kernel_name="python3")
    km.connection_file = str(tmp_path / "external-kernel.json")
    await km.start_kernel(
        env={**os.environ, "IPYTHONDIR": str(tmp_path / "ipython")},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        attached = KernelSession(existing=km.connection_file, device="cpu", log_dir=tmp_path)
        await asyncio.wait_for(attached.start(), RUN_LIMIT_S)
        info = await asyncio.wait_for(attached.ready(), RUN_LIMIT_S)
        assert info["device"] == "cpu"
        assert not attached.owns_kernel

        result = await run(attached, "x = torch.zeros(2, 1, 3).squeeze()")
        assert by_name(result)["x"]["shape"] == [2, 3]

        # The interrupt goes over the control channel: we do not own the process.
        stuck = await run(attached, "import time\nwhile True:\n    time.sleep(0.01)\n", timeout=1)
        assert stuck.status == "timeout"
        assert stuck.error["type"] == "KeyboardInterrupt"
        assert (await run(attached, "print(x.shape)")).error["type"] == "NameError"  # fresh

        await asyncio.wait_for(attached.shutdown(), 30)
        assert await km.is_alive(), "shutting down an attached session must not stop the kernel"
        assert Path(km.connection_file).is_file()

        # Attaching again replaces the probe; a kernel that dies is noticed by its heartbeat.
        watcher = KernelSession(existing=km.connection_file, device="cpu", log_dir=tmp_path)
        await asyncio.wait_for(watcher.start(), RUN_LIMIT_S)
        await asyncio.wait_for(watcher.ready(), RUN_LIMIT_S)
        try:
            again = [e for _, e in await run_events(watcher, "y = torch.ones(1)")]
            runs = [e for e in again if isinstance(e, Summary) and e.kind == "run"]
            assert len(runs) == 1, "attaching again must not summarise each run twice"
            assert [(i["name"], i["count"]) for i in runs[0].payload["lines"]] == [("y", 1)]

            events = await run_events(watcher, "import os\nos._exit(0)")
            died = [(t, e) for t, e in events if isinstance(e, Died)]
            assert died, events
            assert died[0][1].why == Notice("kernel.heartbeat")
            assert died[0][0] < 10
        finally:
            await watcher.shutdown()
    finally:
        await km.shutdown_kernel(now=True)


async def test_events_are_plain_objects_the_ui_can_match_on(kernel):
    events = [e for _, e in await run_events(kernel, "print('hi')\nv = torch.ones(1)")]
    kinds = [type(e) for e in events]
    assert kinds[0] is Stream
    assert Summary in kinds
    assert kinds[-1] is Done
    summary = next(e for e in events if isinstance(e, Summary))
    assert summary.kind == "run"
    assert [t["name"] for t in summary.payload["tensors"]] == ["v"]
    collected = await collect(kernel.execute("print('again')"))
    assert collected.stdout == "again\n"


async def test_running_after_a_failed_start_reports_why_instead_of_raising(tmp_path):
    # The app's F5 after "the kernel did not start": a Died event with the reason, then Done.
    session = KernelSession(python="/nonexistent/python3", log_dir=tmp_path)
    with pytest.raises(KernelError):
        await asyncio.wait_for(session.start(), 30)
    events = [event for _, event in await run_events(session, "x = 1")]
    assert isinstance(events[0], Died)
    assert events[0].why == Notice("kernel.no_python", {"python": "/nonexistent/python3"})
    assert isinstance(events[-1], Done) and events[-1].status == "died"
    await session.shutdown()
