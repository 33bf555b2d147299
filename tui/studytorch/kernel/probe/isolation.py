"""A run sees the process as `python snippet.py` would: what a snippet changed in the kernel
process (cwd, sys.path, the environment, torch's global settings, patched modules) is put back.

Kernel-side, standard library and torch only. `capture` records the process just before the
first learner run; `restore` puts it back after every learner run (before its check, so a check
never uses a function the snippet replaced) and again before the next run. What cannot be put
back (a thread still running, a torch mode left entered) is named in `Report.unrestorable`, and
the bridge swaps to its warm spare kernel before the next run. Patched functions of torch,
builtins or the probe itself are named in `Report.tampered`: such a run's check does not pass.
"""

from __future__ import annotations

import contextlib
import logging
import os
import random
import signal
import sys
import threading
import time
import types
import warnings
from typing import Any

MODULES = (
    "builtins",
    "math",
    "os",
    "os.path",
    "random",
    "warnings",
    "torch",
    "torch.nn",
    "torch.nn.functional",
    "torch.nn.init",
    "torch.optim",
    "torch.utils.data",
    "torch.autograd",
    "torch.linalg",
    "torch.testing",
)
"""Modules whose functions a snippet might replace (`torch.allclose = ...`): put back after."""
CLASSES = (
    "torch.Tensor",
    "torch.nn.Module",
    "torch.nn.Parameter",
    "torch.optim.Optimizer",
    "torch.utils.data.DataLoader",
    "torch.utils.data.Dataset",
)
"""Classes whose methods a snippet might replace or shadow (`torch.Tensor.__eq__ = ...`)."""
# SIGINT is not among the signals: ipykernel sets it around every request itself.
TRUSTED = ("torch", "builtins", "_studytorch_probe")
"""A replaced function under these names makes the run's check untrustworthy."""
SIGNALS = ("SIGTERM", "SIGHUP", "SIGALRM", "SIGUSR1", "SIGUSR2", "SIGCHLD", "SIGPIPE")
PROBE = "_studytorch_probe"

_MISSING = object()


class Report:
    """What `restore` found changed: put back, impossible to put back, and trust-breaking."""

    def __init__(self) -> None:
        self.restored: list[str] = []
        self.unrestorable: list[str] = []
        self.tampered: list[str] = []
        self.seconds = 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "restored": self.restored[:40],
            "unrestorable": self.unrestorable[:40],
            "tampered": self.tampered[:40],
            "ms": round(self.seconds * 1000, 3),
        }


class _Setting:
    """One global setting: read it, and write it back."""

    def __init__(self, name: str, get: Any, put: Any) -> None:
        self.name, self.get, self.put = name, get, put


class Baseline:
    """The process as it was when the probe was installed."""

    def __init__(self) -> None:
        self.cwd = os.getcwd()
        self.path = list(sys.path)
        self.environ = dict(os.environ)
        self.argv = list(sys.argv)
        self.umask = _umask()
        self.limits = (sys.getrecursionlimit(), sys.getswitchinterval())
        self.hooks = {name: getattr(sys, name, None) for name in _SYS_HOOKS}
        self.trace = (sys.gettrace(), sys.getprofile())
        self.gc = _gc_state()
        self.filters = list(warnings.filters)
        root = logging.getLogger()
        self.logging = (root.level, list(root.handlers), logging.root.manager.disable)
        self.signals = {}
        for name in SIGNALS:
            number = getattr(signal, name, None)
            if number is not None:
                self.signals[number] = signal.getsignal(number)
        self.threads = set(threading.enumerate())  # objects: a finished thread's ident is reused
        self.modules = set(sys.modules)
        self.probe = {n: m for n, m in sys.modules.items() if n.split(".")[0] == PROBE}
        self.settings = _torch_settings()
        self.values = {s.name: _read(s) for s in self.settings}
        self.stacks = _mode_stacks()
        self.hook_dicts = _global_hook_dicts()
        self.saved_hooks = {name: dict(d) for name, d in self.hook_dicts.items()}
        self.owners = _owners()
        self.attributes = {name: _callables(owner) for name, owner in self.owners.items()}


_SYS_HOOKS = ("stdin", "breakpointhook", "unraisablehook")
"""IPython swaps displayhook and excepthook around every cell itself: those are not ours."""
_KERNEL_BUILTINS = frozenset({"input", "raw_input", "exit", "quit", "get_ipython", "display"})
"""Builtins ipykernel and IPython swap around each request (input goes to the front end)."""
_baseline: Baseline | None = None
last: Report = Report()
"""The report of the last learner run (a check reads `tampered` from it)."""


def capture() -> None:
    """Record the process as every run must find it (once the probe is installed)."""
    global _baseline
    _baseline = Baseline()


def captured() -> bool:
    return _baseline is not None


def recapture() -> None:
    """Accept what our own warm-up added or replaced (torch._dynamo wraps `manual_seed`, sets
    warning filters) into the baseline; only between runs, when the process was just put back."""
    base = _baseline
    if base is not None:
        base.owners = _owners()
        base.attributes = {name: _callables(owner) for name, owner in base.owners.items()}
        base.modules = set(sys.modules)
        base.environ = dict(os.environ)
        base.filters = list(warnings.filters)
        base.threads = set(threading.enumerate())


def fresh_randomness() -> None:
    """A fresh process starts its random generators from fresh seeds, not from the last run's
    `manual_seed`: reseed them, as `python snippet.py` would find them."""
    random.seed()
    torch = sys.modules.get("torch")
    if torch is not None:
        torch.seed()  # every device's default generator
    numpy = sys.modules.get("numpy")
    if numpy is not None:
        with contextlib.suppress(Exception):
            numpy.random.seed()


def restore() -> Report:
    """Put the process back as `capture` found it; what was changed, in a Report."""
    global last
    report = Report()
    base = _baseline
    if base is None:
        return report
    started = time.perf_counter()
    for step in (
        _restore_settings,  # first: set_default_dtype rebinds torch.Storage itself
        _restore_functions,
        _restore_process,
        _restore_sys,
        _restore_hooks,
        _check_leftovers,
    ):
        try:
            step(base, report)
        except Exception as exc:  # never lose the run's summary over it; a fresh kernel will do
            report.unrestorable.append(f"{step.__name__[1:]}: {type(exc).__name__}: {exc}")
    report.seconds = time.perf_counter() - started
    last = report
    return report


# --- patched functions --------------------------------------------------------------------


def _owners() -> dict[str, Any]:
    owners: dict[str, Any] = {}
    for name in MODULES:
        module = sys.modules.get(name)
        if module is not None:
            owners[name] = module
    for name in CLASSES:
        owner = _lookup(name)
        if owner is not None:
            owners[name] = owner
    for name, module in sys.modules.items():
        if name.split(".")[0] == PROBE and isinstance(module, types.ModuleType):
            owners[name] = module
    return owners


def _lookup(dotted: str) -> Any:
    module, _, attr = dotted.rpartition(".")
    return getattr(sys.modules.get(module), attr, None)


def _callables(owner: Any) -> dict[str, Any]:
    """The functions and classes `owner` holds by public or dunder name: what a snippet would
    replace. Private globals are left alone (torch rebinds its own caches as it runs)."""
    found = {}
    for name, value in list(vars(owner).items()):
        if name[:1] == "_" and not (name[:2] == "__" == name[-2:]):
            continue
        if callable(value) and not isinstance(value, types.ModuleType):
            found[name] = value
    return found


def _restore_functions(base: Baseline, report: Report) -> None:
    for name, module in base.probe.items():  # the probe itself, replaced in sys.modules
        if sys.modules.get(name) is not module:
            sys.modules[name] = module
            report.tampered.append(f"sys.modules[{name!r}]")
    for owner_name, saved in base.attributes.items():
        owner = base.owners[owner_name]
        current = vars(owner)
        is_class = isinstance(owner, type)
        for name, value in saved.items():
            now = current.get(name, _MISSING)
            if now is not value:
                if owner_name == "builtins" and name in _KERNEL_BUILTINS:
                    continue
                if _torch_made(now):  # torch wrapped its own function (torch._dynamo's import)
                    saved[name] = now
                    continue
                setattr(owner, name, value)
                _changed(report, f"{owner_name}.{name}")
        if is_class or owner_name == "builtins":
            for name in [n for n in current if n not in saved]:
                value = current[name]
                if owner_name == "builtins" and name in _KERNEL_BUILTINS:
                    continue
                if name[:1] == "_" and not (name[:2] == "__" == name[-2:]):
                    continue
                if not callable(value) or isinstance(value, types.ModuleType):
                    continue
                delattr(owner, name)  # a method or builtin the snippet added
                _changed(report, f"{owner_name}.{name}")


def _torch_made(value: Any) -> bool:
    """A function defined in torch's own code: torch replacing its own, not the snippet."""
    module = getattr(value, "__module__", None) or ""
    code = getattr(value, "__code__", None)
    made_in_torch = module == "torch" or module.startswith("torch.")
    # A lambda the learner wrote says __main__ (or nothing); one of torch's says torch.
    return made_in_torch and (code is None or "site-packages" in code.co_filename)


def _changed(report: Report, name: str) -> None:
    report.restored.append(name)
    if name.split(".")[0] in TRUSTED:
        report.tampered.append(name)


# --- the process --------------------------------------------------------------------------


def _restore_process(base: Baseline, report: Report) -> None:
    try:
        cwd = os.getcwd()
    except OSError:  # the snippet removed its working folder
        cwd = None
    if cwd != base.cwd:
        os.chdir(base.cwd)
        report.restored.append("cwd")
    if os.environ != base.environ:
        for name in [n for n in os.environ if n not in base.environ]:
            del os.environ[name]
        for name, value in base.environ.items():
            if os.environ.get(name) != value:
                os.environ[name] = value
        report.restored.append("os.environ")
    if _umask() != base.umask:
        os.umask(base.umask)
        report.restored.append("umask")
    for number, handler in base.signals.items():
        if signal.getsignal(number) is not handler and handler is not None:
            signal.signal(number, handler)
            report.restored.append(f"signal {signal.Signals(number).name}")
    if hasattr(signal, "setitimer") and signal.getitimer(signal.ITIMER_REAL)[0]:
        signal.setitimer(signal.ITIMER_REAL, 0)  # an alarm would interrupt a later run
        report.restored.append("signal.alarm")


def _umask() -> int:
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


def _gc_state() -> tuple[bool, tuple[int, ...]]:
    import gc

    return gc.isenabled(), gc.get_threshold()


def _restore_sys(base: Baseline, report: Report) -> None:
    import gc

    if sys.path != base.path:
        sys.path[:] = base.path
        report.restored.append("sys.path")
    if sys.argv != base.argv:
        sys.argv[:] = base.argv
        report.restored.append("sys.argv")
    if (sys.getrecursionlimit(), sys.getswitchinterval()) != base.limits:
        sys.setrecursionlimit(base.limits[0])
        sys.setswitchinterval(base.limits[1])
        report.restored.append("sys.setrecursionlimit")
    for name, value in base.hooks.items():
        if getattr(sys, name, None) is not value:
            setattr(sys, name, value)
            report.restored.append(f"sys.{name}")
    if (sys.gettrace(), sys.getprofile()) != base.trace:
        sys.settrace(base.trace[0])
        sys.setprofile(base.trace[1])
        report.restored.append("sys.settrace")
    if _gc_state() != base.gc:
        (gc.enable if base.gc[0] else gc.disable)()
        gc.set_threshold(*base.gc[1])
        report.restored.append("gc")
    if warnings.filters != base.filters:
        warnings.filters[:] = base.filters  # type: ignore[index]
        warnings._filters_mutated()  # type: ignore[attr-defined]
        report.restored.append("warnings.filters")
    root = logging.getLogger()
    if (root.level, root.handlers, logging.root.manager.disable) != base.logging:
        root.setLevel(base.logging[0])
        root.handlers[:] = base.logging[1]
        logging.disable(base.logging[2])
        report.restored.append("logging")
    _forget_own_modules(base, report)


def _forget_own_modules(base: Baseline, report: Report) -> None:
    """A module the learner wrote (beside the snippet, or on a path the snippet added) is read
    again by the next run, as a new process would, so an edit to it is seen."""
    new = sys.modules.keys() - base.modules
    if not new:
        return
    roots = [os.path.realpath(base.cwd)]
    shipped = [os.path.realpath(p) for p in {sys.prefix, sys.base_prefix, sys.exec_prefix}]
    for name in new:
        path = getattr(sys.modules.get(name), "__file__", None)
        real = os.path.realpath(path) if path else ""
        installed = not real or any(real.startswith(p + os.sep) for p in shipped)
        if installed or not (
            any(real.startswith(root + os.sep) for root in roots) or "site-packages" not in real
        ):
            base.modules.add(name)  # a library: kept, as imported once, and not looked at again
            continue
        del sys.modules[name]
        report.restored.append(f"import {name}")


# --- torch ---------------------------------------------------------------------------------


def _torch_settings() -> list[_Setting]:
    torch = sys.modules.get("torch")
    if torch is None:
        return []
    settings = [
        _Setting("default dtype", torch.get_default_dtype, torch.set_default_dtype),
        _Setting("grad mode", torch.is_grad_enabled, torch.set_grad_enabled),
        _Setting(
            "anomaly mode",
            lambda: (torch.is_anomaly_enabled(), torch.is_anomaly_check_nan_enabled()),
            lambda v: torch.set_anomaly_enabled(*v),
        ),
        _Setting(
            "deterministic algorithms",
            lambda: (
                torch.are_deterministic_algorithms_enabled(),
                torch.is_deterministic_algorithms_warn_only_enabled(),
            ),
            lambda v: torch.use_deterministic_algorithms(v[0], warn_only=v[1]),
        ),
        _Setting("threads", torch.get_num_threads, torch.set_num_threads),
        _Setting(
            "float32 matmul precision",
            torch.get_float32_matmul_precision,
            torch.set_float32_matmul_precision,
        ),
        _Setting("print options", _print_options, _set_print_options),
    ]
    if hasattr(torch, "get_default_device"):
        settings.append(
            _Setting("default device", lambda: str(torch.get_default_device()), _set_device)
        )
    if hasattr(torch, "is_warn_always_enabled"):
        settings.append(
            _Setting("warn always", torch.is_warn_always_enabled, torch.set_warn_always)
        )
    for owner, attr in (
        ("torch.backends.cudnn", "enabled"),
        ("torch.backends.cudnn", "benchmark"),
        ("torch.backends.cudnn", "deterministic"),
        ("torch.backends.cudnn", "allow_tf32"),
        ("torch.backends.cuda.matmul", "allow_tf32"),
        ("torch.backends.cuda.matmul", "allow_fp16_reduced_precision_reduction"),
        ("torch.backends.mkldnn", "enabled"),
    ):
        settings.append(_flag(owner, attr))
    return settings


def _flag(owner: str, attr: str) -> _Setting:
    def holder() -> Any:
        value: Any = sys.modules["torch"]
        for part in owner.split(".")[1:]:
            value = getattr(value, part)
        return value

    return _Setting(
        f"{owner}.{attr}",
        lambda: getattr(holder(), attr),
        lambda v: setattr(holder(), attr, v),
    )


def _print_options() -> tuple[Any, ...]:
    opts = sys.modules["torch"]._tensor_str.PRINT_OPTS
    return (opts.precision, opts.threshold, opts.edgeitems, opts.linewidth, opts.sci_mode)


def _set_print_options(value: tuple[Any, ...]) -> None:
    opts = sys.modules["torch"]._tensor_str.PRINT_OPTS
    opts.precision, opts.threshold, opts.edgeitems, opts.linewidth, opts.sci_mode = value


def _set_device(value: str) -> None:
    torch = sys.modules["torch"]
    torch.set_default_device(None if value == "cpu" else value)


def _read(setting: _Setting) -> Any:
    try:
        return setting.get()
    except Exception:
        return _MISSING


def _restore_settings(base: Baseline, report: Report) -> None:
    for setting in base.settings:
        saved = base.values[setting.name]
        if saved is _MISSING:
            continue
        now = _read(setting)
        if now == saved:
            continue
        try:
            setting.put(saved)
        except Exception:
            report.unrestorable.append(f"torch {setting.name}")
            continue
        report.restored.append(f"torch {setting.name}")
    stacks = _mode_stacks()
    if stacks != base.stacks:
        report.unrestorable.append("a torch mode left entered (`with` without its end)")
    torch = sys.modules.get("torch")
    if torch is not None:
        if torch.is_inference_mode_enabled():
            report.unrestorable.append("torch inference mode left on")
        try:
            autocast = torch.is_autocast_enabled("cpu")
        except Exception:
            autocast = False
        if autocast:
            report.unrestorable.append("torch autocast left on")


def _mode_stacks() -> tuple[int, int]:
    torch = sys.modules.get("torch")
    if torch is None:
        return (0, 0)
    c = torch._C
    functions = c._len_torch_function_stack() if hasattr(c, "_len_torch_function_stack") else 0
    dispatch = c._len_torch_dispatch_stack() if hasattr(c, "_len_torch_dispatch_stack") else 0
    return (functions, dispatch)


def _global_hook_dicts() -> dict[str, dict[Any, Any]]:
    """torch.nn's global module hooks (`register_module_forward_hook`): they outlive a run."""
    module = sys.modules.get("torch.nn.modules.module")
    if module is None:
        return {}
    return {
        name: value
        for name, value in vars(module).items()
        if name.startswith("_global_") and isinstance(value, dict)
    }


def _restore_hooks(base: Baseline, report: Report) -> None:
    for name, hooks in base.hook_dicts.items():
        saved = base.saved_hooks[name]
        if hooks.keys() != saved.keys():
            hooks.clear()
            hooks.update(saved)
            report.restored.append(f"torch.nn global hooks ({name})")


def _check_leftovers(base: Baseline, report: Report) -> None:
    """A thread the snippet started is still running: a new process would not have it, and
    nothing short of a fresh process ends it."""
    for thread in threading.enumerate():
        if thread not in base.threads and thread.is_alive():
            if thread.name.startswith("studytorch"):
                continue
            report.unrestorable.append(f"thread {thread.name!r} still running")
