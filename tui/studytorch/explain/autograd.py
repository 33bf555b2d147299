"""Autograd: in-place changes, `backward()`, `requires_grad`, `.grad`, NaN gradients."""

from __future__ import annotations

import re

from studytorch.explain.base import (
    Error,
    as_code,
    family,
    name_of,
    operands,
    particle,
    shape_text,
)


def _changed_in_place(e: Error) -> str | None:
    """`p` in `p -= lr * p.grad`, `p[0] = 1`, `p.add_(1)`: the tensor the line changes."""
    text = (e.get("line_text") or "").strip()
    found = re.match(r"([\w.]+)\s*(?:\[[^\]]*\]\s*)?(?:[-+*/@%]|//|\*\*)?=(?!=)", text)
    found = found or re.match(r"([\w.]+)\.\w+_\(", text)
    return found.group(1) if found else None


@family(
    "leaf_in_place", r"a (view of a )?leaf Variable that requires grad is being used in an in-place"
)
def _leaf_inplace(m: re.Match[str], e: Error) -> tuple[str, str]:
    name = _changed_in_place(e) or name_of(e, 0, "w")
    return (
        f"{name} is a tensor you created with `requires_grad=True` (a leaf), and changing it in "
        "place (`+=`, `-=`, `[i] = ...`, `add_`) would break its gradient. To update weights by "
        f"hand do it without tracking: `with torch.no_grad(): {name} -= lr * {name}.grad`. "
        f"Otherwise compute a new tensor (`{name}2 = {name} + 1`) instead of changing {name}.",
        f"{particle(name, '은/는')} `requires_grad=True`로 만든 리프 텐서라서 제자리에서 "
        "바꾸면(`+=`, `-=`, `[i] = ...`, `add_`) 기울기 계산이 망가집니다. 가중치를 직접 "
        "갱신하려면 기록을 끄고 하세요: "
        f"`with torch.no_grad(): {name} -= lr * {name}.grad`. 그게 아니라면 "
        f"{particle(name, '을/를')} 바꾸지 말고 새 텐서를 만드세요(`{name}2 = {name} + 1`).",
    )


@family(
    "modified_in_place",
    r"one of the variables needed for gradient computation has been modified by an inplace "
    r"operation: \[([\w.]+) \[([\d, ]*)\]\], which is output (\d+) of (\w+), is at version "
    r"(\d+); expected version (\d+)",
)
def _modified(m: re.Match[str], e: Error) -> tuple[str, str]:
    _, shape, _, op, now, before = m.groups()
    op = re.sub(r"Backward\d*$", "", op)
    culprit = e.get("inplace_line")
    fix_en = (
        "Use an out-of-place version instead: `y = y + 1` rather than `y += 1`, `relu(x)` "
        "rather than `relu_(x)` or `inplace=True`."
    )
    fix_ko = (
        "제자리가 아닌 연산을 쓰세요: `y += 1` 대신 `y = y + 1`, `relu_(x)`나 "
        "`inplace=True` 대신 `relu(x)`."
    )
    if culprit:
        augmented = re.fullmatch(r"\s*(\w+)\s*([-+*/])=\s*(.+?)\s*", culprit["text"])
        if augmented:
            target, op_sign, value = augmented.groups()
            fixed = f"{target} = {target} {op_sign} {value}"
            fix_en = f"Write it out of place, so a new tensor is made: `{fixed}`."
            fix_ko = f"새 텐서를 만들도록 제자리가 아닌 연산으로 쓰세요: `{fixed}`."
    if culprit:
        line, text, name = culprit["line"], culprit["text"].strip(), culprit.get("name") or "it"
        found_en = f"Line {line} (`{text}`) changed {name} in place after it was used. "
        found_ko = (
            f"{line}번째 줄(`{text}`)에서 {particle(name, '을/를')} 쓴 뒤에 제자리에서 바꿨습니다. "
        )
    else:
        found_en = (
            "To find the line, run once under `with torch.autograd.detect_anomaly():` - the "
            "error then names the forward operation. "
        )
        found_ko = (
            "어느 줄인지 찾으려면 `with torch.autograd.detect_anomaly():` 안에서 한 번 실행하세요. "
            "오류 메시지가 순전파의 어느 연산인지 알려 줍니다. "
        )
    return (
        f"`backward()` needed a [{shape}] tensor that {op.lower()}() produced, but it was changed "
        f"in place afterwards (its version went from {before} to {now}). " + found_en + fix_en,
        f"`backward()`에는 `{op.lower()}()` 연산이 만든 [{shape}] 텐서가 필요했는데, 그 뒤에 "
        f"제자리 연산으로 바뀌었습니다(버전 {before} → {now}). " + found_ko + fix_ko,
    )


@family("backward_twice", r"Trying to backward through the graph a second time")
def _backward_twice(m: re.Match[str], e: Error) -> tuple[str, str]:
    # The usual cause in a loop is a tensor carried from one iteration to the next: the probe
    # names it (`carried`) when the loop reads a name before assigning it again.
    carried = e.get("carried") or []
    name = carried[0] if carried else "hidden"
    seen = f"Here `{name}` is carried from one iteration to the next. " if carried else ""
    seen_ko = f"여기서는 `{name}` 값이 반복에서 다음 반복으로 넘어갑니다. " if carried else ""
    return (
        "`backward()` frees the graph it walked, and this `backward()` reached a part of the "
        f"graph that an earlier `backward()` already freed. {seen}In a loop this almost always "
        "means a tensor computed in the previous iteration is used again (an RNN's hidden state, "
        "a running total of the loss): cut it from the old graph where it is carried, "
        f"`{name} = {name}.detach()` at the start of the iteration, and keep totals as numbers "
        "(`total += loss.item()`). Only if you really call `backward()` twice on the same result "
        "pass `retain_graph=True` to the first call.",
        "`backward()`는 지나간 그래프를 해제하는데, 이번 `backward()`가 앞선 `backward()`에서 "
        f"이미 해제된 그래프 부분까지 갔습니다. {seen_ko}루프라면 거의 항상 이전 반복에서 계산한 "
        "텐서(RNN의 은닉 상태, 손실의 누적 합)를 다시 쓴 경우입니다. 넘겨받는 곳에서 이전 "
        f"그래프와 끊으세요: 반복을 시작할 때 `{name} = {name}.detach()`. 합계는 숫자로 "
        "모으세요(`total += loss.item()`). 같은 결과에 정말 `backward()`를 두 번 부를 때만 첫 "
        "호출에 `retain_graph=True`를 주세요.",
    )


@family("backward_not_scalar", r"grad can be implicitly created only for scalar outputs")
def _non_scalar(m: re.Match[str], e: Error) -> tuple[str, str]:
    ops = operands(e)
    name = as_code(ops[0]["name"]) if ops else "y"
    shape = f" {ops[0]['name']} is {shape_text(ops[0]['shape'])}." if ops else ""
    shape_ko = (
        f" {particle(ops[0]['name'], '은/는')} {shape_text(ops[0]['shape'])} 모양입니다."
        if ops
        else ""
    )
    return (
        f"`backward()` without arguments needs a scalar (one number), like a loss.{shape} Reduce "
        f"the tensor first, `{name}.sum().backward()` (or `.mean()`), or pass `gradient=` with "
        "the tensor's shape.",
        f"인자 없는 `backward()`는 손실처럼 스칼라(숫자 하나)에만 쓸 수 있습니다.{shape_ko} 먼저 "
        f"`{name}.sum().backward()`처럼 줄이거나(`.mean()`도 됩니다), 텐서 모양의 `gradient=`를 "
        "넘기세요.",
    )


@family("no_grad_fn", r"does not require grad and does not have a grad_fn")
def _no_grad(m: re.Match[str], e: Error) -> tuple[str, str]:
    return (
        "Nothing in this result requires a gradient, so there is no graph to walk back. Create "
        "the inputs you differentiate with `requires_grad=True` (parameters of `nn.Module` have "
        "it), and do not compute under `torch.no_grad()` or after `.detach()`, `.item()`, "
        "`.numpy()` or `torch.tensor(...)` of a result, which all cut the graph. Setting "
        "`loss.requires_grad = True` only hides this error: the weights still get no gradient.",
        "이 결과에는 기울기가 필요한 값이 없어서 거꾸로 따라갈 그래프가 없습니다. 미분할 입력을 "
        "`requires_grad=True`로 만드세요(`nn.Module`의 파라미터는 이미 그렇습니다). "
        "`torch.no_grad()` 안이나 `.detach()`, `.item()`, `.numpy()`, 결과의 `torch.tensor(...)` "
        "뒤에서 계산하지 마세요. 모두 그래프를 끊습니다. `loss.requires_grad = True`는 이 오류를 "
        "숨길 뿐, 가중치는 여전히 기울기를 받지 못합니다.",
    )


@family(
    "grad_of_integers", r"Only Tensors of floating point and complex dtype can require gradients"
)
def _int_grad(m: re.Match[str], e: Error) -> tuple[str, str]:
    return (
        "Gradients exist only for floating-point tensors, and this one holds integers (written "
        "without a decimal point, e.g. `[1, 2]`). Write floats (`[1.0, 2.0]`) or pass "
        "`dtype=torch.float32`.",
        "기울기는 실수 텐서에만 있는데, 이 텐서는 정수입니다(`[1, 2]`처럼 소수점 없이 썼을 때). "
        "소수점을 붙여 쓰거나(`[1.0, 2.0]`) `dtype=torch.float32`를 주세요.",
    )


@family("requires_grad_of_non_leaf", r"you can only change requires_grad flags of leaf variables")
def _non_leaf_flag(m: re.Match[str], e: Error) -> tuple[str, str]:
    name = name_of(e, 0, "y")
    return (
        f"{name} was computed from tensors that require grad, so its `requires_grad` follows "
        f"them and cannot be switched off. Use `{name}.detach()` for a copy outside the graph, "
        "or set `requires_grad` on the tensor you created.",
        f"{particle(name, '은/는')} 기울기가 필요한 텐서에서 계산됐으므로 `requires_grad`가 그대로 "
        "따라가며 "
        f"끌 수 없습니다. 그래프 밖의 값이 필요하면 `{name}.detach()`를 쓰거나, 처음 만든 텐서에 "
        "`requires_grad`를 정하세요.",
    )


@family(
    "grad_is_none",
    r"'NoneType' object has no attribute '(\w+)'",
    when=lambda e: ".grad" in (e.get("line_text") or ""),
)
def _grad_none(m: re.Match[str], e: Error) -> tuple[str, str]:
    found = re.search(r"([\w.\[\]]+?)\.grad\b", e.get("line_text") or "")
    w = found.group(1) if found else "w"
    return (
        f"`{w}.grad` is None until a `backward()` has reached {w} (and it is None again after "
        "`zero_grad()`). Call `loss.backward()` first, check that the tensor was created with "
        f"`requires_grad=True` and used in the loss, or guard with `if {w}.grad is not None:`.",
        f"`{w}.grad` 값은 `backward()`가 이 텐서까지 도달하기 전에는 None입니다(`zero_grad()` "
        "뒤에도 None이 됩니다). 먼저 `loss.backward()`를 부르고, 텐서를 `requires_grad=True`로 "
        f"만들어 손실 계산에 썼는지 확인하거나 `if {w}.grad is not None:` 조건으로 감싸세요.",
    )


@family("anomaly_nan", r"Function '(\w+)' returned nan values in its (\d+)th output")
def _anomaly(m: re.Match[str], e: Error) -> tuple[str, str]:
    fn = m.group(1)
    op = re.sub(r"Backward\d*$", "", fn)
    return (
        f"Anomaly detection stopped at `{fn}`: the gradient of a {op.lower()} operation is NaN. "
        "Typical causes: dividing by zero (x / x at 0), `sqrt` or `log` of 0 or a negative "
        "number, a learning rate so high the values blew up. Add a small epsilon "
        "(`x / (y + 1e-8)`, `torch.log(p + 1e-8)`) or lower the learning rate.",
        f"이상 탐지가 `{fn}`에서 멈췄습니다. `{op.lower()}` 연산의 기울기가 NaN입니다. 흔한 "
        "원인: 0으로 나누기(0에서 x / x), 0이나 음수의 `sqrt`·`log`, 값이 터질 만큼 큰 "
        "학습률. 작은 epsilon을 더하거나(`x / (y + 1e-8)`, `torch.log(p + 1e-8)`) 학습률을 "
        "낮추세요.",
    )
