"""The database's tables, and the migrations that bring an older file up to them."""

from __future__ import annotations

import sqlite3

from studytorch.store.errors import _TooNew

# MIGRATIONS[n] takes a database from user_version n to n + 1. Append only: a released
# migration is never edited, because learners' files have already run it.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE edits (
            lesson_id TEXT NOT NULL,
            step_id TEXT NOT NULL,
            code TEXT NOT NULL,
            updated_at REAL NOT NULL,
            PRIMARY KEY (lesson_id, step_id)
        )""",
        """CREATE TABLE passed (
            lesson_id TEXT NOT NULL,
            step_id TEXT NOT NULL,
            passed_at REAL NOT NULL,
            PRIMARY KEY (lesson_id, step_id)
        )""",
        """CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            lesson_id TEXT NOT NULL,
            step_id TEXT NOT NULL,
            status TEXT NOT NULL,
            duration_s REAL NOT NULL,
            at REAL NOT NULL
        )""",
        "CREATE INDEX runs_by_step ON runs (lesson_id, step_id, id)",
        # seq orders visits: wall-clock times can tie or step backwards, a counter cannot.
        """CREATE TABLE visits (
            lesson_id TEXT PRIMARY KEY,
            step_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            at REAL NOT NULL
        )""",
        """CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )""",
    ),
    (
        # Run history: what ran and what it printed, so an earlier run can be looked at again.
        "ALTER TABLE runs ADD COLUMN code TEXT",
        "ALTER TABLE runs ADD COLUMN output TEXT",
        "ALTER TABLE runs ADD COLUMN metrics TEXT",
        # Review: each card's FSRS state (the fsrs package's JSON) and when it is due next.
        """CREATE TABLE review_cards (
            card_key TEXT PRIMARY KEY,
            lesson_id TEXT NOT NULL,
            state TEXT NOT NULL,
            due REAL NOT NULL
        )""",
        """CREATE TABLE review_log (
            id INTEGER PRIMARY KEY,
            card_key TEXT NOT NULL,
            lesson_id TEXT NOT NULL,
            rating INTEGER NOT NULL,
            at REAL NOT NULL
        )""",
        "CREATE INDEX review_log_by_time ON review_log (at)",
    ),
    (
        # What the step's check said of a run ("passed", "failed"; NULL: no check ran), so the
        # run history can tell a run whose check failed from one that passed.
        "ALTER TABLE runs ADD COLUMN verdict TEXT",
    ),
    (
        # Review rows found damaged on read, kept as they were (no column types: any value
        # fits) so that nothing is lost while the card starts again as a new one.
        """CREATE TABLE review_set_aside (
            id INTEGER PRIMARY KEY,
            card_key,
            lesson_id,
            state,
            due,
            problem TEXT NOT NULL,
            at REAL NOT NULL
        )""",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> None:
    """Bring the open database to SCHEMA_VERSION, or raise _TooNew for a newer one."""
    # IMMEDIATE takes the write lock before reading the version, so two studytorch
    # instances starting together cannot both run the same migration.
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise _TooNew
        for statements in MIGRATIONS[version:]:
            for statement in statements:
                conn.execute(statement)
        # Written even when unchanged: a read-only file fails here, at startup, rather than
        # at the learner's first save.
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
