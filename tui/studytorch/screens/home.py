"""HomeScreen: the lessons in order with progress, the one to resume first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from studytorch.keys import localize
from studytorch.text import plain, visible
from studytorch.widgets.status import KernelStatus

if TYPE_CHECKING:
    from studytorch.app import StudyApp
    from studytorch.course import Lesson

_TEXT = {
    "en": {
        "title": "PyTorch basics, one runnable step at a time",
        "resume": "Resume",
        "step": "step",
        "broken": "Lessons that could not be loaded (fix and restart):",
        "empty": "No lessons found.",
        "loading": "Reading the lessons…",
        "review": "Review: {n} card(s) due, press R",
        "review_none": "Review: nothing due (R opens it anyway)",
    },
    "ko": {
        "title": "실행하며 배우는 PyTorch 기초",
        "resume": "이어서 하기",
        "step": "단계",
        "broken": "불러오지 못한 레슨 (고친 뒤 다시 실행하세요):",
        "empty": "레슨이 없습니다.",
        "loading": "레슨을 읽는 중…",
        "review": "복습할 카드가 {n}장 있습니다. R을 누르면 시작합니다",
        "review_none": "복습: 지금은 복습할 카드가 없습니다 (R로 열 수 있습니다)",
    },
}


class HomeScreen(Screen[None]):
    """Pick a lesson; Enter opens it."""

    BINDINGS = [
        Binding("enter", "open", "Open", priority=True),
        Binding("r", "review", "Review"),
        Binding("question_mark", "app.help", "Help", show=False),
    ]

    app: StudyApp

    def compose(self) -> ComposeResult:
        with Vertical(id="home"):
            yield Static(id="home-title")
            yield Static(id="home-review")
            yield OptionList(id="lesson-list")
            yield Static(id="lesson-errors")
        yield KernelStatus(id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self._language_changed)
        self.watch(self.app, "course_loaded", self._refresh_texts, init=False)

    def _language_changed(self, lang: str) -> None:
        localize(self, lang)
        self._refresh_texts()

    def on_screen_resume(self) -> None:
        self._refresh_texts()  # progress may have changed in a lesson

    def _refresh_texts(self, _value: object = None) -> None:
        lang = self.app.lang
        text = _TEXT[lang]
        self.query_one("#home-title", Static).update(Text(f"studytorch · {text['title']}"))
        self._refresh_due(text)
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.clear_options()
        lessons = self.app.course.lessons
        progress = self.app.store.progress()
        resume = self._resume_target(lessons)
        if resume is not None:
            lesson, index = resume
            label = plain(f"▶ {text['resume']}: {lesson.title.get(lang)} · ")
            label.append(f"{text['step']} {index + 1}/{len(lesson.steps)}")
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
                label.append("  (yours)", style="italic")
            options.add_option(Option(label, id=f"lesson:{lesson.id}"))
        if not lessons:
            empty = text["empty"] if self.app.course_loaded else text["loading"]
            options.add_option(Option(Text(empty), disabled=True))
        options.highlighted = highlighted if highlighted is not None else 0
        errors = self.query_one("#lesson-errors", Static)
        if self.app.course.errors:
            lines = Text(text["broken"] + "\n", style="bold")
            for error in self.app.course.errors:
                lines.append(visible(f"  {error}") + "\n", style="")
            errors.update(lines)
            errors.display = True
        else:
            errors.display = False

    def _refresh_due(self, text: dict[str, str]) -> None:
        from studytorch.review.deck import build_deck, due_cards

        due = len(due_cards(build_deck(self.app.course, self.app.store)))
        line = text["review"].format(n=due) if due else text["review_none"]
        self.query_one("#home-review", Static).update(Text(line, style="" if due else "dim"))

    def action_review(self) -> None:
        from studytorch.screens.review import ReviewScreen

        self.app.push_screen(ReviewScreen())

    def _resume_target(self, lessons: list[Lesson]) -> tuple[Lesson, int] | None:
        position = self.app.store.last_position()
        if position is None:
            return None
        lesson = self.app.course.find(position[0])
        if lesson is None:
            return None
        ids = [step.id for step in lesson.steps]
        return lesson, ids.index(position[1]) if position[1] in ids else 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._open(event.option.id)

    def action_open(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            self._open(options.get_option_at_index(options.highlighted).id)

    def _open(self, option_id: str | None) -> None:
        from studytorch.screens.lesson import LessonScreen

        if option_id == "resume":
            target = self._resume_target(self.app.course.lessons)
            if target:
                self.app.push_screen(LessonScreen(target[0], target[1]))
        elif option_id and option_id.startswith("lesson:"):
            lesson = self.app.course.find(option_id.removeprefix("lesson:"))
            if lesson is not None:
                self.app.push_screen(LessonScreen(lesson))
