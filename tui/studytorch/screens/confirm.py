"""ConfirmScreen: a yes/no question that must be answered before something is replaced."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from studytorch.keys import bind, localize
from studytorch.ui_text import ui


class ConfirmScreen(ModalScreen[bool]):
    """Dismisses with True for yes; Escape or n means no."""

    BINDINGS = [
        bind("y", "answer(True)"),
        bind("n,escape", "answer(False)"),
    ]

    def __init__(self, question: str, lang: str = "en") -> None:
        super().__init__()
        self.question = question
        self.lang = lang

    def compose(self) -> ComposeResult:
        yes, no = ui("yes", self.lang), ui("no", self.lang)
        with Vertical(id="confirm"):
            yield Static(Text(self.question), id="confirm-question")
            with Horizontal(id="confirm-buttons"):
                yield Button(yes, variant="warning", id="yes")
                yield Button(no, variant="primary", id="no")

    def on_mount(self) -> None:
        localize(self, self.lang)
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
