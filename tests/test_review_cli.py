"""`studytorch review --due` and `studytorch export`: headless, no kernel, files that open."""

from __future__ import annotations

import sqlite3
import subprocess
import zipfile
from pathlib import Path

import nbformat
import pytest

from conftest import studytorch_cmd, subprocess_env
from studytorch.course import load_course
from studytorch.store import Store


def studytorch(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        studytorch_cmd(*args), capture_output=True, text=True, timeout=60, env=subprocess_env()
    )


@pytest.fixture(scope="module")
def shape_ops():
    return load_course().find("shape-ops")


def test_due_counts_the_started_lessons_or_only_the_named_ones(shape_ops) -> None:
    assert studytorch("review", "--due").stdout.splitlines() == ["0 due"]
    with Store() as store:
        store.set_position("tensors", "create")
    tensors = load_course().find("tensors")
    started = studytorch("review", "--due").stdout.splitlines()
    assert started == [f"tensors  {len(tensors.cards)} due", f"{len(tensors.cards)} due"]
    # Named lessons are counted alone, started or not, and nothing is added to the deck.
    named = studytorch("review", "--due", "shape-ops").stdout.splitlines()
    assert named == [f"shape-ops  {len(shape_ops.cards)} due", f"{len(shape_ops.cards)} due"]
    assert studytorch("review", "--due").stdout.splitlines() == started
    with Store() as store:
        assert store.started_lessons() == {"tensors"} and store.review_states() == {}


def test_due_speaks_the_learners_language(shape_ops) -> None:
    lines = studytorch("--lang", "ko", "review", "--due", "shape-ops").stdout.splitlines()
    assert lines[-1] == f"복습할 카드 {len(shape_ops.cards)}장"
    assert not any("due" in line for line in lines)


def test_an_unknown_lesson_is_a_usage_error() -> None:
    done = studytorch("review", "--due", "no-such-lesson")
    assert done.returncode == 2
    assert "no lesson no-such-lesson" in done.stderr


def test_markdown_keeps_the_learners_code_and_last_output(tmp_path: Path, shape_ops) -> None:
    step = shape_ops.steps[0]
    with Store() as store:
        store.save_edit("shape-ops", step.id, "y = x.view(3, -1)  # mine\n")
        store.record_run(
            "shape-ops", step.id, "ok", 0.1, code="y = x.view(3, -1)  # mine\n", output="tensor(42)"
        )
    done = studytorch(
        "--lang", "ko", "export", "shape-ops", "--format", "md", "--out", str(tmp_path)
    )
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "shape-ops.md").read_text()
    assert text.startswith(f"# {shape_ops.title.ko}")
    assert step.note.ko.splitlines()[0] in text
    assert "y = x.view(3, -1)  # mine" in text
    assert "마지막 실행 결과" in text and "tensor(42)" in text
    assert shape_ops.cards[0].question.ko in text


def test_the_notebook_validates_and_holds_a_code_cell_per_step(tmp_path: Path, shape_ops) -> None:
    done = studytorch("export", "shape-ops", "--format", "ipynb", "--out", str(tmp_path))
    assert done.returncode == 0, done.stderr
    book = nbformat.read(tmp_path / "shape-ops.ipynb", as_version=4)
    nbformat.validate(book)
    code = [cell.source for cell in book.cells if cell.cell_type == "code"]
    assert "import torch" in code[0]  # what the kernel gave the snippets
    assert code[1:] == [step.starter.rstrip("\n") for step in shape_ops.steps]


def test_the_anki_deck_is_a_zip_with_a_collection_holding_every_card(
    tmp_path: Path, shape_ops
) -> None:
    done = studytorch("export", "shape-ops", "--format", "apkg", "--out", str(tmp_path))
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(tmp_path / "shape-ops.apkg") as package:
        assert "collection.anki2" in package.namelist()
        package.extract("collection.anki2", tmp_path)
    with sqlite3.connect(tmp_path / "collection.anki2") as conn:
        fields = [row[0] for row in conn.execute("SELECT flds FROM notes")]
    assert len(fields) == len(shape_ops.cards)
    assert any(shape_ops.cards[0].question.en in field for field in fields)
