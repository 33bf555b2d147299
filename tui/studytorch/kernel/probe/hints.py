"""Hints that make an error's explanation specific: the failing batch, the in-place line,
the number of classes, a close attribute name. Read from the exception's frames."""

from __future__ import annotations

import ast
import difflib
import re
import sys
import traceback
from collections.abc import Mapping

import torch

from . import state


def hint_error(error: dict, ns: dict, payload: dict) -> None:
    """Facts the message does not carry: the batch that failed, the line that changed a tensor
    in place, the number of classes, a close attribute name. Read from the exception's frames."""
    exc = getattr(sys, "last_value", None)
    if exc is None or type(exc).__name__ != error.get("type") or str(exc) != error.get("message"):
        return
    frames = [frame for frame, _ in traceback.walk_tb(exc.__traceback__)]
    for frame in reversed(frames):
        code, local = frame.f_code.co_name, frame.f_locals
        if code == "_next_data" and "index" in local and "batch_indices" not in error:
            error["batch_indices"] = _indices(local["index"])
            _failed_batch(payload, ns, local.get("self"), error)
        elif code == "embedding" and "weight" in local and "embedding" not in error:
            weight, indices = local["weight"], local.get("input")
            if isinstance(indices, torch.Tensor) and indices.numel():
                error["embedding"] = {
                    "num_embeddings": int(weight.shape[0]),
                    "max_index": int(indices.max()),
                }
        elif code in ("cross_entropy", "nll_loss") and "loss" not in error:
            given, target = local.get("input"), local.get("target")
            if isinstance(given, torch.Tensor) and isinstance(target, torch.Tensor):
                error["loss"] = {
                    "classes": int(given.shape[1] if given.dim() > 1 else given.shape[0]),
                    "input_shape": list(given.shape),
                    "target_shape": list(target.shape),
                }
        elif code == "_call_impl" and "module" not in error:
            module = local.get("self")
            if isinstance(module, torch.nn.Module) and not list(module.children()):
                error["module"] = f"{type(module).__name__}({module.extra_repr()})"
    if isinstance(exc, AttributeError):
        _attribute_hint(exc, frames, error)
        error["optimizers"] = _optimizers(ns)
    if isinstance(exc, KeyError):
        _key_hint(exc, ns, error)
    if "backward through the graph a second time" in error.get("message", ""):
        _carried_hint(error, ns)
    if error.get("operands"):
        _origins_hint(error)
    if "object is not callable" in error.get("message", "") and "batch_indices" in error:
        _collate_called_hint(error)
    if isinstance(exc, ModuleNotFoundError):
        error["python"] = sys.executable
    if "modified by an inplace operation" in error.get("message", ""):
        _inplace_hint(error, ns)


def _failed_batch(payload: dict, ns: dict, it, error: dict) -> None:
    """The batch that could not be made, added to the Batches view with its indices."""
    sampler = getattr(it, "_index_sampler", None)
    loader = next(
        (
            name
            for name, value in ns.items()
            if isinstance(value, torch.utils.data.DataLoader)
            and name[:1] != "_"
            and value.batch_sampler is sampler
        ),
        None,
    )
    batches = payload.setdefault("batches", [])
    number = int(getattr(it, "_num_yielded", 0))
    epochs = [b["epoch"] for b in batches if b.get("loader") == loader]
    epoch = (max(epochs) + (1 if number == 0 else 0)) if epochs else 0
    text = f"{error.get('type')}: {error.get('message')}"
    batches.append(
        {
            "loader": loader,
            "epoch": epoch,
            "batch": number,
            "indices": error["batch_indices"],
            "parts": [{"name": "failed", "type": "", "preview": text[:200]}],
            "failed": True,
        }
    )


def _collate_called_hint(error: dict) -> None:
    """`collate_fn=pad_batch(data)`: the function that was called where it should be passed."""
    tree = cell_tree()
    for node in ast.walk(tree) if tree is not None else []:
        if isinstance(node, ast.keyword) and node.arg == "collate_fn":
            if isinstance(node.value, ast.Call):
                error["collate_fn_called"] = ast.unparse(node.value.func)
            return


def _indices(index) -> list | None:
    try:
        return [int(i) for i in index]
    except (TypeError, ValueError):
        return None


def _attribute_hint(exc: AttributeError, frames: list, error: dict) -> None:
    owner, name = getattr(exc, "obj", None), getattr(exc, "name", None)
    if owner is None:  # nn.Module.__getattr__ raises without naming the object
        frame = next((f for f in reversed(frames) if f.f_code.co_name == "__getattr__"), None)
        owner = frame.f_locals.get("self") if frame is not None else None
        name = frame.f_locals.get("name") if frame is not None else None
    if owner is None or not isinstance(name, str):
        return
    real = [n for n in dir(owner) if not n.startswith("_") and n != name]
    match = difflib.get_close_matches(name, real, 1, 0.6)
    if match:
        error["suggestion"] = match[0]


def _inplace_hint(error: dict, ns: dict) -> None:
    """The line that changed, in place, a tensor of the shape and version the message names."""
    found = re.search(
        r"\[[\w.]+ \[([\d, ]*)\]\], which is output \d+ of \w+, is at version (\d+)",
        error["message"],
    )
    tree = cell_tree()
    if not found or tree is None:
        return
    shape = [int(n) for n in found.group(1).replace(" ", "").split(",") if n]
    version = int(found.group(2))
    suspects = {
        name
        for name, value in ns.items()
        if isinstance(value, torch.Tensor)
        and list(value.shape) == shape
        and value._version == version
    }
    lines = state.last_cell.splitlines()
    sites = sorted(_inplace_sites(tree), key=lambda site: site[0])
    chosen = next((s for s in sites if s[1] in suspects), None) or next(
        (s for s in sites if s[1] is None), None
    )
    if chosen is not None:
        line, name = chosen
        error["inplace_line"] = {"line": line, "text": lines[line - 1], "name": name}


def _inplace_sites(tree) -> list[tuple[int, str | None]]:
    """(line, name) for `x += ...`, `x[i] = ...`, `x.add_(...)`, `torch.relu_(x)`, and
    (line, None) for `inplace=True` layers."""
    sites: list[tuple[int, str | None]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
            sites.append((node.lineno, node.target.id))
        elif isinstance(node, (ast.Assign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name):
                    sites.append((node.lineno, target.value.id))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            attr, owner = node.func.attr, node.func.value
            if attr.endswith("_") and not attr.endswith("__") and isinstance(owner, ast.Name):
                if owner.id in ("torch", "F") and node.args and isinstance(node.args[0], ast.Name):
                    sites.append((node.lineno, node.args[0].id))
                elif owner.id not in ("torch", "F", "nn", "init"):
                    sites.append((node.lineno, owner.id))
        if isinstance(node, ast.Call) and any(
            k.arg == "inplace" and isinstance(k.value, ast.Constant) and k.value.value is True
            for k in node.keywords
        ):
            sites.append((node.lineno, None))
    return sites


def _optimizers(ns: dict) -> list[str]:
    """The snippet's optimizers by name: `step()` called on a model means one of these."""
    return [n for n, v in ns.items() if n[:1] != "_" and isinstance(v, torch.optim.Optimizer)]


def _key_hint(exc: KeyError, ns: dict, error: dict) -> None:
    """For `ckpt['model_state']`: the dictionary's name and the keys it does have."""
    key = exc.args[0] if exc.args else None
    text = error.get("line_text") or ""
    if not isinstance(key, str):
        return
    found = re.search(rf"([A-Za-z_]\w*)\s*\[\s*['\"]{re.escape(key)}['\"]\s*\]", text)
    mapping = ns.get(found.group(1)) if found else None
    if found and isinstance(mapping, Mapping):
        error["mapping"] = found.group(1)
        error["keys"] = [str(k) for k in list(mapping)[:12]]


def _carried_hint(error: dict, ns: dict) -> None:
    """Names a loop reads before it assigns them again, still holding a graph: a hidden state
    or a total carried from one iteration into the next (and into its backward)."""
    tree = cell_tree()
    if tree is None:
        return
    carried: list[str] = []
    for loop in ast.walk(tree):
        if not isinstance(loop, (ast.For, ast.While)):
            continue
        assigned: dict[str, int] = {}
        for node in ast.walk(loop):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                assigned.setdefault(node.id, node.lineno)
        for node in ast.walk(loop):
            if not isinstance(node, ast.Name) or not isinstance(node.ctx, ast.Load):
                continue
            name = node.id
            if name in carried:
                continue
            value = ns.get(name)
            first_store = assigned.get(name)
            read_first = first_store is not None and node.lineno <= first_store
            if read_first and isinstance(value, torch.Tensor) and value.grad_fn is not None:
                carried.append(name)
    if carried:
        error["carried"] = carried


def _origins_hint(error: dict) -> None:
    """Where each operand named by a plain name was last assigned before the failing line."""
    tree, line = cell_tree(), error.get("line")
    if tree is None or not line:
        return
    names = {op.get("name") for op in error["operands"] if str(op.get("name", "")).isidentifier()}
    lines = state.last_cell.splitlines()
    origins: dict[str, dict] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and node.lineno < line and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name) and target.id in names:
                known = origins.get(target.id)
                if known is None or known["line"] < node.lineno:
                    origins[target.id] = {"line": node.lineno, "text": lines[node.lineno - 1]}
    if origins:
        error["origins"] = origins


def cell_tree():
    try:
        return ast.parse(state.last_cell)
    except SyntaxError:
        return None
