"""Every directory studytorch reads or writes, in one place."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

APP_NAME = "studytorch"


def data_dir() -> Path:
    """Progress, edits and user lessons. `STUDYTORCH_HOME` moves everything (tests use it)."""
    home = os.environ.get("STUDYTORCH_HOME")
    if home:
        path = Path(home).expanduser()
    else:
        import platformdirs  # deferred: only needed when STUDYTORCH_HOME is unset

        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    _private_folder(path)
    return path


def data_dir_problem() -> str | None:
    """What makes the data folder unusable (a file in its place, read-only), in words; None
    when progress, edits and logs can be written there. Every command asks before it starts."""
    named = os.environ.get("STUDYTORCH_HOME")
    where = "STUDYTORCH_HOME" if named else "the data folder"
    try:
        path = data_dir()
    except OSError as exc:
        target = Path(exc.filename) if exc.filename else None
        for folder in (target, *(target.parents if target else ())):
            if folder is not None and folder.exists() and not folder.is_dir():
                return f"{where} {folder} is a file, but a folder is needed there"
        return f"{where} cannot be created: {exc.strerror or exc}"
    try:
        fd, probe = tempfile.mkstemp(prefix=".write-test-", dir=path)
    except OSError as exc:
        reason = (
            "is read-only"
            if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM)
            else (f"cannot be written ({exc.strerror or exc})")
        )
        return f"{where} {path} {reason}: progress and edits could not be saved"
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(probe)
    return None


def _private_folder(path: Path) -> None:
    """Create `path` readable by this user alone (0700): it holds edits, progress and logs."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if path.stat().st_mode & 0o077:
        # Not ours to change on some shared mounts: the database inside is still 0600.
        with contextlib.suppress(OSError):
            path.chmod(0o700)


def log_dir() -> Path:
    """Kernel logs: the kernel's own stdout/stderr land here, never on the learner's screen."""
    path = data_dir() / "logs"
    _private_folder(path)
    return path


def workspace_dir() -> Path:
    """Snippets run here, so files a lesson writes do not land in the learner's project."""
    path = data_dir() / "workspace"
    path.mkdir(exist_ok=True)
    return path


def database_path() -> Path:
    return data_dir() / "studytorch.sqlite3"


def lesson_cache_path() -> Path:
    """Parsed lessons, so that start-up need not parse TOML (safe to delete)."""
    return data_dir() / "cache" / "lessons.json"


def user_lessons_dir() -> Path:
    """Learners drop their own lesson folders here; they appear beside the built-in ones."""
    return data_dir() / "lessons"


def _shipped(name: str) -> Path:
    # A wheel carries the folder inside the package; an editable install reads the checkout.
    packaged = Path(__file__).parent / "_data" / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / name


def builtin_lessons_dir() -> Path:
    return _shipped("lessons")


def assets_dir() -> Path:
    return _shipped("assets")
