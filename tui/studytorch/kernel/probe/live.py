"""Live views of a run: start and stop recording, and add what was seen to the run's summary.

Shapes per line (lines.py), live metrics (metrics.py), DataLoader batches (batches.py) and
autograd graphs (graph.py) are recorded while a learner run is active (`state.run`).
"""

from __future__ import annotations

import builtins
import time
from typing import Any

from . import batches, graph, lines, metrics, state


def install_live(shell: Any, trace: bool) -> None:
    lines.tracing = trace
    # In builtins, not the learner's globals: `globals().clear()` must not break the recorder.
    setattr(builtins, lines.RECORDER, lines.record_line)
    setattr(builtins, lines.TICK, metrics.tick)
    # Without tracing only metric names are recorded: the loss curve costs next to nothing.
    shell.ast_transformers.append(lines.Instrument(None if trace else lines.METRIC_NAMES))
    batches.patch_dataloader()


def begin_run() -> None:
    state.run = state.Run()
    state.last_activity = time.monotonic()


def abandon_run() -> None:
    """Stop recording without summarising (after a GPU error nothing on the GPU can be read)."""
    state.run = None


def end_run(payload: dict[str, Any], ns: dict[str, Any]) -> None:
    """Add what the live views saw to the run's summary, and stop recording."""
    run, state.run = state.run, None
    state.last_activity = time.monotonic()
    if run is None:
        return
    metrics.flush(run, final=True)
    payload["lines"] = sorted(run.lines.values(), key=lambda item: item["line"])
    payload["metrics"] = {name: metrics.floats(values) for name, values in run.metrics.items()}
    payload["batches"] = batches.batches_seen(run, ns)
    payload["graph"] = graph.graphs(ns)
