"""KernelStatus: one line saying what the kernel is doing, on which device, and the last run."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

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
    message: reactive[str] = reactive("")
    """A short explanation: why the kernel died, what to press."""

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append("● ", style=_STYLES.get(self.state, ""))
        text.append(f"kernel {self.state}", style=_STYLES.get(self.state, ""))
        if self.device:
            text.append(f" · {self.device}")
        if self.last_run:
            text.append(f" · last run {self.last_run}")
        if self.check:
            text.append(f" · {self.check}", style="bold green" if "✓" in self.check else "bold red")
        if self.message:
            text.append(f" · {self.message}", style="italic")
        return text
