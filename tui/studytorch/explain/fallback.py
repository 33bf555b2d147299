"""What is said when no family knows the error: the failing call, its operands, and which of
them the message talks about. Never nothing, never a guess at the cause."""

from __future__ import annotations

import re
from typing import Any

from studytorch.explain.base import Error, operands, shape_text

_DTYPE_WORDS = {
    "int64": ("long", "int64"),
    "int32": ("int", "int32"),
    "float32": ("float", "float32"),
    "float64": ("double", "float64"),
    "float16": ("half", "float16"),
    "bfloat16": ("bfloat16",),
    "bool": ("bool",),
    "uint8": ("byte", "uint8"),
}


def _mentioned(op: dict[str, Any], message: str) -> list[str]:
    """What of `op` the message names: its shape, its dtype, its device."""
    found = []
    sizes = [str(n) for n in op["shape"]]
    if sizes:
        joined = r"\s*(?:[,x×]|by)\s*".join(sizes)
        if re.search(rf"(?<![\d.])[\[(]?{joined}[\])]?(?![\d.])", message) and len(sizes) > 1:
            found.append("shape")
    words = _DTYPE_WORDS.get(op.get("dtype") or "", ())
    if any(re.search(rf"\b{w}\b", message, re.I) for w in words):
        found.append("dtype")
    device = op.get("device") or ""
    if device and device != "cpu" and device.split(":")[0] in message:
        found.append("device")
    return found


def _describe(op: dict[str, Any], lang: str) -> str:
    grad = op.get("requires_grad")
    if lang == "en":
        text = (
            f"`{op['name']}` {shape_text(op['shape'])} {op.get('dtype', '')} on {op.get('device')}"
        )
        return text + (", requires grad" if grad else "")
    text = (
        f"`{op['name']}` {shape_text(op['shape'])} {op.get('dtype', '')}, {op.get('device')} 장치"
    )
    return text + (", 기울기 필요" if grad else "")


def fallback(e: Error) -> tuple[str, str]:
    """The facts of an error no family explains, in English and Korean."""
    kind = e.get("type") or "Error"
    message = str(e.get("message") or "")
    said = (message.strip().splitlines() or [""])[-1][:200]
    ops = operands(e)
    call = e.get("call")
    called_en = f"The call that failed is `{call}`. " if call else ""
    called_ko = f"실패한 호출은 `{call}`입니다. " if call else ""
    if not ops:
        return (
            f"There is no explanation written for this {kind} yet. {called_en}Python said: "
            f'"{said}". Print the values this line uses (`type(v)`, and for tensors `v.shape`, '
            "`v.dtype`, `v.device`) and compare them with what the message expects.",
            f"이 {kind} 오류에는 아직 준비된 설명이 없습니다. {called_ko}파이썬의 메시지: "
            f'"{said}". 이 줄이 쓰는 값을 출력해서(`type(v)`, 텐서라면 `v.shape`, `v.dtype`, '
            "`v.device`) 메시지가 기대하는 것과 비교해 보세요.",
        )
    listed_en = "; ".join(_describe(op, "en") for op in ops)
    listed_ko = "; ".join(_describe(op, "ko") for op in ops)
    named = [(op["name"], _mentioned(op, message)) for op in ops]
    named = [(name, what) for name, what in named if what]
    if named:
        about_en = "The message is about " + ", ".join(
            f"`{name}` (its {' and '.join(what)})" for name, what in named
        )
        words = {"shape": "모양", "dtype": "dtype", "device": "장치"}
        about_ko = "메시지가 말하는 값: " + ", ".join(
            f"`{name}`({', '.join(words[w] for w in what)})" for name, what in named
        )
    else:
        about_en = "The message names none of these values directly"
        about_ko = "메시지는 이 값들 중 어느 것도 직접 가리키지 않습니다"
    return (
        f"There is no explanation written for this {kind} yet; here is what the failing line "
        f'used. {called_en}Its operands: {listed_en}. {about_en}. Python said: "{said}" - '
        "check those values against what the call expects (`help()` on it lists that).",
        f"이 {kind} 오류에는 아직 준비된 설명이 없어서, 실패한 줄이 쓴 값을 보여 드립니다. "
        f'{called_ko}피연산자: {listed_ko}. {about_ko}. 파이썬의 메시지: "{said}". 이 값들을 '
        "호출이 기대하는 것과 비교해 보세요(`help()`로 볼 수 있습니다).",
    )
