"""RunHistoryScreen: a step's earlier runs from the store; view one, or restore its code."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from rich.syntax import Syntax
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from studytorch.keys import localize
from studytorch.store import RunRecord, StoreError
from studytorch.text import safe_text
from studytorch.ui_text import ui

if TYPE_CHECKING:
    from studytorch.app import StudyApp
    from studytorch.course import Lesson, Step


class RunHistoryScreen(Screen[str | None]):
    """Dismisses with the chosen run's code to restore, or None; needs no kernel."""

    DEFAULT_CSS = """
    #history-title { height: auto; padding: 0 1; background: $primary 30%; }
    #history-list { width: 30; height: 1fr; border: round $primary; }
    #history-detail { width: 1fr; height: 1fr; padding: 0 1; }
    #history-detail > Static { height: auto; }
    """
    BINDINGS = [
        Binding("enter", "restore", "Restore code", priority=True),
        Binding("escape", "close", "Back"),
    ]

    app: StudyApp

    def __init__(self, lesson: Lesson, step: Step) -> None:
        super().__init__()
        self.lesson, self.step = lesson, step
        self.runs: list[RunRecord] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(id="history-title")
            with Horizontal():
                yield OptionList(id="history-list")
                with VerticalScroll(id="history-detail"):
                    yield Static(id="history-run")
        yield Footer()

    def on_mount(self) -> None:
        lang = self.app.lang
        localize(self, lang)
        title = ui("history.title", lang, step=self.step.title.get(lang))
        self.query_one("#history-title", Static).update(Text(title))
        try:
            self.runs = self.app.store.run_history(self.lesson.id, self.step.id)
        except StoreError as exc:
            self.notify(str(exc), severity="error")
        options = self.query_one(OptionList)
        for run in self.runs:
            when = datetime.fromtimestamp(run.at).strftime("%m-%d %H:%M")
            style = "green" if run.status == "ok" else "red"
            label = Text(f"{when}  ").append(f"{run.status:<6}", style=style)
            options.add_option(Option(label.append(f" {run.duration_s:.2f}s", style="dim")))
        if self.runs:
            options.highlighted = 0
            self._show(self.runs[0])
        else:
            self.query_one("#history-run", Static).update(Text(ui("history.none", lang)))
        options.focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show(self.runs[event.option_index])

    def _show(self, run: RunRecord) -> None:
        lang = self.app.lang
        view = self.query_one("#history-run", Static)
        if run.code is None:
            view.update(Text(ui("history.no_code", lang), style="dim"))
            return
        parts: list = [Text(ui("history.code", lang), style="bold")]
        parts.append(Syntax(run.code.rstrip(), "python", theme="ansi_dark", line_numbers=True))
        parts.append(Text("\n" + ui("history.output", lang), style="bold"))
        parts.append(
            safe_text(run.output) if run.output else Text(ui("history.no_output", lang), "dim")
        )
        if run.metrics:
            parts.append(Text("\n" + ui("history.metrics", lang), style="bold"))
            parts.extend(_metric_line(name, values) for name, values in run.metrics.items())
        parts.append(Text("\n" + ui("history.restore", lang), style="dim"))
        from rich.console import Group

        view.update(Group(*parts))

    def action_restore(self) -> None:
        index = self.query_one(OptionList).highlighted
        if index is not None and self.runs and self.runs[index].code is not None:
            self.dismiss(self.runs[index].code)

    def action_close(self) -> None:
        self.dismiss(None)


_BARS = "▁▂▃▄▅▆▇█"


def _metric_line(name: str, values: object) -> Text:
    """A metric as a sparkline with its first and last value: the curve, without a plot."""
    numbers = [v for v in values if isinstance(v, (int, float))] if isinstance(values, list) else []
    if not numbers:
        return Text(f"{name}: —")
    step = max(1, len(numbers) // 60)
    sample = numbers[::step]
    low, high = min(sample), max(sample)
    span = (high - low) or 1.0
    spark = "".join(_BARS[int((v - low) / span * (len(_BARS) - 1))] for v in sample)
    line = Text(f"{name} ", style="bold").append(spark, style="cyan")
    return line.append(f"  {numbers[0]:.4g} → {numbers[-1]:.4g} ({len(numbers)} steps)")
