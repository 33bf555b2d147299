"""What a finished run says beside its output, in one place for the CLI and the app.

What was cut, where the run failed (the line and the failing call's operands), what the error
means, and the warnings: `run_notes(result, lang)` gives the lines, each with its role; the CLI
prints them on stderr (console.report) and the app writes them under the output
(ResultsPanel.finish), so the two never drift. Plain text only: callers draw it without markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from studytorch.kernel.summary import Operand, said
from studytorch.text import shape_text
from studytorch.ui_text import ui

if TYPE_CHECKING:
    from studytorch.kernel.result import RunResult

STYLES = {
    "cut": "yellow",
    "where": "bold",
    "operand": "",
    "explanation": "yellow",
    "warning": "magenta",
}
"""The Rich style of each role (the app's output pane and the CLI's stderr alike)."""


@dataclass(frozen=True)
class Note:
    """One line about a run: `role` is one of STYLES' keys."""

    role: str
    text: str

    @property
    def style(self) -> str:
        return STYLES[self.role]


def operand_text(operand: Operand) -> str:
    """`x: (2, 3) float32 cpu`: a failing call's operand, shaped the way torch prints it."""
    shape = shape_text(operand.get("shape") or [])
    details = " ".join(str(operand.get(key, "")) for key in ("dtype", "device")).strip()
    return f"{operand['name']}: {shape}" + (f" {details}" if details else "")


def run_notes(result: RunResult, lang: str) -> list[Note]:
    """Everything to say after the run's own output, in the learner's language."""
    notes: list[Note] = []
    if result.dropped:
        notes.append(Note("cut", f"[{result.dropped:,} {ui('cut', lang)}]"))
    error = result.error if not result.ok else None
    if error is not None and error["line"]:
        line_text = (error.get("line_text") or "").strip()
        notes.append(Note("where", f"{ui('at_line', lang, line=error['line'])}: {line_text}"))
        notes += [Note("operand", "  " + operand_text(op)) for op in error.get("operands") or []]
    explanation = error.get("explanation") if error is not None else None
    if explanation:
        notes.append(Note("explanation", explanation.get(lang) or explanation.get("en", "")))
    notes += [Note("warning", f"! {said(w, lang)}") for w in result.warnings]
    return notes
