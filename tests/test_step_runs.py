"""StepRuns without Textual: each step's previous run, earlier curves, and whose run is current."""

from __future__ import annotations

from fakes import FakeSession, fixed_course
from studytorch.course.step_runs import EARLIER_CURVES, StepRuns
from studytorch.kernel import Event, Summary


def metrics_of(code: str) -> list[Event]:
    return [Summary({"kind": "run", "tensors": [], "metrics": {"loss": [float(len(code))]}})]


async def test_a_step_is_compared_with_its_own_previous_run_never_another_steps() -> None:
    course = fixed_course()
    view, squeeze = course.find("shape-ops").steps
    runs = StepRuns()
    session = FakeSession(events_for=metrics_of)
    first = await runs.run(session, "shape-ops", view, "a")
    assert runs.previous("shape-ops", view.id) is first.result
    assert runs.previous("shape-ops", squeeze.id) is None, "another step starts with nothing"
    await runs.run(session, "shape-ops", squeeze, "bb")
    assert runs.previous("shape-ops", view.id) is first.result


async def test_only_the_last_few_curves_of_a_step_are_kept_and_c_empties_them() -> None:
    step = fixed_course().find("shape-ops").steps[0]
    runs = StepRuns()
    session = FakeSession(events_for=metrics_of)
    for length in range(1, EARLIER_CURVES + 3):
        await runs.run(session, "shape-ops", step, "x" * length)
    curves = runs.curves("shape-ops", step.id)
    assert [c["loss"][0] for c in curves] == [3.0, 4.0, 5.0][-EARLIER_CURVES:]
    curves.clear()  # what the curve's `c` does to the list it was given
    assert runs.curves("shape-ops", step.id) == []


def test_moving_on_makes_an_earlier_run_no_longer_current() -> None:
    runs = StepRuns()
    token = runs.move_on()
    assert runs.is_current(token)
    runs.move_on()  # the step was left
    assert not runs.is_current(token)
