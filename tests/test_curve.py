"""The Curve pane compares runs: earlier runs named by what changed, whole-step ticks, the
x-axis of the current run, a key to clear earlier runs and one for a log scale."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from textual.pilot import Pilot

from fakes import FakeSession, fixed_course
from studytorch.app import StudyApp
from studytorch.kernel import Event, Summary
from studytorch.screens.lesson import LessonScreen
from studytorch.store import Store
from studytorch.widgets.curve import (
    LossCurve,
    decade_ticks,
    nice_ticks,
    split_values,
    step_ticks,
    tick_label,
    what_changed,
)
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


# --- values that are not finite, ticks, labels ---------------------------------------------------


def test_values_that_are_not_finite_become_marks_and_the_rest_a_line() -> None:
    xs, ys, marks = split_values([1.0, "inf", "inf", 2.0, "nan", "-inf", 3, None, "junk"])
    assert (xs, ys) == ([0, 3, 6], [1.0, 2.0, 3.0])
    assert marks == [(1, "inf"), (4, "nan"), (5, "-inf")]


def test_tick_labels_are_short_whatever_the_size() -> None:
    assert [tick_label(v) for v in (0, 0.25, 15000, 2e7, 7.77e17, 3e38, 1e-5, -4e9)] == [
        "0",
        "0.25",
        "15k",
        "20M",
        "7.8e17",
        "3e38",
        "1e-5",
        "-4G",
    ]
    assert all(len(tick_label(v)) <= 7 for v in nice_ticks(0, 777333830116704256.0, 6))


def test_decade_ticks_are_evenly_spaced_and_fit() -> None:
    ticks = decade_ticks(-3.2, 38.5, 6)
    assert len(ticks) <= 6 and len({b - a for a, b in itertools.pairwise(ticks)}) == 1
    assert decade_ticks(0.1, 2.9, 8) == [0, 1, 2, 3]


def test_earlier_runs_are_named_by_every_literal_that_changed() -> None:
    before = "lr = 0.03\nepochs = 5\nhidden = 8\n"
    assert what_changed(before, "lr = 0.03\nepochs = 60\nhidden = 16\n", 0.0) == (
        "epochs=5, hidden=8"
    )


def exploding(code: str) -> list[Event]:
    """Lesson 17 step 3: the loss explodes to inf, then nan, in a 50-step loop."""
    losses: list[object] = [2.0**i for i in range(27)] + ["inf"] * 3 + ["nan"] * 20
    if "clip" in code:
        losses = [1.0 / (i + 1) for i in range(50)]
    return [Summary({"kind": "run", "tensors": [], "metrics": {"loss": losses}})]


async def test_running_an_exploding_loop_twice_draws_marks_and_the_app_lives(
    tmp_path: Path,
) -> None:
    app = StudyApp(
        session=FakeSession(events_for=exploding),
        store=Store(tmp_path / "db"),
        course=fixed_course(),
        lesson="shape-ops",
        lang="en",
    )
    async with app.run_test(size=(80, 24)) as pilot:
        while not (app.course_loaded and isinstance(app.screen, LessonScreen)):
            await pilot.pause(0.05)
        screen = app.screen
        await run(pilot, "lr = 10.0\n")
        await run(pilot, "lr = 10.0\n")  # the earlier run's inf and nan are drawn too
        await run(pilot, "lr = 0.1\nclip = 1\n")
        screen.results.tabs.active = "tab-curve"
        await pilot.pause()
        curve = screen.query_one(LossCurve)
        drawn = str(curve.render())
        assert app.is_running and "could not be drawn" not in drawn
        assert legend(screen).startswith("━━ loss 0.02 (50 steps)"), legend(screen)
        assert "▲inf" in drawn or "×nan" in drawn


async def test_at_80x24_ctrl_b_gives_the_curve_the_editors_rows_too(tmp_path: Path) -> None:
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
        screen = app.screen
        code = "steps = 60\n" + "".join(f"x{i} = {i}\n" for i in range(20))  # a tall editor
        await run(pilot, code)
        screen.results.tabs.active = "tab-curve"
        await pilot.pause()
        curve = screen.query_one(LossCurve)
        before = curve.size.height
        await pilot.press("ctrl+b")
        await pilot.pause()
        # plotext draws the x ticks and the axis label below the plot box: 8 rows are left.
        assert curve.size.height - 3 >= 8 > before - 3, (before, curve.size.height)
        assert not screen.query_one(SnippetEditor).display
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert screen.query_one(SnippetEditor).display and curve.size.height == before


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
