"""A step's code as files: `<lesson>/<step-id>/starter.py`, `solution.py`, `check.py`, `wrong_*.py`.

The loader asks this module for the code of each step that does not write it inline in
lesson.toml (the old one-file form, still read). Every fault is raised as `CodeFileError` with the
file and line to fix, so a lesson's mistakes stay `path:line: message`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from studytorch import files
from studytorch.course.model import WrongAnswer

CODE_KEYS = ("starter", "solution", "check")
"""The step keys that may be a file `<step-id>/<key>.py` instead of a string in lesson.toml."""
MAX_CODE_BYTES = 200_000
"""A code file larger than this is refused unread: lessons are untrusted input, and the editor
would hold a megabyte snippet for as long as it takes to draw."""
WRONG_PREFIX = "wrong_"
_WRONG_NAME = re.compile(r"^wrong_[a-z0-9_]+\.py$")
_REASON = re.compile(r"^#\s*reason:\s*(\S.*?)\s*$")


class CodeFileError(Exception):
    """What is wrong with a code file, and where (line 0: the file as a whole)."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.line = line
        self.message = message


@dataclass(frozen=True)
class StepFiles:
    """The code files found in one step's folder (none when the folder does not exist)."""

    folder: Path
    code: dict[str, Path]
    """starter/solution/check -> its file, for those that exist."""
    wrong: tuple[Path, ...]


def step_files(folder: Path) -> StepFiles:
    """List a step folder; a file it cannot hold (`soluton.py`) is reported, not ignored."""
    code: dict[str, Path] = {}
    wrong: list[Path] = []
    if not folder.is_dir():
        return StepFiles(folder, code, ())
    try:
        files = sorted(p for p in folder.iterdir() if p.suffix == ".py")
    except OSError as exc:
        raise CodeFileError(folder, 0, f"cannot list this folder: {exc}") from None
    for path in files:
        if path.stem in CODE_KEYS:
            code[path.stem] = path
        elif _WRONG_NAME.match(path.name):
            wrong.append(path)
        else:
            raise CodeFileError(
                path,
                0,
                "a step folder holds starter.py, solution.py, check.py and "
                "wrong_<name>.py (lowercase letters, digits, _) only",
            )
    return StepFiles(folder, code, tuple(wrong))


def is_step_folder(folder: Path) -> bool:
    """Whether `folder` looks like a step's code (so a misspelt step id is reported)."""
    try:
        return any(
            p.stem in CODE_KEYS or p.name.startswith(WRONG_PREFIX) for p in folder.glob("*.py")
        )
    except OSError:
        return False


def read_text(path: Path, limit: int, what: str) -> str:
    """A UTF-8 file of at most `limit` bytes; `what` names it in the size message."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise CodeFileError(
                path,
                0,
                f"the file is {_size(size, '.1f')}; {what} may be at most {_size(limit, 'g')}",
            )
        raw = files.read_bytes(path, limit)  # bounded as it is read; never a device or FIFO
    except OSError as exc:
        raise CodeFileError(path, 0, f"cannot read: {exc}") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        bad = raw[exc.start : exc.end].hex(" ")
        raise CodeFileError(
            path, line, f"not valid UTF-8 at column {column} (bytes {bad}); save it as UTF-8"
        ) from None


def _size(count: int, spec: str) -> str:
    return f"{count / 1e6:{spec}} MB" if count >= 1e6 else f"{count / 1e3:.0f} kB"


def read_code(path: Path, key: str) -> str:
    """The Python in `path`, compiled to find syntax errors at their line; normalised like an
    inline string (no blank lines around it, one newline at the end)."""
    text = read_text(path, MAX_CODE_BYTES, "a code file")
    try:
        compile(text, str(path), "exec")
    except SyntaxError as exc:
        raise CodeFileError(path, exc.lineno or 1, f"{key}: {exc.msg}") from None
    except ValueError as exc:  # a NUL byte in the source
        raise CodeFileError(path, 0, f"{key}: {exc}") from None
    return text.strip("\n") + "\n"


def read_wrong(path: Path) -> WrongAnswer:
    """A wrong answer: Python whose first line is `# reason: <part of the check's message>`."""
    code = read_code(path, "wrong answer")
    first = code.split("\n", 1)[0]
    match = _REASON.match(first)
    if match is None:
        raise CodeFileError(
            path,
            1,
            "a wrong answer starts with `# reason: <text>`, a part of the message its "
            "check should fail with",
        )
    name = path.stem[len(WRONG_PREFIX) :]
    return WrongAnswer(name, code, match[1])
