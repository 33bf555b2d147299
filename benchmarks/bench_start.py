"""Launch to first result, and F9 (restart) to result, against jupyter-console in one run.

(a) First result: a learner opens a lesson and presses F5 as soon as it shows; a jupyter-console
user types the same snippet (plus `import torch`) as soon as its prompt shows. Both run in a
private tmux server with the same interpreter, alternating, and the clock runs from the
launch command to the result on screen. Target: studytorch's median <= 0.9x jupyter-console's.
(b) Restart: in the open app, F9 then F5 at once; the clock runs until the result is drawn
again. Target: median <= 1.0 s (the warm spare kernel makes a restart a swap).
Run it with `.venv/bin/python benchmarks/bench_start.py [--rounds 3]`; it needs tmux and
jupyter-console (`pip install jupyter-console`), and writes nothing outside a temporary folder.
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
import time
from pathlib import Path

HERE = Path(__file__).parent
_spec = importlib.util.spec_from_file_location("bench_tui", HERE / "bench_tui.py")
assert _spec is not None and _spec.loader is not None
bench_tui = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench_tui)

MARK = "RESULT-OF-BENCH"
SNIPPET = f'print("{MARK}", (torch.ones(2, 3) @ torch.ones(3, 4)).shape)'
PRINTED = f"{MARK} torch.Size([2, 4])"
"""What the snippet prints; the editor shows its source, so the clock waits for this."""
LESSON = f"""format_version = 1
id = "bench"
title.en = "Bench"
title.ko = "벤치"

[[steps]]
id = "one"
title.en = "One"
title.ko = "하나"
note.en = "A note."
note.ko = "설명."
starter = '''
{SNIPPET}
'''

[[cards]]
question.en = "q"
question.ko = "q"
answer.en = "a"
answer.ko = "a"

[[cards]]
question.en = "q2"
question.ko = "q2"
answer.en = "a2"
answer.ko = "a2"
"""
BIN = Path(sys.executable).parent


def studytorch_round(tmux, name: str, home: Path) -> tuple[float, float]:
    """(launch to first result, F9+F5 to result) for one app launch."""
    started = time.perf_counter()
    pid = tmux.start(name, [str(BIN / "studytorch"), "--lesson", "bench", "--lang", "en"])
    tmux.wait_for(name, lambda text: "Bench" in text and "Step 1/1" in text.replace("step", "Step"))
    tmux("send-keys", "-t", name, "F5")
    tmux.wait_for(name, lambda text: PRINTED in text, timeout=90)
    first = time.perf_counter() - started
    time.sleep(3.0)  # the spare kernel boots while the learner reads
    started = time.perf_counter()
    tmux("send-keys", "-t", name, "F9")
    tmux("send-keys", "-t", name, "F5")
    tmux.wait_for(name, lambda text: PRINTED not in text, timeout=5)
    tmux.wait_for(name, lambda text: PRINTED in text, timeout=60)
    restart = time.perf_counter() - started
    tmux("send-keys", "-t", name, "C-q")
    bench_tui.wait_gone(pid, home)
    return first, restart


def console_round(tmux, name: str) -> float:
    started = time.perf_counter()
    tmux.start(name, [str(BIN / "jupyter-console"), "--kernel", "python3"])
    tmux.wait_for(name, lambda text: "In [1]:" in text, timeout=90)
    tmux("send-keys", "-t", name, "-l", "import torch; " + SNIPPET)
    tmux("send-keys", "-t", name, "Enter")
    tmux.wait_for(name, lambda text: PRINTED in text, timeout=90)
    took = time.perf_counter() - started
    tmux("send-keys", "-t", name, "-l", "exit")
    tmux("send-keys", "-t", name, "Enter")
    time.sleep(1.0)
    tmux("kill-session", "-t", name, check=False)
    return took


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if shutil.which("tmux") is None or not (BIN / "jupyter-console").exists():
        print("needs tmux and jupyter-console in this venv (pip install jupyter-console)")
        return 2
    package = importlib.util.find_spec("studytorch").submodule_search_locations[0]
    compileall.compile_dir(package, quiet=1)  # as on a learner's machine (see bench_tui.py)
    with tempfile.TemporaryDirectory(prefix="studytorch-bench-") as tmp:
        home = Path(tmp) / "home"
        (home / "lessons" / "99-bench").mkdir(parents=True)
        (home / "lessons" / "99-bench" / "lesson.toml").write_text(LESSON, encoding="utf-8")
        env = {**os.environ, "STUDYTORCH_HOME": str(home), "TMPDIR": tmp}
        env["JUPYTER_RUNTIME_DIR"] = str(Path(tmp) / "runtime")
        env.pop("TMUX", None)
        tmux = bench_tui.Tmux(env)
        ours, restarts, theirs = [], [], []
        try:
            for i in range(args.rounds):
                theirs.append(console_round(tmux, f"console{i}"))
                first, restart = studytorch_round(tmux, f"app{i}", home)
                ours.append(first)
                restarts.append(restart)
        finally:
            tmux.kill()
    m_ours, m_theirs, m_restart = (statistics.median(v) for v in (ours, theirs, restarts))
    print(f"launch -> first result: studytorch {m_ours:.2f} s, jupyter-console {m_theirs:.2f} s")
    print(f"  ratio {m_ours / m_theirs:.2f}x (target <= 0.90x); runs {ours} vs {theirs}")
    print(f"F9 then F5 -> result: median {m_restart:.2f} s (target <= 1.0 s); runs {restarts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
