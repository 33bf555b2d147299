"""Live metrics: values a loop produces (a `loss`, or `track(name, v)`), streamed while it runs.

Tensors are kept detached and converted in batches at flush time, so a GPU loop is not
synchronised every step; updates go out as `update_display_data` at most every 0.1 s.
"""

from __future__ import annotations

import time
from typing import Any

import torch

from . import state

LIVE_INTERVAL_S = 0.1
"""Live metric updates are sent at most this often (about 10 per second)."""


def track(name: str, value: Any, _loop: Any = None) -> None:
    """Stream a value (a number or a one-element tensor) as a curve named `name`: one point
    per iteration of the loop that calls it (the last value of an iteration wins)."""
    run = state.run
    if run is not None:
        add_metric(run, str(name), value, loop=_loop, auto=False)


def tick(loop: Any) -> None:
    """A loop of the snippet (at the top of its body) begins an iteration."""
    run = state.run
    if run is not None:
        run.iterations[loop] = run.iterations.get(loop, 0) + 1
        run.tick += 1


def add_metric(run: state.Run, name: str, value: Any, loop: Any = None, auto: bool = True) -> None:
    """One point per loop iteration per series: a name assigned again in the same iteration
    (`loss, n = loss.item(), ...`) replaces that iteration's point. A name the snippet passes
    to `track` is its own: the automatic capture of `loss` then stays out of it."""
    if isinstance(value, torch.Tensor):
        if value.numel() != 1:
            return
        value = value.detach()  # converted in batches at flush time: no sync per step on GPU
    elif not isinstance(value, (int, float)) or isinstance(value, bool):
        return
    if auto and name in run.tracked:
        return
    if not auto and name not in run.tracked:
        run.tracked.add(name)
        if run.metrics.pop(name, None) is not None:  # captured before: the curve starts again
            run.sent[name] = 0
            run.point_of.pop(name, None)
    point = (loop, run.iterations.get(loop, 0)) if loop is not None else ("any", run.tick)
    values = run.metrics.setdefault(name, [])
    if values and run.point_of.get(name) == point:
        values[-1] = value
        run.sent[name] = min(run.sent.get(name, 0), len(values) - 1)  # resend the new value
    else:
        values.append(value)
        run.point_of[name] = point
    now = time.monotonic()
    if now - run.last_sent >= LIVE_INTERVAL_S:
        run.last_sent = now
        flush(run)


def flush(run: state.Run, final: bool = False) -> None:
    append = {}
    for name, values in run.metrics.items():
        start = run.sent.get(name, 0)
        if start < len(values):
            values[start:] = floats(values[start:])
            append[name] = {"start": start, "values": values[start:]}
            run.sent[name] = len(values)
    if not append or (final and not run.announced):
        return
    state.publish(
        {"kind": "metrics", "append": append},
        transient={"display_id": run.display_id},
        update=run.announced,
    )
    run.announced = True


def floats(values: list) -> list:
    tensors = [v for v in values if isinstance(v, torch.Tensor)]
    if tensors:
        try:
            converted = iter(torch.stack([t.reshape(()) for t in tensors]).float().cpu().tolist())
            values = [next(converted) if isinstance(v, torch.Tensor) else v for v in values]
        except Exception:
            values = [float(v) for v in values]
    # Values flushed earlier are already plain (NaN and inf as strings): keep them as they are.
    return [
        v if isinstance(v, str) else float(v) if v == v and abs(v) != float("inf") else str(v)
        for v in values
    ]
