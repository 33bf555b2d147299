"""Read lesson folders into Lessons; a broken lesson is reported with file:line and skipped."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studytorch.course.model import (
    CARD_KINDS,
    Card,
    Lesson,
    LessonError,
    LoadReport,
    Localized,
    Step,
)
from studytorch.course.stepfiles import (
    CODE_KEYS,
    CodeFileError,
    is_step_folder,
    read_code,
    read_text,
    read_wrong,
    step_files,
)
from studytorch.lang import LANGUAGES  # every text a learner reads exists in each

if TYPE_CHECKING:
    from studytorch.course.cache import LessonCache

FORMAT_VERSION = 1
LESSON_FILE = "lesson.toml"
MAX_LESSON_BYTES = 1_000_000
"""A lesson file larger than this is refused before it is parsed: lessons are untrusted input,
and a 50 MB note would hold the app (and its quit) for as long as it takes to draw."""
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
CARDS_PER_LESSON = (2, 6)
"""The fewest and most review cards a lesson may have (docs/lesson-format.md)."""
# Every key a table may hold: a misspelt one (`checks =`) is an error, not a silent no-op.
_LESSON_KEYS = {"format_version", "id", "title", "steps", "cards"}
_STEP_KEYS = {"id", "title", "note", "starter", "solution", "check", "hints"}
_CARD_KEYS = {"kind", "question", "answer", "code", "why"}


class _Invalid(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class _Locator:
    """Finds the line of a table or key in the raw TOML text, since tomllib gives no positions."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()

    def header(self, table: str, index: int) -> int:
        seen = -1
        for number, line in enumerate(self.lines, 1):
            if line.strip() == f"[[{table}]]":
                seen += 1
                if seen == index:
                    return number
        return 0

    def key(self, key: str, start: int = 1) -> int:
        root = key.split(".")[0]
        pattern = re.compile(rf"^\s*{re.escape(root)}\s*[.=]")
        for number in range(max(start, 1), len(self.lines) + 1):
            line = self.lines[number - 1]
            if number > start and start > 1 and line.strip().startswith("[["):
                break
            if pattern.match(line):
                return number
        return start


def load_course(
    dirs: Iterable[tuple[Path, bool]] | None = None, cache: LessonCache | None = None
) -> LoadReport:
    """Load every lesson folder in `dirs` (pairs of folder and whether it is built in); with a
    `cache`, unchanged lesson files are taken from it instead of parsed again."""
    if dirs is None:
        from studytorch import locations

        dirs = [(locations.builtin_lessons_dir(), True), (locations.user_lessons_dir(), False)]
    report = LoadReport()
    for root, builtin in dirs:
        if not root.is_dir():
            continue
        try:
            folders = sorted(p for p in root.iterdir() if p.is_dir())
        except OSError as exc:
            report.errors.append(LessonError(root, 0, f"cannot list this folder: {exc}", root))
            continue
        for folder in folders:
            try:
                if not (folder / LESSON_FILE).is_file():
                    if not builtin and not folder.name.startswith("."):
                        report.errors.append(
                            LessonError(
                                folder, 0, f"no {LESSON_FILE} in this lesson folder", folder
                            )
                        )
                    continue
                cached = cache.get(folder / LESSON_FILE, builtin) if cache is not None else None
            except OSError as exc:
                report.errors.append(LessonError(folder, 0, f"cannot read: {exc}", folder))
                continue
            result = cached or load_lesson(folder, builtin=builtin)
            if cache is not None and cached is None and isinstance(result, Lesson):
                cache.put(folder / LESSON_FILE, result)
            if isinstance(result, LessonError):
                report.errors.append(result)
            elif report.find(result.id):
                report.errors.append(
                    LessonError(
                        folder / LESSON_FILE, 1, f"lesson id {result.id!r} is already taken", folder
                    )
                )
            else:
                report.lessons.append(result)
    if cache is not None:
        cache.save()
    return report


def load_lesson(folder: Path, builtin: bool = True) -> Lesson | LessonError:
    """One lesson, or what is wrong with it: nothing in a lesson's files can raise from here."""
    path = folder / LESSON_FILE
    try:
        text = read_text(path, MAX_LESSON_BYTES, "a lesson file")
    except CodeFileError as exc:
        message = exc.message
        if message.startswith("the file is"):
            message += " (move large data next to it)"
        return LessonError(exc.path, exc.line, message, folder)
    try:
        return _parse(text, path, folder, builtin)
    except CodeFileError as exc:
        return LessonError(exc.path, exc.line, exc.message, folder)
    except RecursionError:
        return LessonError(
            path, _deepest_line(text), "nested too deeply to be read as a lesson", folder
        )
    except Exception as exc:  # a lesson is untrusted: its faults are its own, never the app's
        return LessonError(
            path, 0, f"cannot be read as a lesson: {type(exc).__name__}: {exc}", folder
        )


def _deepest_line(text: str, limit: int = 100) -> int:
    """The line where brackets first nest `limit` deep (strings are not told apart: a guess)."""
    depth = 0
    for number, line in enumerate(text.splitlines(), 1):
        for char in line:
            depth += char in "[{"
            depth -= char in "]}"
            if depth >= limit:
                return number
    return 0


def _parse(text: str, path: Path, folder: Path, builtin: bool) -> Lesson | LessonError:
    if sys.version_info >= (3, 11):
        import tomllib  # pure Python and slow to import: only when a lesson is parsed
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        return LessonError(path, int(match[1]) if match else 0, f"not valid TOML: {exc}", folder)
    try:
        return _lesson(data, _Locator(text), folder, builtin)
    except _Invalid as exc:
        return LessonError(path, exc.line, exc.message, folder)


def _lesson(data: dict[str, Any], where: _Locator, folder: Path, builtin: bool) -> Lesson:
    version = data.get("format_version")
    if version != FORMAT_VERSION:
        raise _Invalid(
            where.key("format_version"),
            f"format_version must be {FORMAT_VERSION} (found {version!r})",
        )
    _known_keys(data, _LESSON_KEYS, where, 1, "a lesson")
    lesson_id = _identifier(data, "id", where, 1)
    title = _localized(data, "title", where, 1)
    raw_steps = data.get("steps")
    if not isinstance(raw_steps, list) or not raw_steps:
        raise _Invalid(where.key("steps"), "a lesson needs at least one [[steps]] table")
    steps = [_step(raw, where, i, folder) for i, raw in enumerate(raw_steps)]
    seen: set[str] = set()
    for step in steps:
        if step.id in seen:
            raise _Invalid(step.line, f"step id {step.id!r} is used twice")
        seen.add(step.id)
    _no_stray_step_folders(folder, seen)
    raw_cards = data.get("cards", [])
    low, high = CARDS_PER_LESSON
    if not isinstance(raw_cards, list) or not low <= len(raw_cards) <= high:
        count = len(raw_cards) if isinstance(raw_cards, list) else 0
        raise _Invalid(
            where.header("cards", high) if count > high else where.key("cards"),
            f"a lesson needs {low} to {high} [[cards]] (found {count})",
        )
    cards = [_card(raw, where, i) for i, raw in enumerate(raw_cards)]
    digests: set[str] = set()
    for card in cards:
        if card.digest in digests:
            raise _Invalid(card.line, "this card asks the same question as an earlier one")
        digests.add(card.digest)
    return Lesson(lesson_id, title, tuple(steps), tuple(cards), folder, builtin)


def _step(raw: Any, where: _Locator, index: int, folder: Path) -> Step:
    line = where.header("steps", index)
    if not isinstance(raw, dict):
        raise _Invalid(line, "each [[steps]] entry must be a table")
    _known_keys(raw, _STEP_KEYS, where, line, "a step")
    step_id = _identifier(raw, "id", where, line)
    files = step_files(folder / step_id)
    code: dict[str, str | None] = {}
    for key in CODE_KEYS:
        inline = _code(raw, key, where, line)
        path = files.code.get(key)
        if inline is not None and path is not None:
            raise _Invalid(
                where.key(key, line),
                f"{key} is written here and in {step_id}/{path.name}: keep one",
            )
        code[key] = read_code(path, key) if path is not None else inline
    starter, solution, check = (code[key] for key in CODE_KEYS)
    if starter is None:
        raise _Invalid(
            line, f"step {step_id!r} needs starter: a file {step_id}/starter.py (Python code)"
        )
    if check is not None and solution is None:
        raise _Invalid(line, f"step {step_id!r} has a check but no solution")
    if files.wrong and check is None:
        raise _Invalid(line, f"step {step_id!r} has wrong answers but no check to reject them")
    wrong = tuple(read_wrong(path) for path in files.wrong)
    hints_raw = raw.get("hints", {"en": [], "ko": []})
    if not isinstance(hints_raw, dict) or any(
        not isinstance(hints_raw.get(lang), list) for lang in LANGUAGES
    ):
        raise _Invalid(where.key("hints", line), "hints needs hints.en and hints.ko, lists of text")
    if len(hints_raw["en"]) != len(hints_raw["ko"]):
        raise _Invalid(
            where.key("hints", line), "hints.en and hints.ko must have the same number of hints"
        )
    hints = tuple(
        Localized(str(en), str(ko)) for en, ko in zip(hints_raw["en"], hints_raw["ko"], strict=True)
    )
    return Step(
        id=step_id,
        title=_localized(raw, "title", where, line),
        note=_localized(raw, "note", where, line),
        starter=starter,
        solution=solution,
        check=check,
        hints=hints,
        line=line,
        wrong=wrong,
    )


def _no_stray_step_folders(folder: Path, step_ids: set[str]) -> None:
    """A step folder whose name is no step id (a typo, a renamed step) is an error: its code
    would otherwise be silently ignored."""
    try:
        subfolders = sorted(p for p in folder.iterdir() if p.is_dir())
    except OSError as exc:
        raise CodeFileError(folder, 0, f"cannot list this folder: {exc}") from None
    for sub in subfolders:
        if sub.name not in step_ids and is_step_folder(sub):
            raise CodeFileError(
                sub, 0, f"no step has the id {sub.name!r} (steps: {', '.join(sorted(step_ids))})"
            )


def _card(raw: Any, where: _Locator, index: int) -> Card:
    line = where.header("cards", index)
    if not isinstance(raw, dict):
        raise _Invalid(line, "each [[cards]] entry must be a table")
    _known_keys(raw, _CARD_KEYS, where, line, "a card")
    kind = raw.get("kind", "recall")
    if kind not in CARD_KINDS:
        raise _Invalid(where.key("kind", line), f"kind must be one of {', '.join(CARD_KINDS)}")
    question = _localized(raw, "question", where, line)
    if kind == "recall":
        for key in ("code", "why"):
            if key in raw:
                raise _Invalid(where.key(key, line), f'{key} is only for kind = "predict" cards')
        return Card(question, _localized(raw, "answer", where, line), line=line)
    code = _code(raw, "code", where, line, required=True, what="a predict card")
    answer = raw.get("answer")
    if not isinstance(answer, str) or not answer.strip() or "\n" in answer.strip():
        raise _Invalid(
            where.key("answer", line),
            "a predict card's answer is one line of text: the last line its code prints",
        )
    why = _localized(raw, "why", where, line) if "why" in raw else None
    return Card(question, answer.strip(), "predict", code, why, line)


def _known_keys(
    raw: dict[str, Any], known: set[str], where: _Locator, line: int, what: str
) -> None:
    for key in raw:
        if key not in known:
            raise _Invalid(
                where.key(key, line),
                f"{what} has no key {key!r} (known: {', '.join(sorted(known))})",
            )


def _identifier(raw: dict[str, Any], key: str, where: _Locator, line: int) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not _ID.match(value):
        raise _Invalid(
            where.key(key, line),
            f"{key} must be lowercase letters, digits and dashes (found {value!r})",
        )
    return value


def _localized(raw: dict[str, Any], key: str, where: _Locator, line: int) -> Localized:
    value = raw.get(key)
    if not isinstance(value, dict):
        raise _Invalid(where.key(key, line), f"{key} needs {key}.en and {key}.ko")
    for lang in value:
        if lang not in LANGUAGES:
            raise _Invalid(where.key(key, line), f"{key}.{lang}: only {key}.en and {key}.ko exist")
    for lang in LANGUAGES:
        text = value.get(lang)
        if not isinstance(text, str) or not text.strip():
            raise _Invalid(where.key(key, line), f"{key}.{lang} is missing or empty")
    return Localized(value["en"].strip(), value["ko"].strip())


def _code(
    raw: dict[str, Any],
    key: str,
    where: _Locator,
    line: int,
    required: bool = False,
    what: str = "step",
) -> str | None:
    value = raw.get(key)
    if value is None:
        if required:
            raise _Invalid(line, f"{what} needs {key} (Python code)")
        return None
    if not isinstance(value, str):
        raise _Invalid(where.key(key, line), f"{key} must be a string of Python code")
    try:
        compile(value, f"<{key}>", "exec")
    except SyntaxError as exc:
        at = where.key(key, line)
        # A string that opens with a newline (`key = '''` alone on its line) starts on the next
        # line, since TOML drops that newline; any other string starts on the key's own line.
        opener = where.lines[at - 1] if 0 < at <= len(where.lines) else ""
        first = at + 1 if re.search(r"=\s*('''|\"\"\")$", opener) else at
        raise _Invalid(first + (exc.lineno or 1) - 1, f"{key}: {exc.msg}") from None
    return value.strip("\n") + "\n"
