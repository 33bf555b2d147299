"""HelpScreen: every key binding, read from the bindings themselves."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static, TextArea

from studytorch.keys import bind, label, localize
from studytorch.ui_text import TEXT, ui


class HelpScreen(ModalScreen[None]):
    """Lists the keys of the app and of the screen it was opened from."""

    BINDINGS = [bind("escape,f1,q", "dismiss")]

    def __init__(self, under: Screen) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        with Vertical(id="help"):
            yield Static(id="help-title")
            yield DataTable(cursor_type="row", id="help-keys")

    def on_mount(self) -> None:
        lang = getattr(self.app, "lang", "en")
        localize(self, lang)
        self.query_one("#help-title", Static).update(Text(ui("help.title", lang), style="bold"))
        table = self.query_one(DataTable)
        table.add_columns(*(ui(f"help.{column}", lang) for column in ("key", "does", "where")))
        screen = type(self.under).__name__.removesuffix("Screen")
        where = f"where.{screen}"
        groups = [
            (ui(where, lang) if where in TEXT else screen, self.under.BINDINGS),
            (ui("where.app", lang), self.app.BINDINGS),
        ]
        curves = self.under.query("LossCurve")
        if curves:
            groups.append((ui("where.curve", lang), type(curves.first()).BINDINGS))
        editors = self.under.query("TextArea")
        if editors:
            editor_keys = [*type(editors.first()).BINDINGS, *TextArea.BINDINGS]
            groups.append((ui("where.editor", lang), editor_keys))
        taken = _priority_keys(self.under.BINDINGS, self.app.BINDINGS)
        for where, bindings in groups:
            for binding in bindings:
                if not isinstance(binding, Binding):
                    continue
                binding = label(binding, lang)
                # A key the screen or the app takes first (F6 folds the note) is not the
                # editor's or the curve's there: listing it would promise what it does not do.
                shown = [
                    key
                    for key in binding.key.split(",")
                    if binding.priority or key.strip() not in taken
                ]
                if not shown:
                    continue
                keys = ", ".join(
                    self.app.get_key_display(Binding(key, binding.action)) for key in shown
                )
                does = binding.tooltip or binding.description or binding.action.replace("_", " ")
                table.add_row(keys, does, where)
        table.focus()


def _priority_keys(*groups: list) -> set[str]:
    """Keys bound with priority: they act whatever widget has the focus."""
    return {
        key.strip()
        for bindings in groups
        for binding in bindings
        if isinstance(binding, Binding) and binding.priority
        for key in binding.key.split(",")
    }
