"""The progress store keeps what the learner did, across restarts, crashes and damaged files."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from studytorch import locations
from studytorch.notice import Notice
from studytorch.store import RUNS_KEPT, SCHEMA_VERSION, Store, StoreError
from studytorch.ui_text import say


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "progress.sqlite3"


def run_python(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def moved_aside(db: Path, label: str) -> list[Path]:
    return sorted(
        p for p in db.parent.glob(f"{db.name}.{label}-*") if not p.name.endswith(("-wal", "-shm"))
    )


# -- edits ----------------------------------------------------------------------------------


def test_edit_is_there_after_closing_and_reopening(db: Path) -> None:
    code = "import torch\nx = torch.ones(3)  # 한국어 주석\nprint(x)\n"
    with Store(db) as store:
        assert store.load_edit("tensors", "create") is None
        store.save_edit("tensors", "create", code)
        store.save_edit("tensors", "create", code + "print(x.shape)\n")
        store.save_edit("tensors", "other", "y = 1")
    with Store(db) as store:
        assert store.notice is None
        assert store.load_edit("tensors", "create") == code + "print(x.shape)\n"
        assert store.load_edit("tensors", "other") == "y = 1"
        assert store.load_edit("autograd", "create") is None


def test_cleared_edit_goes_back_to_the_starter(db: Path) -> None:
    with Store(db) as store:
        store.save_edit("tensors", "create", "x = 1")
        store.clear_edit("tensors", "create")
        store.clear_edit("tensors", "never-edited")
    with Store(db) as store:
        assert store.load_edit("tensors", "create") is None


def test_edit_survives_the_process_being_killed(db: Path) -> None:
    result = run_python(
        """
        import os, sys
        from pathlib import Path
        from studytorch.store import Store
        store = Store(Path(sys.argv[1]))
        store.save_edit("tensors", "create", "x = 42")
        store.mark_passed("tensors", "create")
        store.set_position("tensors", "create")
        store.set_setting("language", "ko")
        os._exit(0)  # no close, no atexit: like a killed terminal
        """,
        str(db),
    )
    assert result.returncode == 0, result.stderr
    with Store(db) as store:
        assert store.notice is None
        assert store.load_edit("tensors", "create") == "x = 42"
        assert store.passed_steps("tensors") == {"create"}
        assert store.last_position() == ("tensors", "create")
        assert store.get_setting("language") == "ko"


# -- progress, runs, position, settings -----------------------------------------------------


def test_progress_is_kept_per_lesson(db: Path) -> None:
    with Store(db) as store:
        assert store.progress() == {}
        assert store.passed_steps("tensors") == set()
        store.mark_passed("tensors", "create")
        store.mark_passed("tensors", "reshape")
        store.mark_passed("tensors", "create")  # passing again changes nothing
        store.mark_passed("autograd", "grad")
    with Store(db) as store:
        assert store.passed_steps("tensors") == {"create", "reshape"}
        assert store.passed_steps("autograd") == {"grad"}
        assert store.passed_steps("nn") == set()
        assert store.progress() == {"tensors": {"create", "reshape"}, "autograd": {"grad"}}


def test_runs_are_listed_newest_first(db: Path) -> None:
    before = time.time()
    with Store(db) as store:
        assert store.runs("tensors", "create") == []
        store.record_run("tensors", "create", "error", 0.5)
        store.record_run("tensors", "create", "ok", 1.25)
        store.record_run("tensors", "other", "ok", 9.0)
    with Store(db) as store:
        runs = store.runs("tensors", "create")
        assert [(status, duration) for status, duration, _ in runs] == [
            ("ok", 1.25),
            ("error", 0.5),
        ]
        assert all(before - 1 <= at <= time.time() + 1 for _, _, at in runs)
        assert store.runs("tensors", "create", limit=1)[0][0] == "ok"


def test_run_history_stays_bounded(db: Path) -> None:
    with Store(db) as store:
        for i in range(RUNS_KEPT + 30):
            store.record_run("tensors", "create", f"run{i}", float(i))
        runs = store.runs("tensors", "create", limit=10_000)
        assert len(runs) == RUNS_KEPT
        assert runs[0][0] == f"run{RUNS_KEPT + 29}"


def test_position_and_recent_lessons(db: Path) -> None:
    with Store(db) as store:
        assert store.last_position() is None
        assert store.recent_lessons() == []
        store.set_position("tensors", "create")
        store.set_position("autograd", "grad")
        store.set_position("nn", "linear")
        store.set_position("tensors", "reshape")  # back to an earlier lesson, later step
    with Store(db) as store:
        assert store.last_position() == ("tensors", "reshape")
        assert store.recent_lessons() == ["tensors", "nn", "autograd"]


def test_settings(db: Path) -> None:
    with Store(db) as store:
        assert store.get_setting("language") is None
        assert store.get_setting("language", "en") == "en"
        store.set_setting("language", "ko")
        store.set_setting("theme", "dark")
        store.set_setting("language", "en")
    with Store(db) as store:
        assert store.get_setting("language", "ko") == "en"
        assert store.get_setting("theme") == "dark"


def test_default_path_is_in_the_studytorch_home(studytorch_home: Path) -> None:
    # conftest's autouse fixture points STUDYTORCH_HOME at this test's tmp dir.
    with Store() as store:
        store.save_edit("tensors", "create", "x = 1")
        assert store.path == locations.database_path()
        assert store.path.parent == studytorch_home
    with Store() as store:
        assert store.load_edit("tensors", "create") == "x = 1"


# -- damaged and foreign files --------------------------------------------------------------


def test_garbage_file_is_moved_aside_and_a_fresh_store_works(db: Path) -> None:
    garbage = b"not a database" * 100
    db.write_bytes(garbage)
    Path(f"{db}-wal").write_bytes(b"junk wal")
    with Store(db) as store:
        assert store.notice is not None
        [old] = moved_aside(db, "corrupt")
        assert old.read_bytes() == garbage
        assert Path(f"{old}-wal").read_bytes() == b"junk wal"
        assert store.notice == Notice("store.damaged", {"moved": old})
        assert "damaged" in say(store.notice) and str(old) in say(store.notice)
        store.save_edit("tensors", "create", "x = 1")
    with Store(db) as store:
        assert store.notice is None
        assert store.load_edit("tensors", "create") == "x = 1"


def test_truncated_database_is_moved_aside_with_its_newest_edits(db: Path) -> None:
    with Store(db) as store:
        for i in range(300):
            store.save_edit("tensors", f"step{i}", "x = 1\n" * 100)
    # The last edit is still only in the -wal when the terminal is killed.
    result = run_python(
        """
        import os, sys
        from pathlib import Path
        from studytorch.store import Store
        Store(Path(sys.argv[1])).save_edit("tensors", "step0", "newest")
        os._exit(0)
        """,
        str(db),
    )
    assert result.returncode == 0, result.stderr
    wal = Path(f"{db}-wal").read_bytes()
    assert wal
    data = db.read_bytes()
    assert len(data) > 8192
    db.write_bytes(data[: len(data) // 2])
    with Store(db) as store:
        [old] = moved_aside(db, "corrupt")
        assert store.notice is not None and str(old) in say(store.notice)
        assert old.read_bytes() == data[: len(data) // 2]
        # Kept beside the moved file, so the newest edits can still be recovered by hand.
        assert Path(f"{old}-wal").read_bytes() == wal
        assert store.load_edit("tensors", "step0") is None
        store.save_edit("tensors", "step0", "fresh")
        assert store.load_edit("tensors", "step0") == "fresh"


def test_database_from_a_newer_studytorch_is_moved_aside(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE future (x)")
    conn.execute("INSERT INTO future VALUES (1)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    with Store(db) as store:
        assert store.notice is not None
        assert "newer version" in say(store.notice)
        assert moved_aside(db, "corrupt") == []
        [old] = moved_aside(db, "newer")
        assert str(old) in say(store.notice, "ko")
        store.set_setting("language", "ko")
    # The newer file is untouched, so an upgraded studytorch can still use it.
    conn = sqlite3.connect(old)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 5
    assert conn.execute("SELECT x FROM future").fetchall() == [(1,)]
    conn.close()


# -- two studytorch instances ---------------------------------------------------------------


def test_two_stores_on_one_file_see_each_others_writes(db: Path) -> None:
    with Store(db) as first, Store(db) as second:
        first.save_edit("tensors", "create", "from first")
        assert second.load_edit("tensors", "create") == "from first"
        second.mark_passed("tensors", "create")
        assert first.passed_steps("tensors") == {"create"}
        second.set_position("autograd", "grad")
        first.set_position("tensors", "create")
        assert second.recent_lessons() == ["tensors", "autograd"]


def test_two_stores_writing_from_threads_lose_nothing(db: Path) -> None:
    errors: list[BaseException] = []

    def write(name: str) -> None:
        try:
            with Store(db) as store:
                for i in range(200):
                    store.save_edit(name, f"step{i}", f"{name} {i}")
                    store.set_position(name, f"step{i}")
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(name,)) for name in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with Store(db) as store:
        for name in ("a", "b"):
            assert all(store.load_edit(name, f"step{i}") == f"{name} {i}" for i in range(200))


def test_opening_waits_for_another_writer_even_where_sqlite_would_not(db: Path) -> None:
    # Another studytorch is mid-write on a file not yet in WAL mode. Switching to WAL needs an
    # exclusive lock, and SQLite refuses it at once instead of waiting (deadlock avoidance):
    # this is how two instances creating the database together used to fail.
    other = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    other.execute("CREATE TABLE scratch (x)")
    other.execute("BEGIN IMMEDIATE")
    finish = threading.Timer(0.3, lambda: other.execute("COMMIT"))
    finish.start()
    try:
        store = Store(db)
        store.save_edit("lesson", "step", "kept")
        store.close()
        assert Store(db).load_edit("lesson", "step") == "kept"
    finally:
        finish.join()
        other.close()


def test_two_processes_writing_at_once_lose_nothing(db: Path, tmp_path: Path) -> None:
    go = tmp_path / "go"
    writer = textwrap.dedent(
        """
        import sys, time
        from pathlib import Path
        from studytorch.store import Store
        db, go, name = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
        while not go.exists():
            time.sleep(0.001)
        # Both open a file that does not exist yet, so they also race to create the schema.
        store = Store(db)
        for i in range(200):
            store.save_edit(name, f"step{i}", f"{name} {i}")
            store.record_run(name, f"step{i}", "ok", 0.1)
            store.set_position(name, f"step{i}")
        store.close()
        """
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", writer, str(db), str(go), name],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("p0", "p1")
    ]
    time.sleep(0.5)  # let both interpreters start and wait at the line
    go.touch()
    for proc in procs:
        _, stderr = proc.communicate(timeout=120)
        assert proc.returncode == 0, stderr
        assert stderr == ""
    with Store(db) as store:
        assert store.notice is None
        for name in ("p0", "p1"):
            assert all(store.load_edit(name, f"step{i}") == f"{name} {i}" for i in range(200))
            assert len(store.runs(name, "step199")) == 1
        assert sorted(store.recent_lessons()) == ["p0", "p1"]


# -- failures the learner is told about -----------------------------------------------------


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores modes")
def test_unwritable_folder_gives_a_store_error(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StoreError, match="locked"):
            Store(folder / "progress.sqlite3")
    finally:
        folder.chmod(0o700)


def test_path_under_a_regular_file_gives_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("I am a file")
    for path in (blocker / "progress.sqlite3", blocker / "deeper" / "progress.sqlite3"):
        with pytest.raises(StoreError) as caught:
            Store(path)
        assert f"{blocker} is a file" in str(caught.value)
    assert blocker.read_text() == "I am a file"


def test_failing_save_raises_a_store_error_and_keeps_earlier_edits(db: Path) -> None:
    with Store(db) as store:
        store.save_edit("tensors", "create", "x = 1")
        # A page limit makes SQLite answer exactly as it does when the disk fills up.
        assert store._conn is not None
        pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
        store._conn.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(StoreError, match="disk is full"):
            store.save_edit("tensors", "big", "x = 2\n" * 100_000)
        assert store.load_edit("tensors", "create") == "x = 1"
    with Store(db) as store:
        assert store.load_edit("tensors", "create") == "x = 1"
        assert store.load_edit("tensors", "big") is None


def test_closed_store_raises_a_store_error(db: Path) -> None:
    store = Store(db)
    store.close()
    store.close()  # closing twice is harmless
    with pytest.raises(StoreError, match="closed"):
        store.save_edit("tensors", "create", "x = 1")
