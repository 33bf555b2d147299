"""Summaries of what a run left in the namespace: tensors, modules, optimizers, data.

Summaries, not data: a 10^8-element tensor crosses to the UI as a few hundred bytes.
"""

from __future__ import annotations

import math
import types
from typing import Any

import torch

MAX_TENSORS = 40
MAX_MODULES = 10
MAX_PARAMS = 40
STATS_LIMIT = 1 << 22  # above this many elements, stats come from an evenly spaced sample
HIDDEN = {"In", "Out", "exit", "quit", "get_ipython", "open", "torch", "nn", "device", "expect"}
HIDDEN |= {"track"}


def summarize(ns: dict) -> dict:
    tensors, modules, optimizers, data = [], [], [], []
    for name, value in list(ns.items()):
        if name.startswith("_") or name in HIDDEN or isinstance(value, types.ModuleType):
            continue
        if isinstance(value, torch.Tensor):
            tensors.append(name)
        elif isinstance(value, torch.nn.Module):
            modules.append(name)
        elif isinstance(value, torch.optim.Optimizer):
            optimizers.append(_or_unavailable("optimizer", optimizer_summary, name, value))
        elif isinstance(value, torch.utils.data.DataLoader):
            data.append(_or_unavailable("dataloader", loader_summary, name, value))
        elif isinstance(value, torch.utils.data.Dataset):
            data.append(
                {
                    "name": name,
                    "kind": "dataset",
                    "type": type(value).__name__,
                    "len": safe_len(value),
                }
            )
    # Past the limits keep the names defined last: they are what the learner just wrote.
    tensors = [_or_unavailable("tensor", tensor_summary, n, ns[n]) for n in tensors[-MAX_TENSORS:]]
    modules = [_or_unavailable("module", module_summary, n, ns[n]) for n in modules[-MAX_MODULES:]]
    _mark_shared_storage(tensors, ns)
    return {
        "kind": "run",
        "tensors": tensors,
        "modules": modules,
        "optimizers": optimizers,
        "data": data,
    }


def _or_unavailable(kind: str, summary: Any, name: str, value: Any) -> dict[str, Any]:
    """The value's summary; or, when it cannot be summarised, a stub saying why, so one odd
    value never empties the whole report."""
    try:
        return summary(name, value)
    except Exception as exc:
        return {
            **_STUBS[kind],
            "name": name,
            "type": type(value).__name__,
            "unavailable": f"{type(exc).__name__}: {exc}"[:300],
        }


_TENSOR: dict[str, Any] = {
    "shape": [],
    "dtype": "?",
    "device": "?",
    "requires_grad": False,
    "is_leaf": True,
    "grad_fn": None,
    "grad": None,
    "numel": 0,
    "stride": None,
    "contiguous": None,
    "shares_with": [],
    "stats": None,
    "preview": "",
}
_STUBS: dict[Any, dict[str, Any]] = {
    "tensor": _TENSOR,
    "module": {"parameters": [], "total": 0, "trainable": 0, "training": False},
    "optimizer": {"param_groups": []},
    "dataloader": {"kind": "dataloader", "len": None},
}
"""What a view reads of a value it cannot summarise: empty, never missing."""


def uninitialized(t: Any) -> bool:
    """A lazy module's parameter or buffer before its first forward call: it has no shape."""
    mixin = getattr(torch.nn.parameter, "UninitializedTensorMixin", ())  # torch 1.8+
    return isinstance(t, mixin)


def tensor_summary(name: str, t) -> dict:
    if uninitialized(t):
        return {
            **_TENSOR,
            "name": name,
            "dtype": str(t.dtype).replace("torch.", ""),
            "device": str(t.device),
            "requires_grad": bool(t.requires_grad),
            "uninitialized": True,
        }
    out = {
        "name": name,
        "shape": list(t.shape),
        "dtype": str(t.dtype).replace("torch.", ""),
        "device": str(t.device),
        "requires_grad": bool(t.requires_grad),
        "is_leaf": bool(t.is_leaf),
        "grad_fn": type(t.grad_fn).__name__ if t.grad_fn is not None else None,
        "grad": None,
        "numel": t.numel(),
        "stride": list(t.stride()) if t.layout == torch.strided else None,
        "contiguous": bool(t.is_contiguous()) if t.layout == torch.strided else None,
        "shares_with": [],
    }
    if t.is_leaf and t.requires_grad and t.grad is not None:
        g = t.grad
        out["grad"] = {"shape": list(g.shape), "norm": number(g.detach().float().norm())}
    out["stats"] = tensor_stats(t)
    out["preview"] = tensor_preview(t)
    return out


def tensor_stats(t) -> dict | None:
    if t.numel() == 0 or t.layout != torch.strided or t.is_complex() or t.device.type == "meta":
        return None
    with torch.no_grad():
        flat = t.detach().reshape(-1)
        sampled = flat.numel() > STATS_LIMIT
        if sampled:
            flat = flat[:: math.ceil(flat.numel() / STATS_LIMIT)]
        if flat.dtype == torch.bool:
            flat = flat.to(torch.uint8)
        stats = {"min": number(flat.min()), "max": number(flat.max()), "sampled": sampled}
        if flat.is_floating_point():
            finite = torch.isfinite(flat)
            stats["nan"] = int(torch.isnan(flat).sum())
            stats["inf"] = int((~finite).sum()) - stats["nan"]
            values = flat[finite].float() if stats["nan"] or stats["inf"] else flat.float()
            if values.numel():
                stats["mean"] = number(values.mean())
                if values.numel() > 1:  # the spread of one value is undefined, not 0
                    stats["std"] = number(values.std())
        else:
            stats["mean"] = number(flat.float().mean())
        return stats


def tensor_preview(t) -> str:
    opts = torch._tensor_str.PRINT_OPTS
    saved = (opts.threshold, opts.edgeitems, opts.precision, opts.linewidth)
    try:
        torch.set_printoptions(threshold=64, edgeitems=3, precision=4, linewidth=72)
        text = repr(t.detach())
    except Exception as exc:
        text = f"<no preview: {type(exc).__name__}>"
    finally:
        opts.threshold, opts.edgeitems, opts.precision, opts.linewidth = saved
    return text if len(text) <= 1200 else text[:1200] + " ..."


def _mark_shared_storage(tensors: list[dict], ns: dict) -> None:
    by_storage: dict[int, list[str]] = {}
    for summary in tensors:
        t = ns[summary["name"]]
        try:
            key = t.untyped_storage().data_ptr()
        except Exception:
            continue
        if key:
            by_storage.setdefault(key, []).append(summary["name"])
    for summary in tensors:
        for names in by_storage.values():
            if summary["name"] in names and len(names) > 1:
                summary["shares_with"] = [n for n in names if n != summary["name"]]


def module_summary(name: str, m) -> dict:
    params = []
    for pname, p in list(m.named_parameters())[:MAX_PARAMS]:
        if uninitialized(p):  # a lazy layer before its first call: no shape yet
            params.append(
                {
                    "name": pname,
                    "shape": [],
                    "requires_grad": bool(p.requires_grad),
                    "grad_norm": None,
                    "numel": 0,
                    "uninitialized": True,
                }
            )
            continue
        grad = p.grad
        params.append(
            {
                "name": pname,
                "shape": list(p.shape),
                "requires_grad": bool(p.requires_grad),
                "grad_norm": number(grad.detach().float().norm()) if grad is not None else None,
                "numel": p.numel(),
            }
        )
    ready = [p for p in m.parameters() if not uninitialized(p)]
    out = {
        "name": name,
        "type": type(m).__name__,
        "parameters": params,
        "total": sum(p.numel() for p in ready),
        "trainable": sum(p.numel() for p in ready if p.requires_grad),
        "training": bool(m.training),
    }
    waiting = sum(1 for p in m.parameters() if uninitialized(p))
    if waiting:
        out["uninitialized"] = waiting
    return out


def optimizer_summary(name: str, opt) -> dict:
    groups = [{"lr": number(g.get("lr")), "params": len(g["params"])} for g in opt.param_groups]
    return {"name": name, "type": type(opt).__name__, "param_groups": groups}


def loader_summary(name: str, loader) -> dict:
    return {
        "name": name,
        "kind": "dataloader",
        "dataset": type(loader.dataset).__name__,
        "len": safe_len(loader),
        "dataset_len": safe_len(loader.dataset),
        "batch_size": loader.batch_size,
        "shuffle": isinstance(loader.sampler, torch.utils.data.RandomSampler),
        "drop_last": bool(loader.drop_last),
        "num_workers": loader.num_workers,
        "batches": safe_len(loader),
    }


def safe_len(obj) -> int | None:
    try:
        return len(obj)
    except Exception:
        return None


def number(value: Any) -> float | str | None:
    """A plain float; NaN and infinities as their names ('nan', 'inf')."""
    if value is None:
        return None
    value = float(value)
    return value if math.isfinite(value) else str(value)
