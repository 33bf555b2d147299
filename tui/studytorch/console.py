"""How the headless commands print: live output, then tables of what the probe saw."""

from __future__ import annotations

import asyncio
import os
import sys
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from studytorch.kernel.protocol import Died, Display, Restarted, Stream
from studytorch.kernel.summary import ModuleSummary, TensorSummary
from studytorch.text import plain, safe_text, shape_text, visible_but_colours
from studytorch.ui_text import say, ui

if TYPE_CHECKING:
    from studytorch.course.checker import StepVerdict
    from studytorch.kernel import KernelError, KernelSession, RunResult

PIPE_WIDTH = 10_000
"""A pipe or a file has no width: tables and lines are written whole, never cut at Rich's 80."""


def _console(stderr: bool = False) -> Console:
    stream = sys.stderr if stderr else sys.stdout
    isatty = getattr(stream, "isatty", None)
    piped = not (isatty and isatty()) and not os.environ.get("COLUMNS")
    return Console(stderr=stderr, highlight=False, width=PIPE_WIDTH if piped else None)


out = _console()
err = _console(stderr=True)


_lang: str | None = None


def language() -> str:
    """The learner's language: --lang, else the app's setting, else the locale; looked up once
    (the setting is in the progress database)."""
    global _lang
    if _lang is None:
        from studytorch.lang import learner_language

        _lang = learner_language()
    return _lang


def _for(target: Any, text: str) -> str:
    """Output as written to a file or pipe; on a terminal, escape sequences made visible."""
    isatty = getattr(target, "isatty", None)
    if isatty is None or not isatty():
        return text
    return visible_but_colours(text)


def stream(event: Any) -> None:
    """Print what a run produced while it runs: never markup; on a terminal, no escapes."""
    if isinstance(event, Stream):
        target = sys.stderr if event.name == "stderr" else sys.stdout
        target.write(_for(target, event.text))
        target.flush()
    elif isinstance(event, Display):
        print(_for(sys.stdout, event.text), flush=True)
    elif isinstance(event, (Died, Restarted)):
        err.print(plain(f"! {say(event.why, language())}", style="bold red"))
        if isinstance(event, Died) and event.log_tail:
            err.print(plain(event.log_tail, style="dim"))


def report(result: RunResult, timeout: float | None = None, lang: str | None = None) -> None:
    """What the run printed is out already: now what was cut, how it failed, its tables."""
    from studytorch.run_report import run_notes

    lang = lang or language()
    notes = run_notes(result, lang)
    for note in notes[:1] if notes and notes[0].role == "cut" else []:
        err.print(plain(note.text, style=note.style))  # what was cut: next to the output
    if result.status == "timeout":
        err.print(Text(ui("cli.timed_out", lang, seconds=timeout), style="bold red"))
    if result.traceback and result.status != "timeout":
        err.print(safe_text("\n".join(result.traceback)))
    for note in notes:
        if note.role != "cut":
            err.print(plain(note.text, style=note.style))
    if result.tensors:
        out.print(tensor_table(result.tensors))
    for module in result.modules:
        out.print(module_table(module))
    for opt in result.optimizers:
        groups = ", ".join(f"lr={g['lr']} ({g['params']} params)" for g in opt["param_groups"])
        out.print(plain(f"{opt['name']}: {opt['type']} {groups}"))
    for item in result.data:
        fields = ", ".join(f"{k}={v}" for k, v in item.items() if k not in ("name", "kind"))
        out.print(plain(f"{item['name']}: {item['kind']} {fields}"))
    took = ui("cli.took", lang, status=result.status, seconds=result.duration_s)
    out.print(Text(took, style="dim"))


def tensor_table(tensors: list[TensorSummary]) -> Table:
    table = Table(title="tensors", title_justify="left")
    for column in ("name", "shape", "dtype", "device", "requires_grad", "grad_fn", "grad"):
        table.add_column(column)
    for t in tensors:
        grad = t.get("grad")
        table.add_row(
            plain(t["name"]),
            shape_text(t["shape"]),
            plain(t["dtype"]),
            plain(t["device"]),
            "yes" if t["requires_grad"] else "",
            plain(t.get("grad_fn") or ""),
            f"norm {grad['norm']:.4g}" if grad and isinstance(grad["norm"], float) else "",
        )
    return table


def module_table(module: ModuleSummary) -> Table:
    title = f"{module['name']}: {module['type']} ({module['total']:,} parameters)"
    table = Table(title=plain(title), title_justify="left")
    for column in ("parameter", "shape", "requires_grad", "grad norm"):
        table.add_column(column)
    for p in module["parameters"]:
        norm = p["grad_norm"]
        table.add_row(
            plain(p["name"]),
            shape_text(p["shape"]),
            "yes" if p["requires_grad"] else "no",
            f"{norm:.4g}" if isinstance(norm, float) else "",
        )
    return table


def check_table(verdicts: list[StepVerdict]) -> None:
    lang = language()
    table = Table(title="studytorch check", title_justify="left")
    for column in ("lesson", "step", "result", "wrong", "detail"):
        table.add_column(ui(f"cli.check.{column}", lang))
    for v in verdicts:
        mark = (
            Text(ui("cli.check.pass", lang), "green")
            if v.passed
            else Text(ui("cli.check.fail", lang), "bold red")
        )
        # Wrong answers rejected for their reason, of the step's wrong answers.
        rejected, total = v.wrong
        wrong = f"{rejected}/{total}" if total else ""
        table.add_row(plain(v.lesson), plain(v.step), mark, wrong, plain(say(v.detail, lang)))
    out.print(table)


def kernel_error(exc: KernelError, lang: str) -> str:
    """Why the kernel could not be used, then what it wrote (the tail of its log)."""
    return say(exc.why, lang) + (f"\n{exc.detail}" if exc.detail else "")


def doctor(session: KernelSession) -> int:
    from studytorch import __version__, locations
    from studytorch.kernel import KernelError

    rows: list[tuple[str, str]] = [
        ("studytorch", __version__),
        ("app Python", f"{sys.version.split()[0]} ({sys.executable})"),
        ("kernel Python", str(session.existing or session.python)),
    ]
    status = 0

    async def probe() -> dict[str, Any]:
        try:
            await session.start()
            return await session.ready()
        finally:
            await session.shutdown()

    try:
        info = asyncio.run(probe())
    except KernelError as exc:
        rows.append(("kernel", f"FAILED: {kernel_error(exc, 'en')}"))
        status = 3
    else:
        cuda = ", ".join(info.get("cuda_devices", [])) or "none"
        rows += [
            ("torch", info.get("torch", "?")),
            ("kernel Python version", info.get("python", "?")),
            ("CUDA", f"yes: {cuda}" if info.get("cuda") else "no"),
            ("MPS", "yes" if info.get("mps") else "no"),
            ("device (auto)" if session.device_spec == "auto" else "device", info["device"]),
        ]
    rows += [
        ("data", str(locations.data_dir())),
        ("progress database", str(locations.database_path())),
        ("kernel logs", str(locations.log_dir())),
        ("built-in lessons", str(locations.builtin_lessons_dir())),
        ("your lessons", str(locations.user_lessons_dir())),
    ]
    table = Table(show_header=False, box=None)
    table.add_column(style="bold")
    table.add_column()
    for key, value in rows:
        table.add_row(key, plain(value))
    out.print(table)
    return status
