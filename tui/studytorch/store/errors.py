"""Why the progress database failed, in the learner's terms: SQLite's codes sorted and named."""

from __future__ import annotations

import sqlite3
from pathlib import Path

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
