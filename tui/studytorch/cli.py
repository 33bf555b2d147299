"""The command line: `studytorch` opens the app; run, check, lessons and doctor work headless."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from pathlib import Path

from studytorch import __version__

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_KERNEL, EXIT_TIMEOUT = 0, 1, 2, 3, 124


def _kernel_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--device",
        default="auto",
        help="auto (cuda, then mps, then cpu), cpu, cuda, cuda:N or mps",
    )
    parser.add_argument(
        "--python",
        metavar="PATH",
        help="interpreter for the kernel (an environment with ipykernel and torch)",
    )
    parser.add_argument(
        "--existing",
        metavar="CONNECTION_FILE",
        help="attach to a running Jupyter kernel instead of starting one",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="studytorch",
        description="Study PyTorch basics in the terminal. With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"studytorch {__version__}")
    parser.add_argument("--lesson", metavar="ID", help="open this lesson directly")
    parser.add_argument("--lang", choices=["ko", "en"], help="language (default: from the locale)")
    _kernel_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = commands.add_parser("run", help="run a Python file in a fresh kernel and report")
    run.add_argument("file", type=Path, help="the .py file to run ('-' reads standard input)")
    _kernel_options(run)
    run.add_argument("--timeout", type=float, metavar="S", help="interrupt the run after S seconds")
    run.add_argument("--json", action="store_true", help="print one JSON object (docs/run-json.md)")
    run.add_argument(
        "--no-trace", action="store_true", help="do not record shapes line by line (for timing)"
    )

    check = commands.add_parser("check", help="prove lessons: solutions pass, starters do not")
    check.add_argument("lessons", nargs="*", metavar="LESSON", help="lesson ids (default: all)")
    _kernel_options(check)

    lessons = commands.add_parser("lessons", help="list lessons: id, then title")
    lessons.add_argument("--lang", choices=["ko", "en"])

    doctor = commands.add_parser("doctor", help="versions, devices and where data is kept")
    _kernel_options(doctor)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handlers = {"run": cmd_run, "check": cmd_check, "lessons": cmd_lessons, "doctor": cmd_doctor}
    handler = handlers.get(args.command or "", cmd_app)
    try:
        return handler(args)
    except KeyboardInterrupt:
        return 130


def _session(args: argparse.Namespace, cwd: str | None = None):
    from studytorch.kernel import KernelSession

    return KernelSession(
        python=args.python,
        existing=args.existing,
        device=args.device,
        cwd=cwd,
        trace=not getattr(args, "no_trace", False),
    )


def cmd_run(args: argparse.Namespace) -> int:
    from studytorch import console
    from studytorch.kernel import KernelError, RunResult

    if str(args.file) == "-":
        code = sys.stdin.read()
    else:
        try:
            code = args.file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            print(f"studytorch run: cannot read {args.file}: {exc}", file=sys.stderr)
            return EXIT_USAGE

    async def go() -> RunResult:
        session = _session(args, cwd=os.getcwd())
        try:
            await session.start()
            result = RunResult()
            async for event in session.execute(code, timeout=args.timeout):
                result.add(event)
                if not args.json:
                    console.stream(event)
            return result
        finally:
            await session.shutdown()

    try:
        result = asyncio.run(go())
    except KernelError as exc:
        if args.json:
            print(
                json.dumps(
                    {
                        "ok": False,
                        "status": "kernel",
                        "error": {"type": "KernelError", "message": str(exc), "line": None},
                    }
                )
            )
        else:
            print(f"studytorch run: {exc}", file=sys.stderr)
        return EXIT_KERNEL
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
    else:
        console.report(result, timeout=args.timeout)
    return {"ok": EXIT_OK, "timeout": EXIT_TIMEOUT, "died": EXIT_KERNEL}.get(
        result.status, EXIT_FAILED
    )


def cmd_check(args: argparse.Namespace) -> int:
    from studytorch import console
    from studytorch.course import load_course
    from studytorch.course.checker import check_course
    from studytorch.kernel import KernelError

    report = load_course()
    for error in report.errors:
        print(f"studytorch check: {error}", file=sys.stderr)
    lessons = report.lessons
    if args.lessons:
        unknown = [i for i in args.lessons if report.find(i) is None]
        if unknown:
            print(f"studytorch check: no lesson {', '.join(unknown)}", file=sys.stderr)
            return EXIT_USAGE
        lessons = [report.find(i) for i in args.lessons]

    async def go():
        session = _session(args)
        try:
            await session.start()
            await session.ready()
            return await check_course(session, lessons)
        finally:
            await session.shutdown()

    try:
        verdicts = asyncio.run(go())
    except KernelError as exc:
        print(f"studytorch check: {exc}", file=sys.stderr)
        return EXIT_KERNEL
    console.check_table(verdicts)
    passed = sum(v.passed for v in verdicts)
    failed = len(verdicts) - passed + len(report.errors)
    print(f"{passed} passed, {failed} failed")
    return EXIT_FAILED if failed else EXIT_OK


def cmd_lessons(args: argparse.Namespace) -> int:
    from studytorch.course import load_course
    from studytorch.lang import learner_language
    from studytorch.ui_text import ui

    lang = learner_language(args.lang)
    report = load_course()
    for lesson in report.lessons:
        print(f"{lesson.id}\t{lesson.title.get(lang)}")
    for error in report.errors:
        print(f"studytorch lessons: {ui('cli.skipped', lang)} {error}", file=sys.stderr)
    return EXIT_FAILED if report.errors else EXIT_OK


def cmd_doctor(args: argparse.Namespace) -> int:
    from studytorch import console

    return console.doctor(_session(args))


def cmd_app(args: argparse.Namespace) -> int:
    try:
        from studytorch.app import launch
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("studytorch"):
            print("studytorch: the app is not built yet; use `studytorch run` or `check`.")
            return EXIT_USAGE
        raise
    return launch(args)


if __name__ == "__main__":
    sys.exit(main())
