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
    }
    argv = [python, str(_HERE / "boot.py"), "-f", str(connection)]
    argv += ["--HistoryManager.enabled=False"]
    fd = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        proc = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=fd,
            stderr=fd,
            cwd=cwd,
            env=env,
            start_new_session=True,  # one group to kill, and no terminal to scribble on
        )
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    finally:
        os.close(fd)
    return LaunchedKernel(proc, folder, connection, log_path)


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
            f.write(b"[studytorch: earlier log lines cut]\n" + tail)
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


def default_python() -> str:
    return sys.executable
