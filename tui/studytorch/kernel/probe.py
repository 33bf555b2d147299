"""Kernel-side probe: turns what a snippet left in the namespace into small JSON summaries.

This file is never imported by studytorch itself. The bridge sends its source to the kernel,
which runs it as the module `_studytorch_probe`, so it works in any environment that has
ipykernel and torch. It may use the standard library and torch only.
"""

from __future__ import annotations

import ast
import contextlib
import itertools
import linecache
import math
import sys
import types

MIME = "application/vnd.studytorch.v1+json"
MAX_TENSORS = 40
MAX_MODULES = 10
MAX_PARAMS = 40
STATS_LIMIT = 1 << 22  # above this many elements, stats come from an evenly spaced sample
HIDDEN = {"In", "Out", "exit", "quit", "get_ipython", "open", "torch", "nn", "device", "expect"}
HIDDEN |= {"track"}

_shell = None
_torch = None
_last_cell = ""
_baseline: dict = {}
_ready: dict = {}
_streams: dict = {}
PROBE_CELL = "__import__('_studytorch_probe')."
"""How the bridge's own cells begin: they work even after a snippet cleared its globals."""


def install(shell, device_spec: str, trace: bool = True) -> None:
    """Import torch, resolve the device, and summarise after every learner run."""
    global _shell, _torch
    _shell = shell
    import torch

    _torch = torch
    info = {"kind": "ready", "torch": torch.__version__, "python": sys.version.split()[0]}
    info.update(_devices(torch))
    try:
        device = _resolve(torch, device_spec)
    except ValueError as exc:
        info["error"] = str(exc)
        _ready.update(info)
        return
    _drop_earlier_probe(shell)
    install_live(shell, trace)  # probe_live.py, executed into this module after this file
    install_warn(shell)  # probe_warn.py, likewise
    # What every run starts with, as `python snippet.py` would, plus our few names. The probe
    # itself lives in sys.modules and builtins, never in the learner's globals.
    _baseline.update(shell.user_ns)
    _baseline.update(torch=torch, nn=torch.nn, device=device, track=track)
    _baseline.update(exit=_Exit("exit"), quit=_Exit("quit"))
    shell.user_ns.update(_baseline)
    _patch_exit()
    shell.set_custom_exc((KeyboardInterrupt,), _show_interrupt)
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        _streams[name] = (stream, getattr(stream, "pub_thread", None))
    shell.events.register("pre_run_cell", _before)
    shell.events.register("post_run_cell", _after)
    info["device"] = str(device)
    _ready.update(info)
    import gc

    gc.freeze()  # torch's objects: the collection between runs looks only at the learner's


def announce() -> None:
    """Publish what `install` found (torch's version, the devices), for the bridge."""
    _publish(dict(_ready))


class _Exit:
    """exit() and quit() end the snippet as they end a script, not the kernel."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"Use {self.name}() to end the snippet"

    def __call__(self, code=None):
        raise SystemExit(code)


def _show_interrupt(shell, etype, value, tb, tb_offset=None):
    """An interrupt that lands inside the probe's line recorder ends the traceback at the
    learner's line: IPython cannot format a frame of code run from a string."""
    last_learner = None
    entry = tb
    while entry is not None:
        if entry.tb_frame.f_code.co_filename.startswith("<probe"):
            break
        last_learner, entry = entry, entry.tb_next
    if entry is not None and last_learner is not None:
        last_learner.tb_next = None
    shell.showtraceback((etype, value, tb), tb_offset=tb_offset)


def _patch_exit() -> None:
    """os._exit ends the process before the kernel sends what was printed: send it first."""
    import os
    import time

    real = getattr(os._exit, "_studytorch_real", os._exit)

    def _exit(code):
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        time.sleep(0.05)  # the IOPub thread sends in the background
        real(code)

    _exit._studytorch_real = real
    os._exit = _exit


def _drop_earlier_probe(shell) -> None:
    """A kernel attached to again (--existing) still has the last probe's hooks: remove them,
    or every run would be summarised twice and every line recorded twice."""
    mine = globals()["__name__"]
    for event in ("pre_run_cell", "post_run_cell"):
        callbacks = shell.events.callbacks[event]
        callbacks[:] = [cb for cb in callbacks if getattr(cb, "__module__", None) != mine]
    shell.ast_transformers[:] = [t for t in shell.ast_transformers if type(t).__module__ != mine]


def _devices(torch) -> dict:
    cuda = torch.cuda.is_available()
    mps = bool(getattr(torch.backends, "mps", None) and torch.backends.mps.is_available())
    names = (
        [torch.cuda.get_device_name(i) for i in range(torch.cuda.device_count())] if cuda else []
    )
    return {"cuda": cuda, "cuda_devices": names, "mps": mps}


def _resolve(torch, spec: str):
    spec = (spec or "auto").strip().lower()
    if spec == "auto":
        if torch.cuda.is_available():
            return torch.device("cuda")
        mps = getattr(torch.backends, "mps", None)
        return torch.device("mps" if mps and mps.is_available() else "cpu")
    try:
        device = torch.device(spec)
    except RuntimeError:
        raise ValueError(f"unknown device {spec!r}: use auto, cpu, cuda, cuda:N or mps") from None
    if device.type == "cuda":
        if not torch.cuda.is_available():
            raise ValueError(
                f"device {spec!r} asked for, but this torch ({torch.__version__}) sees no CUDA GPU"
            )
        count = torch.cuda.device_count()
        if device.index is not None and device.index >= count:
            raise ValueError(f"device {spec!r} asked for, but only {count} CUDA GPU(s) exist")
    elif device.type == "mps":
        mps = getattr(torch.backends, "mps", None)
        if not (mps and mps.is_available()):
            raise ValueError(f"device {spec!r} asked for, but MPS is not available here")
    elif device.type != "cpu":
        raise ValueError(f"unsupported device {spec!r}: use auto, cpu, cuda, cuda:N or mps")
    return device


def _publish(payload: dict) -> None:
    from IPython.display import publish_display_data

    publish_display_data({MIME: payload})


def _probe_cell(cell: str) -> bool:
    return cell.startswith((PROBE_CELL, "_studytorch_probe."))


def _before(info) -> None:
    global _last_cell
    _last_cell = info.raw_cell or ""
    if not _probe_cell(_last_cell):
        _name_the_snippet()
        fresh_namespace()
        _fresh_streams()
        begin_run()


def _after(result) -> None:
    if _probe_cell(_last_cell):
        return
    for stream in (sys.stdout, sys.stderr):  # the learner's output first, then the summaries
        with contextlib.suppress(Exception):  # a snippet closed it; the next run gets a fresh one
            stream.flush()
    exc = result.error_in_exec or result.error_before_exec
    if isinstance(exc, SystemExit) and exc.code in (None, 0):
        exc = None  # sys.exit(0) ends a script without an error
    late = _wait_for_gpu()
    if late is not None:
        # CUDA's errors are sticky: the GPU is unusable in this kernel from now on, so no
        # summaries, only the error. `late_error`: the snippet itself ended without one (CUDA
        # reports late), and the bridge makes it this run's error.
        failed = exc if exc is not None else late
        try:
            error = describe_error(failed, _last_cell)
        except Exception:  # the probe must never hide the learner's error
            error = {"type": type(failed).__name__, "message": str(failed), "line": None}
        abandon_run()
        _publish({"kind": "run", "error": error, "late_error": exc is None, "gpu_broken": True})
        return
    try:
        payload = summarize(_shell.user_ns)
        payload["error"] = describe_error(exc, _last_cell) if exc is not None else None
        end_run(payload, _shell.user_ns)
        try:
            payload["warnings"] = find_warnings(_shell.user_ns, payload)  # probe_warn.py
        except Exception as warn_exc:  # a warning must never cost the learner the summary
            payload["warnings"] = []
            payload["warn_error"] = f"{type(warn_exc).__name__}: {warn_exc}"
        for item in payload.get("lines", []):
            item["line"] += _dropped_lines(_last_cell)
    except Exception as exc:  # the probe must never break the learner's kernel
        payload = {"kind": "run", "probe_error": f"{type(exc).__name__}: {exc}"}
    _publish(payload)


def _name_the_snippet() -> None:
    """Tracebacks and syntax errors name the learner's file ("snippet.py", or the file given to
    `studytorch run`), not IPython's temporary one. The bridge sends the name as metadata."""
    try:
        metadata = (_shell.get_parent() or {}).get("metadata") or {}
        name = (metadata.get("studytorch") or {}).get("filename")
    except Exception:
        return
    if name:
        _shell.compile.get_code_name = lambda raw, transformed, number: str(name)


def _fresh_streams() -> None:
    """A snippet that closed sys.stdout must not silence every later run."""
    for name, (stream, thread) in _streams.items():
        if getattr(stream, "closed", False) and thread is not None:
            stream.pub_thread = thread  # ipykernel's OutStream.close() only dropped this
        setattr(sys, name, stream)


def _wait_for_gpu() -> BaseException | None:
    """Let queued GPU work finish, so the run's time includes it and an error it raises (a
    device-side assert, say) belongs to the run that caused it rather than the next one."""
    torch = _torch
    if not torch.cuda.is_initialized():
        return None
    try:
        torch.cuda.synchronize()
    except Exception as exc:
        return exc
    return None


# --- summaries ---------------------------------------------------------------------------


def summarize(ns: dict) -> dict:
    torch = _torch
    tensors, modules, optimizers, data = [], [], [], []
    for name, value in list(ns.items()):
        if name.startswith("_") or name in HIDDEN or isinstance(value, types.ModuleType):
            continue
        if isinstance(value, torch.Tensor):
            tensors.append(name)
        elif isinstance(value, torch.nn.Module):
            modules.append(name)
        elif isinstance(value, torch.optim.Optimizer):
            optimizers.append(optimizer_summary(name, value))
        elif isinstance(value, torch.utils.data.DataLoader):
            data.append(loader_summary(name, value))
        elif isinstance(value, torch.utils.data.Dataset):
            data.append(
                {
                    "name": name,
                    "kind": "dataset",
                    "type": type(value).__name__,
                    "len": _safe_len(value),
                }
            )
    # Past the limits keep the names defined last: they are what the learner just wrote.
    tensors = [tensor_summary(name, ns[name]) for name in tensors[-MAX_TENSORS:]]
    modules = [module_summary(name, ns[name]) for name in modules[-MAX_MODULES:]]
    _mark_shared_storage(tensors, ns)
    return {
        "kind": "run",
        "tensors": tensors,
        "modules": modules,
        "optimizers": optimizers,
        "data": data,
    }


def tensor_summary(name: str, t) -> dict:
    out = {
        "name": name,
        "shape": list(t.shape),
        "dtype": str(t.dtype).replace("torch.", ""),
        "device": str(t.device),
        "requires_grad": bool(t.requires_grad),
        "is_leaf": bool(t.is_leaf),
        "grad_fn": type(t.grad_fn).__name__ if t.grad_fn is not None else None,
        "grad": None,
        "numel": t.numel(),
        "stride": list(t.stride()) if t.layout == _torch.strided else None,
        "contiguous": bool(t.is_contiguous()) if t.layout == _torch.strided else None,
        "shares_with": [],
    }
    if t.is_leaf and t.requires_grad and t.grad is not None:
        g = t.grad
        out["grad"] = {"shape": list(g.shape), "norm": _number(g.detach().float().norm())}
    out["stats"] = _stats(t)
    out["preview"] = _preview(t)
    return out


def _stats(t) -> dict | None:
    torch = _torch
    if t.numel() == 0 or t.layout != torch.strided or t.is_complex() or t.device.type == "meta":
        return None
    with torch.no_grad():
        flat = t.detach().reshape(-1)
        sampled = flat.numel() > STATS_LIMIT
        if sampled:
            flat = flat[:: math.ceil(flat.numel() / STATS_LIMIT)]
        if flat.dtype == torch.bool:
            flat = flat.to(torch.uint8)
        stats = {"min": _number(flat.min()), "max": _number(flat.max()), "sampled": sampled}
        if flat.is_floating_point():
            finite = torch.isfinite(flat)
            stats["nan"] = int(torch.isnan(flat).sum())
            stats["inf"] = int((~finite).sum()) - stats["nan"]
            values = flat[finite].float() if stats["nan"] or stats["inf"] else flat.float()
            if values.numel():
                stats["mean"] = _number(values.mean())
                if values.numel() > 1:  # the spread of one value is undefined, not 0
                    stats["std"] = _number(values.std())
        else:
            stats["mean"] = _number(flat.float().mean())
        return stats


def _preview(t) -> str:
    torch = _torch
    opts = torch._tensor_str.PRINT_OPTS
    saved = (opts.threshold, opts.edgeitems, opts.precision, opts.linewidth)
    try:
        torch.set_printoptions(threshold=64, edgeitems=3, precision=4, linewidth=72)
        text = repr(t.detach())
    except Exception as exc:
        text = f"<no preview: {type(exc).__name__}>"
    finally:
        opts.threshold, opts.edgeitems, opts.precision, opts.linewidth = saved
    return text if len(text) <= 1200 else text[:1200] + " ..."


def _mark_shared_storage(tensors: list[dict], ns: dict) -> None:
    by_storage: dict[int, list[str]] = {}
    for summary in tensors:
        t = ns[summary["name"]]
        try:
            key = t.untyped_storage().data_ptr()
        except Exception:
            continue
        if key:
            by_storage.setdefault(key, []).append(summary["name"])
    for summary in tensors:
        for names in by_storage.values():
            if summary["name"] in names and len(names) > 1:
                summary["shares_with"] = [n for n in names if n != summary["name"]]


def module_summary(name: str, m) -> dict:
    params = []
    for pname, p in list(m.named_parameters())[:MAX_PARAMS]:
        grad = p.grad
        params.append(
            {
                "name": pname,
                "shape": list(p.shape),
                "requires_grad": bool(p.requires_grad),
                "grad_norm": _number(grad.detach().float().norm()) if grad is not None else None,
                "numel": p.numel(),
            }
        )
    total = sum(p.numel() for p in m.parameters())
    trainable = sum(p.numel() for p in m.parameters() if p.requires_grad)
    return {
        "name": name,
        "type": type(m).__name__,
        "parameters": params,
        "total": total,
        "trainable": trainable,
        "training": bool(m.training),
    }


def optimizer_summary(name: str, opt) -> dict:
    groups = [{"lr": _number(g.get("lr")), "params": len(g["params"])} for g in opt.param_groups]
    return {"name": name, "type": type(opt).__name__, "param_groups": groups}


def loader_summary(name: str, loader) -> dict:
    torch = _torch
    return {
        "name": name,
        "kind": "dataloader",
        "dataset": type(loader.dataset).__name__,
        "len": _safe_len(loader),
        "dataset_len": _safe_len(loader.dataset),
        "batch_size": loader.batch_size,
        "shuffle": isinstance(loader.sampler, torch.utils.data.RandomSampler),
        "drop_last": bool(loader.drop_last),
        "num_workers": loader.num_workers,
        "batches": _safe_len(loader),
    }


def _safe_len(obj) -> int | None:
    try:
        return len(obj)
    except Exception:
        return None


def _number(value) -> float | None:
    if value is None:
        return None
    value = float(value)
    return value if math.isfinite(value) else str(value)


# --- errors -------------------------------------------------------------------------------

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
    dropped = _dropped_lines(source)
    line = place[0] + dropped if place and place[0] else None
    lines = source.splitlines()
    text = lines[line - 1] if line and 0 < line <= len(lines) else None
    error = {
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


def _dropped_lines(source: str) -> int:
    """IPython drops a cell's leading blank lines before compiling it: line numbers need them."""
    return next((i for i, text in enumerate(source.splitlines()) if text.strip()), 0)


def _snippet_place(exc: BaseException):
    """(line, positions, namespace) of the innermost frame of the learner's own code, where
    positions are (line, end_line, col, end_col) of the expression that raised (Python 3.11+)."""
    if isinstance(exc, SyntaxError):
        return (exc.lineno, None, _shell.user_ns) if exc.lineno else None
    user_ns = _shell.user_ns
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
    return tb.tb_lineno, positions, {**user_ns, **frame.f_locals}


def _failing_call(source: str, line: int, positions, ns: dict):
    """The call or operator that raised, as source text, and its tensor operands' summaries."""
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
    operands = []
    for part in parts:
        for name, value in _operand_values(source, part, ns):
            operands.append(_operand(name, value))
    return ast.get_source_segment(source, node), operands


def _is_block(statement: ast.stmt) -> bool:
    return isinstance(
        statement, (ast.For, ast.While, ast.If, ast.With, ast.FunctionDef, ast.ClassDef, ast.Try)
    )


def _operand_values(source: str, part: ast.expr, ns: dict) -> list:
    """A tensor operand's value, re-evaluated only when that is safe (names, attributes,
    subscripts and pure tensor methods); a list or tuple of tensors counts element-wise."""
    torch = _torch
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


def fresh_namespace() -> None:
    """Every run starts as `python snippet.py` would: the baseline names and nothing else."""
    ns = _shell.user_ns
    had_learner_values = any(
        name not in _baseline or ns[name] is not _baseline[name] for name in ns
    )
    ns.clear()
    ns.update(_baseline)
    # Output history (Out, _, __, ___, _N) would keep the learner's tensors, and GPU memory, alive.
    hook = _shell.displayhook
    hook._ = hook.__ = hook.___ = ""
    for store in (ns, _shell.user_ns_hidden):
        for name in list(store):
            if name[:1] == "_" and name[1:].isdigit():
                del store[name]
        for name in ("_", "__", "___"):
            if name in store:
                store[name] = ""
    if isinstance(ns.get("_oh"), dict):
        ns["_oh"].clear()
    # IPython keeps the last result, and Python the last error with its frames: both would
    # keep the previous run's tensors alive.
    _shell.last_execution_result = None
    for name in ("last_type", "last_value", "last_traceback", "last_exc"):
        if hasattr(sys, name):
            setattr(sys, name, None)
    if had_learner_values:
        import gc

        gc.collect()  # reference cycles (a module and its hooks) would hold memory until later


reset = fresh_namespace
"""The bridge's name for it (between steps of `studytorch check`)."""


_prewarm_lock = __import__("threading").Lock()
_prewarmed = False


def prewarm() -> None:
    """Pay torch's lazy first-use costs now (the first optimizer imports torch._dynamo, about a
    second), so a learner's first training step does not stall. Runs once; boot.py starts it
    in a thread, so a second caller waits for that one."""
    global _prewarmed
    with _prewarm_lock:
        if _prewarmed:
            return
        torch = _torch
        weight = torch.zeros(1, requires_grad=True)
        torch.optim.SGD([weight], lr=0.1).step()
        for _ in torch.utils.data.DataLoader(torch.utils.data.TensorDataset(weight.detach())):
            pass
        _prewarmed = True
        import gc

        gc.freeze()  # torch's own objects: later collections between runs skip them


# --- checks -------------------------------------------------------------------------------


class CheckFailed(AssertionError):
    def __init__(self, en: str, ko: str | None = None) -> None:
        super().__init__(en)
        self.en = en
        self.ko = ko or en


def expect(condition, en: str, ko: str | None = None) -> None:
    """Fail the check with a message for the learner, in English and Korean."""
    if not condition:
        raise CheckFailed(en, ko)


def check(source: str) -> None:
    """Run a lesson's check against a copy of the learner's namespace and publish the verdict."""
    ns = dict(_shell.user_ns)
    ns["expect"] = expect
    filename = "<check>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    try:
        exec(compile(source, filename, "exec"), ns)
    except CheckFailed as exc:
        verdict = {"passed": False, "message": {"en": exc.en, "ko": exc.ko}}
    except NameError as exc:  # our words, by key: the app's catalogue says them
        name = getattr(exc, "name", None) or str(exc)
        verdict = {"passed": False, "key": "check.undefined", "params": {"name": name}}
    except Exception as exc:
        text = f"{type(exc).__name__}: {exc}".strip()
        verdict = {"passed": False, "key": "check.raised", "params": {"error": text}}
    else:
        verdict = {"passed": True, "message": None}
    _publish({"kind": "check", **verdict})
