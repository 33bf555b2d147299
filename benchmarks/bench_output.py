"""Does a key still appear quickly while a huge line of output is being drawn?

The learner's snippet prints one 1 MB line (the kernel keeps the first 200,000 characters of a
run's output; the Output pane draws the first 2,000 of a line and counts the rest). Right after
F5, as soon as the output starts to show, a key is typed into the editor; the clock runs from
`send-keys` to that character on screen, in the installed `studytorch` command in a private
tmux server at 80x24 (bench_tui.py's harness). Target: every key within 100 ms. A benchmark,
not a timed test: run `.venv/bin/python benchmarks/bench_output.py [--runs 10]` (needs tmux).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench_tui import STUDYTORCH, Tmux, wait_gone

SNIPPET = "print('x' * {size})\nprint('END')\n"


def bench_keys(tmux: Tmux, home: Path, runs: int, size: int) -> list[float]:
    from studytorch.store import Store

    with Store(home / "studytorch.sqlite3") as store:
        store.save_edit("shape-ops", "view", SNIPPET.format(size=size))
    command = [str(STUDYTORCH), "--lesson", "shape-ops", "--lang", "en", "--device", "cpu"]
    pid = tmux.start("out", command)
    tmux.wait_for("out", lambda text: "kernel ready" in text, timeout=120)
    times = []
    for i in range(runs):
        tmux("send-keys", "-t", "out", "F5")
        tmux.wait_for("out", lambda text: "xxxxxxxxxx" in text, timeout=30)
        marker = "QZ"[i % 2]
        started = time.perf_counter()
        tmux("send-keys", "-t", "out", marker)
        tmux.wait_for("out", lambda text, m=marker: f"{m}print(" in text, timeout=30)
        times.append(time.perf_counter() - started)
        tmux.wait_for("out", lambda text: "■ " in text, timeout=30)
        tmux("send-keys", "-t", "out", "BSpace")  # the snippet as it was, for the next run
        tmux.wait_for("out", lambda text, m=marker: f"{m}print(" not in text, timeout=30)
    tmux("send-keys", "-t", "out", "C-q")
    wait_gone(pid, home)
    ms = sorted(t * 1000 for t in times)
    verdict = "ok" if ms[-1] <= 100 else "OVER TARGET"
    print(f"a key typed while a line of {size:,} characters is drawn, {runs} runs")
    print(
        f"    median {statistics.median(ms):.0f} ms, max {ms[-1]:.0f} ms, min {ms[0]:.0f} ms "
        f"(target: every key within 100 ms): {verdict}"
    )
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="keys timed")
    parser.add_argument(
        "--size", type=int, default=1_000_000, help="characters of the line (100: a baseline)"
    )
    args = parser.parse_args()
    if shutil.which("tmux") is None or not STUDYTORCH.is_file():
        print("bench_output: needs tmux and the installed studytorch command", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="bench-output-") as folder:
        home, tmp = Path(folder) / "home", Path(folder) / "tmp"
        home.mkdir()
        tmp.mkdir()
        env = {**os.environ, "STUDYTORCH_HOME": str(home), "TMPDIR": str(tmp)}
        env["TERM"] = "xterm-256color"
        env.pop("TMUX", None)
        tmux = Tmux(env)
        try:
            print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, tmux 80x24")
            bench_keys(tmux, home, args.runs, args.size)
        finally:
            tmux.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
