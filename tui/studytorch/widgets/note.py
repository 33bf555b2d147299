"""StepNote: a step's note (Markdown, with the hints asked for) in a pane that scrolls."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.containers import VerticalScroll
from textual.widgets import Markdown


class StepNote(VerticalScroll):
    """The note above the code (wide terminals) or in the results' Note tab (narrow ones)."""

    def __init__(self, markdown_id: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.markdown_id = markdown_id

    def compose(self) -> ComposeResult:
        yield Markdown(id=self.markdown_id)

    def show(self, markdown: str) -> AwaitComplete:
        """Draw `markdown` (untrusted text made visible by the caller); await it to be drawn."""
        return self.query_one(Markdown).update(markdown)
