"""What a fresh process per run costs: the probe's restore after each run, on a device.

Runs a trivial snippet and a small training step `--runs` times on a warm kernel and prints the
median of the probe's own restore time (`summary["isolation"]["ms"]`) beside the median round
trip of the whole run, so the restore is read as a share of what the learner waits for.
`.venv/bin/python benchmarks/bench_isolation.py [--device cuda] [--runs 30]`; a measurement,
not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from studytorch.kernel import KernelSession
from studytorch.kernel.result import collect

SNIPPETS = {
    "x = 1": "x = 1\n",
    "train step": (
        "model = nn.Linear(64, 8).to(device)\n"
        "opt = torch.optim.SGD(model.parameters(), lr=0.1)\n"
        "x = torch.randn(32, 64, device=device)\n"
        "loss = model(x).pow(2).mean()\n"
        "opt.zero_grad()\nloss.backward()\nopt.step()\n"
    ),
}


async def measure(device: str, runs: int) -> None:
    with tempfile.TemporaryDirectory() as logs:
        session = KernelSession(device=device, log_dir=Path(logs))
        try:
            await session.start()
            print(f"device {device}, {runs} runs each (after 3 warm-up runs)")
            for name, code in SNIPPETS.items():
                for _ in range(3):
                    await collect(session.execute(code))
                restore, trip = [], []
                for _ in range(runs):
                    start = time.perf_counter()
                    result = await collect(session.execute(code))
                    trip.append((time.perf_counter() - start) * 1000)
                    assert result.ok, result.error
                    restore.append(float(result.summary["isolation"]["ms"]))
                r, t = statistics.median(restore), statistics.median(trip)
                print(f"{name:>10}: restore {r:.2f} ms of a {t:.1f} ms round trip ({r / t:.1%})")
        finally:
            await session.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    asyncio.run(measure(args.device, args.runs))


if __name__ == "__main__":
    main()
