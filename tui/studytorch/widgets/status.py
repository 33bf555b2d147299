"""KernelStatus: one line saying what the kernel is doing, on which device, and the last run."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from studytorch.course.runner import StepRun
from studytorch.kernel.result import RunResult
from studytorch.notice import Notice
from studytorch.text import visible
from studytorch.ui_text import say, ui

_STYLES = {
    "starting": "yellow",
    "warming": "yellow",
    "ready": "green",
    "busy": "bold cyan",
    "dead": "bold red",
    "stopped": "dim",
}


def took(duration_s: float) -> str:
    """A run's duration as the status line says it: 12 ms, 1.25 s."""
    return f"{duration_s * 1000:.0f} ms" if duration_s < 1 else f"{duration_s:.2f} s"


def ended(result: RunResult, lang: str) -> str:
    """How a run ended, in a few words: "12 ms", "error · 0.30 s"."""
    duration = took(result.duration_s)
    return duration if result.ok else f"{ui(f'status.{result.status}', lang)} · {duration}"


def verdict(run: StepRun, has_check: bool, lang: str) -> str:
    """The check's verdict on `run` in `lang` ("" when its step has no check to fail)."""
    if run.checked and run.passed:
        return ui("passed", lang)
    if run.checked:
        why = run.check_message
        return ui("failed", lang) + (say(why, lang) if why is not None else "")
    if has_check and run.result.status != "interrupted":
        error = run.result.error
        return ui("failed", lang) + (
            error["type"] if error else ui(f"status.{run.result.status}", lang)
        )
    return ""


class KernelStatus(Static):
    """Kernel state, device, last run time and an optional message, kept to one line."""

    DEFAULT_CSS = """
    KernelStatus { height: 1; }
    """

    state: reactive[str] = reactive("starting")
    """The kernel's state (KernelState value)."""
    device: reactive[str] = reactive("")
    """The device snippets run on, once the kernel knows it."""
    run: reactive[StepRun | None] = reactive(None)
    """The last run of the step on screen: its time, how it ended, what its check said."""
    has_check: reactive[bool] = reactive(False)
    """The step on screen has a check (a run that did not reach it failed the step)."""
    lang: reactive[str] = reactive("en")
    """The language of the words around the values."""
    message: reactive[Notice | None] = reactive(None)
    """Why the kernel died or did not start (said in `lang`, its first line)."""

    def on_mount(self) -> None:
        # Follow the app (a StudyApp): every screen's status line stays true by itself.
        for name in ("kernel_state", "kernel_message", "lang"):
            self.watch(self.app, name, self._follow_app)

    def _follow_app(self, _value: object = None) -> None:
        app: Any = self.app
        self.state = app.kernel_state
        self.device = app.session.device or ""
        self.message = app.kernel_message
        self.lang = app.lang

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append("● ", style=_STYLES.get(self.state, ""))
        lang = self.lang
        state = ui(f"state.{self.state}", lang) if self.state in _STYLES else self.state
        text.append(f"{ui('kernel', lang)} {state}", style=_STYLES.get(self.state, ""))
        if self.device:
            text.append(f" · {visible(self.device)}")
        if self.run is not None:
            text.append(f" · {ui('last_run', lang)} {ended(self.run.result, lang)}")
            check = verdict(self.run, self.has_check, lang)
            if check:
                style = "bold green" if self.run.passed else "bold red"
                text.append(f" · {visible(check)}", style=style)
        if self.message is not None:
            message = say(self.message, lang).splitlines()[0]
            if self.state == "dead":
                message += f" ({ui('f9_restarts', lang)})"
            text.append(f" · {visible(message)}", style="italic")
        return text
