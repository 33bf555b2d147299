"""LessonScreen: the note, the snippet editor and what the last run did, for one step."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static, TextArea

from studytorch.kernel.protocol import Event, KernelState
from studytorch.keys import bind, localize
from studytorch.screens.confirm import ConfirmScreen
from studytorch.screens.edit_keeper import EditKeeper
from studytorch.screens.host import StudyHost, host_of
from studytorch.screens.messages import OpenLesson, OpenRunHistory, RunFinished
from studytorch.screens.step_texts import note_markdown, step_bar
from studytorch.store import StoreError
from studytorch.ui_text import ui
from studytorch.widgets.editor import SnippetEditor
from studytorch.widgets.note import StepNote
from studytorch.widgets.results import ResultsPanel
from studytorch.widgets.status import KernelStatus, verdict
from studytorch.widgets.step_work import StepWork

if TYPE_CHECKING:
    from studytorch.course import Lesson, Step
    from studytorch.course.runner import StepRun

WIDE = 120
"""From this width the note sits above the code, full width; below it the note is a tab."""
SHORT = 16
"""Below this height the editor drops its border: two more lines of code."""


class LessonScreen(Screen[None]):
    """One lesson, one step at a time. Keys work while the editor has focus.

    Layout and wiring only: edits are kept by `EditKeeper`, runs and the kernel belong to the
    app (`StudyHost`), the words come from `step_texts`."""

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
        bind("ctrl+b", "zoom_results", show=False, priority=True),
        bind("f6", "toggle_note", show=False, priority=True),
        bind("ctrl+g", "switch_device", show=False, priority=True),
        # The step bar and the status line end with … where they do not fit: F7 says them whole.
        bind("f7", "whole_text", show=False, priority=True),
        bind("ctrl+o", "back", show=False, priority=True),
        # Ctrl+Y is the editor's redo, so earlier runs are on Ctrl+F ("former runs").
        bind("ctrl+f", "history", show=False, priority=True),
        # In the editor Esc moves the focus on (TextArea does that); from a pane it comes back.
        bind("escape", "focus_editor", show=False),
        bind("question_mark", "app.help", show=False),
    ]

    def __init__(self, lesson: Lesson, index: int | None = None) -> None:
        super().__init__()
        self.lesson = lesson
        self._start_at = index
        self.index = index or 0
        self.hints_shown = 0
        self._note_updates: list[Any] = []
        self._laid_out = False
        self._queued_run = False
        """F5 came while an interrupted run was ending: run once it has."""
        self.edits = EditKeeper(self, lesson.id, lambda: self.step.id, self._put_back)

    # --- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # Read in order: the note, the code, then what the run did right under the code.
        yield Static(id="step-bar")
        with Vertical(id="lesson-body"):
            yield StepNote("note-wide", id="note-column")
            yield StepWork(id="work")
        yield KernelStatus(id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self._language_changed)
        if self._start_at is None:
            self.index = self.lesson.first_unfinished(self._passed())
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

    @property
    def host(self) -> StudyHost:
        return host_of(self)

    @property
    def editor(self) -> SnippetEditor:
        return self.query_one(SnippetEditor)

    @property
    def results(self) -> ResultsPanel:
        return self.query_one(ResultsPanel)

    @property
    def step(self) -> Step:
        return self.lesson.steps[self.index]

    def t(self, key: str, **values: object) -> str:
        return ui(key, self.host.lang, **values)

    # --- showing a step --------------------------------------------------------------------

    def show_step(self, index: int) -> None:
        if not self.edits.save_now():
            self.notify(self.t("stay"), severity="warning")
            return
        if index != self.index or not self.is_mounted:
            self.host.leave_run()
        self.index = index
        self.hints_shown = 0
        self._show_run(None)  # it was another step's
        step = self.step
        code = self.edits.load()
        code = step.starter if code is None else code
        self.edits.shown(code)
        self.query_one(StepWork).show_code(code)
        try:
            self.host.store.set_position(self.lesson.id, step.id)
        except StoreError as exc:
            self.notify(str(exc), severity="error")
        self.refresh_texts()
        for place in self.query(StepNote):
            place.scroll_home(animate=False)  # a new step's note is read from its start
        if not self.note_in_column:
            self.results.tabs.active = "tab-note"

    def refresh_texts(self) -> None:
        """Everything that depends on the step or the language."""
        note = note_markdown(self.step, self.host.lang, self.hints_shown)
        self._note_updates = [place.show(note) for place in self.query(StepNote)]
        self.results.label(self.host.lang)
        self._refresh_bar()

    def _refresh_bar(self) -> None:
        """Where the learner is (● passed steps): cheap, redrawn after every run."""
        bar = step_bar(self.lesson, self.index, self._passed(), self.host.lang)
        self.query_one("#step-bar", Static).update(bar)

    def action_whole_text(self) -> None:
        bar = step_bar(self.lesson, self.index, self._passed(), self.host.lang)
        status = self.query_one(KernelStatus).render()
        self.notify(f"{bar.plain}\n{status.plain}", timeout=20)

    def _language_changed(self, lang: str) -> None:
        localize(self, lang)
        self.refresh_texts()
        self.results.relabel()
        self.results.output.retranslate(lang)

    def _passed(self) -> set[str]:
        try:
            return self.host.store.passed_steps(self.lesson.id)
        except StoreError:
            return set()

    # --- edits -----------------------------------------------------------------------------

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self.edits.changed(event.text_area.text)

    def unsaved_reason(self) -> str | None:
        """Save now; why the edit could not be saved, or None when nothing would be lost."""
        # The editor itself: its last change may not have been handled yet.
        return self.edits.unsaved_reason(self.editor.text)

    def _put_back(self, code: str) -> None:
        """Replace the editor's code undoably (Ctrl+Z brings the learner's back)."""
        editor = self.editor
        editor.replace(code, (0, 0), editor.document.end)
        # The shapes and the error mark were about the code just replaced: beside the new
        # lines they would lie (the line count may well be the same).
        editor.annotate({})
        editor.mark_error(None)
        editor.focus()

    def on_screen_suspend(self) -> None:
        self.edits.save_now()

    def on_unmount(self) -> None:
        self.edits.save_now()

    # --- running ---------------------------------------------------------------------------

    def action_run(self) -> None:
        if self.host.run_in_progress():
            self._run_when_stopped()
            return
        refusal = self.editor.refusal(self.host.lang)
        if refusal is not None:
            self.notify(refusal, severity="warning", timeout=10)
            return
        # F5 is a priority key: it arrives before the editor has handled the keys typed just
        # before it. Start from the editor's queue, so the run takes the text on screen.
        self.editor.call_later(self._run_now)

    def _run_when_stopped(self) -> None:
        """F5 while a run goes on: an interrupted one is ending (or the kernel restarts within
        a few seconds); this run starts then, and the learner is told why it waits."""
        if getattr(self.host.session, "stopping", False):
            self._queued_run = True
            self.notify(self.t("queued"))
        else:
            self.notify(self.t("busy"))

    def _start_queued(self, tries: int) -> None:
        """The queued F5, once the stopped run's worker has finished (it reports first)."""
        if self.host.run_in_progress() and tries > 0:
            self.set_timer(0.05, lambda: self._start_queued(tries - 1))
        else:
            self.action_run()

    def _run_now(self) -> None:
        if self.host.run_in_progress():
            self._run_when_stopped()
            return
        code = self.editor.text
        self.edits.save_now(code)  # before every run (a failure is said, the run goes on)
        step, host = self.step, self.host
        waiting = host.session.state in (
            KernelState.STOPPED,
            KernelState.STARTING,
            KernelState.WARMING,
        )
        title = "waiting" if waiting else "running"
        self.results.begin(lambda lang: ui(title, lang), host.runs.curves(self.lesson.id, step.id))
        self._show_run(None)
        token = -1

        def show(event: Event) -> None:
            if host.runs.is_current(token) and self.is_attached:
                self.results.feed(event)

        token = host.start_run(self, self.lesson.id, step, code, show)

    def on_run_finished(self, message: RunFinished) -> None:
        if self._queued_run:  # F5 was pressed while this run was stopping
            self._queued_run = False
            self._start_queued(tries=200)
        run = message.run
        if not self.host.runs.is_current(message.token) or run.step_id != self.step.id:
            return  # another step's run: it was recorded there, and shows nothing here
        if run.result.gpu_broken:
            self.notify(self.t("gpu_broken"), severity="warning", timeout=10)
        self.query_one(StepWork).finish(run.result, self.host.lang)
        self._show_run(run)
        if run.checked:
            style = "bold green" if run.passed else "bold red"
            self.results.output.note(lambda lang: verdict(run, True, lang), style)
        self._refresh_bar()

    def action_interrupt(self) -> None:
        if not self.host.interrupt_run():
            self.notify(self.t("interrupt_none"))

    def action_restart(self) -> None:
        self.query_one(StepWork).clear()
        self._show_run(None)
        self.host.restart_kernel()

    def _show_run(self, run: StepRun | None) -> None:
        """The status line's last run and verdict (None: nothing of this step, run, kernel)."""
        status = self.query_one(KernelStatus)
        status.has_check = self.step.check is not None
        status.run = run

    def action_switch_device(self) -> None:
        device = self.host.switch_device()
        if device is None:
            self.notify(self.t("no_devices"))
            return
        self.notify(f"{self.t('device')}: {device}")
        self.action_restart()

    # --- moving around ---------------------------------------------------------------------

    def action_focus_editor(self) -> None:
        self.editor.focus()

    def action_next_tab(self) -> None:
        self.results.cycle()

    def action_zoom_results(self) -> None:
        """The pane in front takes the whole lower area (the editor steps aside), or gives it
        back."""
        self.toggle_class("-results-zoomed")

    def action_next_step(self) -> None:
        if self.index + 1 < len(self.lesson.steps):
            self.show_step(self.index + 1)
            return
        following = self.host.course.next_after(self.lesson.id)
        if following is None:
            self.notify(self.t("last"))
            return

        def answered(yes: bool | None) -> None:
            if yes and self.edits.save_now():
                self.post_message(OpenLesson(following, replace=True))

        question = self.t("ask_next_lesson", title=following.title.get(self.host.lang))
        self.app.push_screen(ConfirmScreen(question, self.host.lang), answered)

    def action_previous_step(self) -> None:
        if self.index > 0:
            self.show_step(self.index - 1)
        else:
            self.notify(self.t("first"))

    def action_back(self) -> None:
        if not self.edits.save_now():
            self.notify(self.t("stay"), severity="warning")
            return
        self.host.leave_run()
        self.app.pop_screen()
        self.host.reread_lessons()  # a lesson added to the folder meanwhile shows in the list

    async def action_hint(self) -> None:
        hints = self.step.hints
        if not hints:
            self.notify(self.t("no_hint"))
        elif self.hints_shown >= len(hints):
            self.notify(self.t("no_more"))
        else:
            self.hints_shown += 1
            self.refresh_texts()
            if not self.note_in_column:
                self.results.tabs.active = "tab-note"
            # The hint is added at the note's end, below what is in view: bring it up.
            await self.note_drawn()
            for place in self.query(StepNote):
                self.call_after_refresh(place.scroll_end, animate=False)

    async def note_drawn(self) -> None:
        """Wait until the note (and the hints shown) is drawn in both of its places."""
        for update in self._note_updates:
            await update

    def action_solution(self) -> None:
        if self.step.solution is None:
            self.notify(self.t("no_solution"))
        else:
            self.edits.replace_after_asking(self.t("ask_solution"), self.step.solution)

    def action_reset(self) -> None:
        self.edits.replace_after_asking(self.t("ask_reset"), self.step.starter)

    def action_history(self) -> None:
        self.post_message(OpenRunHistory(self.lesson, self.step, self.edits.replacer()))
