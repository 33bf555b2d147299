"""The review schedule: each card's FSRS state, the ratings given, damaged rows set aside."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from studytorch.store.errors import StoreError
from studytorch.store.health import Database
from studytorch.store.records import ReviewEntry, review_row_problem


class ReviewQueries(Database):
    """The review part of `Store`."""

    set_aside: list[str]
    """Damaged review cards moved aside since `take_set_aside` was last called."""

    def __init__(self, path: Path | None = None) -> None:
        self.set_aside = []
        super().__init__(path)

    def review_states(self) -> dict[str, tuple[str, float]]:
        """Every reviewed card's key -> (its FSRS state as JSON, when it is due: epoch seconds).

        A damaged row (a due that is not a time, a state that is not FSRS's JSON) is moved to
        `review_set_aside` and named in `set_aside`: that card starts again as a new one, and
        the rest of the deck works."""
        with self._using("read your review schedule") as conn:
            rows = conn.execute(
                "SELECT card_key, lesson_id, state, due FROM review_cards"
            ).fetchall()
        states: dict[str, tuple[str, float]] = {}
        damaged = []
        for key, lesson_id, state, due in rows:
            problem = review_row_problem(state, due)
            if problem is None:
                states[key] = (state, float(due))
            else:
                damaged.append((key, lesson_id, state, due, problem))
        if damaged:
            self._set_aside(damaged)
        return states

    def _set_aside(self, damaged: list[tuple[Any, ...]]) -> None:
        self.set_aside.extend(f"{row[0]} ({row[4]})" for row in damaged)
        try:
            with self._using("set aside damaged review cards") as conn:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    for key, lesson_id, state, due, problem in damaged:
                        conn.execute(
                            "INSERT INTO review_set_aside (card_key, lesson_id, state, due, "
                            "problem, at) VALUES (?, ?, ?, ?, ?, ?)",
                            (key, lesson_id, state, due, problem, time.time()),
                        )
                        conn.execute("DELETE FROM review_cards WHERE card_key = ?", (key,))
                    conn.execute("COMMIT")
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise
        except StoreError:
            pass  # read-only: the rows stay, skipped (and reported) at every read

    def take_set_aside(self) -> list[str]:
        """Review cards set aside as damaged since the last call ("key (why)"), once."""
        found, self.set_aside = self.set_aside, []
        return found

    def save_review(
        self, card_key: str, lesson_id: str, state: str, due: float, rating: int, at: float
    ) -> None:
        """Keep a card's new FSRS state and log the rating, in one transaction."""
        with self._using(f"save your review of {card_key}") as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.execute(
                    "INSERT INTO review_cards (card_key, lesson_id, state, due) "
                    "VALUES (?, ?, ?, ?) ON CONFLICT (card_key) DO UPDATE SET "
                    "state = excluded.state, due = excluded.due",
                    (card_key, lesson_id, state, float(due)),
                )
                conn.execute(
                    "INSERT INTO review_log (card_key, lesson_id, rating, at) VALUES (?, ?, ?, ?)",
                    (card_key, lesson_id, int(rating), float(at)),
                )
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    def review_log(self, since: float = 0.0) -> list[ReviewEntry]:
        """Ratings given at or after `since` (epoch seconds), oldest first."""
        with self._using("read your review history") as conn:
            rows = conn.execute(
                "SELECT card_key, lesson_id, rating, at FROM review_log WHERE at >= ? ORDER BY id",
                (since,),
            ).fetchall()
        return [ReviewEntry(*row) for row in rows]
