"""Live views against a real kernel: shapes per line, graphs, live curves, batches, grad changes."""

from __future__ import annotations

import asyncio
import json

import pytest
import pytest_asyncio

from conftest import RUN_LIMIT_S, run_events
from studytorch.kernel import Done, Error, KernelSession, RunResult, Summary

pytestmark = [pytest.mark.kernel, pytest.mark.asyncio(loop_scope="module")]

TRAINING = """
torch.manual_seed(0)
x = torch.randn(64, 3, device=device)
y = x.sum(dim=1, keepdim=True)
data = torch.utils.data.TensorDataset(x, y)
loader = torch.utils.data.DataLoader(data, batch_size=16, shuffle=True)
model = torch.nn.Linear(3, 1).to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(3):
    for xb, yb in loader:
        optimizer.zero_grad()
        outputs = model(xb)
        loss = torch.nn.functional.mse_loss(outputs, yb)
        loss.backward()
        optimizer.step()
"""


@pytest_asyncio.fixture(loop_scope="module")
async def kernel(warm_kernel: KernelSession) -> KernelSession:
    await asyncio.wait_for(warm_kernel.reset(), RUN_LIMIT_S)
    return warm_kernel


async def run(session: KernelSession, code: str) -> tuple[RunResult, list[Summary]]:
    result, live = RunResult(), []
    for _, event in await run_events(session, code):
        result.add(event)
        if isinstance(event, Summary) and event.kind == "metrics":
            live.append(event)
    return result, live


async def test_each_assigning_line_reports_its_shape_and_loops_report_last_shape_and_count(kernel):
    result, _ = await run(kernel, TRAINING)
    lines = {(item["line"], item["name"]): item for item in result.summary["lines"]}
    assert lines[(3, "x")]["shape"] == [64, 3]
    assert lines[(4, "y")]["shape"] == [64, 1]
    assert lines[(10, "xb")]["shape"] == [16, 3]
    assert lines[(10, "xb")]["count"] == 12  # 3 epochs of 4 batches
    assert lines[(13, "loss")]["shape"] == []
    assert (6, "loader") not in lines  # only tensors get a shape


async def test_loss_in_a_loop_becomes_a_curve_streamed_while_it_runs(kernel):
    code = (
        "import time\n"
        "w = torch.tensor(5.0, requires_grad=True)\n"
        "for step in range(30):\n"
        "    loss = (w - 1) ** 2\n"
        "    loss.backward()\n"
        "    with torch.no_grad():\n"
        "        w -= 0.1 * w.grad\n"
        "    w.grad.zero_()\n"
        "    time.sleep(0.02)\n"
    )
    result, live = await run(kernel, code)
    values = result.summary["metrics"]["loss"]
    assert len(values) == 30
    assert values[0] == pytest.approx(16.0)
    assert values[-1] < values[0] / 100
    assert len(live) >= 2  # a 0.6 s loop streams several updates, not one at the end
    streamed: list[float] = []
    for update in live:
        chunk = update.payload["append"]["loss"]
        assert chunk["start"] == len(streamed)
        streamed.extend(chunk["values"])
    assert streamed == values[: len(streamed)]


async def test_track_draws_any_value_and_an_interrupt_keeps_what_was_drawn(kernel):
    code = "import time\nfor i in range(10**6):\n    track('acc', i / 10)\n    time.sleep(0.01)\n"
    result = RunResult()
    async for event in kernel.execute(code, timeout=1.0):
        result.add(event)
    assert result.status == "timeout"
    acc = result.summary["metrics"]["acc"]
    assert len(acc) > 10
    assert acc[:3] == [0.0, 0.1, 0.2]


async def test_an_interrupt_in_a_traced_loop_shows_the_learners_line_not_the_probe(kernel):
    code = "total = 0\nwhile True:\n    total = total + 1\n    step = total * 2\n"
    errors = [e async for e in kernel.execute(code, timeout=1.0) if isinstance(e, Error)]
    (error,) = errors
    assert error.ename == "KeyboardInterrupt"
    text = "\n".join(error.traceback)
    assert "_studytorch" not in text and "kernel/probe" not in text
    assert "while True" in text or "total" in text


async def test_graph_of_the_loss_names_the_ops_and_the_leaves_with_their_grads(kernel):
    code = (
        "w = torch.tensor([1.0, 2.0], requires_grad=True)\n"
        "x = torch.tensor([3.0, 4.0])\n"
        "z = w * x\n"
        "loss = z.sum()\n"
        "loss.backward()\n"
    )
    result, _ = await run(kernel, code)
    graph = result.summary["graph"]["loss"]
    nodes = {node["id"]: node for node in graph["nodes"]}
    root = nodes[graph["root"]]
    assert root["name"] == "SumBackward0"
    (mul,) = (nodes[i] for i in root["children"])
    assert mul["name"] == "MulBackward0"
    assert mul["var"] == "z"
    leaves = [n for n in graph["nodes"] if n["name"] == "AccumulateGrad"]
    assert [leaf["var"] for leaf in leaves] == ["w"]
    assert leaves[0]["grad_norm"] == pytest.approx(5.0)  # grad of w is x = (3, 4)
    assert list(result.summary["graph"]) == ["loss", "z"]  # the loss first


async def test_graph_leaves_of_a_module_are_named_by_parameter(kernel):
    result, _ = await run(kernel, TRAINING)
    names = {n.get("var") for n in result.summary["graph"]["loss"]["nodes"]}
    assert {"model.weight", "model.bias"} <= names


async def test_batches_show_the_indices_each_batch_drew_and_shuffle_changes_them(kernel):
    result, _ = await run(kernel, TRAINING)
    batches = result.summary["batches"]
    assert {b["loader"] for b in batches} == {"loader"}
    first_epoch = [b for b in batches if b["epoch"] == 0]
    second_epoch = [b for b in batches if b["epoch"] == 1]
    assert len(first_epoch) == 3  # first batches only
    assert all(len(b["indices"]) == 16 for b in first_epoch)
    assert first_epoch[0]["indices"] != second_epoch[0]["indices"]
    x_part, y_part = first_epoch[0]["parts"]
    assert x_part["shape"] == [16, 3]
    assert y_part["shape"] == [16, 1]
    assert len(x_part["preview"]) == 4  # the first rows, a few values each
    assert len(x_part["preview"][0]) == 3


async def test_grad_norms_compare_with_the_same_steps_previous_run(kernel):
    from studytorch.course.model import Localized, Step
    from studytorch.course.runner import run_step

    step = Step("s", Localized("s", "s"), Localized("", ""), "")
    code = (
        "torch.manual_seed(0)\n"
        "model = torch.nn.Linear(3, 1)\n"
        "for _ in range({n}):\n"
        "    model(torch.ones(4, 3)).sum().backward()\n"  # no zero_grad: grads pile up
    )
    first = await run_step(kernel, "l", step, code.format(n=1))
    second = await run_step(kernel, "l", step, code.format(n=2), previous=first.result)
    weight = next(p for p in second.result.summary["modules"][0]["parameters"])
    before = next(p for p in first.result.summary["modules"][0]["parameters"])
    assert before["grad_norm_before"] is None  # no earlier run of this step
    assert weight["grad_norm_before"] == pytest.approx(before["grad_norm"])
    assert weight["grad_norm"] == pytest.approx(2 * before["grad_norm"])


async def test_tracing_off_records_no_lines_but_everything_else(tmp_path):
    session = KernelSession(device="cpu", log_dir=tmp_path / "logs", trace=False)
    try:
        await session.start()
        result, _ = await run(session, "x = torch.ones(2)\nloss = x.sum()\n")
        assert result.summary["lines"] == []
        assert result.summary["metrics"] == {"loss": [2.0]}  # the curve costs next to nothing
        assert result.tensors[0]["shape"] == [2]
    finally:
        await session.shutdown()


async def test_a_snippet_defining_functions_and_classes_still_runs_when_traced(kernel):
    code = (
        "class Net(torch.nn.Module):\n"
        "    scale: float = 2.0\n"
        "    def __init__(self):\n"
        "        super().__init__()\n"
        "        self.fc = torch.nn.Linear(2, 2)\n"
        "    def forward(self, x):\n"
        "        h = self.fc(x)\n"
        "        h *= self.scale\n"
        "        return h\n"
        "a, (b, *rest) = torch.ones(1), [torch.zeros(3), 1, 2]\n"
        "out = Net()(torch.ones(5, 2))\n"
    )
    result, _ = await run(kernel, code)
    assert result.ok, result.traceback
    lines = {(item["line"], item["name"]): item["shape"] for item in result.summary["lines"]}
    assert lines[(7, "h")] == [5, 2]  # inside forward, a function the snippet defined
    assert lines[(10, "b")] == [3]
    assert lines[(11, "out")] == [5, 2]


async def test_a_run_ends_with_done_after_its_summary(kernel):
    events = [e for _, e in await run_events(kernel, "x = torch.ones(1)")]
    kinds = [e.kind for e in events if isinstance(e, Summary)]
    assert kinds == ["run"]
    assert isinstance(events[-1], Done)


async def test_prewarm_pays_the_first_optimizer_cost_before_the_learner_runs(kernel):
    # The first optimizer imports torch._dynamo (about a second): the app prewarms after ready.
    await asyncio.wait_for(kernel.prewarm(), RUN_LIMIT_S)
    result, _ = await run(kernel, "import sys\nprint('torch._dynamo' in sys.modules)")
    assert result.stdout.strip() == "True"
    result, _ = await run(kernel, "print(sorted(k for k in globals() if not k.startswith('_')))")
    assert "weight" not in result.stdout  # prewarm leaves the learner's namespace alone


async def test_a_one_dimensional_batch_part_previews_as_one_row_of_values(kernel):
    code = (
        "data = torch.utils.data.TensorDataset(torch.arange(8))\n"
        "loader = torch.utils.data.DataLoader(data, batch_size=4)\n"
        "for (batch,) in loader:\n"
        "    pass\n"
    )
    result, _ = await run(kernel, code)
    first = result.summary["batches"][0]
    assert first["indices"] == [0, 1, 2, 3]
    assert first["parts"][0]["preview"] == [0.0, 1.0, 2.0, 3.0]


# --- series: one point per loop iteration ------------------------------------------------------


async def test_a_tracked_name_owns_its_series_one_point_per_iteration(kernel):
    # The starter of lesson 17 step 3: `loss` is assigned, and a capped copy is tracked as "loss".
    code = (
        "for step in range(50):\n"
        "    loss = torch.tensor(float(step))\n"
        "    track('loss', min(loss.item(), 10.0))\n"
    )
    result, _ = await run(kernel, code)
    assert result.summary["metrics"]["loss"] == [min(float(s), 10.0) for s in range(50)]


async def test_reassigning_the_loss_in_one_iteration_counts_once(kernel):
    # The tutorials' `loss, current = loss.item(), ...` after computing the loss tensor.
    code = (
        "for batch in range(5):\n"
        "    loss = torch.tensor(2.0) * batch\n"
        "    loss, current = loss.item(), batch * 64\n"
    )
    result, _ = await run(kernel, code)
    assert result.summary["metrics"]["loss"] == [0.0, 2.0, 4.0, 6.0, 8.0]


async def test_nested_loops_give_a_point_per_inner_iteration_and_warnings_count_them(kernel):
    code = (
        "for epoch in range(3):\n"
        "    for batch in range(10):\n"
        "        step = epoch * 10 + batch\n"
        "        loss = torch.tensor(1.0 if step < 27 else float('inf'))\n"
        "        for p in range(2):\n"
        "            pass\n"
        "        loss = loss * 1\n"
    )
    result, _ = await run(kernel, code)
    values = result.summary["metrics"]["loss"]
    assert len(values) == 30 and values[27] == "inf"
    (warning,) = [w for w in result.summary["warnings"] if w["kind"] == "nan_loss"]
    assert "at step 28" in warning["en"]


async def test_values_that_are_not_finite_cross_as_strict_json_without_a_warning(kernel):
    code = (
        "w = torch.tensor([1e38, 1e38], requires_grad=True)\n"
        "loss = (w * w).sum()\n"
        "loss.backward()\n"
        "big = torch.tensor([float('inf'), float('nan'), 1.0])\n"
        "for i in range(3):\n"
        "    track('odd', [1.0, float('inf'), float('nan')][i])\n"
    )
    events = [e for _, e in await run_events(kernel, code)]
    summaries = [e.payload for e in events if isinstance(e, Summary)]
    for payload in summaries:
        json.dumps(payload, allow_nan=False)
    result = RunResult()
    for event in events:
        result.add(event)
    assert result.summary["metrics"]["odd"] == [1.0, "inf", "nan"]
    assert "serialization" not in result.stdout + result.stderr
    graph = result.summary["graph"]["loss"]
    assert any(node.get("grad_norm") == "inf" for node in graph["nodes"])


async def test_an_uninitialised_lazy_layer_leaves_the_rest_of_the_report(kernel):
    code = "x = torch.ones(2, 3)\nmodel = torch.nn.LazyLinear(4)\ny = x * 2\n"
    result, _ = await run(kernel, code)
    assert {t["name"] for t in result.summary["tensors"]} == {"x", "y"}
    (model,) = result.summary["modules"]
    assert model["uninitialized"] == 2
    assert {(item["line"], item["name"]) for item in result.summary["lines"]} == {
        (1, "x"),
        (3, "y"),
    }


async def test_a_lone_surrogate_costs_one_character_not_the_lines_around_it(kernel):
    result, _ = await run(kernel, "print('before')\nprint('x\\ud800y')\nprint('after')\n")
    assert result.stdout == "before\nx\ufffdy\nafter\n"
    assert result.stderr == ""
