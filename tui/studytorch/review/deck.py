"""The review deck: the cards of the lessons named (else of those started), and which are due."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass

from studytorch.course.model import Card, Lesson, LoadReport
from studytorch.store import Store


@dataclass(frozen=True)
class DeckCard:
    """One card in the deck with its review state; `state` is None for a card never reviewed."""

    lesson: Lesson
    card: Card
    key: str
    state: str | None = None
    """The fsrs package's JSON for this card."""
    due: float | None = None
    """When it is due next (epoch seconds); None for a new card, which is due at once."""

    def is_due(self, now: float) -> bool:
        return self.due is None or self.due <= now


def deck_lessons(course: LoadReport, store: Store, named: Iterable[str] = ()) -> list[Lesson]:
    """Lessons whose cards are reviewed, in course order: the `named` ones alone when there
    are any (`studytorch review shape-ops` reviews shape-ops, started or not), else those the
    learner started. Reading the deck never changes it."""
    wanted = set(named) or store.started_lessons()
    return [lesson for lesson in course.lessons if lesson.id in wanted]


def build_deck(course: LoadReport, store: Store, named: Iterable[str] = ()) -> list[DeckCard]:
    states = store.review_states()
    deck = []
    for lesson in deck_lessons(course, store, named):
        for card in lesson.cards:
            key = card.key(lesson.id)
            state, due = states.get(key, (None, None))
            deck.append(DeckCard(lesson, card, key, state, due))
    return deck


def due_cards(deck: list[DeckCard], now: float | None = None) -> list[DeckCard]:
    """The cards due now: reviewed ones longest overdue first, then new ones in lesson order."""
    now = time.time() if now is None else now
    reviewed = sorted((c for c in deck if c.due is not None and c.due <= now), key=_due)
    return reviewed + [c for c in deck if c.due is None]


def due_counts(deck: list[DeckCard], now: float | None = None) -> dict[str, int]:
    """Due cards per lesson id, every lesson of the deck included (in deck order)."""
    now = time.time() if now is None else now
    counts: dict[str, int] = {}
    for item in deck:
        counts[item.lesson.id] = counts.get(item.lesson.id, 0) + item.is_due(now)
    return counts


def _due(item: DeckCard) -> float:
    return item.due or 0.0
