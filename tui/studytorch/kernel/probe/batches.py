"""DataLoader batches: the indices and parts of the first batches of the first epochs.

DataLoader iterators are patched once (`_next_index` and `__next__`); they record only while a
learner run is active, and only on the main thread (boot.py's warm-up iterates one too).
"""

from __future__ import annotations

import sys
import threading
from typing import Any

import torch

from . import state

MAX_BATCHES_PER_EPOCH = 3
MAX_EPOCHS = 3


def patch_dataloader() -> None:
    base: Any = torch.utils.data.dataloader._BaseDataLoaderIter
    if getattr(base, "_studytorch_patched", False):
        return
    original_next_index, original_next = base._next_index, base.__next__

    def _next_index(self):
        index = original_next_index(self)
        self._studytorch_index = index
        return index

    def __next__(self):
        batch = original_next(self)
        # Look the probe up now, not at patch time: re-attaching to a kernel installs a new one.
        current = sys.modules.get(__name__)
        if current is not None:
            current.record_current(self, batch)
        return batch

    base._next_index, base.__next__ = _next_index, __next__
    base._studytorch_patched = True


def record_current(it: Any, batch: Any) -> None:
    """Record a batch the learner's own loop drew (boot.py's warm-up thread iterates one too)."""
    run = state.run
    if run is not None and threading.current_thread() is threading.main_thread():
        record_batch(run, it, batch)


def record_batch(run: state.Run, it, batch) -> None:
    sampler = getattr(it, "_index_sampler", None)
    epochs = run.epochs.setdefault(id(sampler), [])
    run.samplers[id(sampler)] = sampler
    if not epochs or epochs[-1][0] is not it:
        if len(epochs) >= MAX_EPOCHS:
            return
        epochs.append((it, []))
    batches = epochs[-1][1]
    if len(batches) >= MAX_BATCHES_PER_EPOCH:
        return
    workers = getattr(it, "_num_workers", 0)
    index = None if workers else getattr(it, "_studytorch_index", None)
    if index is not None and not isinstance(index, list):
        index = [index]
    batches.append({"indices": _plain(index), "parts": _parts(batch)})


def _plain(value):
    if value is None:
        return None
    return [int(i) if isinstance(i, int) or hasattr(i, "__index__") else str(i) for i in value]


def _parts(batch, prefix: str = "") -> list:
    if isinstance(batch, dict):
        items = [(f"{prefix}{key}", value) for key, value in batch.items()]
    elif isinstance(batch, (tuple, list)):
        items = [(f"{prefix}{i}", value) for i, value in enumerate(batch)]
    else:
        items = [(prefix or "batch", batch)]
    parts = []
    for name, value in items[:8]:
        if isinstance(value, torch.Tensor):
            parts.append(
                {
                    "name": name,
                    "shape": list(value.shape),
                    "dtype": str(value.dtype).replace("torch.", ""),
                    "preview": _batch_preview(value),
                }
            )
        elif isinstance(value, (tuple, list, dict)) and not prefix:
            parts.extend(_parts(value, f"{name}."))
        else:
            parts.append({"name": name, "type": type(value).__name__, "preview": repr(value)[:80]})
    return parts


def _batch_preview(t) -> list:
    """The first rows of a batch, a few values each, as plain numbers."""
    exact = not (t.is_floating_point() or t.is_complex())  # int64 labels stay integers
    if t.dim() <= 1:  # labels, indices: one row of the first values
        values = t.detach().reshape(-1)[:8].cpu()
        return values.tolist() if exact else [round(v, 4) for v in values.float().tolist()]
    rows = t.detach()[:4]
    flat = rows.reshape(rows.shape[0], -1)[:, :6].cpu()
    if exact:
        return flat.tolist()
    return [[round(v, 4) for v in row] for row in flat.float().tolist()]


def batches_seen(run: state.Run, ns: dict) -> list:
    names = {}
    for name, value in ns.items():
        if isinstance(value, torch.utils.data.DataLoader) and not name.startswith("_"):
            names[id(value.batch_sampler)] = name
            names.setdefault(id(value.sampler), name)
    out = []
    for key, epochs in run.epochs.items():
        for epoch, (_, batches) in enumerate(epochs):
            for number, batch in enumerate(batches):
                out.append({"loader": names.get(key), "epoch": epoch, "batch": number, **batch})
    return out
