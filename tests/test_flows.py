"""Flows that lead on: the note and hints in view, continue, the next lesson, keys from any
focus, editing keys that keep Python's indentation, and an Output pane worth reading."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widgets import DataTable, OptionList

from conftest import RunsFinished, screen_text, until
from fakes import FakeSession, fixed_course
from studytorch.app import StudyApp
from studytorch.course import load_course
from studytorch.kernel import Event, Stream, Summary
from studytorch.screens.confirm import ConfirmScreen
from studytorch.screens.home import HomeScreen
from studytorch.screens.lesson import LessonScreen
from studytorch.screens.run_history import RunHistoryScreen
from studytorch.store import Store
from studytorch.ui_text import ui
from studytorch.widgets.editor import SnippetEditor
from studytorch.widgets.output import HEAD_LINES, TAIL_LINES, OutputLog


async def settled(pilot: Pilot) -> None:
    await until(pilot, lambda: pilot.app.course_loaded, "the lessons to be read")
    await pilot.pause()


def lesson(app: StudyApp) -> LessonScreen:
    assert isinstance(app.screen, LessonScreen), app.screen
    return app.screen


async def test_a_new_step_shows_its_note_from_the_top_and_f2_brings_the_hint_into_view(
    tmp_path: Path,
) -> None:
    course = load_course()
    app = StudyApp(session=FakeSession(), store=Store(tmp_path / "db"), course=course, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        await app.push_screen(LessonScreen(course.find("training-loop"), 0))
        await pilot.pause()
        note = lesson(app).query_one("#note-scroll", VerticalScroll)
        assert note.max_scroll_y > 0, "the note should be longer than the pane"
        note.scroll_end(animate=False)
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert lesson(app).index == 1
        assert note.scroll_y == 0
        await pilot.press("f2")
        await until(
            pilot,
            lambda: note.max_scroll_y > 0 and note.scroll_y == note.max_scroll_y,
            "the hint scrolled into view",
            timeout=5,
        )


async def test_continue_opens_the_first_unfinished_step_after_a_finished_lesson(
    tmp_path: Path,
) -> None:
    store = Store(tmp_path / "db")
    store.mark_passed("tensors", "make")  # the whole first lesson is done
    store.set_position("tensors", "make")
    app = StudyApp(session=FakeSession(), store=store, course=fixed_course(), lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        options = app.screen.query_one(OptionList)
        assert "Shape ops" in str(options.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await pilot.pause()
        assert lesson(app).lesson.id == "shape-ops" and lesson(app).index == 0
        store.mark_passed("shape-ops", "view")
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert lesson(app).lesson.id == "shape-ops" and lesson(app).index == 1


async def test_ctrl_n_on_the_last_step_offers_the_next_lesson(tmp_path: Path) -> None:
    course = fixed_course()
    app = StudyApp(session=FakeSession(), store=Store(tmp_path / "db"), course=course, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        await app.push_screen(LessonScreen(course.find("tensors"), 0))
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert lesson(app).lesson.id == "shape-ops"
        await pilot.press("ctrl+o")  # the next lesson replaced the last one: one step back
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_keys_work_with_the_focus_in_the_tensors_table(tmp_path: Path) -> None:
    session = FakeSession()
    app = StudyApp(session=session, store=Store(tmp_path / "db"), course=fixed_course(), lang="en")
    app.start_lesson = "shape-ops"
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        await pilot.press("f5")
        await app.workers.wait_for_complete()
        screen = lesson(app)
        screen.results.tabs.active = "tab-tensors"
        await pilot.pause()
        screen.query_one("#tensor-table", DataTable).focus()
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert screen.results.tabs.active != "tab-tensors"
        screen.results.tabs.active = "tab-tensors"
        screen.query_one("#tensor-table", DataTable).focus()
        await pilot.press("f5")
        await app.workers.wait_for_complete()
        assert len(session.ran) == 2
        await pilot.press("f9")
        await pilot.pause()
        assert "restart" in session.calls


async def test_editing_keys_keep_python_indentation(tmp_path: Path) -> None:
    app = StudyApp(session=FakeSession(), store=Store(tmp_path / "db"), course=fixed_course())
    app.start_lesson = "shape-ops"
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        area = lesson(app).query_one(SnippetEditor)
        area.load_text("for i in range(3):\n        x = i\ny = 1\n")
        area.move_cursor((1, 8))
        await pilot.press("backspace")
        assert area.document.get_line(1) == "    x = i", "one indent level, not one space"
        await pilot.press("home")  # already at the first non-blank: to column 0
        assert area.cursor_location == (1, 0)
        await pilot.press("home")
        assert area.cursor_location == (1, 4)
        await pilot.press("ctrl+end")
        assert area.cursor_location == area.document.end
        await pilot.press("ctrl+home")
        assert area.cursor_location == (0, 0)


async def test_ctrl_o_reads_the_lessons_folder_again(tmp_path: Path, studytorch_home: Path) -> None:
    from test_lessons_loader import write_lesson

    app = StudyApp(session=FakeSession(), store=Store(tmp_path / "db"), lang="en")
    app.start_lesson = "tensors"
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        assert isinstance(app.screen, LessonScreen)
        write_lesson(studytorch_home / "lessons" / "added", lesson_id="added-later")
        await pilot.press("ctrl+o")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.course.find("added-later") is not None
        options = app.screen.query_one(OptionList)
        ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
        assert "lesson:added-later" in ids


def long_line_then_many(_code: str) -> list[Event]:
    lines = "".join(f"line {i}\n" for i in range(5000))
    return [Stream("stdout", "a" * 200 + "\n"), Stream("stdout", lines)]


async def test_output_rewraps_at_its_width_and_keeps_head_and_tail(
    tmp_path: Path, finished: RunsFinished
) -> None:
    session = FakeSession(events_for=long_line_then_many)
    app = StudyApp(session=session, store=Store(tmp_path / "db"), course=fixed_course())
    app.start_lesson = "shape-ops"
    async with app.run_test(size=(80, 24), message_hook=finished) as pilot:
        await settled(pilot)
        screen = lesson(app)
        screen.results.tabs.active = "tab-note"
        await pilot.pause()
        log = screen.query_one(OutputLog)
        # The run's output arrives while the note is in front; Output comes up for the run.
        await finished.after(pilot)
        screen.results.tabs.active = "tab-tensors"
        await pilot.pause()
        screen.results.tabs.active = "tab-output"

        def long_rows() -> list[str]:
            return [t for t in (s.text.rstrip() for s in log.lines) if set(t) == {"a"}]

        def rewrapped() -> bool:
            width = log.scrollable_content_region.width
            return width > 0 and len(long_rows()) == math.ceil(200 / width)

        await until(pilot, rewrapped, "the output wrapped at its width", timeout=5)
        texts = [strip.text.rstrip() for strip in log.lines]
        kept = [t for t in texts if t.startswith("line ")]
        assert kept[0] == "line 0" and kept[-1] == "line 4999"
        assert log.cut > 0 and len(kept) + log.cut == 5000
        assert any(f"{log.cut:,} lines cut" in t for t in texts)
        assert len(kept) <= HEAD_LINES + TAIL_LINES


async def test_a_huge_paste_is_refused_with_a_reason_and_typing_still_works(tmp_path: Path) -> None:
    session = FakeSession()
    app = StudyApp(session=session, store=Store(tmp_path / "db"), course=fixed_course())
    app.start_lesson = "shape-ops"
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        area = lesson(app).query_one(SnippetEditor)
        area.load_text("".join(f"x{i} = {i}\n" for i in range(100_000)))
        await pilot.pause()
        assert area.language is None, "highlighting is off for such a text"
        await pilot.press("f5")
        await pilot.pause()
        assert session.ran == []
        assert any("too big" in n.message for n in app._notifications)
        await pilot.press("ctrl+home", *"# ok", "enter")
        assert area.document.get_line(0) == "# ok"


def growing_grads(code: str) -> list[Event]:
    """A model whose weight's grad norm is the snippet's `norm = N` (as without zero_grad)."""
    norm = float(code.split("norm = ")[1].split()[0]) if "norm = " in code else 1.0
    parameter = {"name": "weight", "shape": [1, 2], "requires_grad": True, "grad_norm": norm}
    module = {"name": "model", "type": "Linear", "total": 3, "trainable": 3}
    return [
        Summary(
            {
                "kind": "run",
                "tensors": [],
                "modules": [{**module, "parameters": [parameter]}],
                "optimizers": [],
            }
        )
    ]


async def test_the_previous_run_of_a_step_is_still_compared_after_leaving_the_lesson(
    tmp_path: Path, finished: RunsFinished
) -> None:
    """docs/architecture.md: grad norms are compared with the step's previous run, kept by the
    app, so the comparison survives Ctrl+O and coming back (it lived on the screen before)."""
    app = StudyApp(
        session=FakeSession(events_for=growing_grads),
        store=Store(tmp_path / "db"),
        course=fixed_course(),
        lang="en",
    )
    app.start_lesson = "shape-ops"
    async with app.run_test(size=(120, 40), message_hook=finished) as pilot:
        await settled(pilot)
        lesson(app).editor.load_text("norm = 1.0\n")
        await finished.after(pilot)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("enter")  # Continue: back to the same step, a new screen
        await pilot.pause()
        lesson(app).editor.load_text("norm = 4.0\n")
        second = await finished.after(pilot)
        parameter = second.result.summary["modules"][0]["parameters"][0]
        assert parameter["grad_norm_before"] == 1.0
        lesson(app).results.tabs.active = "tab-model"
        await pilot.pause()
        body = lesson(app).query_one("#model-body")
        shown = "\n".join(body.render_line(y).text for y in range(body.size.height))
        assert "×4↑" in shown, shown


async def test_after_ctrl_o_the_list_highlights_the_lesson_just_left(tmp_path: Path) -> None:
    """The first lesson opened adds a Continue row above the list: the highlight must follow
    the lesson, not its old index, so Enter opens the lesson just left again."""
    app = StudyApp(
        session=FakeSession(), store=Store(tmp_path / "db"), course=fixed_course(), lang="en"
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        options = app.screen.query_one(OptionList)
        assert options.get_option_at_index(0).id == "lesson:tensors", "no Continue row yet"
        await pilot.press("down", "enter")  # the second lesson, shape-ops
        await pilot.pause()
        assert lesson(app).lesson.id == "shape-ops"
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert options.get_option_at_index(0).id == "resume", "now a Continue row is there"
        highlighted = options.get_option_at_index(options.highlighted)
        assert highlighted.id == "lesson:shape-ops", highlighted.prompt
        await pilot.press("enter")
        await pilot.pause()
        assert lesson(app).lesson.id == "shape-ops"


@pytest.mark.parametrize("lang", ["en", "ko"])
async def test_run_history_tells_a_failed_check_from_a_pass_and_p_keeps_the_passing_runs(
    tmp_path: Path, finished: RunsFinished, lang: str
) -> None:
    """Both runs ended without an error: only the check tells them apart, and the list says so."""
    session = FakeSession()
    app = StudyApp(session=session, store=Store(tmp_path / "db"), course=fixed_course(), lang=lang)
    app.start_lesson = "shape-ops"
    async with app.run_test(size=(100, 30), message_hook=finished) as pilot:
        await settled(pilot)
        first = await finished.after(pilot)
        assert first.result.status == "ok" and first.checked and not first.passed
        session.verdict = {"passed": True}
        assert (await finished.after(pilot)).passed
        await pilot.press("ctrl+f")
        await until(pilot, lambda: isinstance(app.screen, RunHistoryScreen), "the run history")
        options = app.screen.query_one(OptionList)

        def listed() -> list[str]:
            return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]

        passed, failed = ui("history.passed", lang), ui("history.check_failed", lang)
        assert passed in listed()[0] and failed in listed()[1], listed()
        await pilot.press("p")
        assert len(listed()) == 1 and passed in listed()[0]
        assert ui("history.filtered", lang) in str(app.screen.query_one("#history-title").render())
        await pilot.press("p")
        assert len(listed()) == 2


async def test_a_title_that_does_not_fit_ends_with_an_ellipsis_and_f7_says_it_whole(
    tmp_path: Path,
) -> None:
    course = load_course()
    lesson_ = max(course.lessons, key=lambda lesson: len(lesson.title.get("en")))
    app = StudyApp(session=FakeSession(), store=Store(tmp_path / "db"), course=course, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        await app.push_screen(LessonScreen(lesson_, 0))
        await pilot.pause()
        bar = screen_text(app).splitlines()[0].rstrip()
        title = lesson_.title.get("en")
        assert bar.endswith("…") and title not in bar, bar
        await pilot.press("f7")
        await pilot.pause()
        assert any(title in n.message for n in app._notifications)
