"""The learner's progress, edits and settings, kept in one SQLite file."""

from __future__ import annotations

import json
import math
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

from studytorch import locations
from studytorch.notice import Notice

BUSY_TIMEOUT_MS = 5000
"""How long one studytorch waits for another one's write before giving up."""

EMPTY_GRACE_S = 10.0
"""A 0-byte database younger than this is being created by another studytorch, not emptied."""

RUNS_KEPT = 50
"""Runs remembered per step: the newest 50 are kept, older ones dropped as each run is recorded."""
OUTPUT_KEPT = 8000
"""Characters of a run's output kept in its history: the end, where the result usually is."""

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
)
SCHEMA_VERSION = len(MIGRATIONS)

_SIDE_FILES = ("-wal", "-shm", "-journal")

# SQLite's primary result codes; the sqlite3 module only names them from Python 3.11 on.
_PERM = 3
_BUSY = 5
_LOCKED = 6
_READONLY = 8
_IOERR = 10
_CORRUPT = 11
_FULL = 13
_CANTOPEN = 14
_NOTADB = 26


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


class StoreError(Exception):
    """The progress database cannot be opened or written; the message says why, for the learner."""


class EditConflict(StoreError):
    """Another studytorch saved a different edit of the step since this one last read it."""

    def __init__(self, message: str, code: str, revision: float) -> None:
        super().__init__(message)
        self.code = code
        """Their edit, as the database now holds it."""
        self.revision = revision
        """The revision to pass to `save_edit` to overwrite theirs knowingly."""


UNCHECKED = -1.0
"""`save_edit` without a revision: last writer wins (scripts and tests)."""


class _Damaged(Exception):
    pass


class _TooNew(Exception):
    pass


def _primary_code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)  # Python 3.11+
    # Extended codes (SQLITE_IOERR_WRITE and the like) carry the primary code in the low byte.
    return None if code is None else code & 0xFF


def _is_damage(exc: sqlite3.Error) -> bool:
    code = _primary_code(exc)
    if code is not None:
        return code in (_CORRUPT, _NOTADB)
    text = str(exc)  # Python 3.10 has no error codes, only SQLite's fixed messages
    return "file is not a database" in text or "malformed" in text


def _is_busy(exc: sqlite3.Error) -> bool:
    code = _primary_code(exc)
    if code is not None:
        return code in (_BUSY, _LOCKED)
    return "database is locked" in str(exc) or "database is busy" in str(exc)


def _patiently(conn: sqlite3.Connection, sql: str) -> None:
    """Run a statement that SQLite may refuse at once as busy instead of waiting for it.

    Switching a new file to WAL needs an exclusive lock, and SQLite skips the busy handler where
    waiting could deadlock, so two studytorch instances creating the file together can be
    refused at once. Retry until the deadline the busy handler would have given.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            conn.execute(sql)
            return
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, sqlite3.Error):
        code = _primary_code(exc)
        reasons = {
            _FULL: "the disk is full",
            _READONLY: "the file or its folder is read-only",
            _CANTOPEN: "the file cannot be opened (is its folder writable?)",
            _PERM: "permission denied",
            _BUSY: "another studytorch kept the database busy for too long",
            _LOCKED: "another studytorch kept the database busy for too long",
            _IOERR: f"a disk read or write failed ({exc})",
            _CORRUPT: "the database file is damaged; restart studytorch to repair it",
        }
        if code in reasons:
            return reasons[code]
    if isinstance(exc, (FileExistsError, NotADirectoryError)) and exc.filename:
        # mkdir's own words ("File exists") do not say which file is in the way.
        for folder in (Path(exc.filename), *Path(exc.filename).parents):
            if folder.exists() and not folder.is_dir():
                return f"{folder} is a file, but a folder is needed there"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror[0].lower() + exc.strerror[1:]
    return str(exc) or type(exc).__name__


class Store:
    """Progress, edits, run history, position and settings; every write commits at once."""

    notice: Notice | None
    """What the learner should hear about the database (moved aside, recreated), as a code."""
    path: Path

    def __init__(self, path: Path | None = None) -> None:
        self.notice = None
        self.moved_to: Path | None = None
        """Where a damaged, emptied or too new database was moved."""
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = None
        self._identity: tuple[int, int] | None = None
        try:
            self.path = Path(path) if path is not None else locations.database_path()
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            where = path if path is not None else "the studytorch data folder"
            raise StoreError(
                f"Cannot open the progress database at {where}: {_reason(exc)}."
            ) from exc
        self._conn = self._open_repairing()

    def _open_repairing(self) -> sqlite3.Connection:
        """Open the file, moving a damaged, emptied or too new one aside with a notice."""
        if self.path.is_dir():
            raise StoreError(
                f"Cannot open the progress database at {self.path}: that is a folder, but the "
                "database must be a file there (move the folder away)."
            )
        if self._emptied():
            self.moved_to = self._move_aside("empty")
            self.notice = Notice("store.empty", {"path": self.path, "moved": self.moved_to})
        try:
            conn = self._open()
        except _Damaged:
            self.moved_to = self._move_aside("corrupt")
            self.notice = Notice("store.damaged", {"moved": self.moved_to})
            conn = self._open_fresh()
        except _TooNew:
            self.moved_to = self._move_aside("newer")
            self.notice = Notice("store.newer", {"moved": self.moved_to})
            conn = self._open_fresh()
        self._identity = self._file_identity()
        self._make_private()
        return conn

    def _emptied(self) -> bool:
        """A 0-byte file where the database was: everything saved before is gone (a full disk,
        a file system crash). SQLite would quietly take it as a new database; the learner
        should hear it from us instead of finding empty lessons."""
        try:
            stat = self.path.stat()
        except OSError:
            return False
        # SQLite creates the file empty and writes its header a moment later: a fresh 0-byte
        # file is another studytorch creating the database right now, not a lost one.
        return stat.st_size == 0 and time.time() - stat.st_mtime > EMPTY_GRACE_S

    def _file_identity(self) -> tuple[int, int] | None:
        try:
            stat = self.path.stat()
        except OSError:
            return None
        return (stat.st_dev, stat.st_ino)

    def _make_private(self) -> None:
        """Edits and progress are the learner's own: readable by them alone (0600)."""
        for suffix in ("", "-wal", "-shm"):
            with suppress(OSError):
                os.chmod(f"{self.path}{suffix}", 0o600)

    def _reopen_if_gone(self) -> None:
        """A database deleted or emptied under a running studytorch is recreated, with a notice.

        SQLite keeps writing to a deleted file's open handle, so without this every later save
        would succeed and be lost when studytorch closes.
        """
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            stat = None
        except OSError:
            return  # unreadable folder: the write itself will say why
        if stat is not None and (stat.st_dev, stat.st_ino) == self._identity and stat.st_size:
            return
        if self._conn is not None:
            with suppress(sqlite3.Error):
                self._conn.close()
            self._conn = None
        if stat is None:
            # The old -wal and -shm belong to the deleted file; a new file must not pair with them.
            for side in _SIDE_FILES:
                with suppress(OSError):
                    Path(f"{self.path}{side}").unlink()
            what = "deleted"
        elif stat.st_size == 0:
            what = "emptied"
        else:
            what = "replaced"
        self.notice = None
        self._conn = self._open_repairing()
        gone = Notice(f"store.{what}", {"path": self.path})
        if self.notice is not None:  # the file that took its place was moved aside too
            gone = Notice("store.also", {"first": gone, "then": self.notice})
        self.notice = gone

    def take_notice(self) -> Notice | None:
        """What the learner should be told about the database since the last call, once."""
        notice, self.notice = self.notice, None
        return notice

    # -- opening -----------------------------------------------------------------------------

    def _open_fresh(self) -> sqlite3.Connection:
        try:
            return self._open()
        except (_Damaged, _TooNew) as exc:
            # Something rewrote the file between moving it aside and reopening; stop rather
            # than keep moving files around.
            raise StoreError(
                f"Cannot open the progress database at {self.path}: "
                "it was replaced by another program while studytorch started."
            ) from exc

    def _open(self) -> sqlite3.Connection:
        checked = self._inspect()
        try:
            # isolation_level=None: autocommit, so each write statement is its own transaction
            # and nothing waits in an open transaction when the terminal is killed.
            conn = sqlite3.connect(
                self.path,
                timeout=BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,
                check_same_thread=False,
            )
        except sqlite3.Error as exc:
            raise StoreError(
                f"Cannot open the progress database at {self.path}: {_reason(exc)}."
            ) from exc
        try:
            self._prepare(conn, checked)
        except BaseException:
            conn.close()
            raise
        return conn

    def _inspect(self) -> bool:
        """Check an existing file read-only; True when it is known to be healthy."""
        # A read-write open of a damaged file can delete its -wal (which may hold the newest
        # edits) or checkpoint into it; a read-only one leaves all of it to be moved aside.
        try:
            if self.path.stat().st_size == 0:
                return False
        except OSError:
            return False  # missing (a new database) or unreadable: the real open decides
        uri = f"{self.path.absolute().as_uri()}?mode=ro"
        try:
            conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        except sqlite3.Error:
            return False
        try:
            self._check(conn)
        except sqlite3.Error as exc:
            if _is_damage(exc):
                raise _Damaged from exc
            return False  # e.g. a WAL only a writer can recover: the real open decides
        finally:
            conn.close()
        return True

    def _check(self, conn: sqlite3.Connection) -> None:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if conn.execute("PRAGMA user_version").fetchone()[0] > SCHEMA_VERSION:
            raise _TooNew
        problems = [row[0] for row in conn.execute("PRAGMA quick_check")]
        if problems != ["ok"]:
            raise _Damaged

    def _prepare(self, conn: sqlite3.Connection, checked: bool) -> None:
        try:
            if checked:
                conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            else:
                self._check(conn)
            # WAL lets a second studytorch read while this one writes; NORMAL still survives a
            # killed process (only a power cut can lose the last commits).
            _patiently(conn, "PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            self._migrate(conn)
        except sqlite3.Error as exc:
            if _is_damage(exc):
                raise _Damaged from exc
            raise StoreError(
                f"Cannot open the progress database at {self.path}: {_reason(exc)}."
            ) from exc

    def _migrate(self, conn: sqlite3.Connection) -> None:
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

    def _move_aside(self, label: str) -> Path:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.name}.{label}-{stamp}")
        n = 1
        while any(Path(f"{target}{side}").exists() for side in ("", *_SIDE_FILES)):
            n += 1
            target = self.path.with_name(f"{self.path.name}.{label}-{stamp}-{n}")
        try:
            self.path.rename(target)
            # The side files keep their suffix on the new name, so SQLite still pairs them
            # with the moved file if someone tries to recover it.
            for side in _SIDE_FILES:
                extra = Path(f"{self.path}{side}")
                if extra.exists():
                    extra.rename(Path(f"{target}{side}"))
        except OSError as exc:
            raise StoreError(
                f"The progress database at {self.path} cannot be used and could not be "
                f"moved aside: {_reason(exc)}."
            ) from exc
        return target

    # -- plumbing ----------------------------------------------------------------------------

    @contextmanager
    def _using(self, doing: str) -> Iterator[sqlite3.Connection]:
        with self._lock:
            if self._conn is None:
                raise StoreError(f"Could not {doing}: the progress database is closed.")
            try:
                yield self._conn
            except sqlite3.Error as exc:
                raise StoreError(f"Could not {doing} in {self.path}: {_reason(exc)}.") from exc

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
    ) -> None:
        """Keep a run; the step's runs beyond the newest RUNS_KEPT are dropped in the same
        transaction. `output` keeps its last OUTPUT_KEPT characters; `metrics` is JSON."""
        with self._using(f"record a run of {lesson_id}/{step_id}") as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.execute(
                    "INSERT INTO runs (lesson_id, step_id, status, duration_s, at, code, output, "
                    "metrics) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        lesson_id,
                        step_id,
                        status,
                        float(duration_s),
                        time.time(),
                        code,
                        _capped(output),
                        json.dumps(metrics) if metrics else None,
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
                "SELECT id, status, duration_s, at, code, output, metrics FROM runs "
                "WHERE lesson_id = ? AND step_id = ? ORDER BY id DESC LIMIT ?",
                (lesson_id, step_id, limit),
            ).fetchall()
        return [
            RunRecord(row[0], row[1], row[2], row[3], row[4], row[5], _metrics(row[6]))
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

    # -- review ------------------------------------------------------------------------------

    def review_states(self) -> dict[str, tuple[str, float]]:
        """Every reviewed card's key -> (its FSRS state as JSON, when it is due: epoch seconds)."""
        with self._using("read your review schedule") as conn:
            rows = conn.execute("SELECT card_key, state, due FROM review_cards").fetchall()
        return {key: (state, due) for key, state, due in rows}

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

    # -- lifetime ----------------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                conn, self._conn = self._conn, None
                # Closing checkpoints the WAL; failing that loses nothing already committed.
                with suppress(sqlite3.Error):
                    conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
