"""The lesson screen's layout measured: code lines whole and their shapes beside them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Label, Markdown
from textual.widgets._markdown import MarkdownBlock, MarkdownFence

from fakes import FakeSession
from studytorch.app import StudyApp
from studytorch.course import load_course
from studytorch.kernel import Event, Summary
from studytorch.screens.lesson import LessonScreen
from studytorch.store import Store
from studytorch.widgets.editor import SnippetEditor, line_annotations


def assigned_lines(code: str) -> list[dict]:
    """A probe-like line record (shape (3, 1)) for every line assigning a plain name."""
    records = []
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            records.append(
                {"line": node.lineno, "name": node.targets[0].id, "count": 1, "shape": [3, 1]}
                | {"dtype": "float32", "device": "cpu"}
            )
    return records


def shapes_of(code: str) -> list[Event]:
    return [Summary({"kind": "run", "tensors": [], "lines": assigned_lines(code)})]


async def opened(pilot: Pilot, lesson_id: str, index: int) -> LessonScreen:
    app = pilot.app
    while not app.course_loaded:
        await pilot.pause(0.05)
    lesson = app.course.find(lesson_id)
    await app.push_screen(LessonScreen(lesson, index))
    await pilot.pause()
    return app.screen


def drawn(area: SnippetEditor, line: int) -> str:
    y = line - area.scroll_offset.y
    return area.render_line(y).crop(0, area.scrollable_content_region.width).text


def starters(lesson_id: str) -> list[tuple[str, int]]:
    lesson = load_course().find(lesson_id)
    return [(lesson_id, i) for i in range(len(lesson.steps))]


CASES = [("training-loop", 0), *starters("tensors")]


@pytest.mark.parametrize(("lesson_id", "index"), CASES)
@pytest.mark.parametrize(("size", "longest"), [((120, 40), 80), ((80, 24), 60)])
async def test_every_line_is_whole_and_each_shape_sits_beside_it(
    tmp_path: Path, lesson_id: str, index: int, size: tuple[int, int], longest: int
) -> None:
    session = FakeSession(events_for=shapes_of)
    app = StudyApp(session=session, store=Store(tmp_path / "db.sqlite3"), lang="en")
    async with app.run_test(size=size) as pilot:
        screen = await opened(pilot, lesson_id, index)
        area = screen.query_one(SnippetEditor)
        await pilot.press("f5")
        await app.workers.wait_for_complete()
        await pilot.pause()
        code = area.text
        notes = line_annotations(assigned_lines(code))
        assert notes, "the fake run should annotate the starter"
        for number, line in enumerate(code.splitlines()):
            if len(line) > longest or not line.strip():
                continue
            area.move_cursor((number, 0))  # scrolls a long starter's line into view
            await pilot.pause()
            text = drawn(area, number)
            assert line.rstrip() in text, f"line {number + 1} is cut at {size}: {text!r}"
            if number in notes and size == (120, 40):
                assert notes[number] in text, f"no shape beside line {number + 1}: {text!r}"
        # Wherever a shape does not fit beside its line, it is listed under the editor.
        marks = str(screen.query_one("#editor-marks").render())
        for number, note in area.hidden_annotations().items():
            assert f"{number + 1}: {note}" in marks


async def test_f6_folds_the_note_away_and_brings_it_back(tmp_path: Path) -> None:
    app = StudyApp(session=FakeSession(), store=Store(tmp_path / "db.sqlite3"), lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await opened(pilot, "training-loop", 0)
        column = screen.query_one("#note-column")
        area = screen.query_one(SnippetEditor)
        below = area.region.y
        assert column.region.height > 0, "at 120 columns the note is above the code"
        assert column.region.width >= 110, "across the width: no word breaks at 40+ cells"
        assert area.region.y >= column.region.bottom
        await pilot.press("f6")
        await pilot.pause()
        assert column.region.height == 0
        assert area.region.y < below, "the code takes the note's room"
        await pilot.press("f6")
        await pilot.pause()
        assert column.region.height > 0


async def test_at_80_columns_the_note_is_a_tab_that_f6_opens_and_closes(tmp_path: Path) -> None:
    app = StudyApp(session=FakeSession(), store=Store(tmp_path / "db.sqlite3"), lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await opened(pilot, "training-loop", 0)
        assert screen.query_one("#note-column").region.width == 0
        tabs = screen.results.tabs
        assert tabs.active == "tab-note"
        await pilot.press("f6")
        assert tabs.active == "tab-output"
        await pilot.press("f6")
        assert tabs.active == "tab-note"
        # The results sit under the editor, not beside it.
        assert screen.results.region.y >= screen.query_one(SnippetEditor).region.bottom


def failing_on_line_2(_code: str) -> list[Event]:
    from studytorch.kernel import Done, Error

    error = {"type": "RuntimeError", "message": "shape '[4, 4]' is invalid for input of size 6"}
    return [
        Error(error["type"], error["message"], [f"{error['type']}: {error['message']}"]),
        Summary({"kind": "run", "tensors": [], "error": {**error, "line": 2}}),
        Done("error", 0.01),
    ]


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_failing_line_is_marked_in_the_editor_with_the_error(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    session = FakeSession(events_for=failing_on_line_2)
    app = StudyApp(session=session, store=Store(tmp_path / "db.sqlite3"), lang="en")
    async with app.run_test(size=size) as pilot:
        screen = await opened(pilot, "shape-ops", 0)
        screen.results.tabs.active = "tab-tensors"
        await pilot.press("f5")
        await app.workers.wait_for_complete()
        await pilot.pause()
        area = screen.query_one(SnippetEditor)
        line = drawn(area, 1)
        assert "✗" in line
        shown = line + str(screen.query_one("#editor-marks").render())
        assert "RuntimeError: shape '[4, 4]' is invalid" in shown
        assert screen.results.tabs.active == "tab-output", "an error brings the traceback up"


# --- the note, read at 120x40: every word whole, every code block whole ------------------------


def note_problems(note: Markdown, column: Widget) -> list[str]:
    """Words broken across lines and code blocks not shown whole in a rendered note."""
    problems = []
    for block in note.query(MarkdownBlock):
        if isinstance(block, MarkdownFence):
            label = block.query_one(Label)
            shown = [label.render_line(y).text.rstrip() for y in range(label.size.height)]
            for line in block.code.rstrip("\n").splitlines():
                if line.rstrip() not in shown:
                    problems.append(f"code line not shown whole: {line!r}")
            if label.outer_size.width > block.scrollable_content_region.width:
                problems.append(f"code block cut at {block.size.width} cells: {block.code!r}")
            if block.region.right > column.region.right:
                problems.append(f"code block wider than the note: {block.code!r}")
            continue
        if block.query_children(MarkdownBlock):
            continue  # a list or a quote: its paragraphs are checked themselves
        source = block._content.plain.split()
        rows = [block.render_line(y).text for y in range(block.size.height)]
        drawn = " ".join(rows).split()
        if drawn != source:
            broken = [w for w in drawn if w not in source]
            problems.append(f"words broken at {block.size.width} cells: {broken[:4]}")
    return problems


@pytest.mark.parametrize("lang", ["en", "ko"])
async def test_at_120x40_every_note_of_every_step_has_whole_words_and_whole_code_blocks(
    tmp_path: Path, lang: str
) -> None:
    """Read as a learner reads: each step's note with all its hints (F2), in both languages."""
    course = load_course()
    app = StudyApp(session=FakeSession(), store=Store(tmp_path / "db"), course=course, lang=lang)
    problems: list[str] = []
    steps = 0
    async with app.run_test(size=(120, 40)) as pilot:
        for lesson in course.lessons:
            screen = LessonScreen(lesson, 0)
            await app.push_screen(screen)
            note = screen.query_one("#note-wide", Markdown)
            column = screen.query_one("#note-column")
            for index, step in enumerate(lesson.steps):
                screen.show_step(index)
                screen.hints_shown = len(step.hints)  # as after F2 for each hint
                screen.refresh_texts()
                await screen.note_drawn()
                await pilot.pause()
                steps += 1
                where = f"{lesson.id} step {index + 1} ({lang})"
                problems += [f"{where}: {p}" for p in note_problems(note, column)]
            await app.pop_screen()
    assert steps == sum(len(lesson.steps) for lesson in course.lessons)
    assert not problems, "\n".join(problems)
