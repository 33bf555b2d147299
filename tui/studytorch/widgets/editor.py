"""SnippetEditor: a Python code editor that shows each line's tensor shapes beside the line."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.document._wrapped_document import WrappedDocument
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip
from textual.widgets import TextArea

from studytorch.kernel.summary import LineRecord
from studytorch.text import has_controls, one_cell, shape_text, visible
from studytorch.ui_text import ui

HIGHLIGHT_LIMIT = 2_000
"""Past this many lines syntax highlighting is turned off: re-highlighting on each key is slow."""
MAX_LINES = 2_000
MAX_BYTES = 200_000
"""A snippet past either limit is refused: the app is for snippets; `studytorch run` takes files."""


def line_annotations(lines: list[LineRecord]) -> dict[int, str]:
    """The probe's per-line records as text per 0-based line: `y (2, 3)`, `loss () ×12`.

    dtype and device are named only where they differ from the line before, so a `.float()` or
    a `.to(device)` stands out.
    """
    out: dict[int, list[str]] = {}
    previous = ("float32", "cpu")
    for item in sorted(lines, key=lambda i: i["line"]):
        text = visible(f"{item['name']} {shape_text(item['shape'])}")
        kind = (item.get("dtype", ""), item.get("device", ""))
        extra = [new for new, old in zip(kind, previous, strict=True) if new != old]
        if extra:
            text += " " + visible(" ".join(extra))
        previous = kind
        if item.get("count", 1) > 1:
            text += f" ×{item['count']}"
        out.setdefault(item["line"] - 1, []).append(text)
    return {line: "  ".join(parts) for line, parts in out.items()}


class _UnwrappedDocument(WrappedDocument):
    """A WrappedDocument whose height is counted in O(1) while nothing wraps.

    TextArea asks for the height on every line it draws, and WrappedDocument sums it over all
    lines: with a 100,000-line paste each key took seconds. The editor never soft-wraps.
    """

    @property
    def height(self) -> int:
        if self._width == 0:
            return len(self._wrap_offsets)
        return super().height


class SnippetEditor(TextArea):
    """TextArea for snippets; `annotations` are drawn right-aligned where the line leaves room.

    An annotation that does not fit beside its line gets a `◂` at the line's right edge and is
    listed by `hidden_annotations` (the screen shows them under the editor): never dropped.
    The line a run failed on is marked in the gutter and carries the short error.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "snippet-editor--annotation",
        "snippet-editor--error",
    }
    BINDINGS = [
        Binding("ctrl+home", "snippet_start", "Start of the snippet", show=False),
        Binding("ctrl+end", "snippet_end", "End of the snippet", show=False),
    ]

    class Marks(Message):
        """The annotations, the error mark or what fits of them changed."""

    def __init__(self, text: str = "", **kwargs: Any) -> None:
        super().__init__(
            text,
            language="python",
            theme="monokai",
            soft_wrap=False,
            tab_behavior="indent",
            show_line_numbers=True,
            **kwargs,
        )
        self.annotations: dict[int, str] = {}
        self.error_line: int | None = None
        """0-based line the last run failed on, if any."""
        self.error_text = ""
        self._annotated_lines = 0
        self._hidden_before: dict[int, str] = {}
        self._widest: tuple[object, int] | None = None

    @property  # type: ignore[override]
    def wrapped_document(self) -> WrappedDocument:
        return self._wrapped_document

    @wrapped_document.setter
    def wrapped_document(self, document: WrappedDocument) -> None:
        if type(document) is WrappedDocument:
            document.__class__ = _UnwrappedDocument
        self._wrapped_document = document

    def _refresh_size(self) -> None:
        document = self.document
        if self.soft_wrap or document.line_count <= HIGHLIGHT_LIMIT:
            self._widest = None
            super()._refresh_size()
            return
        # A huge paste: TextArea measures every line on every key (seconds at 100,000 lines).
        # The widest line is measured once; after that only the line being edited can widen it.
        if self._widest is None or self._widest[0] is not document:
            self._widest = (document, document.get_size(self.indent_width).width)
        row = min(self.cursor_location[0], document.line_count - 1)
        edited = cell_len(document.get_line(row).expandtabs(self.indent_width))
        widest = max(self._widest[1], edited)
        self._widest = (document, widest)
        self.virtual_size = Size(widest + self.gutter_width + 1, document.line_count)
        self._refresh_scrollbars()

    def annotate(self, annotations: dict[int, str]) -> None:
        self.annotations = annotations
        self._annotated_lines = self.document.line_count
        self._marks_changed()

    def mark_error(self, line: int | None, text: str = "") -> None:
        """Mark 0-based `line` as where the run failed, with a short `text`; None clears it."""
        self.error_line, self.error_text = line, text
        self._annotated_lines = self.document.line_count
        self._marks_changed()

    def _marks_changed(self) -> None:
        self.refresh()
        self.post_message(self.Marks())

    # --- what fits --------------------------------------------------------------------------

    def _text_width(self) -> int:
        """Columns the code and its annotations share (no gutter, scrollbar or padding)."""
        return max(0, self.scrollable_content_region.width - self.gutter_width)

    def _fits(self, line: int, note: str) -> bool:
        if line >= self.document.line_count:
            return False
        end = len(self.document.get_line(line)) - self.scroll_offset.x
        return end + 2 + len(note) < self._text_width()

    def hidden_annotations(self) -> dict[int, str]:
        """Annotations (and the error) that do not fit beside their line at the current width."""
        hidden = {i: n for i, n in self.annotations.items() if not self._fits(i, n)}
        if self.error_line is not None and not self._fits(self.error_line, self.error_text):
            hidden[self.error_line] = "✗ " + self.error_text
        return hidden

    def hidden_line(self) -> Text | None:
        """The hidden annotations as one line for under the code, the cursor's line first (so
        the one being read is never the one cut off); None when everything fits."""
        hidden = self.hidden_annotations()
        if not hidden:
            return None
        row = self.cursor_location[0]
        text = Text("◂ ", style="dim")
        order = sorted(hidden.items(), key=lambda item: (item[0] != row, item[0]))
        for number, (line, note) in enumerate(order):
            text.append(" · " if number else "")
            text.append(f"{line + 1}: ", style="bold")
            # An error message is the snippet's text: drawn, never sent to the terminal raw.
            text.append(visible(note), style="red" if note.startswith("✗") else "")
        return text

    def refusal(self, lang: str) -> str | None:
        """Why the text is not run (past MAX_LINES or MAX_BYTES: a pasted file, not a
        snippet), in `lang`; None for a snippet."""
        lines = self.document.line_count
        size = len(self.text.encode())
        if lines <= MAX_LINES and size <= MAX_BYTES:
            return None
        limits = {"max_lines": MAX_LINES, "max_kb": MAX_BYTES // 1000}
        return ui("too_big", lang, lines=lines, kb=size // 1000, **limits)

    def on_resize(self) -> None:
        hidden = self.hidden_annotations()
        if hidden != self._hidden_before:
            self._hidden_before = hidden
            self.post_message(self.Marks())

    # --- keys -------------------------------------------------------------------------------

    def action_snippet_start(self) -> None:
        self.move_cursor((0, 0))

    def action_snippet_end(self) -> None:
        self.move_cursor(self.document.end)

    def action_delete_left(self) -> None:
        """In a line's leading whitespace, Backspace takes one indent level back."""
        row, column = self.cursor_location
        before = self.document.get_line(row)[:column]
        if self.selection.is_empty and column and not before.strip() and " " in before:
            width = self.indent_width
            target = (column - 1) // width * width
            self.replace("", (row, target), (row, column), maintain_selection_offset=False)
            return
        super().action_delete_left()

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter" and not self.read_only:
            # Keep the line's indentation, one level more after a colon: Python needs it.
            event.stop()
            event.prevent_default()
            start, end = self.selection
            line = self.document.get_line(start[0])[: start[1]]
            indent = line[: len(line) - len(line.lstrip())]
            if line.rstrip().endswith(":"):
                indent += " " * self.indent_width
            self.replace("\n" + indent, start, end, maintain_selection_offset=False)
            return
        await super()._on_key(event)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        lines = self.document.line_count
        # Highlighting re-parses on each key: past the limit a paste would make typing crawl.
        wanted = "python" if lines <= HIGHLIGHT_LIMIT else None
        if self.language != wanted:
            self.language = wanted
        # Once lines move, the shapes would point at the wrong lines: drop them until a rerun.
        if (self.annotations or self.error_line is not None) and lines != self._annotated_lines:
            self.annotations, self.error_line, self.error_text = {}, None, ""
            self._marks_changed()
        self.refresh(layout=True)  # the editor's height follows its line count

    # --- drawing ----------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        strip = self._visible_controls(super().render_line(y))
        scroll_x, scroll_y = self.scroll_offset
        line_index = scroll_y + y
        if line_index >= self.document.line_count:
            return strip
        failed = line_index == self.error_line
        note = ("✗ " + self.error_text) if failed else self.annotations.get(line_index)
        if failed:
            strip = self._gutter_mark(strip)
        if not note:
            return strip
        # The strip spans the widget's whole region; only the content region is drawn.
        width = min(strip.cell_length, self.scrollable_content_region.width)
        style = self.get_component_rich_style(
            "snippet-editor--error" if failed else "snippet-editor--annotation"
        )
        if not self._fits(line_index, note):
            note = "◂"  # listed under the editor instead
        start = width - len(note) - 1
        text_end = self.gutter_width + len(self.document.get_line(line_index)) - scroll_x
        if start < text_end:
            return strip
        note = one_cell(note)  # an error message is text we did not write
        return Strip.join(
            [
                strip.crop(0, start),
                Strip([Segment(note, style)]),
                strip.crop(start + len(note), strip.cell_length),
            ]
        )

    @staticmethod
    def _visible_controls(strip: Strip) -> Strip:
        """Code may hold raw control characters (a lesson's starter, a paste): drawn as symbols.

        The TextArea gives them no width, so each symbol takes a cell from the end of the line.
        """
        if not any(has_controls(segment.text) for segment in strip):
            return strip
        width = strip.cell_length
        drawn = Strip(Segment(one_cell(s.text), s.style, s.control) for s in strip)
        return drawn.crop(0, width)

    def _gutter_mark(self, strip: Strip) -> Strip:
        """A red ✗ in the gutter's margin of the failing line."""
        gutter = self.gutter_width
        if gutter < 2:
            return strip
        style = self.get_component_rich_style("snippet-editor--error")
        return Strip.join(
            [
                strip.crop(0, gutter - 2),
                Strip([Segment("✗", style)]),
                strip.crop(gutter - 1, strip.cell_length),
            ]
        )
