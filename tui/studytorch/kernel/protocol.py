"""What a run reports: small event objects the bridge yields while a snippet runs."""

from __future__ import annotations

import abc
import enum
import sys
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studytorch.notice import Notice

SUMMARY_MIME = "application/vnd.studytorch.v1+json"
"""The MIME type the kernel-side probe publishes its summaries under."""


class KernelState(str, enum.Enum):
    STARTING = "starting"  # the kernel process is coming up
    WARMING = "warming"  # it answers; torch and the probe are loading
    READY = "ready"
    BUSY = "busy"
    DEAD = "dead"
    STOPPED = "stopped"


@dataclass(frozen=True)
class Stream:
    """Text the snippet printed."""

    name: str  # "stdout" or "stderr"
    text: str


@dataclass(frozen=True)
class Display:
    """A rich result: the value of a last expression, or something display()ed."""

    text: str
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Summary:
    """One probe summary: {"kind": "run" | "check" | "ready", ...}."""

    payload: dict[str, Any]

    @property
    def kind(self) -> str:
        return self.payload.get("kind", "")


@dataclass(frozen=True)
class Error:
    """The snippet raised. `traceback` lines carry ANSI colour codes."""

    ename: str
    evalue: str
    traceback: list[str]


@dataclass(frozen=True)
class Died:
    """The kernel process ended during the run: `why` says how (kernel.crashed, signal=...),
    `log_tail` is the end of its log, as the kernel wrote it."""

    why: Notice
    log_tail: str = ""


@dataclass(frozen=True)
class Restarted:
    """The kernel was restarted (it ignored an interrupt, or had died); variables are gone."""

    why: Notice


@dataclass(frozen=True)
class Done:
    """The run finished. `dropped` counts output characters that were not kept."""

    status: str  # "ok", "error", "interrupted", "timeout", "died", "restarted"
    duration_s: float
    dropped: int = 0


Event = Stream | Display | Summary | Error | Died | Restarted | Done


class Kernel(abc.ABC):
    """What the app, the checker and the runner need of a kernel: `KernelSession` is the real
    one, and the tests' fakes implement the same.

    The base owns the state machine (`state`, reported through `on_state`), what the kernel said
    when ready (`info`, hence `device`), how it last died (`death`) and where it came from
    (`python`, or `existing`: an attached kernel we do not own). Subclasses run the code.
    """

    def __init__(
        self,
        *,
        python: str | None = None,
        existing: str | Path | None = None,
        device: str = "auto",
        on_state: Callable[[KernelState], None] | None = None,
    ) -> None:
        self.python = python or sys.executable
        """The interpreter our kernels run (ignored for an attached one)."""
        self.existing = Path(existing) if existing else None
        """The connection file of an attached kernel (`--existing`), else None."""
        self.device_spec = device
        """What the learner asked for: auto, cpu, cuda, cuda:N or mps."""
        self.on_state = on_state
        """Called on every state change (the app mirrors it into a reactive)."""
        self.state = KernelState.STOPPED
        self.info: dict[str, Any] = {}
        """The probe's "ready" summary: torch version, device, CUDA/MPS availability."""
        self.death: Died | None = None
        """How the kernel last died, until it starts again."""

    @property
    def device(self) -> str | None:
        """The device runs use (resolved from `device_spec` by the kernel), once ready."""
        return self.info.get("device")

    @property
    def owns_kernel(self) -> bool:
        """We started this kernel (it can be restarted and has a spare); False when attached."""
        return self.existing is None

    @property
    @abc.abstractmethod
    def running(self) -> bool:
        """The kernel is executing something (a run, even one whose screen has gone)."""

    def _set_state(self, state: KernelState) -> None:
        if state != self.state:
            self.state = state
            if self.on_state:
                self.on_state(state)

    @abc.abstractmethod
    async def start(self) -> None:
        """Start (or attach to) the kernel; warm-up may continue in the background."""

    @abc.abstractmethod
    async def ready(self) -> dict[str, Any]:
        """Wait until the kernel can run snippets; returns `info`."""

    @abc.abstractmethod
    def execute(self, code: str, *, timeout: float | None = None) -> AsyncIterator[Event]:
        """Run the learner's snippet, yielding its events; the last is always `Done`."""

    @abc.abstractmethod
    async def check(self, source: str) -> dict[str, Any]:
        """Run a lesson check against the last run's namespace: {"passed": True}, or why not
        (the author's `message` in en/ko, our `key` and `params`, or `why`, a Notice)."""

    @abc.abstractmethod
    async def reset(self) -> None:
        """Forget the learner's variables now."""

    @abc.abstractmethod
    async def prewarm(self) -> None:
        """Pay torch's lazy first-use costs before the learner's first run."""

    @abc.abstractmethod
    async def interrupt(self) -> None:
        """Stop the current run (a run that ignores it is ended by a restart)."""

    @abc.abstractmethod
    async def restart(self) -> None:
        """A fresh kernel: variables are gone."""

    @abc.abstractmethod
    async def shutdown(self) -> None:
        """Stop the kernel; nothing of it is left."""

    @abc.abstractmethod
    def kill_now(self) -> None:
        """Synchronous last resort, from any thread and at exit: kill what we started."""

    @abc.abstractmethod
    def log_tail(self, lines: int = 12) -> str:
        """The end of the kernel's own log (why it died), or ""."""
