"""Modules and optimizers: `forward`, `__init__`, parameters, misspelt names."""

from __future__ import annotations

import difflib
import re

from studytorch.explain.base import Error, family


@family(
    "forward_missing_argument",
    r"(?:(\w+)\.)?forward\(\) missing (\d+) required positional "
    r"arguments?: (.+)$",
)
def _forward_missing(m: re.Match[str], e: Error) -> tuple[str, str]:
    cls, count, names = m.groups()
    cls = cls or "the model"
    first = names.split(",")[0].strip().strip("'")
    call = e.get("call") or ""
    called = (
        f"{call[:-1]}, {first})" if call.endswith(")") and "(" in call else f"model(x, {first})"
    )
    return (
        f"{cls}'s `forward` needs {count} more input(s): {names}. Pass every input when you call "
        f"the model, e.g. `{called}`; or, if that "
        "argument should not be an input, remove it from `forward` (or give it a default).",
        f"{cls}의 `forward`에 입력이 {count}개 더 필요합니다: {names}. 모델을 부를 때 입력을 모두 "
        f"넘기거나(예: `{called}`), 입력이 아니어야 할 "
        "인자라면 `forward`에서 빼세요(또는 기본값을 주세요).",
    )


@family(
    "assigned_before_init", r"cannot assign (module|parameters) before Module\.__init__\(\) call"
)
def _before_init(m: re.Match[str], e: Error) -> tuple[str, str]:
    what = "a layer" if m.group(1) == "module" else "a parameter"
    what_ko = "레이어를" if m.group(1) == "module" else "파라미터를"
    return (
        f"`__init__` assigned {what} before calling `super().__init__()`, which sets up the "
        "lists where an `nn.Module` keeps its layers and parameters. Make "
        "`super().__init__()` the first line of `__init__`.",
        f"`__init__`에서 `super().__init__()`을 부르기 전에 {what_ko} 지정했습니다. "
        "`super().__init__()`이 `nn.Module`이 레이어와 파라미터를 담을 곳을 준비합니다. "
        "`__init__`의 첫 줄에서 `super().__init__()`을 부르세요.",
    )


@family("optimizer_without_parameters", r"optimizer got an empty parameter list")
def _empty_params(m: re.Match[str], e: Error) -> tuple[str, str]:
    return (
        "The optimizer was given no parameters. Usually the layers are in a plain Python list, "
        "which `nn.Module` does not see: use `nn.ModuleList([...])` or `nn.Sequential(...)`, "
        "and check that `__init__` creates the layers as attributes (`self.fc = ...`).",
        "옵티마이저에 파라미터가 하나도 없습니다. 대개 레이어를 일반 파이썬 리스트에 담아서 "
        "`nn.Module`이 보지 못한 경우입니다. `nn.ModuleList([...])`나 `nn.Sequential(...)`을 "
        "쓰고, `__init__`에서 레이어를 속성으로(`self.fc = ...`) 만드는지 확인하세요.",
    )


@family("optimizer_non_leaf", r"can't optimize a non-leaf Tensor")
def _non_leaf(m: re.Match[str], e: Error) -> tuple[str, str]:
    return (
        "An optimizer updates tensors you created, but this one was computed from another "
        "(e.g. `torch.randn(3, requires_grad=True) * 0.1` or `.to(device)` after "
        "`requires_grad=True`). Create it first, then enable grad: `w = (torch.randn(3) * "
        "0.1).requires_grad_()`, or `torch.randn(3, device=device, requires_grad=True)`.",
        "옵티마이저는 직접 만든 텐서를 갱신하는데, 이 텐서는 다른 텐서에서 계산됐습니다(예: "
        "`torch.randn(3, requires_grad=True) * 0.1`, `requires_grad=True` 뒤의 `.to(device)`). "
        "먼저 만든 뒤에 기울기 계산을 켜세요: `w = (torch.randn(3) * 0.1).requires_grad_()` 또는 "
        "`torch.randn(3, device=device, requires_grad=True)`.",
    )


@family("optimizer_shared_parameters", r"some parameters appear in more than one parameter group")
def _shared_groups(m: re.Match[str], e: Error) -> tuple[str, str]:
    # The groups name the whole model and a part of it (`model`, `model.head`): split by id.
    named = re.findall(r"([\w.\[\]]+)\.parameters\(\)", f"{e.get('call')} {e.get('line_text')}")
    pairs = [(a, b) for a in named for b in named if b.startswith((a + ".", a + "["))]
    whole, part = pairs[0] if pairs else ("model", "model.head")
    split = f"part_ids = {{id(p) for p in {part}.parameters()}}"
    rest = f"[p for p in {whole}.parameters() if id(p) not in part_ids]"
    return (
        f"Two parameter groups of the optimizer hold the same parameters: `{whole}.parameters()` "
        f"already includes the parameters of `{part}`. Each parameter may be in one group only. "
        f"Give the first group the rest: `{split}`, then `{{'params': {rest}}}`, and keep "
        f"`{part}.parameters()` in its own group.",
        f"옵티마이저의 두 파라미터 그룹에 같은 파라미터가 들어 있습니다. `{whole}.parameters()`에 "
        f"`{part}`의 파라미터도 이미 들어 있습니다. 파라미터 하나는 한 그룹에만 있어야 합니다. "
        f"첫 그룹에는 나머지만 주세요: `{split}` 다음에 `{{'params': {rest}}}`. "
        f"`{part}.parameters()`는 자기 그룹에 그대로 둡니다.",
    )


@family(
    "fx_control_flow", r"symbolically traced variables cannot be used as inputs to control flow"
)
def _fx(m: re.Match[str], e: Error) -> tuple[str, str]:
    return (
        "`torch.fx.symbolic_trace` runs `forward` with placeholder values, so an `if` or `while` "
        "that depends on a tensor's values cannot be decided. Make the branch not depend on "
        "data (`torch.where(cond, a, b)` computes both sides), pass the deciding value as a "
        "constant with `concrete_args`, or use `torch.export` / `torch.compile`, which handle it.",
        "`torch.fx.symbolic_trace`는 자리표시 값으로 `forward`를 실행하므로, 텐서 값에 따라 갈리는 "
        "`if`나 `while`은 정할 수 없습니다. 분기가 데이터에 기대지 않게 하거나(`torch.where(cond, "
        "a, b)`는 양쪽을 모두 계산합니다) 정하는 값을 `concrete_args`로 상수로 넘기거나, 이를 "
        "처리하는 `torch.export` / `torch.compile`을 쓰세요.",
    )


@family("tensor_not_callable", r"TypeError: 'Tensor' object is not callable")
def _not_callable(m: re.Match[str], e: Error) -> tuple[str, str]:
    return (
        "A tensor was called like a function. Usually a variable named like a layer or function "
        "(`model`, `loss`, `x`) was overwritten with a tensor; give them different names. For "
        "indexing use square brackets, `x[3]`, not `x(3)`.",
        "텐서를 함수처럼 불렀습니다. 대개 레이어나 함수 이름(`model`, `loss`, `x`)을 텐서로 덮어쓴 "
        "경우라 이름을 달리해야 합니다. 인덱싱은 `x(3)`이 아니라 대괄호 `x[3]`입니다.",
    )


_API = (
    "train",
    "eval",
    "parameters",
    "named_parameters",
    "zero_grad",
    "step",
    "forward",
    "backward",
    "requires_grad",
    "requires_grad_",
    "grad",
    "detach",
    "numpy",
    "item",
    "tolist",
    "to",
    "cpu",
    "cuda",
    "float",
    "long",
    "double",
    "half",
    "view",
    "reshape",
    "squeeze",
    "unsqueeze",
    "permute",
    "transpose",
    "contiguous",
    "size",
    "shape",
    "dim",
    "sum",
    "mean",
    "std",
    "max",
    "min",
    "argmax",
    "softmax",
    "state_dict",
    "load_state_dict",
    "children",
    "modules",
    "add_module",
    "apply",
)
"""Names learners misspell; the probe offers the owner's own names when it can."""


_OPTIMIZERS = {
    "SGD",
    "Adam",
    "AdamW",
    "RMSprop",
    "Adagrad",
    "Adadelta",
    "Adamax",
    "NAdam",
    "RAdam",
    "LBFGS",
    "SparseAdam",
    "ASGD",
    "Rprop",
    "Optimizer",
}
_NUMPY_NAMES = {
    "astype": "{x}.to(torch.float32)",
    "copy": "{x}.clone()",
    "append": "torch.cat([{x}, more])",
    "tostring": "{x}.numpy().tobytes()",
}
"""NumPy names a tensor does not have, and what a tensor says instead."""


@family("attribute_typo", r"AttributeError: '(\w+)' object has no attribute '(\w+)'")
def _typo(m: re.Match[str], e: Error) -> tuple[str, str]:
    owner, name = m.groups()
    found = re.search(rf"([\w.\[\]]+?)\.{name}\b", e.get("line_text") or "")
    value = found.group(1) if found else "x"
    if name == "step" and owner not in _OPTIMIZERS:
        optimizer = (e.get("optimizers") or ["optimizer"])[0]
        return (
            f"`step()` belongs to the optimizer, not to {value} ({owner}): the optimizer updates "
            f"the weights. Call `{optimizer}.step()` after `loss.backward()`.",
            f"`step()`은 {value} 객체({owner})가 아니라 옵티마이저의 메서드입니다. 가중치는 "
            f"옵티마이저가 갱신합니다: `loss.backward()` 다음에 `{optimizer}.step()`을 부르세요.",
        )
    if owner == "Tensor" and name in _NUMPY_NAMES:
        torch_way = _NUMPY_NAMES[name].format(x=value)
        return (
            f"`{name}` is NumPy's name; a tensor says it differently: `{torch_way}`.",
            f"`{name}` 메서드는 NumPy의 이름입니다. 텐서에서는 이렇게 씁니다: `{torch_way}`.",
        )
    guess = e.get("suggestion") or next(iter(difflib.get_close_matches(name, _API, 1, 0.75)), None)
    if not guess:
        return (
            f"{owner} objects have no `{name}`. Check the spelling, and `dir(obj)` lists what "
            "there is.",
            f"{owner} 객체에는 `{name}` 속성이 없습니다. 철자를 확인하세요. `dir(obj)`로 있는 "
            "이름을 볼 수 있습니다.",
        )
    call = "()" if "(" in (e.get("line_text") or "").split(name, 1)[-1][:2] else ""
    return (
        f"{owner} has no `{name}`: did you mean `{guess}{call}`?",
        f"{owner}에는 `{name}` 속성이 없습니다. `{guess}{call}` 코드를 쓰려던 것 아닌가요?",
    )
