"""The lesson model: a Lesson is an ordered list of Steps, plus review Cards."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Localized:
    """One text in English and Korean."""

    en: str
    ko: str

    def get(self, lang: str) -> str:
        return self.ko if lang == "ko" else self.en


@dataclass(frozen=True)
class WrongAnswer:
    """A plausible mistake for a step, and the reason its check must give for rejecting it."""

    name: str
    """From its file: `wrong_<name>.py`."""
    code: str
    reason: str
    """A part of the check's English message (or of the error the code raises)."""


@dataclass(frozen=True)
class Step:
    """One screen of a lesson: a note to read and a snippet to run."""

    id: str
    title: Localized
    note: Localized
    starter: str
    solution: str | None = None
    check: str | None = None
    """Run after the snippet in a copy of its namespace; it passes when it does not raise."""
    hints: tuple[Localized, ...] = ()
    line: int = 0
    """Where the step starts in its lesson file, for messages."""
    wrong: tuple[WrongAnswer, ...] = ()
    """Mistakes the check must reject, each with its reason (`studytorch check` proves it)."""


CARD_KINDS = ("recall", "predict")


@dataclass(frozen=True)
class Card:
    """A review question with its answer; a predict card's answer is what its code prints."""

    question: Localized
    answer: Localized | str
    """Recall: text in both languages. Predict: the last line `code` prints, stripped."""
    kind: str = "recall"
    code: str | None = None
    why: Localized | None = None
    """Predict: why the code prints that, shown after the answer."""
    line: int = 0

    @property
    def digest(self) -> str:
        """Names the card for review state: the English question and the code, so reordering
        cards keeps their schedules and rewriting one starts it afresh."""
        source = f"{self.question.en}\0{self.code or ''}".encode()
        return hashlib.sha256(source).hexdigest()[:12]

    def key(self, lesson_id: str) -> str:
        return f"{lesson_id}:{self.digest}"

    def answer_in(self, lang: str) -> str:
        return self.answer if isinstance(self.answer, str) else self.answer.get(lang)


@dataclass(frozen=True)
class Lesson:
    id: str
    title: Localized
    steps: tuple[Step, ...]
    cards: tuple[Card, ...] = ()
    path: Path | None = None
    builtin: bool = True

    def step(self, step_id: str) -> Step:
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(step_id)

    def first_unfinished(self, passed: set[str]) -> int:
        """The index of the first step not in `passed` (0 when every step is)."""
        return next((i for i, s in enumerate(self.steps) if s.id not in passed), 0)


@dataclass(frozen=True)
class LessonError:
    """A problem in a lesson file, with the place to fix it."""

    path: Path
    line: int
    message: str
    lesson_dir: Path | None = field(default=None, compare=False)

    def __str__(self) -> str:
        return (
            f"{self.path}:{self.line}: {self.message}"
            if self.line
            else f"{self.path}: {self.message}"
        )


@dataclass
class LoadReport:
    """What a load found: the lessons that loaded, and the problems of those that did not."""

    lessons: list[Lesson] = field(default_factory=list)
    errors: list[LessonError] = field(default_factory=list)

    def find(self, lesson_id: str) -> Lesson | None:
        return next((lesson for lesson in self.lessons if lesson.id == lesson_id), None)

    def next_after(self, lesson_id: str) -> Lesson | None:
        """The lesson after `lesson_id` in the course's order (None: the last, or unknown)."""
        ids = [lesson.id for lesson in self.lessons]
        if lesson_id not in ids:
            return None
        position = ids.index(lesson_id) + 1
        return self.lessons[position] if position < len(self.lessons) else None
