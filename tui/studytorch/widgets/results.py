"""ResultsPanel: the tabs beside the editor (note, output, tensors, curve, batches, model)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static, TabbedContent, TabPane, Tabs

from studytorch.kernel import Died, Display, Error, Event, Restarted, Stream, Summary
from studytorch.kernel.result import RunResult
from studytorch.kernel.summary import RunSummary, decode_run, empty_run
from studytorch.lang import LANGUAGES
from studytorch.run_report import run_notes
from studytorch.text import safe_text
from studytorch.ui_text import say, ui
from studytorch.widgets.batches import BatchView
from studytorch.widgets.curve import LossCurve, what_changed
from studytorch.widgets.model import ModelView
from studytorch.widgets.note import StepNote
from studytorch.widgets.output import OutputLog, Said
from studytorch.widgets.tensors import TensorView

TABS = ("note", "output", "tensors", "curve", "batches", "model")
LABELS = {lang: {name: ui(f"tab.{name}", lang) for name in TABS} for lang in LANGUAGES}
"""Each tab's label per language (the catalogue's `tab.NAME`)."""
_OPTIONAL = ("curve", "batches", "model")
"""Tabs shown only once a run gave them something to show."""


class ResultsPanel(Vertical):
    """Feeds a run's events to the right view; keeps the last run's summary."""

    class Failed(Message):
        """The run failed on 0-based `line` of the snippet (None: no failing line to mark)."""

        def __init__(self, line: int | None, text: str = "") -> None:
            super().__init__()
            self.line = line
            self.text = text

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.summary: RunSummary = empty_run()
        self.error: Error | None = None
        self.result: RunResult | None = None
        """The last finished run, folded once (kernel/result.py): explanations come from it."""
        self.note_visible = True
        self.code_of_run: Callable[[], str] = lambda: ""
        """The snippet a run is about to run (the screen points it at the editor)."""
        self._run_codes: list[tuple[dict[str, Any], str, float]] = []
        """(metrics, code, time) of runs that drew a curve: earlier runs are labelled by diff."""
        self._code = ""
        self._reported = False
        """The run being shown has sent its summary (an empty pane then means "none in it")."""

    def compose(self) -> ComposeResult:
        with TabbedContent(id="results-tabs"):
            with TabPane(LABELS["en"]["note"], id="tab-note"):
                yield StepNote("note-narrow", id="note-scroll")
            with TabPane(LABELS["en"]["output"], id="tab-output"):
                yield OutputLog(id="output")
            with TabPane(LABELS["en"]["tensors"], id="tab-tensors"):
                yield TensorView(id="tensors")
            with TabPane(LABELS["en"]["curve"], id="tab-curve"), Vertical():
                yield Static(id="curve-legend")
                yield LossCurve(id="curve")
            with TabPane(LABELS["en"]["batches"], id="tab-batches"):
                yield BatchView(id="batches")
            with TabPane(LABELS["en"]["model"], id="tab-model"):
                yield ModelView(id="model")

    def on_mount(self) -> None:
        self.output.cut_label = lambda count: ui("lines_cut", self.lang, count=count)
        self.output.line_cut_label = lambda count: ui("line_cut", self.lang, count=count)
        for name in _OPTIONAL:
            self.tabs.hide_tab(f"tab-{name}")

    @property
    def tabs(self) -> TabbedContent:
        return self.query_one(TabbedContent)

    @property
    def output(self) -> OutputLog:
        return self.query_one(OutputLog)

    def set_note_tab(self, visible: bool) -> None:
        """The note is a tab where it has no column of its own (narrow, or folded away)."""
        if visible == self.note_visible:
            return
        self.note_visible = visible
        if visible:
            self.tabs.show_tab("tab-note")
        else:
            if self.tabs.active == "tab-note":
                self.tabs.active = "tab-output"
            self.tabs.hide_tab("tab-note")

    def label(self, lang: str) -> None:
        for key, text in LABELS[lang].items():
            self.tabs.get_tab(f"tab-{key}").label = text

    @property
    def lang(self) -> str:
        return getattr(self.app, "lang", "en")

    def relabel(self) -> None:
        """Draw the last run's views again in the app's language (after Ctrl+L)."""
        self.label(self.lang)
        summary = self.summary
        moment = "after" if self._reported else "before"
        self.query_one(TensorView).show(summary["tensors"], summary["graph"], moment)
        self.query_one(LossCurve).redraw()
        self.query_one(BatchView).show(summary["batches"])
        self.query_one(ModelView).show(summary["modules"], summary["optimizers"])

    def cycle(self) -> None:
        tabs = self.tabs
        focused = self.screen.focused
        if focused is not None and tabs.active_pane in focused.ancestors:
            # TabbedContent brings back the pane that holds the focus: move it to the tab bar.
            tabs.query_one(Tabs).focus()
        panes = [p.id for p in tabs.query(TabPane) if p.id and tabs.get_tab(p.id).display]
        current = panes.index(tabs.active) if tabs.active in panes else -1
        tabs.active = panes[(current + 1) % len(panes)]

    def clear(self) -> None:
        self.summary, self.error, self.result = empty_run(), None, None
        self._reported = False
        self.output.clear()
        self.query_one(TensorView).show([])
        self.query_one(LossCurve).start_run([])
        self.query_one(BatchView).show([])
        self.query_one(ModelView).show([], [])
        for name in _OPTIONAL:
            self.tabs.hide_tab(f"tab-{name}")

    # --- a run -----------------------------------------------------------------------------

    def begin(self, title: str | Said, earlier_metrics: list[dict[str, list[float]]]) -> None:
        self.summary, self.error, self.result = empty_run(), None, None
        self._reported = False
        self.post_message(self.Failed(None))
        self.output.begin(title)
        # Every pane starts the run empty: nothing of the previous run may pass for this one's.
        self.query_one(TensorView).show([], None, "running")
        self.query_one(BatchView).show([])
        self.query_one(ModelView).show([], [])
        self._code = self.code_of_run()
        labels = self._labels_of(earlier_metrics)
        self.query_one(LossCurve).start_run(earlier_metrics, labels)
        if self.tabs.active == "tab-note" or self.tabs.active in {f"tab-{n}" for n in _OPTIONAL}:
            self.tabs.active = "tab-output"

    def feed(self, event: Event) -> None:
        output = self.output
        if isinstance(event, Stream):
            output.stream(event.name, event.text)
        elif isinstance(event, Display):
            output.flush()
            output.write(safe_text(event.text))
        elif isinstance(event, Error):
            self.error = event
            output.traceback(event.traceback)
            self.tabs.active = "tab-output"  # the traceback is what to read now
        elif isinstance(event, Summary) and event.kind == "metrics":
            self._show_tab("curve")
            curve = self.query_one(LossCurve)
            for name, chunk in event.payload.get("append", {}).items():
                curve.append(name, chunk["start"], chunk["values"])
        elif isinstance(event, Summary) and event.kind == "run":
            self._show_summary(decode_run(event.payload))
        elif isinstance(event, (Died, Restarted)):
            why = event.why
            output.note(lambda lang: f"! {say(why, lang)}", "bold red")
            if isinstance(event, Died) and event.log_tail:
                output.note(event.log_tail)

    def _show_tab(self, name: str) -> None:
        self.tabs.show_tab(f"tab-{name}")

    def _labels_of(self, earlier: list[dict[str, Any]]) -> list[str]:
        """What each earlier run had different from the snippet now (or its time); runs that
        would read alike are told apart by their time."""
        found = []
        for metrics in earlier:
            known = next((r for r in self._run_codes if r[0] is metrics), None)
            label = what_changed(known[1], self._code, known[2]) if known else "?"
            found.append((label, known[2] if known else None))
        labels = [label for label, _ in found]
        return [
            f"{label} {time.strftime('%H:%M:%S', time.localtime(when))}"
            if labels.count(label) > 1 and when is not None and ":" not in label
            else label
            for label, when in found
        ]

    def _show_summary(self, summary: RunSummary) -> None:
        self.summary = summary
        self._reported = True
        if summary["metrics"]:
            self._run_codes.append((summary["metrics"], self._code, time.time()))
            del self._run_codes[:-20]
        error = summary["error"]
        if error is not None and error["line"]:
            short = f"{error['type']}: {error['message']}".splitlines()[0]
            self.post_message(self.Failed(error["line"] - 1, short[:120]))
        self.query_one(TensorView).show(summary["tensors"], summary["graph"], "after")
        if summary["metrics"]:
            self._show_tab("curve")
            self.query_one(LossCurve).replace(summary["metrics"])
        self.query_one(BatchView).show(summary["batches"])
        if summary["batches"]:
            self._show_tab("batches")
        self.query_one(ModelView).show(summary["modules"], summary["optimizers"])
        if summary["modules"] or summary["optimizers"]:
            self._show_tab("model")

    def finish(self, result: RunResult, lang: str) -> None:
        """After the run: what was cut, where it failed and what that error means."""
        self.result = result
        if result.modules:  # now with the step's previous grad norms beside them
            self.query_one(ModelView).show(result.modules, result.optimizers)
        output = self.output
        output.flush()
        for index, note in enumerate(run_notes(result, lang)):
            output.note(_said_again(result, index), note.style)

    def explanation(self) -> dict[str, str] | None:
        """What the last run's error means, in both languages (None: no error, or unknown)."""
        result = self.result
        if result is None or result.ok or result.error is None:
            return None
        return result.error.get("explanation")


def _said_again(result: RunResult, index: int) -> Said:
    """The run's `index`-th note (run_report.run_notes) in whichever language is asked for."""
    return lambda lang: run_notes(result, lang)[index].text
