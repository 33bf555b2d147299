"""Exported notebooks run: every lesson's notebook, top to bottom, on a real kernel (nbclient).

A learner who opens an export in Jupyter meets the names the app gave each step (torch, nn,
device as a torch.device, track); a cell that fails there fails here.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from studytorch.course import load_course
from studytorch.export import markdown, notebook
from studytorch.store import Store

pytestmark = pytest.mark.kernel

LESSONS = load_course().lessons


def execute(lesson, store: Store, folder: Path):
    """The lesson's notebook as exported from `store`, run top to bottom on a real kernel."""
    from nbclient import NotebookClient

    book = notebook(lesson, store, "en")
    nbformat.validate(book)
    resources = {"metadata": {"path": str(folder)}}
    # Raises CellExecutionError, naming the cell and its traceback, on an error in an untagged
    # cell; a cell tagged raises-exception (an unsolved exercise) may raise and the run goes on.
    NotebookClient(book, timeout=120, kernel_name="python3", resources=resources).execute()
    return [cell for cell in book.cells if cell.cell_type == "code"]


def errors(cell) -> list[str]:
    return [f"{o.ename}: {o.evalue}" for o in cell.outputs if o.output_type == "error"]


@pytest.mark.parametrize("lesson", LESSONS, ids=[lesson.id for lesson in LESSONS])
def test_a_solved_lessons_notebook_runs_top_to_bottom_without_an_error(
    lesson, tmp_path: Path
) -> None:
    """A learner who solved every step exports code that runs in Jupyter as it ran in the app."""
    with Store(tmp_path / "db.sqlite3") as store:
        for step in lesson.steps:
            store.save_edit(lesson.id, step.id, step.solution or step.starter)
            store.mark_passed(lesson.id, step.id)
        code = execute(lesson, store, tmp_path)
    assert len(code) == len(lesson.steps) + 1
    assert all(cell.execution_count for cell in code), "every cell ran"
    assert not any(cell.metadata.get("tags") for cell in code), "solved: nothing may raise"
    assert [error for cell in code for error in errors(cell)] == []


FRESH = [lesson for lesson in LESSONS if lesson.id in ("shape-ops", "troubleshooting")]


@pytest.mark.parametrize("lesson", FRESH, ids=[lesson.id for lesson in FRESH])
def test_a_fresh_export_runs_every_cell_and_only_exercises_raise(lesson, tmp_path: Path) -> None:
    """Starters as exported before any work: every cell runs; a starter that raises is an
    exercise's (tagged), never a name the app binds and the notebook lacks."""
    with Store(tmp_path / "db.sqlite3") as store:
        code = execute(lesson, store, tmp_path)
    assert all(cell.execution_count for cell in code), "every cell ran"
    assert errors(code[0]) == [], "the prelude runs"
    for cell in code[1:]:
        for error in errors(cell):
            assert "raises-exception" in cell.metadata.get("tags", []), error
            assert not error.startswith("NameError"), error


def test_the_notebook_binds_device_as_the_app_does(tmp_path: Path) -> None:
    """`device.type` works in a notebook as in the app (a string there stopped 17 at cell 11)."""
    lesson = next(lesson for lesson in LESSONS if lesson.id == "troubleshooting")
    with Store(tmp_path / "db.sqlite3") as store:
        prelude = notebook(lesson, store, "en").cells[1].source
    probe = "\nprint(type(device).__name__, device.type, nn is torch.nn, callable(track))"
    ran = subprocess.run(
        [sys.executable, "-c", prelude + probe], capture_output=True, text=True, timeout=120
    )
    assert ran.returncode == 0, ran.stderr
    kind, device_type, nn_bound, track_bound = ran.stdout.split()
    assert kind == "device" and device_type in ("cpu", "cuda", "mps")
    assert nn_bound == track_bound == "True"


def test_markdown_export_gives_each_predict_card_its_why(tmp_path: Path) -> None:
    cards = [(lesson, card) for lesson in LESSONS for card in lesson.cards if card.why is not None]
    assert cards, "the course has predict cards with a reason"
    lesson, card = cards[0]
    with Store(tmp_path / "db.sqlite3") as store:
        for lang, word in (("en", "Why"), ("ko", "이유")):
            text = markdown(lesson, store, lang)
            assert f"*{word}:* {card.why.get(lang)}" in text
