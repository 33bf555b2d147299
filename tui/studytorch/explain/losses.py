"""Losses and labels: target dtype and range, batch sizes, one-hot and BCE targets."""

from __future__ import annotations

import re

from studytorch.explain.base import Error, as_code, family, operands, particle, shape_text


def _classes(e: Error) -> str:
    """'C=5 classes' when the probe saw the loss's input, else a neutral phrase."""
    loss = e.get("loss") or {}
    return f"C={loss['classes']}" if loss.get("classes") else "C"


def _pair(e: Error, output: str = "output", target: str = "labels") -> tuple[str, str]:
    """The snippet's own names for the loss's input and target (`out`, `y`), when it saw two."""
    found = operands(e)
    if len(found) >= 2:
        return as_code(found[-2]["name"]), as_code(found[-1]["name"])
    return output, target


@family("target_dtype", r"expected target dtype to be Long or Byte, but got (\w+)")
def _target_dtype(m: re.Match[str], e: Error) -> tuple[str, str]:
    _, t = _pair(e)
    return (
        f"This loss wants class indices as integer labels (int64), not {m.group(1)}. Use "
        f"`{t}.long()`.",
        f"이 손실 함수는 클래스 번호를 정수(int64) 레이블로 받아야 하는데 {m.group(1)} 타입이 "
        f"왔습니다. `{t}.long()` 메서드로 바꾸세요.",
    )


@family("target_out_of_range", r"Target (-?\d+) is out of bounds")
def _target_range(m: re.Match[str], e: Error) -> tuple[str, str]:
    (label,) = m.groups()
    _, t = _pair(e)
    loss = e.get("loss") or {}
    classes = loss.get("classes")
    if classes:
        return (
            f"The label {label} is not a class of this model: the logits have C={classes} "
            f"classes per row, so labels must be 0 to {classes - 1}. If there really are more "
            f"classes, make the last layer output one logit per class (e.g. `nn.Linear(..., "
            f"{int(label) + 1})`); if labels start at 1, subtract 1 (`{t} - 1`).",
            f"레이블 {particle(label, '은/는')} 이 모델의 클래스가 아닙니다. 로짓은 행마다 "
            f"C={classes}개라서 레이블은 0부터 {classes - 1}까지여야 합니다. 클래스가 정말 더 "
            "많다면 마지막 레이어가 클래스마다 로짓을 내게 하고"
            f"(예: `nn.Linear(..., {int(label) + 1})`), 레이블이 1부터 시작한다면 1을 빼세요"
            f"(`{t} - 1`).",
        )
    return (
        f"The label {label} is not a class of this model: with C logits per row, class labels "
        "must be 0 to C-1. Make the last layer output one logit per class (e.g. "
        "`nn.Linear(16, num_classes)`), or check how the labels were made.",
        f"레이블 {particle(label, '은/는')} 이 모델의 클래스가 아닙니다. 행마다 로짓이 C개라면 "
        "클래스 레이블은 0부터 C-1까지여야 합니다. 마지막 레이어가 클래스마다 로짓을 하나씩 "
        "내게 하거나(`nn.Linear(16, 클래스 수)` 등) 레이블을 만든 방법을 확인하세요.",
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
    _, t = _pair(e)
    if shape and len(shape) == 2 and shape[1] == 1:
        return (
            f"The labels have shape {shape_text(shape)}: one column per row. CrossEntropyLoss "
            f"wants one class index per row, shape ({shape[0]},). Use `{t}.squeeze(1)` (or "
            f"`{t}.view(-1)`).",
            f"레이블 모양이 {shape_text(shape)}, 즉 행마다 열 하나입니다. CrossEntropyLoss는 "
            f"행마다 클래스 번호 하나, 모양 ({shape[0]},)을 원합니다. `{t}.squeeze(1)`(또는 "
            f"`{t}.view(-1)`) 메서드로 바꾸세요.",
        )
    what = f" (shape {shape_text(shape)})" if shape else ""
    what_ko = f"(모양 {shape_text(shape)})" if shape else ""
    return (
        f"These labels{what} are not one class index per row. If each row has one column, use "
        f"`{t}.squeeze(1)`; if they are one-hot over {classes} classes, use "
        f"`{t}.argmax(dim=1)` for class indices, or `{t}.float()` to pass them as "
        "probabilities.",
        f"이 레이블은{what_ko} 행마다 클래스 번호 하나가 아닙니다. 행마다 열이 하나라면 "
        f"`{t}.squeeze(1)` 메서드를, {classes}개 클래스의 원-핫이라면 클래스 번호로 "
        f"`{t}.argmax(dim=1)` 메서드를 쓰고, 확률로 넘기려면 `{t}.float()` 메서드를 쓰세요.",
    )


@family(
    "one_hot_long_target",
    r"Expected floating point type for target with class probabilities, got (\w+)",
)
def _one_hot(m: re.Match[str], e: Error) -> tuple[str, str]:
    classes = _classes(e)
    _, t = _pair(e)
    return (
        f"The labels have one column per class ({classes}), so CrossEntropyLoss reads them as "
        f"class probabilities, which must be floats, not {m.group(1)}. Two fixes, by intent: "
        f"class indices `{t}.argmax(dim=1)` (the usual way), or probabilities "
        f"`{t}.float()`.",
        f"레이블이 클래스마다 열이 하나({classes})라서 CrossEntropyLoss는 이를 클래스 확률로 "
        f"읽는데, 확률은 정수({m.group(1)})가 아니라 실수여야 합니다. 의도에 따라 고치세요: "
        f"클래스 번호 `{t}.argmax(dim=1)`(보통 이쪽) 또는 확률 `{t}.float()`.",
    )


@family(
    "bce_target_shape",
    r"Target size \(torch\.Size\(\[([\d, ]*)\]\)\) must be the same as "
    r"input size \(torch\.Size\(\[([\d, ]*)\]\)\)",
)
def _bce_shape(m: re.Match[str], e: Error) -> tuple[str, str]:
    target, given = m.groups()
    out, t = _pair(e, "output", "target")
    return (
        f"BCE losses compare the output and the target element by element, so their shapes must "
        f"be equal: the output is [{given}] and the target [{target}]. Usually the output has an "
        f"extra size-1 column: use `{out}.squeeze(1)`, or make the target "
        f"`{t}.unsqueeze(1).float()`.",
        f"BCE 계열 손실 함수는 출력과 정답을 원소별로 비교하므로 모양이 같아야 합니다. 출력은 "
        f"[{given}], 정답은 [{target}]입니다. 대개 출력에 크기 1인 열이 더 있습니다: "
        f"`{out}.squeeze(1)` 메서드를 쓰거나 정답을 `{t}.unsqueeze(1).float()` 모양으로 "
        "만드세요.",
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
