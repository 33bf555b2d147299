"""Mistakes that raise nothing, caught in a real kernel and shown beside the run as warnings."""

from __future__ import annotations

import asyncio

import pytest
import pytest_asyncio

from conftest import RUN_LIMIT_S, run_events
from studytorch import console
from studytorch.course.loader import load_course
from studytorch.kernel import KernelSession, RunResult

pytestmark = [pytest.mark.kernel, pytest.mark.asyncio(loop_scope="module")]

SETUP = """
torch.manual_seed(0)
x = torch.randn(32, 3)
y = x.sum(dim=1, keepdim=True)
model = torch.nn.Sequential(torch.nn.Linear(3, 8), torch.nn.Dropout(0.2), torch.nn.Linear(8, 1))
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
"""
"""Lines 2-6; the snippets below start on line 7."""

CORRECT = """
for step in range(5):
    optimizer.zero_grad()
    loss = torch.nn.functional.mse_loss(model(x), y)
    loss.backward()
    optimizer.step()
model.eval()
with torch.no_grad():
    predictions = model(x).squeeze(1)
"""


@pytest_asyncio.fixture(loop_scope="module")
async def kernel(warm_kernel: KernelSession) -> KernelSession:
    await asyncio.wait_for(warm_kernel.reset(), RUN_LIMIT_S)
    return warm_kernel


async def run(session: KernelSession, code: str, ok: bool = True) -> RunResult:
    result = RunResult()
    for _, event in await run_events(session, code):
        result.add(event)
    assert result.ok or not ok, result.error
    return result


def by_kind(result: RunResult) -> dict[str, dict]:
    return {w["kind"]: w for w in result.to_json()["warnings"]}


async def test_a_correct_training_loop_and_evaluation_get_no_warning(kernel):
    result = await run(kernel, SETUP + CORRECT)
    assert result.to_json()["warnings"] == []


async def test_an_attribute_one_letter_off_is_named_with_the_real_one(kernel):
    code = "w = torch.ones(3)\nw.required_grad = True\nmodel = torch.nn.Linear(2, 1)\n"
    code += "model.trian = False\nw.requires_grad = True\n"
    result = await run(kernel, code)
    typos = [w for w in result.to_json()["warnings"] if w["kind"] == "attribute_typo"]
    assert [w["line"] for w in typos] == [2, 4]  # the correct spelling on line 5 is not flagged
    assert "`required_grad`" in typos[0]["en"] and "`requires_grad`?" in typos[0]["en"]
    assert "`requires_grad`" in typos[0]["ko"]
    assert "did you mean `train`?" in typos[1]["en"]
    assert "`train` 속성을" in typos[1]["ko"]


async def test_setting_lr_on_the_optimizer_itself_says_where_the_rate_lives(kernel):
    result = await run(kernel, SETUP + "optimizer.lr = 0.001\n")
    warning = by_kind(result)["optimizer_lr"]
    assert warning["line"] == 7
    assert "for group in optimizer.param_groups: group['lr'] = ..." in warning["en"]
    assert "param group" in warning["ko"]


async def test_a_loop_without_step_says_the_weights_never_changed(kernel):
    code = SETUP + (
        "model.eval()\n"  # no dropout noise: the loss is the same every time
        "for step in range(4):\n"
        "    optimizer.zero_grad()\n"
        "    loss = torch.nn.functional.mse_loss(model(x), y)\n"
        "    loss.backward()\n"
    )
    result = await run(kernel, code)
    losses = result.summary["metrics"]["loss"]
    assert len(set(losses)) == 1
    warning = by_kind(result)["no_step"]
    assert f"the loss stayed at {losses[0]:.4g} over 4 steps" in warning["en"]
    assert "`optimizer.step()` was never called" in warning["en"]
    assert "`optimizer.step()`" in warning["ko"]


async def test_a_loop_without_zero_grad_says_the_gradients_pile_up(kernel):
    code = SETUP + (
        "for step in range(3):\n"
        "    loss = torch.nn.functional.mse_loss(model(x), y)\n"
        "    loss.backward()\n"
        "    optimizer.step()\n"
    )
    result = await run(kernel, code)
    warning = by_kind(result)["grad_accumulates"]
    assert "after step 1" in warning["en"]
    assert "`optimizer.zero_grad()`" in warning["en"] and "`optimizer.zero_grad()`" in warning["ko"]
    assert "no_step" not in by_kind(result)


async def test_gradients_accumulated_on_purpose_between_steps_are_not_flagged(kernel):
    code = SETUP + (
        "for step in range(3):\n"
        "    optimizer.zero_grad()\n"
        "    for half in (x[:16], x[16:]):\n"
        "        loss = torch.nn.functional.mse_loss(model(half), y[: len(half)])\n"
        "        loss.backward()\n"
        "    optimizer.step()\n"
    )
    result = await run(kernel, code)
    assert "grad_accumulates" not in by_kind(result)


async def test_evaluating_without_eval_names_the_model_and_its_dropout(kernel):
    code = SETUP + "with torch.no_grad():\n    predictions = model(x)\n"
    result = await run(kernel, code)
    warning = by_kind(result)["eval_forgotten"]
    assert "model ran without gradients" in warning["en"]
    assert "Dropout" in warning["en"] and "`model.eval()`" in warning["ko"]


async def test_squeeze_of_a_dimension_that_is_not_one_is_flagged_with_its_line(kernel):
    code = "x = torch.ones(4, 3)\ny = x.squeeze(1)\nz = torch.squeeze(x, 0)\n"
    code += "ok = torch.ones(4, 1).squeeze(1)\n"
    result = await run(kernel, code)
    squeezes = [w for w in result.to_json()["warnings"] if w["kind"] == "squeeze_no_op"]
    assert [w["line"] for w in squeezes] == [2, 3]
    assert "`squeeze(1)` on a tensor of shape (4, 3) did nothing" in squeezes[0]["en"]
    assert "dimension 1 has size 3" in squeezes[0]["en"]
    assert "1번 차원의 크기가 1이 아니라 3" in squeezes[0]["ko"]
    assert result.summary["tensors"][1]["shape"] == [4, 3]  # the learner's result is unchanged


async def test_a_loss_that_turns_nan_names_the_first_step(kernel):
    code = (
        "w = torch.tensor(1.0, requires_grad=True)\n"
        "for step in range(5):\n"
        "    loss = torch.log(w - step * 0.5)\n"
    )
    result = await run(kernel, code)
    warning = by_kind(result)["nan_loss"]
    # log(1), log(0.5), log(0) = -inf: the third step
    assert "became -inf at step 3" in warning["en"]
    assert "3번째 step" in warning["ko"]


async def test_the_cli_prints_warnings_after_the_run(kernel, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    result = await run(kernel, "x = torch.ones(4, 3)\ny = x.squeeze(1)\n")
    console.report(result)
    printed = capsys.readouterr().err
    assert "2번째 줄: 모양 (4, 3)인 텐서에 `squeeze(1)`" in printed


@pytest.mark.parametrize(
    ("lesson_id", "step_id", "kind"),
    [
        ("training-loop", "forgot-zero-grad", "grad_accumulates"),
        ("putting-it-together", "evaluate", "eval_forgotten"),
    ],
)
async def test_the_lessons_planted_mistakes_are_warned_about_and_their_fixes_are_not(
    kernel, lesson_id, step_id, kind
):
    lessons = {lesson.id: lesson for lesson in load_course().lessons}
    step = next(s for s in lessons[lesson_id].steps if s.id == step_id)
    starter = await run(kernel, step.starter, ok=False)  # a starter may also fail its step
    assert kind in by_kind(starter)
    await asyncio.wait_for(kernel.reset(), RUN_LIMIT_S)
    solved = await run(kernel, step.solution)
    assert solved.to_json()["warnings"] == []
