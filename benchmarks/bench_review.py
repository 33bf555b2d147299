"""How fast review opens: launch to the first card drawn, against a bare Textual app.

Measured as a learner meets it, with `bench_tui.py`'s private tmux server (80x24): the clock
runs from `tmux new-session` until `capture-pane` shows the text, so Python start-up, imports,
reading the lessons, the first paint and tmux are all inside. Both commands use this interpreter
(`python -m studytorch --lang en review shape-ops` against a file that shows "hello"), launched
alternately; the first launch of each is untimed (cold caches). The data folder is fresh, so
shape-ops' cards are all new and due. Target: the first card within 0.5 s of launch, and the
ratio to the bare app is printed beside it.
Run it with `.venv/bin/python benchmarks/bench_review.py [--launches 5]` (needs tmux).
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_tui import HELLO_APP, Tmux, launch_once

FIRST_CARD = "due · "
"""The review bar reads "Review · 3 due · <lesson>" only once a card is on screen."""
TARGET_S = 0.5


def bench(tmux: Tmux, home: Path, hello: Path, runs: int) -> None:
    review = [sys.executable, "-m", "studytorch", "--lang", "en", "review", "shape-ops"]
    commands = {
        "bare Textual hello": ([sys.executable, str(hello)], "hello"),
        "review, first card": ([*review, "--device", "cpu"], FIRST_CARD),
    }
    for n, (command, marker) in enumerate(commands.values()):
        launch_once(tmux, f"warm-{n}", command, marker, home)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for i in range(runs):
        for n, (name, (command, marker)) in enumerate(commands.items()):
            times[name].append(launch_once(tmux, f"run-{i}-{n}", command, marker, home))
    print(f"launch to first screen, tmux 80x24, {runs} alternating runs each")
    for name, values in times.items():
        listed = ", ".join(f"{v * 1000:.0f}" for v in values)
        print(f"    {name:<20} median {statistics.median(values) * 1000:6.0f} ms  ({listed})")
    hello, review_s = (statistics.median(v) for v in times.values())
    verdict = "ok" if review_s <= TARGET_S else "OVER TARGET"
    print(
        f"    review/bare ratio {review_s / hello:.2f}x; first card at {review_s * 1000:.0f} ms "
        f"(target <= {TARGET_S * 1000:.0f} ms): {verdict}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--launches", type=int, default=5, help="timed launches per command")
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        print("bench_review: tmux is not installed", file=sys.stderr)
        return 2
    package = importlib.util.find_spec("studytorch").submodule_search_locations[0]
    compileall.compile_dir(package, quiet=1)
    with tempfile.TemporaryDirectory(prefix="bench-review-") as folder:
        root = Path(folder)
        home, tmp = root / "home", root / "tmp"
        home.mkdir()
        tmp.mkdir()
        hello = root / "hello_app.py"
        hello.write_text(HELLO_APP)
        env = {**os.environ, "STUDYTORCH_HOME": str(home), "TMPDIR": str(tmp)}
        env["TERM"] = "xterm-256color"
        env.pop("TMUX", None)
        tmux = Tmux(env)
        try:
            print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, {package}")
            bench(tmux, home, hello, args.launches)
        finally:
            tmux.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
