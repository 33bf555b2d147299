"""ConfirmScreen: a yes/no question that must be answered before something is replaced."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from studytorch.text import plain

_LABELS = {"en": ("Yes (y)", "No (n)"), "ko": ("예 (y)", "아니요 (n)")}


class ConfirmScreen(ModalScreen[bool]):
    """Dismisses with True for yes; Escape or n means no."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str, lang: str = "en") -> None:
        super().__init__()
        self.question = question
        self.lang = lang

    def compose(self) -> ComposeResult:
        yes, no = _LABELS.get(self.lang, _LABELS["en"])
        with Vertical(id="confirm"):
            yield Static(plain(self.question), id="confirm-question")
            with Horizontal(id="confirm-buttons"):
                yield Button(yes, variant="warning", id="yes")
                yield Button(no, variant="primary", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
