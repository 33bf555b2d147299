"""Prove a lesson: every solution passes its check, every starter with a check does not."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from studytorch.course.model import Lesson, Step
from studytorch.kernel import KernelError
from studytorch.kernel.result import RunResult, collect

if TYPE_CHECKING:
    from studytorch.kernel.session import KernelSession

STEP_TIMEOUT_S = 60.0
"""Default limit for each run of a step's code and for each run of its check."""
SETTLE_S = 15.0
"""After an interrupt, how long a timed-out check may take to stop (the session restarts a
kernel that ignores the interrupt after a few seconds)."""


@dataclass(frozen=True)
class StepVerdict:
    lesson: str
    step: str
    passed: bool
    detail: str
    """What was tried and, on failure, what went wrong."""


@dataclass(frozen=True)
class Attempt:
    """One snippet run followed by the step's check."""

    run: RunResult
    passed: bool
    message: dict[str, str] | None
    timeout: float = STEP_TIMEOUT_S

    def reason(self, lang: str = "en") -> str:
        if self.run.status == "timeout":
            return f"timed out after {self.timeout:g} s"
        if self.run.error is not None and self.run.status != "ok":
            return f"{self.run.error['type']}: {self.run.error['message']}".strip()
        return (self.message or {}).get(lang, "")


async def attempt(
    session: KernelSession, step: Step, code: str, timeout: float = STEP_TIMEOUT_S
) -> Attempt:
    """Run `code` as the learner's snippet for `step`, then the step's check if it has one."""
    run = await collect(session.execute(code, timeout=timeout))
    if run.gpu_broken:
        # A starter's device-side assert would fail every later step on this GPU (an attached
        # kernel cannot be restarted: the later steps then say why they fail).
        with contextlib.suppress(KernelError):
            await session.restart()
    if not run.ok:
        return Attempt(run, False, None, timeout)
    if step.check is None:
        return Attempt(run, True, None, timeout)
    verdict = await _check(session, step.check, timeout)
    return Attempt(run, bool(verdict.get("passed")), verdict.get("message"), timeout)


async def _check(session: KernelSession, source: str, timeout: float) -> dict:
    """The check's verdict; a check that runs past `timeout` is interrupted and fails."""
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
    text = f"the check timed out after {timeout:g} s"
    return {
        "passed": False,
        "message": {"en": text, "ko": f"검사가 {timeout:g}초 안에 끝나지 않았습니다"},
    }


async def check_step(
    session: KernelSession, lesson: Lesson, step: Step, timeout: float = STEP_TIMEOUT_S
) -> StepVerdict:
    def verdict(passed: bool, detail: str) -> StepVerdict:
        return StepVerdict(lesson.id, step.id, passed, detail)

    await session.reset()
    solved = await attempt(session, step, step.solution or step.starter, timeout)
    if not solved.passed:
        what = "solution" if step.solution else "starter"
        return verdict(False, f"the {what} does not pass: {solved.reason()}")
    if step.check is None:
        return verdict(True, "runs")
    await session.reset()
    started = await attempt(session, step, step.starter, timeout)
    if started.passed:
        return verdict(False, "the starter already passes the check; the exercise teaches nothing")
    return verdict(True, "solution passes, starter fails")


async def check_course(
    session: KernelSession, lessons: Iterable[Lesson], timeout: float = STEP_TIMEOUT_S
) -> list[StepVerdict]:
    """Every step of every lesson; a step that times out fails and the proof goes on."""
    verdicts = []
    for lesson in lessons:
        for step in lesson.steps:
            verdicts.append(await check_step(session, lesson, step, timeout))
    return verdicts
