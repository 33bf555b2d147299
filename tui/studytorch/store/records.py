"""What a run and a review look like when read back, and how much of a run is kept."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

RUNS_KEPT = 50
"""Runs remembered per step: the newest 50 are kept, older ones dropped as each run is recorded."""
OUTPUT_KEPT = 8000
"""Characters of a run's output kept in its history: the end, where the result usually is."""


@dataclass(frozen=True)
class RunRecord:
    """One earlier run of a step, as the run history keeps it."""

    id: int
    status: str
    duration_s: float
    at: float
    code: str | None = None
    output: str | None = None
    metrics: dict[str, Any] = field(default_factory=dict)
    verdict: str | None = None
    """"passed" (its check passed, or it ran clean with no check), "failed" (its check did
    not pass), None (no check ran: the status says why, or it was recorded before verdicts)."""


@dataclass(frozen=True)
class ReviewEntry:
    """One rating the learner gave a card."""

    card_key: str
    lesson_id: str
    rating: int
    at: float


def _capped(output: str | None) -> str | None:
    if output is None or len(output) <= OUTPUT_KEPT:
        return output
    cut = len(output) - OUTPUT_KEPT
    return f"[{cut} earlier characters not kept]\n" + output[-OUTPUT_KEPT:]


def _metrics(text: str | None) -> dict[str, Any]:
    if not text:
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


LATEST_DUE = 253402300799.0
"""The last second of year 9999: the latest time Python's datetime can hold."""
_FSRS_KEYS = ("card_id", "state", "due")


def review_row_problem(state: Any, due: Any) -> str | None:
    """Why a review row cannot be used (said briefly), or None. A row is the learner's file,
    which a crash, a sync tool or a hand edit may have damaged: nothing read from it may raise
    later, in the deck's sorting or in FSRS."""
    if isinstance(due, bool) or not isinstance(due, (int, float)):
        return "its due time is not a number"
    if not (math.isfinite(due) and 0 <= due <= LATEST_DUE):
        return "its due time is out of range"
    if not isinstance(state, str):
        return "its state is not text"
    try:
        value = json.loads(state)
    except ValueError:
        return "its state is not JSON"
    if not isinstance(value, dict) or any(key not in value for key in _FSRS_KEYS):
        return "its state is not an FSRS card"
    try:
        datetime.fromisoformat(str(value["due"]))
    except ValueError:
        return "its state's due date is not a date"
    return None
