"""Write lessons out: Markdown notes with the learner's code, Jupyter notebooks, Anki decks."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path
from typing import Any

from studytorch.course.model import Card, Lesson, Step
from studytorch.store import Store
from studytorch.ui_text import ui

FORMATS = ("md", "ipynb", "apkg")
NOTEBOOK_PRELUDE = """\
import torch
from torch import nn

# As in studytorch: the first of CUDA, MPS and the CPU, as a torch.device (`device.type`).
if torch.cuda.is_available():
    device = torch.device("cuda")
elif getattr(torch.backends, "mps", None) and torch.backends.mps.is_available():
    device = torch.device("mps")
else:
    device = torch.device("cpu")


def track(name, value):
    \"\"\"studytorch draws this as a curve; here it only prints.\"\"\"
    print(name, float(value))
"""
"""What every snippet finds bound in studytorch (kernel/probe.py's baseline): torch, nn, device
and track, so an exported notebook runs its cells as the app runs the steps."""


UNSOLVED_TAG = "raises-exception"
"""Jupyter's tag for a cell allowed to raise: an exercise the learner has not solved."""


def _learners_code(store: Store, lesson: Lesson, step: Step) -> tuple[str, str | None, str]:
    """The learner's latest code for `step`, the last run's output, and a note on that output."""
    code = store.load_edit(lesson.id, step.id) or step.starter
    runs = store.run_history(lesson.id, step.id, limit=1)
    if not runs or runs[0].output is None:
        return code, None, ""
    run = runs[0]
    when = datetime.fromtimestamp(run.at).strftime("%Y-%m-%d %H:%M")
    return code, run.output, f"{run.status}, {when}" + ("" if run.code in (None, code) else "*")


def markdown(lesson: Lesson, store: Store, lang: str) -> str:
    def words(key: str) -> str:
        return ui(f"export.{key}", lang)

    parts = [f"# {lesson.title.get(lang)}\n"]
    for number, step in enumerate(lesson.steps, 1):
        code, output, about = _learners_code(store, lesson, step)
        parts.append(f"## {number}. {step.title.get(lang)}\n\n{step.note.get(lang)}\n")
        parts.append(f"```python\n{code.rstrip()}\n```\n")
        if output is not None:
            older = f" ({words('older')})" if about.endswith("*") else ""
            parts.append(f"{words('output')} ({about.rstrip('*')}){older}:\n")
            parts.append(f"```text\n{output.rstrip()}\n```\n")
    parts.append(f"## {words('cards')}\n")
    for card in lesson.cards:
        parts.append(f"**{card.question.get(lang)}**\n")
        if card.code:
            parts.append(f"```python\n{card.code.rstrip()}\n```\n")
        parts.append(f"{card.answer_in(lang)}\n")
        if card.why is not None:
            parts.append(f"*{words('why')}:* {card.why.get(lang)}\n")
    return "\n".join(parts)


def notebook(lesson: Lesson, store: Store, lang: str) -> Any:
    import nbformat
    from nbformat import v4

    cells = [
        v4.new_markdown_cell(f"# {lesson.title.get(lang)}"),
        v4.new_code_cell(NOTEBOOK_PRELUDE),
    ]
    passed = store.passed_steps(lesson.id)
    for number, step in enumerate(lesson.steps, 1):
        code, output, _about = _learners_code(store, lesson, step)
        cells.append(
            v4.new_markdown_cell(f"## {number}. {step.title.get(lang)}\n\n{step.note.get(lang)}")
        )
        cell = v4.new_code_cell(code.rstrip("\n"))
        if step.check is not None and step.id not in passed:
            # An exercise not solved yet: its starter may raise on purpose (that is the lesson),
            # and "Run All" (nbclient, nbconvert) should go on to the next step as the app does.
            cell.metadata["tags"] = [UNSOLVED_TAG]
        if output is not None:
            cell.outputs = [v4.new_output("stream", name="stdout", text=output)]
        cells.append(cell)
    book = v4.new_notebook(cells=cells)
    book.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.validate(book)
    return book


def _stable_id(text: str) -> int:
    """Anki wants the same deck and model ids on every export, so re-importing updates notes."""
    return int(hashlib.sha256(text.encode()).hexdigest()[:8], 16) | (1 << 30)


def anki_package(lesson: Lesson, lang: str) -> Any:
    import genanki

    model = genanki.Model(
        _stable_id("studytorch card model"),
        "studytorch card",
        fields=[{"name": "Question"}, {"name": "Code"}, {"name": "Answer"}],
        templates=[{
            "name": "Card",
            "qfmt": "{{Question}}{{#Code}}<pre><code>{{Code}}</code></pre>{{/Code}}",
            "afmt": "{{FrontSide}}<hr id=answer>{{Answer}}",
        }],
    )  # fmt: skip
    deck = genanki.Deck(
        _stable_id(f"studytorch {lesson.id}"), f"studytorch::{lesson.title.get(lang)}"
    )
    for card in lesson.cards:
        deck.add_note(
            genanki.Note(model=model, fields=_fields(card, lang), guid=card.key(lesson.id))
        )
    return genanki.Package(deck)


def _fields(card: Card, lang: str) -> list[str]:
    from html import escape

    answer = escape(card.answer_in(lang))
    if card.why is not None:
        answer += f"<br><br>{escape(card.why.get(lang))}"
    return [escape(card.question.get(lang)), escape(card.code or ""), answer]


def export_lessons(
    lessons: list[Lesson], fmt: str, out: Path, store: Store, lang: str
) -> list[Path]:
    """Write one file per lesson into `out` in `fmt` ("md", "ipynb" or "apkg"); their paths."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for lesson in lessons:
        path = out / f"{lesson.id}.{fmt}"
        if fmt == "md":
            path.write_text(markdown(lesson, store, lang), encoding="utf-8")
        elif fmt == "ipynb":
            import nbformat

            nbformat.write(notebook(lesson, store, lang), str(path))
        else:
            anki_package(lesson, lang).write_to_file(str(path))
        written.append(path)
    return written
