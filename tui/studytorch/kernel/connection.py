"""Checks a Jupyter connection file (`--existing`) before anything tries to use it."""

from __future__ import annotations

import json
from pathlib import Path

from studytorch import files

MAX_BYTES = 64_000
"""A connection file is a few hundred bytes; anything this large is not one."""
PORTS = ("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port")
TEXTS = ("ip", "key", "transport")


def connection_problem(path: str | Path) -> str | None:
    """What is wrong with the connection file at `path`, in words; None when it looks usable."""
    path = Path(path)
    if path.is_dir():
        return "that is a folder, not a connection file"
    try:
        text = files.read_text(path, MAX_BYTES)
    except files.UnreadableFile as exc:
        if str(exc) == "no such file":
            return str(exc)
        return f"cannot read it: {exc}"
    try:
        info = json.loads(text)
    except json.JSONDecodeError as exc:
        return f"not valid JSON at line {exc.lineno}, column {exc.colno} ({exc.msg})"
    except ValueError as exc:
        return f"not valid JSON ({exc})"
    if not isinstance(info, dict):
        return "the JSON is not an object with the kernel's ports and key"
    missing = [key for key in (*TEXTS, *PORTS) if key not in info]
    if missing:
        return "missing " + ", ".join(repr(key) for key in missing)
    wrong = [key for key in PORTS if not isinstance(info[key], int) or isinstance(info[key], bool)]
    wrong += [key for key in TEXTS if not isinstance(info[key], str)]
    if wrong:
        return "wrong type for " + ", ".join(repr(key) for key in wrong)
    return None
