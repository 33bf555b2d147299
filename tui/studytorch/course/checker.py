"""Prove a lesson: every solution passes its check, every starter with a check does not, and
every wrong answer fails its check with the reason it declares; lessons run on one or more kernels.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from studytorch.course.model import Card, Lesson, Step, WrongAnswer
from studytorch.course.predict import run_card
from studytorch.course.runner import StepRun, run_step
from studytorch.kernel import KernelError
from studytorch.notice import Notice
from studytorch.ui_text import say

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
    wrong: tuple[int, int] = (0, 0)
    """Wrong answers rejected with their reason, of those the step has."""


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
    total = len(step.wrong)

    def verdict(passed: bool, key: str, rejected: int = 0, **params: object) -> StepVerdict:
        return StepVerdict(lesson.id, step.id, passed, Notice(key, params), (rejected, total))

    solved = await attempt(session, step, step.solution or step.starter, timeout)
    if not solved.passed:
        key = "proof.solution_fails" if step.solution else "proof.starter_fails"
        return verdict(False, key, why=_reason(solved, timeout))
    if step.check is None:
        return verdict(True, "proof.runs")
    started = await attempt(session, step, step.starter, timeout)
    if started.passed:
        return verdict(False, "proof.starter_passes")
    faults = [
        fault
        for wrong in step.wrong
        if (fault := await _wrong_fault(session, step, wrong, timeout)) is not None
    ]
    rejected = total - len(faults)
    if faults:
        return verdict(False, "proof.wrong_answers", rejected, faults=faults)
    if total:
        key = "proof.proven_one_wrong" if total == 1 else "proof.proven_wrong"
        return verdict(True, key, rejected, count=total)
    return verdict(True, "proof.proven", rejected)


async def _wrong_fault(
    session: Kernel, step: Step, wrong: WrongAnswer, timeout: float
) -> Notice | None:
    """None when the check rejects `wrong` with its declared reason, else what happened."""
    run = await attempt(session, step, wrong.code, timeout)
    name = f"wrong_{wrong.name}.py"
    if run.passed:
        return Notice("proof.wrong_passes", {"name": name, "reason": wrong.reason})
    said = say(_reason(run, timeout), "en")  # the lesson's reasons are written in English
    if wrong.reason not in said:
        return Notice(
            "proof.wrong_fails_else", {"name": name, "said": said, "reason": wrong.reason}
        )
    return None


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


async def check_lesson(
    session: Kernel, lesson: Lesson, timeout: float = STEP_TIMEOUT_S
) -> list[StepVerdict]:
    """Every step and predict card of one lesson, in order."""
    verdicts = [await check_step(session, lesson, step, timeout) for step in lesson.steps]
    for index, card in enumerate(lesson.cards):
        if card.kind == "predict":
            verdicts.append(await check_card(session, lesson, index, card))
    return verdicts


async def check_course(
    sessions: Kernel | Sequence[Kernel],
    lessons: Iterable[Lesson],
    timeout: float = STEP_TIMEOUT_S,
) -> list[StepVerdict]:
    """Every step and predict card of every lesson; one that times out fails, the proof goes on.

    With several sessions each takes the next lesson not yet begun, so they stay busy however
    long each lesson takes; the verdicts come back in course order whatever finished first."""
    kernels = list(sessions) if isinstance(sessions, Sequence) else [sessions]
    todo = list(lessons)
    results: list[list[StepVerdict]] = [[] for _ in todo]
    queue = iter(enumerate(todo))

    async def work(session: Kernel) -> None:
        # One lesson at a time per kernel: a lesson's steps never share a kernel with another's.
        for index, lesson in queue:
            results[index] = await check_lesson(session, lesson, timeout)

    await asyncio.gather(*(work(session) for session in kernels))
    return [verdict for verdicts in results for verdict in verdicts]


async def prove(
    new_session: Callable[[], Kernel],
    lessons: Iterable[Lesson],
    jobs: int = 1,
    timeout: float = STEP_TIMEOUT_S,
) -> tuple[list[StepVerdict], list[Notice]]:
    """Start up to `jobs` kernels and prove `lessons` on them; also returns why an extra kernel
    could not start (the others take its lessons; the first kernel's failure raises).

    Each kernel boots after the one before it is ready: booting side by side (each imports
    torch) starved the heartbeat of one on a loaded 2-core box, and the first kernel is proving
    lessons meanwhile anyway."""
    todo = list(lessons)
    sessions = [new_session() for _ in range(max(1, min(jobs, len(todo))))]
    results: list[list[StepVerdict]] = [[] for _ in todo]
    queue = iter(enumerate(todo))
    booted = [asyncio.Event() for _ in sessions]
    problems: list[Notice] = []

    first_failed = False

    async def work(number: int, session: Kernel) -> None:
        nonlocal first_failed
        if number:
            await booted[number - 1].wait()
            if first_failed:
                return
        try:
            for attempt in range(2 if number else 1):
                try:
                    await session.start()
                    await session.ready()
                    break
                except KernelError:
                    if attempt or not number:
                        raise
                    # Once more: on a loaded box a booting kernel can miss jupyter_client's
                    # 1 s heartbeat and be taken for dead ("died before replying").
                    await session.shutdown()
                    session = sessions[number] = new_session()
        except KernelError as exc:
            if not number:
                first_failed = True
                raise
            problems.append(Notice("proof.kernel_lost", {"number": number + 1, "why": exc.why}))
            return
        finally:
            booted[number].set()
        for index, lesson in queue:
            results[index] = await check_lesson(session, lesson, timeout)

    try:
        await asyncio.gather(*(work(n, session) for n, session in enumerate(sessions)))
    finally:
        await asyncio.gather(*(session.shutdown() for session in sessions), return_exceptions=True)
    return [verdict for verdicts in results for verdict in verdicts], problems
