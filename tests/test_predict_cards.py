"""Predict cards run live in a real kernel; `studytorch check` proves what they claim."""

from __future__ import annotations

import pytest

from conftest import run_events
from studytorch.course import Lesson, Localized
from studytorch.course.checker import check_card
from studytorch.course.model import Card
from studytorch.course.predict import run_card
from studytorch.kernel import KernelSession
from studytorch.ui_text import say

pytestmark = [pytest.mark.kernel, pytest.mark.asyncio(loop_scope="module")]

QUESTION = Localized("What does this print?", "이 코드는 무엇을 출력할까요?")


def predict(code: str, answer: str) -> Card:
    return Card(QUESTION, answer, "predict", code)


LESSON = Lesson("shape-ops", Localized("Shapes", "모양"), ())


async def test_a_predict_card_runs_live_in_a_namespace_of_its_own(
    warm_kernel: KernelSession,
):
    await run_events(warm_kernel, "x = 'the learner'\n")
    card = predict("x = torch.arange(6)\nprint(x.view(3, -1).shape)\n", "torch.Size([3, 2])")
    ran = await run_card(warm_kernel, card)
    assert ran.error is None
    assert ran.answer == "torch.Size([3, 2])"
    assert ran.shapes == (("x", [6]),), "the shapes beside the prediction"
    # Like every run, a card starts from a clean namespace: nothing of the lesson's leaks in.
    leak = await run_card(warm_kernel, predict("print('x' in globals())\n", "False"))
    assert leak.answer == "False"


async def test_check_proves_a_right_card_and_names_what_a_wrong_one_prints(
    warm_kernel: KernelSession,
):
    code = "a = torch.ones(2, 1)\nb = torch.ones(3)\nprint((a + b).shape)\n"
    right = await check_card(warm_kernel, LESSON, 0, predict(code, "torch.Size([2, 3])"))
    assert right.passed and right.step == "card 1"
    wrong = await check_card(warm_kernel, LESSON, 1, predict(code, "torch.Size([3, 2])"))
    assert not wrong.passed
    assert "prints 'torch.Size([2, 3])', the card says 'torch.Size([3, 2])'" in say(wrong.detail)
    broken = await check_card(
        warm_kernel, LESSON, 2, predict("print(torch.ones(2) @ torch.ones(3))\n", "x")
    )
    assert not broken.passed and "RuntimeError" in say(broken.detail)


async def test_the_review_screen_runs_a_predict_card_live_in_the_kernel(
    warm_kernel: KernelSession, tmp_path
):
    from textual.widgets import Static

    from studytorch.app import StudyApp
    from studytorch.course import LoadReport, Step
    from studytorch.screens.review import ReviewScreen
    from studytorch.store import Store
    from test_app import SharedSession

    # A broadcast the learner might get wrong: the card's answer is what the kernel prints.
    card = predict("a = torch.ones(2, 1)\nb = torch.ones(3)\nprint((a + b).shape)\n", "unused")
    step = Step("s", QUESTION, QUESTION, "x = 1\n")
    course = LoadReport([Lesson("shape-ops", QUESTION, (step,), (card,))])
    app = StudyApp(
        session=SharedSession(warm_kernel),
        store=Store(tmp_path / "db.sqlite3"),
        course=course,
        lang="en",
        review=["shape-ops"],
    )
    async with app.run_test(size=(80, 24)) as pilot:
        while not (isinstance(app.screen, ReviewScreen) and app.screen.item is not None):
            await pilot.pause(0.05)
        await pilot.press(*"torch.Size([2, 3])", "enter")

        def answer() -> str:
            return str(app.screen.query_one("#review-answer", Static).render())

        for _ in range(1200):
            if "printed" in answer():
                break
            await pilot.pause(0.05)
        assert "The kernel printed" in answer()
        assert "torch.Size([2, 3])" in answer() and "✓ exact match" in answer()
