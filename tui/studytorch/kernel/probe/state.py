"""What the probe's modules share in the kernel: the shell, the run being recorded, publishing.

Other modules read these as attributes (`state.shell`, `state.run`) at call time, so a value
set by `install` or `begin_run` is seen everywhere, and tests can swap them.
"""

from __future__ import annotations

import time
from typing import Any

PACKAGE = "_studytorch_probe"
"""The name the probe is installed under in the kernel's sys.modules."""
MIME = "application/vnd.studytorch.v1+json"
"""The MIME type of every summary (the bridge's protocol.MIME says the same)."""
PROBE_CELL = "__import__('_studytorch_probe')."
"""How the bridge's own cells begin: they work even after a snippet cleared its globals."""

shell: Any = None
"""The kernel's InteractiveShell (a stand-in in tests)."""
last_cell = ""
"""The source of the cell being run (a learner run or one of the bridge's cells)."""
baseline: dict[str, Any] = {}
"""The names every run starts with (torch, nn, device, track and IPython's own)."""
ready: dict[str, Any] = {}
"""What `install` found: torch's version, the devices, or an `error`."""
streams: dict[str, tuple[Any, Any]] = {}
"""sys.stdout/stderr as ipykernel made them, with their publishing threads."""


class Run:
    """What the live views gathered during one learner run."""

    def __init__(self) -> None:
        self.lines: dict[tuple[int, str], dict[str, Any]] = {}
        self.metrics: dict[str, list[Any]] = {}
        self.sent: dict[str, int] = {}
        self.last_sent = 0.0
        self.display_id = f"studytorch-metrics-{time.monotonic_ns()}"
        self.announced = False
        self.epochs: dict[int, list[Any]] = {}  # id(batch sampler) -> epochs of batches
        self.samplers: dict[int, object] = {}
        self.iterations: dict[Any, int] = {}
        """How many times each loop of the snippet (by its place) has begun an iteration."""
        self.tick = 0
        """Iterations begun by any loop of the snippet: for values outside a known loop."""
        self.point_of: dict[str, Any] = {}
        """Each series' last point's iteration: a value of the same iteration replaces it."""
        self.tracked: set[str] = set()
        """Names the snippet passes to `track`: they are not captured automatically."""


run: Run | None = None
"""The learner run being recorded; None between runs and during the bridge's own cells."""
last_activity = time.monotonic()
"""When a learner run last began or ended: boot.py prewarms only after a quiet spell."""


def idle_seconds() -> float | None:
    """Seconds since the last learner run ended, or None while one runs."""
    if run is not None:
        return None
    return time.monotonic() - last_activity


def strict(value: Any) -> Any:
    """`value` as strict JSON allows it: a float that is not finite becomes the string "nan",
    "inf" or "-inf" (docs/run-json.md), anywhere in dicts, lists and tuples."""
    if isinstance(value, float):
        return value if value - value == 0 else str(value)  # inf - inf and nan - nan are nan
    if isinstance(value, dict):
        return {key: strict(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [strict(item) for item in value]
    return value


def publish(payload: dict[str, Any], **kwargs: Any) -> None:
    """Send one summary to the bridge as display data, as strict JSON."""
    from IPython.display import publish_display_data

    publish_display_data({MIME: strict(payload)}, **kwargs)
