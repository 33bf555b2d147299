"""Messages a screen sends up to the app (open another screen) and the app sends to a screen."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from studytorch.course.model import Lesson, Step
    from studytorch.course.runner import StepRun

# Screens never import each other: they ask the app, which knows every screen, by message.


class OpenLesson(Message):
    """Show `lesson` at step `index` (None: its first unfinished step)."""

    def __init__(self, lesson: Lesson, index: int | None = None, *, replace: bool = False) -> None:
        super().__init__()
        self.lesson = lesson
        self.index = index
        self.replace = replace
        """Instead of the screen that asked (the next lesson), not above it."""


class OpenReview(Message):
    """Review the due cards (of the `named` lessons, when given)."""

    def __init__(self, named: list[str] | None = None) -> None:
        super().__init__()
        self.named = list(named or [])


class OpenReviewStats(Message):
    """Show the numbers about reviewing (of the `named` lessons, when given)."""

    def __init__(self, named: list[str] | None = None) -> None:
        super().__init__()
        self.named = list(named or [])


class OpenRunHistory(Message):
    """Show a step's earlier runs; `restore` gets the code the learner chose, or None."""

    def __init__(self, lesson: Lesson, step: Step, restore: Callable[[str | None], None]) -> None:
        super().__init__()
        self.lesson = lesson
        self.step = step
        self.restore = restore


class LeaveReview(Message):
    """Review is over: back to the lessons (made now when review was the first screen)."""


class RunFinished(Message):
    """A run of a step ended: snippet, check and record done. Sent to the screen that started
    it (to the app when that screen has gone); `token` says whether it is still the current run."""

    def __init__(self, run: StepRun, token: int) -> None:
        super().__init__()
        self.run = run
        self.token = token
