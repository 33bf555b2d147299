"""ConfirmScreen: a yes/no question that must be answered before something is replaced."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from studytorch.keys import bind, localize
from studytorch.text import plain
from studytorch.ui_text import ui

SETTLE_S = 1.0
"""How long the buttons of a question that interrupts typing ignore keys (an Enter in flow)."""


class ConfirmScreen(ModalScreen[bool]):
    """Dismisses with True for yes; Escape or n means no."""

    BINDINGS = [
        bind("y", "answer(True)"),
        bind("n,escape", "answer(False)"),
    ]

    def __init__(self, question: str, lang: str = "en", keys: bool = True) -> None:
        super().__init__()
        self.question = question
        self.lang = lang
        self.keys = keys
        """False for a question that may pop up while the learner types: keys typed for the
        editor must not answer it. Only the buttons do, and only after SETTLE_S."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.keys or action != "answer"

    def compose(self) -> ComposeResult:
        yes, no = ui("yes", self.lang), ui("no", self.lang)
        if not self.keys:  # only the buttons answer: no key hints on them
            yes, no = yes.split(" (")[0], no.split(" (")[0]
        with Vertical(id="confirm"):
            yield Static(plain(self.question), id="confirm-question")
            with Horizontal(id="confirm-buttons"):
                yield Button(yes, variant="warning", id="yes")
                yield Button(no, variant="primary", id="no")

    def on_mount(self) -> None:
        localize(self, self.lang)
        if self.keys:
            self.query_one("#no", Button).focus()
            return
        for button in self.query(Button):
            button.disabled = True
        self.set_timer(SETTLE_S, self._settle)

    def _settle(self) -> None:
        for button in self.query(Button):
            button.disabled = False
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
