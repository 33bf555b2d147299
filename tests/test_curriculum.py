"""The built-in curriculum as data: it loads, it is complete in both languages, and it is safe.

Pure tests: nothing here starts a kernel or imports torch. Whether each solution passes its check
(and each starter fails it) is proven with a real kernel elsewhere (`studytorch check`).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from studytorch import locations
from studytorch.course import Lesson, Step, load_course
from studytorch.widgets.results import LABELS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

REPO = Path(__file__).resolve().parents[1]
LESSONS_DIR = REPO / "lessons"

EXPECTED_IDS = [
    "define-by-run",
    "tensors",
    "shape-ops",
    "matmul",
    "autograd",
    "modules",
    "training-loop",
    "backward-from-scratch",
    "dataset",
    "dataloader",
    "putting-it-together",
]

NETWORK_WORDS = (
    "urllib",
    "requests",
    "http",
    "socket",
    "download=True",
    "torchvision.datasets",
    "hub.load",
)


def _course() -> list[Lesson]:
    report = load_course([(LESSONS_DIR, True)])
    assert not report.errors, "\n".join(str(error) for error in report.errors)
    return report.lessons


LESSONS = _course()
STEPS = [(lesson, step) for lesson in LESSONS for step in lesson.steps]


def _step_id(item: tuple[Lesson, Step]) -> str:
    lesson, step = item
    return f"{lesson.id}/{step.id}"


def _snippets(step: Step) -> dict[str, str]:
    found = {"starter": step.starter, "solution": step.solution, "check": step.check}
    return {name: code for name, code in found.items() if code is not None}


def test_every_lesson_loads_without_errors() -> None:
    report = load_course([(LESSONS_DIR, True)])
    assert [str(error) for error in report.errors] == []
    assert len(report.lessons) == len(list(LESSONS_DIR.glob("*/lesson.toml")))


def test_lessons_load_in_folder_order_with_the_syllabus_ids() -> None:
    folders = sorted(p.name for p in LESSONS_DIR.iterdir() if (p / "lesson.toml").is_file())
    assert [lesson.path.name for lesson in LESSONS] == folders
    assert [lesson.id for lesson in LESSONS] == EXPECTED_IDS
    for number, lesson in enumerate(LESSONS, 1):
        assert lesson.path.name == f"{number:02d}-{lesson.id}"
        assert lesson.builtin


def test_default_course_is_the_builtin_lessons_in_order() -> None:
    # conftest points STUDYTORCH_HOME at an empty sandbox, so only the built-in lessons load.
    assert locations.builtin_lessons_dir().resolve() == LESSONS_DIR.resolve()
    report = load_course()
    assert report.errors == []
    assert [lesson.id for lesson in report.lessons] == EXPECTED_IDS


def test_course_size() -> None:
    assert len(LESSONS) >= 11
    checked = [step for _, step in STEPS if step.check is not None]
    assert len(checked) >= 25, f"only {len(checked)} steps have checks"
    for lesson in LESSONS:
        assert 2 <= len(lesson.steps) <= 5, f"{lesson.id} has {len(lesson.steps)} steps"


def test_shape_ops_example_keeps_its_id_and_steps() -> None:
    lesson = next(lesson for lesson in LESSONS if lesson.id == "shape-ops")
    assert [step.id for step in lesson.steps] == [
        "view",
        "view-vs-reshape",
        "squeeze",
        "unsqueeze",
    ]


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.id)
def test_lesson_texts_exist_in_both_languages(lesson: Lesson) -> None:
    assert lesson.title.en.strip() and lesson.title.ko.strip()
    assert re.search("[가-힣]", lesson.title.ko), "the Korean title has no Hangul"


@pytest.mark.parametrize("item", STEPS, ids=_step_id)
def test_step_texts_exist_in_both_languages(item: tuple[Lesson, Step]) -> None:
    _, step = item
    for text in (step.title, step.note):
        assert text.en.strip(), "English text is empty"
        assert text.ko.strip(), "Korean text is empty"
        assert re.search("[가-힣]", text.ko), f"Korean text has no Hangul: {text.ko[:40]!r}"
        assert text.en != text.ko
    for hint in step.hints:
        assert hint.en.strip() and hint.ko.strip()


@pytest.mark.parametrize("item", STEPS, ids=_step_id)
def test_notes_name_the_tabs_as_the_app_labels_them(item: tuple[Lesson, Step]) -> None:
    _, step = item
    for lang, text in (("en", step.note.en), ("ko", step.note.ko)):
        named = re.findall(r"(\w+) (?:tab|pane|탭|창)", text)
        shown = set(LABELS[lang].values())
        everywhere = shown | set(LABELS["en"].values()) | set(LABELS["ko"].values())
        wrong = [name for name in named if name in everywhere and name not in shown]
        assert not wrong, f"the {lang} note names tabs the {lang} app calls otherwise: {wrong}"


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.id)
def test_hints_are_paired_in_the_files(lesson: Lesson) -> None:
    assert lesson.path is not None
    raw = tomllib.loads((lesson.path / "lesson.toml").read_text(encoding="utf-8"))
    for raw_step in raw["steps"]:
        hints = raw_step.get("hints", {"en": [], "ko": []})
        assert len(hints["en"]) == len(hints["ko"]), raw_step["id"]


@pytest.mark.parametrize("item", STEPS, ids=_step_id)
def test_checked_steps_are_exercises(item: tuple[Lesson, Step]) -> None:
    _, step = item
    if step.check is None:
        return
    assert step.solution is not None
    assert step.solution.strip() != step.starter.strip(), "starter and solution are identical"
    assert "expect(" in step.check or "assert" in step.check
    assert step.hints, "an exercise should come with hints"


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.id)
def test_every_lesson_has_two_to_six_bilingual_cards(lesson: Lesson) -> None:
    assert 2 <= len(lesson.cards) <= 6, f"{lesson.id} has {len(lesson.cards)} cards"
    for card in lesson.cards:
        texts = (card.question, card.answer) if card.kind == "recall" else (card.question,)
        for text in texts:
            assert text.en.strip() and text.ko.strip()
        if card.kind == "predict":  # the answer is what the code prints, in no language
            assert card.code and isinstance(card.answer, str) and card.answer.strip()
        assert re.search("[가-힣]", card.question.ko)


@pytest.mark.parametrize("item", STEPS, ids=_step_id)
def test_snippets_compile(item: tuple[Lesson, Step]) -> None:
    _, step = item
    for name, code in _snippets(step).items():
        compile(code, f"<{name}>", "exec")


@pytest.mark.parametrize("item", STEPS, ids=_step_id)
def test_snippets_never_touch_the_network(item: tuple[Lesson, Step]) -> None:
    _, step = item
    for name, code in _snippets(step).items():
        for word in NETWORK_WORDS:
            assert word not in code, f"{name} mentions {word!r}"


@pytest.mark.parametrize("item", STEPS, ids=_step_id)
def test_snippets_keep_dataloaders_in_process(item: tuple[Lesson, Step]) -> None:
    _, step = item
    for name, code in _snippets(step).items():
        for call in re.finditer(r"DataLoader\(", code):
            line = code[call.start() :].split("\n", 1)[0]
            assert "num_workers=0" in line, f"{name}: {line.strip()}"
