"""What the learner keeps: edits, progress, run history, reviews, position and settings."""

from __future__ import annotations

import json
import math
import time
from typing import Any

from studytorch.store.errors import EditConflict, StoreError
from studytorch.store.records import (
    RUNS_KEPT,
    RunRecord,
    _capped,
    _metrics,
)
from studytorch.store.review import ReviewQueries

UNCHECKED = -1.0
"""`save_edit` without a revision: last writer wins (scripts and tests)."""


class Store(ReviewQueries):
    """Progress, edits, run history, reviews, position and settings; every write commits at
    once."""

    # -- edits -------------------------------------------------------------------------------

    def load_edit(self, lesson_id: str, step_id: str) -> str | None:
        found = self.load_edit_revision(lesson_id, step_id)
        return None if found is None else found[0]

    def load_edit_revision(self, lesson_id: str, step_id: str) -> tuple[str, float] | None:
        """The saved edit and its revision (pass it back to `save_edit`), or None."""
        with self._using(f"read your edit of {lesson_id}/{step_id}") as conn:
            row = conn.execute(
                "SELECT code, updated_at FROM edits WHERE lesson_id = ? AND step_id = ?",
                (lesson_id, step_id),
            ).fetchone()
        return None if row is None else (row[0], row[1])

    def save_edit(
        self, lesson_id: str, step_id: str, code: str, revision: float | None = UNCHECKED
    ) -> float:
        """Save `code`; the new revision. With `revision` (what this instance last read or
        wrote, None for nothing), a different edit saved since by another studytorch is not
        overwritten: EditConflict carries it instead."""
        doing = f"save your edit of {lesson_id}/{step_id}"
        with self._lock:
            try:
                self._reopen_if_gone()
            except StoreError as exc:
                raise StoreError(f"Could not {doing}: {exc}") from exc
        with self._using(doing) as conn:
            # The revision is the edit's updated_at: read and written under one write lock.
            conn.execute("BEGIN IMMEDIATE")
            try:
                row = conn.execute(
                    "SELECT code, updated_at FROM edits WHERE lesson_id = ? AND step_id = ?",
                    (lesson_id, step_id),
                ).fetchone()
                if (
                    revision != UNCHECKED
                    and row is not None
                    and row[1] != revision
                    and row[0] != code
                ):
                    raise EditConflict(
                        f"Another studytorch saved a different version of {lesson_id}/{step_id} "
                        f"at {time.strftime('%H:%M:%S', time.localtime(row[1]))}.",
                        row[0],
                        row[1],
                    )
                now = time.time()
                if row is not None and now <= row[1]:
                    now = math.nextafter(row[1], math.inf)  # revisions only grow
                conn.execute(
                    "INSERT INTO edits (lesson_id, step_id, code, updated_at) "
                    "VALUES (?, ?, ?, ?) ON CONFLICT (lesson_id, step_id) "
                    "DO UPDATE SET code = excluded.code, updated_at = excluded.updated_at",
                    (lesson_id, step_id, code, now),
                )
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        return now

    def clear_edit(self, lesson_id: str, step_id: str) -> None:
        with self._using(f"reset your edit of {lesson_id}/{step_id}") as conn:
            conn.execute(
                "DELETE FROM edits WHERE lesson_id = ? AND step_id = ?", (lesson_id, step_id)
            )

    # -- progress ----------------------------------------------------------------------------

    def mark_passed(self, lesson_id: str, step_id: str) -> None:
        with self._using(f"record that {lesson_id}/{step_id} passed") as conn:
            # OR IGNORE keeps the first time it passed.
            conn.execute(
                "INSERT OR IGNORE INTO passed (lesson_id, step_id, passed_at) VALUES (?, ?, ?)",
                (lesson_id, step_id, time.time()),
            )

    def passed_steps(self, lesson_id: str) -> set[str]:
        with self._using(f"read your progress in {lesson_id}") as conn:
            rows = conn.execute(
                "SELECT step_id FROM passed WHERE lesson_id = ?", (lesson_id,)
            ).fetchall()
        return {row[0] for row in rows}

    def progress(self) -> dict[str, set[str]]:
        with self._using("read your progress") as conn:
            rows = conn.execute("SELECT lesson_id, step_id FROM passed").fetchall()
        result: dict[str, set[str]] = {}
        for lesson_id, step_id in rows:
            result.setdefault(lesson_id, set()).add(step_id)
        return result

    # -- runs --------------------------------------------------------------------------------

    def record_run(
        self,
        lesson_id: str,
        step_id: str,
        status: str,
        duration_s: float,
        *,
        code: str | None = None,
        output: str | None = None,
        metrics: dict[str, Any] | None = None,
        verdict: str | None = None,
    ) -> None:
        """Keep a run; the step's runs beyond the newest RUNS_KEPT are dropped in the same
        transaction. `output` keeps its last OUTPUT_KEPT characters; `metrics` is JSON;
        `verdict` is what the check said ("passed", "failed"; None: no check ran)."""
        with self._using(f"record a run of {lesson_id}/{step_id}") as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.execute(
                    "INSERT INTO runs (lesson_id, step_id, status, duration_s, at, code, output, "
                    "metrics, verdict) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        lesson_id,
                        step_id,
                        status,
                        float(duration_s),
                        time.time(),
                        code,
                        _capped(output),
                        json.dumps(metrics) if metrics else None,
                        verdict,
                    ),
                )
                conn.execute(
                    "DELETE FROM runs WHERE lesson_id = ? AND step_id = ? AND id NOT IN "
                    "(SELECT id FROM runs WHERE lesson_id = ? AND step_id = ? "
                    "ORDER BY id DESC LIMIT ?)",
                    (lesson_id, step_id, lesson_id, step_id, RUNS_KEPT),
                )
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    def runs(self, lesson_id: str, step_id: str, limit: int = 20) -> list[tuple[str, float, float]]:
        with self._using(f"read the runs of {lesson_id}/{step_id}") as conn:
            # id, not time, orders runs: the clock may step back, ids only grow.
            rows = conn.execute(
                "SELECT status, duration_s, at FROM runs WHERE lesson_id = ? AND step_id = ? "
                "ORDER BY id DESC LIMIT ?",
                (lesson_id, step_id, limit),
            ).fetchall()
        return [(status, duration, at) for status, duration, at in rows]

    def run_history(self, lesson_id: str, step_id: str, limit: int = RUNS_KEPT) -> list[RunRecord]:
        """The step's runs, newest first, with their code, output and metrics."""
        with self._using(f"read the runs of {lesson_id}/{step_id}") as conn:
            rows = conn.execute(
                "SELECT id, status, duration_s, at, code, output, metrics, verdict FROM runs "
                "WHERE lesson_id = ? AND step_id = ? ORDER BY id DESC LIMIT ?",
                (lesson_id, step_id, limit),
            ).fetchall()
        return [
            RunRecord(row[0], row[1], row[2], row[3], row[4], row[5], _metrics(row[6]), row[7])
            for row in rows
        ]

    def started_lessons(self) -> set[str]:
        """Lessons the learner has opened, edited or run something in."""
        with self._using("read which lessons you started") as conn:
            rows = conn.execute(
                "SELECT lesson_id FROM visits UNION SELECT lesson_id FROM edits "
                "UNION SELECT lesson_id FROM runs"
            ).fetchall()
        return {row[0] for row in rows}

    # -- position ----------------------------------------------------------------------------

    def set_position(self, lesson_id: str, step_id: str) -> None:
        with self._using("remember where you were") as conn:
            # One statement, so the next seq is read and written under the same lock even
            # with another studytorch writing.
            conn.execute(
                "INSERT INTO visits (lesson_id, step_id, seq, at) "
                "VALUES (?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM visits), ?) "
                "ON CONFLICT (lesson_id) DO UPDATE SET "
                "step_id = excluded.step_id, seq = excluded.seq, at = excluded.at",
                (lesson_id, step_id, time.time()),
            )

    def last_position(self) -> tuple[str, str] | None:
        with self._using("read where you were") as conn:
            row = conn.execute(
                "SELECT lesson_id, step_id FROM visits ORDER BY seq DESC LIMIT 1"
            ).fetchone()
        return None if row is None else (row[0], row[1])

    def recent_lessons(self) -> list[str]:
        with self._using("read your recent lessons") as conn:
            rows = conn.execute("SELECT lesson_id FROM visits ORDER BY seq DESC").fetchall()
        return [row[0] for row in rows]

    # -- settings ----------------------------------------------------------------------------

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        with self._using(f"read the setting {key!r}") as conn:
            row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return default if row is None else row[0]

    def set_setting(self, key: str, value: str) -> None:
        with self._using(f"save the setting {key!r}") as conn:
            conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
