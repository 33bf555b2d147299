"""A pane that fails to draw says so in one line and the app lives: `@contained` on updates.

Whatever a run reports (a value no one foresaw, a bug of ours), an exception in a pane's update
becomes a one-line notice in that pane, with the traceback in `<data>/logs/ui-errors.log`,
never an exit of the app and the learner's work with it.
"""

from __future__ import annotations

import contextlib
import functools
import time
import traceback
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from rich.text import Text

from studytorch.text import visible
from studytorch.ui_text import ui

LOG_LIMIT = 1 << 20
"""The log is started afresh past this size."""

T = TypeVar("T")


class Pane(Protocol):
    def show_failure(self, notice: Text) -> None: ...


def log_failure(where: str, exc: BaseException) -> None:
    """The traceback, for us: appended to ui-errors.log beside the kernel logs."""
    with contextlib.suppress(Exception):  # a log that cannot be written must not cost the notice
        from studytorch import locations

        path = locations.log_dir() / "ui-errors.log"
        mode = "w" if path.exists() and path.stat().st_size > LOG_LIMIT else "a"
        with path.open(mode, encoding="utf-8", errors="replace") as f:
            f.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} {where}\n")
            f.write("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))


def failure_notice(exc: BaseException, lang: str) -> Text:
    """One line for the learner: this pane could not draw, and why in brief."""
    reason = visible(f"{type(exc).__name__}: {exc}".splitlines()[0][:160])
    return Text(ui("pane.failed", lang, reason=reason), style="red", no_wrap=True)


def contained(method: Callable[..., T]) -> Callable[..., T | None]:
    """Run a pane's update; an exception becomes the pane's one-line notice and a log entry."""

    @functools.wraps(method)
    def update(self: Any, *args: Any, **kwargs: Any) -> T | None:
        try:
            return method(self, *args, **kwargs)
        except Exception as exc:
            log_failure(f"{type(self).__name__}.{method.__name__}", exc)
            try:
                self.show_failure(failure_notice(exc, getattr(self.app, "lang", "en")))
            except Exception as again:
                log_failure(f"{type(self).__name__}.show_failure", again)
            return None

    return update
