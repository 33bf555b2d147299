"""The Textual app: owns the kernel session, the store and the course; screens do the rest."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import work
from textual.app import App
from textual.message_pump import MessagePump
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.screen import Screen

from studytorch import locations
from studytorch.course.model import LoadReport, Step
from studytorch.course.runner import StepRun
from studytorch.course.step_runs import StepRuns
from studytorch.exits import ExitGuard
from studytorch.kernel.launch import LaunchedKernel
from studytorch.kernel.protocol import Event, Kernel, KernelState
from studytorch.kernel.session import KernelError, KernelSession
from studytorch.keys import bind, localize
from studytorch.lang import default_language
from studytorch.notice import Notice
from studytorch.screens import messages
from studytorch.store import Store, StoreError
from studytorch.text import visible
from studytorch.ui_text import say, ui

if TYPE_CHECKING:
    from studytorch.screens.host import StudyHost

FIRST_FRAME_S = 0.15
"""The kernel starts this long after mount, when the first screen has been drawn."""


class StudyApp(App[None]):
    """studytorch: read a note, edit a snippet, run it, see what it did."""

    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = False  # Ctrl+P is "previous step"; F1 lists every key
    TITLE = "studytorch"
    BINDINGS = [
        bind("ctrl+q", "quit", priority=True),
        bind("f1", "help", priority=True),
        bind("ctrl+l", "toggle_language", show=False, priority=True),
    ]

    lang: reactive[str] = reactive("en")
    """The language notes and messages are shown in: "en" or "ko"."""
    kernel_state: reactive[str] = reactive(KernelState.STARTING.value)
    """Mirrors the session's state so screens can watch it."""
    kernel_message: reactive[Notice | None] = reactive(None)
    """Why the kernel is dead or what it is waiting for; empty when all is well."""
    course_loaded: reactive[bool] = reactive(False)
    """Lessons are read after the first frame; screens watch this to fill in."""
    course_version: reactive[int] = reactive(0)
    """Counts the readings of the lessons folder (start-up, then each return to the list)."""

    def __init__(
        self,
        *,
        session: Kernel | None = None,
        store: Store | None = None,
        course: LoadReport | None = None,
        lesson: str | None = None,
        lang: str | None = None,
        review: list[str] | None = None,
    ) -> None:
        super().__init__()
        self.session: Kernel = session or KernelSession(cwd=str(locations.workspace_dir()))
        self.session.on_state = self._on_kernel_state
        self.store = store or Store()
        self.course = course if course is not None else LoadReport()
        self._course_given = course is not None
        self.start_lesson = lesson
        self.start_review = review
        """`studytorch review [LESSON ...]`: open review (with these lessons), not a lesson."""
        self.kernel_quiet = review is not None
        """Review works without a kernel: there, one that cannot start raises no alarm."""
        self._kernel_requested = False
        self.runs = StepRuns()
        """Each step's previous run and earlier curves, for as long as the app is open."""
        self.exit_guard: ExitGuard | None = None
        """Set by `launch`: only the real command owns the process's signals, not tests."""
        try:
            saved = self.store.get_setting("lang")
        except StoreError:
            saved = None
        self.lang = lang or saved or default_language()

    def on_mount(self) -> None:
        if self._course_given and not self.course.errors and not self.start_lesson:
            self.course_loaded = True  # given whole (`studytorch review`): nothing to wait for

        if self.start_review is None:
            self.push_screen(self._home())
        else:  # straight to the cards; the home screen comes when review is left
            self.on_open_review(messages.OpenReview(self.start_review))
        notice = self.store.take_notice()
        if notice is not None:
            self.notify(say(notice, self.lang), severity="warning", timeout=20)
        # Once the first frame is out: starting the kernel (imports, a process) would delay it.
        # Review starts it at its first predict card instead (ensure_kernel).
        if self.start_review is None:
            self.set_timer(FIRST_FRAME_S, self.start_kernel)
        # Reading and validating lessons holds the GIL for tens of milliseconds: after the frame.
        self.call_after_refresh(self.read_lessons)

    @work(group="course")
    async def read_lessons(self) -> None:
        """Read the lessons off the event loop, then open `--lesson` if one was asked for."""
        if not self._course_given:
            from studytorch.course.cache import LessonCache
            from studytorch.course.loader import load_course

            try:
                cache = LessonCache(locations.lesson_cache_path())
                self.course = await asyncio.to_thread(load_course, cache=cache)
            except Exception as exc:  # a bug of ours must not close the app at start
                self.notify(
                    f"{ui('app.lessons_unreadable', self.lang)}: {type(exc).__name__}: {exc}",
                    severity="error",
                )
        if self.course.errors and not self.course_loaded:  # said once; the list keeps them
            count = len(self.course.errors)
            self.notify(ui("app.broken_lessons", self.lang, count=count), severity="warning")
        self.course_version += 1
        if self.start_lesson and self.start_review is None:
            lesson = self.course.find(self.start_lesson)
            if lesson is None:
                self.notify(
                    ui("app.no_lesson", self.lang, name=self.start_lesson), severity="error"
                )
            else:
                from studytorch.screens.lesson import LessonScreen

                await self.push_screen(LessonScreen(lesson))
            self.start_lesson = None  # opened once; a later rereading does not open it again
        self.course_loaded = True

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every notification is plain text: they quote lesson ids, paths and error messages."""
        super().notify(
            visible(message), title=visible(title), severity=severity, timeout=timeout, markup=False
        )

    def request_exit(self) -> None:
        """From any thread (SIGTERM, SIGHUP): leave now, edits saved, kernels stopped."""
        self.call_from_thread(self.exit)

    async def action_quit(self) -> None:
        """Quit, unless an edit could not be saved: then ask first (Ctrl+Q again also quits)."""
        from studytorch.screens.confirm import ConfirmScreen
        from studytorch.screens.lesson import LessonScreen

        if isinstance(self.screen, ConfirmScreen) and self.screen.id == "ask-quit":
            self._leave()
            return
        for screen in self.screen_stack:
            if not isinstance(screen, LessonScreen):
                continue
            reason = screen.unsaved_reason()
            if reason is not None:
                question = ui("ask_quit", self.lang, reason=reason)
                ask = ConfirmScreen(question, self.lang)
                ask.id = "ask-quit"
                self.push_screen(ask, lambda yes: self._leave() if yes else None)
                return
        self._leave()

    def _leave(self) -> None:
        if self.exit_guard is not None:
            self.exit_guard.arm()  # whatever blocks the way out, the process ends in time
        self.exit()

    def ensure_kernel(self) -> None:
        """Start the kernel unless it was started already."""
        if not self._kernel_requested:
            self.start_kernel()

    def start_kernel(self, restart: bool = False) -> None:
        self._kernel_requested = True
        self.run_worker(self._start_kernel(restart), exclusive=True, group="kernel")

    async def _start_kernel(self, restart: bool) -> None:
        self.kernel_message = None
        try:
            if restart:
                await self.session.restart()
            else:
                await self.session.start()
            await self.session.ready()
            if not self.session.owns_kernel:  # ours prewarm themselves (boot.py)
                await self.session.prewarm()
        except KernelError as exc:
            self.kernel_state = KernelState.DEAD.value
            self.kernel_message = exc.why
            if not self.kernel_quiet:
                self.notify(
                    say(exc.why, self.lang) + (f"\n{exc.detail}" if exc.detail else ""),
                    title=ui("app.kernel_failed", self.lang),
                    severity="error",
                    timeout=30,
                )

    # --- runs and kernel actions (what screens ask through `StudyHost`) ------------------

    def start_run(
        self,
        requester: MessagePump,
        lesson_id: str,
        step: Step,
        code: str,
        on_event: Callable[[Event], None],
    ) -> int:
        """Run `code` for `step` as an app-level worker, so a run that outlives its screen
        still ends and is recorded against its own step; `requester` gets `RunFinished`."""
        token = self.runs.move_on()
        self.run_worker(
            self._run(requester, lesson_id, step, code, on_event, token),
            group="run",
            exit_on_error=False,
        )
        return token

    async def _run(
        self,
        requester: MessagePump,
        lesson_id: str,
        step: Step,
        code: str,
        on_event: Callable[[Event], None],
        token: int,
    ) -> None:
        try:
            run = await self.runs.run(
                self.session, lesson_id, step, code, on_event=on_event, record=self._record
            )
        except Exception as exc:  # a bug of ours must not close the app and the learner's work
            self.notify(f"{type(exc).__name__}: {exc}", title="studytorch", severity="error")
            raise  # still logged by the worker
        finished = messages.RunFinished(run, token)
        # A screen that was left (popped) may still be attached for a moment, but would never
        # handle the message: it goes to the app, where tests and logs still see it.
        if not (requester in self.screen_stack and requester.post_message(finished)):
            self.post_message(finished)

    def _record(self, run: StepRun) -> None:
        """Keep a finished run, and progress when its check passed (always its own step)."""
        result = run.result
        try:
            self.store.record_run(
                run.lesson_id,
                run.step_id,
                result.status,
                result.duration_s,
                code=run.code,
                output=result.transcript(),
                metrics=result.metrics,
                verdict="passed" if run.passed else "failed" if run.checked else None,
            )
        except StoreError as exc:  # a full disk: the learner hears it, the run's result stays
            self.notify(ui("store.run_not_recorded", self.lang, reason=str(exc)), severity="error")
        if run.checked and run.passed:
            try:
                self.store.mark_passed(run.lesson_id, run.step_id)
            except StoreError as exc:
                self.notify(str(exc), severity="error")

    def run_in_progress(self) -> bool:
        """A run is on its way, or the kernel is still busy with one whose step was left."""
        running = any(w.group == "run" and w.is_running for w in self.workers)
        return running or self.session.running

    def leave_run(self) -> None:
        """Leaving a step or the lesson ends its run: interrupted (escalating to a restart if
        it ignores that), and nothing it still reports reaches a screen."""
        self.runs.move_on()
        if self.run_in_progress():
            self.run_worker(self.session.interrupt(), group="control")

    def interrupt_run(self) -> bool:
        if not self.run_in_progress():
            return False
        self.run_worker(self.session.interrupt(), group="control")
        return True

    def restart_kernel(self) -> None:
        self.runs.move_on()
        self.start_kernel(restart=True)

    def switch_device(self) -> str | None:
        """The next device to run on (a restart follows); None when only the CPU is there."""
        info = self.session.info
        choices = ["cpu"]
        if info.get("cuda"):
            choices += [f"cuda:{i}" for i in range(len(info.get("cuda_devices", [])) or 1)]
        if info.get("mps"):
            choices.append("mps")
        if len(choices) == 1:
            return None
        current = self.session.device or "cpu"
        current = "cuda:0" if current == "cuda" else current
        following = (
            choices[(choices.index(current) + 1) % len(choices)] if current in choices else "cpu"
        )
        self.session.device_spec = following
        return following

    # --- screens, opened by name through messages (screens never import each other) -------

    def _home(self) -> Screen:
        from studytorch.screens.home import HomeScreen

        return HomeScreen()

    def on_open_lesson(self, message: messages.OpenLesson) -> None:
        from studytorch.screens.lesson import LessonScreen

        screen = LessonScreen(message.lesson, message.index)
        if message.replace:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def on_open_review(self, message: messages.OpenReview) -> None:
        from studytorch.screens.review import ReviewScreen

        self.push_screen(ReviewScreen(message.named))

    def on_open_review_stats(self, message: messages.OpenReviewStats) -> None:
        from studytorch.screens.review_stats import ReviewStatsScreen

        self.push_screen(ReviewStatsScreen(message.named))

    def on_open_run_history(self, message: messages.OpenRunHistory) -> None:
        from studytorch.screens.run_history import RunHistoryScreen

        self.push_screen(RunHistoryScreen(message.lesson, message.step), message.restore)

    def on_leave_review(self, message: messages.LeaveReview) -> None:
        self.kernel_quiet = False  # lessons need the kernel, and to hear why it failed
        self.ensure_kernel()
        if len(self.screen_stack) > 2:
            self.pop_screen()
        else:  # opened by `studytorch review`: nothing underneath yet
            self.switch_screen(self._home())

    def reread_lessons(self) -> None:
        self.read_lessons()

    def _on_kernel_state(self, state: KernelState) -> None:
        self.kernel_state = state.value
        if state == KernelState.DEAD and self.session.death is not None:
            self.kernel_message = self.session.death.why  # the status line says it
        elif state in (KernelState.READY, KernelState.STARTING):
            self.kernel_message = None

    def watch_lang(self, lang: str) -> None:
        localize(self, lang)
        try:
            self.store.set_setting("lang", lang)
        except StoreError as exc:
            self.notify(str(exc), severity="error")

    def action_toggle_language(self) -> None:
        self.lang = "en" if self.lang == "ko" else "ko"

    def action_help(self) -> None:
        from studytorch.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    async def on_unmount(self) -> None:
        await self.session.shutdown()
        self.store.close()


def has_terminal() -> bool:
    """Textual reads stdin and draws on stderr. With stderr sent to a file (`2>log`) and
    stdout still the terminal, it draws on stdout instead; the file keeps what is written to
    stderr. Without a terminal to read and one to draw on, there is no app."""
    if not sys.stdin.isatty():
        return False
    if sys.stderr.isatty():
        return True
    if sys.stdout.isatty():
        sys.__stderr__ = sys.__stdout__  # type: ignore[misc]  # what Textual draws on
        return True
    return False


def launch(
    args: argparse.Namespace,
    launched: LaunchedKernel | None = None,
    course: LoadReport | None = None,
) -> int:
    """Run the app from the command line; refuse politely where a TUI cannot work."""
    if not has_terminal() or os.environ.get("TERM") == "dumb":
        print(
            "studytorch: the app needs an interactive terminal (this one is not, or TERM=dumb).\n"
            "Headless commands work anywhere:\n"
            "  studytorch run FILE.py     run a snippet and print what it did\n"
            "  studytorch check           prove every lesson\n"
            "  studytorch lessons         list the lessons",
            file=sys.stderr,
        )
        return 2
    try:
        store = Store()
    except StoreError as exc:
        print(f"studytorch: {exc}", file=sys.stderr)
        return 2
    session = KernelSession(
        python=args.python,
        existing=args.existing,
        device=args.device,
        cwd=str(locations.workspace_dir()),
        launched=launched,
        keep_spare=True,  # F9 and a crash recovery swap to it at once
    )
    review = getattr(args, "review_lessons", None)
    app = StudyApp(
        session=session,
        store=store,
        course=course,
        lesson=args.lesson,
        lang=args.lang,
        review=review,
    )
    app.exit_guard = ExitGuard(app.request_exit, session.kill_now)
    app.exit_guard.watch_signals()
    try:
        app.run()
    finally:
        session.kill_now()
        if launched is not None:
            launched.kill()  # never adopted (the app failed before starting it)
    # Edits are saved and kernels gone: leave now. Interpreter teardown (zmq contexts
    # closing their sockets) took two more seconds, and nothing is left for it to do.
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(0)


if TYPE_CHECKING:

    def _is_a_host(app: StudyApp) -> StudyHost:
        return app  # mypy checks here that the app gives screens all they may ask for
