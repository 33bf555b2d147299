"""Make the README's screenshots: the real app, a real CPU kernel, each live view after a run.

.venv/bin/python docs/make_screenshots.py        # writes assets/*.svg and, with rsvg-convert, *.png
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ASSETS = Path(__file__).resolve().parents[1] / "assets"
SIZE = (120, 40)
"""The commonest SSH terminal; one shot is also taken at 80x24."""


async def shoot(
    name: str,
    lesson: str,
    step: str,
    code: str | None,
    tab: str | None,
    runs: int = 1,
    select: str | None = None,
    edit: tuple[str, str] | None = None,
    lang: str = "en",
    size: tuple[int, int] = SIZE,
) -> None:
    from textual.widgets import DataTable

    from studytorch.app import StudyApp
    from studytorch.course import load_course
    from studytorch.kernel import KernelSession
    from studytorch.screens.lesson import LessonScreen
    from studytorch.screens.messages import RunFinished
    from studytorch.store import Store

    course = load_course()
    target = course.find(lesson)
    index = [s.id for s in target.steps].index(step)
    with tempfile.TemporaryDirectory() as home:
        os.environ["STUDYTORCH_HOME"] = home
        store = Store(Path(home) / "db.sqlite3")
        if code is not None:
            store.save_edit(lesson, step, code)
        app = StudyApp(session=KernelSession(device="cpu"), store=store, course=course, lang=lang)
        finished: list[RunFinished] = []

        def hook(message: object) -> None:
            if isinstance(message, RunFinished):
                finished.append(message)

        async with app.run_test(size=size, message_hook=hook) as pilot:
            while app.kernel_state != "ready":
                await pilot.pause(0.1)
            app.push_screen(LessonScreen(target, index))
            await pilot.pause(0.5)
            screen = app.screen
            for run in range(runs):
                if edit and run == runs - 1:
                    editor = screen.query_one("SnippetEditor")
                    editor.text = editor.text.replace(*edit)
                seen = len(finished)
                await pilot.press("f5")
                for _ in range(300):  # a run announces its end (RunFinished)
                    await pilot.pause(0.1)
                    if len(finished) > seen:
                        break
            if tab:
                screen.results.tabs.active = f"tab-{tab}"
            if select:
                table = screen.query_one("#tensor-table", DataTable)
                table.move_cursor(row=table.get_row_index(select))
            await pilot.pause(0.8)
            svg = ASSETS / f"{name}.svg"
            app.save_screenshot(str(svg))
    if shutil.which("rsvg-convert"):
        # Without this, librsvg collapses the runs of spaces that indent code.
        text = svg.read_text()
        svg.write_text(text.replace("<svg ", '<svg xml:space="preserve" ', 1))
        subprocess.run(["rsvg-convert", str(svg), "-o", str(svg.with_suffix(".png"))], check=True)
        svg.unlink()
    print("wrote", name)


def solution(lesson: str, step: str) -> str:
    from studytorch.course import load_course

    return load_course().find(lesson).step(step).solution


async def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tui"))
    await shoot("lesson-run", "shape-ops", "view", solution("shape-ops", "view"), "output")
    await shoot(
        "lesson-80x24",
        "training-loop",
        "one-step",
        solution("training-loop", "one-step"),
        "output",
        size=(80, 24),
    )
    await shoot(
        "view-graph",
        "define-by-run",
        "graph-as-you-go",
        solution("define-by-run", "graph-as-you-go"),
        "tensors",
        select="out",
    )
    slow = solution("putting-it-together", "train").replace("lr=0.03", "lr=0.003")
    await shoot(
        "view-curve",
        "putting-it-together",
        "train",
        slow,
        "curve",
        runs=2,
        edit=("lr=0.003", "lr=0.03"),
    )
    await shoot(
        "view-batches", "dataloader", "shuffle", solution("dataloader", "shuffle"), "batches"
    )
    await shoot("view-model", "training-loop", "forgot-zero-grad", None, "model", runs=2)
    await shoot(
        "view-error",
        "matmul",
        "dot-vs-mm",
        "a = torch.ones(2, 3, device=device)\nb = torch.ones(4, 5, device=device)\nc = a @ b\n",
        "output",
        lang="ko",
    )


if __name__ == "__main__":
    asyncio.run(main())
