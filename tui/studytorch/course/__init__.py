"""Lessons as data: the model, the loader and its validation. Never imports Textual or torch."""

from studytorch.course.loader import LoadReport, load_course, load_lesson
from studytorch.course.model import Card, Lesson, LessonError, Localized, Step

__all__ = [
    "Card",
    "Lesson",
    "LessonError",
    "LoadReport",
    "Localized",
    "Step",
    "load_course",
    "load_lesson",
]
