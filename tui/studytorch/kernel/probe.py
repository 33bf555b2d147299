"""Kernel-side probe: turns what a snippet left in the namespace into small JSON summaries.

This file is never imported by studytorch itself. The bridge sends its source to the kernel,
which runs it as the module `_studytorch_probe`, so it works in any environment that has
ipykernel and torch. It may use the standard library and torch only.
"""

from __future__ import annotations

import io
import linecache
import math
import sys
import tokenize
import traceback
import types

MIME = "application/vnd.studytorch.v1+json"
MAX_TENSORS = 40
MAX_MODULES = 10
MAX_PARAMS = 40
STATS_LIMIT = 1 << 22  # above this many elements, stats come from an evenly spaced sample
HIDDEN = {"In", "Out", "exit", "quit", "get_ipython", "open", "torch", "device", "expect", "track"}

_shell = None
_torch = None
_last_cell = ""
_baseline: dict = {}


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
        _publish(info)
        return
    shell.user_ns.update(torch=torch, device=device)
    _drop_earlier_probe(shell)
    install_live(shell, trace)  # probe_live.py, executed into this module after this file
    install_warn(shell)  # probe_warn.py, likewise; before the baseline, which keeps its helper
    _baseline.update(shell.user_ns)  # after install_live: reset() must keep its helpers
    shell.events.register("pre_run_cell", _before)
    shell.events.register("post_run_cell", _after)
    info["device"] = str(device)
    _publish(info)


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


def _before(info) -> None:
    global _last_cell
    _last_cell = info.raw_cell or ""
    if not _last_cell.startswith("_studytorch_probe."):
        begin_run()


def _after(result) -> None:
    if _last_cell.startswith("_studytorch_probe."):
        return
    for stream in (sys.stdout, sys.stderr):  # the learner's output first, then the summaries
        stream.flush()
    exc = result.error_in_exec or result.error_before_exec
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
                stats["std"] = _number(values.std()) if values.numel() > 1 else 0.0
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
        "len": _safe_len(loader.dataset),
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


def describe_error(exc: BaseException, source: str) -> dict:
    line, frame_ns = _snippet_line(exc)
    lines = source.splitlines()
    if line:
        line += _dropped_lines(source)
    text = lines[line - 1] if line and 0 < line <= len(lines) else None
    return {
        "type": type(exc).__name__,
        "message": str(exc),
        "line": line,
        "line_text": text,
        "operands": _operands(text, frame_ns) if text else [],
    }


def _dropped_lines(source: str) -> int:
    """IPython drops a cell's leading blank lines before compiling it: line numbers need them."""
    return next((i for i, text in enumerate(source.splitlines()) if text.strip()), 0)


def _snippet_line(exc: BaseException) -> tuple[int | None, dict]:
    """The line in the learner's snippet where it failed, not IPython's cell machinery."""
    if isinstance(exc, SyntaxError):
        return exc.lineno, _shell.user_ns
    user_ns = _shell.user_ns
    frames = [f for f, _ in traceback.walk_tb(exc.__traceback__) if f.f_globals is user_ns]
    if not frames:
        return None, user_ns
    cell = frames[0].f_code.co_filename  # the outermost snippet frame is the cell itself
    inner = [f for f in frames if f.f_code.co_filename == cell]
    tb_lines = {id(f): n for f, n in traceback.walk_tb(exc.__traceback__)}
    frame = inner[-1]
    return tb_lines[id(frame)], {**user_ns, **frame.f_locals}


def _operands(text: str, ns: dict) -> list[dict]:
    torch = _torch
    names, seen = [], set()
    try:
        for tok in tokenize.generate_tokens(io.StringIO(text.strip() + "\n").readline):
            if tok.type == tokenize.NAME and tok.string not in seen:
                seen.add(tok.string)
                names.append(tok.string)
    except (tokenize.TokenError, IndentationError):
        return []
    out = []
    for name in names:
        value = ns.get(name)
        if isinstance(value, torch.Tensor):
            out.append(
                {
                    "name": name,
                    "shape": list(value.shape),
                    "dtype": str(value.dtype).replace("torch.", ""),
                    "device": str(value.device),
                }
            )
    return out


def reset() -> None:
    """Forget everything the learner defined; keep torch, device and IPython's own names."""
    ns = _shell.user_ns
    for name in list(ns):
        if name not in _baseline or ns[name] is not _baseline[name]:
            del ns[name]
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
    import gc

    gc.collect()


def prewarm() -> None:
    """Pay torch's lazy first-use costs now (the first optimizer imports torch._dynamo, about a
    second), so a learner's first training step does not stall."""
    torch = _torch
    weight = torch.zeros(1, requires_grad=True)
    torch.optim.SGD([weight], lr=0.1).step()
    for _ in torch.utils.data.DataLoader(torch.utils.data.TensorDataset(weight.detach())):
        pass


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
    except NameError as exc:
        name = getattr(exc, "name", None) or str(exc)
        verdict = {
            "passed": False,
            "message": {
                "en": f"the snippet did not define {name}",
                "ko": f"스니펫에서 {name}을(를) 정의하지 않았습니다",
            },
        }
    except Exception as exc:
        text = f"{type(exc).__name__}: {exc}".strip()
        verdict = {"passed": False, "message": {"en": text, "ko": text}}
    else:
        verdict = {"passed": True, "message": None}
    _publish({"kind": "check", **verdict})
