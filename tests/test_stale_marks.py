"""What a run said about the code stays with that code: replaced code carries no old shapes or
error mark, and an exploded gradient reads as inf, never as "no gradient"."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from fakes import FakeSession, fixed_course
from studytorch.app import StudyApp
from studytorch.screens.lesson import LessonScreen
from studytorch.store import Store
from studytorch.widgets.editor import SnippetEditor
from studytorch.widgets.model import modules_renderable


async def test_reset_and_solution_drop_the_last_runs_shapes_and_error_mark(tmp_path: Path) -> None:
    app = StudyApp(
        session=FakeSession(),
        store=Store(tmp_path / "db"),
        course=fixed_course(),
        lesson="shape-ops",
        lang="en",
    )
    async with app.run_test(size=(120, 40)) as pilot:
        while not (app.course_loaded and isinstance(app.screen, LessonScreen)):
            await pilot.pause(0.05)
        await pilot.pause()
        editor = app.screen.query_one(SnippetEditor)
        await pilot.press("f5")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert editor.annotations, "the run put shapes beside its lines"
        editor.mark_error(1, "RuntimeError: shape '[3]' is invalid")
        # Same line count, other code: the shapes and the mark were about the code replaced.
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert editor.annotations == {}
        assert editor.error_line is None and editor.error_text == ""


def test_an_exploded_gradient_norm_reads_inf_not_a_dash() -> None:
    module = {
        "name": "model",
        "type": "Linear",
        "total": 4,
        "trainable": 4,
        "training": True,
        "parameters": [
            {"name": "weight", "shape": [1, 3], "requires_grad": True, "grad_norm": "inf"},
            {"name": "bias", "shape": [1], "requires_grad": True, "grad_norm": "nan"},
        ],
    }
    console = Console(width=80, record=True)
    console.print(modules_renderable([module], [], "en"))  # type: ignore[list-item]
    rows = {line.split()[0]: line for line in console.export_text().splitlines() if line.strip()}
    assert rows["weight"].split(")")[1].split() == ["inf", "-"]
    assert rows["bias"].split(")")[1].split() == ["nan", "-"]
