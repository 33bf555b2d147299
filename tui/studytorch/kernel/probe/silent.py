"""Silent mistakes in training code: a softmax (or sigmoid) before a loss that applies its own,
a total that keeps every step's graph, a regression loss that broadcasts [N, 1] against [N],
`requires_grad = False` set on a module, and `optimizer.step` written without its parentheses.
Each a {kind, en, ko, line?} warning."""

from __future__ import annotations

import ast
import functools
import sys
import types
from typing import Any

import torch

from . import state, watch
from .errors import dropped_lines

_LOSSES = ("mse_loss", "l1_loss", "smooth_l1_loss", "huber_loss")
"""Losses that broadcast input and target silently (torch only prints a UserWarning once)."""
_PATCHED = "_studytorch_patched"


def install() -> None:
    """Wrap the regression losses so a run that broadcasts [N, 1] against [N] is noted; the
    modules (`nn.MSELoss`) call these functions too. Done once per kernel."""
    functional = torch.nn.functional
    for name in _LOSSES:
        original = getattr(functional, name)
        original = getattr(original, _PATCHED, original)  # a re-attached probe
        setattr(functional, name, _watched(name, original))


def _watched(name: str, original):
    @functools.wraps(original)
    def loss(input, target, *args, **kwargs):
        seen = watch.current()
        if (
            seen is not None
            and isinstance(input, torch.Tensor)
            and isinstance(target, torch.Tensor)
            and input.shape != target.shape
            and len(seen.setdefault("broadcast_loss", [])) < watch.MAX_WARNINGS
        ):
            seen["broadcast_loss"].append((_learner_line(), name, input.shape, target.shape))
        return original(input, target, *args, **kwargs)

    setattr(loss, _PATCHED, original)
    return loss


def _learner_line() -> int | None:
    """The line of the learner's cell that is running now."""
    frame: types.FrameType | None = sys._getframe(2)
    user_ns = state.shell.user_ns if state.shell is not None else None
    while frame is not None:
        if frame.f_globals is user_ns:
            return frame.f_lineno + dropped_lines(state.last_cell)
        frame = frame.f_back
    return None


def find(ns: dict, seen: dict, tree) -> list[dict]:
    """The silent mistakes of the run that just ended."""
    found: list[dict] = []
    found += _double_activation(ns)
    if tree is not None:
        found += _totals_with_graphs(ns, tree)
        found += _module_flags(ns, tree)
        found += _uncalled_methods(ns, tree)
    for line, name, given, target in seen.get("broadcast_loss", []):
        found.append(_broadcast_loss(line, name, list(given), list(target)))
    return found


def _warning(kind: str, en: str, ko: str, line: int | None = None) -> dict:
    item: dict[str, Any] = {"kind": kind, "en": en, "ko": ko}
    if line is not None:
        item["line"] = line
    return item


# --- a softmax before cross-entropy, a sigmoid before BCEWithLogitsLoss -------------------------


def _graph_nodes(ns: dict, limit: int = 400) -> list:
    """The autograd nodes behind the run's tensors, each once (a bounded walk)."""
    roots = [
        v.grad_fn
        for n, v in ns.items()
        if n[:1] != "_" and isinstance(v, torch.Tensor) and v.grad_fn is not None
    ]
    seen: dict[int, Any] = {}
    todo = list(roots)
    while todo and len(seen) < limit:
        node = todo.pop()
        if node is None or id(node) in seen:
            continue
        seen[id(node)] = node
        todo += [child for child, _ in getattr(node, "next_functions", ())]
    return list(seen.values())


def _inputs(node) -> list[str]:
    return [type(child).__name__ for child, _ in node.next_functions if child is not None]


def _double_activation(ns: dict) -> list[dict]:
    found = []
    for node in _graph_nodes(ns):
        kind = type(node).__name__
        if kind.startswith("NllLossBackward"):
            logs = [c for c, _ in node.next_functions if c is not None]
            if any(
                type(c).__name__.startswith("LogSoftmaxBackward")
                and any(name.startswith("SoftmaxBackward") for name in _inputs(c))
                for c in logs
            ):
                found.append(_softmax_warning())
                break
        sigmoid = any(name.startswith("SigmoidBackward") for name in _inputs(node))
        if kind.startswith("BinaryCrossEntropyWithLogitsBackward") and sigmoid:
            found.append(_sigmoid_warning())
            break
    return found


def _softmax_warning() -> dict:
    return _warning(
        "softmax_before_cross_entropy",
        "a softmax was applied to the scores before `cross_entropy` / `nn.CrossEntropyLoss`, "
        "which applies its own (log-)softmax: the model is trained on a softmax of a softmax, "
        "so the loss barely moves and learning stalls. Give the loss the raw scores (logits): "
        "drop the `softmax` / `nn.Softmax` before it, and use `softmax` only to read "
        "probabilities.",
        "`cross_entropy` / `nn.CrossEntropyLoss` 함수는 안에서 (log-)softmax를 직접 적용하는데, "
        "점수에 softmax를 먼저 적용했습니다. 그러면 softmax를 두 번 거친 값으로 학습하게 되어 "
        "손실이 거의 줄지 않습니다. 손실 함수에는 날것의 점수(로짓)를 넘기세요: 앞의 `softmax` / "
        "`nn.Softmax` 코드를 빼고, 확률을 볼 때만 `softmax`를 쓰세요.",
    )


def _sigmoid_warning() -> dict:
    return _warning(
        "sigmoid_before_bce_with_logits",
        "a sigmoid was applied before `BCEWithLogitsLoss` / `binary_cross_entropy_with_logits`, "
        "which applies its own: the loss sees sigmoid(sigmoid(x)), squeezed into (0.5, 0.73), "
        "and the model learns slowly or not at all. Give it the raw scores, or keep the "
        "sigmoid and use `nn.BCELoss`.",
        "`BCEWithLogitsLoss` / `binary_cross_entropy_with_logits` 함수는 안에서 시그모이드를 직접 "
        "적용하는데, 그 앞에서 시그모이드를 한 번 더 적용했습니다. 손실이 (0.5, 0.73) 범위로 "
        "눌린 값을 보게 되어 학습이 느리거나 멈춥니다. 날것의 점수를 넘기거나, 시그모이드를 "
        "그대로 두고 `nn.BCELoss`를 쓰세요.",
    )


# --- `running_loss += loss` ---------------------------------------------------------------------


def _totals_with_graphs(ns: dict, tree) -> list[dict]:
    """`total += loss` in a loop, where `total` ends as a tensor with a graph and is never
    differentiated: every step's graph is kept alive through it."""
    backward = {
        node.func.value.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "backward"
        and isinstance(node.func.value, ast.Name)
    }
    lines = state.last_cell.splitlines()
    found, named = [], set()
    for loop in ast.walk(tree):
        if not isinstance(loop, (ast.For, ast.While)):
            continue
        for node in ast.walk(loop):
            target = _summed_into(node)
            if target is None or target in named or target in backward:
                continue
            if not isinstance(node, ast.stmt):
                continue
            value = ns.get(target)
            if isinstance(value, torch.Tensor) and value.grad_fn is not None:
                named.add(target)
                text = lines[node.lineno - 1].strip()
                found.append(_total_warning(node.lineno, text, target))
    return found


def _summed_into(node) -> str | None:
    """`total` for `total += ...` and `total = total + ...`."""
    if isinstance(node, ast.AugAssign) and isinstance(node.op, ast.Add):
        return node.target.id if isinstance(node.target, ast.Name) else None
    if (
        isinstance(node, ast.Assign)
        and len(node.targets) == 1
        and isinstance(node.targets[0], ast.Name)
        and isinstance(node.value, ast.BinOp)
        and isinstance(node.value.op, ast.Add)
        and isinstance(node.value.left, ast.Name)
        and node.value.left.id == node.targets[0].id
    ):
        return node.targets[0].id
    return None


def _total_warning(line: int, text: str, total: str) -> dict:
    return _warning(
        "total_keeps_graph",
        f"line {line} (`{text}`) adds the loss tensor itself to `{total}`, so `{total}` keeps "
        "the autograd graph of every step alive: memory grows with each iteration. Add the "
        f"number instead, `{total} += loss.item()` (or `loss.detach()`).",
        f"{line}번째 줄(`{text}`)은 손실 텐서 자체를 `{total}` 변수에 더하므로, 모든 step의 "
        f"autograd 그래프가 `{total}` 변수를 통해 메모리에 남습니다. 반복할수록 메모리가 "
        f"늘어납니다. 숫자를 더하세요: `{total} += loss.item()`(또는 `loss.detach()`).",
        line,
    )


# --- [N, 1] against [N] -------------------------------------------------------------------------


def _broadcast_loss(line: int | None, name: str, given: list, target: list) -> dict:
    shape_in, shape_target = tuple(given), tuple(target)
    where = f"line {line}: " if line else ""
    where_ko = f"{line}번째 줄: " if line else ""
    fix = "output.squeeze(1)" if len(given) == len(target) + 1 and given[-1] == 1 else ""
    fix = fix or ("target.unsqueeze(1)" if len(target) == len(given) + 1 else "")
    how = f" (e.g. `{fix}`)" if fix else ""
    how_ko = f"(예: `{fix}`)" if fix else ""
    return _warning(
        "loss_broadcasts",
        f"{where}`{name}` compared an output of shape {shape_in} with a target of shape "
        f"{shape_target}. They broadcast instead of lining up, so every output is compared "
        "with every target and the loss is wrong although nothing fails. Make the shapes equal"
        f"{how}.",
        f"{where_ko}`{name}` 함수가 모양 {shape_in} 출력과 모양 {shape_target} 정답을 "
        "비교했습니다. 두 모양이 짝지어지지 않고 브로드캐스트되어 모든 출력이 모든 정답과 "
        f"비교되므로, 아무 오류 없이 손실이 틀립니다. 모양을 같게 맞추세요{how_ko}.",
        line,
    )


# --- `module.requires_grad = False` -------------------------------------------------------------


def _module_flags(ns: dict, tree) -> list[dict]:
    """`model.backbone.requires_grad = False` sets a plain attribute on a module: its
    parameters still require grad (`requires_grad_(False)` was meant)."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Assign):
            continue
        for target in node.targets:
            if not (isinstance(target, ast.Attribute) and target.attr == "requires_grad"):
                continue
            owner = _attributes(target.value, ns)
            if isinstance(owner, torch.nn.Module) and any(
                p.requires_grad for p in owner.parameters()
            ):
                text = ast.unparse(target.value)
                value = ast.unparse(node.value)
                found.append(_flag_warning(node.lineno, text, value))
    return found


def _attributes(node, ns: dict):
    """The value of `a.b.c` (or `a.b[0]`) in the namespace, without running any code."""
    if isinstance(node, ast.Name):
        return ns.get(node.id)
    if isinstance(node, ast.Attribute):
        owner = _attributes(node.value, ns)
        if isinstance(owner, torch.nn.Module):
            return owner._modules.get(node.attr) or owner.__dict__.get(node.attr)
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
        owner = _attributes(node.value, ns)  # `model[0]` of a Sequential or ModuleList
        index = node.slice.value
        if isinstance(owner, (torch.nn.Sequential, torch.nn.ModuleList)) and isinstance(index, int):
            return owner[index] if -len(owner) <= index < len(owner) else None
    return None


def _flag_warning(line: int, module: str, value: str) -> dict:
    return _warning(
        "module_requires_grad",
        f"line {line}: `{module}.requires_grad = {value}` only sets a new attribute on the "
        "module; its parameters still require grad, so nothing is frozen. Use "
        f"`{module}.requires_grad_({value})`, which sets the flag on every parameter.",
        f"{line}번째 줄: `{module}.requires_grad = {value}` 코드는 모듈에 새 속성을 만들 뿐, "
        "파라미터는 여전히 기울기가 필요해서 아무것도 고정되지 않습니다. 모든 파라미터의 플래그를 "
        f"바꾸는 `{module}.requires_grad_({value})` 메서드를 쓰세요.",
        line,
    )


# --- `optimizer.step` without parentheses -------------------------------------------------------

_EFFECTS = {
    "step": (" (the weights are not updated)", "(가중치가 바뀌지 않습니다)"),
    "zero_grad": (" (the gradients keep adding up)", "(기울기가 계속 쌓입니다)"),
    "backward": (" (no gradients are computed)", "(기울기가 계산되지 않습니다)"),
}
"""What a learner misses when the method never runs."""


def _uncalled_methods(ns: dict, tree) -> list[dict]:
    """A statement that is only `optimizer.step` (or `loss.backward`): the method is looked up
    and thrown away, so nothing runs and nothing fails."""
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Attribute)):
            continue
        owner = _attributes(node.value.value, ns)
        method = getattr(type(owner), node.value.attr, None)
        if isinstance(owner, (torch.optim.Optimizer, torch.Tensor)) and callable(method):
            found.append(_uncalled_warning(node.lineno, ast.unparse(node.value)))
    return found


def _uncalled_warning(line: int, text: str) -> dict:
    effect, effect_ko = _EFFECTS.get(text.rpartition(".")[2], ("", ""))
    return _warning(
        "method_not_called",
        f"line {line}: `{text}` names the method without calling it, so nothing runs{effect}. "
        f"Add the parentheses: `{text}()`.",
        f"{line}번째 줄: `{text}` 코드는 메서드를 부르지 않고 이름만 적었으므로 아무것도 실행되지 "
        f"않습니다{effect_ko}. 괄호를 붙이세요: `{text}()`.",
        line,
    )
