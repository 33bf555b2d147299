"""Kernel-side start: ipykernel with the probe loaded before it answers its first request.

The bridge runs this file as the kernel's main script (`python boot.py -f CONNECTION_FILE`), so
torch is imported while the app is still drawing its first screen. Standard library, ipykernel
and (through the probe) torch only; it is never imported by studytorch itself. Settings arrive
in STUDYTORCH_* environment variables.
"""

import os
import signal
import sys
import threading
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
if sys.path and os.path.abspath(sys.path[0] or ".") == HERE:
    del sys.path[0]  # our own modules must not shadow the learner's imports


def die_with_parent() -> None:
    """However the app goes (quit, crash, SIGKILL), its kernel goes too, workers included.

    The kernel is also the "subreaper" of everything it starts: a daemon that double-forks
    (fork, setsid, fork) is re-parented to the kernel instead of init, so it stays among the
    kernel's descendants, which F9 and quit kill."""
    parent = int(os.environ.get("STUDYTORCH_PARENT", "0") or 0)
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
            libc.prctl(36, 1)  # PR_SET_CHILD_SUBREAPER
        except Exception:
            pass
    if not parent:
        return

    def watch() -> None:
        while True:
            if os.getppid() != parent:
                try:
                    os.killpg(0, signal.SIGKILL)  # our session: DataLoader workers too
                finally:
                    os._exit(1)
            time.sleep(0.5)

    threading.Thread(target=watch, name="studytorch-parent-watch", daemon=True).start()


def pipe_over_ipc() -> None:
    """ipykernel forwards forked subprocesses' output through a socket it binds on
    tcp://127.0.0.1, which any local user can write to; use a file socket in our private folder."""
    path = os.environ.get("STUDYTORCH_PIPE")
    try:
        import zmq
        from ipykernel import iostream
        from zmq.eventloop.zmqstream import ZMQStream
    except ImportError:
        return
    thread = iostream.IOPubThread
    if not (path and hasattr(thread, "_setup_pipe_in") and hasattr(thread, "_setup_pipe_out")):
        original = thread.__init__

        def without_pipe(self, socket, pipe=False, **kwargs):
            original(self, socket, pipe=False, **kwargs)

        thread.__init__ = without_pipe
        return

    def setup_pipe_in(self):
        self._pipe_uuid = os.urandom(16)
        pipe_in = self.socket.context.socket(zmq.PULL)
        pipe_in.linger = 0
        pipe_in.bind("ipc://" + path)
        self._pipe_in = ZMQStream(pipe_in, self.io_loop)
        self._pipe_in.on_recv(self._handle_pipe_msg)

    def setup_pipe_out(self):
        context = zmq.Context()
        pipe_out = context.socket(zmq.PUSH)
        pipe_out.linger = 3000
        pipe_out.connect("ipc://" + path)
        return context, pipe_out

    thread._setup_pipe_in = setup_pipe_in
    thread._setup_pipe_out = setup_pipe_out


def load_probe(shell) -> None:
    """Install the probe package (probe/, beside this file) as `_studytorch_probe`; a failure is
    kept for the bridge, whose warm-up then installs again to report it properly."""
    try:
        loader: dict = {"__name__": "_studytorch_probe_loader"}
        path = os.path.join(HERE, "probe_loader.py")
        with open(path, encoding="utf-8") as f:
            exec(compile(f.read(), path, "exec"), loader)
        folder = os.path.join(HERE, "probe")
        sources = {}
        for entry in sorted(os.listdir(folder)):
            stem, ext = os.path.splitext(entry)
            if ext == ".py":
                name = "_studytorch_probe" + ("" if stem == "__init__" else "." + stem)
                with open(os.path.join(folder, entry), encoding="utf-8") as f:
                    sources[name] = (os.path.join(folder, entry), f.read())
        probe = loader["load_probe"](sources)
        trace = os.environ.get("STUDYTORCH_TRACE", "1") == "1"
        probe.install(shell, os.environ.get("STUDYTORCH_DEVICE", "auto"), trace)
    except BaseException:
        for name in [n for n in sys.modules if n.startswith("_studytorch_probe")]:
            del sys.modules[name]
        traceback.print_exc()  # into the kernel log
        return
    if probe.ready.get("error") is None:
        threading.Thread(
            target=prewarm_when_idle, args=(probe,), name="studytorch-prewarm", daemon=True
        ).start()


IDLE_BEFORE_PREWARM_S = 3.0


def prewarm_when_idle(probe) -> None:
    """Warm torch's lazy parts once the learner is reading: after the kernel has run nothing
    for a few seconds, never beside a run (it would hold the GIL the run needs)."""
    while True:
        time.sleep(0.25)
        idle = probe.idle_seconds()
        if idle is not None and idle >= IDLE_BEFORE_PREWARM_S:
            break
    probe.prewarm()


def main() -> None:
    os.environ.pop("PYDEVD_DISABLE_FILE_VALIDATION", None)
    # The app takes SIGTERM and SIGHUP in a thread (blocked elsewhere); a child inherits that
    # mask, and the learner's code should see the usual signals.
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGHUP, signal.SIGINT})
    die_with_parent()
    pipe_over_ipc()
    from ipykernel.kernelapp import IPKernelApp

    app = IPKernelApp.instance()
    app.initialize(sys.argv[1:])
    load_probe(app.shell)
    app.start()


if __name__ == "__main__":
    main()
