"""Joining tensors: `stack`, `cat`, a ragged list, a DataLoader batch of unequal samples."""

from __future__ import annotations

import re
from typing import Any

from studytorch.explain.base import Error, as_code, family, operands, particle


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
        f"[{a}], 다른 샘플은 [{b}] 모양으로 돌려줬습니다(샘플 {batch} 배치의 {i}번과 "
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
    other = _cat_other_dim(operands(e))
    if other is not None:
        d, shape = other
        hint_en = f"If you meant to join along dimension {d}, pass `dim={d}`: that gives {shape}."
        hint_ko = (
            f"{d}번 차원을 따라 붙이려던 것이라면 {particle(f'`dim={d}`', '을/를')} 주세요. "
            f"결과는 {shape}입니다."
        )
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
    found = sorted(operands(e), key=lambda op: len(op["shape"]))
    v = as_code(found[0]["name"]) if len(found) >= 2 else "v"
    return (
        f"`torch.cat` needs tensors with the same number of dimensions, but got {a}-D and "
        f"{b}-D. Add the missing dimension to the smaller one first (e.g. `{v}.unsqueeze(0)` turns "
        "a vector into one row) so it lines up.",
        f"`torch.cat`은 차원 수가 같은 텐서들만 붙입니다. {a}차원과 {b}차원이 왔습니다. 작은 쪽에 "
        f"빠진 차원을 먼저 넣으세요(예: `{v}.unsqueeze(0)` 코드는 벡터를 한 행으로 만듭니다).",
    )


@family("cat_scalars", r"zero-dimensional tensor \(at position (\d+)\) cannot be concatenated")
def _cat_0d(m: re.Match[str], e: Error) -> tuple[str, str]:
    call = e.get("call") or ""
    fixed = call.replace("cat(", "stack(", 1) if "cat(" in call else "torch.stack(values)"
    return (
        "`torch.cat` joins along an existing dimension, and a 0-D tensor (a single number, "
        f"like a loss) has none. Use `{fixed}` to turn numbers into a vector.",
        "`torch.cat`은 기존 차원을 따라 이어 붙이는데, 0차원 텐서(손실 같은 숫자 하나)에는 "
        f"차원이 없습니다. 숫자들을 벡터로 만들려면 `{fixed}` 코드를 쓰세요.",
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


@family("join_needs_tensors", r"expected Tensor as element (\d+) in argument (\d+), but got (\w+)")
def _join_needs_tensors(m: re.Match[str], e: Error) -> tuple[str, str]:
    index, _, kind = m.groups()
    listed = re.search(r"torch\.(stack|cat)\((\[.*\])\)", e.get("call") or e.get("line_text") or "")
    if listed and kind == "list" and index == "0":
        fixed = f"torch.tensor({listed.group(2)})"
        return (
            f"`torch.{listed.group(1)}` joins tensors, and these elements are Python lists. For "
            f"numbers in nested lists, make the tensor directly: `{fixed}`.",
            f"`torch.{listed.group(1)}` 함수는 텐서를 합치는데 원소가 파이썬 리스트입니다. 중첩 "
            f"리스트의 숫자라면 텐서를 바로 만드세요: `{fixed}`.",
        )
    return (
        f"`torch.stack` / `torch.cat` join tensors only, and element {index} of the list is a "
        f"{kind}. Make it a tensor first (`torch.tensor(...)`, on the same device and dtype), or "
        "build the whole list with `torch.tensor` if it holds plain numbers.",
        f"`torch.stack` / `torch.cat` 함수는 텐서만 합치는데 리스트의 {index}번 원소가 {kind} "
        "값입니다. 먼저 텐서로 만들거나(`torch.tensor(...)`, 같은 장치와 dtype으로), 숫자만 "
        "담은 리스트라면 `torch.tensor`로 한 번에 만드세요.",
    )
