"""Cost of line tracing: a 2,000-step training loop of a small MLP, traced against untraced.

Runs `studytorch run FILE.py --json` and `studytorch run FILE.py --json --no-trace` alternately
(5 times each by default) on the same snippet and compares the run's own `duration_s` (kernel
start-up excluded; on a GPU it includes the queued GPU work, which the probe waits for).
Target: traced / untraced <= 1.15. Run it on a quiet machine:

    .venv/bin/python benchmarks/bench_trace.py [--device cuda] [ROUNDS]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

SNIPPET = """
torch.manual_seed(0)
torch.set_num_threads(1)
x = torch.randn(256, 16, device=device)
y = x.sum(dim=1, keepdim=True)
model = torch.nn.Sequential(
    torch.nn.Linear(16, 32), torch.nn.ReLU(), torch.nn.Linear(32, 1)
).to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
criterion = torch.nn.MSELoss()
for step in range(2000):
    optimizer.zero_grad()
    outputs = model(x)
    loss = criterion(outputs, y)
    loss.backward()
    optimizer.step()
print(float(loss))
"""


def studytorch_command() -> list[str]:
    script = Path(sys.executable).with_name("studytorch")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "studytorch"]


def run(path: Path, device: str, *flags: str) -> float:
    command = [*studytorch_command(), "run", str(path), "--json", "--device", device, *flags]
    out = subprocess.run(command, capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    assert result["ok"], result
    return result["duration_s"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("rounds", nargs="?", type=int, default=5, help="runs of each (default 5)")
    parser.add_argument("--device", default="cpu", help="cpu, cuda, cuda:N or mps (default cpu)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        os.environ["STUDYTORCH_HOME"] = home
        path = Path(home) / "loop.py"
        path.write_text(SNIPPET)
        traced, untraced = [], []
        for _ in range(args.rounds):
            untraced.append(run(path, args.device, "--no-trace"))
            traced.append(run(path, args.device))
    t, u = statistics.median(traced), statistics.median(untraced)
    print(f"{'2,000-step MLP loop on ' + args.device:<24}{'median s':>10}")
    print(f"{'untraced (--no-trace)':<24}{u:>10.3f}")
    print(f"{'traced (default)':<24}{t:>10.3f}")
    print(f"ratio traced/untraced: {t / u:.3f}  (target <= 1.15)")


if __name__ == "__main__":
    main()
