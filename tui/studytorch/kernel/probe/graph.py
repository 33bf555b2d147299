"""Autograd graphs: walk `grad_fn.next_functions`, naming leaves by variable or parameter."""

from __future__ import annotations

import itertools
from typing import Any

import torch

MAX_GRAPH_NODES = 60
MAX_GRAPHS = 6


def graphs(ns: dict) -> dict:
    tensor = torch.Tensor
    leaves, made_by = {}, {}
    for name, value in ns.items():
        if name.startswith("_"):
            continue
        if isinstance(value, tensor):
            if value.grad_fn is not None:
                made_by[id(value.grad_fn)] = name
            else:
                leaves[id(value)] = name
        elif isinstance(value, torch.nn.Module):
            for pname, p in value.named_parameters():
                leaves.setdefault(id(p), f"{name}.{pname}")
    roots = [(n, v) for n, v in ns.items() if isinstance(v, tensor) and v.grad_fn is not None]
    roots.sort(key=lambda item: item[0] != "loss")  # the loss first: its graph is the lesson
    return {name: _graph(value.grad_fn, leaves, made_by) for name, value in roots[:MAX_GRAPHS]}


def _graph(root, leaves: dict, made_by: dict) -> dict:
    ids: dict[int, int] = {}
    nodes: list[dict] = []
    counter = itertools.count()
    stack = [root]
    truncated = False
    while stack:
        fn = stack.pop()
        if id(fn) in ids:
            continue
        if len(nodes) >= MAX_GRAPH_NODES:
            truncated = True
            break
        ids[id(fn)] = next(counter)
        node: dict[str, Any] = {"id": ids[id(fn)], "name": type(fn).__name__, "children": []}
        variable = getattr(fn, "variable", None)
        if variable is not None:
            node["var"] = leaves.get(id(variable))
            node["shape"] = list(variable.shape)
            grad = variable.grad
            node["grad_norm"] = float(grad.detach().float().norm()) if grad is not None else None
        elif id(fn) in made_by:
            node["var"] = made_by[id(fn)]
        nodes.append(node)
        node["_next"] = [child for child, _ in fn.next_functions if child is not None]
        stack.extend(reversed(node["_next"]))
    for node in nodes:
        node["children"] = [ids[id(child)] for child in node.pop("_next") if id(child) in ids]
    return {"root": 0, "nodes": nodes, "truncated": truncated}
