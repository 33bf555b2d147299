"""LossCurve: metrics drawn while the loop runs, over earlier runs of the step labelled by what
changed in the snippet (`lr=0.01`), with the legend above the plot, not on the data."""

from __future__ import annotations

import math
import re
import time
from typing import Any

from rich.text import Text
from textual.widgets import Static
from textual_plotext import PlotextPlot

from studytorch.keys import bind
from studytorch.text import visible
from studytorch.ui_text import ui

MAX_PLOTTED = 400
"""Points drawn per series; longer series are thinned so 10,000 points stay responsive."""
KEPT_RUNS = 3
"""Earlier runs of the step drawn under the current one."""
REDRAW_S = 0.1
COLOURS = (
    (95, 175, 215),
    (255, 175, 0),
    (215, 95, 215),
    (95, 215, 95),
    (255, 95, 95),
    (135, 135, 255),
)
"""RGB, given alike to plotext and to the legend (plotext's colour names are not rich's)."""
_ASSIGNED = re.compile(
    r"\b([A-Za-z_]\w*)\s*=\s*([-+]?(?:\d[\w.]*(?:[eE][-+]?\d+)?|'[^']*'|\"[^\"]*\"|True|False|None))"
)
"""`name = literal` and `keyword=literal` in a snippet: what a learner changes between runs."""


def thin(values: list[float], limit: int = MAX_PLOTTED) -> tuple[list[int], list[float]]:
    """Every k-th point (and the last), so the curve's shape survives at a fixed cost."""
    step = max(1, -(-len(values) // limit))
    xs = list(range(0, len(values), step))
    if xs and xs[-1] != len(values) - 1:
        xs.append(len(values) - 1)
    return xs, [values[i] for i in xs]


def step_ticks(last: int, room: int) -> list[int]:
    """Whole-number step ticks from 0 to `last`, at most `room` of them, at 1/2/5×10^k."""
    if last <= 0:
        return [0]
    rough = last / max(1, room - 1)
    base = 10 ** math.floor(math.log10(rough)) if rough >= 1 else 1
    spacing = next((m * base for m in (1, 2, 5, 10) if m * base >= rough), 10 * base)
    return list(range(0, last + 1, int(spacing)))


def literals(code: str) -> dict[str, str]:
    """Each `name = literal` / `keyword=literal` of `code` (the last one wins)."""
    return {name: value for name, value in _ASSIGNED.findall(code)}


def what_changed(before: str, now: str, when: float) -> str:
    """An earlier run's label: its literals that differ from now (`lr=0.01`), else its time."""
    then, current = literals(before), literals(now)
    changed = [f"{name}={value}" for name, value in then.items() if current.get(name) != value]
    if changed:
        return ", ".join(changed[:2]) + (" …" if len(changed) > 2 else "")
    return time.strftime("%H:%M:%S", time.localtime(when))


class LossCurve(PlotextPlot):
    """Series by name (`loss`, anything passed to `track`) for this run and a few earlier ones."""

    can_focus = True
    BINDINGS = [
        bind("c", "clear_earlier"),
        bind("l", "toggle_log"),
    ]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.series: dict[str, list[float]] = {}
        self.earlier: list[dict[str, list[float]]] = []
        self.labels: list[str] = []
        """What each earlier run (oldest first) changed, as its legend says."""
        self.log_y = False
        self.x_last: int | None = None
        """The last step on the x-axis: the current run's."""
        self._runs: list[dict[str, list[float]]] | None = None
        self._pending = False
        self._low, self._high = math.inf, -math.inf
        """The log10 range drawn, for the log scale's ticks."""

    @property
    def lang(self) -> str:
        return getattr(self.app, "lang", "en")

    def start_run(
        self, earlier: list[dict[str, list[float]]], labels: list[str] | None = None
    ) -> None:
        """A run begins; `earlier` is the step's list of earlier runs (cleared by `c`)."""
        self._runs = earlier
        self.earlier = earlier[-KEPT_RUNS:]
        labels = list(labels or [])[-len(self.earlier) :] if self.earlier else []
        fallback = [
            ui("curve.earlier", self.lang, age=age) for age in range(len(self.earlier), 0, -1)
        ]
        self.labels = labels if len(labels) == len(self.earlier) else fallback
        self.series = {}
        self.redraw()

    def append(self, name: str, start: int, values: list[Any]) -> None:
        series = self.series.setdefault(name, [])
        del series[start:]
        series.extend(v for v in values if isinstance(v, (int, float)))
        if not self._pending:  # coalesce: one redraw per interval however many updates arrive
            self._pending = True
            self.set_timer(REDRAW_S, self.redraw)

    def replace(self, metrics: dict[str, list[Any]]) -> None:
        self.series = {
            k: [v for v in vs if isinstance(v, (int, float))] for k, vs in metrics.items()
        }
        self.redraw()

    def on_resize(self) -> None:
        self.redraw()  # the ticks are chosen for the width

    def on_focus(self) -> None:
        self.redraw()  # the legend names the keys while they work

    def on_blur(self) -> None:
        self.redraw()

    def action_clear_earlier(self) -> None:
        if self._runs is not None:
            del self._runs[:]
        self.earlier, self.labels = [], []
        self.redraw()
        self.notify(ui("curve.cleared", self.lang))

    def action_toggle_log(self) -> None:
        self.log_y = not self.log_y
        self.redraw()

    def _visible(self, values: list[float], last: int | None) -> tuple[list[int], list[float]]:
        """The points to plot: within the current run's steps, positive on a log scale."""
        if last is not None:
            values = values[: last + 1]
        xs, ys = thin(values)
        if self.log_y:
            # Plotted as log10 on a linear axis: plotext's own log scale is applied again on
            # every render of the same figure.
            kept = [(x, math.log10(y)) for x, y in zip(xs, ys, strict=True) if y > 0]
            xs, ys = [x for x, _ in kept], [y for _, y in kept]
            self._low = min([self._low, *ys])
            self._high = max([self._high, *ys])
        return xs, ys

    def redraw(self) -> None:
        self._pending = False
        lang = self.lang
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        longest = max((len(v) for v in self.series.values()), default=0)
        # The x-axis is the current run's: a long interrupted run must not squash this one.
        last = longest - 1 if longest else None
        self.x_last = last
        legend = Text(no_wrap=True, overflow="ellipsis")
        colour = iter(COLOURS * 4)
        self._low, self._high = math.inf, -math.inf
        for age, (run, label) in enumerate(zip(self.earlier, self.labels, strict=False)):
            del age
            for name, values in run.items():
                xs, ys = self._visible(values, last)
                if not xs:
                    continue
                c = next(colour)
                plt.plot(xs, ys, marker="dot", color=c)
                legend.append("··· ", style="rgb({},{},{})".format(*c))
                legend.append(visible(f"{name} ({label})  "), style="dim")
        for name, values in self.series.items():
            xs, ys = self._visible(values, last)
            if not xs:
                continue
            c = next(colour)
            plt.plot(xs, ys, marker="braille", color=c)
            legend.append("━━ ", style="rgb({},{},{})".format(*c))
            legend.append(visible(f"{name} {values[-1]:.4g} "), style="bold")
            legend.append(f"{ui('curve.steps', lang, count=len(values))}  ")
        if not legend.plain:
            legend.append(ui("curve.empty", lang), style="dim")
        if self.log_y:
            legend.append(f"[{ui('curve.log', lang)}]  ", style="italic")
            if self._low <= self._high:
                decades = list(range(math.floor(self._low), math.ceil(self._high) + 1))
                plt.yticks([float(d) for d in decades], [f"{10.0**d:g}" for d in decades])
        if self.has_focus:
            legend.append(ui("curve.keys", lang), style="dim")
        if last is not None:
            plt.xlim(0, max(1, last))
            ticks = step_ticks(last, max(2, self.size.width // 8))
            plt.xticks([float(t) for t in ticks], [str(t) for t in ticks])
        plt.xlabel(ui("curve.step", lang))
        self._show_legend(legend)
        self.refresh()

    def _show_legend(self, legend: Text) -> None:
        parent = self.parent
        if parent is None:
            return
        for widget in parent.query("#curve-legend"):
            if isinstance(widget, Static):
                widget.update(legend)
