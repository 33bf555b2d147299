"""What a run and a review look like when read back, and how much of a run is kept."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
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
