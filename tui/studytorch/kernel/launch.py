"""Start a kernel process we own: a private folder, a connection file, and boot.py.

Standard library only, so the command line can start the kernel before it imports the UI: the
kernel imports torch while Textual draws the first screen.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

PROBE_PACKAGE = "_studytorch_probe"
"""The name the kernel-side probe package (kernel/probe/) is installed under in the kernel."""
FOLDER_PREFIX = "studytorch-"
LOGS_KEPT = 10
LOG_LIMIT = 5 * 1024 * 1024
"""A kernel log is cut to its last half when it grows past this (a flood of os.write)."""

_HERE = Path(__file__).parent


def probe_sources() -> dict[str, tuple[str, str]]:
    """The probe package's modules by their name in the kernel: (file name, source)."""
    sources = {}
    for path in sorted((_HERE / "probe").glob("*.py")):
        name = PROBE_PACKAGE if path.stem == "__init__" else f"{PROBE_PACKAGE}.{path.stem}"
        sources[name] = (str(path), path.read_text(encoding="utf-8"))
    return sources


def probe_install_code(device: str, trace: bool) -> str:
    """A cell that installs the probe, from source, in a kernel that lacks it (an attached
    kernel, or one whose boot failed: installing again reports why)."""
    loader = (_HERE / "probe_loader.py").read_text(encoding="utf-8")
    return (
        "import sys as _s\n"
        f"if {PROBE_PACKAGE!r} not in _s.modules:\n"
        "    _ns = {'__name__': '_studytorch_probe_loader'}\n"
        f"    exec(compile({loader!r}, '<probe_loader>', 'exec'), _ns)\n"
        "    try:\n"
        f"        _m = _ns['load_probe']({probe_sources()!r})\n"
        f"        _m.install(get_ipython(), {device!r}, {trace!r})\n"
        "    except BaseException:\n"
        f"        for _k in [k for k in _s.modules if k.startswith({PROBE_PACKAGE!r})]:\n"
        "            del _s.modules[_k]\n"
        "        raise\n"
        "    del _ns, _m\n"
    )


@dataclass
class LaunchedKernel:
    """One kernel process and the private folder that holds its sockets."""

    proc: subprocess.Popen[bytes]
    folder: Path
    connection_file: Path
    log_path: Path
    started: float = field(default_factory=time.monotonic)
    stopped: bool = False
    """SIGSTOPped: a spare waits without taking CPU from the learner's run."""
    log_done: threading.Event | None = None
    """Set when everything the kernel wrote to its stdout/stderr is in the log."""

    def wait_for_log(self, timeout: float) -> None:
        """A dead kernel's last words reach its log from a pipe: wait (briefly) for them."""
        if self.log_done is not None:
            self.log_done.wait(timeout)

    def pause(self, paused: bool) -> None:
        if paused != self.stopped and self.proc.poll() is None:
            with contextlib.suppress(OSError):
                os.killpg(self.proc.pid, signal.SIGSTOP if paused else signal.SIGCONT)
            self.stopped = paused

    def kill(self) -> None:
        """Kill the kernel, its process group (DataLoader workers) and every descendant that
        started a session of its own, then remove its folder."""
        proc = self.proc
        if proc.poll() is None:
            strays = _descendants(proc.pid)
            with contextlib.suppress(OSError):
                os.killpg(proc.pid, signal.SIGKILL)
            with contextlib.suppress(OSError):
                proc.kill()
            for pid in strays:
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(Exception):
            proc.wait(timeout=5)
        shutil.rmtree(self.folder, ignore_errors=True)


def launch(
    python: str,
    *,
    device: str = "auto",
    trace: bool = True,
    cwd: str | None = None,
    log_dir: Path,
) -> LaunchedKernel:
    """Start `python boot.py` on IPC sockets in a fresh private folder; returns at once."""
    remove_orphaned_folders()
    folder = Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX))  # 0700, short enough for socket paths
    (folder / "owner").write_text(str(os.getpid()))
    connection = folder / "connection.json"
    info = {
        "transport": "ipc",
        "ip": str(folder / "ipc"),
        "shell_port": 1,
        "iopub_port": 2,
        "stdin_port": 3,
        "control_port": 4,
        "hb_port": 5,
        "key": secrets.token_hex(32),
        "signature_scheme": "hmac-sha256",
        "kernel_name": "studytorch",
    }
    fd = os.open(connection, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as f:
        json.dump(info, f)
    log_path = new_log_path(log_dir)
    env = {
        **os.environ,
        "PYTHONUNBUFFERED": "1",
        "IPYTHONDIR": str(folder / "ipython"),  # a learner's IPython profile changes nothing
        "STUDYTORCH_PARENT": str(os.getpid()),
        "STUDYTORCH_PIPE": str(folder / "pipe"),
        "STUDYTORCH_DEVICE": device,
        "STUDYTORCH_TRACE": "1" if trace else "0",
        # Each run's temporary files go here, and with the folder (kernel/probe/scratch.py).
        "STUDYTORCH_SCRATCH": str(folder / "scratch"),
    }
    argv = [python, str(_HERE / "boot.py"), "-f", str(connection)]
    argv += ["--HistoryManager.enabled=False"]
    log_fd = os.open(log_path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)
    # The kernel writes into a pipe, and a thread here copies it to the log, cutting as it
    # goes: a snippet's flood of os.write(1, ...) never grows the file past LOG_LIMIT.
    read_end, write_end = os.pipe()
    try:
        proc = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=write_end,
            stderr=write_end,
            cwd=cwd,
            env=env,
            start_new_session=True,  # one group to kill, and no terminal to scribble on
        )
    except OSError:
        os.close(read_end)
        os.close(log_fd)
        shutil.rmtree(folder, ignore_errors=True)
        raise
    finally:
        os.close(write_end)
    done = threading.Event()
    threading.Thread(
        target=_keep_log, args=(read_end, log_fd, done), name="studytorch-kernel-log", daemon=True
    ).start()
    return LaunchedKernel(proc, folder, connection, log_path, log_done=done)


def _keep_log(pipe: int, log: int, done: threading.Event) -> None:
    """Copy the kernel's output into its log, keeping the file under LOG_LIMIT as it grows."""
    try:
        size = os.fstat(log).st_size
        while True:
            chunk = os.read(pipe, 1 << 16)
            if not chunk:
                break
            if size + len(chunk) > LOG_LIMIT:
                size = _cut(log)
            os.write(log, chunk)
            size += len(chunk)
    except OSError:
        pass  # the disk is full or the log was removed: the kernel must not block on it
    finally:
        os.close(pipe)
        os.close(log)
        done.set()


def _cut(log: int) -> int:
    """Keep the last half of the log (the newest lines, where a crash's last words are)."""
    end = os.lseek(log, 0, os.SEEK_END)
    keep = LOG_LIMIT // 2
    tail = os.pread(log, keep, end - keep)
    os.ftruncate(log, 0)
    text = CUT_MARK + tail
    os.write(log, text)  # O_APPEND: written at the (new) end, the start
    return len(text)


CUT_MARK = b"[studytorch: earlier log lines cut]\n"


def new_log_path(log_dir: Path) -> Path:
    log_dir.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        log_dir.chmod(0o700)
    logs = sorted(log_dir.glob("kernel-*.log"))
    for old in logs[: -(LOGS_KEPT - 1)]:
        old.unlink(missing_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    return log_dir / f"kernel-{stamp}-{os.getpid()}-{secrets.token_hex(2)}.log"


def cap_log(path: Path | None) -> None:
    """Keep a kernel log under LOG_LIMIT: a snippet can write to the kernel's own stdout."""
    if path is None:
        return
    with contextlib.suppress(OSError):
        if path.stat().st_size <= LOG_LIMIT:
            return
        with path.open("r+b") as f:
            f.seek(-LOG_LIMIT // 2, os.SEEK_END)
            tail = f.read()
            f.seek(0)
            f.write(CUT_MARK + tail)
            f.truncate()


def remove_orphaned_folders() -> None:
    """Private folders whose owner died without cleaning up (kill -9) go at the next start."""
    base = Path(tempfile.gettempdir())
    for folder in base.glob(FOLDER_PREFIX + "*"):
        try:
            if folder.stat().st_uid != os.getuid():
                continue
            owner = int((folder / "owner").read_text())
        except (OSError, ValueError):
            continue
        if not _alive(owner):
            shutil.rmtree(folder, ignore_errors=True)


def _descendants(pid: int) -> list[int]:
    try:
        import psutil  # ipykernel's own dependency; only needed here

        return [child.pid for child in psutil.Process(pid).children(recursive=True)]
    except Exception:
        return []


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def python_problem(python: str) -> str | None:
    """Why `python` cannot run a kernel (missing, not executable, no ipykernel), in words; None
    when it can. Asked before launching, so a bad --python never ends in a traceback."""
    path = shutil.which(python) if os.sep not in python else python
    if path is None or not os.path.exists(path):
        return "no such file"
    if os.path.isdir(path):
        return "that is a folder, not a Python interpreter"
    if not os.access(path, os.X_OK):
        return "not executable (chmod +x, or name the environment's bin/python)"
    try:
        done = subprocess.run(
            [path, "-c", _HAS_IPYKERNEL],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=PYTHON_CHECK_S,
            env={**os.environ, "PYTHONNOUSERSITE": os.environ.get("PYTHONNOUSERSITE", "")},
        )
    except subprocess.TimeoutExpired:
        return f"did not answer within {PYTHON_CHECK_S:.0f} s (is it a Python interpreter?)"
    except OSError as exc:
        return f"cannot be started: {exc.strerror or exc}"
    answer = done.stdout.strip()
    if answer == b"no-ipykernel":
        return f"has no ipykernel; install it there with: {path} -m pip install ipykernel"
    if answer != b"ipykernel":
        return f"is not a working Python interpreter (it exited with code {done.returncode})"
    return None


PYTHON_CHECK_S = 10.0
_HAS_IPYKERNEL = (
    "import importlib.util as u; print('ipykernel' if u.find_spec('ipykernel') else 'no-ipykernel')"
)


def default_python() -> str:
    return sys.executable
