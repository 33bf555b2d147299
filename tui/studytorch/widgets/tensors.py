"""TensorView: the probe's table of tensors, and details of the highlighted one."""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Static

from studytorch.text import plain, shape_text, visible


def _number(value: Any) -> str:
    return f"{value:.4g}" if isinstance(value, float) else str(value)


def tensor_details(t: dict[str, Any]) -> Text:
    """Everything the probe knows about one tensor, as plain text (names are never markup)."""
    out = Text()

    def line(label: str, value: str) -> None:
        out.append(f"{label:<14}", style="bold")
        out.append(visible(value) + "\n")

    line("name", t["name"])
    line("shape", shape_text(t["shape"]) + f"  ({t['numel']:,} elements)")
    line("dtype/device", f"{t['dtype']} on {t['device']}")
    line("requires_grad", str(t["requires_grad"]) + ("  (leaf)" if t["is_leaf"] else ""))
    if t.get("grad_fn"):
        line("grad_fn", t["grad_fn"])
    if t.get("grad"):
        line("grad", f"shape {shape_text(t['grad']['shape'])}, norm {_number(t['grad']['norm'])}")
    if t.get("stride") is not None:
        contiguous = "contiguous" if t.get("contiguous") else "NOT contiguous"
        line("stride", f"{shape_text(t['stride'])}  {contiguous}")
    if t.get("shares_with"):
        line("shares memory", ", ".join(t["shares_with"]))
    stats = t.get("stats")
    if stats:
        parts = [
            f"{key} {_number(stats[key])}" for key in ("min", "max", "mean", "std") if key in stats
        ]
        if stats.get("nan") or stats.get("inf"):
            parts.append(f"nan {stats['nan']} inf {stats['inf']}")
        line("stats", ", ".join(parts) + ("  (sampled)" if stats.get("sampled") else ""))
    out.append("\n")
    out.append(visible(t.get("preview", "")))
    return out


class TensorView(Vertical):
    """A table with one row per tensor; moving the cursor shows that tensor's details."""

    DEFAULT_CSS = """
    TensorView > DataTable { height: auto; max-height: 50%; }
    TensorView > VerticalScroll { height: 1fr; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.tensors: list[dict[str, Any]] = []
        self.graphs: dict[str, Any] = {}

    def compose(self) -> ComposeResult:
        table: DataTable[Any] = DataTable(cursor_type="row", zebra_stripes=True, id="tensor-table")
        table.add_columns("name", "shape", "dtype", "grad_fn", "grad", "device")
        yield table
        with VerticalScroll(id="tensor-details-scroll"):
            yield Static(id="tensor-details")

    def show(self, tensors: list[dict[str, Any]], graphs: dict[str, Any] | None = None) -> None:
        self.tensors = tensors
        self.graphs = graphs or {}
        table = self.query_one(DataTable)
        table.clear()
        for t in tensors:
            grad = t.get("grad")
            if grad:
                grad_text = f"norm {_number(grad['norm'])}"
            else:
                grad_text = "none yet" if t["requires_grad"] else ""
            table.add_row(
                plain(t["name"]),
                shape_text(t["shape"]),
                plain(t["dtype"]),
                plain(t.get("grad_fn") or ""),
                grad_text,
                plain(t["device"]),
                key=t["name"],
            )
        details = self.query_one("#tensor-details", Static)
        if tensors:
            details.update(self._details(tensors[0]))
        else:
            details.update(Text("No tensors yet: run the snippet (F5).", style="dim"))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if 0 <= event.cursor_row < len(self.tensors):
            details = self.query_one("#tensor-details", Static)
            details.update(self._details(self.tensors[event.cursor_row]))

    def _details(self, tensor: dict[str, Any]) -> Group:
        from studytorch.widgets.graph import graph_tree

        graph = self.graphs.get(tensor["name"])
        if graph is None:
            return Group(tensor_details(tensor))
        return Group(tensor_details(tensor), Text(""), graph_tree(tensor["name"], graph))
