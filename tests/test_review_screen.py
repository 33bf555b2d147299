"""The review screen driven by Pilot: reveal, rate, predict cards live or from the stored answer."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static
from textual.widgets._footer import FooterKey

from fakes import FakeSession
from studytorch.app import StudyApp
from studytorch.course import Lesson, LoadReport, Localized, Step
from studytorch.course.model import Card
from studytorch.kernel import KernelError, KernelState, Stream
from studytorch.notice import Notice
from studytorch.screens.home import HomeScreen
from studytorch.screens.review import ReviewScreen
from studytorch.screens.review_stats import ReviewStatsScreen
from studytorch.store import Store

WAIT_S = 30.0

RECALL = Card(
    Localized("What does squeeze() remove?", "squeeze()는 무엇을 없애나요?"),
    Localized("Dimensions of size 1.", "크기가 1인 차원."),
)
PREDICT = Card(
    Localized("What does this print?", "이 코드는 무엇을 출력할까요?"),
    "torch.Size([3, 2])",
    "predict",
    "x = torch.arange(6)\nprint(x.view(3, -1).shape)\n",
    Localized("-1 takes what is left: 6 / 3 = 2.", "-1은 남은 크기를 채웁니다."),
)


def course(*cards: Card) -> LoadReport:
    step = Step("view", Localized("view", "view"), Localized("note", "노트"), "x = 1\n")
    return LoadReport([Lesson("shape-ops", Localized("Shape ops", "모양 바꾸기"), (step,), cards)])


def text_of(app: StudyApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def until(pilot: Pilot, condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await pilot.pause(0.05)


def review_app(tmp_path: Path, session: FakeSession, *cards: Card, lang: str = "en") -> StudyApp:
    store = Store(tmp_path / "progress.sqlite3")
    return StudyApp(
        session=session, store=store, course=course(*cards), lang=lang, review=["shape-ops"]
    )


async def opened(pilot: Pilot) -> ReviewScreen:
    await until(pilot, lambda: isinstance(pilot.app.screen, ReviewScreen), "the review screen")
    await pilot.pause()
    return pilot.app.screen


async def test_space_reveals_and_3_rates_the_card_which_leaves_the_due_pile(tmp_path) -> None:
    app = review_app(tmp_path, FakeSession(), RECALL)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        assert "What does squeeze() remove?" in text_of(app, "#review-question")
        assert "1 due" in text_of(app, "#review-bar")
        assert not app.screen.query_one("#review-answer").display
        await pilot.press("3")  # rating before the answer is shown does nothing
        assert app.store.review_log() == []
        await pilot.press("space")
        assert "Dimensions of size 1." in text_of(app, "#review-answer")
        assert "3 Good" in text_of(app, "#review-rate")
        await pilot.press("3")
        await pilot.pause()
        assert [entry.rating for entry in app.store.review_log()] == [3]
        assert "Nothing is due" in text_of(app, "#review-question")
        assert "today at" in text_of(app, "#review-question")  # a new card comes back soon
        await pilot.press("escape")  # `studytorch review` had no home screen under it yet
        await until(pilot, lambda: isinstance(app.screen, HomeScreen), "the home screen")


async def test_a_predict_card_runs_live_and_an_exact_match_suggests_good(tmp_path) -> None:
    session = FakeSession(lambda code: [Stream("stdout", "torch.Size([3, 2])\n")])
    app = review_app(tmp_path, session, PREDICT)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await opened(pilot)
        assert screen.query_one(Input).has_focus
        await pilot.press(*"torch.Size([3,2])")
        assert screen.query_one(Input).value == "torch.Size([3,2])"  # space/digits typed, not keys
        await pilot.press("enter")
        await until(pilot, lambda: "printed" in text_of(app, "#review-answer"), "the live run")
        answer = text_of(app, "#review-answer")
        assert "The kernel printed" in answer and "torch.Size([3, 2])" in answer
        assert "✓ exact match" in answer and "-1 takes what is left" in answer
        assert "suggested: 3" in text_of(app, "#review-rate")
        assert "torch.arange(6)" in session.ran[-1]  # the card's code, run in the kernel
        rate_line = screen.query_one("#review-rate").region
        assert rate_line.bottom <= 23, "the ratings must fit on an 80x24 terminal"
        await pilot.press("1")
        await pilot.pause()
        assert [entry.rating for entry in app.store.review_log()] == [1]


class NoTorchSession(FakeSession):
    """A kernel that cannot start, as on a laptop without torch."""

    async def start(self) -> None:
        self._set_state(KernelState.DEAD)
        raise KernelError(Notice("kernel.no_torch", {"python": "python3"}))


async def test_without_a_kernel_the_stored_answer_is_shown_and_nothing_alarms(tmp_path) -> None:
    app = review_app(tmp_path, NoTorchSession(), PREDICT, lang="ko")
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await until(pilot, lambda: app.kernel_state == "dead", "the kernel to fail")
        assert "이 코드는 무엇을 출력할까요?" in text_of(app, "#review-question")
        await pilot.press(*"torch.Size([2, 3])", "enter")
        await pilot.pause()
        answer = text_of(app, "#review-answer")
        assert "저장된 답" in answer and "torch.Size([3, 2])" in answer
        assert "✗ 조금 다릅니다" in answer
        assert "추천: 1" in text_of(app, "#review-rate")
        assert not [n for n in app._notifications if n.severity == "error"]


async def test_home_shows_the_due_count_and_r_opens_review_then_s_the_stats(tmp_path) -> None:
    store = Store(tmp_path / "progress.sqlite3")
    store.set_position("shape-ops", "view")  # started: its cards are in the deck
    app = StudyApp(session=FakeSession(), store=store, course=course(RECALL, PREDICT), lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HomeScreen), "the home screen")
        await pilot.pause()
        assert "2 card(s) due" in text_of(app, "#home-review")
        await pilot.press("r")
        await opened(pilot)
        await pilot.press("space", "4")  # the recall card
        await pilot.press(*"torch.Size([3, 2])", "enter")  # the predict card, run live
        await until(pilot, lambda: "printed" in text_of(app, "#review-answer"), "the live run")
        await pilot.press("4", "s")
        await until(pilot, lambda: isinstance(app.screen, ReviewStatsScreen), "the stats")
        await pilot.pause()
        numbers = text_of(app, "#stats-numbers")
        assert "2 reviews in all; 0 cards due now" in numbers
        assert "not yet" in numbers
        await pilot.press("escape", "escape")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen), "home again")
        assert "nothing due" in text_of(app, "#home-review")


@pytest.mark.parametrize("lang", ["en", "ko"])
async def test_the_footer_names_the_ratings_in_the_learners_language(tmp_path, lang) -> None:
    app = review_app(tmp_path, FakeSession(), RECALL, lang=lang)
    async with app.run_test(size=(100, 24)) as pilot:
        await opened(pilot)

        def footer() -> dict[str, str]:
            return {key.action: key.description for key in app.screen.query(FooterKey)}

        expected = ("Again", "Good") if lang == "en" else ("다시", "좋음")
        await until(pilot, lambda: footer().get("rate(1)") == expected[0], "the footer")
        assert footer()["rate(3)"] == expected[1]


@pytest.mark.parametrize("lang", ["en", "ko"])
async def test_once_the_answer_shows_the_screen_stops_saying_space_shows_it(
    tmp_path: Path, lang: str
) -> None:
    from studytorch.ui_text import ui

    app = review_app(tmp_path, FakeSession(), RECALL, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        assert ui("review.reveal", lang) in text_of(app, "#review-question")
        await pilot.press("space")
        assert ui("review.reveal", lang) not in text_of(app, "#review-question")
        assert ui("review.rate", lang) in text_of(app, "#review-rate"), "the ratings say what to do"


@pytest.mark.parametrize("key", ["r", "R"])
async def test_r_and_shift_r_on_the_lesson_list_open_review(tmp_path: Path, key: str) -> None:
    store = Store(tmp_path / "progress.sqlite3")
    app = StudyApp(session=FakeSession(), store=store, course=course(RECALL), lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HomeScreen), "the lesson list")
        assert "press R" in text_of(app, "#home-review") or "R opens" in text_of(
            app, "#home-review"
        )
        await pilot.press(key)
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "the review screen")
