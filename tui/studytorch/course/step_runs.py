"""StepRuns: what the app keeps of each step's runs while it is open, and whose run is current."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from studytorch.course.runner import StepRun, run_step

if TYPE_CHECKING:
    from studytorch.course.model import Step
    from studytorch.kernel.protocol import Event, Kernel
    from studytorch.kernel.result import RunResult

Metrics = dict[str, list[Any]]

EARLIER_CURVES = 3
"""How many earlier runs' metrics of a step are kept to draw under the current curve."""


class StepRuns:
    """Per step: the last result (grad norms are compared with it, never with another step's)
    and the metrics of a few earlier runs (the curve draws them). Kept by the app, so both
    survive leaving the lesson and coming back.

    `token` names the run the screens listen to: starting a run, leaving a step and a restart
    move it on, so whatever an abandoned run still reports reaches no screen."""

    def __init__(self) -> None:
        self.token = 0
        """The current run's token; events of a run with another token are not shown."""
        self._previous: dict[tuple[str, str], RunResult] = {}
        self._curves: dict[tuple[str, str], list[Metrics]] = {}

    def move_on(self) -> int:
        """A new run, a step left or a restart: runs started before stop being current."""
        self.token += 1
        return self.token

    def is_current(self, token: int) -> bool:
        return token == self.token

    def previous(self, lesson_id: str, step_id: str) -> RunResult | None:
        """The step's last finished run, or None."""
        return self._previous.get((lesson_id, step_id))

    def curves(self, lesson_id: str, step_id: str) -> list[Metrics]:
        """The step's earlier metrics, oldest first: the list itself (the curve's `c` empties
        it, so the next run starts without them too)."""
        return self._curves.setdefault((lesson_id, step_id), [])

    async def run(
        self,
        session: Kernel,
        lesson_id: str,
        step: Step,
        code: str,
        *,
        on_event: Callable[[Event], Any] | None = None,
        record: Callable[[StepRun], Any] | None = None,
    ) -> StepRun:
        """Run `code` for `step` (snippet, check, record) and keep what the next run needs."""
        run = await run_step(
            session,
            lesson_id,
            step,
            code,
            previous=self.previous(lesson_id, step.id),
            on_event=on_event,
            record=record,
        )
        self._previous[(lesson_id, step.id)] = run.result
        if run.result.metrics:
            earlier = self.curves(lesson_id, step.id)
            earlier.append(run.result.metrics)
            del earlier[:-EARLIER_CURVES]
        return run
