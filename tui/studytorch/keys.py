"""Key labels in the learner's language, from the UI catalogue (`key.ACTION`, `keyhelp.ACTION`).

The footer and the help screen read a node's bindings, so switching language relabels them in
place. Textual has no public way to change a binding's description, so `localize` rebuilds the
node's own binding map (`_bindings`) from its class's merged BINDINGS (`_merged_bindings`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

from studytorch.ui_text import TEXT, ui


def bind(keys: str, action: str, **options: Any) -> Binding:
    """A Binding labelled (in English, the app's start-up language) from the catalogue."""
    return label(Binding(keys, action, action, **options), "en")


def label(binding: Binding, lang: str) -> Binding:
    """`binding` with its description and tooltip in `lang`, where the catalogue has them."""
    if f"key.{binding.action}" not in TEXT:
        return binding
    description = ui(f"key.{binding.action}", lang)
    helps = f"keyhelp.{binding.action}"
    tooltip = ui(helps, lang) if helps in TEXT else ""
    return replace(binding, description=description, tooltip=tooltip)


def localize(node: DOMNode, lang: str) -> None:
    """Relabel the key bindings (footer, help) of `node` and of every widget inside it in
    `lang`: a focused widget's own keys (the curve's `c` and `l`) show in the footer too."""
    for each in (node, *node.walk_children()):
        _localize_one(each, lang)


def _localize_one(node: DOMNode, lang: str) -> None:
    merged = getattr(type(node), "_merged_bindings", None)
    current = getattr(node, "_bindings", None)
    if merged is None or current is None:
        return  # a Textual without these internals: the labels stay English
    relabelled = {
        key: [label(binding, lang) for binding in bindings]
        for key, bindings in merged.key_to_bindings.items()
    }
    if relabelled == current.key_to_bindings:
        return  # unchanged (English at start-up): no footer rebuild
    node._bindings = BindingsMap.from_keys(relabelled)
    node.refresh_bindings()
