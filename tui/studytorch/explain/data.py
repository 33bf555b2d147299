"""DataLoader batches that cannot be made from what the Dataset returned."""

from __future__ import annotations

import re

from studytorch.explain.base import Error, family


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
