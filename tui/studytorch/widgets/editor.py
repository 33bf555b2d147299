"""SnippetEditor: a Python code editor that shows each line's tensor shapes at its right edge."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.segment import Segment
from textual import events
from textual.strip import Strip
from textual.widgets import TextArea

from studytorch.text import has_controls, one_cell, shape_text, visible


def line_annotations(lines: list[dict[str, Any]]) -> dict[int, str]:
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


class SnippetEditor(TextArea):
    """TextArea for snippets; `annotations` are drawn right-aligned where the line leaves room."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"snippet-editor--annotation"}

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
        self._annotated_lines = 0

    def annotate(self, annotations: dict[int, str]) -> None:
        self.annotations = annotations
        self._annotated_lines = self.document.line_count
        self.refresh()

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
        # Once lines move, the shapes would point at the wrong lines: drop them until a rerun.
        if self.annotations and self.document.line_count != self._annotated_lines:
            self.annotate({})

    def render_line(self, y: int) -> Strip:
        strip = self._visible_controls(super().render_line(y))
        scroll_x, scroll_y = self.scroll_offset
        note = self.annotations.get(scroll_y + y)
        if not note:
            return strip
        line_index = scroll_y + y
        if line_index >= self.document.line_count:
            return strip
        text_end = self.gutter_width + len(self.document.get_line(line_index)) - scroll_x
        # The strip spans the widget's whole region; only the content region is drawn.
        width = min(strip.cell_length, self.scrollable_content_region.width)
        start = width - len(note) - 1
        if start < text_end + 2:
            return strip  # no room on this line: the Tensors pane still has it
        style = self.get_component_rich_style("snippet-editor--annotation")
        note = one_cell(note)
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
