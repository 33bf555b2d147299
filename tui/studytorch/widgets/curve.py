"""LossCurve: metrics drawn while the loop runs, over the previous runs of the same step."""

from __future__ import annotations

from typing import Any

from textual_plotext import PlotextPlot

from studytorch.text import visible

MAX_PLOTTED = 400
"""Points drawn per series; longer series are thinned so 10,000 points stay responsive."""
KEPT_RUNS = 3
"""Earlier runs of the step drawn faintly under the current one."""
REDRAW_S = 0.1


def thin(values: list[float], limit: int = MAX_PLOTTED) -> tuple[list[int], list[float]]:
    """Every k-th point (and the last), so the curve's shape survives at a fixed cost."""
    step = max(1, -(-len(values) // limit))
    xs = list(range(0, len(values), step))
    if xs and xs[-1] != len(values) - 1:
        xs.append(len(values) - 1)
    return xs, [values[i] for i in xs]


class LossCurve(PlotextPlot):
    """Series by name (`loss`, anything passed to `track`) for this run and a few earlier ones."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.series: dict[str, list[float]] = {}
        self.earlier: list[dict[str, list[float]]] = []
        self._pending = False

    def start_run(self, earlier: list[dict[str, list[float]]]) -> None:
        self.earlier = earlier[-KEPT_RUNS:]
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

    def redraw(self) -> None:
        self._pending = False
        plt = self.plt
        plt.clear_data()
        plt.clear_figure()
        for age, run in enumerate(reversed(self.earlier), 1):
            for name, values in run.items():
                if values:
                    plt.plot(*thin(values), label=visible(f"{name} (run -{age})"), marker="dot")
        for name, values in self.series.items():
            if values:
                plt.plot(*thin(values), label=visible(name), marker="braille")
        latest = {k: v[-1] for k, v in self.series.items() if v}
        title = "  ".join(
            f"{visible(k)} {v:.4g} ({len(self.series[k])} steps)" for k, v in latest.items()
        )
        plt.title(title or "no metrics yet: assign `loss` in a loop, or call track(name, value)")
        plt.xlabel("step")
        self.refresh()
