"""Predict cards run live in a real kernel; `studytorch check` proves what they claim."""

from __future__ import annotations

import pytest

from conftest import run_events
from studytorch.course import Lesson, Localized
from studytorch.course.checker import check_card
from studytorch.course.model import Card
from studytorch.course.predict import last_line, matches, run_card
from studytorch.kernel import KernelSession

pytestmark = [pytest.mark.kernel, pytest.mark.asyncio(loop_scope="module")]

QUESTION = Localized("What does this print?", "이 코드는 무엇을 출력할까요?")


def predict(code: str, answer: str) -> Card:
    return Card(QUESTION, answer, "predict", code)


LESSON = Lesson("shape-ops", Localized("Shapes", "모양"), ())


async def test_a_predict_card_runs_live_and_leaves_the_learners_variables_alone(
    warm_kernel: KernelSession,
):
    await run_events(warm_kernel, "x = 'the learner'\n")
    card = predict("x = torch.arange(6)\nprint(x.view(3, -1).shape)\n", "torch.Size([3, 2])")
    ran = await run_card(warm_kernel, card)
    assert ran.error is None
    assert ran.answer == "torch.Size([3, 2])"
    events = await run_events(warm_kernel, "print(x)\n")
    assert "the learner" in "".join(getattr(e, "text", "") for _, e in events)


async def test_check_proves_a_right_card_and_names_what_a_wrong_one_prints(
    warm_kernel: KernelSession,
):
    code = "a = torch.ones(2, 1)\nb = torch.ones(3)\nprint((a + b).shape)\n"
    right = await check_card(warm_kernel, LESSON, 0, predict(code, "torch.Size([2, 3])"))
    assert right.passed and right.step == "card 1"
    wrong = await check_card(warm_kernel, LESSON, 1, predict(code, "torch.Size([3, 2])"))
    assert not wrong.passed
    assert "prints 'torch.Size([2, 3])', the card says 'torch.Size([3, 2])'" in wrong.detail
    broken = await check_card(
        warm_kernel, LESSON, 2, predict("print(torch.ones(2) @ torch.ones(3))\n", "x")
    )
    assert not broken.passed and "RuntimeError" in broken.detail


def test_the_answer_is_the_last_printed_line_and_spaces_do_not_matter() -> None:
    assert last_line("tensor([1, 2])\ntorch.Size([2])  \n\n") == "torch.Size([2])"
    assert matches("tensor([1,2])", "tensor([1, 2])")
    assert not matches("tensor([1, 3])", "tensor([1, 2])")
