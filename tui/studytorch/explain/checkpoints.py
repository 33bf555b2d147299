"""Checkpoints: saved weights that do not fit the model, files that do not load."""

from __future__ import annotations

import re

from studytorch.explain.base import Error, family


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
            f"저장된 가중치가 이 {m.group(1)}에 맞지 않습니다. `{key}` 파라미터는 저장할 때 "
            f"[{saved}] 모양이었는데 "
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
