"""HelpScreen: every key binding, read from the bindings themselves."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static, TextArea

from studytorch.keys import HELP_TEXT, label, localize


class HelpScreen(ModalScreen[None]):
    """Lists the keys of the app and of the screen it was opened from."""

    BINDINGS = [Binding("escape,f1,q", "dismiss", "Close")]

    def __init__(self, under: Screen) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        with Vertical(id="help"):
            yield Static(id="help-title")
            yield DataTable(cursor_type="row", id="help-keys")

    def on_mount(self) -> None:
        lang = getattr(self.app, "lang", "en")
        text = HELP_TEXT.get(lang, HELP_TEXT["en"])
        localize(self, lang)
        self.query_one("#help-title", Static).update(Text(text["title"], style="bold"))
        table = self.query_one(DataTable)
        table.add_columns(*text["columns"])
        screen = type(self.under).__name__.removesuffix("Screen")
        groups = [
            (text["where"].get(screen, screen), self.under.BINDINGS),
            (text["where"]["app"], self.app.BINDINGS),
        ]
        if self.under.query("TextArea"):
            groups.append((text["where"]["editor"], TextArea.BINDINGS))
        for where, bindings in groups:
            for binding in bindings:
                if not isinstance(binding, Binding):
                    continue
                binding = label(binding, lang)
                keys = ", ".join(
                    self.app.get_key_display(Binding(key, binding.action))
                    for key in binding.key.split(",")
                )
                does = binding.tooltip or binding.description or binding.action.replace("_", " ")
                table.add_row(keys, does, where)
        table.focus()
