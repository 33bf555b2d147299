"""Lessons as data: the model, the loader and its validation. Never imports Textual or torch.

Names are imported on first use (PEP 562), so importing a submodule such as
`studytorch.course.model` does not pull in the loader and tomllib: the app's start-up pays only
for what it touches.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_HOME = {
    "Card": "model",
    "Lesson": "model",
    "LessonError": "model",
    "Localized": "model",
    "Step": "model",
    "LoadReport": "model",
    "WrongAnswer": "model",
    "load_course": "loader",
    "load_lesson": "loader",
}
__all__ = [
    "Card",
    "Lesson",
    "LessonError",
    "LoadReport",
    "Localized",
    "Step",
    "WrongAnswer",
    "load_course",
    "load_lesson",
]

if TYPE_CHECKING:
    from studytorch.course.loader import load_course, load_lesson
    from studytorch.course.model import (
        Card,
        Lesson,
        LessonError,
        LoadReport,
        Localized,
        Step,
        WrongAnswer,
    )


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)
