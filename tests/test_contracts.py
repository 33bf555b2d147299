"""The engine's contracts with the UI: the run summary decoded once where it arrives (what a
view reads is always there), and one kernel contract for the real session and the fakes."""

from __future__ import annotations

import asyncio
import io

from studytorch.kernel import Done, Error, RunResult, Summary
from studytorch.kernel.summary import decode_run, said
from studytorch.run_report import run_notes


def test_a_summary_missing_fields_still_gives_every_view_its_empty_value():
    summary = decode_run({"kind": "run"})
    assert summary["tensors"] == [] and summary["graph"] == {} and summary["metrics"] == {}
    assert summary["error"] is None and summary["gpu_broken"] is False


def test_items_a_view_could_not_draw_are_dropped_and_the_rest_kept():
    good = {"name": "x", "shape": [2], "dtype": "float32", "device": "cpu", "requires_grad": False}
    summary = decode_run(
        {
            "tensors": [good, {"name": "no shape"}, "junk"],
            "metrics": {"loss": [1.0, 0.5], "bad": 3},
            "graph": {"loss": {"nodes": []}, "odd": []},
            "error": {"message": "boom", "line": "7"},
        }
    )
    assert summary["tensors"] == [good]
    assert summary["metrics"] == {"loss": [1.0, 0.5]}
    assert list(summary["graph"]) == ["loss"]
    assert summary["error"] == {"type": "Error", "message": "boom", "line": None}


def test_decoding_twice_gives_the_same_objects_so_runs_are_known_by_identity():
    payload = {"kind": "run", "metrics": {"loss": [1.0]}}
    first = decode_run(payload)
    metrics = first["metrics"]
    assert decode_run(payload)["metrics"] is metrics


def test_a_run_result_reads_its_summary_through_typed_fields():
    result = RunResult()
    warning = {"kind": "no_step", "en": "no step", "ko": "step 없음"}
    result.add(Summary({"kind": "run", "warnings": [warning], "modules": [{"name": "m"}]}))
    assert result.warnings == [warning] and said(result.warnings[0], "ko") == "step 없음"
    assert result.modules == []  # a module without its counts cannot be drawn
    assert result.to_json()["warnings"] == [warning]


def test_the_real_session_and_the_fake_implement_one_kernel_contract():
    from fakes import FakeSession
    from studytorch.kernel import Kernel, KernelSession, KernelState

    assert issubclass(KernelSession, Kernel) and issubclass(FakeSession, Kernel)
    fake = FakeSession()
    seen: list[KernelState] = []
    fake.on_state = seen.append
    assert (fake.running, fake.owns_kernel, fake.device) == (False, True, None)
    asyncio.run(fake.start())
    assert fake.device == "cpu" and seen == [KernelState.READY]


def failed_run() -> RunResult:
    """A run that failed on line 3 with two operands, an explanation and a warning."""
    result = RunResult()
    result.add(Error("RuntimeError", "mat1 and mat2 shapes cannot be multiplied (2x3 and 4x1)", []))
    operand = {"dtype": "float32", "device": "cpu", "requires_grad": False}
    error = {
        "type": "RuntimeError",
        "message": "mat1 and mat2 shapes cannot be multiplied (2x3 and 4x1)",
        "line": 3,
        "line_text": "c = a @ b",
        "operands": [
            {"name": "a", "shape": [2, 3], **operand},
            {"name": "b", "shape": [4], **operand},
        ],
    }
    warning = {"kind": "no_step", "en": "no step", "ko": "step 없음"}
    result.add(Summary({"kind": "run", "error": error, "warnings": [warning]}))
    result.add(Done("error", 0.01, dropped=1234))
    return result


def test_a_failed_run_is_told_with_shapes_as_torch_prints_them():
    notes = [note.text for note in run_notes(failed_run(), "en")]
    assert notes[0] == "[1,234 characters of output were not shown]"
    assert notes[1:4] == [
        "at line 3: c = a @ b",
        "  a: (2, 3) float32 cpu",
        "  b: (4,) float32 cpu",
    ]
    assert "inner sizes to match" in notes[4]  # the explanation of a matmul shape error
    assert notes[-1] == "! no step"
    assert [n.text for n in run_notes(failed_run(), "ko")][1] == "3번째 줄: c = a @ b"


async def test_the_cli_and_the_app_tell_a_failed_run_in_the_same_words(monkeypatch):
    from rich.console import Console
    from textual.app import App

    from studytorch import console
    from studytorch.widgets.output import OutputLog
    from studytorch.widgets.results import ResultsPanel

    printed = io.StringIO()
    monkeypatch.setattr(console, "err", Console(file=printed, width=200))
    monkeypatch.setattr(console, "out", Console(file=io.StringIO(), width=200))
    console.report(failed_run(), lang="en")

    class Panel(App[None]):
        lang = "en"

        def compose(self):
            yield ResultsPanel()

    app = Panel()
    async with app.run_test(size=(120, 40)) as pilot:
        panel = app.query_one(ResultsPanel)
        panel.tabs.active = "tab-output"
        await pilot.pause()
        panel.finish(failed_run(), "en")
        await pilot.pause()
        shown = " ".join("".join(strip.text for strip in app.query_one(OutputLog).lines).split())
    cli = " ".join(printed.getvalue().split())
    for note in run_notes(failed_run(), "en"):
        said_once = " ".join(note.text.split())
        assert said_once in shown
        assert said_once in cli
