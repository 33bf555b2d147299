"""Shapes beside each line: the snippet's AST gets a recorder call after every assignment.

Only the snippet's own code is rewritten, so torch's Python runs untraced (sys.settrace would
pay on every Python call inside torch). The recorder lives in builtins, so `globals().clear()`
in a snippet breaks nothing.
"""

from __future__ import annotations

import ast

import torch

from . import metrics, state, summaries

MAX_LINES = 400
RECORDER = "_studytorch_line"
TICK = "_studytorch_tick"
TRACK = "track"
METRIC_NAMES = ("loss",)
"""A scalar assigned to one of these names is streamed as a metric without any helper."""
tracing = True
"""Record every name's shape; when False only metric names are recorded (the curve stays)."""


class Instrument(ast.NodeTransformer):
    """After each assignment to plain names, call the recorder with the line and the values."""

    def __init__(self, only=None) -> None:
        super().__init__()
        self.only = only
        """Record just these names (metrics), or every name when None."""
        self.loops: list[str] = []
        """The loops around the node being visited, innermost last (by their place)."""

    def visit_Module(self, node: ast.Module):
        # A name the snippet tracks itself is never captured automatically (no double points).
        run = state.run
        if run is not None:
            run.tracked.update(_tracked_names(node))
        self.generic_visit(node)
        return node

    def visit_Call(self, node: ast.Call):
        self.generic_visit(node)
        own = isinstance(node.func, ast.Name) and node.func.id == TRACK and self.loops
        if own and not any(k.arg == "_loop" for k in node.keywords):
            node.keywords.append(ast.keyword("_loop", ast.Constant(self.loops[-1])))
        return node

    def visit_FunctionDef(self, node):
        loops, self.loops = self.loops, []  # a function's body runs wherever it is called
        self.generic_visit(node)
        self.loops = loops
        return node

    visit_AsyncFunctionDef = visit_FunctionDef
    visit_Lambda = visit_FunctionDef

    def _wanted(self, names: list) -> list:
        return names if self.only is None else [n for n in names if n in self.only]

    def _after(self, node: ast.stmt, targets: list[ast.expr]) -> list[ast.stmt]:
        names = self._wanted([n.id for t in targets for n in _names(t)])
        if not names:
            return [node]
        loop = self.loops[-1] if self.loops else None
        return [node, _record_call(node.lineno, names, node, loop)]

    def visit_Assign(self, node: ast.Assign):
        self.generic_visit(node)
        return self._after(node, node.targets)

    def visit_AnnAssign(self, node: ast.AnnAssign):
        self.generic_visit(node)
        return self._after(node, [node.target]) if node.value is not None else node

    def visit_AugAssign(self, node: ast.AugAssign):
        self.generic_visit(node)
        return self._after(node, [node.target])

    def _loop(self, node):
        place = f"{node.lineno}:{node.col_offset}"
        for child in (
            getattr(node, "target", None),
            getattr(node, "iter", None),
            node.test if isinstance(node, ast.While) else None,
        ):
            if child is not None:
                self.visit(child)
        self.loops.append(place)
        node.body = [new for stmt in node.body for new in _as_list(self.visit(stmt))]
        self.loops.pop()
        node.orelse = [new for stmt in node.orelse for new in _as_list(self.visit(stmt))]
        names = self._wanted([n.id for n in _names(node.target)]) if hasattr(node, "target") else []
        if names:
            node.body.insert(0, _record_call(node.lineno, names, node, place))
        node.body.insert(0, _tick_call(place, node))
        return node

    visit_For = _loop
    visit_AsyncFor = _loop
    visit_While = _loop


def _as_list(result) -> list:
    if result is None:
        return []
    return result if isinstance(result, list) else [result]


def _tracked_names(tree: ast.AST) -> set[str]:
    """The names of `track("name", ...)` calls written with a literal name."""
    return {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == TRACK
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    }


def _tick_call(place: str, where: ast.AST) -> ast.stmt:
    call = ast.Expr(
        ast.Call(func=ast.Name(TICK, ast.Load()), args=[ast.Constant(place)], keywords=[])
    )
    return ast.fix_missing_locations(ast.copy_location(call, where))


def _names(target: ast.expr) -> list[ast.Name]:
    if isinstance(target, ast.Name):
        return [target]
    if isinstance(target, (ast.Tuple, ast.List)):
        return [n for element in target.elts for n in _names(element)]
    if isinstance(target, ast.Starred):
        return _names(target.value)
    return []


def _record_call(line: int, names: list[str], where: ast.AST, loop: str | None) -> ast.stmt:
    call = ast.Expr(
        ast.Call(
            func=ast.Name(RECORDER, ast.Load()),
            args=[
                ast.Constant(line),
                ast.Tuple([ast.Constant(n) for n in names], ast.Load()),
                ast.Tuple([ast.Name(n, ast.Load()) for n in names], ast.Load()),
                ast.Constant(loop),
            ],
            keywords=[],
        )
    )
    return ast.fix_missing_locations(ast.copy_location(call, where))


def record_line(line: int, names: tuple, values: tuple, loop: str | None = None) -> None:
    run = state.run
    if run is None:
        return
    tensor = torch.Tensor
    for name, value in zip(names, values):  # noqa: B905 - the kernel may run Python < 3.10
        if tracing and isinstance(value, tensor) and not summaries.uninitialized(value):
            key = (line, name)
            entry = run.lines.get(key)
            if entry is None:
                if len(run.lines) >= MAX_LINES:
                    continue
                entry = run.lines[key] = {"line": line, "name": name, "count": 0}
            entry["count"] += 1
            entry["shape"] = list(value.shape)
            entry["dtype"] = str(value.dtype).replace("torch.", "")
            entry["device"] = str(value.device)
        if name in METRIC_NAMES:
            metrics.add_metric(run, name, value, loop=loop)
