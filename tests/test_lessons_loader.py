"""The lesson loader: a broken lesson is reported as `path:line: message` and skipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from studytorch import locations
from studytorch.course import Lesson, LessonError, LoadReport, load_course, load_lesson, loader
from studytorch.course.cache import LessonCache

GOOD = """\
format_version = 1
id = "{id}"
title.en = "My lesson"
title.ko = "나의 수업"

[[steps]]
id = "first"
title.en = "First step"
title.ko = "첫 단계"
note.en = \"\"\"
Make y a 2x3 tensor.
\"\"\"
note.ko = \"\"\"
y를 2x3 텐서로 만드세요.
\"\"\"
starter = '''
y = torch.zeros(3, 2)
'''
solution = '''
y = torch.zeros(2, 3)
'''
check = '''
expect(y.shape == (2, 3), "y should be 2x3", "y는 2x3이어야 합니다")
'''
hints.en = ["Rows first."]
hints.ko = ["행이 먼저입니다."]

[[steps]]
id = "second"
title.en = "Second step"
title.ko = "둘째 단계"
note.en = "Just run it."
note.ko = "그냥 실행하세요."
starter = '''
z = torch.ones(4)
'''

[[cards]]
question.en = "What does squeeze() remove?"
question.ko = "squeeze()는 무엇을 없애나요?"
answer.en = "Dimensions of size 1."
answer.ko = "크기가 1인 차원."

[[cards]]
kind = "predict"
question.en = "What does this print?"
question.ko = "이 코드는 무엇을 출력할까요?"
code = '''
x = torch.arange(6)
print(x.view(3, -1).shape)
'''
answer = "torch.Size([3, 2])"
why.en = "-1 takes what is left: 6 / 3 = 2."
why.ko = "-1은 남은 크기를 채웁니다: 6 / 3 = 2."
"""


def write_lesson(
    folder: Path, lesson_id: str = "mine", replace: dict[str, str] | None = None
) -> Path:
    """A valid lesson folder, optionally broken by replacing exact pieces of its text."""
    text = GOOD.format(id=lesson_id)
    for old, new in (replace or {}).items():
        assert old in text, old
        text = text.replace(old, new, 1)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "lesson.toml"
    path.write_text(text, encoding="utf-8")
    return path


def line_of(path: Path, needle: str, occurrence: int = 1) -> int:
    """The 1-based line of the n-th line containing `needle`."""
    hits = [n for n, line in enumerate(path.read_text().splitlines(), 1) if needle in line]
    return hits[occurrence - 1]


def only_error(folder: Path) -> LessonError:
    report = load_course([(folder.parent, False)])
    assert report.lessons == []
    (error,) = report.errors
    return error


# --- the good lesson ---------------------------------------------------------------------------


def test_a_valid_lesson_loads_with_steps_hints_and_cards(tmp_path):
    write_lesson(tmp_path / "lessons" / "01-mine")
    report = load_course([(tmp_path / "lessons", False)])
    assert report.errors == []
    (lesson,) = report.lessons
    assert isinstance(lesson, Lesson)
    assert lesson.id == "mine"
    assert lesson.title.get("ko") == "나의 수업"
    assert [s.id for s in lesson.steps] == ["first", "second"]
    first = lesson.step("first")
    assert first.starter == "y = torch.zeros(3, 2)\n"
    assert first.solution == "y = torch.zeros(2, 3)\n"
    assert "expect(" in first.check
    assert first.note.en == "Make y a 2x3 tensor."
    assert first.hints[0].get("ko") == "행이 먼저입니다."
    assert lesson.step("second").check is None
    recall, predict = lesson.cards
    assert recall.kind == "recall" and recall.answer_in("ko") == "크기가 1인 차원."
    assert predict.kind == "predict"
    assert predict.code == "x = torch.arange(6)\nprint(x.view(3, -1).shape)\n"
    assert predict.answer_in("ko") == "torch.Size([3, 2])"
    assert predict.why is not None and predict.why.get("en").startswith("-1 takes")
    assert lesson.builtin is False


# --- broken lessons: the right line, and the others still load ---------------------------------


def test_bad_toml_is_reported_at_its_line(tmp_path):
    path = write_lesson(
        tmp_path / "lessons" / "bad", replace={'title.en = "First step"': "title.en = First step"}
    )
    error = only_error(path.parent)
    assert error.path == path
    assert error.line == line_of(path, "title.en = First step")
    assert "not valid TOML" in error.message


def test_missing_korean_note_is_reported_at_the_note(tmp_path):
    path = write_lesson(
        tmp_path / "lessons" / "no-ko",
        replace={'note.ko = """\ny를 2x3 텐서로 만드세요.\n"""\n': ""},
    )
    error = only_error(path.parent)
    assert error.line == line_of(path, "note.en")
    assert "note.ko" in error.message


def test_syntax_error_in_starter_is_reported_at_the_file_line_of_the_bad_code(tmp_path):
    path = write_lesson(
        tmp_path / "lessons" / "bad-code",
        replace={"starter = '''\ny = torch.zeros(3, 2)\n": "starter = '''\nok = 1\ny = = 2\n"},
    )
    error = only_error(path.parent)
    assert error.line == line_of(path, "y = = 2")
    assert error.message.startswith("starter:")


def test_syntax_error_in_a_one_line_string_is_reported_at_that_line(tmp_path):
    path = write_lesson(
        tmp_path / "lessons" / "bad-code",
        replace={"starter = '''\nz = torch.ones(4)\n'''": 'starter = "z = = 4"'},
    )
    error = only_error(path.parent)
    assert error.line == line_of(path, 'starter = "z = = 4"')


def test_syntax_error_on_the_opening_line_of_a_multiline_string_is_reported_there(tmp_path):
    path = write_lesson(
        tmp_path / "lessons" / "bad-code",
        replace={"solution = '''\ny = torch.zeros(2, 3)\n": "solution = '''y = = 3\nw = 1\n"},
    )
    error = only_error(path.parent)
    assert error.line == line_of(path, "solution = '''y = = 3")
    assert error.message.startswith("solution:")


def test_check_without_solution_is_reported_at_its_step(tmp_path):
    path = write_lesson(
        tmp_path / "lessons" / "no-solution",
        replace={"solution = '''\ny = torch.zeros(2, 3)\n'''\n": ""},
    )
    error = only_error(path.parent)
    assert error.line == line_of(path, "[[steps]]", 1)
    assert "check but no solution" in error.message


def test_duplicate_step_id_is_reported_at_the_second_step(tmp_path):
    path = write_lesson(tmp_path / "lessons" / "dup", replace={'id = "second"': 'id = "first"'})
    error = only_error(path.parent)
    assert error.line == line_of(path, "[[steps]]", 2)
    assert "'first' is used twice" in error.message


def test_wrong_format_version_is_reported_at_that_key(tmp_path):
    path = write_lesson(
        tmp_path / "lessons" / "future", replace={"format_version = 1": "\nformat_version = 2"}
    )
    error = only_error(path.parent)
    assert error.line == line_of(path, "format_version = 2") == 2
    assert "format_version must be 1" in error.message


def test_errors_read_as_path_line_message_and_good_lessons_still_load(tmp_path):
    root = tmp_path / "lessons"
    write_lesson(root / "01-good", lesson_id="good")
    bad = write_lesson(root / "02-bad", lesson_id="bad", replace={'id = "second"': 'id = "first"'})
    write_lesson(root / "03-also-good", lesson_id="also-good")
    report = load_course([(root, False)])
    assert [lesson.id for lesson in report.lessons] == ["good", "also-good"]
    (error,) = report.errors
    assert str(error) == f"{bad}:{line_of(bad, '[[steps]]', 2)}: step id 'first' is used twice"


def test_a_folder_without_lesson_file_is_reported_in_user_lessons(tmp_path):
    (tmp_path / "lessons" / "empty").mkdir(parents=True)
    report = load_course([(tmp_path / "lessons", False)])
    (error,) = report.errors
    assert "no lesson.toml" in str(error)


def test_load_lesson_returns_the_error_instead_of_raising(tmp_path):
    path = write_lesson(tmp_path / "x", replace={"format_version = 1": "format_version = 0"})
    result = load_lesson(path.parent)
    assert isinstance(result, LessonError)
    assert result.line == 1


# --- learner lessons beside built-ins ----------------------------------------------------------


def test_learners_own_lesson_appears_beside_the_built_in_ones(studytorch_home):
    write_lesson(studytorch_home / "lessons" / "90-mine", lesson_id="my-own")
    report = load_course()
    ids = [lesson.id for lesson in report.lessons]
    assert "shape-ops" in ids
    assert ids[-1] == "my-own"  # user lessons come after the built-ins
    mine = report.find("my-own")
    assert mine.builtin is False
    assert mine.path == locations.user_lessons_dir() / "90-mine"
    assert report.find("shape-ops").builtin is True


def test_a_learner_lesson_cannot_take_a_built_in_id(studytorch_home):
    path = write_lesson(studytorch_home / "lessons" / "copy", lesson_id="shape-ops")
    report = load_course()
    assert report.find("shape-ops").builtin is True
    assert any(e.path == path and "already taken" in e.message for e in report.errors)


@pytest.mark.parametrize("bad_id", ["Shape", "-lead", "with space", ""])
def test_lesson_ids_must_be_lowercase_words_with_dashes(tmp_path, bad_id):
    path = write_lesson(tmp_path / "lessons" / "x", replace={'id = "mine"': f'id = "{bad_id}"'})
    error = only_error(path.parent)
    assert error.line == 2


# --- the cache of parsed lessons --------------------------------------------------------------


def cached_load(tmp_path: Path) -> LoadReport:
    return load_course([(tmp_path / "lessons", False)], LessonCache(tmp_path / "cache.json"))


def test_an_unchanged_lesson_comes_from_the_cache_unparsed(tmp_path, monkeypatch):
    write_lesson(tmp_path / "lessons" / "01-mine")
    parsed = load_course([(tmp_path / "lessons", False)])
    first = cached_load(tmp_path)
    assert (tmp_path / "cache.json").is_file()

    def no_parsing(*args, **kwargs):
        raise AssertionError("parsed again although nothing changed")

    monkeypatch.setattr(loader, "load_lesson", no_parsing)
    again = cached_load(tmp_path)
    assert again.lessons == first.lessons == parsed.lessons


def test_an_edited_lesson_is_parsed_again(tmp_path):
    path = write_lesson(tmp_path / "lessons" / "01-mine")
    assert cached_load(tmp_path).lessons[0].title.en == "My lesson"
    path.write_text(path.read_text().replace("My lesson", "My edited lesson"), encoding="utf-8")
    assert cached_load(tmp_path).lessons[0].title.en == "My edited lesson"


def test_a_broken_lesson_is_never_cached_and_is_reported_every_time(tmp_path):
    write_lesson(tmp_path / "lessons" / "01-mine", replace={"format_version = 1": "oops ="})
    for _ in range(2):
        report = cached_load(tmp_path)
        assert report.lessons == [] and len(report.errors) == 1


@pytest.mark.parametrize(
    "garbage",
    [b"\x00\xffnot json", b"[1, 2]", b'{"version": 1, "studytorch": "0", "lessons": 3}', b""],
)
def test_a_damaged_cache_is_ignored_and_rewritten(tmp_path, garbage):
    write_lesson(tmp_path / "lessons" / "01-mine")
    (tmp_path / "cache.json").write_bytes(garbage)
    assert [lesson.id for lesson in cached_load(tmp_path).lessons] == ["mine"]
    assert LessonCache(tmp_path / "cache.json").get(
        tmp_path / "lessons" / "01-mine" / "lesson.toml", builtin=False
    )


def test_a_cache_that_cannot_be_written_changes_nothing(tmp_path):
    write_lesson(tmp_path / "lessons" / "01-mine")
    (tmp_path / "blocked").write_text("a file where the cache folder would be")
    cache = LessonCache(tmp_path / "blocked" / "cache.json")
    report = load_course([(tmp_path / "lessons", False)], cache)
    assert [lesson.id for lesson in report.lessons] == ["mine"]


def test_the_built_in_course_reads_the_same_from_the_cache(tmp_path):
    parsed = load_course()
    load_course(cache=LessonCache(tmp_path / "cache.json"))
    assert load_course(cache=LessonCache(tmp_path / "cache.json")).lessons == parsed.lessons


def test_a_deleted_lesson_leaves_the_cache_when_it_is_next_written(tmp_path):
    gone = write_lesson(tmp_path / "lessons" / "01-gone", lesson_id="gone")
    cached_load(tmp_path)
    gone.unlink()
    gone.parent.rmdir()
    write_lesson(tmp_path / "lessons" / "02-new", lesson_id="new")
    assert [lesson.id for lesson in cached_load(tmp_path).lessons] == ["new"]
    assert str(gone) not in (tmp_path / "cache.json").read_text()


# --- strict keys and cards ---------------------------------------------------------------------


def test_a_misspelt_check_key_is_an_error_at_its_line_not_an_uncheckable_step(tmp_path):
    path = write_lesson(tmp_path / "lessons" / "typo", replace={"check = '''": "checks = '''"})
    error = only_error(path.parent)
    assert error.line == line_of(path, "checks = '''")
    assert "'checks'" in error.message


def test_an_unknown_key_at_the_lesson_top_is_an_error_at_its_line(tmp_path):
    path = write_lesson(tmp_path / "lessons" / "top", replace={'id = "': 'level = 2\nid = "'})
    error = only_error(path.parent)
    assert error.line == line_of(path, "level = 2")
    assert "'level'" in error.message


def test_an_unknown_card_key_is_an_error_at_its_line(tmp_path):
    path = write_lesson(
        tmp_path / "lessons" / "card-typo", replace={'answer = "torch': 'answr = "torch'}
    )
    error = only_error(path.parent)
    assert error.line == line_of(path, 'answr = "torch')
    assert "'answr'" in error.message


def test_a_third_language_is_an_error(tmp_path):
    path = write_lesson(
        tmp_path / "lessons" / "lang", replace={'why.ko = "': 'why.fr = "x"\nwhy.ko = "'}
    )
    error = only_error(path.parent)
    assert "why.fr" in error.message


def test_a_lesson_with_one_card_is_refused_with_the_count_it_needs(tmp_path):
    text = GOOD.format(id="one")
    folder = tmp_path / "lessons" / "one"
    folder.mkdir(parents=True)
    (folder / "lesson.toml").write_text(text[: text.index("[[cards]]\nkind")])
    error = only_error(folder)
    assert "2 to 6 [[cards]] (found 1)" in error.message


def test_a_seventh_card_is_reported_at_its_header(tmp_path):
    text = GOOD.format(id="many")
    card = text[text.index("[[cards]]\nkind") :]
    extra = "".join(card.replace("this print", f"this print ({n})") for n in range(5))
    folder = tmp_path / "lessons" / "many"
    folder.mkdir(parents=True)
    path = folder / "lesson.toml"
    path.write_text(text + "\n" + extra)
    error = only_error(folder)
    assert error.line == line_of(path, "[[cards]]", 7)
    assert "found 7" in error.message


def test_a_predict_card_needs_code_and_a_one_line_answer(tmp_path):
    code = "code = '''\nx = torch.arange(6)\nprint(x.view(3, -1).shape)\n'''\n"
    path = write_lesson(tmp_path / "a" / "no-code", replace={code: ""})
    assert "a predict card needs code" in only_error(path.parent).message
    path = write_lesson(
        tmp_path / "b" / "two-lines",
        replace={'answer = "torch.Size([3, 2])"': "answer = '''\na\nb\n'''"},
    )
    assert "one line of text" in only_error(path.parent).message


def test_a_recall_card_with_code_is_refused(tmp_path):
    path = write_lesson(
        tmp_path / "lessons" / "recall-code",
        replace={
            'answer.ko = "크기가 1인 차원."': 'answer.ko = "크기가 1인 차원."\ncode = "x = 1"'
        },
    )
    error = only_error(path.parent)
    assert error.line == line_of(path, 'code = "x = 1"')
    assert "only for kind" in error.message


def test_card_keys_survive_reordering_the_cards(tmp_path):
    write_lesson(tmp_path / "a" / "mine")
    head, first, second = GOOD.format(id="mine").split("[[cards]]")
    (tmp_path / "b" / "mine").mkdir(parents=True)
    reordered = head + "[[cards]]" + second.rstrip("\n") + "\n\n[[cards]]" + first
    (tmp_path / "b" / "mine" / "lesson.toml").write_text(reordered)
    (before,) = load_course([(tmp_path / "a", False)]).lessons
    (after,) = load_course([(tmp_path / "b", False)]).lessons
    keys = [card.key("mine") for card in before.cards]
    assert [card.key("mine") for card in after.cards] == keys[::-1]
    assert len(set(keys)) == 2 and all(key.startswith("mine:") for key in keys)


# --- code as files: <step-id>/starter.py, solution.py, check.py, wrong_*.py --------------------

FIRST_CODE = {
    "starter": "starter = '''\ny = torch.zeros(3, 2)\n'''\n",
    "solution": "solution = '''\ny = torch.zeros(2, 3)\n'''\n",
    "check": (
        "check = '''\n"
        'expect(y.shape == (2, 3), "y should be 2x3", "y는 2x3이어야 합니다")\n'
        "'''\n"
    ),
}
WRONG_ROWS = "# reason: y should be 2x3\ny = torch.zeros(1, 6)\n"


def write_file_lesson(folder: Path, lesson_id: str = "mine", **files: str) -> Path:
    """The good lesson with step "first" in files; `files` adds or replaces files of it
    (`wrong_rows="..."`, `starter=None` leaves starter.py out)."""
    path = write_lesson(folder, lesson_id, replace={text: "" for text in FIRST_CODE.values()})
    code = {
        "starter": "y = torch.zeros(3, 2)\n",
        "solution": "y = torch.zeros(2, 3)\n",
        "check": 'expect(y.shape == (2, 3), "y should be 2x3", "y는 2x3이어야 합니다")\n',
        "wrong_rows": WRONG_ROWS,
        **files,
    }
    (folder / "first").mkdir()
    for name, text in code.items():
        if text is not None:
            (folder / "first" / f"{name}.py").write_text(text, encoding="utf-8")
    return path


def test_a_step_reads_its_code_and_wrong_answers_from_its_folder(tmp_path):
    write_file_lesson(tmp_path / "lessons" / "01-mine", wrong_flat="\n# reason: 2x3\ny = 1\n")
    files = load_course([(tmp_path / "lessons", False)]).lessons[0].step("first")
    write_lesson(tmp_path / "old" / "01-mine")
    inline = load_course([(tmp_path / "old", False)]).lessons[0].step("first")
    assert (files.starter, files.solution, files.check) == (
        inline.starter,
        inline.solution,
        inline.check,
    )
    assert [(w.name, w.reason) for w in files.wrong] == [
        ("flat", "2x3"),
        ("rows", "y should be 2x3"),
    ]
    assert files.wrong[1].code == WRONG_ROWS
    assert inline.wrong == ()


def test_a_step_without_starter_file_or_string_is_reported_at_its_step(tmp_path):
    path = write_file_lesson(tmp_path / "lessons" / "01-mine", starter=None)
    error = only_error(path.parent)
    assert (error.path, error.line) == (path, line_of(path, "[[steps]]", 1))
    assert "first/starter.py" in error.message


def test_code_both_inline_and_in_a_file_is_reported_at_the_key(tmp_path):
    path = write_file_lesson(tmp_path / "lessons" / "01-mine")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("hints.en", "check = 'expect(True)'\nhints.en", 1), "utf-8")
    error = only_error(path.parent)
    assert error.line == line_of(path, "check = 'expect(True)'")
    assert "first/check.py: keep one" in error.message


def test_a_syntax_error_in_a_code_file_is_reported_at_that_file_and_line(tmp_path):
    path = write_file_lesson(tmp_path / "lessons" / "01-mine", solution="ok = 1\ny = = 2\n")
    error = only_error(path.parent)
    assert str(error).startswith(f"{path.parent / 'first' / 'solution.py'}:2: solution:")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("check", b"ok = 1\n# caf\xe9\n", ":2: not valid UTF-8 at column 6"),
        ("starter", b"x = 1\n" * 40_000, ": the file is 240 kB; a code file may be at most 200 kB"),
    ],
    ids=["not-utf8", "oversized"],
)
def test_an_unreadable_or_oversized_code_file_is_reported_at_that_file(
    tmp_path, name, content, message
):
    path = write_file_lesson(tmp_path / "lessons" / "01-mine")
    code = path.parent / "first" / f"{name}.py"
    code.write_bytes(content)
    assert str(only_error(path.parent)).startswith(f"{code}{message}")


def test_a_code_file_that_cannot_be_read_is_reported(tmp_path):
    path = write_file_lesson(tmp_path / "lessons" / "01-mine", check=None)
    (path.parent / "first" / "check.py").mkdir()  # a folder where the file should be
    error = only_error(path.parent)
    assert str(error).startswith(f"{path.parent / 'first' / 'check.py'}: cannot read:")


def test_a_misnamed_file_or_step_folder_is_reported_not_ignored(tmp_path):
    path = write_file_lesson(tmp_path / "lessons" / "01-mine", soluton="y = 1\n")
    error = only_error(path.parent)
    assert error.path == path.parent / "first" / "soluton.py"
    assert "starter.py, solution.py, check.py and wrong_<name>.py" in error.message
    path = write_file_lesson(tmp_path / "other" / "01-mine")
    (path.parent / "frist").mkdir()
    (path.parent / "frist" / "check.py").write_text("expect(True)\n")
    error = only_error(path.parent)
    assert (error.path, error.line) == (path.parent / "frist", 0)
    assert "no step has the id 'frist'" in error.message


def test_a_wrong_answer_needs_a_reason_and_a_check(tmp_path):
    path = write_file_lesson(tmp_path / "a" / "01-mine", wrong_rows="y = torch.zeros(1, 6)\n")
    error = only_error(path.parent)
    assert (error.path, error.line) == (path.parent / "first" / "wrong_rows.py", 1)
    assert "# reason: <text>" in error.message
    path = write_file_lesson(tmp_path / "b" / "01-mine", check=None, solution=None)
    assert "wrong answers but no check" in only_error(path.parent).message


def test_editing_adding_or_deleting_a_code_file_refreshes_the_cache(tmp_path):
    path = write_file_lesson(tmp_path / "lessons" / "01-mine")
    first = path.parent / "first"
    assert cached_load(tmp_path).lessons[0].steps[0].starter == "y = torch.zeros(3, 2)\n"
    (first / "starter.py").write_text("y = torch.zeros(30, 2)\n")
    assert cached_load(tmp_path).lessons[0].steps[0].starter == "y = torch.zeros(30, 2)\n"
    (first / "wrong_cols.py").write_text("# reason: 2x3\ny = torch.zeros(3, 3)\n")
    assert len(cached_load(tmp_path).lessons[0].steps[0].wrong) == 2
    (first / "wrong_rows.py").unlink()
    assert [w.name for w in cached_load(tmp_path).lessons[0].steps[0].wrong] == ["cols"]
