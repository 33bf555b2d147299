"""Snapshots of the screens a learner sees, drawn from a FakeSession so they never vary.

Each app here has a fixed language (English), an empty store in the test's tmp dir and the
small course of `fakes.fixed_course()`, so a lesson edited elsewhere never changes a picture.
The editor's cursor does not blink (a blink would make the picture depend on timing).

Update after an intended change of the screens with `pytest tests/test_app_snapshots.py
--snapshot-update`, then look at the SVGs in tests/__snapshots__/.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import TextArea

from fakes import FakeSession, fixed_course
from studytorch.app import StudyApp
from studytorch.store import Store


def make_app(tmp_path: Path, lesson: str | None = "shape-ops") -> StudyApp:
    return StudyApp(
        session=FakeSession(),
        store=Store(tmp_path / "db.sqlite3"),
        course=fixed_course(),
        lesson=lesson,
        lang="en",
    )


async def steady(pilot: Pilot) -> None:
    """Wait for start-up (lessons read, kernel ready) and stop the cursor blinking."""
    app = pilot.app
    while not (app.course_loaded and app.kernel_state == "ready"):
        await pilot.pause(0.05)
    await app.workers.wait_for_complete()
    for area in pilot.app.screen.query(TextArea):
        area.cursor_blink = False
    await pilot.pause()


async def after_run_on_tensors_tab(pilot: Pilot) -> None:
    await steady(pilot)
    await pilot.press("f5")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("ctrl+t")  # a run lands on Output; one more is Tensors
    await pilot.pause()


def test_home_screen(snap_compare, tmp_path: Path) -> None:
    """The lesson list of a new learner with the status line and footer, at 80x24."""
    assert snap_compare(make_app(tmp_path, lesson=None), terminal_size=(80, 24), run_before=steady)


def test_lesson_after_run_tensors_tab_80x24(snap_compare, tmp_path: Path) -> None:
    """shape-ops/view after F5 at 80x24: Tensors tab with x and y, failed check in the status."""
    assert snap_compare(
        make_app(tmp_path), terminal_size=(80, 24), run_before=after_run_on_tensors_tab
    )


def test_lesson_after_run_tensors_tab_120x40(snap_compare, tmp_path: Path) -> None:
    """shape-ops/view after F5 at 120x40: note column, editor, Tensors tab side by side."""
    assert snap_compare(
        make_app(tmp_path), terminal_size=(120, 40), run_before=after_run_on_tensors_tab
    )


def test_help_screen(snap_compare, tmp_path: Path) -> None:
    """F1 over the lesson screen: the key table (lesson keys first) at 80x24."""
    assert snap_compare(make_app(tmp_path), terminal_size=(80, 24), run_before=steady, press=["f1"])


def test_confirm_dialog(snap_compare, tmp_path: Path) -> None:
    """F3 on the lesson screen: 'Replace your snippet with the solution?' with No focused."""
    assert snap_compare(make_app(tmp_path), terminal_size=(80, 24), run_before=steady, press=["f3"])
