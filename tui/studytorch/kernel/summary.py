"""The probe's run summary as types: what each key holds, decoded once where it arrives.

The probe (kernel/probe/) sends plain JSON; `decode_run` checks it once, dropping what does not
have the keys a view reads, so the CLI and the app read typed values (`TensorSummary`, ...)
instead of guessing at `dict[str, Any]`. These stay dicts at run time, so `run --json`, the
store and the explainer take them as they are.
"""

from __future__ import annotations

import sys
from typing import Any, TypedDict

if sys.version_info >= (3, 11):
    from typing import NotRequired
else:  # pragma: no cover - Python 3.10
    from typing_extensions import NotRequired

Shape = list[int]


class GradInfo(TypedDict):
    shape: Shape
    norm: float | str | None


class TensorStats(TypedDict, total=False):
    min: float | str | None
    max: float | str | None
    mean: float | str | None
    std: float | str | None
    nan: int
    inf: int
    sampled: bool


class TensorSummary(TypedDict):
    name: str
    shape: Shape
    dtype: str
    device: str
    requires_grad: bool
    is_leaf: bool
    grad_fn: str | None
    grad: GradInfo | None
    numel: int
    stride: Shape | None
    contiguous: bool | None
    shares_with: list[str]
    stats: TensorStats | None
    preview: str
    uninitialized: NotRequired[bool]
    """A lazy layer's parameter before its first call: no shape yet."""
    unavailable: NotRequired[str]
    """Why the value could not be summarised (its other fields are empty)."""


class ParamSummary(TypedDict):
    name: str
    shape: Shape
    requires_grad: bool
    grad_norm: float | str | None
    numel: int
    uninitialized: NotRequired[bool]
    grad_norm_before: NotRequired[float | None]
    """Set on the UI side: the same step's previous run's norm (RunResult.compare_with)."""


class ModuleSummary(TypedDict):
    name: str
    type: str
    parameters: list[ParamSummary]
    total: int
    trainable: int
    training: bool
    uninitialized: NotRequired[int]
    """How many parameters of a lazy module have no shape yet."""
    unavailable: NotRequired[str]


class ParamGroup(TypedDict):
    lr: float | str | None
    params: int


class OptimizerSummary(TypedDict):
    name: str
    type: str
    param_groups: list[ParamGroup]


class DataSummary(TypedDict):
    """A Dataset (`kind` "dataset": `type`, `len`) or a DataLoader (`kind` "dataloader")."""

    name: str
    kind: str
    type: NotRequired[str]
    len: int | None
    dataset: NotRequired[str]
    dataset_len: NotRequired[int | None]
    batch_size: NotRequired[int | None]
    shuffle: NotRequired[bool]
    drop_last: NotRequired[bool]
    num_workers: NotRequired[int]
    batches: NotRequired[int | None]


class LineRecord(TypedDict):
    """The last tensor a snippet line assigned to `name`, and how often the line ran."""

    line: int
    name: str
    count: int
    shape: Shape
    dtype: str
    device: str


class BatchPart(TypedDict):
    """A tensor part (`shape`, `dtype`, rows of values) or anything else (`type`, a repr)."""

    name: str
    shape: NotRequired[Shape]
    dtype: NotRequired[str]
    type: NotRequired[str]
    preview: Any


class Batch(TypedDict):
    loader: str | None
    epoch: int
    batch: int
    indices: list[Any] | None
    parts: list[BatchPart]
    failed: NotRequired[bool]


class GraphNode(TypedDict):
    id: int
    name: str
    children: list[int]
    var: NotRequired[str | None]
    shape: NotRequired[Shape]
    grad_norm: NotRequired[float | str | None]


class Graph(TypedDict):
    root: int
    nodes: list[GraphNode]
    truncated: bool


class RunWarning(TypedDict):
    """A mistake that raised nothing, said in both languages."""

    kind: str
    en: str
    ko: str
    line: NotRequired[int]


class Operand(TypedDict):
    name: str
    shape: Shape
    dtype: str
    device: str
    requires_grad: bool


class ErrorSummary(TypedDict):
    """The error a run raised; the probe and the explainer add hints (`call`, `loss`, ...)."""

    type: str
    message: str
    line: int | None
    line_text: NotRequired[str | None]
    operands: NotRequired[list[Operand]]
    call: NotRequired[str]
    explanation: NotRequired[dict[str, str] | None]


Metrics = dict[str, list[Any]]
"""Each series' values in order; a value that is not finite is the string "nan", "inf" or
"-inf" (docs/run-json.md)."""


class RunSummary(TypedDict):
    """Everything the probe reported about one run."""

    tensors: list[TensorSummary]
    modules: list[ModuleSummary]
    optimizers: list[OptimizerSummary]
    data: list[DataSummary]
    lines: list[LineRecord]
    metrics: Metrics
    batches: list[Batch]
    graph: dict[str, Graph]
    warnings: list[RunWarning]
    error: ErrorSummary | None
    gpu_broken: bool
    late_error: bool
    probe_error: str | None
    warn_error: str | None


_REQUIRED: dict[str, tuple[str, ...]] = {
    "tensors": ("name", "shape", "dtype", "device", "requires_grad"),
    "modules": ("name", "type", "total", "trainable"),
    "optimizers": ("name", "type", "param_groups"),
    "data": ("name", "kind"),
    "lines": ("line", "name", "shape"),
    "batches": ("epoch", "batch"),
    "warnings": ("kind", "en", "ko"),
}
"""The keys without which a view cannot draw an item: an item lacking one is dropped."""
_DEFAULTS: dict[str, dict[str, Any]] = {
    "tensors": {
        "is_leaf": True,
        "grad_fn": None,
        "grad": None,
        "numel": 0,
        "stride": None,
        "contiguous": None,
        "shares_with": [],
        "stats": None,
        "preview": "",
    },
    "modules": {"training": True},
    "lines": {"count": 1, "dtype": "", "device": ""},
    "data": {"len": None},
}
"""What an item may lack and a view reads anyway: filled in once, here."""


def said(warning: RunWarning, lang: str) -> str:
    """The warning in the learner's language."""
    return warning["ko"] if lang == "ko" else warning["en"]


def empty_run() -> RunSummary:
    """The summary of a run that reported nothing (yet)."""
    return decode_run({})


def decode_run(payload: dict[str, Any]) -> RunSummary:
    """The probe's `run` payload checked once, in place: every field present with its container
    type, items lacking the keys the views read dropped (a newer or older probe, or a bug there).

    In place and idempotent, so the fold (RunResult) and the live views that see the same event
    share one summary: the curve knows an earlier run's metrics by identity.
    """
    for key, required in _REQUIRED.items():
        items = payload.get(key)
        items = items if isinstance(items, list) else []
        kept = [i for i in items if isinstance(i, dict) and all(k in i for k in required)]
        payload[key] = items if len(kept) == len(items) else kept
        for item in payload[key]:
            for field, value in _DEFAULTS.get(key, {}).items():
                if field not in item:
                    item[field] = list(value) if isinstance(value, list) else value
    for module in payload["modules"]:
        module["parameters"] = _named(module.get("parameters"))
        for param in module["parameters"]:
            for field, value in (("shape", []), ("requires_grad", True), ("grad_norm", None)):
                param.setdefault(field, value)
            param.setdefault("numel", 0)
    for optimizer in payload["optimizers"]:
        groups = optimizer.get("param_groups")
        optimizer["param_groups"] = [
            {"lr": g.get("lr"), "params": g.get("params", 0), **g}
            for g in (groups if isinstance(groups, list) else [])
            if isinstance(g, dict)
        ]
    for batch in payload["batches"]:
        batch["parts"] = _named(batch.get("parts"))
        batch.setdefault("loader", None)
        batch.setdefault("indices", None)
    metrics = payload.get("metrics")
    if not (isinstance(metrics, dict) and all(isinstance(v, list) for v in metrics.values())):
        metrics = {
            str(name): values
            for name, values in (metrics.items() if isinstance(metrics, dict) else [])
            if isinstance(values, list)
        }
    payload["metrics"] = metrics
    graphs = payload.get("graph")
    payload["graph"] = {
        str(name): graph
        for name, graph in (graphs.items() if isinstance(graphs, dict) else [])
        if isinstance(graph, dict) and isinstance(graph.get("nodes"), list)
    }
    error = payload.get("error")
    payload["error"] = decode_error(error) if isinstance(error, dict) else None
    payload["gpu_broken"] = bool(payload.get("gpu_broken"))
    payload["late_error"] = bool(payload.get("late_error"))
    payload["probe_error"] = _text_or_none(payload.get("probe_error"))
    payload["warn_error"] = _text_or_none(payload.get("warn_error"))
    return payload  # type: ignore[return-value]


def _named(items: Any) -> list[Any]:
    """The items that are dicts with a name (parameters, batch parts)."""
    items = items if isinstance(items, list) else []
    kept = [i for i in items if isinstance(i, dict) and "name" in i]
    return items if len(kept) == len(items) else kept


def decode_error(error: dict[str, Any]) -> ErrorSummary:
    """An error with its type, message and line always present (the hints kept as they are)."""
    decoded = error
    decoded["type"] = str(error.get("type") or "Error")
    decoded["message"] = str(error.get("message") or "")
    line = error.get("line")
    decoded["line"] = line if isinstance(line, int) and not isinstance(line, bool) else None
    operands = error.get("operands")
    if operands is not None:
        decoded["operands"] = [
            op for op in operands if isinstance(op, dict) and "name" in op and "shape" in op
        ]
    return decoded  # type: ignore[return-value]


def _text_or_none(value: Any) -> str | None:
    return None if value is None else str(value)
