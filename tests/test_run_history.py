"""Earlier runs of a step from the lesson screen: viewed without a kernel, restored undoably."""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.pilot import Pilot
from textual.widgets import Static, TextArea

from fakes import FakeSession, fixed_course
from studytorch.app import StudyApp
from studytorch.kernel import KernelState
from studytorch.screens.lesson import LessonScreen
from studytorch.screens.run_history import RunHistoryScreen
from studytorch.store import Store

EARLIER = "x = torch.arange(6, device=device)\ny = x.view(3, 2)  # the one that worked\n"


async def until(pilot: Pilot, condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + 30
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await pilot.pause(0.05)


class DeadSession(FakeSession):
    """No kernel at all: the history must not need one."""

    async def start(self) -> None:
        self._set_state(KernelState.DEAD)


def history_app(tmp_path) -> StudyApp:
    store = Store(tmp_path / "progress.sqlite3")
    store.record_run("shape-ops", "view", "error", 0.2)  # from before history kept code
    store.record_run(
        "shape-ops", "view", "ok", 0.4, code=EARLIER, output="tensor([[0, 1],\n", metrics={}
    )
    store.record_run(
        "shape-ops",
        "view",
        "ok",
        1.5,
        code="loss = 1\n",
        output="done [red]not markup[/red]\n",
        metrics={"loss": [2.0, 1.0, 0.5]},
    )
    return StudyApp(
        session=DeadSession(), store=store, course=fixed_course(), lesson="shape-ops", lang="en"
    )


def detail(app: StudyApp) -> str:
    view = app.screen.query_one("#history-run", Static)
    return "\n".join(strip.text for strip in view.render_lines(view.region.reset_offset))


async def test_ctrl_f_lists_earlier_runs_and_enter_restores_one_undoably(tmp_path) -> None:
    app = history_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, LessonScreen), "the lesson")
        editor = app.screen.query_one("#editor", TextArea)
        await until(pilot, lambda: "x.view(2, 3)" in editor.text, "the starter in the editor")
        starter = editor.text
        await pilot.press("ctrl+f")
        await until(pilot, lambda: isinstance(app.screen, RunHistoryScreen), "the history")
        await pilot.pause()
        shown = detail(app)
        assert "done [red]not markup[/red]" in shown  # output verbatim, never markup
        assert "loss" in shown and "2 → 0.5 (3 steps)" in shown
        await pilot.press("down")
        await pilot.pause()
        assert "the one that worked" in detail(app)
        await pilot.press("down")
        await pilot.pause()
        assert "before studytorch kept code" in detail(app)
        await pilot.press("up", "enter")
        await until(pilot, lambda: isinstance(app.screen, LessonScreen), "the lesson again")
        assert editor.text == EARLIER
        await pilot.press("ctrl+z")
        assert editor.text == starter
