"""ResultsPanel: the tabs beside the editor (note, output, tensors, curve, batches, model)."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Markdown, TabbedContent, TabPane

from studytorch.kernel import Died, Display, Error, Event, Restarted, Stream, Summary
from studytorch.kernel.result import RunResult
from studytorch.text import safe_text
from studytorch.widgets.batches import BatchView
from studytorch.widgets.curve import LossCurve
from studytorch.widgets.model import ModelView
from studytorch.widgets.output import OutputLog
from studytorch.widgets.tensors import TensorView

LABELS = {
    "en": {
        "note": "Note",
        "output": "Output",
        "tensors": "Tensors",
        "curve": "Curve",
        "batches": "Batches",
        "model": "Model",
    },
    "ko": {
        "note": "설명",
        "output": "출력",
        "tensors": "텐서",
        "curve": "곡선",
        "batches": "배치",
        "model": "모델",
    },
}
_OPTIONAL = ("curve", "batches", "model")
"""Tabs shown only once a run gave them something to show."""


class ResultsPanel(Vertical):
    """Feeds a run's events to the right view; keeps the last run's summary."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.summary: dict[str, Any] = {}
        self.error: Error | None = None
        self.note_visible = True

    def compose(self) -> ComposeResult:
        with TabbedContent(id="results-tabs"):
            with TabPane("Note", id="tab-note"), VerticalScroll():
                yield Markdown(id="note-narrow")
            with TabPane("Output", id="tab-output"):
                yield OutputLog(id="output")
            with TabPane("Tensors", id="tab-tensors"):
                yield TensorView(id="tensors")
            with TabPane("Curve", id="tab-curve"):
                yield LossCurve(id="curve")
            with TabPane("Batches", id="tab-batches"):
                yield BatchView(id="batches")
            with TabPane("Model", id="tab-model"):
                yield ModelView(id="model")

    def on_mount(self) -> None:
        for name in _OPTIONAL:
            self.tabs.hide_tab(f"tab-{name}")

    @property
    def tabs(self) -> TabbedContent:
        return self.query_one(TabbedContent)

    @property
    def output(self) -> OutputLog:
        return self.query_one(OutputLog)

    def set_note_tab(self, visible: bool) -> None:
        """The note is a tab below WIDE columns; from there on it has a column of its own."""
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

    def cycle(self) -> None:
        tabs = self.tabs
        panes = [p.id for p in tabs.query(TabPane) if p.id and tabs.get_tab(p.id).display]
        current = panes.index(tabs.active) if tabs.active in panes else -1
        tabs.active = panes[(current + 1) % len(panes)]

    def clear(self) -> None:
        self.summary, self.error = {}, None
        self.output.clear()
        self.query_one(TensorView).show([])
        self.query_one(LossCurve).start_run([])
        for name in _OPTIONAL:
            self.tabs.hide_tab(f"tab-{name}")

    # --- a run -----------------------------------------------------------------------------

    def begin(self, title: str, earlier_metrics: list[dict[str, list[float]]]) -> None:
        self.summary, self.error = {}, None
        self.output.begin(title)
        self.query_one(LossCurve).start_run(earlier_metrics)
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
        elif isinstance(event, Summary) and event.kind == "metrics":
            self._show_tab("curve")
            curve = self.query_one(LossCurve)
            for name, chunk in event.payload.get("append", {}).items():
                curve.append(name, chunk["start"], chunk["values"])
        elif isinstance(event, Summary) and event.kind == "run":
            self._show_summary(event.payload)
        elif isinstance(event, (Died, Restarted)):
            output.note(f"! {event.reason}", "bold red")
            if isinstance(event, Died) and event.log_tail:
                output.note(event.log_tail)

    def _show_tab(self, name: str) -> None:
        self.tabs.show_tab(f"tab-{name}")

    def _show_summary(self, summary: dict[str, Any]) -> None:
        self.summary = summary
        self.query_one(TensorView).show(summary.get("tensors", []), summary.get("graph", {}))
        if summary.get("metrics"):
            self._show_tab("curve")
            self.query_one(LossCurve).replace(summary["metrics"])
        if summary.get("batches"):
            self._show_tab("batches")
            self.query_one(BatchView).show(summary["batches"])
        if summary.get("modules") or summary.get("optimizers"):
            self._show_tab("model")
            self.query_one(ModelView).show(
                summary.get("modules", []), summary.get("optimizers", [])
            )

    def finish(self, result: RunResult, lang: str, texts: dict[str, str]) -> None:
        """After the run: what was cut, where it failed and what that error means."""
        output = self.output
        output.flush()
        if result.dropped:
            output.note(f"[{result.dropped:,} {texts['cut']}]", "yellow")
        error = result.error if result.status != "ok" else None
        if error and error.get("line"):
            operands = ", ".join(
                f"{op['name']}: {tuple(op['shape'])}" for op in error.get("operands", [])
            )
            text = f"{texts['line']} {error['line']}: {(error.get('line_text') or '').strip()}"
            output.note(text + (f"   ({operands})" if operands else ""), "bold")
        explanation = (error or {}).get("explanation")
        if explanation:
            output.note(explanation[lang], "yellow")
        for warning in result.summary.get("warnings", []):
            output.note(f"! {warning[lang]}", "magenta")
