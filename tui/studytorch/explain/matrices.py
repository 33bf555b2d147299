"""Matrix products: `@`, `mm`, `bmm`, `matmul` with a vector, `dot`."""

from __future__ import annotations

import re

from studytorch.explain.base import Error, as_code, family, operands, particle


@family("matmul", r"mat1 and mat2 shapes cannot be multiplied \((\d+)x(\d+) and (\d+)x(\d+)\)")
def _matmul(m: re.Match[str], e: Error) -> tuple[str, str]:
    a, b, c, d = m.groups()
    head_en = (
        f"A matrix product needs the inner sizes to match: the left side is {a}×{b}, the right "
        f"side {c}×{d}, and {b} ≠ {c}. "
    )
    head_ko = (
        f"행렬 곱은 안쪽 크기가 같아야 합니다. 왼쪽은 {a}×{b}, 오른쪽은 {c}×{d}인데 "
        f"{b} ≠ {c}입니다. "
    )
    pair = [op for op in operands(e) if len(op["shape"]) == 2]
    module = e.get("module") or ""
    if len(pair) >= 2 and not module.startswith("Linear"):
        left, right = as_code(pair[0]["name"]), as_code(pair[1]["name"])
        fixes_en, fixes_ko = [], []
        if b == d:
            fixes_en.append(
                f"`{left} @ {right}.T` gives {a}×{c} (rows of {left} with rows of {right})"
            )
            fixes_ko.append(
                f"`{left} @ {right}.T`의 결과는 {a}×{c}({left}의 행과 {right}의 행끼리)"
            )
        if a == c:
            fixes_en.append(f"`{left}.T @ {right}` gives {b}×{d} (columns with columns)")
            fixes_ko.append(f"`{left}.T @ {right}`의 결과는 {b}×{d}(열과 열끼리)")
        if (a, b) == (c, d):
            fixes_en.append(f"`{left} * {right}` multiplies element by element ({a}×{b})")
            fixes_ko.append(f"`{left} * {right}`의 결과는 원소별 곱입니다({a}×{b})")
        if fixes_en:
            return (
                head_en + "Depending on what you meant: " + "; or ".join(fixes_en) + ".",
                head_ko + "의도에 따라 고르세요: " + ", 또는 ".join(fixes_ko) + ".",
            )
        return (
            head_en + f"Reshape one side so {left}'s last size equals {right}'s first size.",
            head_ko + f"{left}의 마지막 크기와 {right}의 첫 크기가 같도록 한쪽 모양을 바꾸세요.",
        )
    layer = f" (`{module}`)" if module else ""
    return (
        head_en + f"For an `nn.Linear` layer{layer} this means the input has {b} features but the "
        f"layer's `in_features` is {c}: make the layer `nn.Linear({b}, {d})`, or reshape the "
        f"input so its last size is {c}.",
        head_ko
        + f"`nn.Linear` 레이어{layer}라면 입력의 특성은 {b}개인데 레이어의 `in_features` 값이 "
        f"{c}입니다. 레이어를 `nn.Linear({b}, {d})` 모양으로 만들거나, 입력의 마지막 크기를 {c}에 "
        "맞추도록 모양을 바꾸세요.",
    )


@family("mm_needs_matrices", r"self must be a matrix|mat2 must be a matrix")
def _not_matrix(m: re.Match[str], e: Error) -> tuple[str, str]:
    dims = ", ".join(f"{op['name']} is {len(op['shape'])}-D" for op in operands(e))
    dims_ko = ", ".join(
        f"{particle(op['name'], '은/는')} {len(op['shape'])}차원" for op in operands(e)
    )
    return (
        f"`mm` only multiplies 2-D matrices and does not broadcast ({dims or 'not 2-D here'}). "
        "For batches use `torch.bmm` (3-D) or `torch.matmul` / `@`, which broadcast.",
        "`mm`은 2차원 행렬끼리만 곱하고 브로드캐스팅을 하지 않습니다"
        f"({dims_ko or '여기선 2차원이 아님'}). "
        "배치에는 `torch.bmm`(3차원)이나 브로드캐스팅을 하는 `torch.matmul` / `@` 연산을 쓰세요.",
    )


@family("matvec", r"size mismatch, got input \((\d+)\), mat \((\d+)x(\d+)\), vec \((\d+)\)")
def _matvec(m: re.Match[str], e: Error) -> tuple[str, str]:
    rows, cols, vec = m.group(2), m.group(3), m.group(4)
    return (
        f"A matrix-vector product needs the vector's length to equal the matrix's columns: the "
        f"matrix is {rows}×{cols} but the vector has {vec} elements. Use a vector of {cols} "
        f"elements, or if the vector should multiply from the left, `v @ M` needs {rows}.",
        f"행렬-벡터 곱은 벡터 길이가 행렬의 열 수와 같아야 합니다. 행렬은 {rows}×{cols}인데 벡터의 "
        f"원소는 {vec}개입니다. 원소 {cols}개인 벡터를 쓰거나, 왼쪽에서 곱하려면(`v @ M`) "
        f"{rows}개여야 합니다.",
    )


@family(
    "bmm",
    r"Expected size for first two dimensions of batch2 tensor to be: "
    r"\[(\d+), (\d+)\] but got: \[(\d+), (\d+)\]",
)
def _bmm(m: re.Match[str], e: Error) -> tuple[str, str]:
    want, got = f"[{m.group(1)}, {m.group(2)}]", f"[{m.group(3)}, {m.group(4)}]"
    return (
        f"`bmm` multiplies (b, n, m) by (b, m, p): the batch sizes must be equal and the inner "
        f"sizes must match. The second tensor should start with {want} but starts with {got}.",
        f"`bmm`은 (b, n, m)과 (b, m, p)를 곱합니다. 배치 크기가 같고 안쪽 크기가 맞아야 합니다. "
        f"두 번째 텐서의 앞 두 차원은 {want}이어야 하는데 {got}입니다.",
    )


@family("dot_needs_vectors", r"1D tensors expected, but got (\d+)D and (\d+)D tensors")
def _dot_dims(m: re.Match[str], e: Error) -> tuple[str, str]:
    a, b = m.groups()
    ops = operands(e)
    if len(ops) >= 2 and ops[0]["shape"] == ops[1]["shape"] and len(ops[0]["shape"]) == 2:
        x, y, (r, _c) = as_code(ops[0]["name"]), as_code(ops[1]["name"]), ops[0]["shape"]
        return (
            f"`torch.dot` takes two 1-D vectors, but got {a}-D and {b}-D tensors. Two likely "
            f"intents: one dot product per row, `({x} * {y}).sum(dim=1)` (shape ({r},)); or every "
            f"row of {x} with every row of {y}, `{x} @ {y}.T` (shape ({r}, {r})).",
            f"`torch.dot`은 1차원 벡터 두 개만 받는데 {a}차원과 {b}차원 텐서가 왔습니다. 의도는 "
            f"둘 중 하나일 겁니다. 행마다 내적 하나: `({x} * {y}).sum(dim=1)`(모양 ({r},)), 또는 "
            f"{x}의 모든 행과 {y}의 모든 행: `{x} @ {y}.T`(모양 ({r}, {r})).",
        )
    return (
        f"`torch.dot` takes two 1-D vectors, but got {a}-D and {b}-D tensors. For anything else "
        "use `torch.matmul` / `@`, which handles matrices and batches.",
        f"`torch.dot`은 1차원 벡터 두 개만 받는데 {a}차원과 {b}차원 텐서가 왔습니다. 그 밖의 "
        "모양에는 행렬과 배치를 다루는 `torch.matmul` / `@` 연산을 쓰세요.",
    )


@family("dot_lengths", r"inconsistent tensor size, expected tensor \[(\d+)\] and src \[(\d+)\]")
def _dot_size(m: re.Match[str], e: Error) -> tuple[str, str]:
    a, b = m.groups()
    return (
        f"`torch.dot` needs two vectors of the same length: got {a} and {b} elements.",
        f"`torch.dot`은 길이가 같은 두 벡터가 필요합니다. 원소가 {a}개와 {b}개입니다.",
    )
