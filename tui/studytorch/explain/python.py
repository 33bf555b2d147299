"""Python itself: missing packages, syntax and indentation."""

from __future__ import annotations

import re

from studytorch.explain.base import Error, family

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
        "이 줄에서 연 `{0}` 괄호가 닫히지 않았습니다. 짝이 맞는 닫는 괄호를 넣으세요.",
    ),
    (
        r"unmatched '([)\]}])'",
        "There is a closing `{0}` without an opening bracket before it.",
        "여는 괄호 없이 닫는 `{0}` 괄호가 있습니다.",
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
            f"들여쓴 블록이 와야 합니다. {line}번째 줄의 `{what}` 문이 `:`으로 끝나므로 다음 줄은 "
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


_IMPORTS = {
    "np": "import numpy as np",
    "F": "import torch.nn.functional as F",
    "optim": "from torch import optim",
    "DataLoader": "from torch.utils.data import DataLoader",
    "Dataset": "from torch.utils.data import Dataset",
    "TensorDataset": "from torch.utils.data import TensorDataset",
    "random_split": "from torch.utils.data import random_split",
    "math": "import math",
    "random": "import random",
    "time": "import time",
    "plt": "import matplotlib.pyplot as plt",
    "transforms": "from torchvision import transforms",
    "datasets": "from torchvision import datasets",
    "Path": "from pathlib import Path",
    "os": "import os",
}
"""Names snippets use without importing them, and the import they need."""


@family("name_not_defined", r"^NameError: name '(\w+)' is not defined")
def _not_defined(m: re.Match[str], e: Error) -> tuple[str, str]:
    name = m.group(1)
    if name in _IMPORTS:
        line = _IMPORTS[name]
        return (
            f"`{name}` is not imported here. Add `{line}` at the top of the snippet (every run "
            "starts from a fresh namespace with only `torch`, `nn` and `device`).",
            f"이 코드에서 `{name}` 이름을 가져오지 않았습니다. 코드 맨 위에 `{line}` 줄을 "
            "넣으세요(실행마다 `torch`, `nn`, `device`만 있는 새 이름공간에서 시작합니다).",
        )
    return (
        f"`{name}` is used before anything defined it: check the spelling and that the line "
        f"defining it runs first. Every run starts from a fresh namespace, so a `{name}` from an "
        "earlier run or another step is gone: define it in this snippet.",
        f"`{name}` 이름을 정의하기 전에 썼습니다. 철자와, 정의하는 줄이 먼저 실행되는지 "
        "확인하세요. 실행마다 새 이름공간에서 시작하므로 이전 실행이나 다른 단계의 "
        f"`{name}` 값은 없습니다. 이 코드 안에서 정의하세요.",
    )


@family("module_not_callable", r"'module' object is not callable")
def _module_called(m: re.Match[str], e: Error) -> tuple[str, str]:
    called = re.search(r"([\w.]+)\s*\(", e.get("call") or e.get("line_text") or "")
    name = called.group(1) if called else "it"
    return (
        f"`{name}` is a module (a file of code), not a function or class, so it cannot be "
        f"called. Call what is inside it, e.g. `nn.Linear(...)` rather than `nn(...)`, or "
        "import the class itself (`from tqdm import tqdm`).",
        f"`{name}` 이름은 함수나 클래스가 아니라 모듈(코드 파일)이라서 부를 수 없습니다. 그 "
        "안의 것을 부르거나(`nn(...)`이 아니라 `nn.Linear(...)`), 클래스 자체를 가져오세요"
        "(`from tqdm import tqdm`).",
    )


@family("input_in_snippet", r"^StdinNotImplementedError: ")
def _input(m: re.Match[str], e: Error) -> tuple[str, str]:
    # `epochs = int(input(...))` becomes `epochs = 10`: a value of the kind the line converts to.
    found = re.match(r"\s*([\w.]+)\s*=\s*(int|float)?", e.get("line_text") or "")
    value = {"int": "10", "float": "0.1"}.get(found.group(2) or "", "'...'") if found else ""
    fix = f"`{found.group(1)} = {value}`" if found else "a value in the code"
    return (
        "A snippet cannot read the keyboard: `input()` has nowhere to ask, because the code runs "
        f"in a kernel behind the app. Set the value in the code instead, e.g. {fix}, and change "
        "it there between runs.",
        "코드는 앱 뒤의 커널에서 실행되므로 `input()`으로 키보드 입력을 받을 수 없습니다. 값을 "
        f"코드 안에 직접 쓰고(예: {fix}) 실행할 때마다 거기서 바꾸세요.",
    )
