"""KernelSession: one warm ipykernel that runs snippets and reports what they did."""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import importlib
import json
import logging
import os
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

from studytorch.kernel.protocol import (
    SUMMARY_MIME,
    Died,
    Display,
    Done,
    Error,
    Event,
    KernelState,
    Restarted,
    Stream,
    Summary,
)

log = logging.getLogger(__name__)

OUTPUT_LIMIT = 200_000
"""Characters of output kept per run; a flood beyond this is counted, not shown."""
POLL_S = 0.2
"""How often the liveness watch looks at the kernel: a death is noticed well within a second."""
INTERRUPT_GRACE_S = 3.0
"""How long a run may ignore an interrupt before the kernel is restarted."""
START_TIMEOUT_S = 60.0

_PROBE_SOURCES = [
    Path(__file__).with_name(name) for name in ("probe.py", "probe_live.py", "probe_warn.py")
]
"""Kernel-side code, executed in order into one module `_studytorch_probe`."""


class KernelError(Exception):
    """The kernel could not be started or used; the message is for the learner."""


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


_SIGNAL_HINTS = {
    "SIGSEGV": "a native crash (segmentation fault), usually a bad pointer in C code",
    "SIGKILL": "killed from outside; often the system ran out of memory",
    "SIGABRT": "a native library aborted",
    "SIGBUS": "a native crash (bus error)",
    "SIGTERM": "asked to stop from outside",
}


def explain_exit(returncode: int | None) -> str:
    """Say in words how the kernel process ended."""
    if returncode is None:
        return "the kernel stopped answering"
    if returncode < 0:
        name = _signal_name(-returncode)
        hint = _SIGNAL_HINTS.get(name)
        return f"the kernel crashed: {name}" + (f" ({hint})" if hint else "")
    return f"the kernel exited with code {returncode} (the snippet or a library ended the process)"


def _capped_error(evalue: str, traceback: list[str]) -> tuple[str, list[str]]:
    """A 1 MB exception message must not arrive whole: keep the start of each, say what was cut."""
    limit = OUTPUT_LIMIT // 4
    if len(evalue) > limit:
        evalue = evalue[:limit] + f" … [{len(evalue) - limit:,} characters cut]"
    kept, total = [], 0
    for line in traceback:
        if total + len(line) > OUTPUT_LIMIT:
            kept.append(line[: max(0, OUTPUT_LIMIT - total)] + " … [traceback cut]")
            break
        kept.append(line)
        total += len(line)
    return evalue, kept


class KernelSession:
    """A kernel we start (or attach to) plus the probe: `execute` yields Events as they arrive.

    The UI hands in `on_state`; the session never touches widgets.
    """

    def __init__(
        self,
        *,
        python: str | None = None,
        existing: str | Path | None = None,
        device: str = "auto",
        trace: bool = True,
        cwd: str | Path | None = None,
        log_dir: Path | None = None,
        on_state: Callable[[KernelState], None] | None = None,
    ) -> None:
        self.python = python or sys.executable
        self.existing = Path(existing) if existing else None
        self.device_spec = device
        self.trace = trace
        """Record tensor shapes line by line (the `--no-trace` flag turns it off)."""
        self.cwd = str(cwd) if cwd else os.getcwd()
        self.log_dir = log_dir
        self.on_state = on_state
        self.state = KernelState.STOPPED
        self.info: dict[str, Any] = {}
        """The probe's "ready" summary: torch version, device, CUDA/MPS availability."""
        self.log_path: Path | None = None
        self.death: Died | None = None
        self._km: Any = None
        self._kc: Any = None
        self._proc: Any = None
        self._tmp: Path | None = None
        self._queues: dict[str, asyncio.Queue[Event]] = {}
        self._tasks: list[asyncio.Task[Any]] = []
        self._warm: asyncio.Task[None] | None = None
        self._run_lock = asyncio.Lock()
        self._active: str | None = None
        self._escalation: asyncio.Task[None] | None = None
        atexit.register(self._kill_now)

    # --- lifecycle -------------------------------------------------------------------------

    @property
    def device(self) -> str | None:
        return self.info.get("device")

    @property
    def owns_kernel(self) -> bool:
        return self.existing is None

    def _set_state(self, state: KernelState) -> None:
        if state != self.state:
            self.state = state
            if self.on_state:
                self.on_state(state)

    async def start(self) -> None:
        """Launch the kernel and begin warm-up (torch, probe, device) in the background."""
        self.death = None
        self.info = {}
        self._set_state(KernelState.STARTING)
        try:
            await self._launch()
        except BaseException:
            await self._teardown()
            self._set_state(KernelState.DEAD)
            raise
        self._tasks = [
            asyncio.create_task(self._read_iopub(), name="studytorch-iopub"),
            asyncio.create_task(self._watch(), name="studytorch-watch"),
        ]
        self._warm = asyncio.create_task(self._warm_up(), name="studytorch-warm")

    async def ready(self) -> dict[str, Any]:
        """Wait for warm-up; raise KernelError with the reason if it failed."""
        if self._warm is None:
            raise KernelError("the kernel is not started")
        await asyncio.shield(self._warm)
        return self.info

    async def _launch(self) -> None:
        # Importing jupyter_client (zmq, traitlets) takes a tenth of a second: not on the loop.
        await asyncio.to_thread(importlib.import_module, "jupyter_client")
        from jupyter_client import AsyncKernelManager
        from jupyter_client.asynchronous import AsyncKernelClient
        from jupyter_client.kernelspec import KernelSpecManager

        if self.existing is not None:
            if not self.existing.is_file():
                raise KernelError(f"no connection file at {self.existing}")
            kc = AsyncKernelClient()
            kc.load_connection_file(str(self.existing))
            self._kc = kc
            kc.start_channels()
            await self._wait_for_kernel(kc)
            return
        # A private folder keeps the connection file, IPC sockets and kernel spec together,
        # short enough for a socket path, and removed whole at shutdown.
        self._tmp = Path(tempfile.mkdtemp(prefix="studytorch-"))
        spec_dir = self._tmp / "kernels" / "studytorch"
        spec_dir.mkdir(parents=True)
        argv = [
            self.python,
            "-m",
            "ipykernel_launcher",
            "-f",
            "{connection_file}",
            "--HistoryManager.enabled=False",
        ]
        spec = {"argv": argv, "display_name": "studytorch", "language": "python"}
        (spec_dir / "kernel.json").write_text(json.dumps(spec))
        km = AsyncKernelManager(
            kernel_name="studytorch",
            transport="ipc",
            kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(self._tmp / "kernels")]),
        )
        km.connection_file = str(self._tmp / "connection.json")
        km.ip = str(self._tmp / "ipc")
        self._km = km
        self.log_path = self._new_log_path()
        logfile = open(self.log_path, "ab")  # noqa: SIM115 - the kernel owns it after Popen
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "IPYTHONDIR": str(self._tmp / "ipython")}
        env.pop("PYDEVD_DISABLE_FILE_VALIDATION", None)
        try:
            await km.start_kernel(stdout=logfile, stderr=logfile, cwd=self.cwd, env=env)
        except FileNotFoundError:
            raise KernelError(f"no Python interpreter at {self.python}") from None
        finally:
            logfile.close()
        self._proc = km.provisioner.process
        kc = km.client()
        self._kc = kc
        kc.start_channels()
        await self._wait_for_kernel(kc)

    async def _wait_for_kernel(self, kc: Any) -> None:
        ready = asyncio.ensure_future(kc.wait_for_ready(timeout=START_TIMEOUT_S))
        try:
            while not ready.done():
                await asyncio.wait({ready}, timeout=POLL_S)
                if self._proc is not None and self._proc.poll() is not None:
                    raise KernelError(self._startup_failure())
            ready.result()
        except RuntimeError as exc:  # jupyter_client's timeout
            raise KernelError(f"the kernel did not answer: {exc}") from None
        finally:
            ready.cancel()
            with contextlib.suppress(BaseException):
                await ready

    def _startup_failure(self) -> str:
        tail = self.log_tail()
        if "No module named ipykernel" in tail or "No module named 'ipykernel" in tail:
            return (
                f"{self.python} has no ipykernel. Install it there with:\n"
                f"  {self.python} -m pip install ipykernel"
            )
        reason = explain_exit(self._proc.returncode)
        return f"the kernel did not start: {reason}" + (f"\n{tail}" if tail else "")

    async def _warm_up(self) -> None:
        self._set_state(KernelState.WARMING)
        code = "import sys as _s, types as _t\n"
        code += "_studytorch_probe = _t.ModuleType('_studytorch_probe')\n"
        for path in _PROBE_SOURCES:
            source = path.read_text(encoding="utf-8")
            code += (
                f"exec(compile({source!r}, '<{path.stem}>', 'exec'), _studytorch_probe.__dict__)\n"
            )
        code += "_s.modules['_studytorch_probe'] = _studytorch_probe\n"
        code += f"_studytorch_probe.install(get_ipython(), {self.device_spec!r}, {self.trace!r})\n"
        code += "del _s, _t\n"
        error: Error | None = None
        async for event in self._run(code, silent=True):
            if isinstance(event, Summary) and event.kind == "ready":
                self.info = event.payload
            elif isinstance(event, Error):
                error = event
            elif isinstance(event, Died):
                raise KernelError(event.reason)
        if error is not None:
            if error.ename in ("ModuleNotFoundError", "ImportError") and "torch" in error.evalue:
                message = (
                    f"torch is not installed for {self.python}. Install it there, e.g.:\n"
                    f"  {self.python} -m pip install torch"
                )
            else:
                message = f"warm-up failed: {error.ename}: {error.evalue}"
            self._set_state(KernelState.DEAD)
            raise KernelError(message)
        if "error" in self.info:
            self._set_state(KernelState.DEAD)
            raise KernelError(self.info["error"])
        self._set_state(KernelState.READY)

    async def restart(self, reason: str = "restarted") -> None:
        """A fresh kernel: variables are gone, warm-up runs again."""
        if not self.owns_kernel:
            raise KernelError("an attached kernel (--existing) cannot be restarted from here")
        await self._teardown()
        await self.start()

    async def shutdown(self) -> None:
        """Stop the kernel; no process or connection file is left, even if cancelled."""
        try:
            await self._teardown()
        finally:
            self._kill_now()
            self._set_state(KernelState.STOPPED)

    async def _teardown(self) -> None:
        for task in [*self._tasks, self._warm, self._escalation]:
            if task is not None and not task.done():
                task.cancel()
        self._tasks, self._warm, self._escalation = [], None, None
        self._end_all_runs(Died("the kernel was stopped"))
        kc, km = self._kc, self._km
        self._kc = self._km = None
        if kc is not None:
            kc.stop_channels()
        if km is not None:
            try:
                # Killing the process group is instant and takes DataLoader workers along;
                # the kernel holds nothing a polite shutdown would save.
                await asyncio.wait_for(km.shutdown_kernel(now=True), 5)
            except Exception as exc:  # a dead or stuck kernel: the kill below still runs
                log.debug("shutdown_kernel: %s", exc)
        self._kill_now()

    def _kill_now(self) -> None:
        """Synchronous last resort (also at interpreter exit): kill the process, remove files."""
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            with contextlib.suppress(OSError):
                # jupyter_client starts kernels in a new session: the group takes workers along.
                os.killpg(proc.pid, signal.SIGKILL)
            with contextlib.suppress(OSError):
                proc.kill()
            with contextlib.suppress(Exception):
                proc.wait(timeout=5)
        tmp, self._tmp = self._tmp, None
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)

    def _new_log_path(self) -> Path:
        if self.log_dir is None:
            from studytorch import locations

            self.log_dir = locations.log_dir()
        self.log_dir.mkdir(parents=True, exist_ok=True)
        logs = sorted(self.log_dir.glob("kernel-*.log"))
        for old in logs[:-9]:  # keep the last ten
            old.unlink(missing_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        return self.log_dir / f"kernel-{stamp}-{os.getpid()}-{id(self) & 0xFFFF:x}.log"

    def log_tail(self, lines: int = 12) -> str:
        if self.log_path is None or not self.log_path.exists():
            return ""
        with self.log_path.open("rb") as f:
            f.seek(max(0, f.seek(0, os.SEEK_END) - 8192))
            text = f.read().decode("utf-8", "replace")
        return "\n".join(text.strip().splitlines()[-lines:])

    # --- background tasks ------------------------------------------------------------------

    async def _read_iopub(self) -> None:
        kc = self._kc
        while True:
            msg = await kc.get_iopub_msg()
            queue = self._queues.get(msg["parent_header"].get("msg_id", ""))
            if queue is not None:
                queue.put_nowait(msg)

    async def _watch(self) -> None:
        misses = 0
        while True:
            await asyncio.sleep(POLL_S)
            if self._proc is not None:
                code = self._proc.poll()
                if code is None:
                    continue
                reason = explain_exit(code)
            else:  # attached kernel: its heartbeat is all we can see
                misses = 0 if await self._kc.is_alive() else misses + 1
                if misses < 3:
                    continue
                reason = "the attached kernel stopped answering its heartbeat"
            self.death = Died(reason, self.log_tail())
            self._set_state(KernelState.DEAD)
            self._end_all_runs(self.death)
            return

    def _end_all_runs(self, event: Event) -> None:
        for queue in self._queues.values():
            queue.put_nowait(event)

    # --- running code ----------------------------------------------------------------------

    async def execute(self, code: str, *, timeout: float | None = None) -> AsyncIterator[Event]:
        """Run a learner's snippet; yields Events and always ends with Done."""
        async with self._run_lock:
            try:
                if self.state == KernelState.DEAD and self.owns_kernel:
                    reason = self.death.reason if self.death else "the kernel had stopped"
                    await self.restart()
                    yield Restarted(
                        f"{reason}; started a fresh kernel (earlier variables are gone)"
                    )
                await self.ready()
            except KernelError as exc:
                yield Died(str(exc))
                yield Done("died", 0.0)
                return
            self._set_state(KernelState.BUSY)
            try:
                async for event in self._run(code, timeout=timeout):
                    yield event
            finally:
                if self.state == KernelState.BUSY:
                    self._set_state(KernelState.READY)

    async def reset(self) -> None:
        """Forget the learner's variables (torch and device stay), e.g. between lesson steps."""
        async with self._run_lock:
            await self.ready()
            async for _ in self._run("_studytorch_probe.reset()", silent=True):
                pass

    async def prewarm(self) -> None:
        """Warm torch's lazy parts in the background (the app does, a one-shot `run` need not)."""
        async with self._run_lock:
            await self.ready()
            async for _ in self._run("_studytorch_probe.prewarm()", silent=True):
                pass

    async def check(self, source: str) -> dict[str, Any]:
        """Run a lesson check against the namespace; returns {"passed", "message"}."""
        async with self._run_lock:
            await self.ready()
            verdict: dict[str, Any] | None = None
            async for event in self._run(f"_studytorch_probe.check({source!r})", silent=True):
                if isinstance(event, Summary) and event.kind == "check":
                    verdict = event.payload
                elif isinstance(event, Died):
                    verdict = {"passed": False, "message": {"en": event.reason, "ko": event.reason}}
            if verdict is None:
                text = "the check did not report a result"
                verdict = {"passed": False, "message": {"en": text, "ko": "검사 결과가 없습니다"}}
            return verdict

    async def _run(
        self, code: str, *, silent: bool = False, timeout: float | None = None
    ) -> AsyncIterator[Event]:
        if self.death is not None:
            yield self.death
            yield Done("died", 0.0)
            return
        queue: asyncio.Queue[Any] = asyncio.Queue()
        started = time.perf_counter()
        msg_id = self._kc.execute(code, silent=silent, store_history=False, allow_stdin=False)
        self._queues[msg_id] = queue
        self._active = msg_id
        kept = dropped = 0
        status = "ok"
        deadline = None if timeout is None else started + timeout
        try:
            while True:
                wait = None if deadline is None else max(0.0, deadline - time.perf_counter())
                try:
                    msg = await asyncio.wait_for(queue.get(), wait)
                except asyncio.TimeoutError:
                    deadline = None
                    status = "timeout"
                    await self.interrupt()
                    continue
                if isinstance(msg, (Died, Restarted)):
                    yield msg
                    if isinstance(msg, Died):
                        status = "died"
                    elif status == "ok":
                        status = "restarted"
                    break
                kind, content = msg["msg_type"], msg["content"]
                if kind == "stream":
                    text = content.get("text", "")
                    room = OUTPUT_LIMIT - kept
                    if len(text) > room:
                        dropped += len(text) - max(room, 0)
                        text = text[: max(room, 0)]
                    kept += len(text)
                    if text:
                        yield Stream(content.get("name", "stdout"), text)
                elif kind in ("display_data", "update_display_data", "execute_result"):
                    data = content.get("data", {})
                    if SUMMARY_MIME in data:
                        summary = Summary(data[SUMMARY_MIME])
                        late = summary.payload.get("error") or {}
                        if summary.payload.get("late_error") and status == "ok":
                            # The GPU failed after the snippet's last line (CUDA reports late):
                            # it is still this run's error.
                            status = "error"
                            ename, evalue = late.get("type", "Error"), late.get("message", "")
                            yield Error(ename, evalue, [f"{ename}: {evalue}"])
                        yield summary
                    else:
                        text = str(data.get("text/plain", ""))
                        dropped += max(0, len(text) - OUTPUT_LIMIT)
                        yield Display(text[:OUTPUT_LIMIT], data)
                elif kind == "error":
                    if status == "ok":
                        interrupted = content["ename"] == "KeyboardInterrupt"
                        status = "interrupted" if interrupted else "error"
                    evalue, traceback = _capped_error(content["evalue"], content["traceback"])
                    yield Error(content["ename"], evalue, traceback)
                elif kind == "status" and content.get("execution_state") == "idle":
                    break
        finally:
            self._queues.pop(msg_id, None)
            if self._active == msg_id:
                self._active = None
            if self._escalation is not None and not self._escalation.done():
                self._escalation.cancel()
        yield Done(status, time.perf_counter() - started, dropped)

    async def interrupt(self) -> None:
        """Send KeyboardInterrupt; a run that ignores it for a grace period gets a restart."""
        if self._kc is None or self.state == KernelState.DEAD:
            return
        if self._km is not None:
            await self._km.interrupt_kernel()
        else:
            msg = self._kc.session.msg("interrupt_request", content={})
            self._kc.control_channel.send(msg)
        if self._active is not None and self.owns_kernel and self._escalation is None:
            self._escalation = asyncio.create_task(self._escalate(self._active))

    async def _escalate(self, msg_id: str) -> None:
        await asyncio.sleep(INTERRUPT_GRACE_S)
        self._escalation = None
        if self._active != msg_id:
            return
        reason = (
            f"the snippet ignored the interrupt for {INTERRUPT_GRACE_S:.0f} s, so the kernel was "
            "restarted (earlier variables are gone)"
        )
        # Detach the run so the teardown's "stopped" notice does not reach it; it ends once the
        # fresh kernel is launched, so the next run waits for that kernel's warm-up.
        queue = self._queues.pop(msg_id, None)
        try:
            await self._teardown()
            await self.start()
        finally:
            if queue is not None:
                queue.put_nowait(Restarted(reason))
