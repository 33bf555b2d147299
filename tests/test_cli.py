"""The headless command line, run as a learner (or a script) runs it: in a subprocess."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from conftest import studytorch_cmd, subprocess_env
from studytorch import __version__

RUN_TIMEOUT_S = 120


def studytorch(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        studytorch_cmd(*args),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT_S,
        env=subprocess_env(),
    )


def run_json(tmp_path: Path, code: str, *extra: str) -> tuple[int, dict]:
    snippet = tmp_path / "snippet.py"
    snippet.write_text(code, encoding="utf-8")
    proc = studytorch("run", "--json", "--device", "cpu", *extra, str(snippet))
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 1, f"--json prints exactly one line:\n{proc.stdout}\n{proc.stderr}"
    return proc.returncode, json.loads(lines[0])


# --- run ------------------------------------------------------------------------------------


@pytest.mark.kernel
def test_run_json_reports_the_squeezed_shape(tmp_path):
    code, report = run_json(tmp_path, "x = torch.zeros(2, 1, 3)\ny = x.squeeze()\nprint('done')\n")
    assert code == 0
    assert {"ok", "stdout", "stderr", "error", "tensors", "modules", "duration_s"} <= set(report)
    assert report["ok"] is True
    assert report["error"] is None
    assert report["stdout"] == "done\n"
    assert report["stderr"] == ""
    tensors = {t["name"]: t for t in report["tensors"]}
    assert tensors["y"]["shape"] == [2, 3]
    assert tensors["x"]["shape"] == [2, 1, 3]
    for key, value in {
        "dtype": "float32",
        "device": "cpu",
        "requires_grad": False,
        "grad": None,
    }.items():
        assert tensors["y"][key] == value
    assert report["modules"] == []
    assert isinstance(report["duration_s"], float)
    assert 0 <= report["duration_s"] < 30


@pytest.mark.kernel
def test_run_json_error_has_type_message_and_line_and_exits_1(tmp_path):
    code, report = run_json(tmp_path, "a = torch.ones(2, 3)\nb = torch.ones(4, 5)\nc = a @ b\n")
    assert code == 1
    assert report["ok"] is False
    error = report["error"]
    assert error["type"] == "RuntimeError"
    assert "2x3 and 4x5" in error["message"]
    assert error["line"] == 3
    assert {t["name"] for t in report["tensors"]} == {"a", "b"}


@pytest.mark.kernel
def test_run_timeout_stops_an_endless_loop_and_exits_124(tmp_path):
    code, report = run_json(tmp_path, "while True:\n    pass\n", "--timeout", "1")
    assert code == 124
    assert report["status"] == "timeout"
    assert report["ok"] is False


@pytest.mark.kernel
def test_run_exits_3_when_the_kernel_dies(tmp_path):
    code, report = run_json(tmp_path, "import os\nos._exit(3)\n")
    assert code == 3
    assert report["ok"] is False
    assert report["error"]["type"] == "KernelDied"
    assert "code 3" in report["error"]["message"]


def test_run_exits_3_when_the_kernel_cannot_start(tmp_path):
    code, report = run_json(tmp_path, "x = 1\n", "--python", "/nonexistent/python3")
    assert code == 3
    assert report["ok"] is False
    assert report["error"]["type"] == "KernelError"
    assert "/nonexistent/python3" in report["error"]["message"]


def test_run_exits_2_for_a_file_it_cannot_read(tmp_path):
    missing = studytorch("run", str(tmp_path / "nope.py"))
    assert missing.returncode == 2
    assert "cannot read" in missing.stderr
    assert missing.stdout == ""
    # --json always prints one JSON object, this too.
    as_json = studytorch("run", "--json", str(tmp_path / "nope.py"))
    assert as_json.returncode == 2
    report = json.loads(as_json.stdout)
    assert report["ok"] is False and report["status"] == "usage"
    assert "cannot read" in report["error"]["message"]
    binary = tmp_path / "binary.py"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    assert studytorch("run", str(binary)).returncode == 2


@pytest.mark.kernel
def test_run_text_mode_prints_output_verbatim_and_a_tensor_table(tmp_path):
    snippet = tmp_path / "snippet.py"
    snippet.write_text(
        "print('[bold]x[/] [/] [@click=app.quit]x[/]')\ny = torch.zeros(2, 1, 3).squeeze()\n"
    )
    proc = studytorch("run", "--device", "cpu", str(snippet))
    assert proc.returncode == 0, proc.stderr
    assert "[bold]x[/] [/] [@click=app.quit]x[/]\n" in proc.stdout
    assert "(2, 3)" in proc.stdout
    assert "float32" in proc.stdout


@pytest.mark.kernel
def test_run_reads_the_snippet_from_standard_input():
    proc = studytorch("run", "--json", "--device", "cpu", "-", stdin="print(6 * 7)\n")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["stdout"] == "42\n"


# --- check, lessons, doctor -------------------------------------------------------------------


@pytest.mark.kernel
def test_check_proves_a_lesson_and_ends_with_the_count():
    proc = studytorch("check", "--device", "cpu", "shape-ops")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "shape-ops" in proc.stdout
    last = proc.stdout.strip().splitlines()[-1]
    match = re.fullmatch(r"(\d+) passed, 0 failed", last)
    assert match, last
    assert int(match[1]) >= 1


def test_check_jobs_must_be_at_least_one():
    proc = studytorch("check", "--jobs", "0", "shape-ops")
    assert proc.returncode == 2
    assert "--jobs: must be 1 or more, not 0" in proc.stderr


def test_check_unknown_lesson_is_a_usage_error():
    proc = studytorch("check", "no-such-lesson")
    assert proc.returncode == 2
    assert "no-such-lesson" in proc.stderr


def test_export_out_that_is_a_file_is_a_usage_error(tmp_path):
    # It printed mkdir's "[Errno 17] File exists: ..." and exited 1.
    taken = tmp_path / "notes.md"
    taken.write_text("mine")
    proc = studytorch("export", "tensors", "--out", str(taken))
    assert proc.returncode == 2
    assert "is a file, not a folder" in proc.stderr and "Errno" not in proc.stderr
    assert taken.read_text() == "mine"
    ko = studytorch("--lang", "ko", "export", "tensors", "--out", str(taken))
    assert ko.returncode == 2 and "폴더가 아니라 파일입니다" in ko.stderr


def test_in_korean_a_file_that_cannot_be_read_is_said_in_korean(tmp_path):
    # The reason stayed English inside the Korean sentence ("... 읽을 수 없습니다: no such file").
    folder = studytorch("--lang", "ko", "run", str(tmp_path))
    assert folder.returncode == 2
    assert "파일이 아니라 폴더입니다" in folder.stderr and "not a file" not in folder.stderr
    missing = studytorch("--lang", "ko", "run", str(tmp_path / "none.py"))
    assert "그런 파일이 없습니다" in missing.stderr
    as_json = studytorch("--lang", "ko", "run", "--json", str(tmp_path))
    assert "that is a folder, not a file" in json.loads(as_json.stdout)["error"]["message"]


def test_lessons_lists_id_tab_title():
    proc = studytorch("lessons", "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert any(line.startswith("shape-ops\t") and len(line) > len("shape-ops\t") for line in lines)
    assert all("\t" in line for line in lines)


def test_lessons_shows_a_learners_own_lesson_and_reports_a_broken_one(studytorch_home):
    from test_lessons_loader import write_lesson

    write_lesson(studytorch_home / "lessons" / "my-lesson", lesson_id="my-own")
    broken = studytorch_home / "lessons" / "broken"
    broken.mkdir(parents=True)
    (broken / "lesson.toml").write_text("format_version = 1\nid = oops\n")
    proc = studytorch("lessons", "--lang", "en")
    assert "my-own\tMy lesson" in proc.stdout.splitlines()
    assert "shape-ops" in proc.stdout
    assert f"{broken / 'lesson.toml'}:2:" in proc.stderr
    assert proc.returncode == 1


@pytest.mark.kernel
def test_doctor_names_torch_and_the_data_dir(studytorch_home):
    proc = studytorch("doctor", "--device", "cpu")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert re.search(r"torch\s+2\.13", proc.stdout)
    assert str(studytorch_home) in proc.stdout


@pytest.mark.kernel
def test_doctor_in_korean_labels_every_row_in_korean(studytorch_home):
    proc = studytorch("--lang", "ko", "doctor", "--device", "cpu")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "진행 기록 데이터베이스" in proc.stdout and "내 레슨" in proc.stdout
    # Paths and versions aside, only names a Korean learner reads in English too remain.
    words = {
        word
        for token in proc.stdout.split()
        if "/" not in token
        for word in re.findall(r"[A-Za-z]{2,}", token)
    }
    assert words <= {"studytorch", "Python", "torch", "CUDA", "MPS", "auto", "cpu"}, words


@pytest.mark.kernel
def test_run_in_korean_ends_with_how_it_went_in_korean(tmp_path):
    snippet = tmp_path / "snippet.py"
    snippet.write_text("x = torch.ones(2, requires_grad=True)\nmodel = torch.nn.Linear(2, 1)\n")
    proc = studytorch("--lang", "ko", "run", "--device", "cpu", str(snippet))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert re.fullmatch(r"완료 \(\d+\.\d{3}초\)", lines[-1]), lines[-1]
    assert lines[0].strip() == "텐서"
    assert "model: Linear (파라미터 3개)" in proc.stdout
    assert not re.search(r"\b(?:ok|yes|no|name|parameters?|grad norm)\b", proc.stdout)


def test_version_prints_the_package_version():
    proc = studytorch("--version")
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"studytorch {__version__}"


def test_help_lists_the_commands():
    proc = studytorch("--help")
    assert proc.returncode == 0
    for command in ("run", "check", "lessons", "doctor"):
        assert command in proc.stdout
    run_help = studytorch("run", "--help")
    assert "--timeout" in run_help.stdout
    assert "--json" in run_help.stdout


def test_app_without_a_terminal_points_at_the_headless_commands():
    proc = subprocess.run(
        studytorch_cmd(), capture_output=True, text=True, env=subprocess_env(), timeout=60
    )
    assert proc.returncode == 2
    assert "needs an interactive terminal" in proc.stderr
    assert "studytorch run FILE.py" in proc.stderr and "studytorch check" in proc.stderr
    assert proc.stdout == ""  # no escape codes or half-drawn screens


def test_app_with_term_dumb_says_so_instead_of_drawing_garbage(tmp_path):
    # A real terminal (tmux) but TERM=dumb: the same clear message, in the pane.
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    out = tmp_path / "pane.txt"
    socket = f"studytorch-dumb-{os.getpid()}"
    command = f"TERM=dumb {' '.join(studytorch_cmd())} 2> {out}; echo EXIT $? >> {out}"
    env = subprocess_env()
    env.pop("TMUX", None)
    try:
        subprocess.run(
            ["tmux", "-L", socket, "new", "-d", "-x", "80", "-y", "24", command],
            env=env,
            check=True,
        )
        deadline = time.monotonic() + 30
        while (
            "EXIT" not in (out.read_text() if out.exists() else "") and time.monotonic() < deadline
        ):
            time.sleep(0.1)
    finally:
        subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True)
    text = out.read_text()
    assert "TERM=dumb" in text
    assert "EXIT 2" in text


def test_lessons_are_listed_in_the_language_the_learner_chose_in_the_app(studytorch_home):
    from studytorch import locations
    from studytorch.store import Store

    with Store(locations.database_path()) as store:
        store.set_setting("lang", "ko")
    proc = studytorch("lessons")
    assert proc.returncode == 0, proc.stderr
    assert "shape-ops\t모양" in proc.stdout, proc.stdout


# --- the contract the docs state: options, counts, exit codes -------------------------------


@pytest.mark.kernel
def test_check_of_one_lesson_does_not_count_unrelated_broken_lessons(studytorch_home):
    from test_lessons_loader import write_lesson

    write_lesson(studytorch_home / "lessons" / "my-lesson", lesson_id="my-own")
    broken = studytorch_home / "lessons" / "broken"
    broken.mkdir(parents=True)
    (broken / "lesson.toml").write_text("format_version = 1\nid = oops\n")
    proc = studytorch("check", "--device", "cpu", "--jobs", "1", "my-own")
    last = proc.stdout.strip().splitlines()[-1]
    assert re.fullmatch(r"\d+ passed, 0 failed", last), proc.stdout + proc.stderr
    assert proc.returncode == 0
    assert "broken" not in proc.stderr


@pytest.mark.parametrize("command", ["run", "check"])
@pytest.mark.parametrize("timeout", ["0", "-1", "nan", "inf", "soon"])
def test_a_timeout_that_cannot_be_waited_for_is_a_usage_error(tmp_path, command, timeout):
    snippet = tmp_path / "snippet.py"
    snippet.write_text("x = 1\n")
    target = str(snippet) if command == "run" else "shape-ops"
    proc = studytorch(command, "--timeout", timeout, target)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "--timeout" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    "args", [("run", "f.py"), ("check", "shape-ops"), ("doctor",), ("review", "--due")]
)
def test_a_device_that_is_no_device_is_a_usage_error(args):
    proc = studytorch(args[0], "--device", "bogus", *args[1:])
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "'bogus' is not a device" in proc.stderr
    before = studytorch("--device", "gpu0", *args)
    assert before.returncode == 2


@pytest.mark.kernel
def test_piped_tables_are_as_wide_as_their_content(tmp_path, studytorch_home):
    """A pipe has no width: nothing is cut or folded at 80 columns (`run | less`, `doctor > f`)."""
    name = "activations_of_the_second_hidden_layer_after_the_residual_connection_and_norm"
    snippet = tmp_path / "wide.py"
    snippet.write_text(f"{name} = torch.zeros(2, 3)\n")
    env = subprocess_env()
    del env["COLUMNS"]  # as in a shell: nothing says how wide a pipe is

    def piped(*args: str) -> subprocess.CompletedProcess[str]:
        command = studytorch_cmd(*args)
        return subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)

    proc = piped("run", "--device", "cpu", str(snippet))
    assert proc.returncode == 0, proc.stderr
    row = next(line for line in proc.stdout.splitlines() if name in line)
    assert "(2, 3)" in row and len(row) > 100
    deep = studytorch_home / ("a-folder-with-a-long-name-" * 4) / "studytorch"
    deep.mkdir(parents=True)
    env["STUDYTORCH_HOME"] = str(deep)
    doctor = piped("doctor", "--device", "cpu")
    assert any(str(deep) in line for line in doctor.stdout.splitlines()), doctor.stdout


@pytest.mark.e2e
def test_the_app_starts_when_only_stderr_is_redirected(tmp_path):
    """`studytorch 2> log.txt`: the terminal is still there on stdin and stdout, so the app
    draws there, and the log gets no screen."""
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    log, exit_code = tmp_path / "log.txt", tmp_path / "exit.txt"
    app = " ".join(studytorch_cmd("--lesson", "shape-ops", "--lang", "en", "--device", "cpu"))
    command = f"{app} 2> {log}; echo EXIT $? > {exit_code}"
    socket = f"studytorch-stderr-{os.getpid()}"
    env = {**subprocess_env(), "TERM": "xterm-256color"}
    env.pop("TMUX", None)

    def tmux(*args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", socket, *args], capture_output=True, text=True, env=env
        )
        return done.stdout

    try:
        tmux(
            "new",
            "-d",
            "-x",
            "100",
            "-y",
            "30",
            "-e",
            f"STUDYTORCH_HOME={env['STUDYTORCH_HOME']}",
            command,
        )
        deadline = time.monotonic() + 60
        while "f5 Run" not in tmux("capture-pane", "-p") and time.monotonic() < deadline:
            time.sleep(0.2)
        assert "f5 Run" in tmux("capture-pane", "-p"), tmux("capture-pane", "-p")
        tmux("send-keys", "C-q")
        while not exit_code.exists() and time.monotonic() < deadline + 30:
            time.sleep(0.2)
    finally:
        tmux("kill-server")
    assert exit_code.read_text().strip() == "EXIT 0"
    assert "\x1b[" not in log.read_text(errors="replace"), "the screen went into the log"
