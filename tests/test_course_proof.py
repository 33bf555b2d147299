"""The whole course proves itself on a real CPU kernel: solutions pass, starters fail."""

from __future__ import annotations

import asyncio

import pytest

from studytorch.course import load_course
from studytorch.course.checker import check_course
from studytorch.kernel import KernelSession

pytestmark = [pytest.mark.kernel, pytest.mark.asyncio(loop_scope="module")]


async def test_every_step_of_every_lesson_passes_studytorch_check(warm_kernel: KernelSession):
    report = load_course()
    assert not report.errors, [str(e) for e in report.errors]
    verdicts = await asyncio.wait_for(check_course(warm_kernel, report.lessons), 600)
    failed = [f"{v.lesson}/{v.step}: {v.detail}" for v in verdicts if not v.passed]
    assert not failed, "\n".join(failed)
    checked = [v for v in verdicts if v.detail == "solution passes, starter fails"]
    assert len(checked) >= 25
