"""BatchView: what a DataLoader handed out: indices per batch (shuffle shows), shapes, values."""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from studytorch.kernel.summary import Batch
from studytorch.text import plain, shape_text, visible
from studytorch.ui_text import ui
from studytorch.widgets.contained import contained


def _indices(indices: list[Any] | None, lang: str) -> str:
    if indices is None:
        return ui("batches.unknown", lang)
    shown = ", ".join(map(str, indices[:12]))
    return f"[{shown}{', …' if len(indices) > 12 else ''}]"


def _cell(value: Any) -> Text:
    return plain(f"{value:.4g}" if isinstance(value, float) else str(value))


def batches_renderable(batches: list[Batch], lang: str = "en") -> Group:
    parts: list[Any] = []
    for batch in batches:
        head = Text()
        head.append(visible(f"{batch.get('loader') or 'DataLoader'} "), style="bold")
        head.append(ui("batches.where", lang, epoch=batch["epoch"], batch=batch["batch"]) + "  ")
        head.append(_indices(batch.get("indices"), lang), style="cyan")
        parts.append(head)
        for part in batch.get("parts", []):
            if "shape" in part:
                parts.append(
                    plain(f"  {part['name']}: {shape_text(part['shape'])} {part.get('dtype', '')}")
                )
                table = Table(show_header=False, box=None, padding=(0, 1), pad_edge=False)
                preview = part.get("preview", [])
                # A 1-D part (labels, indices) previews as one row of values, not one per line.
                rows = preview if preview and isinstance(preview[0], list) else [preview]
                for row in rows[:4]:
                    table.add_row("   ", *(_cell(v) for v in row))
                parts.append(table)
            else:
                parts.append(
                    plain(f"  {part['name']}: {part.get('type')} {part.get('preview', '')}")
                )
    return Group(*parts)


class BatchView(VerticalScroll):
    """The first batches of the first epochs of each DataLoader the run iterated."""

    def compose(self):
        yield Static(id="batch-body")

    def show_failure(self, notice: Text) -> None:
        self.query_one("#batch-body", Static).update(notice)

    @contained
    def show(self, batches: list[Batch]) -> None:
        """This run's batches; none: say so (never the previous run's)."""
        lang = getattr(self.app, "lang", "en")
        body = self.query_one("#batch-body", Static)
        if not batches:
            body.update(Text(ui("batches.none", lang), style="dim"))
            return
        body.update(batches_renderable(batches, lang))
