"""The engine's kernel side: start an ipykernel, run snippets, collect what the probe reports.

Never imports Textual or torch. Names are imported on first use (PEP 562), so the app can import
`studytorch.kernel.protocol` without the session machinery.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_HOME = {
    "Died": "protocol",
    "Display": "protocol",
    "Done": "protocol",
    "Error": "protocol",
    "Event": "protocol",
    "Kernel": "protocol",
    "KernelState": "protocol",
    "Restarted": "protocol",
    "Stream": "protocol",
    "Summary": "protocol",
    "RunResult": "result",
    "collect": "result",
    "KernelError": "session",
    "KernelSession": "session",
}
__all__ = [
    "Died",
    "Display",
    "Done",
    "Error",
    "Event",
    "Kernel",
    "KernelError",
    "KernelSession",
    "KernelState",
    "Restarted",
    "RunResult",
    "Stream",
    "Summary",
    "collect",
]

if TYPE_CHECKING:
    from studytorch.kernel.protocol import (
        Died,
        Display,
        Done,
        Error,
        Event,
        Kernel,
        KernelState,
        Restarted,
        Stream,
        Summary,
    )
    from studytorch.kernel.result import RunResult, collect
    from studytorch.kernel.session import KernelError, KernelSession


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)
