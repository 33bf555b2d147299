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
