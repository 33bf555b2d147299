"""LessonScreen: the note, the snippet editor and what the last run did, for one step."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Markdown, Static, TextArea

from studytorch.course.runner import StepRun, run_step
from studytorch.kernel.protocol import Event, KernelState
from studytorch.kernel.result import RunResult
from studytorch.keys import bind, localize
from studytorch.screens.confirm import ConfirmScreen
from studytorch.store import EditConflict, StoreError
from studytorch.text import visible
from studytorch.ui_text import say, ui
from studytorch.widgets.editor import SnippetEditor, line_annotations
from studytorch.widgets.results import ResultsPanel
from studytorch.widgets.status import KernelStatus

if TYPE_CHECKING:
    from studytorch.app import StudyApp
    from studytorch.course import Lesson, Step

AUTOSAVE_S = 0.4
"""An edit is written this long after the last keystroke (and always before a run or leaving)."""
AUTOSAVE_MAX_S = 2.0
"""Steady typing never pauses for AUTOSAVE_S: it is still written at least this often."""
WIDE = 120
"""From this width the note gets a column beside the code; below it the note is a tab."""
SHORT = 16
MAX_LINES = 2_000
MAX_BYTES = 200_000
"""A snippet past either limit is refused: the app is for snippets; `studytorch run` takes files."""
"""Below this height the editor drops its border: two more lines of code."""


class LessonScreen(Screen[None]):
    """One lesson, one step at a time. Keys work while the editor has focus."""

    # Textual sets one class of each list on the screen as the terminal's size crosses them.
    HORIZONTAL_BREAKPOINTS = [(0, "-w-narrow"), (WIDE, "-w-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-h-short"), (SHORT, "-h-tall")]

    # The footer at 80 columns fits about eight keys: the rest are shown=False and listed by F1.
    BINDINGS = [
        bind("f5", "run", priority=True),
        bind("ctrl+r", "run", show=False, priority=True),
        bind("f8", "interrupt", priority=True),
        bind("f9", "restart", show=False, priority=True),
        bind("ctrl+n", "next_step", priority=True),
        bind("ctrl+p", "previous_step", show=False, priority=True),
        bind("f2", "hint", priority=True),
        bind("f3", "solution", priority=True),
        bind("f4", "reset", show=False, priority=True),
        bind("ctrl+t", "next_tab", priority=True),
        bind("f6", "toggle_note", show=False, priority=True),
        bind("ctrl+g", "switch_device", show=False, priority=True),
        bind("ctrl+o", "back", show=False, priority=True),
        # Ctrl+Y is the editor's redo, so earlier runs are on Ctrl+F ("former runs").
        bind("ctrl+f", "history", show=False, priority=True),
        # In the editor Esc moves the focus on (TextArea does that); from a pane it comes back.
        bind("escape", "focus_editor", show=False),
        bind("question_mark", "app.help", show=False),
    ]

    app: StudyApp

    def __init__(self, lesson: Lesson, index: int | None = None) -> None:
        super().__init__()
        self.lesson = lesson
        passed = None
        if index is None:
            passed = self._passed()
            index = next((i for i, s in enumerate(lesson.steps) if s.id not in passed), 0)
        self.index = index
        self.hints_shown = 0
        self.check_line = ""
        self._note_updates: list[Any] = []
        self._laid_out = False
        self._save_timer: Timer | None = None
        self._max_timer: Timer | None = None
        self._revision: float | None = None
        """The stored edit's revision this screen last read or wrote (None: nothing stored)."""
        self._save_error = ""
        """Why the last save failed; empty once a save succeeds."""
        self._asking = False
        """A question about a conflicting edit is open: no autosave until it is answered."""
        self._saved_code = ""
        self._editor_code = ""
        self.metric_runs: dict[str, list[dict[str, list[float]]]] = {}
        """Metrics of earlier runs per step, drawn under the current curve."""
        self._previous_runs: dict[tuple[str, str], RunResult] = {}
        """Each step's last run: grad norms are compared with it, never with another step's."""
        self._run_token = 0
        """Which run the screen listens to; a new run, a step change or F9 move it on."""
        self._last_check: StepRun | None = None

    # --- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # Read in order: the note, the code, then what the run did right under the code.
        yield Static(id="step-bar")
        with Horizontal(id="lesson-body"):
            with VerticalScroll(id="note-column"):
                yield Markdown(id="note-wide")
            with Vertical(id="work"):
                yield SnippetEditor(id="editor")
                yield Static(id="editor-marks")
                yield ResultsPanel(id="results")
        yield KernelStatus(id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self._language_changed)
        self.results.code_of_run = lambda: self.query_one(SnippetEditor).text
        self.show_step(self.index)

    async def _on_resize(self, event: events.Resize) -> None:
        # Screen's handler sets the breakpoint classes (and stops the event): follow them.
        await super()._on_resize(event)
        self.results.set_note_tab(not self.note_in_column)
        if not self._laid_out:
            self._laid_out = True
            if not self.note_in_column:
                self.results.tabs.active = "tab-note"

    @property
    def note_in_column(self) -> bool:
        """The note has its own column (wide terminal, not folded away)."""
        return self.has_class("-w-wide") and not self.has_class("-note-folded")

    def action_toggle_note(self) -> None:
        if self.has_class("-w-wide"):
            self.toggle_class("-note-folded")
            self.results.set_note_tab(not self.note_in_column)
        elif self.results.tabs.active == "tab-note":
            self.results.tabs.active = "tab-output"
        else:
            self.results.tabs.active = "tab-note"

    def on_results_panel_failed(self, event: ResultsPanel.Failed) -> None:
        self.query_one(SnippetEditor).mark_error(event.line, event.text)

    def on_snippet_editor_marks(self) -> None:
        """Shapes (and the error) that do not fit beside their lines are listed under the code,
        the cursor's line first, so the one being read is never the one cut off."""
        editor = self.query_one(SnippetEditor)
        hidden = editor.hidden_annotations()
        marks = self.query_one("#editor-marks", Static)
        marks.display = bool(hidden)
        if not hidden:
            return
        row = editor.cursor_location[0]
        text = Text("◂ ", style="dim")
        order = sorted(hidden.items(), key=lambda item: (item[0] != row, item[0]))
        for number, (line, note) in enumerate(order):
            text.append(" · " if number else "")
            text.append(f"{line + 1}: ", style="bold")
            text.append(note, style="red" if note.startswith("✗") else "")
        marks.update(text)

    def on_text_area_selection_changed(self, event: TextArea.SelectionChanged) -> None:
        if self.query_one("#editor-marks", Static).display:
            self.on_snippet_editor_marks()

    @property
    def results(self) -> ResultsPanel:
        return self.query_one(ResultsPanel)

    @property
    def step(self) -> Step:
        return self.lesson.steps[self.index]

    def t(self, key: str) -> str:
        return ui(key, self.app.lang)

    # --- showing a step --------------------------------------------------------------------

    def show_step(self, index: int) -> None:
        if not self._save_now():
            self.notify(self.t("stay"), severity="warning")
            return
        if index != self.index or not self.is_mounted:
            self._abandon_run()
        self.index = index
        self.hints_shown = 0
        self.check_line = ""
        self._last_check = None
        step = self.step
        code = self._load_edit(step) or step.starter
        editor = self.query_one(SnippetEditor)
        self._saved_code = self._editor_code = code
        editor.load_text(code)
        editor.focus()
        editor.annotate({})
        self.results.clear()
        self.query_one(KernelStatus).last_run = ""  # it was another step's run
        try:
            self.app.store.set_position(self.lesson.id, step.id)
        except StoreError as exc:
            self.notify(str(exc), severity="error")
        self._refresh_texts()
        for scroll in self._note_scrolls():
            scroll.scroll_home(animate=False)  # a new step's note is read from its start
        if not self.note_in_column:
            self.results.tabs.active = "tab-note"

    def _refresh_texts(self) -> None:
        """Everything that depends on the step or the language."""
        lang = self.app.lang
        step = self.step
        note = visible(step.note.get(lang))
        for index, hint in enumerate(step.hints[: self.hints_shown], 1):
            note += (
                f"\n\n> **{self.t('hint')} {index}/{len(step.hints)}:** {visible(hint.get(lang))}"
            )
        self._note_updates = [
            self.query_one("#note-wide", Markdown).update(note),
            self.query_one("#note-narrow", Markdown).update(note),
        ]
        self.results.label(lang)
        self._refresh_bar()

    def _refresh_bar(self) -> None:
        """Where the learner is and how the last check went: cheap, redrawn after every run."""
        lang = self.app.lang
        passed = self._passed()
        marks = "".join("●" if s.id in passed else "○" for s in self.lesson.steps)
        bar = Text(no_wrap=True, overflow="ellipsis")
        bar.append(f"{self.t('step')} {self.index + 1}/{len(self.lesson.steps)} {marks} ")
        bar.append(visible(self.step.title.get(lang)), style="bold")
        bar.append(visible(f" · {self.lesson.title.get(lang)}"), style="dim")
        self.query_one("#step-bar", Static).update(bar)
        self.query_one(KernelStatus).check = self.check_line

    def _language_changed(self, lang: str) -> None:
        localize(self, lang)
        self.check_line = self._check_text(self._last_check)
        self._refresh_texts()
        self.results.relabel()
        self.results.output.retranslate(lang)

    def _passed(self) -> set[str]:
        try:
            return self.app.store.passed_steps(self.lesson.id)
        except StoreError:
            return set()

    # --- saving edits ----------------------------------------------------------------------

    def _load_edit(self, step: Step) -> str | None:
        self._revision = None
        try:
            found = self.app.store.load_edit_revision(self.lesson.id, step.id)
        except StoreError as exc:
            self.notify(str(exc), severity="error")
            return None
        if found is None:
            return None
        code, self._revision = found
        return code

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self._editor_code = event.text_area.text
        if self._editor_code == self._saved_code:
            return
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(AUTOSAVE_S, self._save_now)
        if self._max_timer is None:  # not restarted by each key: a deadline since the first
            self._max_timer = self.set_timer(AUTOSAVE_MAX_S, self._save_now)

    def _save_now(self) -> bool:
        """Write the editor's code if it changed; False when it is still not saved."""
        for timer in (self._save_timer, self._max_timer):
            if timer is not None:
                timer.stop()
        self._save_timer = self._max_timer = None
        code = self._editor_code
        if code == self._saved_code:
            return True
        if self._asking:
            return False
        store = self.app.store
        try:
            self._revision = store.save_edit(self.lesson.id, self.step.id, code, self._revision)
        except EditConflict as exc:
            self._ask_about_conflict(exc)
            return False
        except StoreError as exc:
            if str(exc) != self._save_error:  # once per reason, not at every keystroke
                self.notify(self.t("save_failed").format(reason=exc), severity="error")
            self._save_error = str(exc)
            return False
        self._saved_code = code
        self._save_error = ""
        notice = store.take_notice()
        if notice is not None:
            self.notify(say(notice, self.app.lang), severity="warning", timeout=20)
        return True

    def _ask_about_conflict(self, conflict: EditConflict) -> None:
        """Another studytorch saved this step differently: the learner chooses whose stays."""
        step = self.step
        self._asking = True

        def answered(keep_mine: bool | None) -> None:
            self._asking = False
            if self.step is not step:
                return
            self._revision = conflict.revision
            if keep_mine:
                self._save_now()
            else:
                self._saved_code = self._editor_code = conflict.code
                editor = self.query_one(SnippetEditor)
                editor.replace(conflict.code, (0, 0), editor.document.end)  # Ctrl+Z: mine again

        at = time.strftime("%H:%M:%S", time.localtime(conflict.revision))
        question = ConfirmScreen(self.t("conflict").format(at=at), self.app.lang, keys=False)
        self.app.push_screen(question, answered)

    def unsaved_reason(self) -> str | None:
        """Save now; why the edit could not be saved, or None when nothing would be lost."""
        # The editor itself, not the mirror: its last change may not have been handled yet.
        self._editor_code = self.query_one(SnippetEditor).text
        if self._save_now():
            return None
        return self._save_error or self.t("conflict_open")

    def on_screen_suspend(self) -> None:
        self._save_now()

    def on_unmount(self) -> None:
        self._save_now()

    # --- running ---------------------------------------------------------------------------

    class RunFinished(Message):
        """A run of one of this lesson's steps ended (snippet, check and record done)."""

        def __init__(self, run: StepRun, token: int) -> None:
            super().__init__()
            self.run = run
            self.token = token

    def action_run(self) -> None:
        if self._run_in_progress():
            self.notify(self.t("busy"))
            return
        if self._refused_as_too_big():
            return
        # F5 is a priority key: it arrives before the editor has handled the keys typed just
        # before it. Start from the editor's queue, so the run takes the text on screen.
        self.query_one(SnippetEditor).call_later(self._run_now)

    def _run_now(self) -> None:
        if self._run_in_progress():
            self.notify(self.t("busy"))
            return
        code = self.query_one(SnippetEditor).text
        self._editor_code = code
        self._save_now()
        self._run_token += 1
        step = self.step
        results = self.results
        session = self.app.session
        waiting = session.state in (KernelState.STOPPED, KernelState.STARTING, KernelState.WARMING)
        title = "waiting" if waiting else "running"
        results.begin(lambda lang: ui(title, lang), self.metric_runs.get(step.id, []))
        self.check_line = ""
        self.query_one(KernelStatus).last_run = ""
        # An app-level worker: a run that outlives its screen still ends and is recorded
        # against its own step, while its events go nowhere (see `_abandon_run`).
        self.app.run_worker(
            self._run_step(code, step, self._run_token), group="run", exit_on_error=False
        )

    def _refused_as_too_big(self) -> bool:
        """A pasted file of 100,000 lines is not a snippet: say so instead of running it."""
        editor = self.query_one(SnippetEditor)
        lines = editor.document.line_count
        size = len(editor.text.encode())
        if lines <= MAX_LINES and size <= MAX_BYTES:
            return False
        self.notify(
            ui(
                "too_big",
                self.app.lang,
                lines=lines,
                kb=size // 1000,
                max_lines=MAX_LINES,
                max_kb=MAX_BYTES // 1000,
            ),
            severity="warning",
            timeout=10,
        )
        return True

    def _run_in_progress(self) -> bool:
        return any(w.group == "run" and w.is_running for w in self.app.workers)

    def _abandon_run(self) -> None:
        """Leaving a step or the lesson ends its run: interrupted (escalating to a restart if
        it ignores that), and nothing it still reports reaches the screen."""
        self._run_token += 1
        if self._run_in_progress() or self.app.session_running():
            self.app.run_worker(self.app.session.interrupt(), group="control")

    async def _run_step(self, code: str, step: Step, token: int) -> None:
        lesson_id = self.lesson.id

        def show(event: Event) -> None:
            if token == self._run_token and self.is_attached:
                self.results.feed(event)

        try:
            run = await run_step(
                self.app.session,
                lesson_id,
                step,
                code,
                previous=self._previous_runs.get((lesson_id, step.id)),
                on_event=show,
                record=self.app.record_run,
            )
        except Exception as exc:  # a bug of ours must not close the app and the learner's work
            if token == self._run_token and self.is_attached:
                bug = f"{type(exc).__name__}: {exc}"
                self.results.output.note(lambda lang: f"{ui('our_bug', lang)}: {bug}", "red")
            self.app.notify(f"{type(exc).__name__}: {exc}", title="studytorch", severity="error")
            raise  # still logged by the worker
        self._previous_runs[(lesson_id, step.id)] = run.result
        if run.result.metrics:
            earlier = self.metric_runs.setdefault(step.id, [])
            earlier.append(run.result.metrics)
            del earlier[:-3]
        self.post_message(self.RunFinished(run, token))

    def on_lesson_screen_run_finished(self, message: RunFinished) -> None:
        run = message.run
        if message.token != self._run_token or run.step_id != self.step.id:
            return  # another step's run: it was recorded there, and shows nothing here
        result = run.result
        results = self.results
        self.query_one(SnippetEditor).annotate(line_annotations(result.lines))
        if result.gpu_broken:
            self.notify(self.t("gpu_broken"), severity="warning", timeout=10)
        results.finish(result, self.app.lang)
        took = (
            f"{result.duration_s * 1000:.0f} ms"
            if result.duration_s < 1
            else f"{result.duration_s:.2f} s"
        )
        ended = self.t(f"status.{result.status}")
        self.query_one(KernelStatus).last_run = (
            took if result.status == "ok" else f"{ended} · {took}"
        )
        # Closes the "▶ running…" line the run's output began with.
        status = "done" if result.status == "ok" else f"status.{result.status}"
        results.output.note(lambda lang: f"■ {ui(status, lang)} · {took}")
        self._last_check = run
        self.check_line = self._check_text(run)
        if run.checked:
            style = "bold green" if run.passed else "bold red"
            self.results.output.note(lambda lang: self._check_text(run, lang), style)
        self._refresh_bar()

    def _check_text(self, run: StepRun | None, lang: str | None = None) -> str:
        """The check's verdict in `lang` (default: the app's; Ctrl+L redraws it)."""
        lang = lang or self.app.lang
        if run is None:
            return ""
        if run.checked and run.passed:
            return ui("passed", lang)
        if run.checked:
            why = run.check_message
            return ui("failed", lang) + (say(why, lang) if why is not None else "")
        if self.step.check is not None and run.result.status != "interrupted":
            error = run.result.error
            return ui("failed", lang) + (
                error["type"] if error else ui(f"status.{run.result.status}", lang)
            )
        return ""

    def action_interrupt(self) -> None:
        if not (self._run_in_progress() or self.app.session_running()):
            self.notify(self.t("interrupt_none"))
            return
        self.app.run_worker(self.app.session.interrupt(), group="control")

    def action_restart(self) -> None:
        self._run_token += 1
        self.results.clear()
        self.check_line = ""
        self.query_one(KernelStatus).last_run = ""
        self.query_one(SnippetEditor).annotate({})
        self._refresh_bar()
        self.app.start_kernel(restart=True)

    def action_switch_device(self) -> None:
        info = self.app.session.info
        choices = ["cpu"]
        if info.get("cuda"):
            choices += [f"cuda:{i}" for i in range(len(info.get("cuda_devices", [])) or 1)]
        if info.get("mps"):
            choices.append("mps")
        if len(choices) == 1:
            self.notify(self.t("no_devices"))
            return
        current = self.app.session.device or "cpu"
        current = "cuda:0" if current == "cuda" else current
        following = (
            choices[(choices.index(current) + 1) % len(choices)] if current in choices else "cpu"
        )
        self.notify(f"{self.t('device')}: {following}")
        self.app.session.device_spec = following
        self.action_restart()

    # --- moving around ---------------------------------------------------------------------

    def action_focus_editor(self) -> None:
        self.query_one(SnippetEditor).focus()

    def action_next_tab(self) -> None:
        self.results.cycle()

    def action_next_step(self) -> None:
        if self.index + 1 < len(self.lesson.steps):
            self.show_step(self.index + 1)
            return
        following = self._next_lesson()
        if following is None:
            self.notify(self.t("last"))
            return
        title = following.title.get(self.app.lang)

        def answered(yes: bool | None) -> None:
            if yes:
                self._save_now()
                self.app.switch_screen(LessonScreen(following))

        self.app.push_screen(
            ConfirmScreen(ui("ask_next_lesson", self.app.lang, title=title), self.app.lang),
            answered,
        )

    def _next_lesson(self) -> Lesson | None:
        lessons = self.app.course.lessons
        ids = [lesson.id for lesson in lessons]
        if self.lesson.id not in ids:
            return None
        position = ids.index(self.lesson.id) + 1
        return lessons[position] if position < len(lessons) else None

    def action_previous_step(self) -> None:
        if self.index > 0:
            self.show_step(self.index - 1)
        else:
            self.notify(self.t("first"))

    def action_back(self) -> None:
        if not self._save_now():
            self.notify(self.t("stay"), severity="warning")
            return
        self._abandon_run()
        self.app.pop_screen()
        self.app.read_lessons()  # a lesson added to the folder meanwhile shows in the list

    async def action_hint(self) -> None:
        hints = self.step.hints
        if not hints:
            self.notify(self.t("no_hint"))
        elif self.hints_shown >= len(hints):
            self.notify(self.t("no_more"))
        else:
            self.hints_shown += 1
            self._refresh_texts()
            if not self.note_in_column:
                self.results.tabs.active = "tab-note"
            # The hint is added at the note's end, below what is in view: bring it up.
            for update in self._note_updates:
                await update
            for scroll in self._note_scrolls():
                self.call_after_refresh(scroll.scroll_end, animate=False)

    def _note_scrolls(self) -> list[VerticalScroll]:
        """The note's column and the note tab's scroller."""
        return [
            self.query_one("#note-column", VerticalScroll),
            self.results.query_one("#note-scroll", VerticalScroll),
        ]

    def action_solution(self) -> None:
        solution = self.step.solution
        if solution is None:
            self.notify(self.t("no_solution"))
            return
        self._replace_code_after_asking(self.t("ask_solution"), solution)

    def action_reset(self) -> None:
        self._replace_code_after_asking(self.t("ask_reset"), self.step.starter)

    def action_history(self) -> None:
        from studytorch.screens.run_history import RunHistoryScreen

        step = self.step

        def restore(code: str | None) -> None:
            if code is not None and self.step is step:
                editor = self.query_one(SnippetEditor)
                editor.replace(code, (0, 0), editor.document.end)  # undoable, unlike load_text
                editor.focus()

        self.app.push_screen(RunHistoryScreen(self.lesson, step), restore)

    def _replace_code_after_asking(self, question: str, code: str) -> None:
        step = self.step

        def answered(yes: bool | None) -> None:
            if yes and self.step is step:
                editor = self.query_one(SnippetEditor)
                editor.replace(code, (0, 0), editor.document.end)  # undoable, unlike load_text
                editor.focus()

        self.app.push_screen(ConfirmScreen(question, self.app.lang), answered)
