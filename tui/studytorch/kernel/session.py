"""KernelSession: a warm ipykernel (and a spare) that runs snippets and reports what they did."""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import importlib
import logging
import os
import signal
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

from studytorch.kernel import stall
from studytorch.kernel.launch import LaunchedKernel, launch, probe_install_code
from studytorch.kernel.protocol import (
    SUMMARY_MIME,
    Died,
    Display,
    Done,
    Error,
    Event,
    Kernel,
    KernelState,
    Restarted,
    Stream,
    Summary,
)
from studytorch.notice import Notice

log = logging.getLogger(__name__)

OUTPUT_LIMIT = 200_000
"""Characters of output kept per run; a flood beyond this is counted, not shown."""
POLL_S = 0.2
"""How often the liveness watch looks at the kernel: a death is noticed well within a second."""
INTERRUPT_GRACE_S = 3.0
"""How long a run may ignore an interrupt before the kernel is restarted."""
START_TIMEOUT_S = 60.0
LOG_DRAIN_S = 0.5
"""How long a dead kernel's last output may take to reach its log (a worker may hold the pipe)."""
PROBE = "__import__('_studytorch_probe')"
"""How our own cells reach the probe: works even after a snippet cleared its globals."""
SNIPPET_NAME = "snippet.py"
"""What tracebacks call the learner's code in the app."""


class KernelError(Exception):
    """The kernel could not be started or used: `why` says so in codes (the UI has the
    words), `detail` is text the kernel wrote (the tail of its log)."""

    def __init__(self, why: Notice, detail: str = "") -> None:
        super().__init__(why.key)
        self.why = why
        self.detail = detail


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


EXPLAINED_SIGNALS = frozenset({"SIGSEGV", "SIGKILL", "SIGABRT", "SIGBUS", "SIGTERM"})
"""Signals the catalogue has a `signal.NAME` line for (what usually sends them)."""


def explain_exit(returncode: int | None) -> Notice:
    """How the kernel process ended, as a notice."""
    if returncode is None:
        return Notice("kernel.unresponsive")
    if returncode < 0:
        name = _signal_name(-returncode)
        if name in EXPLAINED_SIGNALS:
            return Notice(
                "kernel.crashed_because", {"signal": name, "why": Notice(f"signal.{name}")}
            )
        return Notice("kernel.crashed", {"signal": name})
    return Notice("kernel.exited", {"code": returncode})


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


class KernelSession(Kernel):
    """A kernel we start (or attach to) plus the probe: `execute` yields Events as they arrive.

    With `keep_spare`, a second kernel boots (paused while a run needs the CPU) so that a restart
    or a crash recovery swaps to it at once. The UI hands in `on_state`; the session never
    touches widgets.
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
        launched: LaunchedKernel | None = None,
        keep_spare: bool = False,
    ) -> None:
        super().__init__(python=python, existing=existing, device=device, on_state=on_state)
        self.trace = trace
        """Record tensor shapes line by line (the `--no-trace` flag turns it off)."""
        self.cwd = str(cwd) if cwd else os.getcwd()
        self.log_dir = log_dir
        self.keep_spare = keep_spare
        self._kernel: LaunchedKernel | None = launched
        self._kernel_spec = (self.python, device, trace) if launched else None
        self._spare: LaunchedKernel | None = None
        self._spare_spec: tuple[str, str, bool] | None = None
        self._kc: Any = None
        self._queues: dict[str, asyncio.Queue[Any]] = {}
        self._tasks: list[asyncio.Task[Any]] = []
        self._starting: asyncio.Task[None] | None = None
        self._warm: asyncio.Task[None] | None = None
        self._run_lock = asyncio.Lock()
        self._executing: str | None = None
        """The request the kernel is working on, whether or not anyone still listens to it."""
        self._idle = asyncio.Event()
        self._idle.set()
        self._escalation: asyncio.Task[None] | None = None
        self._stalled: Notice | None = None
        """Why the stall watch stopped the kernel (its death is then told this way)."""
        self.leftover: list[str] = []
        """What the last run left in the process that no restore undoes: the next run swaps
        to a fresh kernel first (kernel/probe/isolation.py)."""
        atexit.register(self.kill_now)

    # --- lifecycle -------------------------------------------------------------------------

    @property
    def log_path(self) -> Path | None:
        return self._kernel.log_path if self._kernel is not None else None

    @property
    def pid(self) -> int | None:
        """The kernel process we started, if any (tests and `doctor` look at it)."""
        return self._kernel.proc.pid if self._kernel is not None else None

    async def start(self) -> None:
        """Launch (or adopt) the kernel; warm-up runs in the background. Calling it while a
        start is under way waits for that one."""
        if self._starting is None or (self._starting.done() and self._kc is None):
            self._starting = asyncio.ensure_future(self._start())
        await asyncio.shield(self._starting)

    async def _start(self) -> None:
        self.death = None
        self.info = {}
        self.leftover = []
        self._stalled = None
        self._set_state(KernelState.STARTING)
        try:
            await self._connect()
        except BaseException:
            await self._teardown()
            self._set_state(KernelState.DEAD)
            raise
        self._tasks = [
            asyncio.create_task(self._read_iopub(self._kc), name="studytorch-iopub"),
            asyncio.create_task(self._watch(), name="studytorch-watch"),
        ]
        self._warm = asyncio.create_task(self._warm_up(), name="studytorch-warm")

    async def ready(self) -> dict[str, Any]:
        """Wait for start and warm-up; raise KernelError with the reason if either failed."""
        if self._warm is None:
            if self._starting is None:
                raise KernelError(Notice("kernel.not_started"))
            await asyncio.shield(self._starting)
        assert self._warm is not None
        await asyncio.shield(self._warm)
        return self.info

    async def _connect(self) -> None:
        # Importing jupyter_client (zmq, traitlets) takes a tenth of a second: not on the loop.
        await asyncio.to_thread(importlib.import_module, "jupyter_client.asynchronous")
        from jupyter_client.asynchronous import AsyncKernelClient

        kc = AsyncKernelClient()
        if self.existing is not None:
            if not self.existing.is_file():
                raise KernelError(Notice("kernel.no_connection_file", {"path": str(self.existing)}))
            try:
                kc.load_connection_file(str(self.existing))
            except (ValueError, KeyError, TypeError) as exc:
                why = {"path": str(self.existing), "error": str(exc)}
                raise KernelError(Notice("kernel.bad_connection_file", why)) from None
        else:
            kernel = self._adopt()
            kc.load_connection_file(str(kernel.connection_file))
        self._kc = kc
        if self.owns_kernel:
            # A kernel we own is watched through its process; its heartbeat, late by a second
            # while torch loads on a busy machine, made jupyter_client call it dead at start.
            # (Set before the channel's thread starts: it reads the value as it waits.)
            kc.hb_channel.time_to_dead = START_TIMEOUT_S
        kc.start_channels()
        await self._wait_for_kernel(kc)

    def _adopt(self) -> LaunchedKernel:
        """The kernel to use: one the command line started, the warm spare, or a new one."""
        spec = (self.python, self.device_spec, self.trace)
        kernel, self._kernel = self._kernel, None
        if kernel is not None and (self._kernel_spec != spec or kernel.proc.poll() is not None):
            kernel.kill()
            kernel = None
        if kernel is None:
            kernel, self._spare = self._spare, None
            if kernel is not None and (self._spare_spec != spec or kernel.proc.poll() is not None):
                kernel.kill()
                kernel = None
        if kernel is None:
            kernel = self._launch()
        kernel.pause(False)
        self._kernel, self._kernel_spec = kernel, spec
        return kernel

    def _launch(self) -> LaunchedKernel:
        if self.log_dir is None:
            from studytorch import locations

            self.log_dir = locations.log_dir()
        try:
            return launch(
                self.python,
                device=self.device_spec,
                trace=self.trace,
                cwd=self.cwd,
                log_dir=self.log_dir,
            )
        except FileNotFoundError:
            raise KernelError(Notice("kernel.no_python", {"python": self.python})) from None
        except OSError as exc:  # not executable, a folder: said in words, never a traceback
            why = {"python": self.python, "error": exc.strerror or str(exc)}
            raise KernelError(Notice("kernel.cannot_start", why)) from None

    def _start_spare(self) -> None:
        if self.keep_spare and self.owns_kernel and self._spare is None:
            with contextlib.suppress(KernelError, OSError):
                self._spare = self._launch()
                self._spare_spec = (self.python, self.device_spec, self.trace)

    async def _wait_for_kernel(self, kc: Any) -> None:
        ready = asyncio.ensure_future(kc.wait_for_ready(timeout=START_TIMEOUT_S))
        try:
            while not ready.done():
                await asyncio.wait({ready}, timeout=POLL_S)
                kernel = self._kernel
                if kernel is not None and kernel.proc.poll() is not None:
                    await asyncio.to_thread(kernel.wait_for_log, LOG_DRAIN_S)
                    raise self._startup_failure()
            ready.result()
        except RuntimeError as exc:  # jupyter_client's timeout
            raise KernelError(Notice("kernel.no_answer", {"error": str(exc)})) from None
        finally:
            ready.cancel()
            with contextlib.suppress(BaseException):
                await ready

    def _startup_failure(self) -> KernelError:
        tail = self.log_tail()
        if "No module named ipykernel" in tail or "No module named 'ipykernel" in tail:
            return KernelError(Notice("kernel.no_ipykernel", {"python": self.python}))
        assert self._kernel is not None
        why = explain_exit(self._kernel.proc.returncode)
        return KernelError(Notice("kernel.no_start", {"why": why}), tail)

    def _warm_up_code(self) -> str:
        """Announce the probe boot.py loaded; or install it first (an attached kernel, or a boot
        that failed: installing again here reports why)."""
        return probe_install_code(self.device_spec, self.trace) + f"{PROBE}.announce()\n"

    async def _warm_up(self) -> None:
        self._set_state(KernelState.WARMING)
        error: Error | None = None
        async for event in self._run(self._warm_up_code(), silent=True):
            if isinstance(event, Summary) and event.kind == "ready":
                self.info = event.payload
            elif isinstance(event, Error):
                error = event
            elif isinstance(event, Died):
                raise KernelError(event.why, event.log_tail)
        if error is not None:
            if error.ename in ("ModuleNotFoundError", "ImportError") and "torch" in error.evalue:
                why = Notice("kernel.no_torch", {"python": self.python})
            else:
                why = Notice("kernel.warm_up_failed", {"error": f"{error.ename}: {error.evalue}"})
            self._set_state(KernelState.DEAD)
            raise KernelError(why)
        if "error" in self.info or not self.info:
            self._set_state(KernelState.DEAD)
            if "error" in self.info:  # the probe's own words (an unavailable --device)
                raise KernelError(Notice("kernel.probe_error", {"error": self.info["error"]}))
            raise KernelError(Notice("kernel.probe_silent"))
        self._set_state(KernelState.READY)
        self._start_spare()

    async def restart(self) -> None:
        """A fresh kernel (the warm spare when there is one): variables are gone."""
        if not self.owns_kernel:
            raise KernelError(Notice("kernel.attached_no_restart"))
        await self._teardown()
        await self.start()

    async def shutdown(self) -> None:
        """Stop the kernel and the spare; nothing is left, even if cancelled. Bounded in time."""
        try:
            await asyncio.wait_for(self._teardown(), 2)
        except (asyncio.TimeoutError, Exception) as exc:
            log.debug("teardown: %s", exc)
        finally:
            self.kill_now()
            self._set_state(KernelState.STOPPED)

    async def _teardown(self) -> None:
        current = asyncio.current_task()
        for task in [*self._tasks, self._warm, self._escalation, self._starting]:
            if task is not None and task is not current and not task.done():
                task.cancel()
        self._tasks, self._warm, self._escalation, self._starting = [], None, None, None
        self._end_all_runs(Died(Notice("kernel.stopped")))
        self._kernel_idle()
        kc, self._kc = self._kc, None
        if kc is not None:
            with contextlib.suppress(Exception):
                kc.stop_channels()
        # Killing the process group is instant and takes DataLoader workers along; the kernel
        # holds nothing a polite shutdown would save.
        kernel, self._kernel = self._kernel, None
        if kernel is not None:
            kernel.kill()  # SIGKILL and reap: milliseconds, and never left half done

    def kill_now(self) -> None:
        """Synchronous last resort (any thread, and at interpreter exit): kill both kernels and
        remove their files."""
        for name in ("_kernel", "_spare"):
            kernel = getattr(self, name)
            setattr(self, name, None)
            if kernel is not None:
                kernel.kill()

    def log_tail(self, lines: int = 12) -> str:
        path = self.log_path
        if path is None or not path.exists():
            return ""
        with path.open("rb") as f:
            f.seek(max(0, f.seek(0, os.SEEK_END) - 8192))
            text = f.read().decode("utf-8", "replace")
        return "\n".join(text.strip().splitlines()[-lines:])

    # --- background tasks ------------------------------------------------------------------

    async def _read_iopub(self, kc: Any) -> None:
        while True:
            msg = await kc.get_iopub_msg()
            parent = msg["parent_header"].get("msg_id", "")
            queue = self._queues.get(parent)
            if queue is not None:
                queue.put_nowait(msg)
            if (
                parent == self._executing
                and msg["msg_type"] == "status"
                and msg["content"].get("execution_state") == "idle"
            ):
                self._kernel_idle()

    def _kernel_idle(self) -> None:
        self._executing = None
        self._idle.set()

    async def _watch(self) -> None:
        misses = 0
        while True:
            await asyncio.sleep(POLL_S)
            kernel = self._kernel
            if kernel is not None:
                code = kernel.proc.poll()
                if code is None:
                    continue
                reason = self._stalled or explain_exit(code)
                await asyncio.to_thread(kernel.wait_for_log, LOG_DRAIN_S)  # its last words
            else:  # attached kernel: its heartbeat is all we can see
                misses = 0 if await self._kc.is_alive() else misses + 1
                if misses < 3:
                    continue
                reason = Notice("kernel.heartbeat")
            self.death = Died(reason, self.log_tail())
            self._set_state(KernelState.DEAD)
            self._end_all_runs(self.death)
            self._kernel_idle()
            return

    async def _watch_for_stall(self, kernel: LaunchedKernel) -> None:
        """Alive but deaf (kernel/stall.py): stopped, and its death told as the kernel's."""
        if await stall.stalled(self._kc, kernel.proc.pid):
            self._stalled = stall.REASON
            with contextlib.suppress(OSError):
                os.killpg(kernel.proc.pid, signal.SIGKILL)

    def _end_all_runs(self, event: Event) -> None:
        for queue in self._queues.values():
            queue.put_nowait(event)

    # --- running code ----------------------------------------------------------------------

    async def execute(
        self, code: str, *, timeout: float | None = None, filename: str = SNIPPET_NAME
    ) -> AsyncIterator[Event]:
        """Run a learner's snippet in a fresh namespace; yields Events and always ends with Done.

        Before the kernel is up it waits for it (starting it if nobody has)."""
        async with self._run_lock:
            try:
                if self.state == KernelState.DEAD and self.owns_kernel:
                    why = self.death.why if self.death else Notice("kernel.had_stopped")
                    await self.restart()
                    yield Restarted(Notice("kernel.fresh", {"why": why}))
                elif self._warm is None:
                    await self.start()
                elif self.leftover and self.owns_kernel:
                    # The last run left what no restore undoes (a thread, a torch mode): this
                    # run gets the warm spare, a process as `python snippet.py` would find it.
                    log.info("fresh kernel for the next run: %s", "; ".join(self.leftover))
                    await self.restart()
                await self.ready()
                # A run whose screen went away may still be ending (interrupted): after it.
                await self._idle.wait()
            except KernelError as exc:
                yield Died(exc.why, exc.detail)
                yield Done("died", 0.0)
                return
            self._set_state(KernelState.BUSY)
            spare = self._spare
            if spare is not None:
                spare.pause(True)  # the learner's run gets the CPU
            stall_watch = None
            if self._kernel is not None:
                stall_watch = asyncio.create_task(self._watch_for_stall(self._kernel))
            try:
                async for event in self._run(code, timeout=timeout, filename=filename):
                    if isinstance(event, Summary) and event.kind == "run":
                        isolation = event.payload.get("isolation") or {}
                        self.leftover = list(isolation.get("unrestorable") or [])
                    yield event
            finally:
                if stall_watch is not None:
                    stall_watch.cancel()
                if spare is not None:
                    spare.pause(False)
                if self.state == KernelState.BUSY:
                    self._set_state(KernelState.READY)

    async def _probe_call(self, call: str) -> list[Event]:
        async with self._run_lock:
            await self.ready()
            return [event async for event in self._run(f"{PROBE}.{call}", silent=True)]

    async def reset(self) -> None:
        """Forget the learner's variables now (every run also starts from a clean namespace)."""
        await self._probe_call("reset()")

    async def prewarm(self) -> None:
        """Warm torch's lazy parts (boot.py already started it; this waits for it)."""
        await self._probe_call("prewarm()")

    async def check(self, source: str) -> dict[str, Any]:
        """Run a lesson check against the namespace; returns {"passed", "message"}."""
        verdict: dict[str, Any] | None = None
        for event in await self._probe_call(f"check({source!r})"):
            if isinstance(event, Summary) and event.kind == "check":
                verdict = event.payload
            elif isinstance(event, Died):
                verdict = {"passed": False, "why": event.why}
        if verdict is None:
            verdict = {"passed": False, "why": Notice("check.no_result")}
        return verdict

    def _send(self, code: str, silent: bool, filename: str) -> str:
        content = {
            "code": code,
            "silent": silent,
            "store_history": False,  # IPython's output cache would keep tensors alive
            "user_expressions": {},
            "allow_stdin": False,
            "stop_on_error": True,
        }
        metadata = {"studytorch": {"filename": filename}}
        msg = self._kc.session.msg("execute_request", content, metadata=metadata)
        self._idle.clear()
        self._executing = msg["header"]["msg_id"]
        self._kc.shell_channel.send(msg)
        return msg["header"]["msg_id"]

    async def _run(
        self,
        code: str,
        *,
        silent: bool = False,
        timeout: float | None = None,
        filename: str = SNIPPET_NAME,
    ) -> AsyncIterator[Event]:
        if self.death is not None:
            yield self.death
            yield Done("died", 0.0)
            return
        queue: asyncio.Queue[Any] = asyncio.Queue()
        started = time.perf_counter()
        msg_id = self._send(code, silent, filename)
        self._queues[msg_id] = queue
        fold = _Decoder()
        deadline = None if timeout is None else started + timeout
        try:
            while not fold.finished:
                wait = None if deadline is None else max(0.0, deadline - time.perf_counter())
                try:
                    msg = await asyncio.wait_for(queue.get(), wait)
                except asyncio.TimeoutError:
                    deadline = None
                    fold.status = "timeout"
                    await self.interrupt()
                    continue
                for event in fold.decode(msg):
                    yield event
        finally:
            self._queues.pop(msg_id, None)
            # A run nobody listens to any more (its step was left) keeps its escalation.
            escalation = self._escalation
            if fold.finished and escalation is not None and not escalation.done():
                escalation.cancel()
                self._escalation = None  # the next interrupt escalates again
        yield Done(fold.status, time.perf_counter() - started, fold.dropped)

    async def interrupt(self) -> None:
        """Send KeyboardInterrupt; a run that ignores it for a grace period gets a restart."""
        if self._kc is None or self.state == KernelState.DEAD:
            return
        if self._kernel is not None:
            with contextlib.suppress(OSError):
                os.kill(self._kernel.proc.pid, signal.SIGINT)
        else:
            msg = self._kc.session.msg("interrupt_request", content={})
            self._kc.control_channel.send(msg)
        running = self._executing
        if running is not None and self.owns_kernel and self._escalation is None:
            self._escalation = asyncio.create_task(self._escalate(running))

    @property
    def stopping(self) -> bool:
        """An interrupt was sent and the run has not ended yet (it may escalate to a restart)."""
        escalation = self._escalation
        return self._executing is not None and escalation is not None and not escalation.done()

    @property
    def running(self) -> bool:
        """The kernel is executing something (a run, even one whose screen has gone)."""
        return self._executing is not None

    async def _escalate(self, msg_id: str) -> None:
        await asyncio.sleep(INTERRUPT_GRACE_S)
        if self._executing != msg_id:
            self._escalation = None
            return
        reason = Notice("kernel.ignored_interrupt", {"seconds": round(INTERRUPT_GRACE_S)})
        # Detach the run so the teardown's "stopped" notice does not reach it; it ends once the
        # fresh kernel is launched, so the next run waits for that kernel's warm-up.
        queue = self._queues.pop(msg_id, None)
        try:
            await self._teardown()
            await self.start()
        finally:
            self._escalation = None
            if queue is not None:
                queue.put_nowait(Restarted(reason))


class _Decoder:
    """Turns one run's kernel messages into Events: one handler per message type."""

    def __init__(self) -> None:
        self.status = "ok"
        self.kept = 0
        self.dropped = 0
        self.finished = False

    def decode(self, msg: Any) -> list[Event]:
        if isinstance(msg, (Died, Restarted)):
            self.finished = True
            if isinstance(msg, Died):
                self.status = "died"
            elif self.status == "ok":
                self.status = "restarted"
            return [msg]
        handler = getattr(self, f"on_{msg['msg_type']}", self.on_unhandled)
        return handler(msg["content"])

    def on_stream(self, content: dict[str, Any]) -> list[Event]:
        text = content.get("text", "")
        room = max(OUTPUT_LIMIT - self.kept, 0)
        if len(text) > room:
            self.dropped += len(text) - room
            text = text[:room]
        self.kept += len(text)
        return [Stream(content.get("name", "stdout"), text)] if text else []

    def on_display_data(self, content: dict[str, Any]) -> list[Event]:
        data = content.get("data", {})
        if SUMMARY_MIME not in data:
            text = str(data.get("text/plain", ""))
            self.dropped += max(0, len(text) - OUTPUT_LIMIT)
            return [Display(text[:OUTPUT_LIMIT], data)]
        summary = Summary(data[SUMMARY_MIME])
        late = summary.payload.get("error") or {}
        if summary.payload.get("late_error") and self.status == "ok":
            # The GPU failed after the snippet's last line (CUDA reports late): it is still
            # this run's error.
            self.status = "error"
            ename, evalue = late.get("type", "Error"), late.get("message", "")
            return [Error(ename, evalue, [f"{ename}: {evalue}"]), summary]
        return [summary]

    on_update_display_data = on_display_data
    on_execute_result = on_display_data

    def on_error(self, content: dict[str, Any]) -> list[Event]:
        ename, evalue = content["ename"], content["evalue"]
        if ename == "SystemExit" and evalue in ("", "0", "None"):
            return []  # sys.exit(0), exit(): the snippet ended as a script would
        if self.status == "ok":
            self.status = "interrupted" if ename == "KeyboardInterrupt" else "error"
        evalue, traceback = _capped_error(evalue, content["traceback"])
        return [Error(ename, evalue, traceback)]

    def on_status(self, content: dict[str, Any]) -> list[Event]:
        self.finished = content.get("execution_state") == "idle"
        return []

    def on_execute_input(self, content: dict[str, Any]) -> list[Event]:
        return []

    def on_clear_output(self, content: dict[str, Any]) -> list[Event]:
        return []

    def on_unhandled(self, content: dict[str, Any]) -> list[Event]:
        log.debug("unhandled kernel message: %s", sorted(content))
        return []
