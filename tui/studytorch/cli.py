"""The command line: `studytorch` opens the app; run, check, lessons and doctor work headless."""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import re
import sys
from pathlib import Path

from studytorch import __version__
from studytorch.text import visible

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_KERNEL, EXIT_TIMEOUT = 0, 1, 2, 3, 124


RUN_EXIT_CODES = """exit codes:
  0    the snippet ran without an error
  1    the snippet raised an error (or was interrupted)
  2    usage: a file that cannot be read, a bad option
  3    the kernel could not start or died during the run
  124  --timeout passed and the run was interrupted"""


def _kernel_options(parser: argparse.ArgumentParser, top: bool = False) -> None:
    # Given before the command (`studytorch --device cpu run f.py`) or after it: the top
    # parser holds the defaults, a command's own copy only overrides when given.
    default = (lambda value: value) if top else (lambda value: argparse.SUPPRESS)
    parser.add_argument(
        "--device",
        type=_device,
        default=default("auto"),
        help="auto (cuda, then mps, then cpu), cpu, cuda, cuda:N or mps",
    )
    parser.add_argument(
        "--python",
        metavar="PATH",
        default=default(None),
        help="interpreter for the kernel (an environment with ipykernel and torch)",
    )
    parser.add_argument(
        "--existing",
        metavar="CONNECTION_FILE",
        default=default(None),
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
    _kernel_options(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = commands.add_parser(
        "run",
        help="run a Python file in a fresh kernel and report",
        epilog=RUN_EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    run.add_argument("file", type=Path, help="the .py file to run ('-' reads standard input)")
    _kernel_options(run)
    run.add_argument(
        "--timeout", type=_seconds, metavar="S", help="interrupt the run after S seconds"
    )
    run.add_argument("--json", action="store_true", help="print one JSON object (docs/run-json.md)")
    run.add_argument(
        "--no-trace", action="store_true", help="do not record shapes line by line (for timing)"
    )

    check = commands.add_parser(
        "check", help="prove lessons: solutions pass, starters and wrong answers do not"
    )
    check.add_argument("lessons", nargs="*", metavar="LESSON", help="lesson ids (default: all)")
    _kernel_options(check)
    check.add_argument(
        "--timeout",
        type=_seconds,
        default=60.0,
        metavar="S",
        help="fail a step whose code or check runs longer than S seconds (default 60)",
    )
    check.add_argument(
        "--jobs",
        type=_positive_int,
        # One kernel per two CPUs: each kernel's torch uses several threads, and on a 2-core
        # box two kernels took 107-127 s for the course against 86-107 s for one.
        default=max(1, (os.cpu_count() or 1) // 2),
        metavar="N",
        help="prove lessons on N kernels at once (default: half the CPUs; 1 with --existing)",
    )

    lessons = commands.add_parser("lessons", help="list lessons: id, then title")
    lessons.add_argument("--lang", choices=["ko", "en"], default=argparse.SUPPRESS)

    review = commands.add_parser(
        "review", help="review the cards that are due (the app), or count them with --due"
    )
    review.add_argument(
        "review_lessons",
        nargs="*",
        metavar="LESSON",
        help="review only these lessons' cards (default: the lessons you started)",
    )
    review.add_argument(
        "--due", action="store_true", help="print due cards per lesson and exit (changes nothing)"
    )
    # SUPPRESS: `studytorch --lang ko review` keeps the language given before the command.
    review.add_argument("--lang", choices=["ko", "en"], default=argparse.SUPPRESS)
    _kernel_options(review)

    export = commands.add_parser(
        "export", help="write lessons as Markdown, notebooks or Anki decks"
    )
    export.add_argument("lessons", nargs="*", metavar="LESSON", help="lesson ids (default: all)")
    export.add_argument("--format", choices=["md", "ipynb", "apkg"], default="md")
    export.add_argument("--out", type=Path, default=Path("."), metavar="DIR")
    export.add_argument("--lang", choices=["ko", "en"], default=argparse.SUPPRESS)

    doctor = commands.add_parser("doctor", help="versions, devices and where data is kept")
    _kernel_options(doctor)
    for command in (run, check, doctor):  # `--lang` after the command too, as on the others
        command.add_argument("--lang", choices=["ko", "en"], default=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from studytorch.lang import choose

    choose(getattr(args, "lang", None))
    if getattr(args, "existing", None):
        from studytorch.kernel.connection import connection_problem

        problem = connection_problem(args.existing)
        if problem:
            print(visible(f"studytorch: --existing {args.existing}: {problem}"), file=sys.stderr)
            return EXIT_USAGE
    from studytorch import locations

    problem = locations.data_dir_problem()
    if problem:
        print(visible(f"studytorch: {problem}"), file=sys.stderr)
        return EXIT_USAGE
    problem = _python_problem(args)
    if problem:  # the kernel cannot start: said before anything tries (no traceback, no dump)
        if getattr(args, "json", False):
            _print_json(_failure("kernel", "KernelError", problem))
        else:
            print(visible(f"studytorch: {problem}"), file=sys.stderr)
        return EXIT_KERNEL
    if args.command in ("run", "check", "doctor"):
        _end_cleanly_on_hangup()
    handlers = {
        "run": cmd_run,
        "check": cmd_check,
        "lessons": cmd_lessons,
        "doctor": cmd_doctor,
        "review": cmd_review,
        "export": cmd_export,
    }
    handler = handlers.get(args.command or "", cmd_app)
    try:
        return handler(args)
    except KeyboardInterrupt:
        return 130


SNIPPET_LIMIT = 1_000_000
"""A file for `studytorch run` is a snippet: a megabyte is far beyond any."""


def _python_problem(args: argparse.Namespace) -> str | None:
    """A --python that cannot run a kernel (missing, not executable, no ipykernel), in words."""
    python = getattr(args, "python", None)
    if python and args.command in (None, "run", "check", "doctor", "review"):
        from studytorch.kernel.launch import python_problem

        problem = python_problem(python)
        if problem:
            return f"--python {python}: {problem}"
    return None


def _end_cleanly_on_hangup() -> None:
    """SIGTERM or SIGHUP (a closed terminal) unwinds like Ctrl+C, so the kernel and its private
    folder are removed; the kernel also watches us, so even SIGKILL leaves none behind."""
    import signal

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, interrupt)


DEVICE = re.compile(r"auto|cpu|mps|cuda(:\d+)?")
"""What --device may name; whether that device exists here is the kernel's to say (exit 3)."""


def _device(text: str) -> str:
    spec = text.strip().lower()
    if not DEVICE.fullmatch(spec):
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a device: use auto, cpu, cuda, cuda:N or mps"
        )
    return spec


def _seconds(text: str) -> float:
    """A time limit: a finite number of seconds above 0 (0, -1 and nan would stop at once or
    never)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"must be a number of seconds above 0, not {text}")
    return value


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


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
    from studytorch import console, files
    from studytorch.kernel import KernelError, RunResult
    from studytorch.ui_text import ui

    try:
        if str(args.file) == "-":
            code = sys.stdin.read(SNIPPET_LIMIT + 1)
            if len(code) > SNIPPET_LIMIT:
                raise files.UnreadableFile(f"more than {SNIPPET_LIMIT:,} characters")
        else:
            code = files.read_text(args.file, SNIPPET_LIMIT)
    except (OSError, UnicodeDecodeError) as exc:
        lang = "en" if args.json else console.language()  # --json speaks its documented English
        error = exc.notice if isinstance(exc, files.UnreadableFile) else exc
        message = ui("cli.cannot_read", lang, path=args.file, error=error)
        if args.json:
            _print_json(_failure("usage", "UsageError", message))
        else:
            print(visible(f"studytorch run: {message}"), file=sys.stderr)
        return EXIT_USAGE
    filename = "<stdin>" if str(args.file) == "-" else args.file.name

    async def go() -> RunResult:
        session = _session(args, cwd=os.getcwd())
        try:
            await session.start()
            result = RunResult()
            async for event in session.execute(code, timeout=args.timeout, filename=filename):
                result.add(event)
                if not args.json:
                    console.stream(event)
            result.compare_with(None)  # every run here is the first: grad_norm_before is null
            return result
        finally:
            await session.shutdown()

    try:
        result = asyncio.run(go())
    except KernelError as exc:
        if args.json:
            _print_json(_failure("kernel", "KernelError", console.kernel_error(exc, "en")))
        else:
            message = console.kernel_error(exc, console.language())
            print(visible(f"studytorch run: {message}"), file=sys.stderr)
        return EXIT_KERNEL
    if args.json:
        _print_json(result.to_json())
    else:
        console.report(result, timeout=args.timeout)
    return {"ok": EXIT_OK, "timeout": EXIT_TIMEOUT, "died": EXIT_KERNEL}.get(
        result.status, EXIT_FAILED
    )


def _print_json(value: object) -> None:
    """One JSON object on stdout, UTF-8 kept (Korean stays readable). JSON escapes C0 controls
    itself; DEL, the C1 controls (\\x9b is a one-byte CSI) and lone surrogates are escaped
    here, so nothing of the snippet reaches a terminal raw, and the JSON means the same."""
    text = json.dumps(value, ensure_ascii=False)
    print(re.sub("[\x7f-\x9f\ud800-\udfff]", lambda m: f"\\u{ord(m.group()):04x}", text))


def _failure(status: str, kind: str, message: str) -> dict[str, object]:
    """`run --json` prints one object whatever happens, with every key docs/run-json.md
    promises (empty where nothing ran)."""
    from studytorch.kernel.result import RunResult

    report = RunResult(status=status).to_json()
    report.update(ok=False, error={"type": kind, "message": message, "line": None})
    return report


def cmd_check(args: argparse.Namespace) -> int:
    from studytorch import console
    from studytorch.course import load_course
    from studytorch.course.checker import prove
    from studytorch.kernel import KernelError
    from studytorch.ui_text import say, ui

    report = load_course()
    lessons = report.lessons
    # Lessons that could not be read are the course's failures only when the whole course is
    # proven; named ones are proven alone (an unknown name may be a broken file: say why).
    broken = report.errors
    if args.lessons:
        unknown = [i for i in args.lessons if report.find(i) is None]
        if unknown:
            for error in report.errors:
                print(visible(f"studytorch check: {error}"), file=sys.stderr)
            message = ui("cli.no_lesson", console.language(), names=", ".join(unknown))
            print(visible(f"studytorch check: {message}"), file=sys.stderr)
            return EXIT_USAGE
        lessons = [lesson for i in args.lessons if (lesson := report.find(i)) is not None]
        broken = []
    for error in broken:
        print(visible(f"studytorch check: {error}"), file=sys.stderr)

    # An attached kernel is one kernel.
    jobs = 1 if args.existing else args.jobs
    try:
        verdicts, problems = asyncio.run(
            prove(lambda: _session(args), lessons, jobs, timeout=args.timeout)
        )
    except KernelError as exc:
        message = console.kernel_error(exc, console.language())
        print(visible(f"studytorch check: {message}"), file=sys.stderr)
        return EXIT_KERNEL
    for problem in problems:
        print(visible(f"studytorch check: {say(problem, console.language())}"), file=sys.stderr)
    console.check_table(verdicts)
    passed = sum(v.passed for v in verdicts)
    failed = len(verdicts) - passed + len(broken)
    print(ui("cli.check.total", console.language(), passed=passed, failed=failed))
    return EXIT_FAILED if failed else EXIT_OK


def cmd_lessons(args: argparse.Namespace) -> int:
    from studytorch.course import load_course
    from studytorch.lang import learner_language
    from studytorch.ui_text import ui

    lang = learner_language(args.lang)
    report = load_course()
    for lesson in report.lessons:
        print(visible(f"{lesson.id}\t{lesson.title.get(lang)}"))
    for error in report.errors:
        print(visible(f"studytorch lessons: {ui('cli.skipped', lang)} {error}"), file=sys.stderr)
    return EXIT_FAILED if report.errors else EXIT_OK


def cmd_doctor(args: argparse.Namespace) -> int:
    from studytorch import console

    return console.doctor(_session(args))


def _lessons_named(command: str, names: list[str], lang: str):
    """The course, or None after saying which named lessons do not exist."""
    from studytorch import locations
    from studytorch.course.cache import LessonCache
    from studytorch.course.loader import load_course
    from studytorch.ui_text import ui

    report = load_course(cache=LessonCache(locations.lesson_cache_path()))
    unknown = [name for name in names if report.find(name) is None]
    if unknown:
        message = ui("cli.no_lesson", lang, names=", ".join(unknown))
        print(visible(f"studytorch {command}: {message}"), file=sys.stderr)
        return None
    return report


def cmd_review(args: argparse.Namespace) -> int:
    from studytorch.lang import learner_language
    from studytorch.ui_text import ui

    lang = learner_language(args.lang)
    report = _lessons_named("review", args.review_lessons, lang)
    if report is None:
        return EXIT_USAGE
    if not args.due:
        from studytorch.app import launch

        _supervised()
        # The lessons are read already: the first card needs no wait for them.
        return launch(args, None, course=report)
    from studytorch.lang import learner_language
    from studytorch.review.deck import build_deck, due_counts
    from studytorch.store import Store, StoreError

    try:
        with Store() as store:
            deck = build_deck(report, store, args.review_lessons)
            damaged = store.take_set_aside()
    except StoreError as exc:
        print(visible(f"studytorch review: {exc}"), file=sys.stderr)
        return EXIT_USAGE
    if damaged:
        lang = learner_language(getattr(args, "lang", None))
        said = ui("store.set_aside", lang, n=len(damaged), cards="; ".join(damaged))
        print(visible(f"studytorch review: {said}"), file=sys.stderr)
    counts = due_counts(deck)
    width = max((len(lesson_id) for lesson_id in counts), default=0)
    for lesson_id, due in counts.items():
        print(visible(f"{lesson_id:<{width}}  {ui('cli.due', lang, count=due)}"))
    print(ui("cli.due", lang, count=sum(counts.values())))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from studytorch.export import export_lessons
    from studytorch.lang import default_language
    from studytorch.store import Store, StoreError
    from studytorch.ui_text import ui

    lang = args.lang or default_language()
    report = _lessons_named("export", args.lessons, lang)
    if report is None:
        return EXIT_USAGE
    lessons = [report.find(name) for name in args.lessons] if args.lessons else report.lessons
    if args.out.exists() and not args.out.is_dir():
        # Said as a usage error, not as mkdir's "[Errno 17] File exists".
        print(
            visible(f"studytorch export: {ui('cli.out_not_folder', lang, path=args.out)}"),
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        with Store() as store:
            written = export_lessons(lessons, args.format, args.out, store, lang)
    except (StoreError, OSError) as exc:
        print(visible(f"studytorch export: {exc}"), file=sys.stderr)
        return EXIT_FAILED
    for path in written:
        print(visible(str(path)))
    return EXIT_OK


def _supervised() -> None:
    """From here on the app runs in a child process, and a crash still gives the terminal back
    (exits.supervise)."""
    if sys.stdin.isatty() and sys.stderr.isatty() and os.environ.get("TERM") != "dumb":
        from studytorch import locations
        from studytorch.exits import supervise

        def clean_up() -> None:
            from studytorch.kernel.launch import remove_orphaned_folders

            remove_orphaned_folders()

        supervise(lambda pid: str(locations.log_dir() / f"app-crash-{pid}.log"), clean_up)


def cmd_app(args: argparse.Namespace) -> int:
    _supervised()
    # The kernel starts first, before Textual is even imported: torch loads while the app
    # draws its first screen.
    launched = _launch_early(args)
    try:
        from studytorch.app import launch

        return launch(args, launched)  # a real run of the app ends the process itself
    finally:
        if launched is not None:
            launched.kill()  # the app refused to start (no terminal, no database)


EARLY_KERNEL_CPUS = 4
"""The kernel boots beside the UI only where it gets a core of its own: on 2 cores both slowed
down (first screen 484 ms instead of 264, the first result no sooner; bench_tui, bench_start)."""


def _launch_early(args: argparse.Namespace):
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    if (cpus or 1) < EARLY_KERNEL_CPUS:
        return None  # the app starts it once its first screen is drawn
    if (
        args.existing
        or args.command == "review"
        or not (sys.stdin.isatty() and (sys.stderr.isatty() or sys.stdout.isatty()))
    ):
        return None  # review starts a kernel only for its first predict card
    from studytorch import locations
    from studytorch.exits import hold_exit_signals
    from studytorch.kernel.launch import launch

    hold_exit_signals()  # from now on a SIGHUP waits for the app, which cleans up

    try:
        return launch(
            args.python or sys.executable,
            device=args.device,
            cwd=str(locations.workspace_dir()),
            log_dir=locations.log_dir(),
        )
    except OSError:
        return None  # the app's own start says why


if __name__ == "__main__":
    sys.exit(main())
