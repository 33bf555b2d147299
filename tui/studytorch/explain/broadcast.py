"""Broadcasting: two shapes that do not line up, named by the snippet's own expressions."""

from __future__ import annotations

import ast
import re
from typing import Any

from studytorch.explain.base import Error, as_code, family, operands, particle, shape_text

Op = dict[str, Any]


@family(
    "broadcast",
    r"The size of tensor a \((\d+)\) must match the size of tensor b \((\d+)\) "
    r"at non-singleton dimension (\d+)",
)
def _broadcast(m: re.Match[str], e: Error) -> tuple[str, str]:
    a, b, dim = m.groups()
    left, right = _sides(e)
    if left and right:
        sides_en = f"at dimension {dim} `{left}` has {a} and `{right}` has {b}"
        sides_ko = f"{dim}번 차원에서 `{left}` 쪽은 {a}, `{right}` 쪽은 {b}입니다"
    else:
        sides_en = f"at dimension {dim} one side has {a} and the other {b}"
        sides_ko = f"{dim}번 차원에서 한쪽은 {a}, 다른 쪽은 {b}입니다"
    fix_en, fix_ko = _fix(operands(e), e.get("origins") or {})
    return (
        f"These shapes do not broadcast: {sides_en}. Shapes are compared from the right; each "
        "pair of sizes must be equal or one of them 1. "
        + (
            fix_en
            or "Add a size-1 dimension where you mean to repeat (`unsqueeze`, `[:, None]`) or "
            "fix the shape that is off."
        ),
        f"두 모양이 브로드캐스트되지 않습니다. {sides_ko}. 모양은 오른쪽부터 비교하며 각 크기는 "
        "같거나 한쪽이 1이어야 합니다. "
        + (
            fix_ko
            or "반복하려는 곳에 크기 1인 차원을 넣거나(`unsqueeze`, `[:, None]`) 잘못된 모양을 "
            "고치세요."
        ),
    )


def _sides(e: Error) -> tuple[str, str]:
    """The two sides of the failing operator as the snippet wrote them (`model(x)`, `y`): the
    message's tensor a is the left one. Calls count too, though the probe cannot re-run them."""
    call = e.get("call") or ""
    try:
        node = ast.parse(call, mode="eval").body
    except SyntaxError:
        return "", ""
    if isinstance(node, ast.BinOp):
        return ast.unparse(node.left), ast.unparse(node.right)
    ops = operands(e)
    if isinstance(node, ast.Call) and len(ops) == 2:
        return ops[0]["name"], ops[1]["name"]
    return "", ""


def _fits(a: list[int], b: list[int]) -> bool:
    """Whether two shapes broadcast."""
    return all(x == y or 1 in (x, y) for x, y in zip(reversed(a), reversed(b), strict=False))


def _fix(ops: list[Op], origins: dict[str, Any]) -> tuple[str, str]:
    """A change to one operand that makes the two broadcast, when a simple one exists."""
    if len(ops) != 2:
        return "", ""
    big, small = sorted(ops, key=lambda op: -len(op["shape"]))
    shape, name = list(small["shape"]), as_code(small["name"])
    if len(shape) < len(big["shape"]):
        column = [*shape, 1]
        if _fits(big["shape"], column):
            fixed = f"`{name}.unsqueeze(-1)`"
            return (
                f"If {name} should line up with the first dimensions of {big['name']}, make it a "
                f"column: {fixed} is {shape_text(column)} and broadcasts with "
                f"{shape_text(big['shape'])}.",
                f"{particle(name, '이/가')} {big['name']}의 앞쪽 차원과 맞아야 한다면 열로 "
                f"만드세요: {fixed}의 모양은 {shape_text(column)}이고 "
                f"{shape_text(big['shape'])} 모양과 브로드캐스트됩니다.",
            )
    rows = [op for op in ops if len(op["shape"]) == 2 and op["shape"][0] == 1]
    if len(rows) == 2:
        return _outer(rows[0], rows[1], origins)
    if len(shape) == len(big["shape"]) == 2 and _fits(big["shape"], shape[::-1]):
        return (
            f"{name} looks transposed: `{name}.T` is {shape_text(shape[::-1])} and broadcasts "
            f"with {shape_text(big['shape'])}.",
            f"{particle(name, '이/가')} 전치된 것 같습니다: `{name}.T`의 모양은 "
            f"{shape_text(shape[::-1])}이고 {shape_text(big['shape'])} 모양과 브로드캐스트됩니다.",
        )
    return "", ""


def _outer(first: Op, second: Op, origins: dict[str, Any]) -> tuple[str, str]:
    """Two rows (1, n) and (1, m): a table of every pair needs one of them as a column."""
    name, n, m = as_code(first["name"]), first["shape"][1], second["shape"][1]
    made = origins.get(first["name"]) or {}
    source = re.fullmatch(
        r"\s*\w+\s*=\s*(.+?)\.unsqueeze\(\s*(?:dim\s*=\s*)?0\s*\)\s*", made.get("text", "")
    )
    if source:
        fixed = f"{source.group(1)}.unsqueeze(1)"
        how_en = f"{name} was made a row on line {made['line']} (`{made['text'].strip()}`); "
        how_en += f"`{fixed}` makes it a column"
        how_ko = f"{particle(name, '은/는')} {made['line']}번째 줄(`{made['text'].strip()}`)에서 "
        how_ko += f"행이 됐습니다. `{fixed}` 코드가 열을 만듭니다"
    else:
        fixed = f"{name}.reshape(-1, 1)"
        how_en = f"`{fixed}` makes {name} a column"
        how_ko = f"`{fixed}` 코드가 {particle(name, '을/를')} 열로 만듭니다"
    return (
        f"Both are rows, (1, {n}) and (1, {m}). To combine every element of one with every "
        f"element of the other (a ({n}, {m}) table), one of them must be a column ({n}, 1): "
        f"{how_en}, and ({n}, 1) with (1, {m}) broadcasts to ({n}, {m}).",
        f"둘 다 행입니다: (1, {n}), (1, {m}). 한쪽의 모든 원소를 다른 쪽의 모든 원소와 "
        f"묶으려면(({n}, {m}) 표) 한쪽이 ({n}, 1) 모양의 열이어야 합니다. {how_ko}. "
        f"({n}, 1)과 (1, {m}) 모양은 ({n}, {m}) 모양으로 브로드캐스트됩니다.",
    )
