"""Opening the progress database: checked, moved aside when damaged, recreated when it vanishes."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from types import TracebackType
from typing import TypeVar

from studytorch import locations
from studytorch.notice import Notice
from studytorch.store.errors import (
    StoreError,
    _Damaged,
    _is_busy,
    _is_damage,
    _reason,
    _TooNew,
)
from studytorch.store.schema import SCHEMA_VERSION, migrate

BUSY_TIMEOUT_MS = 5000
"""How long one studytorch waits for another one's write before giving up."""

EMPTY_GRACE_S = 10.0
"""A 0-byte database younger than this is being created by another studytorch, not emptied."""

_SIDE_FILES = ("-wal", "-shm", "-journal")

_D = TypeVar("_D", bound="Database")


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


class Database:
    """The open database file: checked, repaired or recreated, and shared under one lock.

    `Store` adds the queries; this class only keeps a healthy connection to hand them."""

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
            migrate(conn)
        except sqlite3.Error as exc:
            if _is_damage(exc):
                raise _Damaged from exc
            raise StoreError(
                f"Cannot open the progress database at {self.path}: {_reason(exc)}."
            ) from exc

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

    # -- lifetime ----------------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                conn, self._conn = self._conn, None
                # Closing checkpoints the WAL; failing that loses nothing already committed.
                with suppress(sqlite3.Error):
                    conn.close()

    def __enter__(self: _D) -> _D:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
