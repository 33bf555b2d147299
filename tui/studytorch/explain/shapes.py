"""Shapes that do not fit: `expand`, `view`, dimensions, indices, one value from many."""

from __future__ import annotations

import re

from studytorch.explain.base import (
    Error,
    family,
    name_of,
    numbers,
    operands,
    particle,
    shape_text,
)


@family(
    "expand",
    r"The expanded size of the tensor \((\d+)\) must match the existing size \((\d+)\) "
    r"at non-singleton dimension (\d+)\.\s+Target sizes: \[([-\d, ]*)\]\.\s+Tensor sizes: "
    r"\[([-\d, ]*)\]",
)
def _expand(m: re.Match[str], e: Error) -> tuple[str, str]:
    want, have, dim, target, sizes = m.groups()
    return (
        f"`expand` can only repeat size-1 dimensions: the tensor is [{sizes}] and you asked for "
        f"[{target}], so dimension {dim} would go from {have} to {want}. Add a size-1 dimension "
        "where the copies should go (`x.unsqueeze(0).expand(...)`) or use `repeat`.",
        f"`expand`는 크기가 1인 차원만 늘릴 수 있습니다. 텐서는 [{sizes}]인데 [{target}] 모양을 "
        f"요청해서 {dim}번 차원의 크기가 {have}에서 {particle(want, '으로/로')} 바뀌어야 "
        "합니다. 복사할 자리에 크기 1인 차원을 넣거나(`x.unsqueeze(0).expand(...)`) "
        "`repeat`을 쓰세요.",
    )


@family("view_size", r"shape '\[([-\d, ]*)\]' is invalid for input of size (\d+)")
def _view_size(m: re.Match[str], e: Error) -> tuple[str, str]:
    shape, size = m.groups()
    asked, count = numbers(shape), int(size)
    known = [n for n in asked if n != -1]
    example_en = example_ko = ""
    # Keeping the first size (the batch) is the usual intent: flatten the rest.
    if len(asked) >= 2 and known and known[0] and count % known[0] == 0:
        guess, result = f"view({known[0]}, -1)", (known[0], count // known[0])
    elif len(asked) >= 2 and known and known[-1] and count % known[-1] == 0:
        guess, result = f"view(-1, {known[-1]})", (count // known[-1], known[-1])
    else:
        guess = ""
    if guess:
        example_en = f" (e.g. `{guess}` gives {result})"
        example_ko = f"(예: `{guess}`의 결과는 {result})"
    return (
        f"`view`/`reshape` must keep the number of elements: the tensor has {size}, but the "
        f"shape [{shape}] holds a different number. Use sizes whose product is {size}, or put "
        f"`-1` in one place and let PyTorch compute it{example_en}.",
        f"`view`/`reshape`는 원소 개수를 유지해야 합니다. 텐서의 원소는 {size}개인데 "
        f"[{shape}] 모양은 개수가 다릅니다. 곱이 {size}인 크기를 쓰거나, 한 자리에 `-1`을 "
        f"넣어 PyTorch가 계산하게 하세요{example_ko}.",
    )


@family("view_not_contiguous", r"view size is not compatible with input tensor's size and stride")
def _view_stride(m: re.Match[str], e: Error) -> tuple[str, str]:
    call = e.get("call") or ""
    fixed = call.replace(".view(", ".reshape(", 1) if ".view(" in call else ".reshape(...)"
    return (
        "`view` only re-reads memory in order, and this tensor is not contiguous (after `.t()`, "
        "`transpose` or `permute` its elements are not in row order). Use `reshape`, which "
        f"copies when it must: `{fixed}` (or `.contiguous().view(...)`).",
        "`view`는 메모리를 순서대로만 다시 읽는데, 이 텐서는 연속(contiguous)하지 않습니다"
        "(`.t()`, `transpose`, `permute` 뒤에는 원소가 행 순서가 아닙니다). 필요하면 복사하는 "
        f"`reshape` 메서드를 쓰세요: `{fixed}`(또는 `.contiguous().view(...)`).",
    )


@family(
    "dim_out_of_range",
    r"Dimension out of range \(expected to be in range of \[(-?\d+), (-?\d+)\], but got (-?\d+)\)",
)
def _dim_range(m: re.Match[str], e: Error) -> tuple[str, str]:
    low, high, got = m.groups()
    return (
        f"Dimension {got} does not exist here: this tensor's dimensions are {low} to {high} "
        "(negative numbers count from the end).",
        f"{got}번 차원은 없습니다. 이 텐서의 차원 번호는 {low}부터 {high}까지입니다"
        "(음수는 뒤에서부터 셉니다).",
    )


@family(
    "index_out_of_bounds", r"index (-?\d+) is out of bounds for dimension (\d+) with size (\d+)"
)
def _index(m: re.Match[str], e: Error) -> tuple[str, str]:
    index, dim, size = m.groups()
    name = name_of(e, 0, "x")
    last = int(size) - 1
    return (
        f"Index {index} does not exist along dimension {dim}, which has {size} elements: valid "
        f"indices are 0 to {last} (or -{size} to -1 from the end). Remember that counting starts "
        f"at 0, so the last element is `{name}[-1]`.",
        f"{dim}번 차원의 원소는 {size}개라서 인덱스 {particle(index, '은/는')} 없습니다. "
        f"쓸 수 있는 인덱스는 0부터 {last}까지(뒤에서 세면 -{size}부터 -1까지)입니다. "
        f"번호는 0부터 세므로 마지막 원소는 `{name}[-1]`입니다.",
    )


@family(
    "item_of_many",
    r"a Tensor with (\d+) elements cannot be converted to Scalar|"
    r"only one element tensors can be converted to Python scalars",
)
def _item(m: re.Match[str], e: Error) -> tuple[str, str]:
    count = m.group(1)
    listed = re.search(r"torch\.(?:tensor|as_tensor|Tensor)\((.+)\)", e.get("line_text") or "")
    if count is None and listed:
        fixed = f"torch.stack({listed.group(1)})"
        return (
            "`torch.tensor` turns numbers into a tensor and reads each element as one number, "
            "but these elements are tensors with several values. To join tensors of one shape "
            f"into a bigger one use `{fixed}` (a new first dimension), or `torch.cat` to join "
            "along an existing one.",
            "`torch.tensor`는 숫자들을 텐서로 만들면서 원소 하나를 숫자 하나로 읽는데, 여기 원소는 "
            "값이 여러 개인 텐서입니다. 모양이 같은 텐서들을 하나로 합치려면 "
            f"`{fixed}` 코드를 쓰고(새 첫 차원이 생깁니다), 기존 차원을 따라 이으려면 "
            "`torch.cat`을 쓰세요.",
        )
    ops = operands(e)
    if count is None and ops:
        n = 1
        for size in ops[0]["shape"]:
            n *= size
        count = str(n)
    name = name_of(e, 0, "x")
    many = f"{count} elements" if count else "more than one element"
    many_ko = f"원소가 {count}개" if count else "원소가 여러 개"
    return (
        f"`.item()` / `float()` turn a one-element tensor into a Python number, but this one "
        f"has {many}. Reduce it first (`{name}.sum().item()`, `{name}.mean().item()`), pick one "
        f"element (`{name}[0].item()`), or use `{name}.tolist()` for all of them.",
        f"`.item()` / `float()`는 원소가 하나인 텐서를 파이썬 숫자로 바꾸는데, 이 텐서는 "
        f"{many_ko}입니다. 먼저 줄이거나(`{name}.sum().item()`, `{name}.mean().item()`) 원소 "
        f"하나를 고르거나(`{name}[0].item()`), 전부 필요하면 `{name}.tolist()` 메서드를 쓰세요.",
    )


@family("bool_of_many", r"Boolean value of Tensor with more than one value is ambiguous")
def _bool(m: re.Match[str], e: Error) -> tuple[str, str]:
    made = re.fullmatch(r"((?:torch\.)?(?:nn\.)?\w*Loss)\((.+)\)", e.get("call") or "")
    if made:  # `nn.MSELoss(pred, y)`: the tensors went to the class, which reads them as options
        fixed = f"{made.group(1)}()({made.group(2)})"
        return (
            f"`{made.group(1)}` is a class: `{made.group(1)}(...)` makes a loss function, and "
            "the tensors were taken as its options. Make the loss first, then call it: "
            f"`{fixed}` (usually `criterion = {made.group(1)}()` once, then `criterion(...)`).",
            f"`{made.group(1)}` 이름은 클래스입니다. `{made.group(1)}(...)` 호출은 손실 함수를 "
            "만들 뿐이라 텐서가 그 옵션으로 들어갔습니다. 손실 함수를 먼저 만든 다음 부르세요: "
            f"`{fixed}`(보통 `criterion = {made.group(1)}()` 코드로 한 번 만들고 "
            "`criterion(...)`으로 호출).",
        )
    shape = f" {shape_text(operands(e)[0]['shape'])}" if operands(e) else ""
    test = re.match(r"\s*(?:if|elif|while)\s+(.+?)\s*:\s*(?:#.*)?$", e.get("line_text") or "")
    cond = f"({test.group(1)})" if test else "(...)"
    return (
        f"`if`, `and`, `or` and `while` need one True/False, but this comparison gives a tensor"
        f"{shape} of them. Say which you mean: `{cond}.any()` (at least one is true) or "
        f"`{cond}.all()` (every one is true). For element-wise choices use `torch.where`.",
        f"`if`, `and`, `or`, `while`에는 True/False 하나가 필요한데, 이 비교는 그런 값이 여러 개인 "
        f"텐서{shape} 하나를 만듭니다. 뜻을 정하세요: `{cond}.any()`(하나라도 참) 또는 "
        f"`{cond}.all()`(모두 참). 원소마다 고르려면 `torch.where`를 쓰세요.",
    )


@family("index_of_scalar", r"invalid index of a 0-dim tensor")
def _index_of_scalar(m: re.Match[str], e: Error) -> tuple[str, str]:
    found = re.search(r"([\w.\]\[()]+?)\[\s*0\s*\]", e.get("line_text") or "")
    x = found.group(1) if found else name_of(e, 0, "x")
    return (
        f"{x} is a 0-D tensor (a single number, like a loss), so it has no `[0]`: read the number "
        f"with `{x}.item()` (old code wrote `loss.data[0]`; today it is `loss.item()`).",
        f"{particle(x, '은/는')} 0차원 텐서(손실 같은 숫자 하나)라서 `[0]` 인덱스가 없습니다. "
        f"숫자는 `{x}.item()` 메서드로 읽으세요(옛 코드의 `loss.data[0]`은 이제 "
        "`loss.item()`입니다).",
    )
