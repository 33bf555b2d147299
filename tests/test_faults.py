"""Fault cases: hostile text, lost edits, bad lessons, odd arguments, each through the real thing.

The terminal test drives the installed command in tmux and records every byte the app sends to
its terminal (`pipe-pane`); the others go through the app (Pilot), the CLI or the SQLite file.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from conftest import studytorch_cmd, subprocess_env
from fakes import FakeSession
from studytorch.app import StudyApp
from studytorch.course import Lesson, load_lesson
from studytorch.screens.confirm import ConfirmScreen
from studytorch.screens.lesson import LessonScreen
from studytorch.store import Store, StoreError
from test_app import LESSON, STEP, editor, fake_app, lessons_read, until
from test_e2e_tmux import STUDYTORCH, Tmux, home, kernels_of, tmp, tmux  # noqa: F401

HOSTILE_LESSON = r"""format_version = 1
id = "hostile"
title.en = "Hostile \u001b]0;PWN-LESSON\u0007 \u009b2J lesson"
title.ko = "Hostile \u001b]0;PWN-LESSON\u0007 \u009b2J lesson"

[[steps]]
id = "escapes"
title.en = "Escapes \u001b]2;PWN-STEP\u0007 step"
title.ko = "Escapes \u001b]2;PWN-STEP\u0007 step"
note.en = "Note \u001b]52;c;UFdO\u0007 \u001b[?1049l \u009d0;PWN-NOTEC1\u0007 end"
note.ko = "Note \u001b]52;c;UFdO\u0007 \u001b[?1049l \u009d0;PWN-NOTEC1\u0007 end"
starter = '''
T = "\x1b]0;PWN-TENSOR\x07"
print("out \x1b]0;PWN-OUT\x07 \x1b]52;c;UFdOLU9VVA==\x07 \x1b[2J", end=" ")
print("\x1b[?1049l \x9b2J \x9d0;PWN-C1\x07 end")
globals()["t" + T] = torch.zeros(2)
net = torch.nn.Sequential()
net.add_module("layer\x1b]0;PWN-MODULE\x07", torch.nn.Linear(2, 2))
class Shown:
    def __repr__(self):
        return "repr \x1b]0;PWN-REPR\x07 \x1b[2J"
Shown()
'''
solution = "pass"
check = '''
expect(False, "check \x1b]0;PWN-CHECK\x07 \x9d0;PWN-CHECKC1\x07", "check \x1b]0;PWN-CHECK\x07")
'''

[[steps]]
id = "crash"
title.en = "Crash"
title.ko = "Crash"
note.en = "The kernel's last words are shown."
note.ko = "The kernel's last words are shown."
starter = '''
import os
os.write(2, b"log \x1b]0;PWN-LOG\x07 \x1b]52;c;UFdOLUxPRw==\x07 \xc2\x9b2J end\n")
os._exit(3)
'''

[[steps]]
id = "long-error"
title.en = "Long error"
title.ko = "Long error"
note.en = "An error too long to fit beside its line is listed under the editor."
note.ko = "An error too long to fit beside its line is listed under the editor."
starter = '''
x = 1
raise ValueError("\x1b]0;PWN-ERRLINE\x07 \x9b2J " + "far too long " * 20)
'''

[[cards]]
question.en = "Card \u001b]0;PWN-CARD\u0007 one"
question.ko = "Card one"
answer.en = "answer \u001b]0;PWN-ANSWER\u0007 \u009b2J"
answer.ko = "a"

[[cards]]
kind = "predict"
question.en = "Predict \u001b]2;PWN-PREDICTQ\u0007 this"
question.ko = "Predict this"
code = '''
print("\x1b]0;PWN-PREDICT\x07 \x1b[?1049l \x9b2J done")
'''
answer = "done"
why.en = "Why \u001b]0;PWN-WHY\u0007 \u001b[2J it prints"
why.ko = "Why"
"""
"""Every place a lesson or a snippet can put text on the screen, each with an escape sequence.

The payloads are tagged PWN; ESC followed by a tagged payload must never reach the terminal."""

PAYLOADS = ("]0;PWN", "]2;PWN", "]52;c;", "[?1049l", "[2J")


def write_lesson(data: Path, folder: str, text: str) -> Path:
    lesson = data / "lessons" / folder
    lesson.mkdir(parents=True, exist_ok=True)
    path = lesson / "lesson.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.e2e
@pytest.mark.kernel
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_no_escape_sequence_of_the_learner_reaches_the_terminal(
    tmux: Tmux,  # noqa: F811
    home: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    lesson = load_lesson(write_lesson(home, "hostile", HOSTILE_LESSON).parent, builtin=False)
    assert isinstance(lesson, Lesson), lesson
    # Raw control characters in the editor itself: an edit saved earlier (or pasted).
    starter = lesson.steps[0].starter
    with Store(home / "studytorch.sqlite3") as store:
        store.save_edit("hostile", "escapes", f"# raw \x1b]0;PWN-EDITOR\x07 \x9b2J\n{starter}")
    stream = tmp_path / "terminal.bin"
    tmux.start([str(STUDYTORCH), "--lesson", "hostile", "--lang", "en", "--device", "cpu"])
    tmux.wait_for(lambda s: "kernel ready" in s, "'kernel ready' in the status line", 90)
    # From here on every byte the app writes to its terminal lands in the file. (Start-up and
    # quitting legitimately switch screens and clear; the learner's text never may.)
    tmux("pipe-pane", "-o", f"cat >> {stream}")
    tmux.keys("C-t")  # redraw the note pane while recording
    tmux.keys("F5")
    screen = tmux.wait_for(lambda s: "Check failed" in s, "the check's verdict", 60)
    assert "␛]0;PWN-OUT␇" in screen, "the snippet's escapes should be shown as symbols"
    for _ in range(5):  # every pane: output, tensors, model, note...
        tmux.keys("C-t")
        time.sleep(0.5)
    tmux.keys("C-n")  # the next step crashes the kernel after writing to its log
    tmux.wait_for(lambda s: "kernel ready" in s and "Crash" in s, "the second step", 30)
    tmux.keys("F5")
    tmux.wait_for(lambda s: "PWN-LOG" in s and "kernel died" in s, "the kernel log tail", 60)
    tmux.keys("C-n")  # an error too long for its line: listed under the editor
    tmux.wait_for(lambda s: "Long error" in s, "the third step", 30)
    tmux.keys("F5")
    tmux.wait_for(lambda s: "PWN-ERRLINE" in s and "◂" in s, "the error under the editor", 90)
    time.sleep(1)
    tmux("pipe-pane")  # stop recording before quitting
    title = tmux("display-message", "-p", "#{pane_title}")
    tmux.keys("C-q")

    sent = stream.read_bytes().decode("utf-8", errors="replace")
    assert "PWN-OUT" in sent and "PWN-LOG" in sent and "PWN-CHECK" in sent, (
        "the hostile texts were not all drawn, so the test proves nothing"
    )
    leaked = [p for p in PAYLOADS if "\x1b" + p in sent]
    assert not leaked, f"escape sequences of the learner reached the terminal: {leaked}"
    c1 = sorted({f"U+{ord(c):04X}" for c in sent if 0x80 <= ord(c) <= 0x9F})
    assert not c1, f"C1 controls reached the terminal: {c1}"
    assert "PWN" not in title, f"the terminal title was changed to {title!r}"
    tags = ("PWN-TENSOR", "PWN-MODULE", "PWN-REPR", "PWN-CHECK", "PWN-LOG", "PWN-LESSON")
    tags += ("PWN-ERRLINE",)
    for tag in (*tags, "PWN-EDITOR"):
        assert re.search(rf"␛\][02];{tag}", sent), f"{tag} was never shown"
    assert "␛]52;c;UFdO␇" in sent and "\\x9d0;PWN-NOTEC1" in sent, "the note was never shown"


# --- edits that are never lost silently -------------------------------------------------------


async def test_steady_typing_is_saved_without_waiting_for_a_pause(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A learner who never pauses long enough for the debounce still has their edit saved."""
    from studytorch.screens import edit_keeper

    monkeypatch.setattr(edit_keeper, "AUTOSAVE_S", 3600.0)  # the quiet moment never comes
    app = fake_app(tmp_path / "db.sqlite3", lesson=LESSON)
    async with app.run_test(size=(80, 24)) as pilot:
        await lessons_read(pilot)
        await pilot.press(*"# typed without a pause")
        saved = lambda: app.store.load_edit(LESSON, STEP) or ""  # noqa: E731
        await until(pilot, lambda: "# typed without a pause" in saved(), "a save", timeout=10)
        assert edit_keeper.AUTOSAVE_MAX_S <= 2.0


async def test_a_failed_save_makes_quit_ask_before_the_edit_is_lost(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    app = fake_app(db, lesson=LESSON)
    async with app.run_test(size=(80, 24)) as pilot:
        await lessons_read(pilot)
        conn = app.store._conn
        assert conn is not None
        # A page limit makes SQLite answer exactly as it does when the disk fills up.
        conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0]}")
        area = editor(app)
        area.replace("x = 2\n" * 50_000 + "# big\n", (0, 0), (0, 0))
        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        question = str(app.screen.query_one("#confirm-question").render())
        assert "not saved" in question and "disk is full" in question
        assert any("disk is full" in n.message for n in app._notifications)
        await pilot.press("n")
        await pilot.pause()
        assert app.is_running and "# big" in editor(app).text
        await pilot.press("ctrl+q", "y")
        await pilot.pause()
        assert not app.is_running


async def test_an_edit_saved_by_a_second_instance_is_not_overwritten_without_asking(
    tmp_path: Path,
) -> None:
    db = tmp_path / "db.sqlite3"
    app = fake_app(db, lesson=LESSON)
    async with app.run_test(size=(80, 24)) as pilot:
        await lessons_read(pilot)
        with Store(db) as other:  # the second studytorch, on the same file
            other.save_edit(LESSON, STEP, "# theirs\n")
        await pilot.press(*"# mine", "enter")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the conflict question")
        assert "Another studytorch" in str(app.screen.query_one("#confirm-question").render())
        with Store(db) as check:
            assert check.load_edit(LESSON, STEP) == "# theirs\n", "theirs was overwritten"
        # The question may come up mid-word: keys typed for the editor do not answer it.
        await pilot.press(*"yn", "escape")
        assert isinstance(app.screen, ConfirmScreen)
        no = app.screen.query_one("#no")
        await until(pilot, lambda: no.has_focus, "the buttons to take keys")
        await pilot.press("enter")  # No: theirs is loaded, mine is one Ctrl+Z away
        await until(pilot, lambda: isinstance(app.screen, LessonScreen), "the lesson again")
        assert editor(app).text == "# theirs\n"
        await pilot.press("ctrl+z")
        mine = editor(app).text
        assert mine.startswith("#") and mine != "# theirs\n"
        await pilot.press("ctrl+o")  # leaving saves: now mine, knowingly, over theirs
        await pilot.pause()
        with Store(db) as check:
            assert check.load_edit(LESSON, STEP) == mine


async def test_a_database_deleted_while_the_app_runs_is_recreated_with_the_edit(
    tmp_path: Path,
) -> None:
    db = tmp_path / "db.sqlite3"
    app = fake_app(db, lesson=LESSON)
    async with app.run_test(size=(80, 24)) as pilot:
        await lessons_read(pilot)
        await pilot.press(*"# one", "enter")
        await pilot.press("ctrl+n", "ctrl+p")  # a step change saves
        for side in ("", "-wal", "-shm"):
            Path(f"{db}{side}").unlink(missing_ok=True)
        await pilot.press(*"# two", "enter")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert any("was deleted" in n.message for n in app._notifications)
        assert db.is_file()
        with Store(db) as fresh:
            assert (fresh.load_edit(LESSON, STEP) or "").startswith("# two\n# one\n")


async def test_an_empty_database_file_is_replaced_with_a_notice(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    db.write_bytes(b"")
    old = time.time() - 3600  # emptied an hour ago, not being created by another instance
    os.utime(db, (old, old))
    app = fake_app(db, lesson=LESSON)
    async with app.run_test(size=(80, 24)) as pilot:
        await lessons_read(pilot)
        assert any("empty (0 bytes)" in n.message for n in app._notifications)
        await pilot.press(*"# kept", "enter", "ctrl+o")
    with Store(db) as again:
        assert again.notice is None
        assert (again.load_edit(LESSON, STEP) or "").startswith("# kept")


def test_a_folder_where_the_database_should_be_is_named_as_such(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    db.mkdir()
    with pytest.raises(StoreError, match="that is a folder"):
        Store(db)


def test_the_data_folder_and_database_are_private(studytorch_home: Path) -> None:
    from studytorch import locations

    with Store() as store:
        store.save_edit(LESSON, STEP, "x = 1")
        files = [store.path, *(Path(f"{store.path}{s}") for s in ("-wal", "-shm"))]
        modes = {p.name: oct(p.stat().st_mode & 0o777) for p in files if p.exists()}
    assert set(modes.values()) == {"0o600"}, modes
    assert oct(studytorch_home.stat().st_mode & 0o777) == "0o700"
    assert oct(locations.log_dir().stat().st_mode & 0o777) == "0o700"


# --- lessons are untrusted input --------------------------------------------------------------


TWO_CARDS = (
    '\n[[cards]]\nquestion.en = "q1"\nquestion.ko = "q1"\nanswer.en = "a"\nanswer.ko = "a"\n'
    '\n[[cards]]\nquestion.en = "q2"\nquestion.ko = "q2"\nanswer.en = "b"\nanswer.ko = "b"\n'
)
"""Every lesson carries 2 to 6 review cards."""


def mini_lesson(lesson_id: str, steps: str = "", extra: str = "") -> str:
    """A valid lesson file with `extra` top-level keys and the `steps` tables given."""
    return (
        f'format_version = 1\nid = "{lesson_id}"\n{extra}'
        f'title.en = "{lesson_id}"\ntitle.ko = "{lesson_id}"\n\n'
        + (
            steps
            or '[[steps]]\nid = "one"\ntitle.en = "One"\ntitle.ko = "하나"\n'
            'note.en = "A note."\nnote.ko = "설명."\nstarter = "x = 1"\n'
        )
        + ("" if "cards" in extra else TWO_CARDS)
    )


def write_broken_lessons(data: Path) -> dict[str, str]:
    """Lessons a learner might drop in, each broken another way; what each must be reported as."""
    write_lesson(data, "deep", mini_lesson("deep", extra="x = " + "[" * 5000 + "]" * 5000 + "\n"))
    write_lesson(data, "cards", mini_lesson("cards", extra="cards = 5\n"))
    (data / "lessons" / "latin1").mkdir(parents=True)
    (data / "lessons" / "latin1" / "lesson.toml").write_bytes(
        mini_lesson("latin1").encode().replace(b'"A note."', b'"Caf\xe9."')  # Latin-1 é
    )
    write_lesson(data, "huge", mini_lesson("huge", extra=f'big = "{"x" * 2_000_000}"\n'))
    return {
        "deep": r"deep/lesson\.toml:3: nested too deeply",
        "cards": r"cards/lesson\.toml(:\d+)?: .*(cards|int)",
        "latin1": r"latin1/lesson\.toml:10: not valid UTF-8 at column 15",
        "huge": r"huge/lesson\.toml: the file is 2\.0 MB; a lesson file may be at most 1 MB",
    }


def test_broken_lesson_files_are_each_reported_and_the_others_listed(
    studytorch_home: Path,
) -> None:
    expected = write_broken_lessons(studytorch_home)
    done = subprocess.run(
        studytorch_cmd("lessons", "--lang", "en"),
        capture_output=True,
        text=True,
        env=subprocess_env(),
        timeout=60,
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert "shape-ops\t" in done.stdout, "the good lessons are still listed"
    for name, pattern in expected.items():
        assert re.search(pattern, done.stderr), f"{name}: {done.stderr}"


async def test_the_app_lists_broken_lessons_and_keeps_running(
    studytorch_home: Path, tmp_path: Path
) -> None:
    expected = write_broken_lessons(studytorch_home)
    app = StudyApp(session=FakeSession(), store=Store(tmp_path / "db.sqlite3"), lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await lessons_read(pilot)
        await pilot.pause()
        shown = str(app.screen.query_one("#lesson-errors").render())
        assert app.is_running
        assert len(app.course.errors) == len(expected)
        assert "nested too deeply" in shown and "not valid UTF-8" in shown
        assert any(lesson.id == "shape-ops" for lesson in app.course.lessons)


# --- studytorch check: a step that never ends -------------------------------------------------

LOOPING_STEPS = """
[[steps]]
id = "check-loops"
title.en = "A check that loops"
title.ko = "끝나지 않는 검사"
note.en = "n"
note.ko = "n"
starter = "x = 1"
solution = "x = 2"
check = '''
while True:
    pass
'''

[[steps]]
id = "run-loops"
title.en = "A solution that loops"
title.ko = "끝나지 않는 정답"
note.en = "n"
note.ko = "n"
starter = "pass"
solution = '''
while True:
    pass
'''

[[steps]]
id = "fine"
title.en = "A step that passes"
title.ko = "통과하는 단계"
note.en = "n"
note.ko = "n"
starter = "y = 1"
solution = "y = 2"
check = '''
expect(y == 2, "y should be 2", "y는 2여야 합니다")
'''
"""


@pytest.mark.kernel
def test_check_times_out_a_looping_step_and_goes_on(studytorch_home: Path) -> None:
    write_lesson(studytorch_home, "loops", mini_lesson("loops", LOOPING_STEPS))
    done = subprocess.run(
        studytorch_cmd("check", "loops", "--timeout", "3", "--device", "cpu"),
        capture_output=True,
        text=True,
        env=subprocess_env(),
        timeout=120,
    )
    rows = {
        line.split("│")[2].strip(): line for line in done.stdout.splitlines() if "│ loops" in line
    }
    assert done.returncode == 1, done.stdout + done.stderr
    assert "FAIL" in rows["check-loops"] and "timed out after 3 s" in rows["check-loops"]
    assert "FAIL" in rows["run-loops"] and "timed out after 3 s" in rows["run-loops"]
    assert "pass" in rows["fine"], "the proof went on after the steps that timed out"
    assert "1 passed, 2 failed" in done.stdout


# --- notifications are plain text; --existing says what is wrong ------------------------------


def toasts(app: StudyApp) -> str:
    """The notifications as drawn on the screen."""
    from textual.widgets._toast import Toast

    return "\n".join(str(toast.render()) for toast in app.screen.query(Toast))


async def test_a_lesson_id_that_looks_like_markup_is_quoted_not_parsed(tmp_path: Path) -> None:
    app = fake_app(tmp_path / "db.sqlite3", lesson="[/]")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await lessons_read(pilot)
        await until(pilot, lambda: "No lesson '[/]'" in toasts(app), "the notice", timeout=10)
        assert app.is_running


async def test_a_data_path_with_brackets_is_shown_whole(tmp_path: Path) -> None:
    folder = tmp_path / "[work]" / "[@click=app.quit]x[/]"
    folder.mkdir(parents=True)
    db = folder / "db.sqlite3"
    db.write_bytes(b"garbage, not a database" * 100)
    app = fake_app(db, lesson=LESSON)
    async with app.run_test(size=(200, 50), notifications=True) as pilot:
        await lessons_read(pilot)
        await until(pilot, lambda: "damaged" in toasts(app), "the notice", timeout=10)
        shown = toasts(app).replace("\n", "")
        assert "[work]/[@click=app.quit]x[/]/db.sqlite3.corrupt-" in shown, shown
        assert app.is_running


@pytest.mark.kernel
async def test_a_device_that_looks_like_markup_is_shown_not_parsed(tmp_path: Path) -> None:
    from studytorch.kernel import KernelSession

    device = "[@click=app.quit]x[/]"
    session = KernelSession(device=device, log_dir=tmp_path / "logs")
    app = StudyApp(session=session, store=Store(tmp_path / "db.sqlite3"), lang="en")
    async with app.run_test(size=(200, 50), notifications=True) as pilot:
        await until(pilot, lambda: device in toasts(app), "the device in a notice", timeout=90)
        assert app.is_running
        assert app.kernel_state == "dead"


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ('{"ip": "127.0.0.1", ', "not valid JSON at line 1"),
        ('{"ip": "127.0.0.1", "key": "k", "transport": "tcp"}', "missing 'shell_port'"),
        ("[1, 2]", "not an object"),
    ],
    ids=["invalid-json", "missing-key", "not-an-object"],
)
@pytest.mark.parametrize("command", [["run", "--device", "cpu"], []], ids=["run", "app"])
def test_a_bad_connection_file_is_named_with_what_is_wrong(
    tmp_path: Path, content: str, says: str, command: list[str]
) -> None:
    connection = tmp_path / "kernel.json"
    connection.write_text(content)
    snippet = tmp_path / "snippet.py"
    snippet.write_text("print(1)\n")
    args = [*command, "--existing", str(connection)] + ([str(snippet)] if command else [])
    done = subprocess.run(
        studytorch_cmd(*args), capture_output=True, text=True, env=subprocess_env(), timeout=60
    )
    assert done.returncode == 2
    assert says in done.stderr and str(connection) in done.stderr
    assert "Traceback" not in done.stderr


# --- a kill -9 in the middle of steady typing -----------------------------------------------

TYPING_S = 6.0
"""How long the learner types without a pause before the app is killed."""
KEY_GAP_S = 0.1
"""A fast typist: far below the autosave's quiet time, so only its deadline saves."""


@pytest.mark.e2e
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_a_kill_during_steady_typing_keeps_what_was_typed_until_the_last_seconds(
    tmux: Tmux,  # noqa: F811
    home: Path,  # noqa: F811
) -> None:
    from studytorch.screens.edit_keeper import AUTOSAVE_MAX_S

    pane = tmux.start([str(STUDYTORCH), "--lesson", LESSON, "--lang", "en", "--device", "cpu"])
    tmux.wait_for(lambda s: "view: same numbers" in s, "lesson screen")
    typed = ""
    started = time.monotonic()
    while time.monotonic() - started < TYPING_S:
        key = "abcdefghijklmnopqrstuvwxyz"[len(typed) % 26]
        tmux.keys(key)
        typed += key
        time.sleep(KEY_GAP_S)
    typing_s = time.monotonic() - started
    os.kill(pane, 9)
    try:
        with Store(home / "studytorch.sqlite3") as store:
            saved = store.load_edit(LESSON, STEP) or ""
    finally:
        for kernel in kernels_of(home):  # its app was killed: nothing else will end it
            kernel.kill()
    kept = saved.find("x = torch.arange")  # typed at the top of the starter
    assert kept >= 0 and saved[:kept] == typed[:kept], saved
    assert kept > 0, f"nothing of {len(typed)} keys typed over {typing_s:.1f} s was saved"
    print(
        f"typed {len(typed)} keys in {typing_s:.1f} s, kept {kept}: lost the last "
        f"{(len(typed) - kept) * typing_s / len(typed):.1f} s (deadline {AUTOSAVE_MAX_S} s)"
    )


def read_through_a_terminal(command: list[str], limit_s: float = 120) -> str:
    """Run `command` with its stdout and stderr on a pseudo-terminal; everything it wrote."""
    import pty
    import select

    master, slave = pty.openpty()
    proc = subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=slave, stderr=slave, env=subprocess_env()
    )
    os.close(slave)
    chunks: list[bytes] = []
    deadline = time.monotonic() + limit_s
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    data = os.read(master, 65536)
                except OSError:  # EIO: every writer has closed the terminal
                    break
                if not data:
                    break
                chunks.append(data)
            elif proc.poll() is not None:
                break
    finally:
        os.close(master)
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)
    return b"".join(chunks).decode("utf-8", errors="replace")


@pytest.mark.kernel
def test_headless_run_on_a_terminal_shows_escapes_instead_of_sending_them(tmp_path: Path) -> None:
    snippet = tmp_path / "hostile.py"
    snippet.write_text(
        'print("out \\x1b]0;PWN-OUT\\x07 \\x1b[2J \\x9d0;PWN-C1\\x07 \\x1b[31mred\\x1b[0m")\n'
        'globals()["t\\x1b]0;PWN-TENSOR\\x07"] = torch.zeros(2)\n'
        'raise ValueError("\\x1b]0;PWN-ERROR\\x07")\n'
    )
    sent = read_through_a_terminal(studytorch_cmd("run", "--device", "cpu", str(snippet)))
    assert "␛]0;PWN-OUT␇" in sent and "␛]0;PWN-TENSOR␇" in sent and "PWN-ERROR" in sent, sent
    assert "\x1b[31mred" in sent, "the snippet's own colours are kept"
    leaked = [p for p in PAYLOADS if "\x1b" + p in sent]
    assert not leaked, f"escape sequences of the snippet reached the terminal: {leaked}"
    assert not any(0x80 <= ord(c) <= 0x9F for c in sent), "a C1 control reached the terminal"


# --- damaged or impossible input: a message and an exit code, never a traceback --------------


def run_cli(*args: str, env: dict[str, str] | None = None, timeout: float = 60):
    return subprocess.run(
        studytorch_cmd(*args),
        capture_output=True,
        text=True,
        env=env or subprocess_env(),
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["run", "/dev/zero"], "that is a device"),
        (["run", "FIFO"], "that is a pipe (FIFO)"),
        (["run", "--existing", "/dev/zero", "SNIPPET"], "that is a device"),
        (["run", "--existing", "FIFO", "SNIPPET"], "that is a pipe (FIFO)"),
        (["run", "BIG"], "at most 1.0 MB"),
    ],
    ids=["run-device", "run-fifo", "existing-device", "existing-fifo", "run-huge"],
)
def test_a_device_a_fifo_or_a_huge_file_is_refused_at_once(
    tmp_path: Path, args: list[str], says: str
) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    snippet = tmp_path / "snippet.py"
    snippet.write_text("print(1)\n")
    big = tmp_path / "big.py"
    big.write_text("x = 1\n" * 400_000)
    names = {"FIFO": str(fifo), "SNIPPET": str(snippet), "BIG": str(big)}
    started = time.monotonic()
    done = run_cli(*[names.get(a, a) for a in args], timeout=30)
    assert time.monotonic() - started < 20, "it read (or waited) instead of refusing"
    assert done.returncode == 2, done.stderr
    assert says in done.stderr and "Traceback" not in done.stderr


COMMANDS = [
    ["lessons"],
    ["run", "--device", "cpu", "SNIPPET"],
    ["review", "--due"],
    ["export", "--out", "OUT"],
    ["doctor"],
    ["check", "shape-ops"],
    [],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0] if c else "app")
def test_a_data_folder_that_is_a_file_is_named_by_every_command(
    tmp_path: Path, command: list[str]
) -> None:
    folder = tmp_path / "home-file"
    folder.write_text("not a folder")
    snippet = tmp_path / "snippet.py"
    snippet.write_text("print(1)\n")
    names = {"SNIPPET": str(snippet), "OUT": str(tmp_path / "out")}
    done = run_cli(
        *[names.get(a, a) for a in command], env=subprocess_env(STUDYTORCH_HOME=str(folder))
    )
    assert done.returncode == 2, done.stdout + done.stderr
    assert f"STUDYTORCH_HOME {folder} is a file, but a folder is needed there" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("python", ["not-executable", "no-ipykernel", "folder"])
@pytest.mark.parametrize("command", [["run", "--json"], []], ids=["run-json", "app"])
def test_a_python_that_cannot_run_a_kernel_is_said_in_one_line(
    tmp_path: Path, python: str, command: list[str]
) -> None:
    paths = {"not-executable": tmp_path / "python", "folder": tmp_path}
    paths["not-executable"].write_text("#!/bin/sh\n")
    fake = tmp_path / "bin-python"
    fake.write_text("#!/bin/sh\necho no-ipykernel\n")  # answers like a Python without ipykernel
    fake.chmod(0o755)
    paths["no-ipykernel"] = fake
    snippet = tmp_path / "snippet.py"
    snippet.write_text("print(1)\n")
    args = [*command, "--python", str(paths[python])] + ([str(snippet)] if command else [])
    done = run_cli(*args, env=subprocess_env(SECRET_FOR_TEST="hunter2"))
    assert done.returncode == 3, done.stdout + done.stderr
    everything = done.stdout + done.stderr
    assert "Traceback" not in everything and "hunter2" not in everything
    assert '"key"' not in everything and "hmac" not in everything.lower()
    if command:
        report = json.loads(done.stdout)
        assert report["status"] == "kernel" and str(paths[python]) in report["error"]["message"]
    else:
        assert str(paths[python]) in done.stderr


def damage_review_rows(db: Path) -> dict[str, str]:
    """Review rows of shape-ops as a crash or a hand edit may leave them; key -> what is wrong."""
    import fsrs

    from studytorch.course import load_course

    lesson = next(x for x in load_course().lessons if x.id == LESSON)
    keys = [card.key(lesson.id) for card in lesson.cards]
    good = fsrs.Card().to_json()
    with Store(db) as store:
        for key in keys:
            store.save_review(key, LESSON, good, time.time() + 86400, 3, time.time())
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE review_cards SET due = 'abc' WHERE card_key = ?", (keys[0],))
        conn.execute("UPDATE review_cards SET due = 1e400 WHERE card_key = ?", (keys[1],))
        conn.execute("UPDATE review_cards SET state = '{oops' WHERE card_key = ?", (keys[2],))
    return {keys[0]: "not a number", keys[1]: "out of range", keys[2]: "not JSON"}


def test_damaged_review_rows_are_set_aside_and_the_deck_still_counts(
    studytorch_home: Path,
) -> None:
    damaged = damage_review_rows(studytorch_home / "studytorch.sqlite3")
    done = run_cli("review", "--due", LESSON, "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "3 review card(s) had a damaged schedule" in done.stderr
    for key, why in damaged.items():
        assert key in done.stderr and why in done.stderr
    assert f"{LESSON}  3 due" in done.stdout, "the damaged cards are new (due), the good one not"
    again = run_cli("review", "--due", LESSON, "--lang", "en")
    assert "damaged" not in again.stderr, "set aside once, not reported forever"
    with sqlite3.connect(studytorch_home / "studytorch.sqlite3") as conn:
        kept = conn.execute("SELECT count(*) FROM review_set_aside").fetchone()[0]
    assert kept == 3, "the damaged rows are kept, not deleted"


async def test_the_app_and_its_review_screen_start_over_damaged_review_rows(
    tmp_path: Path,
) -> None:
    from studytorch.screens.review import ReviewScreen

    db = tmp_path / "db.sqlite3"
    damage_review_rows(db)
    app = fake_app(db, review=[LESSON])
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await lessons_read(pilot)
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "the review screen")
        await until(pilot, lambda: "damaged schedule" in toasts(app), "the report")
        assert app.is_running
        question = str(app.screen.query_one("#review-question").render())
        assert question.strip(), "a card is asked"


def test_run_json_on_a_terminal_sends_no_raw_c1_control(tmp_path: Path) -> None:
    snippet = tmp_path / "hostile.py"
    snippet.write_text('print("c1 \\x9b2J \\x9d0;PWN-C1\\x07 del \\x7f end")\n')
    sent = read_through_a_terminal(studytorch_cmd("run", "--json", "--device", "cpu", str(snippet)))
    assert "PWN-C1" in sent, sent
    assert not any(0x7F <= ord(c) <= 0x9F for c in sent), "a C1 control reached the terminal"
    report = json.loads(sent.strip().splitlines()[-1])
    assert report["stdout"] == "c1 \x9b2J \x9d0;PWN-C1\x07 del \x7f end\n", "same JSON meaning"


async def test_a_run_not_recorded_on_a_full_disk_says_so(tmp_path: Path) -> None:
    app = fake_app(tmp_path / "db.sqlite3", lesson=LESSON)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await lessons_read(pilot)
        await until(pilot, lambda: isinstance(app.screen, LessonScreen), "the lesson")
        conn = app.store._conn
        assert conn is not None
        # A page limit, then filled: SQLite answers exactly as it does on a full disk.
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + 2}")
        for size in (2000, 200, 20, 1):  # the runs table filled to its pages' last bytes
            with contextlib.suppress(sqlite3.OperationalError):
                for _ in range(1000):
                    conn.execute(
                        "INSERT INTO runs (lesson_id, step_id, status, duration_s, at, output) "
                        "VALUES ('other', 'step', 'ok', 0, 0, ?)",
                        ("x" * size,),
                    )
        await pilot.press("f5")
        await until(pilot, lambda: "not recorded" in toasts(app), "the notice", timeout=20)
        assert "disk is full" in toasts(app)


async def test_a_huge_note_is_cut_so_keys_stay_fast(studytorch_home: Path, tmp_path: Path) -> None:
    note = ("A paragraph about tensors. " * 20 + "\n\n") * 1800  # about 960 kB
    steps = (
        '[[steps]]\nid = "one"\ntitle.en = "One"\ntitle.ko = "하나"\n'
        f'note.en = """{note}"""\nnote.ko = "설명."\nstarter = "x = 1"\n'
    )
    write_lesson(studytorch_home, "huge-note", mini_lesson("huge-note", steps))
    app = StudyApp(
        session=FakeSession(), store=Store(tmp_path / "db.sqlite3"), lang="en", lesson="huge-note"
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await lessons_read(pilot)
        await until(pilot, lambda: isinstance(app.screen, LessonScreen), "the lesson")
        started = time.monotonic()
        for key in ("f6", "f6", "ctrl+t", "ctrl+t", "a", "b"):
            await pilot.press(key)
        await pilot.pause()
        took = time.monotonic() - started
        shown = app.screen.query_one("#note-wide").source
        assert "kB more of this note are not shown" in shown
        assert took < 10, f"six keys took {took:.1f} s"


@pytest.mark.e2e
@pytest.mark.kernel
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_no_escape_sequence_of_a_review_card_reaches_the_terminal(
    tmux: Tmux,  # noqa: F811
    home: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    """Titles, questions, answers, "why", predict code and its live output on the review screen."""
    write_lesson(home, "hostile", HOSTILE_LESSON)
    stream = tmp_path / "terminal.bin"
    tmux.start([str(STUDYTORCH), "review", "hostile", "--lang", "en", "--device", "cpu"])
    tmux.wait_for(lambda s: "PWN-CARD" in s, "the first card")
    tmux("pipe-pane", "-o", f"cat >> {stream}")
    tmux.keys("C-l", "C-l")  # redraw the card (in Korean and back) while recording
    tmux.wait_for(lambda s: "PWN-CARD" in s, "the first card again")
    tmux.keys("Space")
    tmux.wait_for(lambda s: "PWN-ANSWER" in s, "the answer")
    tmux.keys("3")
    tmux.wait_for(lambda s: "PWN-PREDICTQ" in s, "the predict card")
    tmux.keys("d", "o", "n", "e", "Enter")
    tmux.wait_for(lambda s: "PWN-PREDICT␇" in s and "PWN-WHY" in s, "the live output", 90)
    time.sleep(1)
    tmux("pipe-pane")
    tmux.keys("Escape")
    sent = stream.read_bytes().decode("utf-8", errors="replace")
    for tag in ("PWN-CARD", "PWN-ANSWER", "PWN-PREDICTQ", "PWN-PREDICT␇", "PWN-WHY"):
        assert tag in sent, f"{tag} was never drawn, so the test proves nothing"
    leaked = [p for p in (*PAYLOADS, "]0;PWN", "[?1049l") if "\x1b" + p in sent]
    assert not leaked, f"escape sequences of a card reached the terminal: {leaked}"
    assert not any(0x80 <= ord(c) <= 0x9F for c in sent), "a C1 control reached the terminal"


@pytest.mark.e2e
@pytest.mark.kernel
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
@pytest.mark.parametrize("sig", [signal.SIGSEGV, signal.SIGBUS], ids=["SIGSEGV", "SIGBUS"])
def test_a_crash_of_the_app_gives_the_terminal_back_and_leaves_nothing(
    tmux: Tmux,  # noqa: F811
    home: Path,  # noqa: F811
    tmp: Path,  # noqa: F811
    sig: signal.Signals,
) -> None:
    import psutil

    pane = tmux.start(
        ["sh", "-c", f"{STUDYTORCH} --lesson {LESSON} --lang en --device cpu; sleep 60"]
    )
    tmux.wait_for(lambda s: "kernel ready" in s, "the kernel", 90)
    assert kernels_of(home), "no kernel to leave behind, so the test proves nothing"
    supervisor = next(
        p
        for p in psutil.Process(pane).children(recursive=True)
        if "studytorch" in " ".join(p.cmdline())
    )
    app = next(p for p in supervisor.children() if "studytorch" in " ".join(p.cmdline()))
    assert tmux("display-message", "-p", "#{alternate_on}").strip() == "1"
    os.kill(app.pid, sig)
    screen = tmux.wait_for(lambda s: f"ended by {sig.name}" in s, "the crash message", 20)
    assert "edits up to the last save are kept" in "".join(screen.splitlines())
    assert tmux("display-message", "-p", "#{alternate_on}").strip() == "0", (
        "left in the alternate screen"
    )
    deadline = time.monotonic() + 5
    while kernels_of(home) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not kernels_of(home), "a kernel outlived the crashed app"
    assert not [f for f in tmp.glob("studytorch-*")], "a kernel folder was left behind"
    crash_logs = list((home / "logs").glob("app-crash-*.log"))
    assert crash_logs and "Fatal Python error" in crash_logs[0].read_text()


STUBBORN = (
    "import time\nwhile True:\n    try:\n        time.sleep(0.05)\n"
    "    except KeyboardInterrupt:\n        pass\n"
)
"""A snippet that swallows the interrupt: F8 escalates to a fresh kernel after 3 s."""


@pytest.mark.kernel
async def test_f5_during_an_interrupts_escalation_waits_says_why_and_runs(tmp_path: Path) -> None:
    from studytorch.kernel import KernelSession
    from test_app import kernel_ready, output_text

    session = KernelSession(device="cpu", log_dir=tmp_path / "logs")
    app = StudyApp(session=session, store=Store(tmp_path / "db.sqlite3"), lang="en", lesson=LESSON)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await kernel_ready(pilot)
        editor(app).text = STUBBORN
        await pilot.press("f5")
        await until(pilot, lambda: session.running, "the stubborn run")
        await pilot.press("f8")
        await until(pilot, lambda: session.stopping, "the interrupt's escalation")
        editor(app).text = "print('the second run')\n"
        await pilot.press("f5")
        await until(pilot, lambda: "starts right after it" in toasts(app), "why F5 waits", 10)
        await until(pilot, lambda: "the second run" in output_text(app), "the queued run", 90)


@pytest.mark.parametrize("command", [["review", "--due"], ["export"], ["check"]])
def test_an_argument_holding_escapes_is_shown_not_sent(command: list[str]) -> None:
    done = run_cli(*command, "x\x1b]0;PWN-ARG\x07\x9b2J")
    assert done.returncode == 2, done.stderr
    assert "x␛]0;PWN-ARG␇" in done.stderr and "\x1b" not in done.stderr
    assert not any(0x80 <= ord(c) <= 0x9F for c in done.stderr)


def test_a_read_only_data_folder_is_named_as_such(
    studytorch_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Root writes through permissions, so a read-only mount is what refuses: its error code."""
    import errno

    from studytorch import locations

    def read_only(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    assert locations.data_dir_problem() is None
    monkeypatch.setattr(locations.tempfile, "mkstemp", read_only)
    problem = locations.data_dir_problem() or ""
    assert f"STUDYTORCH_HOME {studytorch_home} is read-only" in problem
