"""Parsed lessons kept as JSON, so start-up reads them in milliseconds.

tomllib is pure Python: parsing and validating the built-in lessons holds the interpreter for
about 50 ms, enough to hold back the app's first frame. A lesson is taken from here only while
its files (lesson.toml and every step's `.py` file: names, sizes and modification times) and the
code that reads lessons are unchanged; anything else, including a damaged or unreadable cache
file, means parsing the lesson again.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from studytorch import __version__
from studytorch.course.model import Card, Lesson, Localized, Step, WrongAnswer

CACHE_VERSION = 3
_CODE = [
    Path(__file__).with_name(name) for name in ("loader.py", "model.py", "cache.py", "stepfiles.py")
]


def _stamp(path: Path) -> list[int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return [stat.st_mtime_ns, stat.st_size]


def _lesson_stamp(lesson_file: Path) -> list[Any] | None:
    """lesson.toml's stamp and those of the `.py` files in the lesson's step folders: a file
    edited, added or deleted there changes it."""
    stamp: list[Any] | None = _stamp(lesson_file)
    if stamp is None:
        return None
    try:
        for folder in sorted(p for p in lesson_file.parent.iterdir() if p.is_dir()):
            for code in sorted(folder.glob("*.py")):
                stamp.append([f"{folder.name}/{code.name}", _stamp(code)])
    except OSError:
        return None
    return stamp


def _localized(data: dict[str, str]) -> Localized:
    return Localized(data["en"], data["ko"])


def _text(value: Localized) -> dict[str, str]:
    return {"en": value.en, "ko": value.ko}


def _card_to_json(card: Card) -> dict[str, Any]:
    return {
        "kind": card.kind,
        "question": _text(card.question),
        "answer": card.answer if isinstance(card.answer, str) else _text(card.answer),
        "code": card.code,
        "why": _text(card.why) if card.why else None,
        "line": card.line,
    }


def _card_from_json(data: dict[str, Any]) -> Card:
    answer = data["answer"]
    return Card(
        question=_localized(data["question"]),
        answer=answer if isinstance(answer, str) else _localized(answer),
        kind=data["kind"],
        code=data["code"],
        why=_localized(data["why"]) if data["why"] else None,
        line=data["line"],
    )


def lesson_to_json(lesson: Lesson) -> dict[str, Any]:
    return {
        "id": lesson.id,
        "title": _text(lesson.title),
        "builtin": lesson.builtin,
        "path": str(lesson.path) if lesson.path else None,
        "steps": [
            {
                "id": step.id,
                "title": _text(step.title),
                "note": _text(step.note),
                "starter": step.starter,
                "solution": step.solution,
                "check": step.check,
                "hints": [_text(hint) for hint in step.hints],
                "line": step.line,
                "wrong": [[w.name, w.code, w.reason] for w in step.wrong],
            }
            for step in lesson.steps
        ],
        "cards": [_card_to_json(card) for card in lesson.cards],
    }


def lesson_from_json(data: dict[str, Any]) -> Lesson:
    steps = tuple(
        Step(
            id=step["id"],
            title=_localized(step["title"]),
            note=_localized(step["note"]),
            starter=step["starter"],
            solution=step["solution"],
            check=step["check"],
            hints=tuple(_localized(hint) for hint in step["hints"]),
            line=step["line"],
            wrong=tuple(WrongAnswer(*wrong) for wrong in step["wrong"]),
        )
        for step in data["steps"]
    )
    cards = tuple(_card_from_json(card) for card in data["cards"])
    path = Path(data["path"]) if data["path"] else None
    return Lesson(data["id"], _localized(data["title"]), steps, cards, path, data["builtin"])


class LessonCache:
    """Lessons by file, valid while the lesson's files and the lesson-reading code are unchanged."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._code = [_stamp(p) for p in _CODE]
        self._entries: dict[str, Any] = {}
        self._changed = False
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if (
                data["version"] == CACHE_VERSION
                and data["studytorch"] == __version__
                and data["code"] == self._code
            ):
                self._entries = dict(data["lessons"])
        except Exception:
            pass  # no cache yet, one from another version, or a damaged one: parse again

    def get(self, lesson_file: Path, builtin: bool) -> Lesson | None:
        entry = self._entries.get(str(lesson_file))
        if not isinstance(entry, dict) or entry.get("stamp") != _lesson_stamp(lesson_file):
            return None
        try:
            lesson = lesson_from_json(entry["lesson"])
        except Exception:
            return None  # a damaged entry: the file is parsed again
        return lesson if lesson.builtin == builtin else None

    def put(self, lesson_file: Path, lesson: Lesson) -> None:
        stamp = _lesson_stamp(lesson_file)
        if stamp is not None:
            self._entries[str(lesson_file)] = {"stamp": stamp, "lesson": lesson_to_json(lesson)}
            self._changed = True

    def save(self) -> None:
        """Write the cache if it changed; a cache that cannot be written is simply not kept."""
        if not self._changed:
            return
        # Lessons deleted since they were cached would otherwise stay in the file for good.
        self._entries = {f: e for f, e in self._entries.items() if Path(f).is_file()}
        data = {
            "version": CACHE_VERSION,
            "studytorch": __version__,
            "code": self._code,
            "lessons": self._entries,
        }
        import tempfile

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".lessons-", suffix=".json")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as out:
                    json.dump(data, out, ensure_ascii=False)
                os.replace(tmp, self.path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            return
        self._changed = False
