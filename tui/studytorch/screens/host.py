"""StudyHost: what a screen may ask of the app, typed, so no screen imports the app."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, cast

if TYPE_CHECKING:
    from textual.dom import DOMNode
    from textual.message_pump import MessagePump

    from studytorch.course.model import LoadReport, Step
    from studytorch.course.step_runs import StepRuns
    from studytorch.kernel.protocol import Event, Kernel
    from studytorch.store import Store


class StudyHost(Protocol):
    """The app as its screens see it: shared state, the kernel's actions and the runs.

    `StudyApp` implements it (checked by mypy in app.py); screens reach it with `host_of`."""

    @property
    def lang(self) -> str:
        """ "en" or "ko"; screens watch the app's `lang` to redraw their words."""

    @property
    def store(self) -> Store: ...

    @property
    def course(self) -> LoadReport: ...

    @property
    def course_loaded(self) -> bool:
        """The lessons have been read (the first screen is drawn before)."""

    @property
    def kernel_state(self) -> str:
        """The kernel's `KernelState` value."""

    @property
    def session(self) -> Kernel: ...

    @property
    def runs(self) -> StepRuns:
        """Each step's previous run and earlier curves, kept while the app is open."""

    def ensure_kernel(self) -> None:
        """Start the kernel unless it was started already."""

    def reread_lessons(self) -> None:
        """Read the lessons folder again (a lesson added meanwhile shows in the list)."""

    def start_run(
        self,
        requester: MessagePump,
        lesson_id: str,
        step: Step,
        code: str,
        on_event: Callable[[Event], None],
    ) -> int:
        """Run `code` for `step` as an app-level worker; `requester` gets `RunFinished`.
        Returns the run's token."""

    def run_in_progress(self) -> bool:
        """A run is on its way, or the kernel is still busy with one whose step was left."""

    def leave_run(self) -> None:
        """The step was left: its run stops being shown and is interrupted."""

    def interrupt_run(self) -> bool:
        """Interrupt the kernel (F8); False when nothing was running."""

    def restart_kernel(self) -> None:
        """A fresh kernel (F9): variables are gone, the current run stops being shown."""

    def switch_device(self) -> str | None:
        """Restart on the next device (Ctrl+G); None when the CPU is the only one."""


def host_of(node: DOMNode) -> StudyHost:
    """The app a screen or widget belongs to, as a `StudyHost`."""
    return cast("StudyHost", node.app)
