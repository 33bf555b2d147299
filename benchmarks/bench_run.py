"""How much studytorch adds on top of torch and Jupyter, from one invocation.

(a) Cold run: the median wall time of a trivial `studytorch run --device D` (a file holding
`x = 1`, with `STUDYTORCH_HOME` in a temp dir) against `python -c "import torch"` with the same
interpreter (on a GPU it also asks CUDA for the device, as the probe does), run alternately so
that both see the same machine load; the ratio's target is at most 1.5x. (b) Warm round trip:
the median time of `KernelSession.execute(code)` collected to its Done event on a warm session
(probe, line recording, GPU synchronisation and summary included), against a bare jupyter_client
AsyncKernelManager/AsyncKernelClient round trip on a plain ipykernel started in this same
process (send execute, wait for that request's idle status), alternating request by request, for
`x = 1` and for a small tensor made on the device; the ratio's target is at most 2x. Run it from
the repository root with `.venv/bin/python benchmarks/bench_run.py` (add `--device cuda` on a
GPU box, `--runs N` and `--trips N` to change the sample sizes). It prints a table and exits 0;
it is a measurement, not a test.
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


def bench_cold(runs: int, scratch: Path, device: str) -> tuple[list[float], list[float]]:
    snippet = scratch / "trivial.py"
    snippet.write_text("x = 1\n")
    env = {**os.environ, "STUDYTORCH_HOME": str(scratch / "home")}
    ours = [*studytorch_command(), "run", "--device", device, str(snippet)]
    ask = "" if device == "cpu" else "; torch.cuda.is_available() and torch.cuda.get_device_name()"
    bare = [sys.executable, "-c", "import torch" + ask]
    timed(bare, env)  # warm the file cache for both before measuring
    timed(ours, env)
    run_times, import_times = [], []
    for _ in range(runs):
        run_times.append(timed(ours, env))
        import_times.append(timed(bare, env))
    return run_times, import_times


TRIP_CODES = ("x = 1", "x = torch.ones(1000, device=device) * 2")


async def bench_warm(
    trips: int, scratch: Path, device: str
) -> dict[str, tuple[list[float], list[float]]]:
    from jupyter_client import AsyncKernelManager

    session = KernelSession(device=device, log_dir=scratch / "logs")
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
        setup = f"import torch; device = torch.device({str(session.device or device)!r})"
        kc.execute(setup, store_history=False)

        async def ours(code: str) -> float:
            started = time.perf_counter()
            async for event in session.execute(code):
                if isinstance(event, Done):
                    assert event.status == "ok", event
            return time.perf_counter() - started

        async def bare(code: str) -> float:
            started = time.perf_counter()
            msg_id = kc.execute(code, store_history=False)
            while True:
                msg = await kc.get_iopub_msg()
                if (
                    msg["parent_header"].get("msg_id") == msg_id
                    and msg["msg_type"] == "status"
                    and msg["content"]["execution_state"] == "idle"
                ):
                    return time.perf_counter() - started

        found = {}
        for code in TRIP_CODES:
            for _ in range(20):  # warm both up: first runs import and compile things
                await ours(code)
                await bare(code)
            session_times, bare_times = [], []
            for _ in range(trips):
                session_times.append(await ours(code))
                bare_times.append(await bare(code))
            found[code] = (session_times, bare_times)
        return found
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
    parser.add_argument("--device", default="cpu", help="cpu, cuda, cuda:N or mps (default cpu)")
    parser.add_argument("--runs", type=int, default=5, help="cold runs of each command")
    parser.add_argument("--trips", type=int, default=200, help="warm execute round trips of each")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="studytorch-bench-") as tmp:
        scratch = Path(tmp)
        run_times, import_times = bench_cold(args.runs, scratch, args.device)
        warm = asyncio.run(bench_warm(args.trips, scratch, args.device))

    cold = statistics.median(run_times) / statistics.median(import_times)
    print(f"studytorch benchmark  (Python {sys.version.split()[0]}, {os.cpu_count()} CPUs)")
    print()
    print(header(f"(a) cold start, {args.runs} runs each, alternating"))
    print(row(f"studytorch run --device {args.device} (x = 1) [s]", run_times, 1, "9.3f"))
    print(row('python -c "import torch"              [s]', import_times, 1, "9.3f"))
    verdict = "ok" if cold <= TARGET_COLD else "OVER TARGET"
    print(f"  ratio {cold:.2f}x  (target <= {TARGET_COLD}x: {verdict})")
    for code, (session_times, bare_times) in warm.items():
        ratio = statistics.median(session_times) / statistics.median(bare_times)
        print()
        print(header(f"(b) warm execute, {args.trips} round trips each"))
        print(f"  {code}")
        print(row("KernelSession.execute to Done       [ms]", session_times, 1000, "9.2f"))
        print(row("bare jupyter_client execute to idle [ms]", bare_times, 1000, "9.2f"))
        verdict = "ok" if ratio <= TARGET_WARM else "OVER TARGET"
        print(f"  ratio {ratio:.2f}x  (target <= {TARGET_WARM}x: {verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
