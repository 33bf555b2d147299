"""The Textual app driven by Pilot: what a learner sees after each key, on a real kernel.

Tests whose behaviour is about the kernel (running, checking, dying, shutting down) use a real
ipykernel with CPU torch and a real SQLite store. Starting a kernel costs seconds, so the tests
that only read what a run produced share the module's warm kernel (`module_kernel`)
through `SharedSession`, which lets each app "start" and "shut down" without ending it. The
tests that own their kernel's life (death, restart, quit) start their own. Tests about the
screens alone (language, help, saved edits, a damaged database) use the FakeSession.
"""

from __future__ import annotations

import signal
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psutil
import pytest
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import DataTable, Markdown, TabbedContent, TextArea
from textual.widgets._footer import FooterKey

from conftest import RunsFinished, until
from fakes import DURATION_S, FakeSession
from studytorch.app import StudyApp
from studytorch.kernel import Died, Done, Error, Event, KernelSession, KernelState, Summary
from studytorch.kernel.session import explain_exit
from studytorch.screens.confirm import ConfirmScreen
from studytorch.screens.edit_keeper import AUTOSAVE_S
from studytorch.screens.help import HelpScreen
from studytorch.screens.lesson import LessonScreen
from studytorch.store import Store
from studytorch.widgets.output import OutputLog
from studytorch.widgets.status import KernelStatus

LESSON = "shape-ops"
STEP = "view"
"""The first step of shape-ops: its starter makes y = x.view(2, 3); the check wants (3, 2)."""

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


class SharedSession:
    """A warm KernelSession lent to one app: its start and shutdown leave the kernel running.

    Everything else (execute, check, state, info...) goes straight to the real session.
    """

    def __init__(self, real: KernelSession) -> None:
        self._real = real
        self.on_state: Callable[[KernelState], None] | None = None
        self.shut_down = False

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def _forward(self, state: KernelState) -> None:
        if self.on_state is not None:
            self.on_state(state)

    async def start(self) -> None:
        self._real.on_state = self._forward
        if self._real.state in (KernelState.STOPPED, KernelState.DEAD):
            await self._real.start()
        else:
            self._forward(self._real.state)

    async def shutdown(self) -> None:
        self._real.on_state = None
        self.shut_down = True


# --- helpers --------------------------------------------------------------------------------


def lesson_screen(app: StudyApp) -> LessonScreen:
    screen = app.screen
    assert isinstance(screen, LessonScreen), f"expected the lesson screen, got {screen!r}"
    return screen


def editor(app: StudyApp) -> TextArea:
    return lesson_screen(app).query_one("#editor", TextArea)


def visible_line(area: TextArea, y: int) -> str:
    """Line `y` of a text area as far as it is drawn (the region minus borders and scrollbar)."""
    return area.render_line(y).crop(0, area.scrollable_content_region.width).text


def output_text(app: StudyApp) -> str:
    log = lesson_screen(app).query_one(OutputLog)
    return "\n".join(strip.text for strip in log.lines)


def status_text(app: StudyApp) -> str:
    return str(app.screen.query_one(KernelStatus).render())


async def lessons_read(pilot: Pilot) -> None:
    """The app reads lessons after its first frame; then `--lesson` has opened its screen."""
    await until(pilot, lambda: pilot.app.course_loaded, "the lessons to be read")


async def kernel_ready(pilot: Pilot) -> None:
    """The kernel is ready and the lessons are read (so `--lesson` has opened its screen)."""
    app = pilot.app
    await until(pilot, lambda: app.course_loaded, "the lessons to be read")
    await until(pilot, lambda: app.kernel_state == "ready", "the kernel to be ready")


def fake_app(store_path: Path, **kwargs: Any) -> StudyApp:
    kwargs.setdefault("lang", "en")
    return StudyApp(session=FakeSession(), store=Store(store_path), **kwargs)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "db.sqlite3")


@pytest.fixture
def shared(warm_kernel: KernelSession) -> SharedSession:
    """conftest's warm kernel, wrapped so an app's start and quit do not end it."""
    return SharedSession(warm_kernel)


# --- running on a real kernel ---------------------------------------------------------------


@pytest.mark.kernel
@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.parametrize("size", SIZES)
async def test_run_shows_y_with_shape_2_3_in_the_tensor_table(
    shared: SharedSession, store: Store, size: tuple[int, int], finished: RunsFinished
) -> None:
    app = StudyApp(session=shared, store=store, lesson=LESSON, lang="en")
    async with app.run_test(size=size, message_hook=finished) as pilot:
        await kernel_ready(pilot)
        await finished.after(pilot)
        table = lesson_screen(app).query_one("#tensor-table", DataTable)
        row = table.get_row("y")
        assert str(row[0]) == "y"
        assert row[1] == "(2, 3)"
        assert table.get_row("x")[1] == "(6,)"
        # The editor shows y's shape at the right of its line, whole, inside the visible width.
        assert "y (2, 3)" in visible_line(editor(app), 1)
        await pilot.press("ctrl+t")  # from Output (where a run lands) to Tensors
        tabs = lesson_screen(app).query_one(TabbedContent)
        assert tabs.active == "tab-tensors"
        assert table.region.width > 0, "the tensor table is not on screen"
    assert shared.shut_down


@pytest.mark.kernel
@pytest.mark.asyncio(loop_scope="module")
async def test_starter_fails_check_then_solution_passes_and_is_recorded(
    shared: SharedSession, store: Store, finished: RunsFinished
) -> None:
    app = StudyApp(session=shared, store=store, lesson=LESSON, lang="en")
    async with app.run_test(size=(80, 24), message_hook=finished) as pilot:
        await kernel_ready(pilot)
        screen = lesson_screen(app)
        await finished.after(pilot)
        assert "✗" in status_text(app)
        assert "(3, 2)" in status_text(app), "the check's message should say what is expected"
        assert STEP not in store.passed_steps(LESSON)

        await pilot.press("f3")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await until(pilot, lambda: app.screen is screen, "the confirm dialog to close")
        assert editor(app).text.strip() == screen.step.solution.strip()

        await finished.after(pilot)
        assert "✓" in status_text(app)
        assert "✓" in output_text(app)
        assert STEP in store.passed_steps(LESSON)
        assert "●" in str(screen.query_one("#step-bar").render()), "the step bar marks it done"


@pytest.mark.kernel
@pytest.mark.asyncio(loop_scope="module")
async def test_markup_in_snippet_output_is_shown_literally_and_is_not_a_link(
    shared: SharedSession, store: Store, finished: RunsFinished
) -> None:
    printed = "[@click=app.quit]x[/] [bold]b"
    app = StudyApp(session=shared, store=store, lesson=LESSON, lang="en")
    async with app.run_test(size=(80, 24), message_hook=finished) as pilot:
        await kernel_ready(pilot)
        # Also a screen clear and a cursor move: shown as symbols, never sent to the terminal.
        editor(app).load_text(f"print({printed!r})\nprint('\\x1b[2J\\x1b[Aclear \\x1b[31mred')\n")
        await finished.after(pilot)
        assert printed in output_text(app)
        assert "␛[2J␛[Aclear red" in output_text(app)
        assert "\x1b" not in output_text(app)
        log = lesson_screen(app).query_one(OutputLog)
        actions = [
            seg.style.meta
            for strip in log.lines
            for seg in strip
            if seg.style is not None and seg.style.meta
        ]
        assert not any("@click" in meta for meta in actions), actions
        assert app.is_running
        assert app.return_code is None


@pytest.mark.kernel
@pytest.mark.asyncio(loop_scope="module")
async def test_tiny_terminal_40x12_runs_and_shows_help_without_crashing(
    shared: SharedSession, store: Store, finished: RunsFinished
) -> None:
    app = StudyApp(session=shared, store=store, lesson=LESSON, lang="en")
    async with app.run_test(size=(40, 12), message_hook=finished) as pilot:
        await kernel_ready(pilot)
        await finished.after(pilot)
        # The editor gives up its border so the whole starter (3 lines) is in view.
        area = editor(app)
        assert area.scrollable_content_region.height >= 3
        assert "y (2, 3)" in visible_line(area, 1)  # the shape beside the view line
        await pilot.press("ctrl+t", "ctrl+t", "ctrl+t")
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, LessonScreen)
        assert app.is_running


# --- kernel life: death, restart, quit (each test owns its kernel) ----------------------------


@pytest.mark.kernel
@pytest.mark.asyncio(loop_scope="module")
async def test_os_exit_is_explained_with_its_code_and_f9_restarts_a_working_kernel(
    store: Store, tmp_path: Path, finished: RunsFinished
) -> None:
    session = KernelSession(device="cpu", log_dir=tmp_path / "logs")
    app = StudyApp(session=session, store=store, lesson=LESSON, lang="en")
    async with app.run_test(size=(120, 40), message_hook=finished) as pilot:
        await kernel_ready(pilot)
        first_pid = session._kernel.proc.pid
        editor(app).load_text("import os; os._exit(3)\n")
        await finished.after(pilot)
        assert "code 3" in output_text(app)
        assert app.kernel_state == "dead"
        assert "code 3" in status_text(app)
        assert "F9" in status_text(app), "the status line should say how to restart"

        await pilot.press("f9")
        await kernel_ready(pilot)
        assert session._kernel.proc.pid != first_pid
        assert "code 3" not in status_text(app)
        # After F9 the status line starts clean: no last run, no check verdict of the old kernel.
        assert "last run" not in status_text(app) and "✗" not in status_text(app)

        editor(app).load_text("z = torch.ones(4) * 7\nprint('sum', int(z.sum()))\n")
        await finished.after(pilot)
        assert "sum 28" in output_text(app)
        assert store.runs(LESSON, STEP)[0][0] == "ok"
        assert "z" in [str(r[0]) for r in _rows(lesson_screen(app).query_one("#tensor-table"))]


def _rows(table: DataTable) -> list[list[Any]]:
    return [table.get_row_at(i) for i in range(table.row_count)]


@pytest.mark.kernel
@pytest.mark.asyncio(loop_scope="module")
async def test_quitting_shuts_the_kernel_down_and_leaves_no_process(
    store: Store, tmp_path: Path
) -> None:
    session = KernelSession(device="cpu", log_dir=tmp_path / "logs")
    app = StudyApp(session=session, store=store, lesson=LESSON, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await kernel_ready(pilot)
        proc = psutil.Process(session._kernel.proc.pid)
        private_dir = session._kernel.folder
        assert private_dir is not None and private_dir.is_dir()
        assert any(part.endswith("boot.py") for part in proc.cmdline())
        await pilot.press("ctrl+q")
    assert session._kernel is None
    assert session.state == KernelState.STOPPED
    assert not private_dir.exists(), "the connection file and sockets should be removed"
    try:
        gone = proc.status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        gone = True
    assert gone, f"kernel {proc.pid} is still running"
    leftovers = [
        child.pid
        for child in psutil.Process().children(recursive=True)
        if _is_kernel_of(child, str(private_dir))
    ]
    assert not leftovers, f"ipykernel processes of this app remain: {leftovers}"


def _is_kernel_of(proc: psutil.Process, marker: str) -> bool:
    try:
        cmdline = proc.cmdline()
        return proc.status() != psutil.STATUS_ZOMBIE and any(marker in part for part in cmdline)
    except psutil.Error:
        return False


# --- screens without a kernel (FakeSession) --------------------------------------------------


@pytest.mark.parametrize("leave", ["autosave", "quit-at-once", "back-to-lessons"])
async def test_an_edit_survives_restarting_the_app(tmp_path: Path, leave: str) -> None:
    db = tmp_path / "db.sqlite3"
    app = fake_app(db, lesson=LESSON)
    async with app.run_test(size=(80, 24)) as pilot:
        await lessons_read(pilot)
        await pilot.press(*"# mine", "enter")  # typed at the cursor: the top of the snippet
        assert editor(app).text.startswith("# mine\nx = torch.arange")
        if leave == "autosave":
            await pilot.pause(AUTOSAVE_S)
            await until(
                pilot,
                lambda: "# mine" in (app.store.load_edit(LESSON, STEP) or ""),
                "the autosave",
                timeout=10,
            )
        elif leave == "back-to-lessons":
            await pilot.press("ctrl+o")
            assert not isinstance(app.screen, LessonScreen)
        await pilot.press("ctrl+q")

    again = fake_app(db, lesson=LESSON)
    async with again.run_test(size=(80, 24)) as pilot:
        await lessons_read(pilot)
        await pilot.pause()
        assert editor(again).text.startswith("# mine\nx = torch.arange")


async def test_ctrl_l_shows_the_note_in_korean_and_remembers_it(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    app = fake_app(db, lesson=LESSON)
    async with app.run_test(size=(80, 24)) as pilot:
        await lessons_read(pilot)
        note = lesson_screen(app).query_one("#note-narrow", Markdown)
        assert "메모리" not in note.source
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert app.lang == "ko"
        assert "메모리" in note.source  # "memory", from the Korean note of shape-ops/view
        tabs = lesson_screen(app).query_one(TabbedContent)
        assert str(tabs.get_tab("tab-note").label) == "설명"
        assert app.store.get_setting("lang") == "ko"

    with Store(db) as reopened:
        assert reopened.get_setting("lang") == "ko"
    # A new app without --lang starts in the remembered language.
    again = StudyApp(session=FakeSession(), store=Store(db), lesson=LESSON)
    try:
        assert again.lang == "ko"
    finally:
        again.store.close()


async def test_help_lists_every_binding_of_the_lesson_screen(tmp_path: Path) -> None:
    app = fake_app(tmp_path / "db.sqlite3", lesson=LESSON)
    async with app.run_test(size=(120, 40)) as pilot:
        await lessons_read(pilot)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        rows = [[str(cell) for cell in row] for row in _rows(app.screen.query_one(DataTable))]
        lesson_rows = [row for row in rows if row[2] == "lesson"]
        for binding in LessonScreen.BINDINGS:
            keys = ", ".join(
                app.get_key_display(type(binding)(key, binding.action))
                for key in binding.key.split(",")
            )
            does = binding.tooltip or binding.description  # the longer text where there is one
            assert [keys, does, "lesson"] in lesson_rows, f"{binding.key} ({does}) is not in help"
        assert len(lesson_rows) == len(LessonScreen.BINDINGS)
        everywhere = {row[1] for row in rows if row[2] == "everywhere"}
        assert {b.tooltip or b.description for b in StudyApp.BINDINGS} <= everywhere
        await pilot.press("escape")
        assert isinstance(app.screen, LessonScreen)


async def test_in_korean_the_footer_and_help_speak_korean_and_switch_back(tmp_path: Path) -> None:
    app = fake_app(tmp_path / "db.sqlite3", lesson=LESSON)
    async with app.run_test(size=(120, 40)) as pilot:
        await lessons_read(pilot)

        def footer() -> dict[str, str]:
            return {key.action: key.description for key in app.screen.query(FooterKey)}

        # The footer composes its keys after the screen mounts, and again after a switch.
        await until(pilot, lambda: footer().get("run") == "Run", "the English footer")
        await pilot.press("ctrl+l")
        await until(pilot, lambda: footer().get("run") == "실행", "the Korean footer")
        assert footer()["quit"] == "끝내기"
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "the help screen")
        rows = [[str(cell) for cell in row] for row in _rows(app.screen.query_one(DataTable))]
        lesson_rows = [row for row in rows if row[2] == "레슨"]
        assert len(lesson_rows) == len(LessonScreen.BINDINGS)
        # Every key is explained in Korean, the editor's own keys too: each row has Hangul.
        hangul = [row for row in rows if any("가" <= ch <= "힣" for ch in row[1])]
        untranslated = [row for row in rows if row not in hangul]
        assert untranslated == []
        editor_rows = [row for row in rows if row[2] == "편집기"]
        assert any(row[1] == "커서 위로" for row in editor_rows), editor_rows
        # F6 folds the note (a priority key of the screen): the editor's F6 is never listed.
        assert not [row for row in editor_rows if "f6" in row[0].lower()], editor_rows
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen)
        await pilot.press("ctrl+l")
        await until(pilot, lambda: footer().get("run") == "Run", "the English footer again")


async def test_a_broken_gpu_says_f9_restarts_and_keeps_the_snippet(tmp_path: Path) -> None:
    error = {"type": "AcceleratorError", "message": "CUDA error: device-side assert triggered"}

    def broken_gpu(_code: str) -> list[Event]:
        return [
            Error(error["type"], error["message"], [f"{error['type']}: {error['message']}"]),
            Summary({"kind": "run", "error": {**error, "line": None}, "gpu_broken": True}),
            Done("error", DURATION_S),
        ]

    session = FakeSession(events_for=broken_gpu)
    app = StudyApp(session=session, store=Store(tmp_path / "db.sqlite3"), lesson=LESSON, lang="ko")
    async with app.run_test(size=(120, 40)) as pilot:
        await lessons_read(pilot)
        before = editor(app).text
        await pilot.press("f5")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any("F9" in n.message and "GPU" in n.message for n in app._notifications)
        assert editor(app).text == before
        assert "device-side assert" in output_text(app)
        assert "시작하세요(F9)" in output_text(app)  # the explanation, in Korean
        assert output_text(app).splitlines()[-1] == "■ 에러 · 12 ms"  # closes "▶ 실행 중…"
        assert "12 ms" in status_text(app)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert "12 ms" not in status_text(app)  # the last run belonged to the other step


async def test_a_damaged_database_is_moved_aside_with_a_notice_and_the_app_starts(
    tmp_path: Path,
) -> None:
    db = tmp_path / "db.sqlite3"
    db.write_bytes(b"this is not a database, just garbage \x00\xff" * 200)
    store = Store(db)
    assert store.notice is not None
    moved = [p for p in tmp_path.iterdir() if p.name.startswith("db.sqlite3.corrupt")]
    assert len(moved) == 1
    app = StudyApp(session=FakeSession(), store=store, lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await lessons_read(pilot)
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any(str(moved[0]) in m for m in messages), messages
        assert app.screen.query_one("#lesson-list").option_count > 0
        assert app.is_running


def test_untrusted_text_keeps_markup_as_text_and_colours_but_shows_cursor_moves() -> None:
    """The helper the output log relies on: markup stays text, colours stay, clears show."""
    from studytorch.widgets.output import safe_text

    text = safe_text("[bold]b[/] \x1b[31mred\x1b[0m \x1b[2Jcleared")
    assert isinstance(text, Text)
    assert text.plain == "[bold]b[/] red ␛[2Jcleared"
    assert [text.plain[span.start : span.end] for span in text.spans] == ["red"]  # its colour


async def test_enter_in_the_editor_keeps_python_indentation(tmp_path: Path) -> None:
    app = fake_app(tmp_path / "db.sqlite3", lesson=LESSON)
    async with app.run_test(size=(80, 24)) as pilot:
        await lessons_read(pilot)
        area = editor(app)
        area.load_text("")
        await pilot.press(*"for i in range(3):", "enter", *"x = i", "enter", *"if x:", "enter")
        await pilot.press(*"pass")
        assert area.text == "for i in range(3):\n    x = i\n    if x:\n        pass"
        await pilot.press("ctrl+z")  # one undo takes back the last typing, not the indentation
        assert area.text.startswith("for i in range(3):\n    x = i\n")


# --- a run belongs to its step ------------------------------------------------------------------

TICKING = "import time\nfor i in range(400):\n    time.sleep(0.05)\n    print('tick', i)\n"


@pytest.mark.kernel
@pytest.mark.asyncio(loop_scope="module")
async def test_leaving_a_step_mid_run_interrupts_it_and_nothing_reaches_the_next_step(
    shared: SharedSession, store: Store, finished: RunsFinished
) -> None:
    app = StudyApp(session=shared, store=store, lesson=LESSON, lang="en")
    async with app.run_test(size=(120, 40), message_hook=finished) as pilot:
        await kernel_ready(pilot)
        screen = lesson_screen(app)
        editor(app).load_text(TICKING)
        await pilot.press("f5")
        await until(pilot, lambda: "tick" in output_text(app), "the run to print")
        await pilot.press("f5")
        assert any("Already running" in n.message for n in app._notifications)
        abandoned = await finished.after(pilot, "ctrl+n")
        assert screen.index == 1
        assert "tick" not in output_text(app), "the old step's output reached the new step"
        assert "✓" not in status_text(app) and "✗" not in status_text(app)
        assert abandoned.step_id == STEP
        assert abandoned.result.status == "interrupted"
        assert store.runs(LESSON, STEP, limit=5)[0][0] == "interrupted"
        assert store.runs(LESSON, screen.step.id, limit=5) == []
        # The kernel is free again at once: the new step runs.
        await finished.after(pilot)
        assert "■ done" in output_text(app) or "✗" in status_text(app)


@pytest.mark.kernel
@pytest.mark.asyncio(loop_scope="module")
async def test_going_back_to_the_lessons_mid_run_ends_the_run(
    shared: SharedSession, store: Store, finished: RunsFinished
) -> None:
    app = StudyApp(session=shared, store=store, lesson=LESSON, lang="en")
    async with app.run_test(size=(80, 24), message_hook=finished) as pilot:
        await kernel_ready(pilot)
        editor(app).load_text(TICKING)
        await pilot.press("f5")
        await until(pilot, lambda: "tick" in output_text(app), "the run to print")
        ended = await finished.after(pilot, "ctrl+o")
        assert not isinstance(app.screen, LessonScreen), "back at the lesson list"
        assert ended.result.status == "interrupted"
        await until(pilot, lambda: not app.run_in_progress(), "the kernel to be free", timeout=10)
        assert store.runs(LESSON, STEP, limit=1)[0][0] == "interrupted"
        assert app.kernel_state == "ready"


@pytest.mark.kernel
async def test_f5_while_the_kernel_starts_waits_for_it_and_runs(
    store: Store, tmp_path: Path, finished: RunsFinished
) -> None:
    session = KernelSession(device="cpu", log_dir=tmp_path / "logs")
    app = StudyApp(session=session, store=store, lesson=LESSON, lang="en")
    async with app.run_test(size=(80, 24), message_hook=finished) as pilot:
        await lessons_read(pilot)
        assert app.kernel_state != "ready"
        await finished.after(pilot)
        assert store.runs(LESSON, STEP, limit=1)[0][0] == "ok"
        text = output_text(app)
        assert "died" not in text and "not started" not in text
        assert "(3, 2)" in status_text(app), "the starter's real check verdict"


async def test_warnings_are_noted_after_the_run_in_the_app_language(tmp_path: Path) -> None:
    warning = {
        "kind": "squeeze_no_op",
        "en": "line 2: `squeeze(1)` on a tensor of shape (4, 3) did nothing",
        "ko": "2번째 줄: 모양 (4, 3)인 텐서에 `squeeze(1)`을 했지만 아무 일도 일어나지 않았습니다",
        "line": 2,
    }

    def squeezed(_code: str) -> list[Event]:
        return [Summary({"kind": "run", "error": None, "warnings": [warning]}), Done("ok", 0.01)]

    session = FakeSession(events_for=squeezed)
    app = StudyApp(session=session, store=Store(tmp_path / "db.sqlite3"), lesson=LESSON, lang="ko")
    async with app.run_test(size=(120, 40)) as pilot:
        await lessons_read(pilot)
        await pilot.press("f5")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert warning["ko"] in output_text(app).replace("\n", "")
        assert warning["en"] not in output_text(app)


async def test_a_kernel_killed_from_outside_is_explained_as_memory_in_the_output(
    tmp_path: Path,
) -> None:
    reason = explain_exit(-signal.SIGKILL)  # the words the session uses for this death

    def killed(_code: str) -> list[Event]:
        return [Died(reason), Done("died", 0.01)]

    session = FakeSession(events_for=killed)
    app = StudyApp(session=session, store=Store(tmp_path / "db.sqlite3"), lesson=LESSON, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await lessons_read(pilot)
        await pilot.press("f5")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "out-of-memory killer" in output_text(app).replace("\n", " ")
