"""TensorView: the probe's table of tensors, and details of the highlighted one."""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Static

from studytorch.kernel.summary import Graph, TensorSummary
from studytorch.text import plain, shape_text, visible
from studytorch.ui_text import ui
from studytorch.widgets.contained import contained


def _number(value: Any) -> str:
    return f"{value:.4g}" if isinstance(value, float) else str(value)


def tensor_details(t: TensorSummary, lang: str = "en") -> Text:
    """Everything the probe knows about one tensor, as plain text (names are never markup)."""
    out = Text()

    def line(label: str, value: str) -> None:
        out.append(label + " " * max(1, 14 - _cells(label)), style="bold")
        out.append(visible(value) + "\n")

    def word(key: str, **fields: Any) -> str:
        return ui(f"tensors.{key}", lang, **fields)

    line(word("name"), t["name"])
    if t.get("unavailable"):
        line("", word("unavailable", reason=str(t.get("unavailable"))))
        return out
    if t.get("uninitialized"):
        line("shape", word("uninitialized"))
    else:
        line("shape", shape_text(t["shape"]) + f"  {word('elements', count=t['numel'])}")
    line("dtype/device", f"{t['dtype']} · {t['device']}")
    line("requires_grad", str(t["requires_grad"]) + (f"  {word('leaf')}" if t["is_leaf"] else ""))
    grad_fn, grad, stride = t.get("grad_fn"), t.get("grad"), t.get("stride")
    if grad_fn:
        line("grad_fn", grad_fn)
    if grad:
        line("grad", f"shape {shape_text(grad['shape'])}, {word('norm')} {_number(grad['norm'])}")
    if stride is not None:
        contiguous = word("contiguous" if t.get("contiguous") else "not_contiguous")
        line("stride", f"{shape_text(stride)}  {contiguous}")
    if t.get("shares_with"):
        line(word("shares"), ", ".join(t["shares_with"]))
    stats = t.get("stats")
    if stats:
        parts = [
            f"{word(key)} {_number(stats[key])}"
            for key in ("min", "max", "mean", "std")
            if key in stats
        ]
        if stats.get("nan") or stats.get("inf"):
            parts.append(f"nan {stats.get('nan', 0)} inf {stats.get('inf', 0)}")
        sampled = f"  {word('sampled')}" if stats.get("sampled") else ""
        line(word("stats"), ", ".join(parts) + sampled)
    out.append("\n")
    out.append(visible(str(t.get("preview") or "")))
    return out


def _cells(text: str) -> int:
    return Text(text).cell_len


def scalar_value(t: TensorSummary) -> str:
    """A one-element tensor's value (from its stats or its preview), else ""."""
    if t.get("numel") != 1:
        return ""
    stats = t.get("stats") or {}
    if isinstance(stats.get("min"), (int, float)):
        return _number(stats["min"])
    preview = str(t.get("preview", ""))
    inner = preview.partition("(")[2].partition(",")[0].rstrip(")").strip()
    return inner.strip("[]")


class TensorView(Vertical):
    """A table with one row per tensor; moving the cursor shows that tensor's details."""

    DEFAULT_CSS = """
    TensorView > DataTable { height: auto; max-height: 50%; }
    TensorView > VerticalScroll { height: 1fr; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.tensors: list[TensorSummary] = []
        self.graphs: dict[str, Graph] = {}

    COLUMNS = ("name", "shape", "value", "dtype", "grad_fn", "grad", "device")
    """PyTorch's own names stay as they are; "name" and "value" are said in the language."""

    @property
    def lang(self) -> str:
        return getattr(self.app, "lang", "en")

    def compose(self) -> ComposeResult:
        table: DataTable[Any] = DataTable(cursor_type="row", zebra_stripes=True, id="tensor-table")
        yield table
        with VerticalScroll(id="tensor-details-scroll"):
            yield Static(id="tensor-details")

    def show_failure(self, notice: Text) -> None:
        self.query_one("#tensor-details", Static).update(notice)

    @contained
    def show(
        self,
        tensors: list[TensorSummary],
        graphs: dict[str, Graph] | None = None,
        moment: str = "before",
    ) -> None:
        """One row per tensor; with none, what that means at this `moment`: "before" any run,
        "running", or "after" a run that left none."""
        self.tensors = tensors
        self.graphs = graphs or {}
        lang = self.lang
        table = self.query_one(DataTable)
        table.clear(columns=True)
        table.add_columns(
            *(ui(f"tensors.{c}", lang) if c in ("name", "value") else c for c in self.COLUMNS)
        )
        keys: set[str] = set()
        for t in tensors:
            grad = t.get("grad")
            if grad:
                grad_text = f"{ui('tensors.norm', lang)} {_number(grad['norm'])}"
            elif t["requires_grad"] and t.get("is_leaf", True) and not t.get("unavailable"):
                grad_text = ui("tensors.no_grad_yet", lang)  # only a leaf ever gets a .grad
            else:
                grad_text = ""
            if t.get("uninitialized"):
                shape = ui("model.lazy_shape", lang)
            elif t.get("unavailable"):
                shape = "?"
            else:
                shape = shape_text(t["shape"])
            table.add_row(
                plain(t["name"]),
                shape,
                plain(scalar_value(t)),
                plain(t["dtype"]),
                plain(t.get("grad_fn") or ""),
                grad_text,
                plain(t["device"]),
                key=t["name"] if t["name"] not in keys else None,  # the probe's names are unique
            )
            keys.add(t["name"])
        details = self.query_one("#tensor-details", Static)
        if tensors:
            details.update(self._details(tensors[0]))
        else:
            empty = {"before": "tensors.none", "running": "tensors.running"}
            details.update(Text(ui(empty.get(moment, "tensors.none_in_run"), lang), style="dim"))

    @contained
    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if 0 <= event.cursor_row < len(self.tensors):
            details = self.query_one("#tensor-details", Static)
            details.update(self._details(self.tensors[event.cursor_row]))

    def _details(self, tensor: TensorSummary) -> Group:
        from studytorch.widgets.graph import graph_tree

        graph = self.graphs.get(tensor["name"])
        details = tensor_details(tensor, self.lang)
        if graph is None:
            return Group(details)
        return Group(details, Text(""), graph_tree(tensor["name"], graph, self.lang))
