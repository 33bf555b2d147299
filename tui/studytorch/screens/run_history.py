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
from studytorch.screens.host import StudyHost, host_of
from studytorch.store import RunRecord, StoreError
from studytorch.text import safe_text
from studytorch.ui_text import TEXT, ui

if TYPE_CHECKING:
    from studytorch.course import Lesson, Step


class RunHistoryScreen(Screen[str | None]):
    """Dismisses with the chosen run's code to restore, or None; needs no kernel."""

    DEFAULT_CSS = """
    #history-title { height: auto; padding: 0 1; background: $primary 30%; }
    #history-list { width: 38; height: 1fr; border: round $primary; }
    #history-detail { width: 1fr; height: 1fr; padding: 0 1; }
    #history-detail > Static { height: auto; }
    """
    BINDINGS = [
        Binding("enter", "restore", "Restore code", priority=True),
        Binding("p", "passing_only", "Passing only"),
        Binding("escape", "close", "Back"),
    ]

    @property
    def host(self) -> StudyHost:
        return host_of(self)

    def __init__(self, lesson: Lesson, step: Step) -> None:
        super().__init__()
        self.lesson, self.step = lesson, step
        self.every_run: list[RunRecord] = []
        self.runs: list[RunRecord] = []
        """The runs listed: every run, or only those that passed (p)."""
        self.passing_only = False

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(id="history-title")
            with Horizontal():
                yield OptionList(id="history-list")
                with VerticalScroll(id="history-detail"):
                    yield Static(id="history-run")
        yield Footer()

    def on_mount(self) -> None:
        localize(self, self.host.lang)
        try:
            self.every_run = self.host.store.run_history(self.lesson.id, self.step.id)
        except StoreError as exc:
            self.notify(str(exc), severity="error")
        self._fill()
        self.query_one(OptionList).focus()

    def _fill(self) -> None:
        """List the runs (each with its verdict), the newest highlighted and shown."""
        lang = self.host.lang
        title = Text(ui("history.title", lang, step=self.step.title.get(lang)))
        if self.passing_only:
            title.append(f" · {ui('history.filtered', lang)}", style="bold")
        self.query_one("#history-title", Static).update(title)
        passing = [run for run in self.every_run if run.verdict == "passed"]
        self.runs = passing if self.passing_only else self.every_run
        options = self.query_one(OptionList)
        options.clear_options()
        for run in self.runs:
            when = datetime.fromtimestamp(run.at).strftime("%m-%d %H:%M")
            label = Text(f"{when}  ").append_text(verdict(run, lang))
            options.add_option(Option(label.append(f"  {run.duration_s:.2f}s", style="dim")))
        if self.runs:
            options.highlighted = 0
            self._show(self.runs[0])
        else:
            empty = ui("history.none_passing", lang) if self.every_run else ui("history.none", lang)
            self.query_one("#history-run", Static).update(Text(empty))

    def action_passing_only(self) -> None:
        self.passing_only = not self.passing_only
        self._fill()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show(self.runs[event.option_index])

    def _show(self, run: RunRecord) -> None:
        lang = self.host.lang
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


def verdict(run: RunRecord, lang: str) -> Text:
    """What became of a run: its check passed or failed, or why no check ran (error, ...)."""
    if run.verdict == "passed":
        return Text(ui("history.passed", lang), style="green")
    if run.verdict == "failed":
        return Text(ui("history.check_failed", lang), style="red")
    key = f"status.{run.status}"
    return Text(
        ui(key, lang) if key in TEXT else run.status, "green" if run.status == "ok" else "red"
    )


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
