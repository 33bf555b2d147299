"""Kernel-side warnings for mistakes that raise nothing, and hints that make errors specific.

Sent as source and executed into `_studytorch_probe` after probe.py and probe_live.py, so it
uses their names (`_torch`, `_run`, `_last_cell`, `_dropped_lines`). Standard library and torch
only. The torch hooks are global but do nothing unless a learner run is active (`_run`).
"""

from __future__ import annotations

import ast
import difflib
import re
import sys
import traceback

SQUEEZE = "_studytorch_squeeze"
MAX_WARNINGS = 8
_TORCH_HANDLES = "_studytorch_warn_handles"
"""Where the hook handles live on the torch module, so a re-attached probe can remove them."""

_seen: dict = {"run": None}


def install_warn(shell) -> None:
    """Hook optimizer steps and module calls, and watch `squeeze(d)` in the learner's code."""
    from torch.nn.modules.module import register_module_forward_pre_hook
    from torch.optim.optimizer import register_optimizer_step_pre_hook

    torch = _torch
    for handle in getattr(torch, _TORCH_HANDLES, []):  # an earlier probe in this kernel
        handle.remove()
    handles = [
        register_optimizer_step_pre_hook(_on_step),
        register_module_forward_pre_hook(_on_forward),
    ]
    setattr(torch, _TORCH_HANDLES, handles)
    import builtins

    # In builtins, like the line recorder: `globals().clear()` in a snippet must not break it.
    setattr(builtins, SQUEEZE, squeeze_watched)
    shell.ast_transformers.append(_WatchSqueeze())


def _state() -> dict | None:
    """What this run has seen so far; None outside a learner run."""
    run = _run
    if run is None:
        return None
    if _seen["run"] is not run:
        _forget()
        _seen.update(run=run, steps=0, watched=set(), handles=[], grown=None, eval=[])
        _seen.update(squeeze=[], backward_at=None, grad_checks=0)
    return _seen


def _forget() -> None:
    for handle in _seen.get("handles", []):
        handle.remove()
    _seen.clear()
    _seen["run"] = None


# --- hooks ------------------------------------------------------------------------------------


def _on_step(optimizer, args, kwargs) -> None:
    state = _state()
    if state is None:
        return
    state["steps"] += 1
    if id(optimizer) in state["watched"]:
        return
    state["watched"].add(id(optimizer))
    params = [p for group in optimizer.param_groups for p in group["params"]]
    watched = next((p for p in params if p.requires_grad and p.grad is not None), None)
    if watched is not None:
        state["handles"].append(watched.register_hook(_grad_check(watched)))


GRAD_CHECKS = 3
"""Zeroed (not None) grads are looked at this many times, then trusted: each look syncs a GPU."""


def _grad_check(param):
    """Before a new gradient is added: a non-zero old one right after a step means zero_grad()
    was skipped. Several backwards between two steps are deliberate accumulation, not flagged."""

    def check(grad):
        state = _state()
        if state is None or state["grown"] is not None:
            return None
        stepped = state["steps"] != state["backward_at"]
        state["backward_at"] = state["steps"]
        if not stepped or param.grad is None or state["grad_checks"] >= GRAD_CHECKS:
            return None  # the usual case (zero_grad sets grads to None) costs no GPU sync
        state["grad_checks"] += 1
        if bool((param.grad != 0).any()):
            state["grown"] = state["steps"]
        return None

    return check


def _on_forward(module, args) -> None:
    if _run is None or _torch.is_grad_enabled() or not module.training:
        return
    nn = _torch.nn
    if isinstance(module, (nn.modules.dropout._DropoutNd, nn.modules.batchnorm._BatchNorm)):
        state = _state()
        if (
            state is not None
            and len(state["eval"]) < MAX_WARNINGS
            and all(seen is not module for seen in state["eval"])
        ):
            state["eval"].append(module)


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
    state = _state()
    if state is None or len(state["squeeze"]) >= MAX_WARNINGS:
        return result
    tensor, dims = (args[0], args[1:]) if owner is _torch else (owner, args)
    dims = dims[0] if dims else kwargs.get("dim")
    if not isinstance(tensor, _torch.Tensor) or dims is None:
        return result
    for dim in dims if isinstance(dims, (tuple, list)) else (dims,):
        try:
            size = tensor.shape[dim]
        except (IndexError, TypeError):
            continue
        if size != 1:
            state["squeeze"].append((line, list(tensor.shape), int(dim)))
            break
    return result


# --- after the run ----------------------------------------------------------------------------


def find_warnings(ns: dict, payload: dict) -> list[dict]:
    """Notices about the run that just ended; also adds hints to its error, if any."""
    state = dict(_seen) if _seen.get("run") is not None else {}
    _forget()
    if payload.get("error"):
        _hint_error(payload["error"], ns, payload)
    offset = _dropped_lines(_last_cell)
    found: list[dict] = []
    found += _typos(ns)
    found += _no_step(ns, payload, state)
    found += _grown(ns, state)
    found += _eval_forgotten(ns, state)
    for line, shape, dim in state.get("squeeze", []):
        found.append(_squeeze_warning(line + offset, shape, dim))
    found += _nan_loss(payload)
    return found[:MAX_WARNINGS]


def _warning(kind: str, en: str, ko: str, line: int | None = None) -> dict:
    item = {"kind": kind, "en": en, "ko": ko}
    if line is not None:
        item["line"] = line
    return item


def _cell_tree():
    try:
        return ast.parse(_last_cell)
    except SyntaxError:
        return None


def _typos(ns: dict) -> list[dict]:
    """`w.required_grad = True`: a new attribute one letter away from a real one."""
    tree = _cell_tree()
    if tree is None:
        return []
    torch, out = _torch, []
    lines = _last_cell.splitlines()
    for node in ast.walk(tree):
        if not isinstance(node, (ast.Assign, ast.AugAssign)):
            continue
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        for target in targets:
            if not (isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name)):
                continue
            owner = ns.get(target.value.id)
            if not isinstance(owner, (torch.Tensor, torch.nn.Module, torch.optim.Optimizer)):
                continue
            name = target.attr
            if isinstance(owner, torch.optim.Optimizer) and name == "lr":
                out.append(_optimizer_lr(target.value.id, node.lineno))
                continue
            real = [n for n in dir(type(owner)) if not n.startswith("_")]
            if isinstance(owner, torch.nn.Module):
                real.append("training")
            if name in real:
                continue
            match = difflib.get_close_matches(name, real, 1, 0.75)
            if match:
                text = lines[node.lineno - 1].strip() if node.lineno <= len(lines) else ""
                kind = type(owner).__name__
                out.append(
                    _warning(
                        "attribute_typo",
                        f"line {node.lineno} (`{text}`) made a new attribute `{name}` on "
                        f"{target.value.id} ({kind}), which changes nothing: did you mean "
                        f"`{match[0]}`?",
                        f"{node.lineno}번째 줄(`{text}`)이 {target.value.id}({kind})에 새 속성 "
                        f"`{name}`을(를) 만들었을 뿐 아무것도 바뀌지 않았습니다. "
                        f"`{match[0]}`을(를) 쓰려던 것 아닌가요?",
                        node.lineno,
                    )
                )
    return out


def _optimizer_lr(name: str, line: int) -> dict:
    fix = f"for group in {name}.param_groups: group['lr'] = ..."
    return _warning(
        "optimizer_lr",
        f"line {line}: `{name}.lr = ...` changes nothing; an optimizer reads its learning rate "
        f"from its param groups. Use `{fix}` (or a scheduler from `torch.optim.lr_scheduler`).",
        f"{line}번째 줄: `{name}.lr = ...`은 아무것도 바꾸지 않습니다. optimizer는 학습률을 param "
        f"group에서 읽습니다. `{fix}`를 쓰세요(또는 `torch.optim.lr_scheduler`의 스케줄러).",
        line,
    )


def _loss_values(payload: dict) -> list:
    metrics = payload.get("metrics") or {}
    return metrics.get("loss") or []


def _no_step(ns: dict, payload: dict, state: dict) -> list[dict]:
    """Gradients computed for an optimizer's parameters, a loss curve, and not one step()."""
    losses = _loss_values(payload)
    if len(losses) < 2 or state.get("steps"):
        return []
    torch = _torch
    for name, value in ns.items():
        if name.startswith("_") or not isinstance(value, torch.optim.Optimizer):
            continue
        params = [p for group in value.param_groups for p in group["params"]]
        if any(p.grad is not None for p in params):
            same = all(v == losses[0] for v in losses) and isinstance(losses[0], float)
            count = len(losses)
            if same:
                what = f"the loss stayed at {losses[0]:.4g} over {count} steps"
                what_ko = f"loss가 {count}번 계산되는 동안 {losses[0]:.4g}에서 변하지 않았습니다"
            else:
                what = f"the loss was computed {count} times"
                what_ko = f"loss를 {count}번 계산했습니다"
            return [
                _warning(
                    "no_step",
                    f"{what}, but `{name}.step()` was never called, so the optimizer never "
                    f"updated the weights. Call `{name}.step()` after `loss.backward()`.",
                    f"{what_ko}. `{name}.step()`을 한 번도 부르지 않아 optimizer가 가중치를 "
                    f"갱신하지 않았습니다. `loss.backward()` 다음에 `{name}.step()`을 부르세요.",
                )
            ]
    return []


def _grown(ns: dict, state: dict) -> list[dict]:
    step = state.get("grown")
    if step is None:
        return []
    name = next(
        (n for n, v in ns.items() if isinstance(v, _torch.optim.Optimizer) and n[:1] != "_"),
        "optimizer",
    )
    return [
        _warning(
            "grad_accumulates",
            f"after step {step} a new gradient was added to the old one: `.grad` keeps growing "
            f"because `{name}.zero_grad()` is never called between steps. Call it at the start "
            "of every iteration (before `loss.backward()`).",
            f"{step}번째 step 뒤에 새 gradient가 이전 값에 더해졌습니다. step 사이에 "
            f"`{name}.zero_grad()`를 부르지 않아 `.grad`가 계속 커집니다. 반복마다 처음에"
            "(`loss.backward()` 전에) 부르세요.",
        )
    ]


def _eval_forgotten(ns: dict, state: dict) -> list[dict]:
    layers = state.get("eval") or []
    if not layers:
        return []
    torch = _torch
    owner = next(
        (
            n
            for n, v in ns.items()
            if n[:1] != "_"
            and isinstance(v, torch.nn.Module)
            and any(m is layer for m in v.modules() for layer in layers)
        ),
        "model",
    )
    kinds = ", ".join(sorted({type(layer).__name__ for layer in layers}))
    return [
        _warning(
            "eval_forgotten",
            f"{owner} ran without gradients (evaluation) while still in training mode, so its "
            f"{kinds} behaved as in training (random dropout, batch statistics). Call "
            f"`{owner}.eval()` before evaluating and `{owner}.train()` before training again.",
            f"{owner}이(가) 학습 모드인 채로 gradient 없이(평가) 실행되어 {kinds}이(가) "
            "학습 때처럼 동작했습니다(무작위 dropout, 배치 통계). 평가 전에 "
            f"`{owner}.eval()`을, 다시 학습하기 전에 `{owner}.train()`을 부르세요.",
        )
    ]


def _squeeze_warning(line: int, shape: list, dim: int) -> dict:
    size = shape[dim]
    return _warning(
        "squeeze_no_op",
        f"line {line}: `squeeze({dim})` on a tensor of shape {tuple(shape)} did nothing, "
        f"because dimension {dim} has size {size}, not 1. Check which dimension is the size-1 "
        "one, or use `view`/`reshape` if you meant to change the shape.",
        f"{line}번째 줄: 모양 {tuple(shape)}인 텐서에 `squeeze({dim})`을 했지만 아무 일도 "
        f"일어나지 않았습니다. {dim}번 차원의 크기가 1이 아니라 {size}입니다. 크기 1인 차원이 "
        "어디인지 확인하거나, 모양을 바꾸려던 것이라면 `view`/`reshape`를 쓰세요.",
        line,
    )


def _nan_loss(payload: dict) -> list[dict]:
    losses = _loss_values(payload)
    first = next((i for i, v in enumerate(losses) if isinstance(v, str)), None)
    if first is None:
        return []
    value = losses[first]
    before = f" (it was {losses[first - 1]:.4g} just before)" if first else ""
    before_ko = f"(바로 전에는 {losses[first - 1]:.4g})" if first else ""
    return [
        _warning(
            "nan_loss",
            f"the loss became {value} at step {first + 1}{before}. Usually the learning rate is "
            "too high (lower it 10×), or a `log`/division meets 0 (add a small epsilon, or use "
            "`cross_entropy` / `BCEWithLogitsLoss` on raw scores).",
            f"loss가 {first + 1}번째 step에서 {value}이(가) 됐습니다{before_ko}. 대개 학습률이 "
            "너무 크거나(10배 줄여 보세요) `log`나 나눗셈에 0이 들어간 경우입니다(작은 epsilon을 "
            "더하거나, 날것의 점수에 `cross_entropy` / `BCEWithLogitsLoss`를 쓰세요).",
        )
    ]


# --- hints for the explainer ------------------------------------------------------------------


def _hint_error(error: dict, ns: dict, payload: dict) -> None:
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
            if isinstance(indices, _torch.Tensor) and indices.numel():
                error["embedding"] = {
                    "num_embeddings": int(weight.shape[0]),
                    "max_index": int(indices.max()),
                }
        elif code in ("cross_entropy", "nll_loss") and "loss" not in error:
            given, target = local.get("input"), local.get("target")
            if isinstance(given, _torch.Tensor) and isinstance(target, _torch.Tensor):
                error["loss"] = {
                    "classes": int(given.shape[1] if given.dim() > 1 else given.shape[0]),
                    "input_shape": list(given.shape),
                    "target_shape": list(target.shape),
                }
        elif code == "_call_impl" and "module" not in error:
            module = local.get("self")
            if isinstance(module, _torch.nn.Module) and not list(module.children()):
                error["module"] = f"{type(module).__name__}({module.extra_repr()})"
    if isinstance(exc, AttributeError):
        _attribute_hint(exc, frames, error)
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
            if isinstance(value, _torch.utils.data.DataLoader)
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
    tree = _cell_tree()
    if not found or tree is None:
        return
    shape = [int(n) for n in found.group(1).replace(" ", "").split(",") if n]
    version = int(found.group(2))
    suspects = {
        name
        for name, value in ns.items()
        if isinstance(value, _torch.Tensor)
        and list(value.shape) == shape
        and value._version == version
    }
    lines = _last_cell.splitlines()
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
    sites = []
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
