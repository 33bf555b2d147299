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
        out.print(tensor_table(result.tensors, lang))
    for module in result.modules:
        out.print(module_table(module, lang))
    for opt in result.optimizers:
        groups = ", ".join(
            ui("cli.table.group", lang, lr=g["lr"], count=g["params"]) for g in opt["param_groups"]
        )
        out.print(plain(f"{opt['name']}: {opt['type']} {groups}"))
    for item in result.data:
        fields = ", ".join(f"{k}={v}" for k, v in item.items() if k not in ("name", "kind"))
        out.print(plain(f"{item['name']}: {item['kind']} {fields}"))
    status = ui(f"cli.status.{result.status}", lang) if result.status in STATUSES else result.status
    took = ui("cli.took", lang, status=status, seconds=result.duration_s)
    out.print(Text(took, style="dim"))


STATUSES = ("ok", "error", "interrupted", "timeout", "died", "restarted")
"""How a run can end (RunResult.status), each said by `cli.status.<status>`."""


def tensor_table(tensors: list[TensorSummary], lang: str = "en") -> Table:
    table = Table(title=ui("cli.table.tensors", lang), title_justify="left")
    table.add_column(ui("cli.table.name", lang))
    for column in ("shape", "dtype", "device", "requires_grad", "grad_fn", "grad"):
        table.add_column(column)  # PyTorch's own names, in both languages
    for t in tensors:
        grad = t.get("grad")
        table.add_row(
            plain(t["name"]),
            shape_text(t["shape"]),
            plain(t["dtype"]),
            plain(t["device"]),
            ui("cli.yes", lang) if t["requires_grad"] else "",
            plain(t.get("grad_fn") or ""),
            f"norm {grad['norm']:.4g}" if grad and isinstance(grad["norm"], float) else "",
        )
    return table


def module_table(module: ModuleSummary, lang: str = "en") -> Table:
    title = ui(
        "cli.table.module", lang, name=module["name"], type=module["type"], total=module["total"]
    )
    table = Table(title=plain(title), title_justify="left")
    table.add_column(ui("cli.table.parameter", lang))
    table.add_column("shape")
    table.add_column("requires_grad")
    table.add_column(ui("cli.table.grad_norm", lang))
    for p in module["parameters"]:
        norm = p["grad_norm"]
        table.add_row(
            plain(p["name"]),
            shape_text(p["shape"]),
            ui("cli.yes" if p["requires_grad"] else "cli.no", lang),
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

    lang = language()

    def label(key: str) -> str:
        return ui(f"cli.doctor.{key}", lang)

    rows: list[tuple[str, str]] = [
        ("studytorch", __version__),
        (label("app_python"), f"{sys.version.split()[0]} ({sys.executable})"),
        (label("kernel_python"), str(session.existing or session.python)),
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
        rows.append((label("kernel"), ui("cli.doctor.failed", lang, why=kernel_error(exc, lang))))
        status = 3
    else:
        cuda = ", ".join(info.get("cuda_devices", [])) or label("no_gpu")
        no = ui("cli.no", lang)
        rows += [
            ("torch", info.get("torch", "?")),
            (label("kernel_version"), info.get("python", "?")),
            ("CUDA", ui("cli.doctor.gpus", lang, devices=cuda) if info.get("cuda") else no),
            ("MPS", ui("cli.yes", lang) if info.get("mps") else no),
            (label("device_auto" if session.device_spec == "auto" else "device"), info["device"]),
        ]
    rows += [
        (label("data"), str(locations.data_dir())),
        (label("database"), str(locations.database_path())),
        (label("logs"), str(locations.log_dir())),
        (label("builtin"), str(locations.builtin_lessons_dir())),
        (label("user"), str(locations.user_lessons_dir())),
    ]
    table = Table(show_header=False, box=None)
    table.add_column(style="bold")
    table.add_column()
    for key, value in rows:
        table.add_row(key, plain(value))
    out.print(table)
    return status
