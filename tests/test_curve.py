"""The Curve pane compares runs: earlier runs named by what changed, whole-step ticks, the
x-axis of the current run, a key to clear earlier runs and one for a log scale."""

from __future__ import annotations

import re
from pathlib import Path

from textual.pilot import Pilot

from fakes import FakeSession, fixed_course
from studytorch.app import StudyApp
from studytorch.kernel import Event, Summary
from studytorch.screens.lesson import LessonScreen
from studytorch.store import Store
from studytorch.widgets.curve import LossCurve, step_ticks, what_changed
from studytorch.widgets.editor import SnippetEditor


def test_an_earlier_run_is_named_by_the_literal_that_changed() -> None:
    before = "opt = SGD(model.parameters(), lr=0.1)\nepochs = 300\n"
    now = "opt = SGD(model.parameters(), lr=0.01)\nepochs = 300\n"
    assert what_changed(before, now, 0.0) == "lr=0.1"
    assert re.fullmatch(r"\d\d:\d\d:\d\d", what_changed(now, now, 0.0)), "unchanged: its time"


def test_step_ticks_are_whole_numbers_that_fit() -> None:
    assert step_ticks(20, 5) == [0, 5, 10, 15, 20]
    assert step_ticks(299, 6) == [0, 100, 200]
    assert all(isinstance(t, int) for t in step_ticks(7, 10))
    assert step_ticks(0, 5) == [0]


def training(code: str) -> list[Event]:
    """A loss curve whose length is the snippet's `steps = N`."""
    steps = int(re.search(r"steps = (\d+)", code).group(1))
    losses = [1.0 / (i + 1) for i in range(steps)]
    return [Summary({"kind": "run", "tensors": [], "metrics": {"loss": losses}})]


def legend(screen: LessonScreen) -> str:
    return str(screen.query_one("#curve-legend").render())


async def run(pilot: Pilot, code: str) -> None:
    screen = pilot.app.screen
    screen.query_one(SnippetEditor).load_text(code)
    await pilot.press("f5")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_runs_are_compared_and_earlier_ones_can_be_cleared(tmp_path: Path) -> None:
    app = StudyApp(
        session=FakeSession(events_for=training),
        store=Store(tmp_path / "db"),
        course=fixed_course(),
        lesson="shape-ops",
        lang="en",
    )
    async with app.run_test(size=(80, 24)) as pilot:
        while not (app.course_loaded and isinstance(app.screen, LessonScreen)):
            await pilot.pause(0.05)
        await pilot.pause()
        screen = app.screen
        await run(pilot, "lr = 0.1\nsteps = 2000\n")
        await run(pilot, "lr = 0.01\nsteps = 30\n")
        screen.results.tabs.active = "tab-curve"
        await pilot.pause()
        curve = screen.query_one(LossCurve)
        assert "loss (lr=0.1, steps=2000)" in legend(screen), legend(screen)
        assert "30 steps" in legend(screen)
        # The x-axis is the current run's 30 steps, not the earlier run's 2,000.
        assert curve.x_last == 29
        curve.focus()
        await pilot.press("l")
        assert curve.log_y and "log scale" in legend(screen)
        await pilot.press("c")
        await pilot.pause()
        assert "lr=0.1" not in legend(screen)
        assert app.runs.curves("shape-ops", screen.step.id) == [], "cleared for the next run too"


async def test_a_rerun_with_the_same_values_is_drawn_over_the_earlier_run(tmp_path: Path) -> None:
    # Lesson 14's exploding step run twice: both runs sit at the same capped values, and the
    # earlier run's dots were painted over the current run's line, hiding it.
    app = StudyApp(
        session=FakeSession(events_for=training),
        store=Store(tmp_path / "db"),
        course=fixed_course(),
        lesson="shape-ops",
        lang="en",
    )
    async with app.run_test(size=(80, 24)) as pilot:
        while not (app.course_loaded and isinstance(app.screen, LessonScreen)):
            await pilot.pause(0.05)
        await pilot.pause()
        screen = app.screen
        await run(pilot, "steps = 40\n")
        await run(pilot, "steps = 40\n")
        screen.results.tabs.active = "tab-curve"
        await pilot.pause()
        curve = screen.query_one(LossCurve)
        markers: list[str] = []
        plot = curve.plt.plot
        curve.plt.plot = lambda *a, **k: (markers.append(k["marker"]), plot(*a, **k))[1]
        curve.redraw()
        assert markers == ["dot", "braille"], "the current run (braille) is plotted last"
