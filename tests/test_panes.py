"""No run result can crash a pane: Hypothesis generates run summaries (inf, nan, 1e38, empty,
huge, odd unicode names, many series and steps) and every pane draws them, or says in its own
line that it could not, while the app lives."""

from __future__ import annotations

import asyncio
import io
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console
from textual.app import App

from studytorch.kernel import Done, Error, RunResult, Summary
from studytorch.kernel.summary import decode_run
from studytorch.run_report import run_notes
from studytorch.widgets.batches import BatchView, batches_renderable
from studytorch.widgets.curve import LossCurve
from studytorch.widgets.editor import line_annotations
from studytorch.widgets.graph import graph_tree
from studytorch.widgets.model import ModelView, modules_renderable
from studytorch.widgets.output import OutputLog
from studytorch.widgets.results import ResultsPanel
from studytorch.widgets.tensors import TensorView, tensor_details

odd_numbers = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([1e38, -1e38, 3.4e38, 1e-45, 0.0, -0.0, "nan", "inf", "-inf"]),
    st.integers(min_value=-(2**63), max_value=2**63),
)
names = st.text(min_size=0, max_size=24)
"""Any unicode: control characters, markup such as `[bold]`, right-to-left, wide characters."""
shapes = st.lists(st.integers(min_value=0, max_value=10**12), max_size=6)
anything = st.one_of(st.none(), st.booleans(), odd_numbers, names, shapes)

tensors = st.fixed_dictionaries(
    {
        "name": names,
        "shape": shapes,
        "dtype": names,
        "device": names,
        "requires_grad": st.booleans(),
    },
    optional={
        "is_leaf": st.booleans(),
        "grad_fn": st.one_of(st.none(), names),
        "grad": st.one_of(st.none(), st.fixed_dictionaries({"shape": shapes, "norm": odd_numbers})),
        "numel": st.integers(min_value=0, max_value=10**15),
        "stride": st.one_of(st.none(), shapes),
        "contiguous": st.one_of(st.none(), st.booleans()),
        "shares_with": st.lists(names, max_size=3),
        "stats": st.one_of(
            st.none(),
            st.dictionaries(
                st.sampled_from(["min", "max", "mean", "std", "nan", "inf"]), odd_numbers
            ),
        ),
        "preview": names,
        "uninitialized": st.booleans(),
        "unavailable": names,
    },
)
params = st.fixed_dictionaries(
    {"name": names, "shape": shapes, "requires_grad": st.booleans(), "grad_norm": odd_numbers},
    optional={"grad_norm_before": odd_numbers, "uninitialized": st.booleans()},
)
modules = st.fixed_dictionaries(
    {
        "name": names,
        "type": names,
        "total": st.integers(min_value=0, max_value=10**12),
        "trainable": st.integers(min_value=0, max_value=10**12),
        "parameters": st.lists(params, max_size=5),
    },
    optional={"training": st.booleans(), "uninitialized": st.integers(0, 9), "unavailable": names},
)
optimizers = st.fixed_dictionaries(
    {
        "name": names,
        "type": names,
        "param_groups": st.lists(
            st.fixed_dictionaries({"lr": odd_numbers, "params": st.integers(0, 10**6)}), max_size=3
        ),
    }
)
parts = st.fixed_dictionaries(
    {"name": names},
    optional={
        "shape": shapes,
        "dtype": names,
        "type": names,
        "preview": st.one_of(
            st.lists(odd_numbers, max_size=8),
            st.lists(st.lists(odd_numbers, max_size=6), max_size=4),
            names,
        ),
    },
)
batches = st.fixed_dictionaries(
    {
        "epoch": st.integers(0, 10**9),
        "batch": st.integers(0, 10**9),
        "parts": st.lists(parts, max_size=4),
    },
    optional={
        "loader": st.one_of(st.none(), names),
        "indices": st.one_of(st.none(), st.lists(anything, max_size=20)),
        "failed": st.booleans(),
    },
)
nodes = st.fixed_dictionaries(
    {"id": st.integers(0, 8), "name": names, "children": st.lists(st.integers(-2, 10), max_size=4)},
    optional={"var": st.one_of(st.none(), names), "shape": shapes, "grad_norm": odd_numbers},
)
graphs = st.fixed_dictionaries(
    {"root": st.integers(0, 8), "nodes": st.lists(nodes, max_size=10), "truncated": st.booleans()}
)
metrics = st.dictionaries(names, st.lists(odd_numbers, max_size=300), max_size=8)
warnings = st.fixed_dictionaries(
    {"kind": names, "en": names, "ko": names}, optional={"line": st.integers(-5, 10**6)}
)
errors = st.fixed_dictionaries(
    {"type": names, "message": names},
    optional={
        "line": st.one_of(st.none(), st.integers(-3, 10**6)),
        "line_text": st.one_of(st.none(), names),
        "operands": st.lists(
            st.fixed_dictionaries(
                {"name": names, "shape": shapes, "dtype": names, "device": names}
            ),
            max_size=3,
        ),
    },
)
runs = st.fixed_dictionaries(
    {"kind": st.just("run")},
    optional={
        "tensors": st.lists(tensors, max_size=6),
        "modules": st.lists(modules, max_size=3),
        "optimizers": st.lists(optimizers, max_size=2),
        "batches": st.lists(batches, max_size=3),
        "graph": st.dictionaries(names, graphs, max_size=2),
        "metrics": metrics,
        "lines": st.lists(
            st.fixed_dictionaries(
                {"line": st.integers(1, 10**5), "name": names, "shape": shapes},
                optional={"count": st.integers(0, 10**9), "dtype": names, "device": names},
            ),
            max_size=5,
        ),
        "warnings": st.lists(warnings, max_size=3),
        "error": st.one_of(st.none(), errors),
    },
)


def rendered(renderable: Any) -> str:
    console = Console(file=io.StringIO(), width=80, color_system=None)
    console.print(renderable)
    return console.file.getvalue()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(runs)
def test_every_renderer_draws_any_run_summary(payload: dict[str, Any]) -> None:
    summary = decode_run(payload)
    for tensor in summary["tensors"]:
        rendered(tensor_details(tensor, "ko"))
    rendered(modules_renderable(summary["modules"], summary["optimizers"], "en"))
    rendered(batches_renderable(summary["batches"], "ko"))
    for name, graph in summary["graph"].items():
        rendered(graph_tree(name, graph, "en"))
    line_annotations(summary["lines"])
    result = RunResult()
    result.add(Error("E", "boom", []))
    result.add(Summary(payload))
    result.add(Done("error", 0.1, dropped=5))
    for note in run_notes(result, "ko"):
        rendered(note.text)


class Panes(App[None]):
    lang = "en"

    def compose(self):
        yield ResultsPanel()


async def show_everywhere(app: Panes, payload: dict[str, Any]) -> None:
    panel = app.query_one(ResultsPanel)
    panel.begin("run", [])
    live = {
        name: {"start": 0, "values": values} for name, values in payload.get("metrics", {}).items()
    }
    panel.feed(Summary({"kind": "metrics", "append": live}))  # as the kernel streams them
    panel.feed(Summary(payload))
    result = RunResult()
    result.add(Summary(payload))
    result.add(Done("ok", 0.01))
    panel.finish(result, "en")


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(runs, min_size=1, max_size=3))
def test_every_pane_of_the_app_shows_any_sequence_of_runs(payloads: list[dict[str, Any]]) -> None:
    async def go() -> None:
        app = Panes()
        async with app.run_test(size=(80, 24)) as pilot:
            panel = app.query_one(ResultsPanel)
            for payload in payloads:
                await show_everywhere(app, payload)
                for tab in ("tab-tensors", "tab-curve", "tab-batches", "tab-model", "tab-output"):
                    panel.tabs.show_tab(tab)
                    panel.tabs.active = tab
                    await pilot.pause()
            curve = app.query_one(LossCurve)
            curve.action_toggle_log()
            await pilot.pause()
            str(curve.render())
            assert app.is_running

    asyncio.run(go())


async def test_thousands_of_series_and_steps_draw_in_a_bounded_time() -> None:
    many = {f"s{i}": [float(j % 97) for j in range(5_000)] for i in range(2_000)}
    many["loss"] = ["inf", *[1e38] * 10_000, "nan"]
    app = Panes()
    async with app.run_test(size=(80, 24)) as pilot:
        panel = app.query_one(ResultsPanel)
        await show_everywhere(app, {"kind": "run", "metrics": many})
        panel.tabs.active = "tab-curve"
        await pilot.pause()
        assert "could not be drawn" not in str(app.query_one(LossCurve).render())


async def test_a_pane_that_fails_says_so_in_its_own_line_and_the_others_still_draw(
    monkeypatch,
) -> None:
    import studytorch.widgets.batches as batches_module

    def broken(*_args: Any) -> Any:
        raise RuntimeError("a bug of ours")

    monkeypatch.setattr(batches_module, "batches_renderable", broken)
    app = Panes()
    async with app.run_test(size=(80, 24)) as pilot:
        payload = {
            "kind": "run",
            "tensors": [
                {"name": "x", "shape": [2], "dtype": "f", "device": "cpu", "requires_grad": 0}
            ],
            "batches": [{"epoch": 0, "batch": 0, "parts": []}],
        }
        await show_everywhere(app, payload)
        await pilot.pause()
        body = str(app.query_one(BatchView).query_one("#batch-body").render())
        assert "could not be drawn (RuntimeError: a bug of ours)" in body
        assert app.query_one(TensorView).tensors[0]["name"] == "x"
        assert app.query_one(ModelView) is not None and app.is_running
        assert app.query_one(OutputLog) is not None


def text_of(static: Any) -> str:
    """What a Static shows, as plain text (whatever renderable it was given)."""
    return rendered(static.content)


def tensor(name: str, **extra: Any) -> dict[str, Any]:
    return {"name": name, "shape": [2], "dtype": "float32", "device": "cpu", **extra}


async def test_every_pane_starts_each_run_empty_and_says_what_empty_means() -> None:
    app = Panes()
    async with app.run_test(size=(80, 24)) as pilot:
        panel = app.query_one(ResultsPanel)
        panel.clear()  # a step is shown
        await pilot.pause()
        details = app.query_one(TensorView).query_one("#tensor-details")
        assert "run the snippet" in text_of(details)
        batch = {"loader": "loader", "epoch": 0, "batch": 0, "indices": [3, 1], "parts": []}
        await show_everywhere(app, {"kind": "run", "batches": [batch]})
        await pilot.pause()
        body = app.query_one(BatchView).query_one("#batch-body")
        assert "[3, 1]" in text_of(body)
        panel.begin("run 2", [])
        await pilot.pause()
        assert "[3, 1]" not in text_of(body)
        assert "Running" in text_of(details)
        panel.feed(Summary({"kind": "run", "tensors": []}))
        await pilot.pause()
        assert "no DataLoader" in text_of(body)
        assert "no tensor at the top level" in text_of(details)


async def test_only_a_leaf_waits_for_a_grad() -> None:
    app = Panes()
    async with app.run_test(size=(100, 24)) as pilot:
        tensors = [
            tensor("w", requires_grad=True, is_leaf=True),
            tensor("h", requires_grad=True, is_leaf=False, grad_fn="MulBackward0"),
            tensor("lazy", requires_grad=True, uninitialized=True, shape=[]),
        ]
        await show_everywhere(app, {"kind": "run", "tensors": tensors})
        await pilot.pause()
        table = app.query_one(TensorView).query_one("#tensor-table")
        rows = {str(row[0]): [str(cell) for cell in row] for row in map(table.get_row_at, range(3))}
        assert "none yet" in rows["w"] and "none yet" not in rows["h"]
        assert "not set yet" in rows["lazy"]
