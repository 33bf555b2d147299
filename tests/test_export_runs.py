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


@pytest.mark.parametrize("lesson", LESSONS, ids=[lesson.id for lesson in LESSONS])
def test_every_cell_of_the_exported_notebook_runs(lesson, tmp_path: Path) -> None:
    from nbclient import NotebookClient

    with Store(tmp_path / "db.sqlite3") as store:
        book = notebook(lesson, store, "en")
    nbformat.validate(book)
    client = NotebookClient(
        book, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()  # raises CellExecutionError naming the cell and its traceback
    code = [cell for cell in book.cells if cell.cell_type == "code"]
    assert len(code) == len(lesson.steps) + 1
    assert all(cell.execution_count for cell in code), "every cell ran"


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
