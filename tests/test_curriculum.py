"""The built-in curriculum as data: it loads, it is complete in both languages, and it is safe.

Pure tests: nothing here starts a kernel or imports torch. Whether each solution passes its check
(and each starter fails it) is proven with a real kernel elsewhere (`studytorch check`).
"""

from __future__ import annotations

import ast
import itertools
import re
import shutil
import sys
import unicodedata
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
    "saving-loading",
    "transfer-learning",
    "monitoring",
    "multi-gpu",
    "hyperparameters",
    "troubleshooting",
]
NEW_LESSONS = EXPECTED_IDS[11:]
"""Part two of the course (lectures 6-10): each lesson teaches one lecture topic."""

NETWORK_WORDS = (
    "urllib",
    "requests",
    "http",
    "socket",
    "download",
    "torchvision.datasets",
    "hub.load",
)
SHARED_PATHS = ("/tmp", "gettempdir", "/var/tmp", "~/", "expanduser", "Path.home")
"""A file written to a fixed place is shared by every user of the machine and by parallel runs."""
WRITES = ("open(", "torch.save(", ".write_text(", ".write_bytes(", "makedirs(", "mkdir(")
FRESH_FOLDERS = ("tempfile.mkdtemp(", "tempfile.TemporaryDirectory(")
PARTICLES = "입니다|합니다|하려면|으로|은|는|이|가|을|를|과|와|의|로|에|도"


def _course() -> list[Lesson]:
    report = load_course([(LESSONS_DIR, True)])
    assert not report.errors, "\n".join(str(error) for error in report.errors)
    return report.lessons


LESSONS = _course()
STEPS = [(lesson, step) for lesson in LESSONS for step in lesson.steps]


def _step_id(item: tuple[Lesson, Step]) -> str:
    lesson, step = item
    return f"{lesson.id}/{step.id}"


def _words(code: str) -> set[str]:
    return set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", code))


def _snippets(step: Step) -> dict[str, str]:
    found = {"starter": step.starter, "solution": step.solution, "check": step.check}
    found |= {f"wrong_{wrong.name}": wrong.code for wrong in step.wrong}
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
    assert len(LESSONS) >= 17
    checked = [step for _, step in STEPS if step.check is not None]
    assert len(checked) >= 60, f"only {len(checked)} steps have checks"
    for lesson in LESSONS:
        assert 2 <= len(lesson.steps) <= 5, f"{lesson.id} has {len(lesson.steps)} steps"


@pytest.mark.parametrize("lesson_id", NEW_LESSONS)
def test_new_lessons_are_three_to_five_checked_steps(lesson_id: str) -> None:
    lesson = next(lesson for lesson in LESSONS if lesson.id == lesson_id)
    assert 3 <= len(lesson.steps) <= 5, f"{lesson_id} has {len(lesson.steps)} steps"
    unchecked = [step.id for step in lesson.steps if step.check is None]
    assert not unchecked, f"steps without a check: {unchecked}"


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


@pytest.mark.parametrize("item", STEPS, ids=_step_id)
def test_every_step_has_three_hints_in_both_languages(item: tuple[Lesson, Step]) -> None:
    lesson, step = item
    assert lesson.path is not None
    raw = tomllib.loads((lesson.path / "lesson.toml").read_text(encoding="utf-8"))
    raw_step = next(s for s in raw["steps"] if s["id"] == step.id)
    assert len(raw_step["hints"]["en"]) == 3, "a nudge, a pointer, then the answer (en)"
    assert len(raw_step["hints"]["ko"]) == 3, "a nudge, a pointer, then the answer (ko)"
    for hint in step.hints:
        assert re.search("[가-힣]", hint.ko) or hint.ko == hint.en, f"untranslated hint {hint.ko!r}"
    # The last hint gives the answer: it names what the solution adds to the starter.
    if step.solution is not None:
        added = _words(step.solution) - _words(step.starter)
        if added:  # (a step that only reorders lines adds no word)
            assert added & _words(step.hints[-1].en), (
                f"the last hint names none of {sorted(added)}: {step.hints[-1].en!r}"
            )


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


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.id)
def test_every_lesson_has_a_predict_card_with_code_answer_and_why(lesson: Lesson) -> None:
    predict = [card for card in lesson.cards if card.kind == "predict"]
    assert predict, f"{lesson.id} has no predict card"
    for card in predict:
        assert card.code is not None
        compile(card.code, f"<{lesson.id} card>", "exec")
        assert "print(" in card.code, "a predict card asks what the code prints"
        assert isinstance(card.answer, str) and "\n" not in card.answer.strip(), "one line"
        assert card.why is not None and card.why.en.strip() and re.search("[가-힣]", card.why.ko)
        for word in NETWORK_WORDS:
            assert word not in card.code
        # Deterministic on any machine: random numbers only after a seed.
        if re.search(r"torch\.(rand|randn|randint|randperm)\(|nn\.", card.code):
            assert "manual_seed" in card.code or "rand" not in card.code


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.id)
def test_recall_cards_keep_their_two_language_answers(lesson: Lesson) -> None:
    assert lesson.path is not None
    raw = tomllib.loads((lesson.path / "lesson.toml").read_text(encoding="utf-8"))
    for raw_card in raw.get("cards", []):
        if raw_card.get("kind", "recall") == "recall":
            assert set(raw_card["answer"]) == {"en", "ko"}
        else:
            assert isinstance(raw_card["answer"], str)


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
def test_snippets_write_only_to_fresh_temporary_folders(item: tuple[Lesson, Step]) -> None:
    _, step = item
    for name, code in _snippets(step).items():
        for path in SHARED_PATHS:
            assert path not in code, f"{name} uses the shared location {path!r}"
        writes = [call for call in WRITES if call in code]
        reads_only = all(
            call == "open(" and not re.search(r"open\([^)]*[\"']w", code) for call in writes
        )
        if writes and not reads_only and name != "check":
            assert any(folder in code for folder in FRESH_FOLDERS), (
                f"{name} writes files ({writes}) outside a fresh tempfile folder"
            )


@pytest.mark.parametrize("item", STEPS, ids=_step_id)
def test_every_step_imports_what_it_uses(item: tuple[Lesson, Step]) -> None:
    # Each run starts from a clean namespace (torch, device, track and maybe nn), so a step
    # cannot lean on an earlier step or run: it imports nn and defines every helper itself.
    _, step = item
    for name in ("starter", "solution"):
        code = getattr(step, name)
        if code is None:
            continue
        if re.search(r"(?<![\w.])nn\.", code):
            assert re.search(r"from torch import nn|import torch\.nn as nn", code), (
                f"{name} uses nn without importing it"
            )
        for module in ("np", "F"):
            if re.search(rf"(?<![\w.]){module}\.", code):
                assert re.search(rf"as {module}\b", code), f"{name} uses {module} unimported"


@pytest.mark.parametrize("item", STEPS, ids=_step_id)
def test_korean_notes_attach_particles_after_emphasis(item: tuple[Lesson, Step]) -> None:
    _, step = item
    stray = re.findall(rf"[^\s:*]\*\*? ({PARTICLES})(?=[\s.,)])", step.note.ko)
    assert not stray, f"a space before the particles {stray} (close emphasis on a letter)"
    unclosed = re.findall(rf"\)\*\*?({PARTICLES})", step.note.ko)
    assert not unclosed, "emphasis that ends with ')' before a particle does not render"
    assert "device` 위에" not in step.note.ko and "device 위에" not in step.note.ko
    # A line break renders as a space, so a line must not open with a particle either.
    opening = re.findall(r"^(입니다|은|는|을|를|과|와|의|으로)[\s.,]", step.note.ko, re.M)
    assert not opening, f"a line opens with the particle {opening}: join it to the word before"


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.id)
def test_korean_text_follows_the_glossary(lesson: Lesson) -> None:
    assert lesson.path is not None
    files = [lesson.path / "lesson.toml", *sorted(lesson.path.glob("*/*.py"))]
    text = "\n".join(path.read_text(encoding="utf-8") for path in files)
    for avoided in ("에폭", "그래디언트", "라벨", "매개변수"):
        assert avoided not in text, f"docs/glossary.md says not to write {avoided!r}"
    assert not re.search(r"\}여야", text), "write 이어야 after a value whose ending is unknown"


@pytest.mark.parametrize("item", STEPS, ids=_step_id)
def test_snippets_keep_dataloaders_in_process(item: tuple[Lesson, Step]) -> None:
    _, step = item
    for name, code in _snippets(step).items():
        for call in re.finditer(r"DataLoader\(", code):
            arguments = _call_text(code, call.end() - 1)
            assert "num_workers=0" in arguments, f"{name}: DataLoader{arguments}"


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.id)
def test_built_in_lessons_keep_their_code_in_files_that_fit_the_editor(lesson: Lesson) -> None:
    # The code lives in <step>/<starter|solution|check|wrong_*>.py where ruff formats and lints
    # it (lessons/ruff.toml); lesson.toml holds only words.
    assert lesson.path is not None
    raw = tomllib.loads((lesson.path / "lesson.toml").read_text(encoding="utf-8"))
    for raw_step in raw["steps"]:
        inline = {"starter", "solution", "check"} & set(raw_step)
        assert not inline, f"{raw_step['id']}: {sorted(inline)} inline in lesson.toml"
        assert (lesson.path / raw_step["id"] / "starter.py").is_file()
    for code in lesson.path.glob("*/*.py"):
        for number, line in enumerate(code.read_text(encoding="utf-8").splitlines(), 1):
            width = sum(1 + (unicodedata.east_asian_width(c) in "WF") for c in line)
            assert width <= 72, f"{code.relative_to(lesson.path)}:{number} is {width} columns"


WRONG_ANSWER_LESSONS = EXPECTED_IDS[:9]
"""Lessons whose every checked step lists its plausible mistakes (issue 20)."""


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.id)
def test_checked_steps_list_at_least_two_wrong_answers(lesson: Lesson) -> None:
    # A lesson that lists wrong answers lists them for every checked step.
    if lesson.id not in WRONG_ANSWER_LESSONS and not any(s.wrong for s in lesson.steps):
        return
    for step in lesson.steps:
        if step.check is not None:
            assert len(step.wrong) >= 2, f"{step.id} lists {len(step.wrong)} wrong answers"
        codes = [step.starter, step.solution, *(wrong.code for wrong in step.wrong)]
        bodies = [code.split("\n", 1)[-1] if code.startswith("#") else code for code in codes]
        assert len(set(bodies)) == len(bodies), f"{step.id}: a wrong answer repeats another"


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.id)
def test_check_messages_round_their_numbers(lesson: Lesson) -> None:
    # A raw float (-0.4664815068244934) is noise: checks round to 4 significant digits.
    assert lesson.path is not None
    if lesson.id not in WRONG_ANSWER_LESSONS:
        return
    for check in lesson.path.glob("*/check.py"):
        text = check.read_text(encoding="utf-8")
        raw = re.findall(r"\{[^{}]*\.item\(\)\}", text)  # (integer lists print as they are)
        assert not raw, f"{check.parent.name}/check.py prints {raw} unrounded"


# A particle glued to a runtime value ("{size}로", "{name}가") is right for only half the
# values: the particle must follow a Korean noun, or the sentence ends with 입니다. The copula
# (이어야, 이므로, 인데) fits any value, so only a particle that ends its word is flagged.
VALUE_PARTICLE = re.compile(
    r"(이라는|라는|으로|이|가|을|를|은|는|과|와|로)(는|도|의|만|서|써)?(?![가-힣])"
)


def _particles_after_values(source: str) -> list[str]:
    """Each `{value}particle` in the Korean f-strings of a check file's source."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.JoinedStr):
            continue
        parts = node.values
        if not any(isinstance(p, ast.Constant) and re.search("[가-힣]", p.value) for p in parts):
            continue
        for value, text in itertools.pairwise(parts):
            if not (isinstance(value, ast.FormattedValue) and isinstance(text, ast.Constant)):
                continue
            if glued := VALUE_PARTICLE.match(text.value):
                found.append(f"{{{ast.unparse(value.value)}}}{glued.group()}")
    return found


def test_the_particle_scan_catches_a_particle_after_a_value() -> None:
    source = 'ko = f"크기가 {size}입니다"\nbad = (f"{x}를 " f"씁니다, {y}이어야, {n}로")\n'
    assert _particles_after_values(source) == ["{x}를", "{n}로"]


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.id)
def test_check_messages_put_no_fixed_particle_after_a_value(lesson: Lesson) -> None:
    assert lesson.path is not None
    for check in sorted(lesson.path.glob("*/check.py")):
        glued = _particles_after_values(check.read_text(encoding="utf-8"))
        assert not glued, f"{check.parent.name}/check.py: {glued} (end with 입니다 instead)"


def _call_text(code: str, opening: int) -> str:
    """The parenthesised arguments that start at `opening`, over as many lines as they take."""
    depth = 0
    for end in range(opening, len(code)):
        depth += {"(": 1, ")": -1}.get(code[end], 0)
        if depth == 0:
            return code[opening : end + 1]
    return code[opening:]


def test_predict_cards_survive_the_lesson_cache() -> None:
    from studytorch.course.cache import lesson_from_json, lesson_to_json

    for lesson in LESSONS:
        assert lesson_from_json(lesson_to_json(lesson)) == lesson


def test_a_card_of_unknown_kind_is_reported_at_its_line(tmp_path: Path) -> None:
    folder = tmp_path / "01-cards"
    shutil.copytree(LESSONS_DIR / "12-saving-loading", folder)  # with its step folders
    text = (folder / "lesson.toml").read_text(encoding="utf-8")
    (folder / "lesson.toml").write_text(text.replace('kind = "predict"', 'kind = "quiz"'), "utf-8")
    report = load_course([(tmp_path, False)])
    assert report.lessons == []
    [error] = report.errors
    assert "kind must be" in error.message
    assert text.splitlines()[error.line - 1].startswith("kind")
