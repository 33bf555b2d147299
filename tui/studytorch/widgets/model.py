"""ModelView: each module's parameters with their gradient norms, now and after the last run."""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from studytorch.widgets.tensors import shape_text


def _norm(value: Any) -> str:
    return f"{value:.4g}" if isinstance(value, float) else "-"


def _change(now: Any, before: Any) -> Text:
    if not isinstance(now, float) or not isinstance(before, float) or before == 0:
        return Text("")
    ratio = now / before
    if ratio > 1.5:  # grads that only grow between runs usually mean a missing zero_grad()
        return Text(f"×{ratio:.2g} ↑", style="bold yellow")
    return Text(f"×{ratio:.2g}")


def modules_renderable(modules: list[dict[str, Any]], optimizers: list[dict[str, Any]]) -> Group:
    parts: list[Any] = []
    for module in modules:
        title = Text(f"{module['name']}: {module['type']}  ", style="bold")
        title.append(f"{module['total']:,} parameters ({module['trainable']:,} trainable)")
        parts.append(title)
        table = Table(box=None, padding=(0, 1), header_style="bold")
        for column in ("parameter", "shape", "grad", "grad norm", "last run", "change"):
            table.add_column(column)
        for p in module.get("parameters", []):
            table.add_row(
                Text(p["name"]),
                shape_text(p["shape"]),
                "yes" if p["requires_grad"] else "no",
                _norm(p.get("grad_norm")),
                _norm(p.get("grad_norm_before")),
                _change(p.get("grad_norm"), p.get("grad_norm_before")),
            )
        parts.append(table)
    for opt in optimizers:
        groups = ", ".join(f"lr={g['lr']} ({g['params']} tensors)" for g in opt["param_groups"])
        parts.append(Text(f"{opt['name']}: {opt['type']}  {groups}"))
    return Group(*parts)


class ModelView(VerticalScroll):
    """Grad norms next to the previous run's, so accumulation without zero_grad() shows."""

    def compose(self):
        yield Static(id="model-body")

    def show(self, modules: list[dict[str, Any]], optimizers: list[dict[str, Any]]) -> None:
        self.query_one("#model-body", Static).update(modules_renderable(modules, optimizers))
