"""The engine's kernel side: start an ipykernel, run snippets, collect what the probe reports.

Never imports Textual or torch.
"""

from studytorch.kernel.protocol import (
    Died,
    Display,
    Done,
    Error,
    Event,
    KernelState,
    Restarted,
    Stream,
    Summary,
)
from studytorch.kernel.result import RunResult, collect
from studytorch.kernel.session import KernelError, KernelSession

__all__ = [
    "Died",
    "Display",
    "Done",
    "Error",
    "Event",
    "KernelError",
    "KernelSession",
    "KernelState",
    "Restarted",
    "RunResult",
    "Stream",
    "Summary",
    "collect",
]
