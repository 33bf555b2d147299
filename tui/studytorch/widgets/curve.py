"""LossCurve: metrics drawn while the loop runs, over earlier runs of the step labelled by what
changed in the snippet (`lr=0.01`), with the legend above the plot, not on the data."""

from __future__ import annotations

import itertools
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
from studytorch.widgets.contained import contained, failure_notice, log_failure

MAX_PLOTTED = 400
"""Points drawn per series; longer series are thinned so 10,000 points stay responsive."""
MAX_SERIES = 8
"""Series drawn per run; the legend counts the rest."""
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


def thin(values: list[Any], limit: int = MAX_PLOTTED) -> tuple[list[int], list[Any]]:
    """Every k-th point (and the last), so the curve's shape survives at a fixed cost."""
    step = max(1, -(-len(values) // limit))
    xs = list(range(0, len(values), step))
    if xs and xs[-1] != len(values) - 1:
        xs.append(len(values) - 1)
    return xs, [values[i] for i in xs]


def as_number(value: Any) -> float | None:
    """A metric value as a float: numbers, and the strings "nan", "inf", "-inf" the kernel sends
    for values that are not finite (docs/run-json.md); anything else is not a value."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str) and value in ("nan", "inf", "-inf"):
        return float(value)
    return None


MARKS = {"inf": "▲inf", "-inf": "▼-inf", "nan": "×nan"}
MAX_MARKS = 6
"""Marks drawn per series: a run of equal non-finite values is one mark."""


def split_values(values: list[Any]) -> tuple[list[int], list[float], list[tuple[int, str]]]:
    """The finite points to draw as a line, and marks (step, "inf" | "-inf" | "nan") for the rest:
    values that are not finite are data to show at the plot's edge, never a crash."""
    xs: list[int] = []
    ys: list[float] = []
    marks: list[tuple[int, str]] = []
    previous = None
    for x, value in enumerate(values):
        number = as_number(value)
        if number is None:
            previous = None
            continue
        if math.isfinite(number):
            xs.append(x)
            ys.append(number)
            previous = None
            continue
        kind = "nan" if math.isnan(number) else ("inf" if number > 0 else "-inf")
        if kind != previous and len(marks) < MAX_MARKS:
            marks.append((x, kind))
        previous = kind
    return xs, ys, marks


def step_ticks(last: int, room: int) -> list[int]:
    """Whole-number step ticks from 0 to `last`, at most `room` of them, at 1/2/5×10^k."""
    if last <= 0:
        return [0]
    rough = last / max(1, room - 1)
    base = 10 ** math.floor(math.log10(rough)) if rough >= 1 else 1
    spacing = next((m * base for m in (1, 2, 5, 10) if m * base >= rough), 10 * base)
    return list(range(0, last + 1, int(spacing)))


def nice_ticks(low: float, high: float, room: int) -> list[float]:
    """Value ticks between `low` and `high` at 1/2/5×10^k, at most `room` of them."""
    if not (math.isfinite(low) and math.isfinite(high)) or high <= low:
        return [low] if math.isfinite(low) else []
    rough = (high - low) / max(1, room - 1)
    base = 10.0 ** math.floor(math.log10(rough))
    spacing = next((m * base for m in (1, 2, 5, 10) if m * base >= rough), 10 * base)
    first = math.ceil(low / spacing)
    ticks = [k * spacing for k in range(first, math.floor(high / spacing) + 1)]
    return ticks[: max(1, room)]


def decade_ticks(low: float, high: float, room: int) -> list[int]:
    """Powers of ten (as exponents) covering low..high, every k-th decade so they fit: evenly
    spaced on a log scale."""
    first, last = math.floor(low), math.ceil(high)
    count = last - first + 1
    every = max(1, -(-count // max(1, room)))
    return list(range(first, last + 1, every))


_SI = ((12, "T"), (9, "G"), (6, "M"), (3, "k"))


def tick_label(value: float) -> str:
    """A short axis label: 0.25, 1.5k, 20M, 3e38, 1e-05; never `777333830116704256.0`."""
    if value == 0 or not math.isfinite(value):
        return "0" if value == 0 else str(value)
    size = abs(value)
    if 1e-3 <= size < 1e4:
        return f"{value:.4g}"
    for exponent, suffix in _SI:
        if 10.0**exponent <= size < 10.0 ** (exponent + 3):
            return f"{value / 10.0**exponent:.3g}{suffix}"
    mantissa, exponent_text = f"{value:.1e}".split("e")
    return f"{float(mantissa):g}e{int(exponent_text)}"


def literals(code: str) -> dict[str, str]:
    """Each `name = literal` / `keyword=literal` of `code` (the last one wins)."""
    return {name: value for name, value in _ASSIGNED.findall(code)}


def what_changed(before: str, now: str, when: float) -> str:
    """An earlier run's label: every literal of it that differs from now (`lr=0.01, epochs=5`),
    else its time."""
    then, current = literals(before), literals(now)
    changed = [f"{name}={value}" for name, value in then.items() if current.get(name) != value]
    if changed:
        return ", ".join(changed)
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
        self._failed: Text | None = None
        """The one-line notice shown instead of the plot after it failed to draw."""

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
        series = self.series.setdefault(str(name), [])
        del series[max(0, start) :]
        series.extend(values)  # read when drawn (split_values), and only the series drawn
        if not self._pending:  # coalesce: one redraw per interval however many updates arrive
            self._pending = True
            self.set_timer(REDRAW_S, self.redraw)

    def replace(self, metrics: dict[str, list[Any]]) -> None:
        self.series = {str(k): list(vs) for k, vs in metrics.items()}
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

    def _visible(
        self, values: list[Any], last: int | None
    ) -> tuple[list[int], list[float], list[tuple[int, str]]]:
        """The points to plot within the current run's steps, and marks for values that are not
        finite; on a log scale the positive values as log10 (plotext's own log scale is
        applied again on every render of the same figure), and what is not positive left out."""
        if last is not None:
            values = values[: last + 1]
        xs, ys, marks = split_values(values)
        if len(xs) > MAX_PLOTTED:
            kept, ys = thin(ys)
            xs = [xs[k] for k in kept]
        if self.log_y:
            pairs = [(x, math.log10(y)) for x, y in zip(xs, ys, strict=True) if y > 0]
            xs, ys = [x for x, _ in pairs], [y for _, y in pairs]
            marks = [(x, kind) for x, kind in marks if kind != "-inf"]
        return xs, ys, marks

    @contained
    def redraw(self) -> None:
        self._pending = False
        self._failed = None
        lang = self.lang
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        longest = max((len(v) for v in self.series.values()), default=0)
        # The x-axis is the current run's: a long interrupted run must not squash this one.
        last = longest - 1 if longest else None
        self.x_last = last
        colour = itertools.cycle(COLOURS)
        drawn: list[tuple[list[int], list[float], list[tuple[int, str]], Any, str]] = []
        # The current run first: a legend cut at the right edge still names it.
        legend = Text(no_wrap=True, overflow="ellipsis")
        shown = list(self.series.items())[:MAX_SERIES]
        for name, values in shown:
            xs, ys, marks = self._visible(values, last)
            if not (xs or marks):
                continue
            c = next(colour)
            drawn.append((xs, ys, marks, c, "braille"))
            legend.append("━━ ", style="rgb({},{},{})".format(*c))
            legend.append(visible(f"{name} {_value_text(values[-1])} "), style="bold")
            key = "curve.one_step" if len(values) == 1 else "curve.steps"
            legend.append(f"{ui(key, lang, count=len(values))}  ")
        if len(self.series) > len(shown):
            more = len(self.series) - len(shown)
            legend.append(ui("curve.more", lang, count=more) + "  ", style="dim")
        for run, label in zip(self.earlier, self.labels, strict=False):
            for name, values in list(run.items())[:MAX_SERIES]:
                xs, ys, marks = self._visible(values, last)
                if not (xs or marks):
                    continue
                c = next(colour)
                drawn.append((xs, ys, marks, c, "dot"))
                legend.append("··· ", style="rgb({},{},{})".format(*c))
                legend.append(visible(f"{name} ({label})  "), style="dim")
        if not legend.plain:
            legend.append(ui("curve.empty", lang), style="dim")
        low, high = _y_range([y for xs, ys, *_ in drawn for y in ys])
        # Plotted last, the current run is drawn over the earlier ones: a rerun that repeats
        # the last run's values must not hide under its dots.
        for xs, ys, _, c, marker in reversed(drawn):
            if xs:
                plt.plot(xs, ys, marker=marker, color=c)
        marked = False
        for _, _, marks, c, _ in reversed(drawn):
            for x, kind in marks:
                plt.text(MARKS[kind], x, low if kind == "-inf" else high, color=c)
                marked = True
        if drawn:
            plt.ylim(low, high)
            rows = max(2, self.size.height // 3)
            if self.log_y:
                decades = decade_ticks(low, high, rows)
                plt.yticks([float(d) for d in decades], [tick_label(10.0**d) for d in decades])
            else:
                ticks = nice_ticks(low, high, rows)
                plt.yticks(ticks, [tick_label(t) for t in ticks])
        if self.log_y:
            legend.append(f"[{ui('curve.log', lang)}]  ", style="italic")
        if marked:
            legend.append(f"{ui('curve.markers', lang)}  ", style="dim")
        if self.has_focus:
            legend.append(ui("curve.keys", lang), style="dim")
        if last is not None:
            plt.xlim(0, max(1, last))
            steps = step_ticks(last, max(2, self.size.width // 8))
            plt.xticks([float(t) for t in steps], [str(t) for t in steps])
        plt.xlabel(ui("curve.step", lang))
        self._show_legend(legend)
        self.refresh()

    def render(self) -> Any:
        """The plot; if plotext cannot draw it, the pane says so in a line and the app lives."""
        if self._failed is not None:
            return self._failed
        try:
            return super().render()
        except Exception as exc:
            log_failure("LossCurve.render", exc)
            self._failed = failure_notice(exc, self.lang)
            return self._failed

    def show_failure(self, notice: Text) -> None:
        self._failed = notice
        self._show_legend(Text(""))
        self.refresh()

    def _show_legend(self, legend: Text) -> None:
        parent = self.parent
        if parent is None:
            return
        for widget in parent.query("#curve-legend"):
            if isinstance(widget, Static):
                widget.update(legend)


def _value_text(value: Any) -> str:
    number = as_number(value)
    return str(value) if number is None or not math.isfinite(number) else f"{number:.4g}"


def _y_range(values: list[float]) -> tuple[float, float]:
    """The drawn range of finite values, never empty (the marks of inf and nan sit at its edges)."""
    if not values:
        return 0.0, 1.0
    low, high = min(values), max(values)
    if high - low <= abs(high) * 1e-12 or not math.isfinite(high - low):
        pad = abs(high) * 0.1 or 1.0
        if not math.isfinite(high - low):  # -1e308 to 1e308: the span itself overflows
            return low, high
        low, high = low - pad, high + pad
    return low, high
