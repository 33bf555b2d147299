"""Kernel-side live views: shapes per line, metrics while a loop runs, DataLoader batches, graphs.

Like probe.py this is sent as source and executed into the same `_studytorch_probe` module after
it, so it may use probe.py's names (`_publish`, `_torch`, `tensor_summary` ...). Standard library
and torch only. Line recording rewrites the snippet's AST (a call after each assignment) instead
of using sys.settrace, so code outside the snippet, torch's own Python included, runs untraced.
"""

from __future__ import annotations

import ast
import itertools
import sys
import threading
import time

LIVE_INTERVAL_S = 0.1
"""Live metric updates are sent at most this often (about 10 per second)."""
METRIC_NAMES = ("loss",)
"""A scalar assigned to one of these names is streamed as a metric without any helper."""
MAX_LINES = 400
MAX_BATCHES_PER_EPOCH = 3
MAX_EPOCHS = 3
MAX_GRAPH_NODES = 60
MAX_GRAPHS = 6
RECORDER = "_studytorch_line"


class _Run:
    """What the live views gathered during one learner run."""

    def __init__(self) -> None:
        self.lines: dict[tuple[int, str], dict] = {}
        self.metrics: dict[str, list] = {}
        self.sent: dict[str, int] = {}
        self.last_sent = 0.0
        self.display_id = f"studytorch-metrics-{time.monotonic_ns()}"
        self.announced = False
        self.epochs: dict[int, list] = {}  # id(batch sampler) -> epochs, each a list of batches
        self.samplers: dict[int, object] = {}


_run: _Run | None = None
_tracing = True


def install_live(shell, trace: bool) -> None:
    global _tracing
    _tracing = trace
    import builtins

    # In builtins, not the learner's globals: `globals().clear()` must not break the recorder.
    setattr(builtins, RECORDER, record_line)
    # Without tracing only metric names are recorded: the loss curve costs next to nothing.
    shell.ast_transformers.append(_Instrument(None if trace else METRIC_NAMES))
    _patch_dataloader()


last_activity = time.monotonic()
"""When a learner run last began or ended: boot.py prewarms only after a quiet spell."""


def begin_run() -> None:
    global _run, last_activity
    _run = _Run()
    last_activity = time.monotonic()


def abandon_run() -> None:
    """Stop recording without summarising (after a GPU error nothing on the GPU can be read)."""
    global _run
    _run = None


def end_run(payload: dict, ns: dict) -> None:
    """Add what the live views saw to the run's summary, and stop recording."""
    global _run, last_activity
    run, _run = _run, None
    last_activity = time.monotonic()
    if run is None:
        return
    _flush(run, final=True)
    payload["lines"] = sorted(run.lines.values(), key=lambda item: item["line"])
    payload["metrics"] = {name: _floats(values) for name, values in run.metrics.items()}
    payload["batches"] = _batches(run, ns)
    payload["graph"] = _graphs(ns)


# --- shapes beside each line -------------------------------------------------------------


class _Instrument(ast.NodeTransformer):
    """After each assignment to plain names, call the recorder with the line and the values."""

    def __init__(self, only=None) -> None:
        super().__init__()
        self.only = only
        """Record just these names (metrics), or every name when None."""

    def _wanted(self, names: list) -> list:
        return names if self.only is None else [n for n in names if n in self.only]

    def _after(self, node: ast.stmt, targets: list[ast.expr]) -> list[ast.stmt]:
        names = self._wanted([n.id for t in targets for n in _names(t)])
        if not names:
            return [node]
        return [node, _record_call(node.lineno, names, node)]

    def visit_Assign(self, node: ast.Assign):
        self.generic_visit(node)
        return self._after(node, node.targets)

    def visit_AnnAssign(self, node: ast.AnnAssign):
        self.generic_visit(node)
        return self._after(node, [node.target]) if node.value is not None else node

    def visit_AugAssign(self, node: ast.AugAssign):
        self.generic_visit(node)
        return self._after(node, [node.target])

    def _loop(self, node):
        self.generic_visit(node)
        names = self._wanted([n.id for n in _names(node.target)])
        if names:
            node.body.insert(0, _record_call(node.lineno, names, node))
        return node

    visit_For = _loop
    visit_AsyncFor = _loop


def _names(target: ast.expr) -> list[ast.Name]:
    if isinstance(target, ast.Name):
        return [target]
    if isinstance(target, (ast.Tuple, ast.List)):
        return [n for element in target.elts for n in _names(element)]
    if isinstance(target, ast.Starred):
        return _names(target.value)
    return []


def _record_call(line: int, names: list[str], where: ast.AST) -> ast.stmt:
    call = ast.Expr(
        ast.Call(
            func=ast.Name(RECORDER, ast.Load()),
            args=[
                ast.Constant(line),
                ast.Tuple([ast.Constant(n) for n in names], ast.Load()),
                ast.Tuple([ast.Name(n, ast.Load()) for n in names], ast.Load()),
            ],
            keywords=[],
        )
    )
    return ast.fix_missing_locations(ast.copy_location(call, where))


def record_line(line: int, names: tuple, values: tuple) -> None:
    run = _run
    if run is None:
        return
    tensor = _torch.Tensor
    for name, value in zip(names, values):  # noqa: B905 - the kernel may run Python < 3.10
        if _tracing and isinstance(value, tensor):
            key = (line, name)
            entry = run.lines.get(key)
            if entry is None:
                if len(run.lines) >= MAX_LINES:
                    continue
                entry = run.lines[key] = {"line": line, "name": name, "count": 0}
            entry["count"] += 1
            entry["shape"] = list(value.shape)
            entry["dtype"] = str(value.dtype).replace("torch.", "")
            entry["device"] = str(value.device)
        if name in METRIC_NAMES:
            _add_metric(run, name, value)


# --- metrics -----------------------------------------------------------------------------


def track(name: str, value) -> None:
    """Stream a value (a number or a one-element tensor) as a curve named `name`."""
    run = _run
    if run is not None:
        _add_metric(run, str(name), value)


def _add_metric(run: _Run, name: str, value) -> None:
    if isinstance(value, _torch.Tensor):
        if value.numel() != 1:
            return
        value = value.detach()  # converted in batches at flush time: no sync per step on GPU
    elif not isinstance(value, (int, float)) or isinstance(value, bool):
        return
    run.metrics.setdefault(name, []).append(value)
    now = time.monotonic()
    if now - run.last_sent >= LIVE_INTERVAL_S:
        run.last_sent = now
        _flush(run)


def _flush(run: _Run, final: bool = False) -> None:
    append = {}
    for name, values in run.metrics.items():
        start = run.sent.get(name, 0)
        if start < len(values):
            values[start:] = _floats(values[start:])
            append[name] = {"start": start, "values": values[start:]}
            run.sent[name] = len(values)
    if not append or (final and not run.announced):
        return
    from IPython.display import publish_display_data

    publish_display_data(
        {MIME: {"kind": "metrics", "append": append}},
        transient={"display_id": run.display_id},
        update=run.announced,
    )
    run.announced = True


def _floats(values: list) -> list:
    tensors = [v for v in values if isinstance(v, _torch.Tensor)]
    if tensors:
        try:
            converted = iter(_torch.stack([t.reshape(()) for t in tensors]).float().cpu().tolist())
            values = [next(converted) if isinstance(v, _torch.Tensor) else v for v in values]
        except Exception:
            values = [float(v) for v in values]
    # Values flushed earlier are already plain (NaN and inf as strings): keep them as they are.
    return [
        v if isinstance(v, str) else float(v) if v == v and abs(v) != float("inf") else str(v)
        for v in values
    ]


# --- DataLoader batches ------------------------------------------------------------------


def _patch_dataloader() -> None:
    base = _torch.utils.data.dataloader._BaseDataLoaderIter
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
        probe = sys.modules.get("_studytorch_probe")
        run = getattr(probe, "_run", None)
        # Only the learner's own loop: boot.py's warm-up thread iterates one too.
        if run is not None and threading.current_thread() is threading.main_thread():
            probe._record_batch(run, self, batch)
        return batch

    base._next_index, base.__next__ = _next_index, __next__
    base._studytorch_patched = True


def _record_batch(run: _Run, it, batch) -> None:
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
        if isinstance(value, _torch.Tensor):
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


def _batches(run: _Run, ns: dict) -> list:
    names = {}
    for name, value in ns.items():
        if isinstance(value, _torch.utils.data.DataLoader) and not name.startswith("_"):
            names[id(value.batch_sampler)] = name
            names.setdefault(id(value.sampler), name)
    out = []
    for key, epochs in run.epochs.items():
        for epoch, (_, batches) in enumerate(epochs):
            for number, batch in enumerate(batches):
                out.append({"loader": names.get(key), "epoch": epoch, "batch": number, **batch})
    return out


# --- autograd graphs ---------------------------------------------------------------------


def _graphs(ns: dict) -> dict:
    tensor = _torch.Tensor
    leaves, made_by = {}, {}
    for name, value in ns.items():
        if name.startswith("_"):
            continue
        if isinstance(value, tensor):
            if value.grad_fn is not None:
                made_by[id(value.grad_fn)] = name
            else:
                leaves[id(value)] = name
        elif isinstance(value, _torch.nn.Module):
            for pname, p in value.named_parameters():
                leaves.setdefault(id(p), f"{name}.{pname}")
    roots = [(n, v) for n, v in ns.items() if isinstance(v, tensor) and v.grad_fn is not None]
    roots.sort(key=lambda item: item[0] != "loss")  # the loss first: its graph is the lesson
    return {name: _graph(value.grad_fn, leaves, made_by) for name, value in roots[:MAX_GRAPHS]}


def _graph(root, leaves: dict, made_by: dict) -> dict:
    ids: dict[int, int] = {}
    nodes: list[dict] = []
    counter = itertools.count()
    stack = [root]
    truncated = False
    while stack:
        fn = stack.pop()
        if id(fn) in ids:
            continue
        if len(nodes) >= MAX_GRAPH_NODES:
            truncated = True
            break
        ids[id(fn)] = next(counter)
        node = {"id": ids[id(fn)], "name": type(fn).__name__, "children": []}
        variable = getattr(fn, "variable", None)
        if variable is not None:
            node["var"] = leaves.get(id(variable))
            node["shape"] = list(variable.shape)
            grad = variable.grad
            node["grad_norm"] = float(grad.detach().float().norm()) if grad is not None else None
        elif id(fn) in made_by:
            node["var"] = made_by[id(fn)]
        nodes.append(node)
        node["_next"] = [child for child, _ in fn.next_functions if child is not None]
        stack.extend(reversed(node["_next"]))
    for node in nodes:
        node["children"] = [ids[id(child)] for child in node.pop("_next") if id(child) in ids]
    return {"root": 0, "nodes": nodes, "truncated": truncated}
