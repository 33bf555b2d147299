"""Run a step: the snippet, then its check, then the record; one place for the app and the CLI."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from studytorch.course.model import Step
from studytorch.kernel.protocol import Event
from studytorch.kernel.result import RunResult

if TYPE_CHECKING:
    from studytorch.kernel.protocol import Kernel


@dataclass(frozen=True)
class StepRun:
    """One run of a step's snippet and what its check said about it."""

    lesson_id: str
    step_id: str
    code: str
    result: RunResult
    checked: bool
    """The check ran (the snippet finished without an error and the step has a check)."""
    passed: bool
    check_message: dict[str, str] | None = None
    """The check's message in "en" and "ko" when it failed."""

    def reason(self, lang: str = "en") -> str:
        """Why the step did not pass, in a line."""
        if self.result.error is not None and not self.result.ok:
            return f"{self.result.error['type']}: {self.result.error['message']}".strip()
        return (self.check_message or {}).get(lang, "")


async def run_step(
    session: Kernel,
    lesson_id: str,
    step: Step,
    code: str,
    *,
    previous: RunResult | None = None,
    on_event: Callable[[Event], Any] | None = None,
    record: Callable[[StepRun], Any] | None = None,
    timeout: float | None = None,
) -> StepRun:
    """Run `code` as the learner's snippet for `step`, then the step's check if it has one.

    `previous` is this step's last run: gradients are compared with it, never with whatever an
    earlier step left behind. `on_event` sees each event as it arrives (live views); `record`
    gets the finished run (the store), so nothing is ever recorded against another step."""
    result = RunResult()
    async for event in session.execute(code, timeout=timeout):
        result.add(event)
        if on_event is not None:
            on_event(event)
    result.compare_with(previous)
    checked = passed = False
    message = None
    if result.ok and step.check is not None:
        verdict = await session.check(step.check)
        checked, passed = True, bool(verdict.get("passed"))
        message = verdict.get("message")
    elif result.ok:
        passed = True
    run = StepRun(lesson_id, step.id, code, result, checked, passed, message)
    if record is not None:
        record(run)
    return run
