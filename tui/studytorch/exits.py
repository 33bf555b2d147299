"""Leaving on time: quit, SIGTERM, SIGHUP end the app within a deadline, whatever blocks.

SIGTERM and SIGHUP (a closed terminal, a dropped SSH session) are taken by a thread of their
own, so they work even while the main thread is stuck; from the first exit request on, a second
thread kills the kernels and ends the process if a normal exit has not happened in time.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections.abc import Callable

EXIT_DEADLINE_S = 3.0
"""From the first request to leave, the process is gone within this long."""
_SIGNALS = {signal.SIGTERM, signal.SIGHUP}


def hold_exit_signals() -> None:
    """Keep SIGTERM and SIGHUP pending (in this thread and the threads it starts) until
    `ExitGuard.watch_signals` takes them: a signal during start-up must not skip the clean-up."""
    signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)


class ExitGuard:
    """Turns signals into a polite exit request, and makes sure the process ends anyway."""

    def __init__(self, request_exit: Callable[[], None], kill_kernels: Callable[[], None]) -> None:
        self.request_exit = request_exit
        """Asks the app to exit; must be safe to call from another thread."""
        self.kill_kernels = kill_kernels
        self._armed = threading.Event()

    def watch_signals(self) -> None:
        """Call in the main thread before other threads start: they inherit the blocked mask."""
        hold_exit_signals()
        threading.Thread(
            target=self._wait_for_signal, name="studytorch-signals", daemon=True
        ).start()

    def _wait_for_signal(self) -> None:
        signal.sigwait(_SIGNALS)
        self.arm()
        with contextlib.suppress(Exception):
            self.request_exit()

    def arm(self) -> None:
        """Start the deadline (once): after it, kill the kernels and leave at once."""
        if self._armed.is_set():
            return
        self._armed.set()
        threading.Thread(target=self._deadline, name="studytorch-deadline", daemon=True).start()

    def _deadline(self) -> None:
        time.sleep(EXIT_DEADLINE_S)
        with contextlib.suppress(Exception):
            self.kill_kernels()
        os._exit(0)


# --- a crash of the app itself --------------------------------------------------------------

RESET_TERMINAL = (
    "\x1b[?1049l"  # leave the alternate screen
    "\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1006l\x1b[?1015l"  # mouse reporting off
    "\x1b[?1004l\x1b[?2004l"  # focus events and bracketed paste off
    "\x1b[?7h"  # lines wrap again (Textual turns auto-wrap off)
    "\x1b[?25h\x1b[0m"  # cursor shown, colours reset
)
"""What Textual turns on and would have turned off, had the process not been killed."""


def supervise(crash_log: Callable[[int], str], clean_up: Callable[[], None]) -> None:
    """Run the app in a child process while this one waits, so that a crash the app cannot
    catch (SIGSEGV, SIGBUS from a database file made unreadable, SIGKILL) still gives the
    terminal back, removes the kernels' folders and says what happened.

    Returns in the child (which runs the app); the parent never returns: it ends with the
    child's exit status. `crash_log(pid)` names the file for faulthandler's traceback;
    `clean_up()` removes what the dead app's kernels left (their private folders). Call
    before any thread or kernel is started: only the calling thread survives a fork.
    """
    import sys
    import termios

    try:
        saved = termios.tcgetattr(sys.stdin.fileno())
    except (termios.error, OSError, ValueError):
        return  # no terminal to give back: nothing to supervise
    parent = os.getpid()
    child = os.fork()
    if child == 0:
        _die_with(parent)
        _dump_on_crash(crash_log(os.getpid()))
        return
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, lambda number, frame: _forward(child, number))
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C before the app's raw mode is the app's
    while True:
        try:
            _, status = os.waitpid(child, 0)
            break
        except ChildProcessError:
            os._exit(1)
    log = crash_log(child)
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        _after_crash(number, saved, log, clean_up)
        os._exit(128 + number)
    with contextlib.suppress(OSError):
        if os.path.getsize(log) == 0:
            os.unlink(log)
    os._exit(os.WEXITSTATUS(status))


def _forward(child: int, number: int) -> None:
    with contextlib.suppress(OSError):
        os.kill(child, number)


def _die_with(parent: int) -> None:
    """The app goes when its supervisor is killed: SIGHUP, which saves edits and exits."""
    import sys

    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGHUP)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # it died before the line above took effect
        os._exit(1)


def _dump_on_crash(path: str) -> None:
    import faulthandler

    with contextlib.suppress(OSError):
        log = open(path, "w", encoding="utf-8")  # noqa: SIM115 - kept open until the process ends
        faulthandler.enable(file=log, all_threads=True)


def _after_crash(number: int, saved: list, log: str, clean_up: Callable[[], None]) -> None:
    import sys
    import termios

    with contextlib.suppress(Exception):
        tty = sys.stderr if sys.stderr.isatty() else sys.stdout
        tty.write(RESET_TERMINAL)
        tty.flush()
    with contextlib.suppress(termios.error, OSError, ValueError):
        termios.tcsetattr(sys.stdin.fileno(), termios.TCSADRAIN, saved)
    with contextlib.suppress(Exception):
        clean_up()  # the kernels died with the app (PR_SET_PDEATHSIG); their folders go too
    try:
        name = signal.Signals(number).name
    except ValueError:
        name = f"signal {number}"
    where = log if os.path.exists(log) and os.path.getsize(log) else None
    with contextlib.suppress(OSError):
        if where is None:
            os.unlink(log)
    print(
        f"studytorch: the app was ended by {name}. Your edits up to the last save are kept; "
        "the kernels were stopped." + (f"\nWhat it was doing: {where}" if where else ""),
        file=sys.stderr,
    )
