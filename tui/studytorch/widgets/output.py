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

from studytorch.text import plain, safe_text
from studytorch.widgets.contained import contained

HEAD_LINES = 100
"""Lines kept from the start of a long output (what the snippet printed first)."""
TAIL_LINES = 1000
"""Lines kept from its end: the tail is what a learner reads after a run."""
LINE_LIMIT = 2_000
"""Characters of one line drawn; the rest is counted. A 200,000-character line wrapped at the
pane's width was 2,500 rows that froze the screen for seconds (the whole of it is kept in the
run's history)."""
REBUILD_S = 0.5
"""While a flood of output is being cut, the log is redrawn at most this often."""

Said = Callable[[str], str]
"""One of the app's own lines as a function of the language: said again after Ctrl+L."""
Line = tuple["Said | None", "str | Text", str]
"""(how to say it again, the line, its style): the snippet's lines stay plain strings (cheap to
keep by the thousand, decoded only when drawn); the app's own lines are Text."""


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
        self._head: list[Line] = []
        self._tail: deque[Line] = deque()
        self.cut = 0
        """Lines dropped between the head and the tail."""
        self.cut_label: Callable[[int], str] = lambda count: f"… {count:,} lines cut …"
        """How the cut is announced (the panel sets it in the learner's language)."""
        self.line_cut_label: Callable[[int], str] = lambda count: f" … {count:,} more characters"
        """How the cut end of a very long line is announced."""
        self._partial_cut = {"stdout": 0, "stderr": 0}
        """Characters dropped from the line still being printed (past LINE_LIMIT)."""
        self._drawn_width = 0
        self._stale = False
        self._rebuild_pending = False

    # --- what is kept ----------------------------------------------------------------------

    @property
    def kept(self) -> int:
        """Lines kept (the cut is between the head and the tail)."""
        return len(self._head) + len(self._tail)

    def _keep_lines(self, lines: list[Line], drawn: Text | _LazyText) -> None:
        room = HEAD_LINES - len(self._head)
        self._head.extend(lines[:room])
        self._tail.extend(lines[max(0, room) :])
        dropped = max(0, len(self._tail) - TAIL_LINES)
        for _ in range(dropped):
            self._tail.popleft()
        self.cut += dropped
        if self.cut:
            self._schedule_rebuild()  # a flood: redrawn from what is kept, now and then
        else:
            self._draw(drawn)

    def _keep_output(self, text: str, style: str, cut: int = 0) -> None:
        """The snippet's own lines: kept as strings, drawn as one Text while nothing is cut; a
        line past LINE_LIMIT is cut with a count (`cut`: characters already dropped from the
        first line while it was being printed)."""
        lines = text.split("\n")
        long = cut or any(len(line) > LINE_LIMIT for line in lines)
        if long:
            for i, line in enumerate(lines):
                dropped = max(0, len(line) - LINE_LIMIT) + (cut if i == 0 else 0)
                if dropped:
                    lines[i] = line[:LINE_LIMIT] + self.line_cut_label(dropped)
            text = "\n".join(lines)
        self._keep_lines([(None, line, style) for line in lines], _LazyText(text, style))

    def _keep_text(self, text: Text, said: Said | None = None, style: str = "") -> None:
        # A line said again in another language stays whole: it may change its line count.
        split = said is None and "\n" in text.plain
        lines = text.split("\n", allow_blank=True) if split else [text]
        self._keep_lines([(said, line, style) for line in lines], text)

    def _draw(self, text: Text | _LazyText) -> None:
        if not self.scrollable_content_region.width:
            self._stale = True  # wrapped at no width: redrawn once the pane is shown
        super().write(text.text() if isinstance(text, _LazyText) else text)

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
        parts = _assemble(self._head)
        if self.cut:
            parts.append(Text(self.cut_label(self.cut), style="yellow"))
        parts += _assemble(self._tail)
        if parts:
            super().write(Text("\n").join(parts))

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

    def retranslate(self, lang: str) -> None:
        """Say the app's own lines (never the snippet's) again in `lang`, and redraw."""

        def again(item: Line) -> Line:
            said, text, style = item
            if said is None or not isinstance(text, Text):
                return item
            return (said, plain(said(lang), style=style), style)

        self._head = [again(item) for item in self._head]
        self._tail = deque(again(item) for item in self._tail)
        self.rebuild()

    # --- a run ------------------------------------------------------------------------------

    def clear(self) -> OutputLog:
        self._head, self._tail, self.cut = [], deque(), 0
        self._partial = {"stdout": "", "stderr": ""}
        self._partial_cut = {"stdout": 0, "stderr": 0}
        super().clear()
        return self

    def write(self, content, *args, **kwargs) -> OutputLog:  # type: ignore[override]
        """Anything written is kept too, so it survives a re-wrap."""
        text = content if isinstance(content, Text) else Text(str(content))
        self._keep_text(text)
        return self

    def begin(self, title: str | Said) -> None:
        self.clear()
        self.note(title, "dim")

    def show_failure(self, notice: Text) -> None:
        """An update that failed (widgets/contained.py): its one line, and the log goes on."""
        super().write(notice)

    @contained
    def stream(self, name: str, text: str) -> None:
        if name not in self._partial:
            name = "stdout"
        head, sep, tail = text.rpartition("\n")
        style = "red" if name == "stderr" else ""
        if sep:
            # The line printed so far ends here: it is the first line of `head`.
            self._keep_output(self._partial[name] + head, style, self._partial_cut[name])
            self._partial[name], self._partial_cut[name] = "", 0
        self._add_partial(name, tail)

    def _add_partial(self, name: str, text: str) -> None:
        """A line still being printed: past LINE_LIMIT only its length grows (no quadratic
        concatenation of a megabyte arriving in chunks)."""
        room = LINE_LIMIT + 1 - len(self._partial[name])
        if room > 0:
            self._partial[name] += text[:room]
        self._partial_cut[name] += max(0, len(text) - max(0, room))

    @contained
    def flush(self) -> None:
        for name, text in self._partial.items():
            if text or self._partial_cut[name]:
                style = "red" if name == "stderr" else ""
                self._keep_output(text, style, self._partial_cut[name])
        self._partial = {"stdout": "", "stderr": ""}
        self._partial_cut = {"stdout": 0, "stderr": 0}

    @contained
    def note(self, text: str | Said, style: str = "dim") -> None:
        """A line of ours, which may quote untrusted text (a check message, a log tail); given
        as a function of the language, it is said again when the learner switches."""
        self.flush()
        if callable(text):
            self._keep_text(plain(text(self.lang), style=style), text, style)
        else:
            self._keep_text(plain(text, style=style))

    @property
    def lang(self) -> str:
        return getattr(self.app, "lang", "en")

    @contained
    def traceback(self, lines: list[str]) -> None:
        self.flush()
        self._keep_text(safe_text("\n".join(lines)))


class _LazyText:
    """The snippet's text, made safe (`safe_text`) only if it is drawn."""

    def __init__(self, text: str, style: str) -> None:
        self.plain, self.style = text, style

    def text(self) -> Text:
        return safe_text(self.plain, self.style)


def _assemble(lines: list[Line] | deque[Line]) -> list[Text]:
    """Kept lines as few Texts as possible: runs of the snippet's lines decoded at once."""
    parts: list[Text] = []
    run: list[str] = []
    run_style = ""
    for _said, line, style in lines:
        if isinstance(line, str):
            if run and style != run_style:
                parts.append(safe_text("\n".join(run), run_style))
                run = []
            run.append(line)
            run_style = style
            continue
        if run:
            parts.append(safe_text("\n".join(run), run_style))
            run = []
        parts.append(line)
    if run:
        parts.append(safe_text("\n".join(run), run_style))
    return parts
