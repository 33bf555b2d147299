"""Prove a lesson: every solution passes its check, every starter with a check does not."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from studytorch.course.model import Card, Lesson, Step
from studytorch.course.predict import run_card
from studytorch.course.runner import StepRun, run_step
from studytorch.kernel import KernelError
from studytorch.notice import Notice

if TYPE_CHECKING:
    from studytorch.kernel.protocol import Kernel

STEP_TIMEOUT_S = 60.0
"""Default limit for each run of a step's code and for each run of its check."""


@dataclass(frozen=True)
class StepVerdict:
    lesson: str
    step: str
    passed: bool
    detail: Notice
    """What was tried and, on failure, what went wrong."""


async def attempt(
    session: Kernel, step: Step, code: str, timeout: float = STEP_TIMEOUT_S
) -> StepRun:
    """Run `code` as the learner's snippet for `step`, then the step's check if it has one."""
    run = await run_step(session, "", step, code, timeout=timeout, check_timeout=timeout)
    if run.result.gpu_broken:
        # A starter's device-side assert would fail every later step on this GPU (an attached
        # kernel cannot be restarted: the later steps then say why they fail).
        with contextlib.suppress(KernelError):
            await session.restart()
    return run


def _reason(run: StepRun, timeout: float) -> Notice:
    if run.result.status == "timeout":
        return Notice("proof.timed_out", {"seconds": timeout})
    return run.reason()


async def check_step(
    session: Kernel, lesson: Lesson, step: Step, timeout: float = STEP_TIMEOUT_S
) -> StepVerdict:
    def verdict(passed: bool, key: str, **params: object) -> StepVerdict:
        return StepVerdict(lesson.id, step.id, passed, Notice(key, params))

    solved = await attempt(session, step, step.solution or step.starter, timeout)
    if not solved.passed:
        key = "proof.solution_fails" if step.solution else "proof.starter_fails"
        return verdict(False, key, why=_reason(solved, timeout))
    if step.check is None:
        return verdict(True, "proof.runs")
    started = await attempt(session, step, step.starter, timeout)
    if started.passed:
        return verdict(False, "proof.starter_passes")
    return verdict(True, "proof.proven")


async def check_card(session: Kernel, lesson: Lesson, index: int, card: Card) -> StepVerdict:
    """A predict card is right when the last line its code prints is its answer."""
    name = f"card {index + 1}"
    ran = await run_card(session, card)
    if ran.error is not None:
        why = Notice("proof.card_fails", {"error": ran.error})
        return StepVerdict(lesson.id, name, False, why)
    if ran.answer != card.answer:
        why = Notice("proof.card_wrong", {"printed": ran.answer, "answer": card.answer})
        return StepVerdict(lesson.id, name, False, why)
    return StepVerdict(lesson.id, name, True, Notice("proof.card_right", {"answer": card.answer}))


async def check_course(
    session: Kernel, lessons: Iterable[Lesson], timeout: float = STEP_TIMEOUT_S
) -> list[StepVerdict]:
    """Every step and predict card of every lesson; one that times out fails, the proof goes on."""
    verdicts = []
    for lesson in lessons:
        for step in lesson.steps:
            verdicts.append(await check_step(session, lesson, step, timeout))
        for index, card in enumerate(lesson.cards):
            if card.kind == "predict":
                verdicts.append(await check_card(session, lesson, index, card))
    return verdicts
