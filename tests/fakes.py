"""FakeSession: the surface of KernelSession the app uses, driven by canned events.

Snapshot tests need a screen that is the same on every run: no kernel start-up race, no
timing noise. A FakeSession is ready at once, answers every run with the same events and a
fixed duration, and records what it was asked to run.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

from studytorch.course import Lesson, LoadReport, Localized, Step
from studytorch.kernel import Done, Event, Kernel, KernelState, Stream, Summary

DURATION_S = 0.012
"""Every fake run takes exactly this long, so the status line always says "12 ms"."""

INFO: dict[str, Any] = {
    "kind": "ready",
    "torch": "2.13.0",
    "python": "3.11.0",
    "cuda": False,
    "cuda_devices": [],
    "mps": False,
    "device": "cpu",
}


def tensor(name: str, shape: list[int], stride: list[int], preview: str, **extra: Any) -> dict:
    """One tensor summary in the probe's format."""
    numel = 1
    for size in shape:
        numel *= size
    return {
        "name": name,
        "shape": shape,
        "dtype": "int64",
        "device": "cpu",
        "requires_grad": False,
        "is_leaf": True,
        "grad_fn": None,
        "grad": None,
        "numel": numel,
        "stride": stride,
        "contiguous": True,
        "shares_with": [],
        "stats": {"min": 0.0, "max": float(numel - 1), "mean": (numel - 1) / 2, "sampled": False},
        "preview": preview,
        **extra,
    }


CPU_INT = {"dtype": "int64", "device": "cpu"}


def shape_ops_events() -> list[Event]:
    """What the first step of shape-ops prints and summarises (x = arange(6); y = x.view(2, 3))."""
    printed = "tensor([[0, 1, 2],\n        [3, 4, 5]])"
    return [
        Stream("stdout", printed + "\n"),
        Summary(
            {
                "kind": "run",
                "tensors": [
                    tensor("x", [6], [1], "tensor([0, 1, 2, 3, 4, 5])", shares_with=["y"]),
                    tensor("y", [2, 3], [3, 1], printed, shares_with=["x"]),
                ],
                "lines": [
                    {"line": 1, "name": "x", "count": 1, "shape": [6], **CPU_INT},
                    {"line": 2, "name": "y", "count": 1, "shape": [2, 3], **CPU_INT},
                ],
                "modules": [],
                "optimizers": [],
                "data": [],
                "error": None,
                "metrics": {},
                "batches": [],
                "graph": {},
            }
        ),
    ]


FAILED_CHECK = {
    "passed": False,
    "message": {
        "en": "y has shape (2, 3); it should be (3, 2)",
        "ko": "y의 모양이 (2, 3)입니다. (3, 2)여야 합니다",
    },
}


class FakeSession(Kernel):
    """Answers like a warm CPU kernel; `events_for(code)` decides what a run reports. The
    state machine, `device` and `owns_kernel` are the real session's (kernel.Kernel)."""

    def __init__(
        self,
        events_for: Callable[[str], list[Event]] | None = None,
        verdict: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(device="cpu")
        self.events_for = events_for or (lambda _code: shape_ops_events())
        self.verdict = verdict if verdict is not None else FAILED_CHECK
        self.executing = False
        self.ran: list[str] = []
        """Every snippet `execute` was given, in order."""
        self.checks: list[str] = []
        self.calls: list[str] = []
        """Lifecycle calls in order: start, restart, interrupt, reset, shutdown."""

    @property
    def running(self) -> bool:
        return self.executing

    async def start(self) -> None:
        self.calls.append("start")
        self.death = None
        self.info = dict(INFO)
        self._set_state(KernelState.READY)

    async def ready(self) -> dict[str, Any]:
        return self.info

    async def execute(self, code: str, *, timeout: float | None = None) -> AsyncIterator[Event]:
        self.ran.append(code)
        self._set_state(KernelState.BUSY)
        self.executing = True
        try:
            status = "ok"
            for event in self.events_for(code):
                if isinstance(event, Done):
                    status = event.status
                    continue
                yield event
            yield Done(status, DURATION_S)
        finally:
            self.executing = False
            if self.state == KernelState.BUSY:
                self._set_state(KernelState.READY)

    async def check(self, source: str) -> dict[str, Any]:
        self.checks.append(source)
        return self.verdict

    async def interrupt(self) -> None:
        self.calls.append("interrupt")

    async def restart(self) -> None:
        self.calls.append("restart")
        await self.start()

    async def reset(self) -> None:
        self.calls.append("reset")

    async def prewarm(self) -> None:
        self.calls.append("prewarm")

    async def shutdown(self) -> None:
        self.calls.append("shutdown")
        self._set_state(KernelState.STOPPED)

    def kill_now(self) -> None:
        self.calls.append("kill_now")

    def log_tail(self, lines: int = 12) -> str:
        return ""


def fixed_course() -> LoadReport:
    """A small course written here, so lesson edits elsewhere never change a snapshot."""

    def text(en: str, ko: str) -> Localized:
        return Localized(en, ko)

    view = Step(
        id="view",
        title=text("view: same numbers, new shape", "view: 같은 숫자, 새로운 모양"),
        note=text(
            "`x.view(2, 3)` reads the **same memory** with another shape: nothing is copied.\n\n"
            "**Exercise:** make `y` a 3×2 view of `x` using `-1`.",
            "`x.view(2, 3)`은 **같은 메모리**를 다른 모양으로 읽습니다. 복사는 없습니다.\n\n"
            "**연습:** `-1`을 써서 `y`를 `x`의 3×2 view로 만드세요.",
        ),
        starter="x = torch.arange(6, device=device)\ny = x.view(2, 3)\nprint(y)\n",
        solution="x = torch.arange(6, device=device)\ny = x.view(3, -1)\nprint(y)\n",
        check="expect(tuple(y.shape) == (3, 2), 'y should be (3, 2)', 'y는 (3, 2)여야 합니다')",
        hints=(text("3 rows; let PyTorch compute the columns.", "행은 3개입니다."),),
    )
    squeeze = Step(
        id="squeeze",
        title=text("squeeze removes size-1 dimensions", "squeeze는 크기 1인 차원을 없앤다"),
        note=text("`x.squeeze(1)` removes dimension 1.", "`x.squeeze(1)`은 1번 차원을 없앱니다."),
        starter="x = torch.zeros(2, 1, 3)\ny = x.squeeze()\n",
    )
    tensors = Step(
        id="make",
        title=text("Making tensors", "텐서 만들기"),
        note=text("`torch.tensor([1, 2])` makes a tensor.", "`torch.tensor([1, 2])`로 만듭니다."),
        starter="t = torch.tensor([1, 2])\n",
    )
    return LoadReport(
        lessons=[
            Lesson("tensors", text("Tensors", "텐서"), (tensors,)),
            Lesson(
                "shape-ops",
                text("Shape ops: view, reshape, squeeze", "모양 바꾸기: view, reshape, squeeze"),
                (view, squeeze),
            ),
        ]
    )
