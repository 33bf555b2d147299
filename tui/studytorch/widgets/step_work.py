"""StepWork: the snippet editor, the shapes that do not fit beside it, and the results below."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static, TextArea

from studytorch.kernel.result import RunResult
from studytorch.ui_text import ui
from studytorch.widgets.editor import SnippetEditor, line_annotations
from studytorch.widgets.results import ResultsPanel
from studytorch.widgets.status import took


class StepWork(Vertical):
    """Where the learner works on a step: code, then what its last run did, read top down."""

    def compose(self) -> ComposeResult:
        yield SnippetEditor(id="editor")
        yield Static(id="editor-marks")
        yield ResultsPanel(id="results")

    def on_mount(self) -> None:
        self.query_one(ResultsPanel).code_of_run = lambda: self.query_one(SnippetEditor).text

    def show_code(self, code: str) -> None:
        """A step's code, with nothing of another step's run beside or below it."""
        editor = self.query_one(SnippetEditor)
        editor.load_text(code)
        editor.focus()
        self.clear()

    def clear(self) -> None:
        self.query_one(SnippetEditor).annotate({})
        self.query_one(ResultsPanel).clear()

    def finish(self, result: RunResult, lang: str) -> None:
        """Show the ended run: shapes beside their lines, what its error means, how it ended."""
        self.query_one(SnippetEditor).annotate(line_annotations(result.lines))
        results = self.query_one(ResultsPanel)
        results.finish(result, lang)
        status = "done" if result.ok else f"status.{result.status}"
        duration = took(result.duration_s)
        # Closes the "▶ running…" line; said again in the other language after Ctrl+L.
        results.output.note(lambda lang: f"■ {ui(status, lang)} · {duration}")

    def on_results_panel_failed(self, event: ResultsPanel.Failed) -> None:
        self.query_one(SnippetEditor).mark_error(event.line, event.text)

    def on_snippet_editor_marks(self) -> None:
        """Shapes (and the error) that do not fit beside their lines are listed under the code."""
        marks = self.query_one("#editor-marks", Static)
        line = self.query_one(SnippetEditor).hidden_line()
        marks.display = line is not None
        if line is not None:
            marks.update(line)

    def on_text_area_selection_changed(self, event: TextArea.SelectionChanged) -> None:
        if self.query_one("#editor-marks", Static).display:
            self.on_snippet_editor_marks()  # the cursor's line is listed first
