"""The lesson screen's words for a step: its note with the hints shown, the bar, the verdict."""

from __future__ import annotations

from rich.text import Text

from studytorch.course.model import Lesson, Step
from studytorch.text import drawable_note, visible
from studytorch.ui_text import ui


def note_markdown(step: Step, lang: str, hints_shown: int) -> str:
    """The step's note, then each hint asked for so far (F2) as a quote."""
    note = visible(drawable_note(step.note.get(lang), ui("note_cut", lang)))
    for index, hint in enumerate(step.hints[:hints_shown], 1):
        label = f"{ui('hint', lang)} {index}/{len(step.hints)}"
        note += f"\n\n> **{label}:** {visible(hint.get(lang))}"
    return note


def step_bar(lesson: Lesson, index: int, passed: set[str], lang: str) -> Text:
    """Where the learner is: step n/N, a mark per step (● passed), the step and lesson titles."""
    marks = "".join("●" if s.id in passed else "○" for s in lesson.steps)
    bar = Text(no_wrap=True, overflow="ellipsis")
    bar.append(f"{ui('step', lang)} {index + 1}/{len(lesson.steps)} {marks} ")
    bar.append(visible(lesson.steps[index].title.get(lang)), style="bold")
    bar.append(visible(f" · {lesson.title.get(lang)}"), style="dim")
    return bar
