"""Numbers about reviewing: reviews per day, cards due per day ahead, and retention so far."""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta

from studytorch.review.deck import DeckCard
from studytorch.store import ReviewEntry

DAYS = 14
"""How far the plots look back (reviews) and ahead (due forecast)."""


def _day(at: float) -> date:
    return datetime.fromtimestamp(at).date()  # the learner's own calendar day


def reviews_per_day(
    log: list[ReviewEntry], days: int = DAYS, now: float | None = None
) -> list[int]:
    """Ratings given on each of the last `days` days, the oldest first and today last."""
    today = _day(time.time() if now is None else now)
    counts = [0] * days
    for entry in log:
        back = (today - _day(entry.at)).days
        if 0 <= back < days:
            counts[days - 1 - back] += 1
    return counts


def due_forecast(deck: list[DeckCard], days: int = DAYS, now: float | None = None) -> list[int]:
    """Cards falling due on each of the next `days` days, today first (overdue and new count
    as today)."""
    now = time.time() if now is None else now
    today = _day(now)
    counts = [0] * days
    for item in deck:
        ahead = 0 if item.due is None or item.due <= now else (_day(item.due) - today).days
        if ahead < days:
            counts[ahead] += 1
    return counts


def day_labels(days: int = DAYS, ahead: bool = True, now: float | None = None) -> list[str]:
    """Month/day labels matching `due_forecast` (ahead) or `reviews_per_day` (back)."""
    today = _day(time.time() if now is None else now)
    offsets = range(days) if ahead else range(-(days - 1), 1)
    return [(today + timedelta(days=n)).strftime("%m/%d") for n in offsets]


def retention(log: list[ReviewEntry]) -> tuple[float, int] | None:
    """The share of reviews of already-seen cards that were remembered (rated Hard or better),
    and how many such reviews there were; None before any card came back a second time."""
    seen: set[str] = set()
    remembered = total = 0
    for entry in log:
        if entry.card_key in seen:
            total += 1
            remembered += entry.rating >= 2
        seen.add(entry.card_key)
    return (remembered / total, total) if total else None
