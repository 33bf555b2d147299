"""ReviewStatsScreen: reviews per day, the due forecast for two weeks, and retention so far."""

from __future__ import annotations

import time

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual_plotext import PlotextPlot

from studytorch.keys import localize
from studytorch.review.deck import build_deck, due_cards
from studytorch.review.stats import day_labels, due_forecast, retention, reviews_per_day
from studytorch.screens.host import StudyHost, host_of
from studytorch.ui_text import ui


class DayBars(PlotextPlot):
    """One bar per day, labelled month/day."""

    def show(self, title: str, labels: list[str], counts: list[int], color: str) -> None:
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        # Every other label: 14 dates do not fit under 80 columns side by side.
        ticks = [label if i % 2 == 0 else "" for i, label in enumerate(labels)]
        plt.bar(list(range(len(counts))), counts, color=color, width=0.6)
        plt.xticks(list(range(len(counts))), ticks)
        plt.yticks(sorted({0, max(counts, default=0)}))
        plt.title(title)
        self.refresh()


class ReviewStatsScreen(Screen[None]):
    """Read-only numbers about reviewing; Esc goes back to the cards."""

    DEFAULT_CSS = """
    #stats { padding: 0 1; }
    #stats-title { height: auto; padding: 1 0 0 0; color: $accent; text-style: bold; }
    #stats-numbers { height: auto; padding: 0 0 1 0; }
    DayBars { height: 1fr; min-height: 7; }
    """
    BINDINGS = [Binding("escape,s", "close_stats", "Back")]

    @property
    def host(self) -> StudyHost:
        return host_of(self)

    def __init__(self, named: list[str] | None = None) -> None:
        super().__init__()
        self.named = list(named or [])

    def compose(self) -> ComposeResult:
        with Vertical(id="stats"):
            yield Static(id="stats-title")
            yield Static(id="stats-numbers")
            yield DayBars(id="stats-per-day")
            yield DayBars(id="stats-forecast")
        yield Footer()

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self._language_changed)

    def _language_changed(self, lang: str) -> None:
        localize(self, lang)
        now = time.time()
        log = self.host.store.review_log()
        deck = build_deck(self.host.course, self.host.store, self.named)
        self.query_one("#stats-title", Static).update(Text(ui("stats.title", lang)))
        kept = retention(log)
        numbers = Text(ui("stats.total", lang, n=len(log), due=len(due_cards(deck, now))) + "\n")
        if kept is None:
            numbers.append(ui("stats.no_retention", lang), style="dim")
        else:
            numbers.append(ui("stats.retention", lang, pct=kept[0] * 100, n=kept[1]))
        self.query_one("#stats-numbers", Static).update(numbers)
        self.query_one("#stats-per-day", DayBars).show(
            ui("stats.per_day", lang),
            day_labels(ahead=False, now=now),
            reviews_per_day(log, now=now),
            "green",
        )
        self.query_one("#stats-forecast", DayBars).show(
            ui("stats.forecast", lang), day_labels(now=now), due_forecast(deck, now=now), "orange"
        )

    def action_close_stats(self) -> None:
        self.app.pop_screen()
