"""Warnings for mistakes that raise nothing, found when a run ends.

Attribute typos, no `step()`, missing `zero_grad()`, `eval()` forgotten, a no-op `squeeze`, a
NaN loss: each a {kind, en, ko, line?} the UI shows beside the run.
"""

from __future__ import annotations

import ast
import difflib
from typing import Any

import torch

from . import hints, silent, state, watch
from .errors import dropped_lines


def find_warnings(ns: dict, payload: dict) -> list[dict]:
    """Notices about the run that just ended; also adds hints to its error, if any."""
    seen = dict(watch.seen) if watch.seen.get("run") is not None else {}
    watch.forget()
    if payload.get("error"):
        hints.hint_error(payload["error"], ns, payload)
    offset = dropped_lines(state.last_cell)
    found: list[dict] = []
    found += _typos(ns)
    found += _no_step(ns, payload, seen)
    found += _grown(ns, seen)
    found += _eval_forgotten(ns, seen)
    for line, shape, dim in seen.get("squeeze", []):
        found.append(_squeeze_warning(line + offset, shape, dim))
    found += _nan_loss(payload)
    found += silent.find(ns, seen, hints.cell_tree())
    return found[: watch.MAX_WARNINGS]


def _warning(kind: str, en: str, ko: str, line: int | None = None) -> dict:
    item: dict[str, Any] = {"kind": kind, "en": en, "ko": ko}
    if line is not None:
        item["line"] = line
    return item


def _typos(ns: dict) -> list[dict]:
    """`w.required_grad = True`: a new attribute one letter away from a real one."""
    tree = hints.cell_tree()
    if tree is None:
        return []
    out = []
    lines = state.last_cell.splitlines()
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
            if name in real or (name == "requires_grad" and isinstance(owner, torch.nn.Module)):
                continue  # a module's `requires_grad` is silent.py's (module_requires_grad)
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
                        f"{node.lineno}번째 줄(`{text}`)은 `{target.value.id}`({kind}) 객체에 "
                        f"새 속성 `{name}` 하나를 만들었을 뿐 아무것도 바꾸지 않았습니다. "
                        f"`{match[0]}` 속성을 쓰려던 것 아닌가요?",
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
        f"{line}번째 줄: `{name}.lr = ...` 코드는 아무것도 바꾸지 않습니다. 옵티마이저는 학습률을 "
        f"param group에서 읽습니다. `{fix}` 코드를 쓰세요(또는 `torch.optim.lr_scheduler`의 "
        "스케줄러).",
        line,
    )


def _loss_values(payload: dict) -> list:
    metrics = payload.get("metrics") or {}
    return metrics.get("loss") or []


def _no_step(ns: dict, payload: dict, seen: dict) -> list[dict]:
    """Gradients computed for an optimizer's parameters, a loss curve, and not one step()."""
    losses = _loss_values(payload)
    if len(losses) < 2 or seen.get("steps"):
        return []
    for name, value in ns.items():
        if name.startswith("_") or not isinstance(value, torch.optim.Optimizer):
            continue
        params = [p for group in value.param_groups for p in group["params"]]
        if any(p.grad is not None for p in params):
            same = all(v == losses[0] for v in losses) and isinstance(losses[0], float)
            count = len(losses)
            if same:
                what = f"the loss stayed at {losses[0]:.4g} over {count} steps"
                what_ko = f"손실이 {count}번 계산되는 동안 {losses[0]:.4g}에서 변하지 않았습니다"
            else:
                what = f"the loss was computed {count} times"
                what_ko = f"손실을 {count}번 계산했습니다"
            return [
                _warning(
                    "no_step",
                    f"{what}, but `{name}.step()` was never called, so the optimizer never "
                    f"updated the weights. Call `{name}.step()` after `loss.backward()`.",
                    f"{what_ko}. `{name}.step()`을 한 번도 부르지 않아 옵티마이저가 가중치를 "
                    f"갱신하지 않았습니다. `loss.backward()` 다음에 `{name}.step()`을 부르세요.",
                )
            ]
    return []


def _grown(ns: dict, seen: dict) -> list[dict]:
    step = seen.get("grown")
    if step is None:
        return []
    name = next(
        (n for n, v in ns.items() if isinstance(v, torch.optim.Optimizer) and n[:1] != "_"),
        "optimizer",
    )
    return [
        _warning(
            "grad_accumulates",
            f"after step {step} a new gradient was added to the old one: `.grad` keeps growing "
            f"because `{name}.zero_grad()` is never called between steps. Call it at the start "
            "of every iteration (before `loss.backward()`).",
            f"{step}번째 step 뒤에 새 기울기가 이전 값에 더해졌습니다. step 사이에 "
            f"`{name}.zero_grad()`를 부르지 않아 `.grad`가 계속 커집니다. 반복마다 처음에"
            "(`loss.backward()` 전에) 부르세요.",
        )
    ]


def _eval_forgotten(ns: dict, seen: dict) -> list[dict]:
    layers = seen.get("eval") or []
    if not layers:
        return []
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
            f"`{owner}` 모델이 학습 모드인 채로 기울기 없이(평가) 실행되어 {kinds} 레이어가 "
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
        f"{line}번째 줄: 모양 {tuple(shape)}인 텐서에 `squeeze({dim})` 호출을 했지만 아무 일도 "
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
            f"손실이 {first + 1}번째 step에서 {value} 값이 됐습니다{before_ko}. 대개 학습률이 "
            "너무 크거나(10배 줄여 보세요) `log`나 나눗셈에 0이 들어간 경우입니다(작은 epsilon을 "
            "더하거나, 날것의 점수에 `cross_entropy` / `BCEWithLogitsLoss`를 쓰세요).",
        )
    ]
