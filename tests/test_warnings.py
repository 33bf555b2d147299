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


# --- silent mistakes in training code (kernel/probe/silent.py) ----------------------------------

CLASSIFY = """
torch.manual_seed(0)
x = torch.randn(32, 4)
labels = torch.randint(0, 3, (32,))
model = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.ReLU(), torch.nn.Linear(8, 3))
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
criterion = torch.nn.CrossEntropyLoss()
running_loss = 0.0
for step in range(3):
    optimizer.zero_grad()
    scores = model(x)
    loss = criterion(scores, labels)
    loss.backward()
    optimizer.step()
    running_loss += loss.item()
"""


@pytest.mark.parametrize(
    ("kind", "mistake", "fixed", "said"),
    [
        (
            "softmax_before_cross_entropy",
            ("scores = model(x)", "scores = torch.softmax(model(x), dim=1)"),
            None,
            "`nn.CrossEntropyLoss`, which applies its own (log-)softmax",
        ),
        (
            "softmax_before_cross_entropy",  # nn.Softmax as the model's last layer
            ("torch.nn.Linear(8, 3))", "torch.nn.Linear(8, 3), torch.nn.Softmax(dim=1))"),
            None,
            "drop the `softmax` / `nn.Softmax`",
        ),
        (
            "total_keeps_graph",
            ("running_loss += loss.item()", "running_loss += loss"),
            None,
            "line 15 (`running_loss += loss`) adds the loss tensor itself",
        ),
        (
            "module_requires_grad",
            ("criterion = ", "model[0].requires_grad = False\ncriterion = "),
            ("criterion = ", "model[0].requires_grad_(False)\ncriterion = "),
            "`model[0].requires_grad_(False)`",
        ),
    ],
)
async def test_a_silent_mistake_in_a_classifier_is_warned_and_its_fix_is_not(
    kernel, kind, mistake, fixed, said
):
    wrong = await run(kernel, CLASSIFY.replace(*mistake))
    assert kind in by_kind(wrong), wrong.to_json()["warnings"]
    assert said in by_kind(wrong)[kind]["en"]
    assert by_kind(wrong)[kind]["ko"]
    await asyncio.wait_for(kernel.reset(), RUN_LIMIT_S)
    right = await run(kernel, CLASSIFY.replace(*fixed) if fixed else CLASSIFY)
    assert right.to_json()["warnings"] == []


async def test_a_regression_loss_between_n_by_1_and_n_is_warned_with_the_shapes(kernel):
    code = (
        "x = torch.randn(16, 3)\ny = x.sum(dim=1)\nmodel = torch.nn.Linear(3, 1)\n"
        "loss = torch.nn.MSELoss()(model(x), y)\n"
    )
    warning = by_kind(await run(kernel, code))["loss_broadcasts"]
    assert warning["line"] == 4
    assert "shape (16, 1) with a target of shape (16,)" in warning["en"]
    assert "`output.squeeze(1)`" in warning["en"] and "(16, 1)" in warning["ko"]
    await asyncio.wait_for(kernel.reset(), RUN_LIMIT_S)
    fixed = code.replace("model(x), y", "model(x).squeeze(1), y")
    assert (await run(kernel, fixed)).to_json()["warnings"] == []


async def test_a_sigmoid_before_bce_with_logits_is_warned(kernel):
    code = (
        "x = torch.randn(8, 2)\ntarget = torch.ones(8, 1)\nmodel = torch.nn.Linear(2, 1)\n"
        "loss = torch.nn.BCEWithLogitsLoss()(torch.sigmoid(model(x)), target)\n"
    )
    assert "sigmoid_before_bce_with_logits" in by_kind(await run(kernel, code))
    await asyncio.wait_for(kernel.reset(), RUN_LIMIT_S)
    fixed = code.replace("torch.sigmoid(model(x))", "model(x)")
    assert (await run(kernel, fixed)).to_json()["warnings"] == []


async def test_a_total_that_is_differentiated_on_purpose_is_not_flagged(kernel):
    code = (
        "w = torch.ones(2, requires_grad=True)\ntotal = 0\nfor part in range(3):\n"
        "    total = total + (w * part).sum()\ntotal.backward()\n"
    )
    assert (await run(kernel, code)).to_json()["warnings"] == []


TUTORIALS = {
    "quickstart": """
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset
torch.manual_seed(0)
images = torch.randn(64, 1, 28, 28)
targets = torch.randint(0, 10, (64,))
train = DataLoader(TensorDataset(images, targets), batch_size=16, shuffle=True)
class NeuralNetwork(nn.Module):
    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()
        self.stack = nn.Sequential(nn.Linear(28 * 28, 64), nn.ReLU(), nn.Linear(64, 10))
    def forward(self, x):
        return self.stack(self.flatten(x))
model = NeuralNetwork().to(device)
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=1e-3)
for epoch in range(2):
    model.train()
    total = 0.0
    for X, y in train:
        X, y = X.to(device), y.to(device)
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        total += loss.item()
    model.eval()
    correct = 0
    with torch.no_grad():
        for X, y in train:
            pred = model(X.to(device))
            correct += (pred.argmax(1) == y.to(device)).type(torch.float).sum().item()
            probs = F.softmax(pred, dim=1)
""",
    "polynomial": """
import math
x = torch.linspace(-math.pi, math.pi, 200)
y = torch.sin(x)
p = torch.tensor([1, 2, 3])
xx = x.unsqueeze(-1).pow(p)
model = nn.Sequential(nn.Linear(3, 1), nn.Flatten(0, 1))
loss_fn = nn.MSELoss(reduction="sum")
optimizer = torch.optim.RMSprop(model.parameters(), lr=1e-3)
for t in range(50):
    y_pred = model(xx)
    loss = loss_fn(y_pred, y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
a = torch.randn((), requires_grad=True)
b = torch.randn((), requires_grad=True)
for t in range(20):
    y_pred = a + b * x
    loss = (y_pred - y).pow(2).sum()
    loss.backward()
    with torch.no_grad():
        a -= 1e-4 * a.grad
        b -= 1e-4 * b.grad
        a.grad = None
        b.grad = None
""",
    "fine_tune": """
torch.manual_seed(0)
backbone = nn.Sequential(nn.Linear(8, 16), nn.ReLU())
head = nn.Linear(16, 1)
model = nn.Sequential(backbone, head)
backbone.requires_grad_(False)
x = torch.randn(32, 8)
target = torch.rand(32, 1)
optimizer = torch.optim.Adam(head.parameters(), lr=0.01)
criterion = nn.BCEWithLogitsLoss()
history = []
for epoch in range(3):
    optimizer.zero_grad()
    logits = model(x)
    loss = criterion(logits, target)
    loss.backward()
    optimizer.step()
    history.append(loss.detach())
model.eval()
with torch.no_grad():
    probs = torch.sigmoid(model(x))
""",
}


@pytest.mark.parametrize("name", sorted(TUTORIALS))
async def test_tutorial_style_programs_raise_no_warning(kernel, name):
    result = await run(kernel, TUTORIALS[name])
    assert result.to_json()["warnings"] == []


async def test_no_solution_of_the_course_raises_a_warning(kernel):
    warned = []
    for lesson in load_course().lessons:
        for step in lesson.steps:
            if not step.solution.strip():
                continue
            await asyncio.wait_for(kernel.reset(), RUN_LIMIT_S)
            result = await run(kernel, step.solution, ok=False)
            kinds = [w["kind"] for w in result.to_json()["warnings"]]
            if kinds:
                warned.append(f"{lesson.id}/{step.id}: {kinds}")
    assert warned == []


async def test_freezing_a_named_submodule_with_the_attribute_is_warned(kernel):
    code = (
        "class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
        "        self.backbone = nn.Linear(4, 4)\n        self.head = nn.Linear(4, 2)\n"
        "model = Net()\nmodel.backbone.requires_grad = False\n"
    )
    warning = by_kind(await run(kernel, code))["module_requires_grad"]
    assert warning["line"] == 7
    assert "`model.backbone.requires_grad_(False)`" in warning["en"]
    assert "`model.backbone.requires_grad_(False)`" in warning["ko"]
    await asyncio.wait_for(kernel.reset(), RUN_LIMIT_S)
    fixed = code.replace(".requires_grad = False", ".requires_grad_(False)")
    assert (await run(kernel, fixed)).to_json()["warnings"] == []


async def test_a_method_written_without_parentheses_is_warned_and_the_call_is_not(kernel):
    code = SETUP + CORRECT.replace("optimizer.step()", "optimizer.step")
    warning = by_kind(await run(kernel, code))["method_not_called"]
    assert warning["line"] == 12
    assert "`optimizer.step()`" in warning["en"] and "weights are not updated" in warning["en"]
    assert "`optimizer.step()`" in warning["ko"]
    await asyncio.wait_for(kernel.reset(), RUN_LIMIT_S)
    code = SETUP + CORRECT.replace("loss.backward()", "loss.backward")
    assert (
        "no gradients are computed" in by_kind(await run(kernel, code))["method_not_called"]["en"]
    )
