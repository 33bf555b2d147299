"""The review deck: which cards are in it, FSRS scheduling that lasts, and the stats."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from studytorch.course import load_course
from studytorch.course.predict import last_line, matches
from studytorch.review.deck import build_deck, due_cards, due_counts
from studytorch.review.schedule import AGAIN, GOOD, rate
from studytorch.review.stats import due_forecast, retention, reviews_per_day
from studytorch.store import ReviewEntry, Store


@pytest.fixture(scope="module")
def course():
    return load_course()


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "progress.sqlite3") as store:
        yield store


def test_the_deck_holds_the_named_lessons_or_else_the_started_ones(course, store) -> None:
    assert build_deck(course, store) == []
    store.set_position("tensors", course.find("tensors").steps[0].id)
    started = build_deck(course, store)
    assert {item.lesson.id for item in started} == {"tensors"}
    assert len(started) == len(course.find("tensors").cards) == len(due_cards(started))
    named = build_deck(course, store, named=["shape-ops"])  # `studytorch review shape-ops`
    assert {item.lesson.id for item in named} == {"shape-ops"}
    assert len(named) == len(course.find("shape-ops").cards) == len(due_cards(named))


def test_rating_good_takes_one_card_out_of_the_due_pile(course, store) -> None:
    deck = build_deck(course, store, named=["shape-ops"])
    before = due_counts(deck)["shape-ops"]
    rate(store, due_cards(deck)[0], GOOD)
    after = build_deck(course, store, named=["shape-ops"])
    assert due_counts(after)["shape-ops"] == before - 1
    assert len(store.review_log()) == 1


def test_fsrs_state_survives_a_restart_and_schedules_from_it(course, tmp_path: Path) -> None:
    db = tmp_path / "progress.sqlite3"
    start = datetime.now(timezone.utc)
    with Store(db) as store:
        first = due_cards(build_deck(course, store, named=["shape-ops"]))[0]
        learning = rate(store, first, GOOD, start)
        assert learning.due - start.timestamp() < 3600  # a new card comes back the same day
    with Store(db) as store:
        (again,) = [c for c in build_deck(course, store, named=["shape-ops"]) if c.key == first.key]
        assert again.state == learning.state
        later = start + timedelta(minutes=15)
        graduated = rate(store, again, GOOD, later)
        # Only a card FSRS remembers as learned twice moves out to days.
        assert graduated.due - later.timestamp() >= 86400 * 0.9


def test_an_again_keeps_the_card_coming_back_within_minutes(course, store) -> None:
    now = datetime.now(timezone.utc)
    item = rate(store, due_cards(build_deck(course, store, named=["tensors"]))[0], AGAIN, now)
    assert item.due - now.timestamp() <= 600
    soon = build_deck(course, store, named=["tensors"])
    assert item.key in {c.key for c in due_cards(soon, now.timestamp() + 601)}


def test_stats_count_reviews_per_day_the_due_forecast_and_retention(course, store) -> None:
    now = time.time()
    log = [
        ReviewEntry("a:1", "a", GOOD, now - 2 * 86400),
        ReviewEntry("a:1", "a", AGAIN, now - 86400),
        ReviewEntry("a:1", "a", GOOD, now),
        ReviewEntry("a:2", "a", GOOD, now),
    ]
    per_day = reviews_per_day(log, days=14, now=now)
    assert len(per_day) == 14 and per_day[-1] == 2 and sum(per_day) == 4
    assert retention(log) == (0.5, 2)  # a:1 came back twice: forgotten once, remembered once
    assert retention(log[:1]) is None
    deck = build_deck(course, store, named=["shape-ops"])
    rate(store, deck[0], GOOD)
    forecast = due_forecast(build_deck(course, store, named=["shape-ops"]), now=now)
    assert sum(forecast) == len(deck) and forecast[0] >= len(deck) - 1


def test_the_answer_is_the_last_printed_line_and_spaces_do_not_matter() -> None:
    assert last_line("tensor([1, 2])\ntorch.Size([2])  \n\n") == "torch.Size([2])"
    assert matches("tensor([1,2])", "tensor([1, 2])")
    assert not matches("tensor([1, 3])", "tensor([1, 2])")
