"""The autograd graph of a tensor as a terminal tree: grad_fn nodes down to named leaves."""

from __future__ import annotations

from rich.text import Text
from rich.tree import Tree

from studytorch.kernel.summary import Graph, GraphNode
from studytorch.text import plain, shape_text, visible
from studytorch.ui_text import ui


def _label(node: GraphNode, lang: str) -> Text:
    label = plain(node["name"], style="bold")
    if node.get("var"):
        label.append(visible(f"  {node['var']}"), style="cyan")
    if node.get("shape") is not None:
        label.append(f" {shape_text(node['shape'])}")
    if "grad_norm" in node:
        norm = node["grad_norm"]
        value = f"{ui('tensors.norm', lang)} {norm:.4g}" if isinstance(norm, float) else "None"
        label.append(f"  .grad {value}")
    return label


def graph_tree(name: str, graph: Graph, lang: str = "en") -> Tree:
    """`graph` is the probe's {root, nodes: [{id, name, children, var?, shape?, grad_norm?}]}."""
    nodes = {node["id"]: node for node in graph.get("nodes", [])}
    tree = Tree(plain(ui("graph.title", lang, name=name), style="bold underline"))
    seen: set[int] = set()

    def grow(branch: Tree, node_id: int) -> None:
        node = nodes.get(node_id)
        if node is None:
            return
        if node_id in seen:  # shared subgraph: name it once, point at it afterwards
            branch.add(plain(f"↑ {node['name']} {ui('graph.seen', lang)}", style="dim"))
            return
        seen.add(node_id)
        child = branch.add(_label(node, lang))
        for child_id in node.get("children", []):
            grow(child, child_id)

    grow(tree, graph.get("root", 0))
    if graph.get("truncated"):
        tree.add(Text(ui("graph.cut", lang), style="dim"))
    return tree
