"""Values that are not the tensor the code expects: None, Python lists, NumPy arrays."""

from __future__ import annotations

import re

from studytorch.explain.base import Error, family, name_of, particle


def _owner_of(attribute: str, e: Error) -> str:
    """`out` in `print(out.shape)`: the name the failing line reads `attribute` from."""
    found = re.search(rf"([\w.\[\]]+)\.{attribute}\b", e.get("line_text") or "")
    return found.group(1) if found else "this value"


@family("none_value", r"'NoneType' object has no attribute '(\w+)'")
def _none_value(m: re.Match[str], e: Error) -> tuple[str, str]:
    attribute = m.group(1)
    owner = _owner_of(attribute, e)
    return (
        f"{owner} is None, so it has no `.{attribute}`. A value is None most often because the "
        "function (or `forward`) that made it has no `return`, or because an in-place method "
        "that returns None was assigned (`x = x.add_(1)` is fine, `lst = lst.append(x)` is not). "
        f"Check where {owner} was made.",
        f"{particle(owner, '은/는')} None이라 `.{attribute}` 속성이 없습니다. 값이 None인 가장 "
        "흔한 이유는 그 값을 만든 함수(또는 `forward`)에 `return`이 없거나, None을 돌려주는 "
        "메서드의 결과를 대입한 경우입니다(`lst = lst.append(x)` 등). "
        f"{particle(owner, '을/를')} 만든 곳을 확인하세요.",
    )


@family(
    "python_value_not_tensor",
    r"AttributeError: '(list|tuple|int|float)' object has no attribute "
    r"'(shape|size|dim|view|reshape|to|cuda|cpu|float|long|numpy|unsqueeze|squeeze|mean|sum|"
    r"backward|item|detach|T)'",
)
def _python_value(m: re.Match[str], e: Error) -> tuple[str, str]:
    kind, attribute = m.groups()
    owner = _owner_of(attribute, e)
    convert = convert_ko = f"`torch.tensor({owner})`"
    if kind in ("list", "tuple"):
        convert += f" (or `torch.stack({owner})` if it holds tensors)"
        convert_ko += f"(텐서들을 담고 있다면 `torch.stack({owner})`)"
    return (
        f"{owner} is a Python {kind}, not a tensor, so it has no `.{attribute}`. Make it a "
        f"tensor first: {convert}.",
        f"{particle(owner, '은/는')} 텐서가 아니라 파이썬 {kind} 값이라서 `.{attribute}` 속성이 "
        "없습니다. 먼저 "
        f"텐서로 만드세요: {convert_ko}.",
    )


@family("numpy_of_grad_tensor", r"Can't call numpy\(\) on Tensor that requires grad")
def _numpy_grad(m: re.Match[str], e: Error) -> tuple[str, str]:
    name = name_of(e, 0, "x")
    return (
        f"{name} is part of the autograd graph (it requires grad), and a NumPy array cannot "
        f"carry that. Take the values out of the graph first: `{name}.detach().numpy()` (on a "
        f"GPU: `{name}.detach().cpu().numpy()`).",
        f"{particle(name, '은/는')} autograd 그래프에 속한 텐서(기울기 필요)인데 NumPy 배열은 그 "
        "정보를 "
        f"담지 못합니다. 먼저 그래프에서 떼어 내세요: `{name}.detach().numpy()`(GPU라면 "
        f"`{name}.detach().cpu().numpy()`).",
    )


@family("numpy_of_device_tensor", r"can't convert (\S+) device type tensor to numpy")
def _numpy_device(m: re.Match[str], e: Error) -> tuple[str, str]:
    device, name = m.group(1), name_of(e, 0, "x")
    return (
        f"{name} lives on {device}, and NumPy only reads CPU memory. Copy it first: "
        f"`{name}.cpu().numpy()` (add `.detach()` if it requires grad).",
        f"{particle(name, '은/는')} {device} 장치에 있는데 NumPy는 CPU 메모리만 읽습니다. 먼저 "
        f"복사하세요: `{name}.cpu().numpy()`(기울기가 필요한 텐서라면 `.detach()`도 붙이세요).",
    )


@family("from_numpy_of_list", r"expected np\.ndarray \(got (\w+)\)")
def _from_numpy(m: re.Match[str], e: Error) -> tuple[str, str]:
    kind = m.group(1)
    return (
        f"`torch.from_numpy` takes a NumPy array, not a {kind}. Use `torch.tensor(values)` for "
        "Python lists and numbers.",
        f"`torch.from_numpy`는 NumPy 배열만 받고 {kind} 값은 받지 않습니다. 파이썬 리스트나 "
        "숫자에는 `torch.tensor(values)`를 쓰세요.",
    )


@family(
    "ragged_numpy",
    r"setting an array element with a sequence\. The requested array has an inhomogeneous "
    r"shape|can't convert np\.ndarray of type numpy\.object_",
)
def _ragged_numpy(m: re.Match[str], e: Error) -> tuple[str, str]:
    found = re.search(
        r"(?:array|asarray|tensor|from_numpy)\(\s*(\w+)\s*[,)]", e.get("line_text") or ""
    )
    rows = found.group(1) if found else "rows"
    fix = f"torch.nn.utils.rnn.pad_sequence([torch.tensor(r) for r in {rows}], batch_first=True)"
    return (
        "The rows have different lengths, so NumPy cannot make a rectangular array of numbers "
        "(it refuses, or makes an array of Python objects that torch cannot read). Pad or cut "
        f"the rows to one length first, or keep them as a list of tensors and pad: `{fix}`.",
        "행들의 길이가 서로 달라서 NumPy가 숫자로 된 직사각형 배열을 만들 수 없습니다(거부하거나, "
        "torch가 읽지 못하는 파이썬 객체 배열을 만듭니다). 먼저 행의 길이를 맞추거나(채우기, "
        f"자르기) 텐서 리스트로 두고 패딩하세요: `{fix}`.",
    )


@family(
    "argument_not_tensor",
    r"(\w+)\(\): argument '(\w+)' \(position (\d+)\) must be Tensor, not ([\w.]+)",
)
def _not_tensor(m: re.Match[str], e: Error) -> tuple[str, str]:
    function, _, _, kind = m.groups()
    call = re.fullmatch(r"\s*([\w.\[\]]+)\((\w+)\)\s*", e.get("call") or "")
    if call and kind == "numpy.ndarray":
        fixed = f"{call.group(1)}(torch.from_numpy({call.group(2)}).float())"
    elif call:
        fixed = f"{call.group(1)}(torch.tensor({call.group(2)}, dtype=torch.float32))"
    else:
        fixed = "torch.tensor(values, dtype=torch.float32)"
    return (
        f"`{function}` takes tensors, and got a {kind}. Convert it first: `{fixed}` (float32 is "
        "what layers hold; a NumPy array is float64 unless converted).",
        f"`{function}` 함수는 텐서를 받는데 {kind} 객체가 왔습니다. 먼저 바꾸세요: `{fixed}`"
        "(레이어는 float32를 씁니다. NumPy 배열은 바꾸지 않으면 float64입니다).",
    )
