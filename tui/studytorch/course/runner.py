"""Run a step: the snippet, then its check, then the record; one place for the app and the CLI."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from studytorch.course.model import Step
from studytorch.kernel.protocol import Event
from studytorch.kernel.result import RunResult
from studytorch.notice import Notice

if TYPE_CHECKING:
    from studytorch.kernel.protocol import Kernel

CHECK_TIMEOUT_S = 60.0
"""A check is a few lines: one still running after this is stopped and fails the step."""
SETTLE_S = 15.0
"""After interrupting a check, how long it may take to stop (the session restarts a kernel that
ignores the interrupt after a few seconds)."""


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
    check_message: Notice | None = None
    """Why the check failed: the lesson author's words (`check.author`) or ours."""

    def reason(self) -> Notice:
        """Why the step did not pass."""
        error = self.result.error
        if error is not None and not self.result.ok:
            return Notice("check.run_failed", {"type": error["type"], "message": error["message"]})
        return self.check_message or Notice("check.no_result")


def verdict_notice(verdict: dict[str, Any]) -> Notice | None:
    """A check's verdict as the probe or the session gave it, as a notice: the author's
    `expect(cond, en, ko)` words, our code (`key`, `params`), or a Notice already."""
    if verdict.get("passed"):
        return None
    why = verdict.get("why")
    if isinstance(why, Notice):
        return why
    if verdict.get("key"):
        return Notice(verdict["key"], verdict.get("params") or {})
    message = verdict.get("message") or {}
    if message:
        english = message.get("en", "")
        return Notice("check.author", {"en": english, "ko": message.get("ko") or english})
    return Notice("check.no_result")


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
    check_timeout: float = CHECK_TIMEOUT_S,
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
        verdict = await _check(session, step.check, check_timeout)
        checked, passed = True, bool(verdict.get("passed"))
        message = verdict_notice(verdict)
    elif result.ok:
        passed = True
    run = StepRun(lesson_id, step.id, code, result, checked, passed, message)
    if record is not None:
        record(run)
    return run


async def _check(session: Kernel, source: str, timeout: float) -> dict[str, Any]:
    """The check's verdict; a check that runs past `timeout` is interrupted and fails."""
    from studytorch.kernel.session import KernelError

    checking = asyncio.ensure_future(session.check(source))
    try:
        return await asyncio.wait_for(asyncio.shield(checking), timeout)
    except asyncio.TimeoutError:
        pass
    with contextlib.suppress(KernelError):
        await session.interrupt()
    try:
        await asyncio.wait_for(checking, SETTLE_S)
    except (asyncio.TimeoutError, KernelError):
        checking.cancel()
    return {"passed": False, "why": Notice("check.timed_out", {"seconds": timeout})}
