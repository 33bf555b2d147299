"""The error a run raised, described: the learner's line, the failing call and its operands.

The operands are the failing expression's own, re-evaluated only when that is safe (names,
attributes, constant subscripts, pure tensor methods), so `torch.cat([x, row.unsqueeze(0)])`
reports `x (2, 3)` and `row.unsqueeze(0) (1, 4)`.
"""

from __future__ import annotations

import ast
import itertools
from typing import Any

import torch

from . import state

SAFE_METHODS = frozenset(
    str.split(
        "view reshape t unsqueeze squeeze transpose permute flatten contiguous expand expand_as "
        "view_as float double half long int bool to cpu cuda detach clone sum mean std max min "
        "abs exp log sqrt neg relu sigmoid softmax size numel dim T mT H"
    )
)
"""Methods re-evaluated to show a failing call's operands: pure, cheap, no learner code."""
SAFE_FUNCTIONS = frozenset(
    str.split(
        "zeros ones randn rand arange full eye tensor zeros_like ones_like randn_like empty "
        "linspace cat stack"
    )
)


def describe_error(exc: BaseException, source: str) -> dict:
    place = _snippet_place(exc)
    dropped = dropped_lines(source)
    line = place[0] + dropped if place and place[0] else None
    lines = source.splitlines()
    text = lines[line - 1] if line and 0 < line <= len(lines) else None
    error: dict[str, Any] = {
        "type": type(exc).__name__,
        "message": str(exc),
        "line": line,
        "line_text": text,
        "operands": [],
    }
    if place and text is not None and not isinstance(exc, SyntaxError):
        compiled = "\n".join(lines[dropped:])
        try:
            call, operands = _failing_call(compiled, *place)
        except Exception:  # the explanation is a bonus: never let it hide the error
            call, operands = None, []
        error["operands"] = operands
        if call is not None:
            error["call"] = call
    return error


def dropped_lines(source: str) -> int:
    """IPython drops a cell's leading blank lines before compiling it: line numbers need them."""
    return next((i for i, text in enumerate(source.splitlines()) if text.strip()), 0)


def _snippet_place(exc: BaseException):
    """(line, positions, namespace) of the innermost frame of the learner's own code, where
    positions are (line, end_line, col, end_col) of the expression that raised (Python 3.11+)."""
    if isinstance(exc, SyntaxError):
        return (exc.lineno, None, state.shell.user_ns, None) if exc.lineno else None
    user_ns = state.shell.user_ns
    tbs = []
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_globals is user_ns:
            tbs.append(tb)
        tb = tb.tb_next
    if not tbs:
        return None
    cell = tbs[0].tb_frame.f_code.co_filename  # the outermost snippet frame is the cell itself
    tb = [t for t in tbs if t.tb_frame.f_code.co_filename == cell][-1]
    frame = tb.tb_frame
    positions = None
    code_positions = getattr(frame.f_code, "co_positions", None)
    if code_positions is not None and tb.tb_lasti >= 0:
        found = list(itertools.islice(code_positions(), tb.tb_lasti // 2, tb.tb_lasti // 2 + 1))
        if found and None not in found[0]:
            positions = found[0]
    callee = tb.tb_next.tb_frame if tb.tb_next is not None else None
    return tb.tb_lineno, positions, {**user_ns, **frame.f_locals}, callee


def _failing_call(source: str, line: int, positions, ns: dict, callee=None):
    """The call or operator that raised, as source text, and its tensor operands' summaries.
    Arguments that are calls themselves (`loss_fn(model(x), y)`) are never run again: their
    values are read from the frame of the function that received them, when torch's."""
    tree = ast.parse(source)
    node = None
    if positions is not None:
        node = next(
            (
                n
                for n in ast.walk(tree)
                if isinstance(n, (ast.Call, ast.BinOp, ast.Subscript, ast.Compare))
                and (n.lineno, n.end_lineno, n.col_offset, n.end_col_offset) == positions
            ),
            None,
        )
    if node is None:  # no positions (Python < 3.11): the outermost call of the statement
        statement = next(
            (
                s
                for s in ast.walk(tree)
                if isinstance(s, ast.stmt) and s.lineno == line and not _is_block(s)
            ),
            None,
        )
        value = getattr(statement, "value", None)
        node = value if isinstance(value, (ast.Call, ast.BinOp)) else None
    if node is None:
        return None, []
    if isinstance(node, ast.Call):
        parts = [node.func.value] if isinstance(node.func, ast.Attribute) else []
        parts += [a.value if isinstance(a, ast.Starred) else a for a in node.args]
        parts += [k.value for k in node.keywords]
    elif isinstance(node, ast.BinOp):
        parts = [node.left, node.right]
    elif isinstance(node, ast.Subscript):
        parts = [node.value]
    else:
        parts = [node.left, *node.comparators]
    received = _received(node, callee) if isinstance(node, ast.Call) else {}
    operands = []
    for part in parts:
        values = _operand_values(source, part, ns)
        if not values and id(part) in received:
            text = ast.get_source_segment(source, part) or "?"
            values = [(text, received[id(part)])]
        for name, value in values:
            operands.append(_operand(name, value))
    return ast.get_source_segment(source, node), operands


def _received(node: ast.Call, callee) -> dict[int, torch.Tensor]:
    """{id(argument node): tensor} for the call's positional arguments, as the called function
    received them: a module call's `args`, or a torch function's leading parameters."""
    if callee is None:
        return {}
    in_torch = "/torch/" in str(callee.f_code.co_filename).replace("\\", "/")
    ours = str(callee.f_globals.get("__name__", "")).startswith("_studytorch_probe")  # silent.py
    if not (in_torch or ours):
        return {}
    local, code = callee.f_locals, callee.f_code
    if code.co_name in ("_wrapped_call_impl", "_call_impl"):
        values = list(local.get("args") or ())
    else:
        params = code.co_varnames[: code.co_argcount]
        values = [local.get(p) for p in params]
        if params and params[0] == "self":
            values = values[1:]
    if any(isinstance(a, ast.Starred) for a in node.args) or len(values) < len(node.args):
        return {}
    return {
        id(arg): value
        for arg, value in zip(node.args, values, strict=False)
        if isinstance(value, torch.Tensor)
    }


def _is_block(statement: ast.stmt) -> bool:
    return isinstance(
        statement, (ast.For, ast.While, ast.If, ast.With, ast.FunctionDef, ast.ClassDef, ast.Try)
    )


def _operand_values(source: str, part: ast.expr, ns: dict) -> list:
    """A tensor operand's value, re-evaluated only when that is safe (names, attributes,
    subscripts and pure tensor methods); a list or tuple of tensors counts element-wise."""
    if isinstance(part, (ast.List, ast.Tuple)):
        return [pair for element in part.elts for pair in _operand_values(source, element, ns)]
    if not _safe(part):
        return []
    value = eval(compile(ast.Expression(part), "<operand>", "eval"), dict(ns))
    text = ast.get_source_segment(source, part) or "?"
    if isinstance(value, torch.Tensor):
        return [(text, value)]
    tensors = isinstance(value, (list, tuple)) and 0 < len(value) <= 8
    if tensors and all(isinstance(v, torch.Tensor) for v in value):
        return [(f"{text}[{i}]", v) for i, v in enumerate(value)]
    return []


def _safe(node: ast.expr) -> bool:
    if isinstance(node, (ast.Name, ast.Constant)):
        return True
    if isinstance(node, ast.Attribute):
        return _safe(node.value)
    if isinstance(node, ast.Subscript):
        return _safe(node.value) and _safe_index(node.slice)
    if isinstance(node, ast.UnaryOp):
        return _safe(node.operand)
    if isinstance(node, (ast.Tuple, ast.List)):
        return all(_safe(e) for e in node.elts)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        func = node.func
        pure = func.attr in SAFE_METHODS or (
            func.attr in SAFE_FUNCTIONS and isinstance(func.value, ast.Name)
        )
        arguments = [*node.args, *(k.value for k in node.keywords)]
        return pure and _safe(func.value) and all(_safe(a) for a in arguments)
    return False


def _safe_index(node: ast.expr) -> bool:
    if isinstance(node, ast.Slice):
        return all(p is None or _safe(p) for p in (node.lower, node.upper, node.step))
    if isinstance(node, ast.Tuple):
        return all(_safe_index(e) for e in node.elts)
    return _safe(node)


def _operand(name: str, value) -> dict:
    return {
        "name": name,
        "shape": list(value.shape),
        "dtype": str(value.dtype).replace("torch.", ""),
        "device": str(value.device),
        "requires_grad": bool(value.requires_grad),
    }
