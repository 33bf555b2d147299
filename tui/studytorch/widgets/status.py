"""KernelStatus: one line saying what the kernel is doing, on which device, and the last run."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from studytorch.notice import Notice
from studytorch.text import visible
from studytorch.ui_text import say, ui

_STYLES = {
    "starting": "yellow",
    "warming": "yellow",
    "ready": "green",
    "busy": "bold cyan",
    "dead": "bold red",
    "stopped": "dim",
}


class KernelStatus(Static):
    """Kernel state, device, last run time and an optional message, kept to one line."""

    DEFAULT_CSS = """
    KernelStatus { height: 1; }
    """

    state: reactive[str] = reactive("starting")
    """The kernel's state (KernelState value)."""
    device: reactive[str] = reactive("")
    """The device snippets run on, once the kernel knows it."""
    last_run: reactive[str] = reactive("")
    """How the last run went, e.g. "12 ms" or "error after 0.3 s"."""
    check: reactive[str] = reactive("")
    """The step's check verdict after the last run ("✓ ..." or "✗ ...")."""
    lang: reactive[str] = reactive("en")
    """The language of the words around the values."""
    message: reactive[Notice | None] = reactive(None)
    """Why the kernel died or did not start (said in `lang`, its first line)."""

    def on_mount(self) -> None:
        # Follow the app (a StudyApp): every screen's status line stays true by itself.
        for name in ("kernel_state", "kernel_message", "lang"):
            self.watch(self.app, name, self._follow_app)

    def _follow_app(self, _value: object = None) -> None:
        app: Any = self.app
        self.state = app.kernel_state
        self.device = app.session.device or ""
        self.message = app.kernel_message
        self.lang = app.lang

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append("● ", style=_STYLES.get(self.state, ""))
        lang = self.lang
        state = ui(f"state.{self.state}", lang) if self.state in _STYLES else self.state
        text.append(f"{ui('kernel', lang)} {state}", style=_STYLES.get(self.state, ""))
        if self.device:
            text.append(f" · {visible(self.device)}")
        if self.last_run:
            text.append(f" · {ui('last_run', lang)} {visible(self.last_run)}")
        if self.check:
            text.append(
                f" · {visible(self.check)}", style="bold green" if "✓" in self.check else "bold red"
            )
        if self.message is not None:
            message = say(self.message, lang).splitlines()[0]
            if self.state == "dead":
                message += f" ({ui('f9_restarts', lang)})"
            text.append(f" · {visible(message)}", style="italic")
        return text
