"""What every explanation family shares: the Family record, its registry, operand helpers."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from studytorch.korean import particle
from studytorch.text import shape_text

Explanation = dict[str, str]
Error = dict[str, Any]
Build = Callable[[re.Match[str], Error], tuple[str, str]]

__all__ = [
    "REGISTRY",
    "Build",
    "Error",
    "Explanation",
    "Family",
    "as_code",
    "family",
    "name_of",
    "numbers",
    "op_text",
    "operands",
    "particle",
    "shape_text",
    "where",
]


@dataclass(frozen=True)
class Family:
    name: str
    pattern: re.Pattern[str]
    build: Build
    when: Callable[[Error], bool] | None = None
    """An extra condition on the probe's hints, for families that share a message."""


REGISTRY: dict[str, Family] = {}
"""Every family by name; `explain.ORDER` says in which order they are tried."""


def family(
    name: str, pattern: str, flags: int = 0, when: Callable[[Error], bool] | None = None
) -> Callable[[Build], Build]:
    """Register `build` as the explanation of errors whose "Type: message" matches `pattern`."""

    def add(build: Build) -> Build:
        if name in REGISTRY:
            raise ValueError(f"two explanation families are named {name!r}")
        REGISTRY[name] = Family(name, re.compile(pattern, flags | re.S), build, when)
        return build

    return add


# --- what the failing line used ----------------------------------------------------------------


def operands(e: Error) -> list[dict[str, Any]]:
    """Tensor operands of the failing call (or line), in order. A name the line only assigns
    to (`v` in `v = x[5]`) is left out: its value is from before the line and did not clash."""
    found = [op for op in e.get("operands") or [] if isinstance(op, dict) and "shape" in op]
    targets = _assigned_only(e.get("line_text") or "")
    return [op for op in found if op.get("name") not in targets]


def _assigned_only(text: str) -> set[str]:
    found = re.match(r"\s*([\w\s,]+?)\s*=(?!=)(.*)", text)  # plain names only: x.a = uses x
    if not found:
        return set()
    left, right = found.groups()
    return {n for n in re.findall(r"\w+", left) if not re.search(rf"\b{n}\b", right)}


def op_text(op: dict[str, Any], device: bool = False, lang: str = "en") -> str:
    """'a (2, 3) float32', with ' on cuda:0' (Korean: '(cuda:0)') when devices matter."""
    text = f"{op['name']} {shape_text(op['shape'])} {op.get('dtype', '')}".rstrip()
    if not (device and op.get("device")):
        return text
    return text + (f" on {op['device']}" if lang == "en" else f" ({op['device']})")


def numbers(m: re.Match[str] | str) -> list[int]:
    """The integers in a match or a text: '[4, 3]' -> [4, 3]."""
    text = m if isinstance(m, str) else m.group(0)
    return [int(n) for n in re.findall(r"-?\d+", text)]


def name_of(e: Error, index: int, fallback: str) -> str:
    """The operand's source text, ready to have `.method()` put after it in a suggested fix."""
    found = operands(e)
    return as_code(found[index]["name"]) if len(found) > index else fallback


def as_code(name: str) -> str:
    """`a + b` becomes `(a + b)`, so `(a + b).T` means what it says; `x`, `x.t()`, `x[0]` stay."""
    return f"({name})" if re.search(r"[\s+\-*/@%<>=&|^~]", name) else name


def where(e: Error) -> Explanation:
    """'On line 3 (`c = a @ b`): a (2, 3) float32, b (4, 5) float32. ' in both languages."""
    line, text = e.get("line"), (e.get("line_text") or "").strip()
    if not line:
        return {"en": "", "ko": ""}
    found = operands(e)
    devices = {op.get("device") for op in found}
    show_device = len(devices) > 1 or bool(devices - {"cpu", None})
    listed = ", ".join(op_text(op, show_device) for op in found)
    listed_ko = ", ".join(op_text(op, show_device, "ko") for op in found)
    en = f"On line {line} (`{text}`)" + (f": {listed}." if listed else ".")
    ko = f"{line}번째 줄(`{text}`)" + (f": {listed_ko}." if listed else "에서 났습니다.")
    return {"en": en + " ", "ko": ko + " "}
