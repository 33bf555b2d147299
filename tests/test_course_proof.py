"""The whole course proves itself on a real CPU kernel: solutions pass, starters fail, and every
wrong answer fails with the reason it declares."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from studytorch.course import Lesson, Localized, Step, WrongAnswer, load_course
from studytorch.course.checker import check_course, prove
from studytorch.kernel import Done, Error, Event, KernelError, KernelSession, Summary
from studytorch.notice import Notice
from studytorch.ui_text import say

pytestmark = [pytest.mark.kernel, pytest.mark.asyncio(loop_scope="module")]


async def test_every_step_of_every_lesson_passes_studytorch_check(warm_kernel: KernelSession):
    report = load_course()
    assert not report.errors, [str(e) for e in report.errors]
    verdicts = await asyncio.wait_for(check_course(warm_kernel, report.lessons), 1500)
    failed = [f"{v.lesson}/{v.step}: {say(v.detail)}" for v in verdicts if not v.passed]
    assert not failed, "\n".join(failed)
    proven = ("proof.proven", "proof.proven_one_wrong", "proof.proven_wrong")
    checked = [v for v in verdicts if v.detail.key in proven]
    assert len(checked) >= 60
    # Every wrong answer of the course was run and rejected for its own reason.
    wrong = sum(len(step.wrong) for lesson in report.lessons for step in lesson.steps)
    assert sum(v.wrong[0] for v in verdicts) == sum(v.wrong[1] for v in verdicts) == wrong
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


class ScriptedSession:
    """A kernel whose check passes only `y = 2` and otherwise says what y is; it counts the
    runs it serves, to see lessons spread over several kernels."""

    booting: list[int] = []

    def __init__(self, boots: bool = True) -> None:
        self.last = ""
        self.lessons: list[str] = []
        self.boots = boots
        self.started = self.closed = False

    async def start(self) -> None:
        self.started = True
        self.booting.append(id(self))
        await asyncio.sleep(0.01)
        if not self.boots:
            self.booting.remove(id(self))
            error = "Kernel died before replying to kernel_info"
            raise KernelError(Notice("kernel.no_answer", {"error": error}))

    async def ready(self) -> dict:
        self.booting.remove(id(self))
        return {}

    async def shutdown(self) -> None:
        self.closed = True

    async def reset(self) -> None:
        pass

    async def restart(self) -> None:
        pass

    async def check(self, source: str) -> dict:
        if self.last.endswith("y = 2"):
            return {"passed": True, "message": None}
        return {"passed": False, "message": {"en": f"y is not 2 ({self.last})", "ko": "아님"}}

    async def execute(self, code: str, timeout: float | None = None) -> AsyncIterator[Event]:
        self.last = code.strip()
        self.lessons.append(code)
        await asyncio.sleep(0)  # let another kernel's run interleave, as real ones do
        if "raise" in code:
            error = {"type": "ValueError", "message": "bad value"}
            yield Error(error["type"], error["message"], [])
            yield Summary({"kind": "run", "error": error})
            yield Done("error", 0.01)
        else:
            yield Summary({"kind": "run", "error": None})
            yield Done("ok", 0.01)


def _lesson(lesson_id: str, *wrong: WrongAnswer) -> Lesson:
    text = Localized(lesson_id, lesson_id)
    step = Step("s", text, text, "y = 1", solution="y = 2", check="expect(y == 2)", wrong=wrong)
    return Lesson(lesson_id, text, (step,))


async def test_each_wrong_answer_must_fail_with_its_own_reason() -> None:
    lesson = _lesson(
        "w",
        WrongAnswer("three", "y = 3", "y is not 2"),  # rejected for its reason
        WrongAnswer("typed", "y = 2", "y is not 2"),  # the check accepts it
        WrongAnswer("other", "y = 4", "y should be an int"),  # rejected for another reason
        WrongAnswer("raises", "raise ValueError", "ValueError: bad value"),
    )
    [verdict] = await check_course(ScriptedSession(), [lesson])  # type: ignore[arg-type]
    assert not verdict.passed
    assert verdict.wrong == (2, 4)
    assert say(verdict.detail) == (
        "wrong_typed.py passes the check (it should fail: y is not 2); "
        "wrong_other.py fails with 'y is not 2 (y = 4)', not with 'y should be an int'"
    )
    good = _lesson("g", WrongAnswer("three", "y = 3", "y is not 2"))
    [verdict] = await check_course(ScriptedSession(), [good])  # type: ignore[arg-type]
    assert verdict.passed and verdict.wrong == (1, 1)
    assert say(verdict.detail) == "solution passes, starter fails, 1 wrong answer rejected"


async def test_lessons_spread_over_kernels_and_come_back_in_course_order() -> None:
    lessons = [_lesson(f"l{n}", WrongAnswer("three", "y = 3", "y is not 2")) for n in range(5)]
    kernels = [ScriptedSession(), ScriptedSession()]
    verdicts = await check_course(kernels, lessons)  # type: ignore[arg-type]
    assert [v.lesson for v in verdicts] == [f"l{n}" for n in range(5)]
    assert all(v.passed for v in verdicts)
    assert all(kernel.lessons for kernel in kernels), "a kernel stayed idle"


async def test_extra_kernels_boot_one_after_another_and_one_that_fails_is_not_fatal() -> None:
    lessons = [_lesson(f"l{n}", WrongAnswer("three", "y = 3", "y is not 2")) for n in range(4)]
    made: list[ScriptedSession] = []
    overlaps: list[int] = []

    def new_session() -> ScriptedSession:
        # The second kernel does not start, nor does the one made to try again (made[3]).
        session = ScriptedSession(boots=len(made) not in (1, 3))
        made.append(session)
        return session

    async def watch() -> None:
        while True:
            overlaps.append(len(ScriptedSession.booting))
            await asyncio.sleep(0.001)

    watcher = asyncio.ensure_future(watch())
    verdicts, problems = await prove(new_session, lessons, jobs=3)  # type: ignore[arg-type]
    watcher.cancel()
    assert max(overlaps) == 1, "two kernels booted side by side"
    assert [v.lesson for v in verdicts] == ["l0", "l1", "l2", "l3"]
    assert all(v.passed for v in verdicts)
    assert len(problems) == 1 and "kernel 2 did not start" in say(problems[0])
    # The third kernel booted after the second failed (it may find no lesson left to take).
    assert made[2].started and made[3].started and made[0].lessons and not made[1].lessons
    assert made[1].closed and all(session.closed for session in made)


async def test_an_extra_kernel_taken_for_dead_once_is_started_again() -> None:
    made: list[ScriptedSession] = []

    def new_session() -> ScriptedSession:
        made.append(ScriptedSession(boots=len(made) != 1))
        return made[-1]

    lessons = [_lesson(f"l{n}") for n in range(3)]
    verdicts, problems = await prove(new_session, lessons, jobs=2)  # type: ignore[arg-type]
    assert problems == [] and len(verdicts) == 3 and len(made) == 3 and made[2].started


async def test_the_first_kernel_failing_to_start_fails_the_proof() -> None:
    with pytest.raises(KernelError):
        await prove(lambda: ScriptedSession(boots=False), [_lesson("l0")], jobs=2)  # type: ignore[arg-type,return-value]
