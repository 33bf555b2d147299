"""Plain-language explanations of common PyTorch errors, in English and Korean.

`explain(error)` takes the probe's error summary ({type, message, line, line_text, operands,
and the hints probe_warn.py adds}) and returns {"en", "ko", "family"}, or None for an error it
does not know (shown raw). Each family below names the operands it saw and a fix that works on
those shapes; `FAMILIES` lists them in matching order (docs/errors.md describes each).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from studytorch.text import shape_text

Explanation = dict[str, str]
Error = dict[str, Any]
Build = Callable[[re.Match[str], Error], tuple[str, str]]


@dataclass(frozen=True)
class Family:
    name: str
    pattern: re.Pattern[str]
    build: Build
    when: Callable[[Error], bool] | None = None
    """An extra condition on the probe's hints, for families that share a message."""


FAMILIES: list[Family] = []
"""Matched in order against "Type: message"; the first match explains the error."""


def family(
    name: str, pattern: str, flags: int = 0, when: Callable[[Error], bool] | None = None
) -> Callable[[Build], Build]:
    def add(build: Build) -> Build:
        FAMILIES.append(Family(name, re.compile(pattern, flags | re.S), build, when))
        return build

    return add


# --- what the failing line used ----------------------------------------------------------------


def _ops(e: Error) -> list[dict[str, Any]]:
    """Tensor operands of the failing call (or line), in order. A name the line only assigns
    to (`v` in `v = x[5]`) is left out: its value is from before the line and did not clash."""
    ops = [op for op in e.get("operands") or [] if isinstance(op, dict) and "shape" in op]
    targets = _assigned_only(e.get("line_text") or "")
    return [op for op in ops if op.get("name") not in targets]


def _assigned_only(text: str) -> set[str]:
    found = re.match(r"\s*([\w\s,]+?)\s*=(?!=)(.*)", text)  # plain names only: x.a = uses x
    if not found:
        return set()
    left, right = found.groups()
    return {n for n in re.findall(r"\w+", left) if not re.search(rf"\b{n}\b", right)}


def _op(op: dict[str, Any], device: bool = False, lang: str = "en") -> str:
    text = f"{op['name']} {shape_text(op['shape'])} {op.get('dtype', '')}".rstrip()
    if not (device and op.get("device")):
        return text
    return text + (f" on {op['device']}" if lang == "en" else f" ({op['device']})")


def _shapes(m: re.Match[str] | str) -> list[int]:
    text = m if isinstance(m, str) else m.group(0)
    return [int(n) for n in re.findall(r"-?\d+", text)]


def _name(e: Error, index: int, fallback: str) -> str:
    """The operand's source text, ready to have `.method()` put after it in a suggested fix."""
    ops = _ops(e)
    return _code(ops[index]["name"]) if len(ops) > index else fallback


def _code(name: str) -> str:
    """`a + b` becomes `(a + b)`, so `(a + b).T` means what it says; `x`, `x.t()`, `x[0]` stay."""
    return f"({name})" if re.search(r"[\s+\-*/@%<>=&|^~]", name) else name


def _where(e: Error) -> Explanation:
    """'On line 3 (`c = a @ b`): a (2, 3) float32, b (4, 5) float32. ' in both languages."""
    line, text = e.get("line"), (e.get("line_text") or "").strip()
    if not line:
        return {"en": "", "ko": ""}
    ops = _ops(e)
    devices = {op.get("device") for op in ops}
    show_device = len(devices) > 1 or bool(devices - {"cpu", None})
    listed = ", ".join(_op(op, show_device) for op in ops)
    listed_ko = ", ".join(_op(op, show_device, "ko") for op in ops)
    en = f"On line {line} (`{text}`)" + (f": {listed}." if listed else ".")
    ko = f"{line}번째 줄(`{text}`)" + (f": {listed_ko}." if listed else "에서 났습니다.")
    return {"en": en + " ", "ko": ko + " "}


def explain(error: Error | None) -> Explanation | None:
    """A plain-language explanation of a PyTorch error, or None when it is not a known one."""
    if not error:
        return None
    text = f"{error.get('type', '')}: {error.get('message', '')}"
    for fam in FAMILIES:
        match = fam.pattern.search(text)
        if match and (fam.when is None or fam.when(error)):
            en, ko = fam.build(match, error)
            where = _where(error)
            return {"en": where["en"] + en, "ko": where["ko"] + ko, "family": fam.name}
    return None


# --- matrix products ------------------------------------------------------------------------


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
    pair = [op for op in _ops(e) if len(op["shape"]) == 2]
    module = e.get("module") or ""
    if len(pair) >= 2 and not module.startswith("Linear"):
        left, right = _code(pair[0]["name"]), _code(pair[1]["name"])
        fixes_en, fixes_ko = [], []
        if b == d:
            fixes_en.append(
                f"`{left} @ {right}.T` gives {a}×{c} (rows of {left} with rows of {right})"
            )
            fixes_ko.append(f"`{left} @ {right}.T`는 {a}×{c}({left}의 행과 {right}의 행끼리)")
        if a == c:
            fixes_en.append(f"`{left}.T @ {right}` gives {b}×{d} (columns with columns)")
            fixes_ko.append(f"`{left}.T @ {right}`는 {b}×{d}(열과 열끼리)")
        if (a, b) == (c, d):
            fixes_en.append(f"`{left} * {right}` multiplies element by element ({a}×{b})")
            fixes_ko.append(f"`{left} * {right}`는 원소끼리 곱합니다({a}×{b})")
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
        head_ko + f"`nn.Linear` 레이어{layer}라면 입력의 특성은 {b}개인데 `in_features`는 {c}라는 "
        f"뜻입니다. 레이어를 `nn.Linear({b}, {d})`로 만들거나, 입력의 마지막 크기를 {c}에 맞추도록 "
        "모양을 바꾸세요.",
    )


@family("mm_needs_matrices", r"self must be a matrix|mat2 must be a matrix")
def _not_matrix(m: re.Match[str], e: Error) -> tuple[str, str]:
    dims = ", ".join(f"{op['name']} is {len(op['shape'])}-D" for op in _ops(e))
    dims_ko = ", ".join(f"{op['name']}는 {len(op['shape'])}차원" for op in _ops(e))
    return (
        f"`mm` only multiplies 2-D matrices and does not broadcast ({dims or 'not 2-D here'}). "
        "For batches use `torch.bmm` (3-D) or `torch.matmul` / `@`, which broadcast.",
        "`mm`은 2차원 행렬끼리만 곱하고 broadcasting을 하지 않습니다"
        f"({dims_ko or '여기선 2차원이 아님'}). "
        "배치에는 `torch.bmm`(3차원)이나 broadcasting을 지원하는 `torch.matmul` / `@`을 쓰세요.",
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
        f"두 번째 텐서의 앞 두 차원은 {want}와 같아야 하는데 {got}입니다.",
    )


@family("dot_needs_vectors", r"1D tensors expected, but got (\d+)D and (\d+)D tensors")
def _dot_dims(m: re.Match[str], e: Error) -> tuple[str, str]:
    a, b = m.groups()
    ops = _ops(e)
    if len(ops) >= 2 and ops[0]["shape"] == ops[1]["shape"] and len(ops[0]["shape"]) == 2:
        x, y, (r, _c) = _code(ops[0]["name"]), _code(ops[1]["name"]), ops[0]["shape"]
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
        "모양에는 행렬과 배치를 다루는 `torch.matmul` / `@`을 쓰세요.",
    )


@family("dot_lengths", r"inconsistent tensor size, expected tensor \[(\d+)\] and src \[(\d+)\]")
def _dot_size(m: re.Match[str], e: Error) -> tuple[str, str]:
    a, b = m.groups()
    return (
        f"`torch.dot` needs two vectors of the same length: got {a} and {b} elements.",
        f"`torch.dot`은 길이가 같은 두 벡터가 필요합니다. 원소가 {a}개와 {b}개입니다.",
    )


# --- shapes -----------------------------------------------------------------------------------


@family(
    "broadcast",
    r"The size of tensor a \((\d+)\) must match the size of tensor b \((\d+)\) "
    r"at non-singleton dimension (\d+)",
)
def _broadcast(m: re.Match[str], e: Error) -> tuple[str, str]:
    a, b, dim = m.groups()
    fix_en, fix_ko = _broadcast_fix(_ops(e))
    return (
        f"These shapes do not broadcast: at dimension {dim} one side has {a} and the other {b}. "
        "Shapes are compared from the right; each pair of sizes must be equal or one of them 1. "
        + (
            fix_en
            or "Add a size-1 dimension where you mean to repeat (`unsqueeze`, `x[:, None]`) or "
            "fix the shape that is off."
        ),
        f"두 모양이 broadcast되지 않습니다. {dim}번 차원에서 한쪽은 {a}, 다른 쪽은 {b}입니다. "
        "모양은 오른쪽부터 비교하며 각 크기는 같거나 한쪽이 1이어야 합니다. "
        + (
            fix_ko
            or "반복하려는 곳에 크기 1인 차원을 넣거나(`unsqueeze`, `x[:, None]`) 잘못된 모양을 "
            "고치세요."
        ),
    )


def _fits(a: list[int], b: list[int]) -> bool:
    """Whether two shapes broadcast."""
    return all(x == y or 1 in (x, y) for x, y in zip(reversed(a), reversed(b), strict=False))


def _broadcast_fix(ops: list[dict[str, Any]]) -> tuple[str, str]:
    """A reshape of one operand that makes the two broadcast, when a simple one exists."""
    if len(ops) != 2:
        return "", ""
    big, small = sorted(ops, key=lambda op: -len(op["shape"]))
    shape, name = list(small["shape"]), _code(small["name"])
    if len(shape) < len(big["shape"]):
        column = [*shape, 1]
        if _fits(big["shape"], column):
            fixed = f"`{name}.unsqueeze(-1)`"
            return (
                f"If {name} should line up with the first dimensions of {big['name']}, make it a "
                f"column: {fixed} is {shape_text(column)} and broadcasts with "
                f"{shape_text(big['shape'])}.",
                f"{name}이(가) {big['name']}의 앞쪽 차원과 맞아야 한다면 열로 만드세요: {fixed}는 "
                f"{shape_text(column)}이라 {shape_text(big['shape'])}와 broadcast됩니다.",
            )
    if len(shape) == len(big["shape"]) == 2 and _fits(big["shape"], shape[::-1]):
        return (
            f"{name} looks transposed: `{name}.T` is {shape_text(shape[::-1])} and broadcasts "
            f"with {shape_text(big['shape'])}.",
            f"{name}이(가) 전치된 것 같습니다: `{name}.T`는 {shape_text(shape[::-1])}이라 "
            f"{shape_text(big['shape'])}와 broadcast됩니다.",
        )
    return "", ""


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
        f"`expand`는 크기가 1인 차원만 늘릴 수 있습니다. 텐서는 [{sizes}]인데 [{target}]로 "
        f"요청해서 {dim}번 차원이 {have}에서 {want}로 바뀌어야 합니다. 복사할 자리에 크기 1인 "
        "차원을 넣거나(`x.unsqueeze(0).expand(...)`) `repeat`을 쓰세요.",
    )


@family("view_size", r"shape '\[([-\d, ]*)\]' is invalid for input of size (\d+)")
def _view_size(m: re.Match[str], e: Error) -> tuple[str, str]:
    shape, size = m.groups()
    asked, count = _shapes(shape), int(size)
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
        example_ko = f"(예: `{guess}`는 {result})"
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
    return (
        "`view` only re-reads memory in order, and this tensor is not contiguous (after `.t()`, "
        "`transpose` or `permute` its elements are not in row order). Use `.reshape(...)`, which "
        "copies when it must, or `.contiguous().view(...)`.",
        "`view`는 메모리를 순서대로만 다시 읽는데, 이 텐서는 연속(contiguous)하지 않습니다"
        "(`.t()`, `transpose`, `permute` 뒤에는 원소가 행 순서가 아닙니다). 필요하면 복사하는 "
        "`.reshape(...)`나 `.contiguous().view(...)`를 쓰세요.",
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
    last = int(size) - 1
    return (
        f"Index {index} does not exist along dimension {dim}, which has {size} elements: valid "
        f"indices are 0 to {last} (or -{size} to -1 from the end). Remember that counting starts "
        "at 0, so the last element is `x[-1]`.",
        f"{dim}번 차원의 원소는 {size}개라서 인덱스 {index}은(는) 없습니다. 쓸 수 있는 인덱스는 "
        f"0부터 {last}까지(뒤에서 세면 -{size}부터 -1까지)입니다. 번호는 0부터 세므로 마지막 "
        "원소는 `x[-1]`입니다.",
    )


@family(
    "collate_unequal_samples",
    r"stack expects each tensor to be equal size, but got \[([\d, ]*)\] at entry (\d+) and "
    r"\[([\d, ]*)\] at entry (\d+)",
    when=lambda e: e.get("batch_indices") is not None,
)
def _collate_stack(m: re.Match[str], e: Error) -> tuple[str, str]:
    a, i, b, j = m.groups()
    batch = e["batch_indices"]
    return (
        f"The DataLoader could not stack the samples of one batch into a tensor: the dataset "
        f"returned [{a}] for one sample and [{b}] for another (the batch of samples {batch}, "
        f"positions {i} and {j}). Every sample must have the same shape: resize or pad them in "
        "the Dataset (or its transform), or give the DataLoader a `collate_fn` that pads.",
        f"DataLoader가 한 배치의 샘플들을 텐서 하나로 쌓지 못했습니다. 데이터셋이 한 샘플은 "
        f"[{a}], 다른 샘플은 [{b}] 모양으로 돌려줬습니다(샘플 {batch}로 된 배치의 {i}번과 "
        f"{j}번). 모든 샘플의 모양이 같아야 합니다. Dataset(또는 transform)에서 크기를 맞추거나 "
        "패딩하는 `collate_fn`을 DataLoader에 주세요.",
    )


@family(
    "stack_sizes",
    r"stack expects each tensor to be equal size, but got \[([\d, ]*)\] at entry (\d+) and "
    r"\[([\d, ]*)\] at entry (\d+)",
)
def _stack(m: re.Match[str], e: Error) -> tuple[str, str]:
    a, i, b, j = m.groups()
    return (
        f"`torch.stack` needs tensors of exactly the same shape: entry {i} is [{a}] and entry "
        f"{j} is [{b}]. Make them the same size first (slice or pad), or use `torch.cat` if "
        "you meant to join them along an existing dimension.",
        f"`torch.stack`은 모양이 완전히 같은 텐서들만 쌓습니다. {i}번째는 [{a}], {j}번째는 "
        f"[{b}]입니다. 먼저 크기를 맞추세요(자르기, 패딩). 기존 차원을 따라 이어 붙이려던 것이라면 "
        "`torch.cat`을 쓰세요.",
    )


@family(
    "cat_sizes",
    r"Sizes of tensors must match except in dimension (\d+)\. Expected size (\d+) but got "
    r"size (\d+) for tensor number (\d+)",
)
def _cat(m: re.Match[str], e: Error) -> tuple[str, str]:
    dim, want, got, number = m.groups()
    other = _cat_other_dim(_ops(e))
    if other is not None:
        d, shape = other
        hint_en = f"If you meant to join along dimension {d}, pass `dim={d}`: that gives {shape}."
        hint_ko = f"{d}번 차원을 따라 붙이려던 것이라면 `dim={d}`을 주세요. 결과는 {shape}입니다."
    else:
        hint_en = "If you meant to join along the dimension that differs, pass that `dim`."
        hint_ko = "크기가 다른 차원을 따라 붙이려던 것이라면 그 `dim`을 주세요."
    return (
        f"`torch.cat` joins along dimension {dim}, so every other dimension must be equal: "
        f"tensor number {number} in the list has size {got} where the first has {want}. "
        f"{hint_en} Otherwise make the sizes agree.",
        f"`torch.cat`은 {dim}번 차원을 따라 이어 붙이므로 나머지 차원은 모두 같아야 합니다. 목록의 "
        f"{number}번 텐서는 그 자리의 크기가 {got}인데 첫 텐서는 {want}입니다. {hint_ko} 아니면 "
        "크기를 맞추세요.",
    )


def _cat_other_dim(ops: list[dict[str, Any]]) -> tuple[int, tuple[int, ...]] | None:
    """The one dimension along which the operands would join, and the result's shape."""
    shapes = [list(op["shape"]) for op in ops]
    if len(shapes) < 2 or len({len(s) for s in shapes}) != 1:
        return None
    differ = [d for d in range(len(shapes[0])) if len({s[d] for s in shapes}) > 1]
    if len(differ) != 1:
        return None
    d = differ[0]
    joined = list(shapes[0])
    joined[d] = sum(s[d] for s in shapes)
    return d, tuple(joined)


@family("cat_ndim", r"Tensors must have same number of dimensions: got (\d+) and (\d+)")
def _cat_ndim(m: re.Match[str], e: Error) -> tuple[str, str]:
    a, b = m.groups()
    return (
        f"`torch.cat` needs tensors with the same number of dimensions, but got {a}-D and "
        f"{b}-D. Add the missing dimension to the smaller one first (e.g. `v.unsqueeze(0)` turns "
        "a vector into one row) so it lines up.",
        f"`torch.cat`은 차원 수가 같은 텐서들만 붙입니다. {a}차원과 {b}차원이 왔습니다. 작은 쪽에 "
        "빠진 차원을 먼저 넣으세요(예: `v.unsqueeze(0)`은 벡터를 한 행으로 만듭니다).",
    )


@family("cat_scalars", r"zero-dimensional tensor \(at position (\d+)\) cannot be concatenated")
def _cat_0d(m: re.Match[str], e: Error) -> tuple[str, str]:
    return (
        "`torch.cat` joins along an existing dimension, and a 0-D tensor (a single number, "
        "like a loss) has none. Use `torch.stack(values)` to turn numbers into a vector.",
        "`torch.cat`은 기존 차원을 따라 이어 붙이는데, 0차원 텐서(loss 같은 숫자 하나)에는 "
        "차원이 없습니다. 숫자들을 벡터로 만들려면 `torch.stack(values)`를 쓰세요.",
    )


@family("ragged_list", r"expected sequence of length (\d+) at dim (\d+) \(got (\d+)\)")
def _ragged(m: re.Match[str], e: Error) -> tuple[str, str]:
    want, dim, got = m.groups()
    return (
        f"`torch.tensor` needs a rectangular list: the rows at depth {dim} should all have "
        f"{want} elements, but one has {got}. Pad the short rows (or use "
        "`torch.nn.utils.rnn.pad_sequence` on a list of tensors).",
        f"`torch.tensor`는 직사각형 모양의 리스트만 받습니다. 깊이 {dim}의 행들은 모두 원소가 "
        f"{want}개여야 하는데 하나가 {got}개입니다. 짧은 행을 채우거나, 텐서 리스트에 "
        "`torch.nn.utils.rnn.pad_sequence`를 쓰세요.",
    )


@family(
    "item_of_many",
    r"a Tensor with (\d+) elements cannot be converted to Scalar|"
    r"only one element tensors can be converted to Python scalars",
)
def _item(m: re.Match[str], e: Error) -> tuple[str, str]:
    count = m.group(1)
    ops = _ops(e)
    if count is None and ops:
        n = 1
        for size in ops[0]["shape"]:
            n *= size
        count = str(n)
    many = f"{count} elements" if count else "more than one element"
    many_ko = f"원소가 {count}개" if count else "원소가 여러 개"
    return (
        f"`.item()` / `float()` turn a one-element tensor into a Python number, but this one "
        f"has {many}. Reduce it first (`x.sum().item()`, `x.mean().item()`), pick one "
        "element (`x[0].item()`), or use `x.tolist()` for all of them.",
        f"`.item()` / `float()`는 원소가 하나인 텐서를 파이썬 숫자로 바꾸는데, 이 텐서는 "
        f"{many_ko}입니다. 먼저 줄이거나(`x.sum().item()`, `x.mean().item()`) 원소 하나를 "
        "고르거나(`x[0].item()`), 전부 필요하면 `x.tolist()`를 쓰세요.",
    )


@family("bool_of_many", r"Boolean value of Tensor with more than one value is ambiguous")
def _bool(m: re.Match[str], e: Error) -> tuple[str, str]:
    shape = f" {shape_text(_ops(e)[0]['shape'])}" if _ops(e) else ""
    return (
        f"`if`, `and`, `or` and `while` need one True/False, but this comparison gives a tensor"
        f"{shape} of them. Say which you mean: `(...).any()` (at least one is true) or "
        "`(...).all()` (every one is true). For element-wise choices use `torch.where`.",
        f"`if`, `and`, `or`, `while`에는 True/False 하나가 필요한데, 이 비교는 그런 값이 여러 개인 "
        f"텐서{shape}를 만듭니다. 뜻을 정하세요: `(...).any()`(하나라도 참) 또는 `(...).all()`"
        "(모두 참). 원소마다 고르려면 `torch.where`를 쓰세요.",
    )


# --- autograd ---------------------------------------------------------------------------------


@family(
    "leaf_in_place", r"a (view of a )?leaf Variable that requires grad is being used in an in-place"
)
def _leaf_inplace(m: re.Match[str], e: Error) -> tuple[str, str]:
    name = _name(e, 0, "w")
    return (
        f"{name} is a tensor you created with `requires_grad=True` (a leaf), and changing it in "
        "place (`+=`, `[i] = ...`, `add_`) would break its gradient. To update weights by hand do "
        f"it without tracking: `with torch.no_grad(): {name} -= lr * {name}.grad`. Otherwise "
        f"compute a new tensor (`{name}2 = {name} + 1`) instead of changing {name}.",
        f"{name}은(는) `requires_grad=True`로 만든 텐서(leaf)라서 제자리 수정(`+=`, `[i] = ...`, "
        "`add_`)을 하면 gradient가 망가집니다. 가중치를 직접 갱신하려면 기록 없이 하세요: "
        f"`with torch.no_grad(): {name} -= lr * {name}.grad`. 그게 아니면 {name}을(를) 바꾸지 "
        f"말고 새 텐서를 만드세요(`{name}2 = {name} + 1`).",
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
    if culprit:
        line, text, name = culprit["line"], culprit["text"].strip(), culprit.get("name") or "it"
        found_en = f"Line {line} (`{text}`) changed {name} in place after it was used. "
        found_ko = f"{line}번째 줄(`{text}`)이 {name}을(를) 쓴 뒤에 제자리에서 바꿨습니다. "
    else:
        found_en = (
            "To find the line, run once under `with torch.autograd.detect_anomaly():` - the "
            "error then names the forward operation. "
        )
        found_ko = (
            "어느 줄인지 찾으려면 `with torch.autograd.detect_anomaly():` 안에서 한 번 실행하세요. "
            "오류가 forward 연산을 알려 줍니다. "
        )
    return (
        f"`backward()` needed a [{shape}] tensor that {op.lower()}() produced, but it was changed "
        f"in place afterwards (its version went from {before} to {now}). "
        + found_en
        + "Use an out-of-place version instead: `y = y + 1` rather than `y += 1`, `relu(x)` "
        "rather than `relu_(x)` or `inplace=True`.",
        f"`backward()`에는 {op.lower()}()가 만든 [{shape}] 텐서가 필요했는데, 그 뒤에 "
        f"제자리 연산으로 바뀌었습니다(버전 {before} → {now}). "
        + found_ko
        + "제자리가 아닌 연산을 쓰세요: `y += 1` 대신 `y = y + 1`, `relu_(x)`나 "
        "`inplace=True` 대신 `relu(x)`.",
    )


@family("backward_twice", r"Trying to backward through the graph a second time")
def _backward_twice(m: re.Match[str], e: Error) -> tuple[str, str]:
    return (
        "`backward()` frees the graph it walked, so a second `backward()` through the same "
        "graph fails. Recompute the forward pass before each backward (as a training loop does), "
        "or pass `retain_graph=True` to the first call if you really need both.",
        "`backward()`는 지나간 그래프를 해제하므로 같은 그래프로 두 번째 `backward()`를 하면 "
        "실패합니다. 학습 루프처럼 backward마다 forward를 다시 계산하거나, 정말 두 번 필요하면 "
        "첫 호출에 `retain_graph=True`를 주세요.",
    )


@family("backward_not_scalar", r"grad can be implicitly created only for scalar outputs")
def _non_scalar(m: re.Match[str], e: Error) -> tuple[str, str]:
    ops = _ops(e)
    shape = f" {ops[0]['name']} is {shape_text(ops[0]['shape'])}." if ops else ""
    shape_ko = f" {ops[0]['name']}은(는) {shape_text(ops[0]['shape'])}입니다." if ops else ""
    return (
        f"`backward()` without arguments needs a scalar (one number), like a loss.{shape} Reduce "
        "the tensor first (`.sum()` or `.mean()`), or pass `gradient=` with the tensor's shape.",
        f"인자 없는 `backward()`는 loss처럼 스칼라(숫자 하나)에만 쓸 수 있습니다.{shape_ko} 먼저 "
        "`.sum()`이나 `.mean()`으로 줄이거나, 텐서 모양의 `gradient=`를 넘기세요.",
    )


@family("no_grad_fn", r"does not require grad and does not have a grad_fn")
def _no_grad(m: re.Match[str], e: Error) -> tuple[str, str]:
    return (
        "Nothing in this result requires a gradient, so there is no graph to walk back. Create "
        "the inputs you differentiate with `requires_grad=True` (parameters of `nn.Module` have "
        "it), and do not compute under `torch.no_grad()` or after `.detach()`.",
        "이 결과에는 gradient가 필요한 값이 없어서 거꾸로 따라갈 그래프가 없습니다. 미분할 입력을 "
        "`requires_grad=True`로 만드세요(`nn.Module`의 parameter는 이미 그렇습니다). "
        "`torch.no_grad()` 안이나 `.detach()` 뒤에서 계산하지 마세요.",
    )


@family(
    "grad_of_integers", r"Only Tensors of floating point and complex dtype can require gradients"
)
def _int_grad(m: re.Match[str], e: Error) -> tuple[str, str]:
    return (
        "Gradients exist only for floating-point tensors, and this one holds integers (written "
        "without a decimal point, e.g. `[1, 2]`). Write floats (`[1.0, 2.0]`) or pass "
        "`dtype=torch.float32`.",
        "gradient는 실수 텐서에만 있는데, 이 텐서는 정수입니다(`[1, 2]`처럼 소수점 없이 썼을 때). "
        "소수점을 붙여 쓰거나(`[1.0, 2.0]`) `dtype=torch.float32`를 주세요.",
    )


@family("requires_grad_of_non_leaf", r"you can only change requires_grad flags of leaf variables")
def _non_leaf_flag(m: re.Match[str], e: Error) -> tuple[str, str]:
    name = _name(e, 0, "y")
    return (
        f"{name} was computed from tensors that require grad, so its `requires_grad` follows "
        f"them and cannot be switched off. Use `{name}.detach()` for a copy outside the graph, "
        "or set `requires_grad` on the tensor you created.",
        f"{name}은(는) gradient가 필요한 텐서에서 계산됐으므로 `requires_grad`가 그대로 따라가며 "
        f"끌 수 없습니다. 그래프 밖의 값이 필요하면 `{name}.detach()`를 쓰거나, 처음 만든 텐서에 "
        "`requires_grad`를 정하세요.",
    )


@family(
    "grad_is_none",
    r"'NoneType' object has no attribute '(\w+)'",
    when=lambda e: ".grad" in (e.get("line_text") or ""),
)
def _grad_none(m: re.Match[str], e: Error) -> tuple[str, str]:
    return (
        "`.grad` is None until a `backward()` has reached this tensor (and it is None again after "
        "`zero_grad()`). Call `loss.backward()` first, check that the tensor was created with "
        "`requires_grad=True` and used in the loss, or guard with `if w.grad is not None:`.",
        "`.grad`는 `backward()`가 이 텐서까지 도달하기 전에는 None입니다(`zero_grad()` 뒤에도 "
        "None이 됩니다). 먼저 `loss.backward()`를 부르고, 텐서를 `requires_grad=True`로 만들어 "
        "loss 계산에 썼는지 확인하거나 `if w.grad is not None:`으로 감싸세요.",
    )


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
        f"{owner}이(가) None이라 `.{attribute}`이(가) 없습니다. 값이 None인 가장 흔한 이유는 그 "
        "값을 만든 함수(또는 `forward`)에 `return`이 없거나, None을 돌려주는 메서드의 결과를 "
        "대입한 경우입니다(`lst = lst.append(x)` 등). "
        f"{owner}을(를) 만든 곳을 확인하세요.",
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
        f"{owner}은(는) 텐서가 아니라 파이썬 {kind} 값이라서 `.{attribute}`이(가) 없습니다. 먼저 "
        f"텐서로 만드세요: {convert_ko}.",
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
        f"이상 탐지가 `{fn}`에서 멈췄습니다. {op.lower()} 연산의 gradient가 NaN입니다. 흔한 "
        "원인: 0으로 나누기(0에서 x / x), 0이나 음수의 `sqrt`·`log`, 값이 터질 만큼 큰 "
        "학습률. 작은 epsilon을 더하거나(`x / (y + 1e-8)`, `torch.log(p + 1e-8)`) 학습률을 "
        "낮추세요.",
    )


# --- NumPy and Python values ------------------------------------------------------------------


@family("numpy_of_grad_tensor", r"Can't call numpy\(\) on Tensor that requires grad")
def _numpy_grad(m: re.Match[str], e: Error) -> tuple[str, str]:
    name = _name(e, 0, "x")
    return (
        f"{name} is part of the autograd graph (it requires grad), and a NumPy array cannot "
        f"carry that. Take the values out of the graph first: `{name}.detach().numpy()` (on a "
        f"GPU: `{name}.detach().cpu().numpy()`).",
        f"{name}은(는) autograd 그래프에 속한 텐서(gradient 필요)인데 NumPy 배열은 그 정보를 "
        f"담지 못합니다. 먼저 그래프에서 떼어 내세요: `{name}.detach().numpy()`(GPU라면 "
        f"`{name}.detach().cpu().numpy()`).",
    )


@family("numpy_of_device_tensor", r"can't convert (\S+) device type tensor to numpy")
def _numpy_device(m: re.Match[str], e: Error) -> tuple[str, str]:
    device, name = m.group(1), _name(e, 0, "x")
    return (
        f"{name} lives on {device}, and NumPy only reads CPU memory. Copy it first: "
        f"`{name}.cpu().numpy()` (add `.detach()` if it requires grad).",
        f"{name}은(는) {device}에 있는데 NumPy는 CPU 메모리만 읽습니다. 먼저 복사하세요: "
        f"`{name}.cpu().numpy()`(gradient가 필요한 텐서라면 `.detach()`도 붙이세요).",
    )


@family("from_numpy_of_list", r"expected np\.ndarray \(got (\w+)\)")
def _from_numpy(m: re.Match[str], e: Error) -> tuple[str, str]:
    kind = m.group(1)
    return (
        f"`torch.from_numpy` takes a NumPy array, not a {kind}. Use `torch.tensor(values)` for "
        "Python lists and numbers.",
        f"`torch.from_numpy`는 NumPy 배열만 받고 {kind}은(는) 받지 않습니다. 파이썬 리스트나 "
        "숫자에는 `torch.tensor(values)`를 쓰세요.",
    )


# --- dtypes -----------------------------------------------------------------------------------


@family("mean_of_integers", r"mean\(\): could not infer output dtype.*Got: (\w+)")
def _mean_int(m: re.Match[str], e: Error) -> tuple[str, str]:
    dtype, name = m.group(1), _name(e, 0, "x")
    return (
        f"The mean of whole numbers is usually not a whole number, so `mean()` does not work on "
        f"{dtype} tensors. Convert first: `{name}.float().mean()` (or "
        f"`{name}.mean(dtype=torch.float32)`).",
        f"정수의 평균은 대개 정수가 아니어서 {dtype} 텐서에는 `mean()`을 쓸 수 없습니다. 먼저 "
        f"바꾸세요: `{name}.float().mean()`(또는 `{name}.mean(dtype=torch.float32)`).",
    )


@family("in_place_int_cast", r"result type (\w+) can't be cast to the desired output type (\w+)")
def _cast(m: re.Match[str], e: Error) -> tuple[str, str]:
    result, out = m.groups()
    name = _name(e, 0, "x")
    return (
        f"An in-place operation (`+=`, `/=`, `add_`) must write its result back into {name}'s "
        f"own dtype, {out}, but the result is {result}. Make a new tensor instead "
        f"(`{name} = {name} / 2`), or make {name} a float tensor from the start "
        f"(`{name} = {name}.float()`).",
        f"제자리 연산(`+=`, `/=`, `add_`)은 결과를 {name}의 dtype({out})에 다시 써야 하는데 "
        f"결과가 {result}입니다. 새 텐서를 만들거나(`{name} = {name} / 2`) 처음부터 실수 텐서로 "
        f"만드세요(`{name} = {name}.float()`).",
    )


@family(
    "embedding_float_indices",
    r"Expected tensor for argument #1 'indices' to have one of the "
    r"following scalar types: ([\w, ]+); but got (\S+) instead",
)
def _emb_float(m: re.Match[str], e: Error) -> tuple[str, str]:
    name = _name(e, 0, "x")
    return (
        f"An `nn.Embedding` looks rows up by index, so its input must be integers (Long), not "
        f"{m.group(2)}. Use `{name}.long()` (and make sure the values are whole numbers).",
        f"`nn.Embedding`은 인덱스로 행을 찾으므로 입력이 정수(Long)여야 하는데 {m.group(2)}가 "
        f"왔습니다. `{name}.long()`을 쓰세요(값이 정수인지도 확인하세요).",
    )


def _dtype_fix(a: str, b: str) -> tuple[str, str]:
    kinds = {a.lower(), b.lower()}
    if "double" in kinds or "float64" in kinds:
        return (
            "A float64 (Double) tensor usually comes from NumPy (`torch.from_numpy` keeps "
            "float64): convert it with `.float()`, or build it with `torch.tensor(arr, "
            "dtype=torch.float32)`.",
            "float64(Double) 텐서는 대개 NumPy에서 옵니다(`torch.from_numpy`는 float64를 "
            "유지합니다). `.float()`로 바꾸거나 `torch.tensor(arr, dtype=torch.float32)`로 "
            "만드세요.",
        )
    return (
        "Convert one side, usually to float32: `x.float()` (or `.long()` for class labels).",
        "한쪽을 보통 float32로 바꾸세요: `x.float()` (클래스 라벨이면 `.long()`).",
    )


@family(
    "dtype_mismatch",
    r"expected m1 and m2 to have the same dtype, but got: (.+?) != (.+?)$|"
    r"must have the same dtype, but got (\w+) and (\w+)|"
    r"expected scalar type (\w+) but found (\w+)|"
    r"Found dtype (\w+) but expected (\w+)|"
    r"Input type \((?!torch\.cuda)([\w.]+)\) and (?:weight|bias) type \((?!torch\.cuda)([\w.]+)\) "
    r"should "
    r"be the same",
)
def _dtype(m: re.Match[str], e: Error) -> tuple[str, str]:
    a, b = [g for g in m.groups() if g][:2]
    fix_en, fix_ko = _dtype_fix(a, b)
    return (
        f"The operands have different dtypes ({a} and {b}); PyTorch does not convert them for "
        f"this operation. {fix_en}",
        f"피연산자의 dtype이 다릅니다({a}, {b}). 이 연산에서는 PyTorch가 자동으로 바꾸지 "
        f"않습니다. {fix_ko}",
    )


# --- losses and labels ------------------------------------------------------------------------


def _classes(e: Error) -> str:
    """'C=5 classes' when the probe saw the loss's input, else a neutral phrase."""
    loss = e.get("loss") or {}
    return f"C={loss['classes']}" if loss.get("classes") else "C"


@family("target_dtype", r"expected target dtype to be Long or Byte, but got (\w+)")
def _target_dtype(m: re.Match[str], e: Error) -> tuple[str, str]:
    return (
        f"This loss wants class indices as integer labels (int64), not {m.group(1)}. Use "
        "`labels.long()`.",
        f"이 loss는 클래스 번호를 정수(int64)로 받아야 하는데 {m.group(1)} 타입이 왔습니다. "
        "`labels.long()`을 쓰세요.",
    )


@family("target_out_of_range", r"Target (-?\d+) is out of bounds")
def _target_range(m: re.Match[str], e: Error) -> tuple[str, str]:
    (label,) = m.groups()
    loss = e.get("loss") or {}
    classes = loss.get("classes")
    if classes:
        return (
            f"The label {label} is not a class of this model: the logits have C={classes} "
            f"classes per row, so labels must be 0 to {classes - 1}. If there really are more "
            f"classes, make the last layer output one logit per class (e.g. `nn.Linear(..., "
            f"{int(label) + 1})`); if labels start at 1, subtract 1 (`labels - 1`).",
            f"레이블 {label}은(는) 이 모델의 클래스가 아닙니다. 로짓은 행마다 C={classes}개라서 "
            f"레이블은 0부터 {classes - 1}까지여야 합니다. 클래스가 정말 더 많다면 마지막 레이어가 "
            f"클래스마다 로짓을 내게 하고(예: `nn.Linear(..., {int(label) + 1})`), 레이블이 1부터 "
            "시작한다면 1을 빼세요(`labels - 1`).",
        )
    return (
        f"The label {label} is not a class of this model: with C logits per row, class labels "
        "must be 0 to C-1. Make the last layer output one logit per class (e.g. "
        "`nn.Linear(16, num_classes)`), or check how the labels were made.",
        f"레이블 {label}은(는) 이 모델의 클래스가 아닙니다. 행마다 로짓이 C개라면 클래스 "
        "레이블은 0부터 C-1까지여야 합니다. 마지막 레이어가 클래스마다 로짓을 하나씩 내게 "
        "하거나(`nn.Linear(16, 클래스 수)` 등) 레이블을 만든 방법을 확인하세요.",
    )


@family(
    "batch_size_mismatch",
    r"Expected input batch_size \((\d+)\) to match target batch_size \((\d+)\)",
)
def _batch_mismatch(m: re.Match[str], e: Error) -> tuple[str, str]:
    n_in, n_target = m.groups()
    return (
        f"The model's output has {n_in} rows but there are {n_target} labels: each row of "
        "logits needs exactly one label. Usually the input was reshaped wrongly before the model "
        "(e.g. `x.view(-1, ...)` with the wrong size mixes samples: use `x.view(x.size(0), -1)`), "
        "or the labels come from a different batch.",
        f"모델 출력은 {n_in}행인데 레이블은 {n_target}개입니다. 로짓 한 행마다 레이블이 정확히 "
        "하나 있어야 합니다. 대개 모델에 넣기 전에 입력 모양을 잘못 바꿨거나(크기가 틀린 "
        "`x.view(-1, ...)`는 샘플을 섞습니다: `x.view(x.size(0), -1)`을 쓰세요) 레이블이 다른 "
        "배치에서 왔습니다.",
    )


@family("multi_target", r"0D or 1D target tensor expected, multi-target not supported")
def _multi_target(m: re.Match[str], e: Error) -> tuple[str, str]:
    loss = e.get("loss") or {}
    shape = loss.get("target_shape")
    classes = _classes(e)
    if shape and len(shape) == 2 and shape[1] == 1:
        return (
            f"The labels have shape {shape_text(shape)}: one column per row. CrossEntropyLoss "
            f"wants one class index per row, shape ({shape[0]},). Use `labels.squeeze(1)` (or "
            "`labels.view(-1)`).",
            f"레이블 모양이 {shape_text(shape)}, 즉 행마다 열 하나입니다. CrossEntropyLoss는 "
            f"행마다 클래스 번호 하나, 모양 ({shape[0]},)을 원합니다. `labels.squeeze(1)`(또는 "
            "`labels.view(-1)`)을 쓰세요.",
        )
    what = f" (shape {shape_text(shape)})" if shape else ""
    return (
        f"These labels{what} are not one class index per row. If each row has one column, use "
        f"`labels.squeeze(1)`; if they are one-hot over {classes} classes, use "
        "`labels.argmax(dim=1)` for class indices, or `labels.float()` to pass them as "
        "probabilities.",
        f"이 레이블{what}은 행마다 클래스 번호 하나가 아닙니다. 행마다 열이 하나라면 "
        f"`labels.squeeze(1)`을, {classes}개 클래스의 one-hot이라면 클래스 번호로 "
        "`labels.argmax(dim=1)`을 쓰거나 확률로 넘기려면 `labels.float()`을 쓰세요.",
    )


@family(
    "one_hot_long_target",
    r"Expected floating point type for target with class probabilities, got (\w+)",
)
def _one_hot(m: re.Match[str], e: Error) -> tuple[str, str]:
    classes = _classes(e)
    return (
        f"The labels have one column per class ({classes}), so CrossEntropyLoss reads them as "
        f"class probabilities, which must be floats, not {m.group(1)}. Two fixes, by intent: "
        "class indices `labels.argmax(dim=1)` (the usual way), or probabilities "
        "`labels.float()`.",
        f"레이블이 클래스마다 열이 하나({classes})라서 CrossEntropyLoss는 이를 클래스 확률로 "
        f"읽는데, 확률은 정수({m.group(1)})가 아니라 실수여야 합니다. 의도에 따라 고치세요: 클래스 "
        "번호 `labels.argmax(dim=1)`(보통 이쪽) 또는 확률 `labels.float()`.",
    )


@family(
    "bce_target_shape",
    r"Target size \(torch\.Size\(\[([\d, ]*)\]\)\) must be the same as "
    r"input size \(torch\.Size\(\[([\d, ]*)\]\)\)",
)
def _bce_shape(m: re.Match[str], e: Error) -> tuple[str, str]:
    target, given = m.groups()
    return (
        f"BCE losses compare the output and the target element by element, so their shapes must "
        f"be equal: the output is [{given}] and the target [{target}]. Usually the output has an "
        "extra size-1 column: use `output.squeeze(1)`, or make the target "
        "`target.unsqueeze(1).float()`.",
        f"BCE 계열 loss는 출력과 정답을 원소끼리 비교하므로 모양이 같아야 합니다. 출력은 "
        f"[{given}], 정답은 [{target}]입니다. 대개 출력에 크기 1인 열이 더 있습니다: "
        "`output.squeeze(1)`을 쓰거나 정답을 `target.unsqueeze(1).float()`로 만드세요.",
    )


@family("bce_range", r"all elements of input should be between 0 and 1")
def _bce_range(m: re.Match[str], e: Error) -> tuple[str, str]:
    return (
        "`binary_cross_entropy` (`nn.BCELoss`) takes probabilities in [0, 1], but it got raw "
        "scores. Either put `torch.sigmoid` on the output, or (better, numerically stable) use "
        "`nn.BCEWithLogitsLoss` on the raw scores.",
        "`binary_cross_entropy`(`nn.BCELoss`)는 [0, 1] 사이의 확률을 받는데 날것의 점수가 "
        "들어왔습니다. 출력에 `torch.sigmoid`를 씌우거나, 더 안정적인 `nn.BCEWithLogitsLoss`를 "
        "날것의 점수에 쓰세요.",
    )


# --- layers -----------------------------------------------------------------------------------


@family(
    "conv_channels",
    r"Given groups=(\d+), weight of size \[([\d, ]+)\], expected input\[([\d, ]+)\] to have "
    r"(\d+) channels, but got (\d+) channels instead",
)
def _conv(m: re.Match[str], e: Error) -> tuple[str, str]:
    _, weight, given, want, got = m.groups()
    shape = _shapes(given)
    name = _name(e, 0, "x")
    if len(shape) >= 3 and shape[-1] == int(want):
        order = (0, len(shape) - 1, *range(1, len(shape) - 1))
        moved = tuple(shape[i] for i in order)
        permute = f"`{name}.permute({', '.join(map(str, order))})`"
        return (
            "Convolutions want channels first, (N, C, ...) = (batch, channels, then height, "
            f"width...), but {name} is [{given}]: channels last, as images from PIL/NumPy come. "
            f"Move the channels: {permute} gives {moved}.",
            "합성곱은 채널이 앞에 오는 (N, C, ...) = (배치, 채널, 그다음 높이, 너비...) 모양을 "
            f"받는데 {name}은(는) [{given}], 즉 PIL/NumPy 이미지처럼 채널이 마지막입니다. 채널을 "
            f"옮기세요: {permute}는 {moved}입니다.",
        )
    return (
        f"This convolution (weight [{weight}]) was made for {want} input channels, but the input "
        f"[{given}] has {got} in dimension 1. Either create the layer with `in_channels={got}` "
        f"or feed it {want}-channel input (the previous layer's `out_channels` must be {want}).",
        f"이 합성곱(weight [{weight}])은 입력 채널 {want}개용인데 입력 [{given}]의 1번 차원은 "
        f"{got}입니다. 레이어를 `in_channels={got}`로 만들거나 채널 {want}개인 입력을 주세요"
        f"(앞 레이어의 `out_channels` = {want}).",
    )


@family(
    "conv_input_dims",
    r"Expected (\d)D \(unbatched\) or (\d)D \(batched\) input to (\w+), but "
    r"got input of size: \[([\d, ]*)\]",
)
def _conv_dims(m: re.Match[str], e: Error) -> tuple[str, str]:
    unbatched, batched, layer, size = m.groups()
    name = _name(e, 0, "x")
    fix = f"`{name}.unsqueeze(0)`" if len(_shapes(size)) == int(unbatched) - 1 else "a reshape"
    return (
        f"`{layer}` takes {batched}-D input (batch, channels, ...) or {unbatched}-D for one "
        f"sample, but got [{size}]. Add the missing dimensions: a single grayscale image "
        f"(H, W) needs a channel dimension, {fix} gives (1, H, W); `unsqueeze(0)` again adds "
        "the batch.",
        f"`{layer}`은(는) {batched}차원 입력(배치, 채널, ...)이나 샘플 하나면 {unbatched}차원을 "
        f"받는데 입력은 [{size}]입니다. 빠진 차원을 넣으세요: 흑백 이미지 한 장 (H, W)에는 "
        f"채널 차원이 필요합니다. {fix}은(는) (1, H, W)를 만들고, `unsqueeze(0)`을 한 번 더 "
        "하면 배치가 생깁니다.",
    )


@family(
    "input_too_small",
    r"Output size is too small|Kernel size can't be greater than actual input size",
)
def _too_small(m: re.Match[str], e: Error) -> tuple[str, str]:
    return (
        "The input's height/width is smaller than this layer's kernel (after the earlier "
        "pooling and convolutions shrank it). Use bigger input images, fewer pooling layers, a "
        "smaller `kernel_size`, or `padding`.",
        "입력의 높이/너비가 이 레이어의 커널보다 작습니다(앞의 pooling과 합성곱이 줄였습니다). "
        "더 큰 이미지를 쓰거나 pooling을 줄이거나 `kernel_size`를 줄이거나 `padding`을 주세요.",
    )


@family(
    "layer_norm_shape",
    r"Given normalized_shape=\[([\d, ]*)\], expected input with shape "
    r"\[\*, ([\d, ]*)\], but got input of size\s*\[([\d, ]*)\]",
)
def _layer_norm(m: re.Match[str], e: Error) -> tuple[str, str]:
    norm, _, size = m.groups()
    last = _shapes(size)[-1] if _shapes(size) else "?"
    return (
        f"`nn.LayerNorm({norm})` normalises the last dimension(s), which must be [{norm}], but "
        f"the input is [{size}]. Create it as `nn.LayerNorm({last})`, or check which dimension "
        "holds the features.",
        f"`nn.LayerNorm({norm})`은 마지막 차원을 정규화하며 그 크기가 [{norm}]이어야 하는데 입력은 "
        f"[{size}]입니다. `nn.LayerNorm({last})`로 만들거나 특성이 어느 차원에 있는지 확인하세요.",
    )


@family("batch_norm_features", r"running_mean should contain (\d+) elements not (\d+)")
def _bn_size(m: re.Match[str], e: Error) -> tuple[str, str]:
    got, want = m.groups()
    return (
        f"This BatchNorm was made for {want} features (channels), but the input has {got} in "
        f"dimension 1. Create it as `nn.BatchNorm1d({got})` / `nn.BatchNorm2d({got})` to match "
        "the previous layer's output.",
        f"이 BatchNorm은 특성(채널) {want}개용인데 입력의 1번 차원은 {got}입니다. 앞 레이어 "
        f"출력에 맞게 `nn.BatchNorm1d({got})` / `nn.BatchNorm2d({got})`로 만드세요.",
    )


@family(
    "batch_norm_one_sample",
    r"Expected more than 1 value per channel when training, got input "
    r"size torch\.Size\(\[([\d, ]*)\]\)",
)
def _bn_one(m: re.Match[str], e: Error) -> tuple[str, str]:
    return (
        "In training mode BatchNorm normalises over the batch, and a batch of one "
        f"([{m.group(1)}]) has no spread. Two likely intents: you are predicting, so call "
        "`model.eval()` first; or you are training, so use batches of 2 or more "
        "(`drop_last=True` in the DataLoader drops a last batch of one).",
        f"학습 모드의 BatchNorm은 배치에 걸쳐 정규화하는데, 샘플 하나짜리 배치([{m.group(1)}])는 "
        "퍼짐이 없습니다. 의도에 따라: 예측하는 중이면 먼저 `model.eval()`을, 학습 중이면 2개 "
        "이상인 배치를 쓰세요(DataLoader의 `drop_last=True`는 하나짜리 마지막 배치를 버립니다).",
    )


@family(
    "rnn_input_size", r"input\.size\(-1\) must be equal to input_size\. Expected (\d+), got (\d+)"
)
def _rnn(m: re.Match[str], e: Error) -> tuple[str, str]:
    want, got = m.groups()
    return (
        f"This RNN/LSTM was made with `input_size={want}`, but each time step of the input has "
        f"{got} features (the last dimension). Create it with `input_size={got}`, or check the "
        "input layout: (seq, batch, features) by default, (batch, seq, features) with "
        "`batch_first=True`.",
        f"이 RNN/LSTM의 `input_size`는 {want}인데 입력의 시점마다 특성이 {got}개입니다"
        f"(마지막 차원). `input_size`를 {got}에 맞추거나 입력의 차원 순서를 확인하세요: 기본은 "
        "(seq, batch, features), `batch_first=True`면 (batch, seq, features)입니다.",
    )


@family("embedding_index_out_of_range", r"IndexError: index out of range in self")
def _embedding(m: re.Match[str], e: Error) -> tuple[str, str]:
    emb = e.get("embedding") or {}
    name = _name(e, 0, "x")
    if emb:
        count, top = emb["num_embeddings"], emb["max_index"]
        return (
            f"The embedding has {count} rows, so indices must be 0 to {count - 1}, but {name} "
            f"contains {top}. Make the table big enough, `nn.Embedding({top + 1}, ...)` (usually "
            "the vocabulary size plus any special tokens), or fix how the indices were made.",
            f"임베딩의 행은 {count}개라서 인덱스는 0부터 {count - 1}까지여야 하는데 {name}에 "
            f"{top}이(가) 있습니다. 테이블을 충분히 크게 만들거나(`nn.Embedding({top + 1}, ...)`, "
            "보통 어휘 크기에 특수 토큰 수를 더한 값) 인덱스를 만든 방법을 고치세요.",
        )
    return (
        "An index is outside the table it looks up (most often an `nn.Embedding` with fewer "
        "rows than the largest token id). `num_embeddings` must be larger than the biggest index.",
        "인덱스가 찾으려는 테이블 밖에 있습니다(대개 가장 큰 토큰 번호보다 행이 적은 "
        "`nn.Embedding`). `num_embeddings`가 가장 큰 인덱스보다 커야 합니다.",
    )


# --- modules ----------------------------------------------------------------------------------


@family(
    "forward_missing_argument",
    r"(?:(\w+)\.)?forward\(\) missing (\d+) required positional "
    r"arguments?: (.+)$",
)
def _forward_missing(m: re.Match[str], e: Error) -> tuple[str, str]:
    cls, count, names = m.groups()
    cls = cls or "the model"
    return (
        f"{cls}'s `forward` needs {count} more input(s): {names}. Pass every input when you call "
        f"the model, e.g. `model(x, {names.split(',')[0].strip(chr(39))})`; or, if that "
        "argument should not be an input, remove it from `forward` (or give it a default).",
        f"{cls}의 `forward`에 입력이 {count}개 더 필요합니다: {names}. 모델을 부를 때 입력을 모두 "
        f"넘기거나(예: `model(x, {names.split(',')[0].strip(chr(39))})`), 입력이 아니어야 할 "
        "인자라면 `forward`에서 빼세요(또는 기본값을 주세요).",
    )


@family(
    "assigned_before_init", r"cannot assign (module|parameters) before Module\.__init__\(\) call"
)
def _before_init(m: re.Match[str], e: Error) -> tuple[str, str]:
    what = "a layer" if m.group(1) == "module" else "a parameter"
    what_ko = "레이어" if m.group(1) == "module" else "parameter"
    return (
        f"`__init__` assigned {what} before calling `super().__init__()`, which sets up the "
        "lists where an `nn.Module` keeps its layers and parameters. Make "
        "`super().__init__()` the first line of `__init__`.",
        f"`__init__`이 `super().__init__()`을 부르기 전에 {what_ko}를 지정했습니다. "
        "`super().__init__()`이 `nn.Module`이 레이어와 parameter를 담을 곳을 준비합니다. "
        "`__init__`의 첫 줄에서 `super().__init__()`을 부르세요.",
    )


@family("state_dict_mismatch", r"Error\(s\) in loading state_dict for (\w+)")
def _state_dict(m: re.Match[str], e: Error) -> tuple[str, str]:
    message = e.get("message", "")
    size = re.search(
        r"size mismatch for ([\w.]+): copying a param with shape torch\.Size\(\[([\d, ]*)\]\) "
        r"from checkpoint, the shape in current model is torch\.Size\(\[([\d, ]*)\]\)",
        message,
    )
    if size:
        key, saved, now = size.groups()
        return (
            f"The saved weights do not fit this {m.group(1)}: `{key}` was [{saved}] when saved and "
            f"is [{now}] in the model you built. Build the model with the same sizes as the one "
            "that was saved (same layer arguments, e.g. the number of classes).",
            f"저장된 가중치가 이 {m.group(1)}에 맞지 않습니다. `{key}`는 저장할 때 [{saved}]였는데 "
            f"지금 만든 모델에서는 [{now}]입니다. 저장한 모델과 같은 크기로 모델을 만드세요(레이어 "
            "인자, 예를 들어 클래스 수를 똑같이).",
        )
    return (
        f"The saved weights' names do not match this {m.group(1)}'s layers (see the missing and "
        "unexpected keys). Build the same architecture as the saved one; a `module.` prefix "
        "comes from `DataParallel` (strip it); `strict=False` loads only the matching ones.",
        f"저장된 가중치의 이름이 이 {m.group(1)}의 레이어와 맞지 않습니다(missing/unexpected key를 "
        "보세요). 저장한 것과 같은 구조로 만드세요. `module.` 접두사는 `DataParallel`에서 오니 "
        "떼어 내고, `strict=False`는 맞는 것만 불러옵니다.",
    )


@family("optimizer_without_parameters", r"optimizer got an empty parameter list")
def _empty_params(m: re.Match[str], e: Error) -> tuple[str, str]:
    return (
        "The optimizer was given no parameters. Usually the layers are in a plain Python list, "
        "which `nn.Module` does not see: use `nn.ModuleList([...])` or `nn.Sequential(...)`, "
        "and check that `__init__` creates the layers as attributes (`self.fc = ...`).",
        "optimizer에 parameter가 하나도 없습니다. 대개 레이어를 일반 파이썬 리스트에 담아서 "
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
        "optimizer는 직접 만든 텐서를 갱신하는데, 이 텐서는 다른 텐서에서 계산됐습니다(예: "
        "`torch.randn(3, requires_grad=True) * 0.1`, `requires_grad=True` 뒤의 `.to(device)`). "
        "먼저 만든 뒤에 grad를 켜세요: `w = (torch.randn(3) * 0.1).requires_grad_()` 또는 "
        "`torch.randn(3, device=device, requires_grad=True)`.",
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


@family("attribute_typo", r"AttributeError: '(\w+)' object has no attribute '(\w+)'")
def _typo(m: re.Match[str], e: Error) -> tuple[str, str]:
    owner, name = m.groups()
    guess = e.get("suggestion") or next(iter(difflib.get_close_matches(name, _API, 1, 0.75)), None)
    if not guess:
        return (
            f"{owner} objects have no `{name}`. Check the spelling, and `dir(obj)` lists what "
            "there is.",
            f"{owner} 객체에는 `{name}`이(가) 없습니다. 철자를 확인하세요. `dir(obj)`로 있는 "
            "이름을 볼 수 있습니다.",
        )
    call = "()" if "(" in (e.get("line_text") or "").split(name, 1)[-1][:2] else ""
    return (
        f"{owner} has no `{name}`: did you mean `{guess}{call}`?",
        f"{owner}에는 `{name}`이(가) 없습니다. `{guess}{call}`을(를) 쓰려던 것 아닌가요?",
    )


# --- devices and memory -----------------------------------------------------------------------


@family("no_cuda_build", r"Torch not compiled with CUDA enabled")
def _no_cuda(m: re.Match[str], e: Error) -> tuple[str, str]:
    return (
        "This PyTorch is a CPU-only build, so `cuda` devices do not exist here. Write code that "
        "runs anywhere: `device = 'cuda' if torch.cuda.is_available() else 'cpu'` and "
        "`.to(device)` (studytorch defines `device` for you). For a GPU, install a CUDA build "
        "of torch from pytorch.org.",
        "이 PyTorch는 CPU 전용 빌드라서 `cuda` 장치가 없습니다. 어디서나 도는 코드로 쓰세요: "
        "`device = 'cuda' if torch.cuda.is_available() else 'cpu'`와 `.to(device)` "
        "(studytorch는 `device`를 미리 정해 줍니다). GPU를 쓰려면 pytorch.org에서 CUDA용 torch를 "
        "설치하세요.",
    )


@family("no_gpu_driver", r"Found no NVIDIA driver on your system|no CUDA GPUs are available", re.I)
def _no_driver(m: re.Match[str], e: Error) -> tuple[str, str]:
    return (
        "This torch supports CUDA, but no GPU is usable on this machine. Use "
        "`device = 'cuda' if torch.cuda.is_available() else 'cpu'` so the code falls back to "
        "the CPU.",
        "이 torch는 CUDA를 지원하지만 이 컴퓨터에는 쓸 수 있는 GPU가 없습니다. "
        "`device = 'cuda' if torch.cuda.is_available() else 'cpu'`로 CPU로 넘어가게 하세요.",
    )


def _devices_named(e: Error) -> tuple[str, str]:
    ops = _ops(e)
    if len({op.get("device") for op in ops}) < 2:
        return _other_device(e, ops)
    where = ", ".join(f"{op['name']} is on {op['device']}" for op in ops)
    where_ko = ", ".join(f"{op['name']}은(는) {op['device']}" for op in ops)
    return f" Here {where}.", f" 여기서 {where_ko}에 있습니다."


def _other_device(e: Error, ops: list[dict[str, Any]]) -> tuple[str, str]:
    """One operand seen, the message names two devices: the other is a layer's weights or a
    tensor the line does not name."""
    pair = re.search(
        r"found at least two devices, ([\w:]+) and ([\w:]+)|"
        r"Tensor on device ([\w:]+) is not on the expected device ([\w:]+)",
        e.get("message", ""),
    )
    if not ops or not pair:
        return "", ""
    devices = [d for d in pair.groups() if d]
    op = ops[0]
    other = next((d for d in devices if d != op.get("device")), None)
    if other is None:
        return "", ""
    module = e.get("module")
    owner = f"the weights of `{module}` are" if module else "another tensor it uses is"
    owner_ko = f"`{module}`의 가중치는" if module else "함께 쓰인 다른 텐서는"
    return (
        f" Here {op['name']} is on {op['device']} and {owner} on {other}.",
        f" 여기서 {op['name']}은(는) {op['device']}에, {owner_ko} {other}에 있습니다.",
    )


@family(
    "device_mismatch",
    r"Expected all tensors to be on the same device|is not on the expected device|"
    r"Expected .* to be on the same device|"
    r"Input type \((\S+)\) and weight type \((\S+)\) should be the same",
)
def _device(m: re.Match[str], e: Error) -> tuple[str, str]:
    named, named_ko = _devices_named(e)
    if m.group(1):
        gpu_input = "cuda" in m.group(1)
        moved = "the model is still on the CPU" if gpu_input else "the input is still on the CPU"
        moved_ko = "모델이 아직 CPU에 있습니다" if gpu_input else "입력이 아직 CPU에 있습니다"
        return (
            f"The input ({m.group(1)}) and the layer's weights ({m.group(2)}) are on different "
            f"devices: {moved}. Move both to the same device: `model.to(device)` and "
            "`x = x.to(device)` (for a DataLoader, inside the loop for every batch).",
            f"입력({m.group(1)})과 레이어 가중치({m.group(2)})가 서로 다른 장치에 있습니다: "
            f"{moved_ko}. 둘 다 같은 장치로 옮기세요: `model.to(device)`와 `x = x.to(device)`"
            "(DataLoader라면 루프 안에서 배치마다).",
        )
    return (
        f"The tensors are on different devices; an operation needs all of them on the same "
        f"device.{named} Move them with `.to(device)` (and the model with `model.to(device)`; "
        "tensors made inside the loop need `device=device` too).",
        f"텐서들이 서로 다른 장치에 있습니다. 연산하려면 모두 같은 장치에 있어야 합니다."
        f"{named_ko} `.to(device)`로 옮기세요(모델은 `model.to(device)`, 루프 안에서 만드는 "
        "텐서에는 `device=device`도).",
    )


@family("gpu_assert", r"device-side assert triggered")
def _gpu_assert(m: re.Match[str], e: Error) -> tuple[str, str]:
    return (
        "A check inside a GPU kernel failed, most often an index out of range (a class label "
        "at or above the number of classes, an embedding index too big). CUDA reports it late "
        "and the GPU is unusable in this kernel from then on: restart the kernel (F9). Running "
        "the same snippet on the CPU (Ctrl+G) names the bad value precisely.",
        "GPU 커널 안의 검사가 실패했습니다. 대개 인덱스가 범위를 벗어난 경우입니다(클래스 "
        "개수 이상인 정답 레이블, 너무 큰 임베딩 인덱스 등). CUDA는 이 오류를 늦게 알려 주며, "
        "이후 이 커널에서는 GPU를 쓸 수 없습니다. 커널을 다시 시작하세요(F9). 같은 스니펫을 "
        "CPU에서 실행하면(Ctrl+G) 어떤 값이 잘못됐는지 정확히 알려 줍니다.",
    )


def _bytes(count: int) -> str:
    """4398046511104 -> '4 TiB'."""
    value, unit = float(count), "bytes"
    for name in ("KiB", "MiB", "GiB", "TiB", "PiB", "EiB"):
        if value < 1024:
            break
        value, unit = value / 1024, name
    return f"{value:.3g} {unit}"


@family(
    "out_of_memory",
    r"^(?!KernelDied).*(?:out of memory|DefaultCPUAllocator: can't allocate memory)",
    re.I,
)
def _oom(m: re.Match[str], e: Error) -> tuple[str, str]:
    asked = re.search(r"you tried to allocate (\d+) bytes", e.get("message", ""))
    size = f" (this one asked for {_bytes(int(asked.group(1)))})" if asked else ""
    size_ko = f"(이번에 요청한 크기는 {_bytes(int(asked.group(1)))})" if asked else ""
    return (
        f"The device ran out of memory{size}. Use smaller tensors or batches, free what you no "
        "longer need (`del x`, then `torch.cuda.empty_cache()` on CUDA), or restart the kernel "
        "(F9).",
        f"장치의 메모리가 부족합니다{size_ko}. 텐서나 배치를 줄이고, 필요 없는 값을 지우거나"
        "(`del x`, CUDA라면 이어서 `torch.cuda.empty_cache()`) 커널을 다시 시작하세요(F9).",
    )


@family("python_memory_error", r"^MemoryError:")
def _memory_error(m: re.Match[str], e: Error) -> tuple[str, str]:
    return (
        "Python could not get the memory it asked for: something is far bigger than the "
        "machine's RAM (a huge list, a whole dataset loaded at once, a size typed with one zero "
        "too many). Work in batches (a DataLoader), use smaller sizes, and `del` what you no "
        "longer need.",
        "파이썬이 요청한 메모리를 얻지 못했습니다. 무언가가 컴퓨터의 RAM보다 훨씬 큽니다(거대한 "
        "리스트, 한 번에 불러온 데이터셋 전체, 0을 하나 더 붙인 크기). 배치로 나눠(DataLoader) "
        "처리하고, 크기를 줄이고, 필요 없는 값은 `del`하세요.",
    )


@family("killed_out_of_memory", r"^KernelDied: .*SIGKILL")
def _killed(m: re.Match[str], e: Error) -> tuple[str, str]:
    return (
        "The kernel was killed from outside (SIGKILL). On Linux this is almost always the "
        "out-of-memory killer: the snippet used more RAM than the machine has. Nothing you "
        "defined survives; after the restart, use smaller tensors or batches. `dmesg` shows "
        '"Out of memory: Killed process" if that was it.',
        "커널이 밖에서 강제로 종료됐습니다(SIGKILL). 리눅스에서는 거의 항상 메모리 부족 "
        "킬러입니다. 스니펫이 컴퓨터의 RAM보다 많은 메모리를 썼습니다. 정의한 값은 모두 "
        "사라졌으니, 다시 시작한 뒤 텐서나 배치를 줄이세요. 그 때문이었다면 `dmesg`에 "
        '"Out of memory: Killed process"가 보입니다.',
    )


# --- data loading -----------------------------------------------------------------------------


@family(
    "collate_bad_sample",
    r"default_collate: batch must contain tensors, numpy arrays, numbers, "
    r"dicts or lists; found <class '([\w.]+)'>",
)
def _collate_type(m: re.Match[str], e: Error) -> tuple[str, str]:
    kind = m.group(1)
    batch = e.get("batch_indices")
    which = f" (samples {batch})" if batch is not None else ""
    which_ko = f"(샘플 {batch})" if batch is not None else ""
    if kind == "NoneType":
        return (
            f"The Dataset returned None for a sample{which}: `__getitem__` has no `return` (or "
            "a path where it returns nothing). Return the sample, e.g. `return x, y`.",
            f"Dataset이 샘플로 None을 돌려줬습니다{which_ko}. `__getitem__`에 `return`이 없거나 "
            "아무것도 돌려주지 않는 경로가 있습니다. 샘플을 돌려주세요(예: `return x, y`).",
        )
    return (
        f"The DataLoader cannot put {kind} objects into a batch{which}. Convert each sample to a "
        "tensor in the Dataset (e.g. a torchvision `transforms.ToTensor()` for images).",
        f"DataLoader는 {kind} 객체를 배치로 묶을 수 없습니다{which_ko}. Dataset에서 샘플마다 "
        "텐서로 바꾸세요(이미지라면 torchvision의 `transforms.ToTensor()` 등).",
    )


@family("collate_ragged_lists", r"each element in list of batch should be of equal size")
def _collate_lists(m: re.Match[str], e: Error) -> tuple[str, str]:
    batch = e.get("batch_indices")
    which = f" (samples {batch})" if batch is not None else ""
    which_ko = f"(샘플 {batch})" if batch is not None else ""
    return (
        f"The Dataset returned lists of different lengths in one batch{which}, which cannot form "
        "a rectangle. Return tensors of one fixed size (pad or truncate), or pass a `collate_fn` "
        "that pads (`torch.nn.utils.rnn.pad_sequence`).",
        f"Dataset이 한 배치 안에서 길이가 다른 리스트를 돌려줘서 직사각형을 만들 수 "
        f"없습니다{which_ko}. 크기가 고정된 텐서를 돌려주거나(패딩, 자르기) 패딩하는 "
        "`collate_fn`(`torch.nn.utils.rnn.pad_sequence`)을 주세요.",
    )


# --- Python itself ----------------------------------------------------------------------------


_PACKAGES = {
    "cv2": "opencv-python",
    "PIL": "pillow",
    "sklearn": "scikit-learn",
    "skimage": "scikit-image",
    "yaml": "pyyaml",
    "bs4": "beautifulsoup4",
}
"""Import names whose pip package is named differently."""


@family("module_not_found", r"No module named '([\w.]+)'")
def _no_module(m: re.Match[str], e: Error) -> tuple[str, str]:
    top = m.group(1).split(".")[0]
    package = _PACKAGES.get(top, top)
    python = e.get("python") or "python"
    install = f"{python} -m pip install {package}"
    torch_note_en = (
        " Pick the version that matches your torch (pytorch.org lists pairs)."
        if top in {"torchvision", "torchaudio", "torchtext"}
        else ""
    )
    torch_note_ko = (
        " torch 버전에 맞는 버전을 고르세요(pytorch.org에 짝이 나와 있습니다)."
        if top in {"torchvision", "torchaudio", "torchtext"}
        else ""
    )
    return (
        f"The package `{package}` is not installed in the Python this kernel runs. Install it "
        f"there: `{install}`, then restart the kernel (F9).{torch_note_en}",
        f"이 커널이 쓰는 파이썬에 `{package}` 패키지가 설치되어 있지 않습니다. 거기에 설치하세요: "
        f"`{install}`. 그다음 커널을 다시 시작하세요(F9).{torch_note_ko}",
    )


_SYNTAX = [
    (
        r"expected ':'",
        "Python expected a colon `:` at the end of this line: `for`, `if`, `while`, `def` and "
        "`class` lines end with one.",
        "이 줄 끝에 콜론 `:`이 있어야 합니다. `for`, `if`, `while`, `def`, `class` 줄은 콜론으로 "
        "끝납니다.",
    ),
    (
        r"'([(\[{])' was never closed",
        "The bracket `{0}` opened on this line is never closed: add the matching closing bracket.",
        "이 줄에서 연 괄호 `{0}`가 닫히지 않았습니다. 짝이 맞는 닫는 괄호를 넣으세요.",
    ),
    (
        r"unmatched '([)\]}])'",
        "There is a closing `{0}` without an opening bracket before it.",
        "여는 괄호 없이 닫는 `{0}`가 있습니다.",
    ),
    (
        r"unterminated (?:triple-quoted )?string literal",
        "A string starts here but its closing quote is missing.",
        "여기서 문자열이 시작되는데 닫는 따옴표가 없습니다.",
    ),
    (
        r"Perhaps you forgot a comma",
        "Python expected a comma between two items here (in a list, a call's arguments, ...).",
        "여기서 두 항목 사이에 쉼표가 있어야 합니다(리스트, 함수 인자 등).",
    ),
    (
        r"Maybe you meant '==' instead of '='",
        "A single `=` assigns; to compare use `==`.",
        "`=` 하나는 대입입니다. 비교하려면 `==`를 쓰세요.",
    ),
]


@family("syntax_error", r"^SyntaxError: (.*)")
def _syntax(m: re.Match[str], e: Error) -> tuple[str, str]:
    said = re.sub(r" \([^()]*, line \d+\)$", "", m.group(1))
    for pattern, en, ko in _SYNTAX:
        found = re.search(pattern, said)
        if found:
            return en.format(*found.groups()), ko.format(*found.groups())
    return (
        f"Python could not read this line (it said: {said}). Look for a missing bracket, quote, "
        "colon or comma here or at the end of the line before.",
        f"파이썬이 이 줄을 읽지 못했습니다({said}). 이 줄이나 바로 앞 줄 끝에 괄호, 따옴표, 콜론, "
        "쉼표가 빠졌는지 보세요.",
    )


@family("indentation_error", r"^(?:IndentationError|TabError): (.*)")
def _indent(m: re.Match[str], e: Error) -> tuple[str, str]:
    said = re.sub(r" \([^()]*, line \d+\)$", "", m.group(1))
    block = re.search(
        r"expected an indented block after '?(.+?)'? (?:statement |definition )?on line (\d+)", said
    )
    if block:
        what, line = block.groups()
        return (
            f"Python expected an indented block: the `{what}` on line {line} ends with `:`, so "
            "the next line must be indented (4 spaces) to be its body. Indent it, or write "
            "`pass` there for an empty body.",
            f"들여쓴 블록이 와야 합니다. {line}번째 줄의 `{what}`이(가) `:`으로 끝나므로 다음 줄은 "
            "본문으로 들여써야(공백 4칸) 합니다. 들여쓰거나, 비워 둘 거라면 `pass`를 쓰세요.",
        )
    if "unexpected indent" in said:
        return (
            "This line is indented more than the line before, but nothing (no `:` line) opened a "
            "block. Line it up with the lines around it.",
            "이 줄이 앞 줄보다 더 들여써졌는데, 블록을 연 줄(`:`로 끝나는 줄)이 없습니다. "
            "주변 줄과 들여쓰기를 맞추세요.",
        )
    if "unindent does not match" in said:
        return (
            "This line's indentation does not line up with any block above it (e.g. 3 spaces "
            "where the others use 4). Use the same number of spaces as the block it belongs to.",
            "이 줄의 들여쓰기가 위의 어느 블록과도 맞지 않습니다(예: 다른 줄은 4칸인데 3칸). 속한 "
            "블록과 같은 칸 수로 맞추세요.",
        )
    return (
        f"The indentation is off ({said}). Use spaces only, 4 per level, and line each block up.",
        f"들여쓰기가 맞지 않습니다({said}). 공백만, 단계마다 4칸씩 쓰고 블록을 맞추세요.",
    )
