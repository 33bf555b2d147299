"""Hooks that watch a run for mistakes that raise nothing: steps, grads, eval mode, squeeze.

The torch hooks are global but do nothing unless a learner run is active (`state.run`); what
they saw is read once the run ends (mistakes.py).
"""

from __future__ import annotations

import ast
import builtins
from typing import Any

import torch

from . import state

SQUEEZE = "_studytorch_squeeze"
MAX_WARNINGS = 8
_TORCH_HANDLES = "_studytorch_warn_handles"
"""Where the hook handles live on the torch module, so a re-attached probe can remove them."""

seen: dict[str, Any] = {"run": None}
"""What the current run has shown so far (steps, watched optimizers, eval layers, squeezes)."""


def install_warn(shell) -> None:
    """Hook optimizer steps and module calls, and watch `squeeze(d)` in the learner's code."""
    from torch.nn.modules.module import register_module_forward_pre_hook
    from torch.optim.optimizer import register_optimizer_step_pre_hook

    for handle in getattr(torch, _TORCH_HANDLES, []):  # an earlier probe in this kernel
        handle.remove()
    handles = [
        register_optimizer_step_pre_hook(_on_step),
        register_module_forward_pre_hook(_on_forward),
    ]
    setattr(torch, _TORCH_HANDLES, handles)

    # In builtins, like the line recorder: `globals().clear()` in a snippet must not break it.
    setattr(builtins, SQUEEZE, squeeze_watched)
    shell.ast_transformers.append(_WatchSqueeze())


def current() -> dict | None:
    """What this run has seen so far; None outside a learner run."""
    run = state.run
    if run is None:
        return None
    if seen["run"] is not run:
        forget()
        seen.update(run=run, steps=0, watched=set(), handles=[], grown=None, eval=[])
        seen.update(squeeze=[], backward_at=None, grad_checks=0)
    return seen


def forget() -> None:
    for handle in seen.get("handles", []):
        handle.remove()
    seen.clear()
    seen["run"] = None


# --- hooks ------------------------------------------------------------------------------------


def _on_step(optimizer, args, kwargs) -> None:
    now = current()
    if now is None:
        return
    now["steps"] += 1
    if id(optimizer) in now["watched"]:
        return
    now["watched"].add(id(optimizer))
    params = [p for group in optimizer.param_groups for p in group["params"]]
    watched = next((p for p in params if p.requires_grad and p.grad is not None), None)
    if watched is not None:
        now["handles"].append(watched.register_hook(_grad_check(watched)))


GRAD_CHECKS = 3
"""Zeroed (not None) grads are looked at this many times, then trusted: each look syncs a GPU."""


def _grad_check(param):
    """Before a new gradient is added: a non-zero old one right after a step means zero_grad()
    was skipped. Several backwards between two steps are deliberate accumulation, not flagged."""

    def check(grad):
        now = current()
        if now is None or now["grown"] is not None:
            return None
        stepped = now["steps"] != now["backward_at"]
        now["backward_at"] = now["steps"]
        if not stepped or param.grad is None or now["grad_checks"] >= GRAD_CHECKS:
            return None  # the usual case (zero_grad sets grads to None) costs no GPU sync
        now["grad_checks"] += 1
        if bool((param.grad != 0).any()):
            now["grown"] = now["steps"]
        return None

    return check


def _on_forward(module, args) -> None:
    if state.run is None or torch.is_grad_enabled() or not module.training:
        return
    nn = torch.nn
    if isinstance(module, (nn.modules.dropout._DropoutNd, nn.modules.batchnorm._BatchNorm)):
        now = current()
        if (
            now is not None
            and len(now["eval"]) < MAX_WARNINGS
            and all(layer is not module for layer in now["eval"])
        ):
            now["eval"].append(module)


class _WatchSqueeze(ast.NodeTransformer):
    """`x.squeeze(1)` becomes `_studytorch_squeeze(line, x, 1)`: same result, and a no-op
    squeeze (dimension 1 is not of size 1) is noted."""

    def visit_Call(self, node: ast.Call):
        self.generic_visit(node)
        func = node.func
        if not (isinstance(func, ast.Attribute) and func.attr == "squeeze"):
            return node
        if not (node.args or node.keywords):
            return node
        call = ast.Call(
            func=ast.Name(SQUEEZE, ast.Load()),
            args=[ast.Constant(node.lineno), func.value, *node.args],
            keywords=node.keywords,
        )
        return ast.fix_missing_locations(ast.copy_location(call, node))


def squeeze_watched(line: int, owner, *args, **kwargs):
    result = owner.squeeze(*args, **kwargs)
    now = current()
    if now is None or len(now["squeeze"]) >= MAX_WARNINGS:
        return result
    tensor, given = (args[0], args[1:]) if owner is torch else (owner, args)
    dims = given[0] if given else kwargs.get("dim")
    if not isinstance(tensor, torch.Tensor) or dims is None:
        return result
    for dim in dims if isinstance(dims, (tuple, list)) else (dims,):
        try:
            size = tensor.shape[dim]
        except (IndexError, TypeError):
            continue
        if size != 1:
            now["squeeze"].append((line, list(tensor.shape), int(dim)))
            break
    return result
