"""Rate a card with FSRS (the `fsrs` package) and keep its new state in the store.

`fsrs` is imported on the first rating, not at app launch: the home screen only counts due cards,
which needs the stored due times and nothing else.
"""

from __future__ import annotations

import functools
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from studytorch.review.deck import DeckCard
from studytorch.store import Store

if TYPE_CHECKING:
    import fsrs

AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4
RATINGS = (AGAIN, HARD, GOOD, EASY)


@functools.cache
def _scheduler() -> fsrs.Scheduler:
    import fsrs

    return fsrs.Scheduler()


def rate(store: Store, item: DeckCard, rating: int, now: datetime | None = None) -> DeckCard:
    """Review `item` with `rating` (1 Again .. 4 Easy); returns it with its next state and due."""
    import fsrs

    if rating not in RATINGS:
        raise ValueError(f"a rating is 1, 2, 3 or 4 (got {rating!r})")
    now = now or datetime.now(timezone.utc)
    card = fsrs.Card.from_json(item.state) if item.state else fsrs.Card(due=now)
    card, _log = _scheduler().review_card(card, fsrs.Rating(rating), review_datetime=now)
    due = card.due.timestamp()
    state = card.to_json()
    store.save_review(item.key, item.lesson.id, state, due, rating, now.timestamp())
    return DeckCard(item.lesson, item.card, item.key, state, due)


def recall_chance(item: DeckCard, now: datetime | None = None) -> float | None:
    """FSRS's estimate that the learner still remembers `item` now; None for a new card."""
    if item.state is None:
        return None
    import fsrs

    card: Any = fsrs.Card.from_json(item.state)
    return float(_scheduler().get_card_retrievability(card, now or datetime.now(timezone.utc)))
