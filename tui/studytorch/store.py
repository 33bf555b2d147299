"""The learner's progress, edits and settings, kept in one SQLite file."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from types import TracebackType

from studytorch import locations

BUSY_TIMEOUT_MS = 5000
"""How long one studytorch waits for another one's write before giving up."""

RUNS_KEPT = 100
"""Runs remembered per step; older ones are dropped so the file stays small."""

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


class StoreError(Exception):
    """The progress database cannot be opened or written; the message says why, for the learner."""


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

    notice: str | None
    path: Path

    def __init__(self, path: Path | None = None) -> None:
        self.notice = None
        self.moved_to: Path | None = None
        """Where a damaged or too new database was moved (the notice says why)."""
        self.moved_why = ""
        """"damaged" or "newer": the notice's kind, for saying it in the learner's language."""
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = None
        try:
            self.path = Path(path) if path is not None else locations.database_path()
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            where = path if path is not None else "the studytorch data folder"
            raise StoreError(
                f"Cannot open the progress database at {where}: {_reason(exc)}."
            ) from exc
        try:
            self._conn = self._open()
        except _Damaged:
            moved = self._move_aside("corrupt")
            self.moved_to, self.moved_why = moved, "damaged"
            self.notice = (
                f"Your progress database was damaged, so studytorch moved it to {moved} "
                "and started a fresh one."
            )
            self._conn = self._open_fresh()
        except _TooNew:
            moved = self._move_aside("newer")
            self.moved_to, self.moved_why = moved, "newer"
            self.notice = (
                "Your progress database was made by a newer version of studytorch, "
                f"so it was moved to {moved} and a fresh one was started; "
                "upgrade studytorch and move it back to get that progress again."
            )
            self._conn = self._open_fresh()

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
        with self._using(f"read your edit of {lesson_id}/{step_id}") as conn:
            row = conn.execute(
                "SELECT code FROM edits WHERE lesson_id = ? AND step_id = ?",
                (lesson_id, step_id),
            ).fetchone()
        return None if row is None else row[0]

    def save_edit(self, lesson_id: str, step_id: str, code: str) -> None:
        with self._using(f"save your edit of {lesson_id}/{step_id}") as conn:
            conn.execute(
                "INSERT INTO edits (lesson_id, step_id, code, updated_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (lesson_id, step_id) "
                "DO UPDATE SET code = excluded.code, updated_at = excluded.updated_at",
                (lesson_id, step_id, code, time.time()),
            )

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

    def record_run(self, lesson_id: str, step_id: str, status: str, duration_s: float) -> None:
        with self._using(f"record a run of {lesson_id}/{step_id}") as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.execute(
                    "INSERT INTO runs (lesson_id, step_id, status, duration_s, at) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (lesson_id, step_id, status, float(duration_s), time.time()),
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
