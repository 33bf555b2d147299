"""OutputLog: what a snippet printed, its traceback and the check's verdict, never as markup."""

from __future__ import annotations

from textual.widgets import RichLog

from studytorch.text import plain, safe_text


class OutputLog(RichLog):
    """Streams a run's output line by line; a partial line waits for its end or the run's end."""

    DEFAULT_CSS = """
    OutputLog { height: 1fr; }
    """

    def __init__(self, **kwargs) -> None:
        # min_width: wrap at the pane's width (the default 78 would cut lines in a narrow pane)
        super().__init__(
            max_lines=5000, min_width=20, wrap=True, markup=False, highlight=False, **kwargs
        )
        self._partial = {"stdout": "", "stderr": ""}

    def begin(self, title: str) -> None:
        self.clear()
        self._partial = {"stdout": "", "stderr": ""}
        self.write(plain(title, style="dim"))

    def stream(self, name: str, text: str) -> None:
        text = self._partial[name] + text
        head, sep, tail = text.rpartition("\n")
        self._partial[name] = tail
        if sep:
            self.write(safe_text(head, "red" if name == "stderr" else ""))

    def flush(self) -> None:
        for name, text in self._partial.items():
            if text:
                self.write(safe_text(text, "red" if name == "stderr" else ""))
        self._partial = {"stdout": "", "stderr": ""}

    def note(self, text: str, style: str = "dim") -> None:
        """A line of ours, which may quote untrusted text (a check message, a log tail)."""
        self.flush()
        self.write(plain(text, style=style))

    def traceback(self, lines: list[str]) -> None:
        self.flush()
        self.write(safe_text("\n".join(lines)))
