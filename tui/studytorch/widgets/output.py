"""OutputLog: what a snippet printed, its traceback and the check's verdict, never as markup.

It keeps what it shows (the head and the tail of a long output, with a count of what was cut
between them), so it can wrap everything again at the pane's real width whenever it is shown:
output that arrived while another tab was in front was wrapped at no width at all.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from rich.text import Text
from textual import events
from textual.widgets import RichLog

from studytorch.text import safe_text

HEAD_LINES = 200
"""Lines kept from the start of a long output (what the snippet printed first)."""
TAIL_LINES = 2000
"""Lines kept from its end: the tail is what a learner reads after a run."""
REBUILD_S = 0.3
"""While a flood of output is being cut, the log is redrawn at most this often."""


class OutputLog(RichLog):
    """Streams a run's output line by line; a partial line waits for its end or the run's end."""

    DEFAULT_CSS = """
    OutputLog { height: 1fr; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(
            max_lines=HEAD_LINES + TAIL_LINES + 50,
            min_width=20,
            wrap=True,
            markup=False,
            highlight=False,
            **kwargs,
        )
        self._partial = {"stdout": "", "stderr": ""}
        self._head: list[tuple[bool, Text]] = []
        self._tail: deque[tuple[bool, Text]] = deque()
        """(is_note, text) per line after the head; is_note marks the app's own words."""
        self.cut = 0
        """Lines dropped between the head and the tail."""
        self.cut_label: Callable[[int], str] = lambda count: f"… {count:,} lines cut …"
        """How the cut is announced (the panel sets it in the learner's language)."""
        self._drawn_width = 0
        self._stale = False
        self._rebuild_pending = False

    # --- what is kept ----------------------------------------------------------------------

    @property
    def entries(self) -> list[Text]:
        """Every kept line in order (the cut is between the head and the tail)."""
        return [text for _, text in (*self._head, *self._tail)]

    def _keep(self, text: Text, is_note: bool = False) -> None:
        for line in text.split("\n", allow_blank=True) if "\n" in text.plain else [text]:
            if len(self._head) < HEAD_LINES:
                self._head.append((is_note, line))
            else:
                self._tail.append((is_note, line))
        dropped = max(0, len(self._tail) - TAIL_LINES)
        for _ in range(dropped):
            self._tail.popleft()
        if dropped:
            self.cut += dropped
            self._schedule_rebuild()
        elif not self.cut:
            self._draw(text)
        else:
            self._schedule_rebuild()

    def _draw(self, text: Text) -> None:
        if not self.scrollable_content_region.width:
            self._stale = True  # wrapped at no width: redrawn once the pane is shown
        super().write(text)

    def _schedule_rebuild(self) -> None:
        if not self._rebuild_pending:
            self._rebuild_pending = True
            self.set_timer(REBUILD_S, self.rebuild)

    def rebuild(self) -> None:
        """Wrap everything kept again at the current width (head, the cut, tail)."""
        self._rebuild_pending = False
        self._stale = False
        self._drawn_width = self.scrollable_content_region.width
        super().clear()
        if self._head:
            super().write(Text("\n").join(text for _, text in self._head))
        if self.cut:
            super().write(Text(self.cut_label(self.cut), style="yellow"))
        if self._tail:
            super().write(Text("\n").join(text for _, text in self._tail))

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width and not self._size_known:
            # RichLog would replay its deferred writes through `write`, keeping them twice.
            self._size_known = True
            self._deferred_renders.clear()
            self._drawn_width = -1
        if (self._head or self._tail) and event.size.width != self._drawn_width:
            self.rebuild()
        self._drawn_width = event.size.width

    def on_show(self) -> None:
        if self._stale:
            self.rebuild()

    def retranslate(self, say_again: Callable[[str], str]) -> None:
        """Put the app's own lines (not the snippet's) through `say_again` and redraw."""

        def again(item: tuple[bool, Text]) -> tuple[bool, Text]:
            is_note, text = item
            if not is_note:
                return item
            new = say_again(text.plain)
            if new == text.plain:
                return item
            return is_note, Text(new, style=text.style)

        self._head = [again(item) for item in self._head]
        self._tail = deque(again(item) for item in self._tail)
        self.rebuild()

    # --- a run ------------------------------------------------------------------------------

    def clear(self) -> OutputLog:
        self._head, self._tail, self.cut = [], deque(), 0
        self._partial = {"stdout": "", "stderr": ""}
        super().clear()
        return self

    def write(self, content, *args, **kwargs) -> OutputLog:  # type: ignore[override]
        """Anything written is kept too, so it survives a re-wrap."""
        text = content if isinstance(content, Text) else Text(str(content))
        self._keep(text)
        return self

    def begin(self, title: str) -> None:
        self.clear()
        self.note(title, "dim")

    def stream(self, name: str, text: str) -> None:
        text = self._partial[name] + text
        head, sep, tail = text.rpartition("\n")
        self._partial[name] = tail
        if sep:
            self._keep(safe_text(head, "red" if name == "stderr" else ""))

    def flush(self) -> None:
        for name, text in self._partial.items():
            if text:
                self._keep(safe_text(text, "red" if name == "stderr" else ""))
        self._partial = {"stdout": "", "stderr": ""}

    def note(self, text: str, style: str = "dim") -> None:
        self.flush()
        self._keep(Text(text, style=style), is_note=True)

    def traceback(self, lines: list[str]) -> None:
        self.flush()
        self._keep(safe_text("\n".join(lines)))
