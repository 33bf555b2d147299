"""ReviewScreen: the due cards one at a time; predict cards run live when a kernel is there."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from studytorch.keys import localize
from studytorch.review.deck import DeckCard, build_deck, due_cards
from studytorch.screens.host import StudyHost, host_of
from studytorch.screens.messages import LeaveReview, OpenReviewStats
from studytorch.screens.review_text import next_due, predict_answer
from studytorch.store import StoreError
from studytorch.text import visible
from studytorch.ui_text import ui

if TYPE_CHECKING:
    from studytorch.course.predict import CardRun

_UNUSABLE = ("dead", "stopped")
"""Kernel states in which a predict card shows its stored answer instead of running."""


class ReviewScreen(Screen[None]):
    """Question, then Space/Enter reveals the answer, then 1-4 rates it (FSRS schedules)."""

    DEFAULT_CSS = """
    #review-bar { height: 1; background: $primary 30%; padding: 0 1; }
    #review-card { height: 1fr; padding: 1 2 0 2; }
    #review-card > Static { height: auto; }
    #review-question { margin-bottom: 1; }
    #review-code { border: round $primary; padding: 0 1; }
    #review-rate { height: auto; padding: 0 2; color: $accent; background: $panel; }
    """
    BINDINGS = [
        Binding("space", "reveal", "Answer", tooltip="Show the answer"),
        Binding("enter", "reveal", "Answer", tooltip="Show the answer", show=False),
        Binding("1", "rate(1)", "Again"),
        Binding("2", "rate(2)", "Hard"),
        Binding("3", "rate(3)", "Good"),
        Binding("4", "rate(4)", "Easy"),
        Binding("s", "stats", "Stats"),
        Binding("escape", "back", "Lessons"),
    ]

    def __init__(self, named: list[str] | None = None) -> None:
        super().__init__()
        self.named = list(named or [])
        self.queue: list[DeckCard] = []
        self.item: DeckCard | None = None
        self.revealed = False
        self.reviewed = 0
        self.live: CardRun | None = None
        self.truth_from = "stored"
        """Where a predict card's answer comes from: "running", "live", "failed" or "stored"."""

    @property
    def host(self) -> StudyHost:
        return host_of(self)

    def compose(self) -> ComposeResult:
        yield Static(id="review-bar")
        with VerticalScroll(id="review-card"):
            yield Static(id="review-question")
            yield Static(id="review-code")
            yield Input(id="review-prediction")
            yield Static(id="review-answer")
        # Outside the scroll, so the ratings stay on screen however long the answer is.
        yield Static(id="review-rate")
        yield Footer()

    def on_mount(self) -> None:
        self.watch(self.app, "lang", self._language_changed)
        # `studytorch review` shows this screen before the lessons are read: fill it then.
        self.watch(self.app, "course_loaded", self._course_loaded)

    def _course_loaded(self, loaded: bool) -> None:
        if loaded:
            self._refill()

    def _language_changed(self, lang: str) -> None:
        localize(self, lang)
        self._show()

    def t(self, key: str, **values: object) -> str:
        return ui(f"review.{key}", self.host.lang, **values)

    # --- the queue --------------------------------------------------------------------------

    def _refill(self) -> None:
        self.queue = due_cards(build_deck(self.host.course, self.host.store, self.named))
        damaged = self.host.store.take_set_aside()
        if damaged:  # the rest of the deck goes on; those cards are new again
            text = ui("store.set_aside", self.host.lang, n=len(damaged), cards="; ".join(damaged))
            self.notify(visible(text), severity="warning", timeout=20)
        self._next()

    def _next(self) -> None:
        self.item = self.queue.pop(0) if self.queue else None
        self.revealed = False
        self.live, self.truth_from = None, "stored"
        prediction = self.query_one(Input)
        prediction.value = ""
        if self.item is not None and self.item.card.kind == "predict":
            self.host.ensure_kernel()  # started on the first predict card: launch stays quick
            prediction.focus()
        else:
            self.set_focus(None)
        self._show()

    # --- drawing ----------------------------------------------------------------------------

    def _show(self) -> None:
        if not self.host.course_loaded:
            self.query_one("#review-question", Static).update(Text(self.t("loading")))
            for name in ("#review-code", "#review-prediction", "#review-answer", "#review-rate"):
                self.query_one(name).display = False
            return
        lang, item = self.host.lang, self.item
        left = len(self.queue) + (item is not None)
        bar = Text(f"{self.t('title')} · {self.t('due', n=left)}")
        if item is not None:
            bar.append(f" · {visible(item.lesson.title.get(lang))}", style="dim")
        self.query_one("#review-bar", Static).update(bar)
        predict = item is not None and item.card.kind == "predict"
        code = self.query_one("#review-code", Static)
        code.display = predict
        prediction = self.query_one(Input)
        prediction.display = predict and not self.revealed  # "You predicted" repeats it
        prediction.placeholder = self.t("placeholder")
        prediction.disabled = self.revealed
        if item is None:
            self._show_finished()
            return
        question = Text()
        question.append(visible(item.card.question.get(lang)), style="bold")
        if not self.revealed:  # once shown, the ratings below say what to press
            prompt = self.t("predict") if predict else self.t("reveal")
            question.append("\n\n" + prompt, style="dim")
        self.query_one("#review-question", Static).update(question)
        if predict:
            from rich.syntax import Syntax  # pygments: only once a predict card is shown

            code.update(Syntax(visible(item.card.code or "").rstrip(), "python", theme="ansi_dark"))
        answer = self.query_one("#review-answer", Static)
        rating = self.query_one("#review-rate", Static)
        answer.display = rating.display = self.revealed
        if self.revealed:
            answer.update(self._answer_text(item))
            self.call_after_refresh(answer.scroll_visible, animate=False)
            line = Text(self.t("rate") + "\n" + self.t("ratings"))
            if self.suggested is not None:
                line.append("   " + self.t("suggested", n=self.suggested), style="bold")
            rating.update(line)

    def _answer_text(self, item: DeckCard) -> Text:
        lang, card = self.host.lang, item.card
        if card.kind != "predict":
            answer = visible(card.answer_in(lang))
            return Text().append(f"{self.t('answer')}: ", style="bold").append(answer)
        prediction = self.query_one(Input).value
        return predict_answer(lang, card, prediction, self.truth_from, self.live, self.suggested)

    def _show_finished(self) -> None:
        lang = self.host.lang
        for name in ("#review-answer", "#review-rate"):
            self.query_one(name, Static).display = False
        deck = build_deck(self.host.course, self.host.store, self.named)
        if not deck:
            message = self.t("empty")
        else:
            upcoming = min((c.due for c in deck if c.due is not None), default=None)
            message = self.t("done", next=next_due(lang, upcoming) if upcoming else "")
        lines = Text(message)
        if self.reviewed:
            lines.append("\n" + self.t("reviewed", n=self.reviewed))
        lines.append("\n\n" + self.t("stats_key"), style="dim")
        self.query_one("#review-question", Static).update(lines)

    # --- revealing and rating ---------------------------------------------------------------

    def _truth(self) -> str | None:
        """The answer to compare with: printed live, or the stored one; None while running."""
        if self.item is None or self.truth_from == "running":
            return None
        if self.truth_from == "live" and self.live is not None:
            return self.live.answer
        return self.item.card.answer_in(self.host.lang)

    @property
    def suggested(self) -> int | None:
        if self.item is None or self.item.card.kind != "predict":
            return None
        from studytorch.course.predict import matches

        truth = self._truth()
        if truth is None:
            return None
        return 3 if matches(self.query_one(Input).value, truth) else 1

    def _kernel_usable(self) -> bool:
        return self.host.kernel_state not in _UNUSABLE

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_reveal()

    def action_reveal(self) -> None:
        if self.item is None or self.revealed:
            return
        self.revealed = True
        self.set_focus(None)  # the digits rate from here on; the Input would swallow them
        if self.item.card.kind == "predict" and self._kernel_usable():
            self.truth_from = "running"
            self._run_live(self.item)
        self._show()

    @work(exclusive=True, group="card")
    async def _run_live(self, item: DeckCard) -> None:
        from studytorch.course.predict import run_card
        from studytorch.kernel import KernelError

        try:
            live = await run_card(self.host.session, item.card)
        except KernelError:
            live = None
        if item is self.item:  # still on the card it ran for
            self.live = live
            if live is None or live.kernel_lost:
                self.truth_from = "stored"  # no kernel after all: quietly the stored answer
            else:
                self.truth_from = "failed" if live.error else "live"
            self._show()

    def action_rate(self, rating: int) -> None:
        if self.item is None or not self.revealed:
            return
        from studytorch.review.schedule import rate

        try:
            rate(self.host.store, self.item, rating)
        except StoreError as exc:
            self.notify(str(exc), severity="error")
            return
        self.reviewed += 1
        if not self.queue:
            self.queue = due_cards(build_deck(self.host.course, self.host.store, self.named))
        self._next()

    def action_stats(self) -> None:
        self.post_message(OpenReviewStats(self.named))

    def action_back(self) -> None:
        self.post_message(LeaveReview())
