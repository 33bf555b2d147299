"""Every run starts as `python snippet.py` would: a fresh namespace, fresh streams, our names.

Also what makes a snippet behave like a script inside a kernel: `exit()` ends the snippet, not
the kernel; `os._exit` sends what was printed first; tracebacks name the learner's file.
"""

from __future__ import annotations

import contextlib
import gc
import re
import sys
import threading
from typing import Any

from . import state


class Exit:
    """exit() and quit() end the snippet as they end a script, not the kernel."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"Use {self.name}() to end the snippet"

    def __call__(self, code: Any = None) -> None:
        raise SystemExit(code)


def show_interrupt(shell: Any, etype: Any, value: Any, tb: Any, tb_offset: Any = None) -> None:
    """An interrupt that lands inside the probe's line recorder ends the traceback at the
    learner's line: the probe's own frames mean nothing to a learner."""
    last_learner = None
    entry = tb
    while entry is not None:
        if str(entry.tb_frame.f_globals.get("__name__", "")).startswith(state.PACKAGE):
            break
        last_learner, entry = entry, entry.tb_next
    if entry is not None and last_learner is not None:
        last_learner.tb_next = None
    shell.showtraceback((etype, value, tb), tb_offset=tb_offset)


def patch_exit() -> None:
    """os._exit ends the process before the kernel sends what was printed: send it first."""
    import os
    import time

    real = getattr(os._exit, "_studytorch_real", os._exit)

    def _exit(code: int) -> None:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        time.sleep(0.05)  # the IOPub thread sends in the background
        real(code)

    _exit._studytorch_real = real  # type: ignore[attr-defined]
    os._exit = _exit  # type: ignore[assignment]


def name_the_snippet() -> None:
    """Tracebacks and syntax errors name the learner's file ("snippet.py", or the file given to
    `studytorch run`), not IPython's temporary one. The bridge sends the name as metadata."""
    shell = state.shell
    try:
        metadata = (shell.get_parent() or {}).get("metadata") or {}
        name = (metadata.get("studytorch") or {}).get("filename")
    except Exception:
        return
    if name:
        shell.compile.get_code_name = lambda raw, transformed, number: str(name)


def keep_output_on_close() -> None:
    """`sys.stdout.close()` in a snippet: what it printed just before still arrives. ipykernel's
    close() drops the stream's buffer; flushing first sends it."""
    for stream, _thread in state.streams.values():
        close = getattr(stream, "close", None)
        if close is None or getattr(close, "_studytorch", False):
            continue

        def flush_then_close(stream: Any = stream, close: Any = close) -> None:
            with contextlib.suppress(Exception):
                stream.flush()
            close()

        flush_then_close._studytorch = True  # type: ignore[attr-defined]
        stream.close = flush_then_close


_SURROGATE = re.compile("[\ud800-\udfff]")


def guard_stream(stream: Any) -> None:
    """A lone surrogate cannot be sent as UTF-8: jupyter_client then drops the whole batch of
    output, the lines around it too. Such characters are written as U+FFFD instead."""
    write = getattr(stream, "write", None)
    if write is None or getattr(write, "_studytorch_guard", False):
        return

    def guarded(text: Any) -> Any:
        if isinstance(text, str) and _SURROGATE.search(text):
            text = _SURROGATE.sub("\ufffd", text)
        return write(text)

    guarded._studytorch_guard = True  # type: ignore[attr-defined]
    with contextlib.suppress(AttributeError, TypeError):
        stream.write = guarded


def fresh_streams() -> None:
    """A snippet that closed sys.stdout must not silence every later run."""
    for name, (stream, thread) in state.streams.items():
        if getattr(stream, "closed", False) and thread is not None:
            stream.pub_thread = thread  # ipykernel's OutStream.close() only dropped this
        setattr(sys, name, stream)


def fresh_namespace() -> None:
    """Every run starts as `python snippet.py` would: the baseline names and nothing else."""
    shell, baseline = state.shell, state.baseline
    ns = shell.user_ns
    had_learner_values = any(name not in baseline or ns[name] is not baseline[name] for name in ns)
    ns.clear()
    ns.update(baseline)
    # Output history (Out, _, __, ___, _N) would keep the learner's tensors, and GPU memory, alive.
    hook = shell.displayhook
    hook._ = hook.__ = hook.___ = ""
    for store in (ns, shell.user_ns_hidden):
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
    shell.last_execution_result = None
    for name in ("last_type", "last_value", "last_traceback", "last_exc"):
        if hasattr(sys, name):
            setattr(sys, name, None)
    if had_learner_values:
        gc.collect()  # reference cycles (a module and its hooks) would hold memory until later


_prewarm_lock = threading.Lock()
_prewarmed = False


def after_prewarm() -> None:
    """Wait for a warm-up in progress: a run importing torch's lazy parts beside it met a
    half-imported torch._inductor (a circular-import error in the learner's run)."""
    with _prewarm_lock:
        pass


def prewarm() -> None:
    """Pay torch's lazy first-use costs now (the first optimizer imports torch._dynamo, about a
    second), so a learner's first training step does not stall. Runs once; boot.py starts it
    in a thread, so a second caller waits for that one."""
    global _prewarmed
    import torch

    with _prewarm_lock:
        if _prewarmed:
            return
        weight = torch.zeros(1, requires_grad=True)
        torch.optim.SGD([weight], lr=0.1).step()
        for _ in torch.utils.data.DataLoader(torch.utils.data.TensorDataset(weight.detach())):
            pass
        _prewarmed = True
        gc.freeze()  # torch's own objects: later collections between runs skip them
        if state.run is None:  # between runs: what torch changed in itself is the baseline now
            from . import isolation

            isolation.recapture()
