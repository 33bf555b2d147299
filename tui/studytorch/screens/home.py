"""HomeScreen: the lessons in order with progress, the one to resume first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from studytorch.keys import bind, localize
from studytorch.screens.host import StudyHost, host_of
from studytorch.screens.messages import OpenLesson, OpenReview
from studytorch.store import StoreError
from studytorch.text import plain, visible
from studytorch.ui_text import ui
from studytorch.widgets.status import KernelStatus

if TYPE_CHECKING:
    from studytorch.course import Lesson


class HomeScreen(Screen[None]):
    """Pick a lesson; Enter opens it."""

    BINDINGS = [
        bind("enter", "open", priority=True),
        bind("r,R", "review"),  # the list says "press R"; a learner may not hold Shift
        bind("question_mark", "app.help", show=False),
    ]

    @property
    def host(self) -> StudyHost:
        return host_of(self)

    _in_lesson = False
    """A lesson was opened from here (not review): on return, highlight where it ended."""
    _covered = False
    """Another screen has been over this one (the first showing highlights the first row)."""
    _position_before: tuple[str, str] | None = None
    """The last step worked on when another screen came over this one (`--lesson` opens one
    without this screen's help: a changed position says a lesson was left too)."""

    def compose(self) -> ComposeResult:
        with Vertical(id="home"):
            yield Static(id="home-title")
            yield Static(id="home-review")
            yield OptionList(id="lesson-list")
            yield Static(id="lesson-errors")
        yield KernelStatus(id="status")
        yield Footer()

    def on_mount(self) -> None:
        # The position as the app found it: the first showing highlights Continue, and a
        # lesson opened by `--lesson` and left counts as left once the position moved.
        self._position_before = self._position()
        self.watch(self.app, "lang", self._language_changed)
        self.watch(self.app, "course_version", self._course_read, init=False)

    def _language_changed(self, lang: str) -> None:
        localize(self, lang)
        self._refresh_texts()

    def on_screen_resume(self) -> None:
        # Progress may have changed in a lesson; the lesson just left is highlighted (by id: a
        # Continue row added meanwhile moves every index by two), Enter opens it again.
        position = self._position()
        covered = self._covered
        left_a_lesson = covered and (self._in_lesson or position != self._position_before)
        self._in_lesson = False
        lesson = f"lesson:{position[0]}" if position and left_a_lesson else None
        self._refresh_texts(highlight=lesson)

    def on_screen_suspend(self) -> None:
        self._covered = True
        self._position_before = self._position()

    def _position(self) -> tuple[str, str] | None:
        try:
            return self.host.store.last_position()
        except StoreError:
            return None

    def _course_read(self) -> None:
        self._refresh_texts()

    def _refresh_texts(self, highlight: str | None = None) -> None:
        lang = self.host.lang
        self.query_one("#home-title", Static).update(Text(f"studytorch · {ui('home.title', lang)}"))
        self._refresh_due(lang)
        options = self.query_one(OptionList)
        if highlight is None and options.highlighted is not None:
            highlight = options.get_option_at_index(options.highlighted).id
        options.clear_options()
        lessons = self.host.course.lessons
        progress = self.host.store.progress()
        resume = self._resume_target(lessons)
        if resume is not None:
            lesson, index = resume
            label = plain(f"▶ {ui('home.resume', lang)}: {lesson.title.get(lang)} · ")
            label.append(f"{ui('step', lang)} {index + 1}/{len(lesson.steps)}")
            options.add_option(Option(label, id="resume"))
            options.add_option(None)
        for number, lesson in enumerate(lessons, 1):
            done = len(progress.get(lesson.id, set()) & {s.id for s in lesson.steps})
            total = len(lesson.steps)
            mark = "✓" if done == total else " "
            label = Text(f"{number:>2}. {mark} ")
            label.append(visible(lesson.title.get(lang)))
            label.append(f"  {done}/{total}", style="dim" if done < total else "green")
            if not lesson.builtin:
                label.append(f"  {ui('home.yours', lang)}", style="italic")
            options.add_option(Option(label, id=f"lesson:{lesson.id}"))
        if not lessons:
            empty = ui("home.empty" if self.host.course_loaded else "home.loading", lang)
            options.add_option(Option(Text(empty), disabled=True))
        ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
        options.highlighted = ids.index(highlight) if highlight in ids else 0
        errors = self.query_one("#lesson-errors", Static)
        if self.host.course.errors:
            lines = Text(ui("home.broken", lang) + "\n", style="bold")
            for error in self.host.course.errors:
                lines.append(visible(f"  {error}") + "\n", style="")
            errors.update(lines)
            errors.display = True
        else:
            errors.display = False

    def _refresh_due(self, lang: str) -> None:
        from studytorch.review.deck import build_deck, due_cards

        due = len(due_cards(build_deck(self.host.course, self.host.store)))
        damaged = self.host.store.take_set_aside()
        if damaged:  # the rest of the deck goes on; those cards are new again
            text = ui("store.set_aside", lang, n=len(damaged), cards="; ".join(damaged))
            self.notify(visible(text), severity="warning", timeout=20)
        line = ui("home.review", lang, n=due) if due else ui("home.review_none", lang)
        self.query_one("#home-review", Static).update(Text(line, style="" if due else "dim"))

    def action_review(self) -> None:
        self.post_message(OpenReview())

    def _resume_target(self, lessons: list[Lesson]) -> tuple[Lesson, int] | None:
        """Where "continue" leads: the first unfinished step of the lesson last worked on, or,
        when that lesson is done, of the next unfinished lesson (None: nothing started yet)."""
        position = self.host.store.last_position()
        if position is None or not lessons:
            return None
        progress = self.host.store.progress()
        ids = [lesson.id for lesson in lessons]
        start = ids.index(position[0]) if position[0] in ids else 0
        for lesson in lessons[start:] + lessons[:start]:
            passed = progress.get(lesson.id, set())
            for index, step in enumerate(lesson.steps):
                if step.id not in passed:
                    return lesson, index
        return None  # every lesson done: the list says so with its ✓ marks

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._open(event.option.id)

    def action_open(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            self._open(options.get_option_at_index(options.highlighted).id)

    def _open(self, option_id: str | None) -> None:
        if option_id == "resume":
            target = self._resume_target(self.host.course.lessons)
            if target:
                self._in_lesson = True
                self.post_message(OpenLesson(target[0], target[1]))
        elif option_id and option_id.startswith("lesson:"):
            lesson = self.host.course.find(option_id.removeprefix("lesson:"))
            if lesson is not None:
                self._in_lesson = True
                self.post_message(OpenLesson(lesson))
