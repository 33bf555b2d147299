"""Plain-language explanations of common PyTorch errors, in English and Korean.

`explain(error)` takes the probe's error summary ({type, message, line, line_text, operands})
and returns {"en": ..., "ko": ...}, or None for an error it does not know (shown raw).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from studytorch.text import shape_text

Explanation = dict[str, str]
_Rule = tuple[re.Pattern[str], Callable[[re.Match[str], dict[str, Any]], Explanation]]


def _operands(error: dict[str, Any]) -> Explanation:
    """'On line 3 (c = a @ b): a is (2, 3), b is (4, 5).' in both languages, or nothing."""
    ops = error.get("operands") or []
    line, text = error.get("line"), (error.get("line_text") or "").strip()
    if not line:
        return {"en": "", "ko": ""}
    shapes = ", ".join(f"{op['name']} {shape_text(op['shape'])} {op['dtype']}" for op in ops)
    en = f"On line {line} (`{text}`)" + (f": {shapes}." if shapes else ".")
    ko = f"{line}번째 줄(`{text}`)" + (f": {shapes}." if shapes else "에서 났습니다.")
    return {"en": en + " ", "ko": ko + " "}


def _both(error: dict[str, Any], en: str, ko: str) -> Explanation:
    where = _operands(error)
    return {"en": where["en"] + en, "ko": where["ko"] + ko}


def _matmul(m: re.Match[str], e: dict[str, Any]) -> Explanation:
    a, b, c, d = m.groups()
    return _both(
        e,
        f"A matrix product needs the inner sizes to match: the left side is {a}×{b}, the right "
        f"side {c}×{d}, and {b} ≠ {c}. Transpose or reshape one side (e.g. `b.T`), or for "
        f"`nn.Linear` make `in_features` equal the input's last size ({b}).",
        f"행렬 곱은 안쪽 크기가 같아야 합니다. 왼쪽은 {a}×{b}, 오른쪽은 {c}×{d}인데 "
        f"{b} ≠ {c}입니다. 한쪽을 전치하거나(`b.T` 등) 모양을 바꾸세요. `nn.Linear`라면 "
        f"`in_features`를 입력의 마지막 크기({b})와 맞추세요.",
    )


def _not_matrix(m: re.Match[str], e: dict[str, Any]) -> Explanation:
    return _both(
        e,
        "`mm` only multiplies 2-D matrices and does not broadcast. For batches use "
        "`torch.bmm` (3-D) or `torch.matmul` / `@`, which broadcast.",
        "`mm`은 2차원 행렬끼리만 곱하고 broadcasting을 하지 않습니다. 배치에는 "
        "`torch.bmm`(3차원)이나 broadcasting을 지원하는 `torch.matmul` / `@`을 쓰세요.",
    )


def _matvec(m: re.Match[str], e: dict[str, Any]) -> Explanation:
    rows, cols, vec = m.group(2), m.group(3), m.group(4)
    return _both(
        e,
        f"A matrix-vector product needs the vector's length to equal the matrix's columns: "
        f"the matrix is {rows}×{cols} but the vector has {vec} elements.",
        f"행렬-벡터 곱은 벡터 길이가 행렬의 열 수와 같아야 합니다. 행렬은 {rows}×{cols}인데 "
        f"벡터의 원소는 {vec}개입니다.",
    )


def _bmm(m: re.Match[str], e: dict[str, Any]) -> Explanation:
    want, got = f"[{m.group(1)}, {m.group(2)}]", f"[{m.group(3)}, {m.group(4)}]"
    return _both(
        e,
        f"`bmm` multiplies (b, n, m) by (b, m, p): the batch sizes must be equal and the inner "
        f"sizes must match. The second tensor should start with {want} but starts with {got}.",
        f"`bmm`은 (b, n, m)과 (b, m, p)를 곱합니다. 배치 크기가 같고 안쪽 크기가 맞아야 합니다. "
        f"두 번째 텐서의 앞 두 차원은 {want}여야 하는데 {got}입니다.",
    )


def _broadcast(m: re.Match[str], e: dict[str, Any]) -> Explanation:
    a, b, dim = m.groups()
    return _both(
        e,
        f"These shapes do not broadcast: at dimension {dim} one side has {a} and the other {b}. "
        "Shapes are compared from the right; each pair of sizes must be equal or one of them 1. "
        "Add a size-1 dimension where you mean to repeat (`unsqueeze`, `x[:, None]`) or fix the "
        "shape that is off.",
        f"두 모양이 broadcast되지 않습니다. {dim}번 차원에서 한쪽은 {a}, 다른 쪽은 {b}입니다. "
        "모양은 오른쪽부터 비교하며 각 크기는 같거나 한쪽이 1이어야 합니다. 반복하려는 곳에 "
        "크기 1인 차원을 넣거나(`unsqueeze`, `x[:, None]`) 잘못된 모양을 고치세요.",
    )


def _view_size(m: re.Match[str], e: dict[str, Any]) -> Explanation:
    shape, size = m.groups()
    return _both(
        e,
        f"`view`/`reshape` must keep the number of elements: the tensor has {size}, but the "
        f"shape [{shape}] holds a different number. Use sizes whose product is {size}, or put "
        "`-1` in one place and let PyTorch compute it.",
        f"`view`/`reshape`는 원소 개수를 유지해야 합니다. 텐서의 원소는 {size}개인데 "
        f"[{shape}] 모양은 개수가 다릅니다. 곱이 {size}인 크기를 쓰거나, 한 자리에 `-1`을 "
        "넣어 PyTorch가 계산하게 하세요.",
    )


def _view_stride(m: re.Match[str], e: dict[str, Any]) -> Explanation:
    return _both(
        e,
        "`view` only re-reads memory in order, and this tensor is not contiguous (after `.t()`, "
        "`transpose` or `permute` its elements are not in row order). Use `.reshape(...)`, which "
        "copies when it must, or `.contiguous().view(...)`.",
        "`view`는 메모리를 순서대로만 다시 읽는데, 이 텐서는 연속(contiguous)하지 않습니다"
        "(`.t()`, `transpose`, `permute` 뒤에는 원소가 행 순서가 아닙니다). 필요하면 복사하는 "
        "`.reshape(...)`나 `.contiguous().view(...)`를 쓰세요.",
    )


def _dot_dims(m: re.Match[str], e: dict[str, Any]) -> Explanation:
    a, b = m.groups()
    return _both(
        e,
        f"`torch.dot` takes two 1-D vectors, but got {a}-D and {b}-D tensors. For matrices use "
        "`torch.mm`; for batches or mixed shapes use `torch.matmul` / `@`.",
        f"`torch.dot`은 1차원 벡터 두 개만 받는데 {a}차원과 {b}차원 텐서가 왔습니다. 행렬에는 "
        "`torch.mm`, 배치나 섞인 모양에는 `torch.matmul` / `@`을 쓰세요.",
    )


def _dot_size(m: re.Match[str], e: dict[str, Any]) -> Explanation:
    a, b = m.groups()
    return _both(
        e,
        f"`torch.dot` needs two vectors of the same length: got {a} and {b} elements.",
        f"`torch.dot`은 길이가 같은 두 벡터가 필요합니다. 원소가 {a}개와 {b}개입니다.",
    )


def _backward_twice(m: re.Match[str], e: dict[str, Any]) -> Explanation:
    return _both(
        e,
        "`backward()` frees the graph it walked, so a second `backward()` through the same "
        "graph fails. Recompute the forward pass before each backward (as a training loop does), "
        "or pass `retain_graph=True` to the first call if you really need both.",
        "`backward()`는 지나간 그래프를 해제하므로 같은 그래프로 두 번째 `backward()`를 하면 "
        "실패합니다. 학습 루프처럼 backward마다 forward를 다시 계산하거나, 정말 두 번 필요하면 "
        "첫 호출에 `retain_graph=True`를 주세요.",
    )


def _non_scalar(m: re.Match[str], e: dict[str, Any]) -> Explanation:
    return _both(
        e,
        "`backward()` without arguments needs a scalar (one number), like a loss. Reduce the "
        "tensor first (`.sum()` or `.mean()`), or pass `gradient=` with the tensor's shape.",
        "인자 없는 `backward()`는 loss처럼 스칼라(숫자 하나)에만 쓸 수 있습니다. 먼저 "
        "`.sum()`이나 `.mean()`으로 줄이거나, 텐서 모양의 `gradient=`를 넘기세요.",
    )


def _no_grad(m: re.Match[str], e: dict[str, Any]) -> Explanation:
    return _both(
        e,
        "Nothing in this result requires a gradient, so there is no graph to walk back. Create "
        "the inputs you differentiate with `requires_grad=True` (parameters of `nn.Module` have "
        "it), and do not compute under `torch.no_grad()` or after `.detach()`.",
        "이 결과에는 gradient가 필요한 값이 없어서 거꾸로 따라갈 그래프가 없습니다. 미분할 입력을 "
        "`requires_grad=True`로 만드세요(`nn.Module`의 parameter는 이미 그렇습니다). "
        "`torch.no_grad()` 안이나 `.detach()` 뒤에서 계산하지 마세요.",
    )


def _dtype(m: re.Match[str], e: dict[str, Any]) -> Explanation:
    a, b = m.group(1), m.group(2)
    return _both(
        e,
        f"The operands have different dtypes ({a} and {b}); PyTorch does not convert them for "
        "this operation. Convert one side, usually to float32: `x.float()` (or `.long()` for "
        "class labels).",
        f"피연산자의 dtype이 다릅니다({a}, {b}). 이 연산에서는 PyTorch가 자동으로 바꾸지 "
        "않습니다. 한쪽을 보통 float32로 바꾸세요: `x.float()` (클래스 라벨이면 `.long()`).",
    )


def _target_dtype(m: re.Match[str], e: dict[str, Any]) -> Explanation:
    return _both(
        e,
        f"This loss wants class indices as integer labels (int64), not {m.group(1)}. Use "
        "`labels.long()`.",
        f"이 loss는 클래스 번호를 정수(int64)로 받아야 하는데 {m.group(1)}가 왔습니다. "
        "`labels.long()`을 쓰세요.",
    )


def _device(m: re.Match[str], e: dict[str, Any]) -> Explanation:
    return _both(
        e,
        "The tensors are on different devices; an operation needs all of them on the same "
        "device. Move them with `.to(device)` (and the model with `model.to(device)`).",
        "텐서들이 서로 다른 장치에 있습니다. 연산하려면 모두 같은 장치에 있어야 합니다. "
        "`.to(device)`로 옮기세요(모델은 `model.to(device)`).",
    )


def _oom(m: re.Match[str], e: dict[str, Any]) -> Explanation:
    return _both(
        e,
        "The device ran out of memory. Use smaller tensors or batches, free what you no longer "
        "need (`del x`, then `torch.cuda.empty_cache()` on CUDA), or restart the kernel (F9).",
        "장치의 메모리가 부족합니다. 텐서나 배치를 줄이고, 필요 없는 값을 지우거나"
        "(`del x`, CUDA라면 이어서 `torch.cuda.empty_cache()`) 커널을 다시 시작하세요(F9).",
    )


def _target_range(m: re.Match[str], e: dict[str, Any]) -> Explanation:
    (label,) = m.groups()
    return _both(
        e,
        f"The label {label} is not a class of this model: with C logits per row, class labels "
        "must be 0 to C-1. Make the last layer output one logit per class (e.g. "
        "`nn.Linear(16, num_classes)`), or check how the labels were made.",
        f"레이블 {label}은(는) 이 모델의 클래스가 아닙니다. 행마다 로짓이 C개라면 클래스 "
        "레이블은 0부터 C-1까지여야 합니다. 마지막 레이어가 클래스마다 로짓을 하나씩 내게 "
        "하거나(`nn.Linear(16, 클래스 수)` 등) 레이블을 만든 방법을 확인하세요.",
    )


def _gpu_assert(m: re.Match[str], e: dict[str, Any]) -> Explanation:
    return _both(
        e,
        "A check inside a GPU kernel failed, most often an index out of range (a class label "
        "at or above the number of classes, an embedding index too big). CUDA reports it late "
        "and the GPU is unusable in this kernel from then on: restart the kernel (F9). Running "
        "the same snippet on the CPU (Ctrl+G) names the bad value precisely.",
        "GPU 커널 안의 검사가 실패했습니다. 대개 인덱스가 범위를 벗어난 경우입니다(클래스 "
        "개수 이상인 정답 레이블, 너무 큰 임베딩 인덱스 등). CUDA는 이 오류를 늦게 알려 주며, "
        "이후 이 커널에서는 GPU를 쓸 수 없습니다. 커널을 다시 시작하세요(F9). 같은 스니펫을 "
        "CPU에서 실행하면(Ctrl+G) 어떤 값이 잘못됐는지 정확히 알려 줍니다.",
    )


def _dim_range(m: re.Match[str], e: dict[str, Any]) -> Explanation:
    low, high, got = m.groups()
    return _both(
        e,
        f"Dimension {got} does not exist here: this tensor's dimensions are {low} to {high} "
        "(negative numbers count from the end).",
        f"{got}번 차원은 없습니다. 이 텐서의 차원 번호는 {low}부터 {high}까지입니다"
        "(음수는 뒤에서부터 셉니다).",
    )


_RULES: list[_Rule] = [
    (
        re.compile(r"mat1 and mat2 shapes cannot be multiplied \((\d+)x(\d+) and (\d+)x(\d+)\)"),
        _matmul,
    ),
    (re.compile(r"self must be a matrix"), _not_matrix),
    (
        re.compile(r"size mismatch, got input \((\d+)\), mat \((\d+)x(\d+)\), vec \((\d+)\)"),
        _matvec,
    ),
    (
        re.compile(
            r"Expected size for first two dimensions of batch2 tensor to be: "
            r"\[(\d+), (\d+)\] but got: \[(\d+), (\d+)\]"
        ),
        _bmm,
    ),
    (
        re.compile(
            r"The size of tensor a \((\d+)\) must match the size of tensor b \((\d+)\) "
            r"at non-singleton dimension (\d+)"
        ),
        _broadcast,
    ),
    (re.compile(r"shape '\[([-\d, ]*)\]' is invalid for input of size (\d+)"), _view_size),
    (re.compile(r"view size is not compatible with input tensor's size and stride"), _view_stride),
    (re.compile(r"1D tensors expected, but got (\d+)D and (\d+)D tensors"), _dot_dims),
    (
        re.compile(r"inconsistent tensor size, expected tensor \[(\d+)\] and src \[(\d+)\]"),
        _dot_size,
    ),
    (re.compile(r"Trying to backward through the graph a second time"), _backward_twice),
    (re.compile(r"grad can be implicitly created only for scalar outputs"), _non_scalar),
    (re.compile(r"does not require grad and does not have a grad_fn"), _no_grad),
    (re.compile(r"expected m1 and m2 to have the same dtype, but got: (.+?) != (.+)$"), _dtype),
    (re.compile(r"must have the same dtype, but got (\w+) and (\w+)"), _dtype),
    (re.compile(r"expected scalar type (\w+) but found (\w+)"), _dtype),
    (re.compile(r"expected target dtype to be Long or Byte, but got (\w+)"), _target_dtype),
    (
        re.compile(
            r"Expected all tensors to be on the same device|is not on the expected device|"
            r"Expected .* to be on the same device"
        ),
        _device,
    ),
    (re.compile(r"Target (-?\d+) is out of bounds"), _target_range),
    (re.compile(r"device-side assert triggered"), _gpu_assert),
    (re.compile(r"out of memory|DefaultCPUAllocator: can't allocate memory", re.I), _oom),
    (
        re.compile(
            r"Dimension out of range \(expected to be in range of \[(-?\d+), (-?\d+)\], "
            r"but got (-?\d+)\)"
        ),
        _dim_range,
    ),
]


def explain(error: dict[str, Any] | None) -> Explanation | None:
    """A plain-language explanation of a PyTorch error, or None when it is not a known one."""
    if not error:
        return None
    message = str(error.get("message", ""))
    for pattern, build in _RULES:
        match = pattern.search(message)
        if match:
            return build(match, error)
    return None
