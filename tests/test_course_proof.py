"""The whole course proves itself on a real CPU kernel: solutions pass, starters fail."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from studytorch.course import Lesson, Localized, Step, load_course
from studytorch.course.checker import check_course
from studytorch.kernel import Done, Error, Event, KernelSession, Summary
from studytorch.notice import Notice
from studytorch.ui_text import say

pytestmark = [pytest.mark.kernel, pytest.mark.asyncio(loop_scope="module")]


async def test_every_step_of_every_lesson_passes_studytorch_check(warm_kernel: KernelSession):
    report = load_course()
    assert not report.errors, [str(e) for e in report.errors]
    verdicts = await asyncio.wait_for(check_course(warm_kernel, report.lessons), 600)
    failed = [f"{v.lesson}/{v.step}: {say(v.detail)}" for v in verdicts if not v.passed]
    assert not failed, "\n".join(failed)
    checked = [v for v in verdicts if v.detail == Notice("proof.proven")]
    assert len(checked) >= 60
    # Every predict card was proven too: its code prints its answer.
    predict = [c for lesson in report.lessons for c in lesson.cards if c.kind == "predict"]
    proven = [v for v in verdicts if v.step.startswith("card ")]
    assert len(predict) >= len(report.lessons) and len(proven) == len(predict)


class StickyGpuSession:
    """A kernel on a GPU as far as the checker sees it: a snippet that trips a device-side
    assert leaves every later run failing until the kernel restarts."""

    def __init__(self) -> None:
        self.broken = False
        self.restarts = 0
        self.last = ""

    async def reset(self) -> None:
        pass

    async def restart(self) -> None:
        self.restarts += 1
        self.broken = False

    async def check(self, source: str) -> dict:
        return {"passed": self.last == "solved = 1", "message": None}

    async def execute(self, code: str, timeout: float | None = None) -> AsyncIterator[Event]:
        self.last = code
        if self.broken or "bad_label" in code:
            self.broken = True
            error = {"type": "AcceleratorError", "message": "CUDA error: device-side assert"}
            yield Error(error["type"], error["message"], [])
            yield Summary({"kind": "run", "error": error, "gpu_broken": True})
            yield Done("error", 0.01)
        else:
            yield Summary({"kind": "run", "error": None})
            yield Done("ok", 0.01)


async def test_a_starter_that_breaks_the_gpu_does_not_fail_the_steps_after_it() -> None:
    def step(name: str, starter: str) -> Step:
        text = Localized(name, name)
        return Step(name, text, text, starter, solution="solved = 1", check="expect(solved)")

    lesson = Lesson(
        "gpu", Localized("GPU", "GPU"), (step("one", "bad_label"), step("two", "x = 1"))
    )
    session = StickyGpuSession()
    verdicts = await check_course(session, [lesson])  # type: ignore[arg-type]
    assert [v.passed for v in verdicts] == [True, True], verdicts
    assert session.restarts == 1
