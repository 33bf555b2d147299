"""Dtypes that do not go together: integers, float64 from NumPy, Long indices."""

from __future__ import annotations

import re

from studytorch.explain.base import Error, as_code, family, name_of, operands, particle


@family("mean_of_integers", r"mean\(\): could not infer output dtype.*Got: (\w+)")
def _mean_int(m: re.Match[str], e: Error) -> tuple[str, str]:
    dtype, name = m.group(1), name_of(e, 0, "x")
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
    name = name_of(e, 0, "x")
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
    name = name_of(e, 0, "x")
    return (
        f"An `nn.Embedding` looks rows up by index, so its input must be integers (Long), not "
        f"{m.group(2)}. Use `{name}.long()` (and make sure the values are whole numbers).",
        f"`nn.Embedding`은 인덱스로 행을 찾으므로 입력이 정수(Long)여야 하는데 {m.group(2)} 타입이 "
        f"왔습니다. `{name}.long()`을 쓰세요(값이 정수인지도 확인하세요).",
    )


def _dtype_fix(a: str, b: str, e: Error) -> tuple[str, str]:
    """Which operand to convert, by the dtypes seen; float32 is what layers and most code use."""
    odd = [op for op in operands(e) if op.get("dtype") not in (None, "float32")]
    if odd and (len(odd) < len(operands(e)) or e.get("module")):  # a layer's weights: float32
        name = as_code(odd[0]["name"])
        return (
            f"Convert {name} ({odd[0]['dtype']}) to float32: `{name}.float()`, or create it as "
            "float32 in the first place (`dtype=torch.float32`, or `1.0` rather than `1`).",
            f"{particle(name, '을/를')}({odd[0]['dtype']}) float32로 바꾸세요: `{name}.float()`. "
            "아니면 처음부터 float32로 만드세요(`dtype=torch.float32`, 또는 `1` 대신 `1.0`).",
        )
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
        "한쪽을 보통 float32로 바꾸세요: `x.float()` (클래스 레이블이면 `.long()`).",
    )


@family(
    "dtype_mismatch",
    r"expected m1 and m2 to have the same dtype, but got: (.+?) != (.+?)$|"
    r"expected both vectors to have same dtype, but found (\w+) and (\w+)|"
    r"must have the same dtype, but got (\w+) and (\w+)|"
    r"expected scalar type (\w+) but found (\w+)|"
    r"Found dtype (\w+) but expected (\w+)|"
    r"Input type \((?!torch\.cuda)([\w.]+)\) and (?:weight|bias) type \((?!torch\.cuda)([\w.]+)\) "
    r"should "
    r"be the same",
)
def _dtype(m: re.Match[str], e: Error) -> tuple[str, str]:
    a, b = [g for g in m.groups() if g][:2]
    fix_en, fix_ko = _dtype_fix(a, b, e)
    wants_long = re.search(r"expected scalar type (?:Long|Int)\b", e.get("message", ""))
    floats = [op for op in operands(e) if str(op.get("dtype", "")).startswith("float")]
    if wants_long and floats:  # indices or labels made as floats: they become whole numbers
        name = as_code(floats[-1]["name"])
        fix_en = f"{name} holds floats where whole numbers are expected: `{name}.long()`."
        fix_ko = f"정수가 필요한 자리에 실수가 들어 있습니다: `{name}.long()`."
    return (
        f"The operands have different dtypes ({a} and {b}); PyTorch does not convert them for "
        f"this operation. {fix_en}",
        f"피연산자의 dtype이 다릅니다({a}, {b}). 이 연산에서는 PyTorch가 자동으로 바꾸지 "
        f"않습니다. {fix_ko}",
    )


@family("index_dtype", r"tensors used as indices must be long, int, byte or bool tensors")
def _index_dtype(m: re.Match[str], e: Error) -> tuple[str, str]:
    found = re.search(r"\[\s*([\w.]+)\s*\]", e.get("line_text") or "")
    index = found.group(1) if found else "index"
    return (
        f"Indices pick positions, so they must be whole numbers (or booleans): {index} holds "
        f"floats. Use `{index}.long()` (and check the values are whole numbers).",
        f"인덱스는 위치를 고르므로 정수(또는 불리언)여야 하는데 {index} 텐서는 실수입니다. "
        f"`{index}.long()` 메서드로 바꾸세요(값이 정수인지도 확인하세요).",
    )
