"""The probe's place in the kernel: install it, and around every learner run clear the
namespace before and publish the run's summary after."""

from __future__ import annotations

import ast
import contextlib
import gc
import sys
import warnings
from typing import Any

from . import (
    errors,
    isolation,
    live,
    mistakes,
    namespace,
    scratch,
    silent,
    state,
    summaries,
    watch,
)
from .devices import devices, resolve
from .metrics import track


def install(shell: Any, device_spec: str, trace: bool = True) -> None:
    """Import torch, resolve the device, and summarise after every learner run."""
    state.shell = shell
    import torch

    info = {"kind": "ready", "torch": torch.__version__, "python": sys.version.split()[0]}
    info.update(devices(torch))
    try:
        device = resolve(torch, device_spec)
    except ValueError as exc:
        info["error"] = str(exc)
        state.ready.update(info)
        return
    _drop_earlier_probe(shell)
    live.install_live(shell, trace)
    watch.install_warn(shell)
    silent.install()  # after watch: the silent-mistake hooks record into what watch sees
    # What every run starts with, as `python snippet.py` would, plus our few names. The probe
    # itself lives in sys.modules and builtins, never in the learner's globals.
    baseline = state.baseline
    baseline.update(shell.user_ns)
    baseline.update(torch=torch, nn=torch.nn, device=device, track=track)
    baseline.update(exit=namespace.Exit("exit"), quit=namespace.Exit("quit"))
    shell.user_ns.update(baseline)
    namespace.patch_exit()
    # Our summaries are strict JSON; should a float ever slip through, jupyter_client's own
    # complaint must not land in the learner's output.
    warnings.filterwarnings("ignore", message="Message serialization failed")
    shell.set_custom_exc((KeyboardInterrupt,), namespace.show_interrupt)
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        namespace.guard_stream(stream)
        state.streams[name] = (stream, getattr(stream, "pub_thread", None))
    shell.ast_transformers.append(_StopIfInterrupted())
    shell.events.register("pre_run_cell", before)
    shell.events.register("post_run_cell", after)
    info["device"] = str(device)
    state.ready.update(info)
    namespace.keep_output_on_close()
    gc.freeze()  # torch's objects: the collection between runs looks only at the learner's


def announce() -> None:
    """Publish what `install` found (torch's version, the devices), for the bridge."""
    state.publish(dict(state.ready))


def _ours(module: object) -> bool:
    name = str(module or "")
    return name == state.PACKAGE or name.startswith(state.PACKAGE + ".")


def _drop_earlier_probe(shell: Any) -> None:
    """A kernel attached to again (--existing) still has the last probe's hooks: remove them,
    or every run would be summarised twice and every line recorded twice."""
    for event in ("pre_run_cell", "post_run_cell"):
        callbacks = shell.events.callbacks[event]
        callbacks[:] = [cb for cb in callbacks if not _ours(getattr(cb, "__module__", None))]
    shell.ast_transformers[:] = [t for t in shell.ast_transformers if not _ours(type(t).__module__)]


def probe_cell(cell: str) -> bool:
    """One of the bridge's own cells (announce, check, reset), not a learner run."""
    return cell.startswith((state.PROBE_CELL, state.PACKAGE + "."))


def before(info: Any) -> None:
    state.last_cell = info.raw_cell or ""
    _StopIfInterrupted.armed = False  # a cell that failed to compile never disarmed it
    if not probe_cell(state.last_cell):
        try:
            namespace.after_prewarm()
        except KeyboardInterrupt:
            # F8 while the first run waits for the warm-up: IPython would print the interrupt
            # as an error of this hook and run the cell anyway, so the cell stops itself.
            _StopIfInterrupted.armed = True
        # The first run records the process as every run must find it (inside a cell, where
        # IPython and ipykernel have set up what they set up per request); later runs put
        # back anything the bridge's own cells changed since the last run's end.
        isolation.restore() if isolation.captured() else isolation.capture()
        isolation.fresh_randomness()
        scratch.begin()
        namespace.name_the_snippet()
        namespace.fresh_namespace()
        namespace.fresh_streams()
        live.begin_run()


class _StopIfInterrupted(ast.NodeTransformer):
    """Makes the cell an interrupted run, stopped before its first line, when `before` was
    interrupted (IPython compiles the cell after its pre_run_cell hooks)."""

    armed = False

    def visit_Module(self, node: ast.Module) -> ast.Module:
        if not _StopIfInterrupted.armed:
            return node
        _StopIfInterrupted.armed = False
        stop = ast.Raise(exc=ast.Name("KeyboardInterrupt", ast.Load()), lineno=1, col_offset=0)
        return ast.fix_missing_locations(ast.Module(body=[stop], type_ignores=[]))


def after(result: Any) -> None:
    if probe_cell(state.last_cell):
        return
    # First of all, before our own code uses torch or a builtin the snippet may have replaced:
    # the process as `python snippet.py` left it is put back (cwd, sys.path, environment,
    # torch's settings, patched functions), so the check, and the next run, see a fresh one.
    isolated = isolation.restore()
    cell = state.last_cell
    for stream in (sys.stdout, sys.stderr):  # the learner's output first, then the summaries
        with contextlib.suppress(Exception):  # a snippet closed it; the next run gets a fresh one
            stream.flush()
    exc = result.error_in_exec or result.error_before_exec
    if isinstance(exc, SystemExit) and exc.code in (None, 0):
        exc = None  # sys.exit(0) ends a script without an error
    late = _wait_for_gpu()
    payload: dict[str, Any]
    if late is not None:
        # CUDA's errors are sticky: the GPU is unusable in this kernel from now on, so no
        # summaries, only the error. `late_error`: the snippet itself ended without one (CUDA
        # reports late), and the bridge makes it this run's error.
        failed = exc if exc is not None else late
        try:
            error = errors.describe_error(failed, cell)
        except Exception:  # the probe must never hide the learner's error
            error = {"type": type(failed).__name__, "message": str(failed), "line": None}
        live.abandon_run()
        late_error = exc is None
        state.publish(
            {
                "kind": "run",
                "error": error,
                "late_error": late_error,
                "gpu_broken": True,
                "isolation": isolated.to_json(),
            }
        )
        return
    try:
        ns = state.shell.user_ns
        payload = summaries.summarize(ns)
        payload["error"] = errors.describe_error(exc, cell) if exc is not None else None
        live.end_run(payload, ns)
        try:
            payload["warnings"] = mistakes.find_warnings(ns, payload)
        except Exception as warn_exc:  # a warning must never cost the learner the summary
            payload["warnings"] = []
            payload["warn_error"] = f"{type(warn_exc).__name__}: {warn_exc}"
        for item in payload.get("lines", []):
            item["line"] += errors.dropped_lines(cell)
    except Exception as probe_exc:  # the probe must never break the learner's kernel
        payload = {"kind": "run", "probe_error": f"{type(probe_exc).__name__}: {probe_exc}"}
    payload["isolation"] = isolated.to_json()
    state.publish(payload)


def _wait_for_gpu() -> BaseException | None:
    """Let queued GPU work finish, so the run's time includes it and an error it raises (a
    device-side assert, say) belongs to the run that caused it rather than the next one."""
    import torch

    if not torch.cuda.is_initialized():
        return None
    try:
        torch.cuda.synchronize()
    except Exception as exc:
        return exc
    return None
