"""ModelView: each module's parameters with their gradient norms, now and after the last run."""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from studytorch.kernel.summary import ModuleSummary, OptimizerSummary
from studytorch.text import plain, shape_text
from studytorch.ui_text import ui
from studytorch.widgets.contained import contained


def _norm(value: Any) -> str:
    # The probe sends non-finite norms as "inf"/"nan": an exploded gradient must read as such,
    # never as "-" (no gradient).
    if isinstance(value, str) and value in ("inf", "-inf", "nan"):
        return value
    return f"{value:.4g}" if isinstance(value, float) else "-"


def _grad(now: Any, before: Any) -> Text:
    """The grad norm, flagged when it grew a lot since the previous run."""
    text = Text(_norm(now))
    if isinstance(now, float) and isinstance(before, float) and before > 0 and now / before > 1.5:
        # Grads that only grow between runs of the same model usually mean a missing zero_grad().
        text.append(f" ×{now / before:.2g}↑", style="bold yellow")
    return text


def modules_renderable(
    modules: list[ModuleSummary], optimizers: list[OptimizerSummary], lang: str = "en"
) -> Group:
    """Each module with its mode (train/eval) and parameters; one without any is still named."""
    parts: list[Any] = []
    for module in modules:
        title = plain(f"{module['name']}: {module['type']}", style="bold")
        if "training" in module:
            mode = "train" if module["training"] else "eval"
            title.append(f"  [{ui(f'model.{mode}', lang)}]", style="cyan" if mode == "eval" else "")
        if module.get("unavailable"):
            title.append(f"  {ui('tensors.unavailable', lang, reason=module.get('unavailable'))}")
            parts.append(title)
            continue
        lazy = module.get("uninitialized")
        if lazy:
            title.append(f"  {ui('model.lazy', lang, count=lazy)}", style="yellow")
        if not module["total"] and not lazy:
            # A loss function or an activation: nothing to learn, but it is part of the model.
            title.append(f"  {ui('model.no_parameters', lang)}", style="dim")
            parts.append(title)
            continue
        counts = ui("model.parameters", lang, total=module["total"], trainable=module["trainable"])
        title.append(f"  {counts}", style="")
        parts.append(title)
        table = Table(box=None, padding=(0, 1), header_style="bold")
        table.add_column(ui("model.parameter", lang), no_wrap=True, overflow="ellipsis")
        table.add_column("shape", no_wrap=True)
        table.add_column(ui("model.grad_norm", lang), no_wrap=True)
        table.add_column(ui("model.last_run", lang), no_wrap=True)
        for p in module.get("parameters", []):
            frozen = "" if p["requires_grad"] else f" {ui('model.frozen', lang)}"
            lazy_shape = ui("model.lazy_shape", lang) if p.get("uninitialized") else None
            table.add_row(
                plain(p["name"] + frozen),
                lazy_shape or shape_text(p["shape"]),
                _grad(p.get("grad_norm"), p.get("grad_norm_before")),
                _norm(p.get("grad_norm_before")),
            )
        parts.append(table)
    for opt in optimizers:
        groups = ", ".join(
            f"lr={g['lr']} ({ui('model.tensors', lang, count=g['params'])})"
            for g in opt["param_groups"]
        )
        parts.append(plain(f"{opt['name']}: {opt['type']}  {groups}"))
    return Group(*parts)


class ModelView(VerticalScroll):
    """Grad norms next to the previous run's, so accumulation without zero_grad() shows."""

    def compose(self):
        yield Static(id="model-body")

    def show_failure(self, notice: Text) -> None:
        self.query_one("#model-body", Static).update(notice)

    @contained
    def show(self, modules: list[ModuleSummary], optimizers: list[OptimizerSummary]) -> None:
        lang = getattr(self.app, "lang", "en")
        self.query_one("#model-body", Static).update(modules_renderable(modules, optimizers, lang))
