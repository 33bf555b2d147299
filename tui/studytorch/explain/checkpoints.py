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
    unexpected = re.findall(r'"([\w.]+)"', message.split("Unexpected key(s)", 1)[-1])
    prefixed = "Unexpected key(s)" in message and unexpected
    prefix = _common_prefix(unexpected) if prefixed else ""
    if prefix:
        fix = f"{{k.removeprefix({prefix!r}): v for k, v in state.items()}}"
        return (
            f"The saved names all start with `{prefix}` (a model saved while wrapped, e.g. by "
            f"`nn.DataParallel` or `torch.compile`), and this {m.group(1)}'s do not. Strip the "
            f"prefix before loading: `state = {fix}`, then `load_state_dict(state)`. "
            "(`strict=False` would only skip every key and load nothing.)",
            f"저장된 이름이 모두 `{prefix}` 접두사로 시작하는데(`nn.DataParallel`이나 "
            f"`torch.compile`로 감싼 채 저장한 모델) 이 {m.group(1)} 모델의 이름에는 없습니다. "
            f"불러오기 전에 접두사를 떼세요: `state = {fix}` 다음에 `load_state_dict(state)`. "
            "(`strict=False`는 모든 키를 건너뛰어 아무것도 불러오지 않습니다.)",
        )
    return (
        f"The saved weights' names do not match this {m.group(1)}'s layers (see the missing and "
        "unexpected keys). Build the same architecture as the one that was saved, with the same "
        "attribute names; `strict=False` only skips what does not match, so check what it "
        "reports before relying on it.",
        f"저장된 가중치의 이름이 이 {m.group(1)} 모델의 레이어와 맞지 않습니다(missing/unexpected "
        "key 목록을 보세요). 저장한 것과 같은 구조, 같은 속성 이름으로 모델을 만드세요. "
        "`strict=False`는 맞지 않는 것을 건너뛸 뿐이니, 쓰기 전에 그 결과가 알려 주는 키를 "
        "확인하세요.",
    )


def _common_prefix(keys: list[str]) -> str:
    """'module.' when every key starts with it (a wrapper's name, up to its dot)."""
    first = keys[0].split(".", 1)[0] + "."
    return first if len(first) > 1 and all(k.startswith(first) for k in keys) else ""


@family("weights_only_load", r"Weights only load failed")
def _weights_only(m: re.Match[str], e: Error) -> tuple[str, str]:
    said = re.search(r"Unsupported global: GLOBAL ([\w.]+)", e.get("message", ""))
    what = f" (here `{said.group(1)}`)" if said else ""
    what_ko = f"(여기서는 `{said.group(1)}`)" if said else ""
    call = e.get("call") or ""
    load = (
        f"{call[:-1]}, weights_only=False)"
        if call.endswith(")")
        else "torch.load(path, weights_only=False)"
    )
    return (
        "`torch.load` reads only tensors and plain containers by default (`weights_only=True` "
        f"since PyTorch 2.6), and this file holds another Python object{what}. If you made the "
        f"file yourself, load it with `{load}`; better, save only "
        "tensors next time, `torch.save(model.state_dict(), path)`. Never use "
        "`weights_only=False` on a file from someone you do not trust: it can run code.",
        "`torch.load`는 기본값(PyTorch 2.6부터 `weights_only=True`)으로 텐서와 기본 자료형만 "
        f"읽는데, 이 파일에는 다른 파이썬 객체가 들어 있습니다{what_ko}. 직접 만든 파일이라면 "
        f"`{load}` 코드로 읽으세요. 다음부터는 텐서만 저장하는 편이 "
        "낫습니다: `torch.save(model.state_dict(), path)`. 믿을 수 없는 파일에는 "
        "`weights_only=False`를 쓰지 마세요. 코드가 실행될 수 있습니다.",
    )


@family("state_dict_not_a_dict", r"Expected state_dict to be dict-like, got <class '([\w.]+)'>")
def _not_a_dict(m: re.Match[str], e: Error) -> tuple[str, str]:
    kind = m.group(1).rsplit(".", 1)[-1]
    found = re.search(r"([\w.]+)\.load_state_dict\(\s*([^()]+?)\s*\)", e.get("line_text") or "")
    model, given = found.groups() if found else ("model", "it")
    if kind in ("str", "PosixPath", "WindowsPath"):
        fix = f"`{model}.load_state_dict(torch.load({given}))`"
        return (
            f"`load_state_dict` takes the weights, not a file name: read the file first, {fix}.",
            f"`load_state_dict`에는 파일 이름이 아니라 가중치를 넘깁니다. 먼저 파일을 읽으세요: "
            f"{fix}.",
        )
    return (
        f"`load_state_dict` takes a dictionary of tensors, but got a {kind}. If {given} is a "
        f"model, pass its weights, `load_state_dict({given}.state_dict())` (or use the model "
        "itself); if it is a checkpoint dict, pass the part that holds the weights.",
        f"`load_state_dict`는 텐서 사전을 받는데 {kind} 객체가 왔습니다. 넘긴 값이 모델이라면 "
        f"그 가중치를 넘기거나(`load_state_dict({given}.state_dict())`) 그 모델을 그대로 쓰세요. "
        "체크포인트 사전이라면 가중치가 든 항목을 넘기세요.",
    )


@family(
    "checkpoint_key_missing",
    r"^KeyError: '([^']*)'",
    when=lambda e: e.get("keys") is not None,
)
def _missing_key(m: re.Match[str], e: Error) -> tuple[str, str]:
    key, keys = m.group(1), [str(k) for k in e["keys"]]
    owner = e.get("mapping") or "the dictionary"
    listed = ", ".join(f"'{k}'" for k in keys[:6]) + (", ..." if len(keys) > 6 else "")
    weights = keys and all(
        k.endswith(("weight", "bias", "running_mean", "running_var", "num_batches_tracked"))
        for k in keys
    )
    if weights:
        return (
            f"{owner} has no key '{key}': its keys are {listed}, the names of weights, so the "
            "file holds a `state_dict` itself (saved with `torch.save(model.state_dict(), ...)`), "
            f"not a checkpoint dict that contains one. Load it whole: "
            f"`model.load_state_dict({owner})`.",
            f"{owner}에는 '{key}' 키가 없습니다. 키는 {listed}, 즉 가중치 이름이라서 이 파일은 "
            "체크포인트 사전이 아니라 `state_dict` 자체입니다(`torch.save(model.state_dict(), "
            f"...)`로 저장). 통째로 불러오세요: `model.load_state_dict({owner})`.",
        )
    return (
        f"{owner} has no key '{key}'; the keys it has are {listed}. Use the name it was saved "
        f"under (`print({owner}.keys())` shows them all).",
        f"{owner}에는 '{key}' 키가 없습니다. 있는 키는 {listed}입니다. 저장할 때 쓴 이름을 "
        f"쓰세요(`print({owner}.keys())`로 모두 볼 수 있습니다).",
    )
