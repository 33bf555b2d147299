"""How much studytorch adds on top of torch and Jupyter, from one invocation.

(a) Cold run: the median wall time of a trivial `studytorch run --device cpu` (a file holding
`x = 1`, with `STUDYTORCH_HOME` in a temp dir) against `python -c "import torch"` with the same
interpreter, run alternately so that both see the same machine load; the ratio's target is at
most 1.5x. (b) Warm round trip: the median time of `KernelSession.execute("x = 1")` collected to
its Done event on a warm session (probe, line recording and summary included), against a bare
jupyter_client AsyncKernelManager/AsyncKernelClient round trip on a plain ipykernel started in
this same process (send execute, wait for that request's idle status), alternating request by
request; the ratio's target is at most 2x. Run it from the repository root with
`.venv/bin/python benchmarks/bench_run.py` (add `--runs N` and `--trips N` to change the sample
sizes). It prints a table and exits 0; it is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from studytorch.kernel import Done, KernelSession

TARGET_COLD = 1.5
TARGET_WARM = 2.0


def studytorch_command() -> list[str]:
    script = Path(sys.executable).with_name("studytorch")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "studytorch"]


def timed(argv: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def bench_cold(runs: int, scratch: Path) -> tuple[list[float], list[float]]:
    snippet = scratch / "trivial.py"
    snippet.write_text("x = 1\n")
    env = {**os.environ, "STUDYTORCH_HOME": str(scratch / "home")}
    ours = [*studytorch_command(), "run", "--device", "cpu", str(snippet)]
    bare = [sys.executable, "-c", "import torch"]
    timed(bare, env)  # warm the file cache for both before measuring
    timed(ours, env)
    run_times, import_times = [], []
    for _ in range(runs):
        run_times.append(timed(ours, env))
        import_times.append(timed(bare, env))
    return run_times, import_times


async def bench_warm(trips: int, scratch: Path) -> tuple[list[float], list[float]]:
    from jupyter_client import AsyncKernelManager

    session = KernelSession(device="cpu", log_dir=scratch / "logs")
    km = AsyncKernelManager(kernel_name="python3", transport="ipc")
    km.connection_file = str(scratch / "bare.json")
    km.ip = str(scratch / "bare-ipc")
    kc = None
    try:
        await session.start()
        await session.ready()
        await km.start_kernel(
            env={**os.environ, "IPYTHONDIR": str(scratch / "ipython")},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        kc = km.client()
        kc.start_channels()
        await kc.wait_for_ready(timeout=60)

        async def ours() -> float:
            started = time.perf_counter()
            async for event in session.execute("x = 1"):
                if isinstance(event, Done):
                    assert event.status == "ok", event
            return time.perf_counter() - started

        async def bare() -> float:
            started = time.perf_counter()
            msg_id = kc.execute("x = 1", store_history=False)
            while True:
                msg = await kc.get_iopub_msg()
                if (
                    msg["parent_header"].get("msg_id") == msg_id
                    and msg["msg_type"] == "status"
                    and msg["content"]["execution_state"] == "idle"
                ):
                    return time.perf_counter() - started

        for _ in range(20):  # warm both up: first runs import and compile things
            await ours()
            await bare()
        session_times, bare_times = [], []
        for _ in range(trips):
            session_times.append(await ours())
            bare_times.append(await bare())
        return session_times, bare_times
    finally:
        if kc is not None:
            kc.stop_channels()
        await km.shutdown_kernel(now=True)
        await session.shutdown()


def row(label: str, values: list[float], unit: float, fmt: str) -> str:
    median = statistics.median(values) * unit
    low, high = min(values) * unit, max(values) * unit
    return f"  {label:<46}{median:{fmt}}{low:{fmt}}{high:{fmt}}"


def header(title: str) -> str:
    return f"{title:<48}{'median':>9}{'min':>9}{'max':>9}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="cold runs of each command")
    parser.add_argument("--trips", type=int, default=200, help="warm execute round trips of each")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="studytorch-bench-") as tmp:
        scratch = Path(tmp)
        run_times, import_times = bench_cold(args.runs, scratch)
        session_times, bare_times = asyncio.run(bench_warm(args.trips, scratch))

    cold = statistics.median(run_times) / statistics.median(import_times)
    warm = statistics.median(session_times) / statistics.median(bare_times)
    print(f"studytorch benchmark  (Python {sys.version.split()[0]}, {os.cpu_count()} CPUs)")
    print()
    print(header(f"(a) cold start, {args.runs} runs each, alternating"))
    print(row("studytorch run --device cpu (x = 1)   [s]", run_times, 1, "9.3f"))
    print(row('python -c "import torch"              [s]', import_times, 1, "9.3f"))
    verdict = "ok" if cold <= TARGET_COLD else "OVER TARGET"
    print(f"  ratio {cold:.2f}x  (target <= {TARGET_COLD}x: {verdict})")
    print()
    print(header(f"(b) warm execute, {args.trips} round trips each"))
    print(row('KernelSession.execute("x = 1") to Done [ms]', session_times, 1000, "9.2f"))
    print(row("bare jupyter_client execute to idle    [ms]", bare_times, 1000, "9.2f"))
    verdict = "ok" if warm <= TARGET_WARM else "OVER TARGET"
    print(f"  ratio {warm:.2f}x  (target <= {TARGET_WARM}x: {verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
