"""What a run reports: small event objects the bridge yields while a snippet runs."""

from __future__ import annotations

import enum
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any, Protocol

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


class Kernel(Protocol):
    """What the app, the checker and the runner need of a kernel; `KernelSession` is the real
    one, and the tests' fakes implement the same."""

    state: KernelState
    info: dict[str, Any]
    death: Died | None
    device_spec: str

    @property
    def device(self) -> str | None: ...

    async def start(self) -> None: ...

    async def ready(self) -> dict[str, Any]: ...

    def execute(self, code: str, *, timeout: float | None = None) -> AsyncIterator[Event]: ...

    async def check(self, source: str) -> dict[str, Any]: ...

    async def reset(self) -> None: ...

    async def interrupt(self) -> None: ...

    async def restart(self) -> None: ...

    async def shutdown(self) -> None: ...
