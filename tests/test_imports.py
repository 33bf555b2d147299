"""The two-process rule, checked in a fresh interpreter: the UI never imports torch, and the
engine never imports Textual."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

import pytest

from conftest import subprocess_env


def modules_after_import(*names: str) -> set[str]:
    return modules_loaded_by(
        f"import importlib\nfor name in {list(names)!r}:\n    importlib.import_module(name)\n"
    )


def modules_loaded_by(code: str) -> set[str]:
    """Every module a fresh interpreter holds after running `code`."""
    code += "import json, sys\nprint(json.dumps(sorted(sys.modules)))\n"
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env=subprocess_env(),
    )
    assert proc.returncode == 0, proc.stderr
    return set(json.loads(proc.stdout))


def present(*names: str) -> list[str]:
    return [name for name in names if importlib.util.find_spec(name) is not None]


def test_the_ui_side_never_imports_torch():
    names = [
        "studytorch",
        "studytorch.cli",
        "studytorch.kernel",
        "studytorch.course",
        "studytorch.console",
        *present("studytorch.app", "studytorch.store"),
    ]
    loaded = modules_after_import(*names)
    assert set(names) <= loaded
    assert "torch" not in loaded


def test_the_engine_never_imports_textual():
    names = [
        "studytorch.kernel",
        "studytorch.course",
        "studytorch.course.checker",
        "studytorch.kernel.result",
        "studytorch.review.deck",
        "studytorch.review.schedule",
        "studytorch.review.stats",
        "studytorch.export",
        *present("studytorch.store"),
    ]
    loaded = modules_after_import(*names)
    assert "textual" not in loaded
    assert "torch" not in loaded


def test_the_app_and_review_screen_load_no_scheduler_or_exporters_until_used():
    loaded = modules_after_import(
        "studytorch.app", "studytorch.screens.home", "studytorch.screens.review"
    )
    assert not {"fsrs", "nbformat", "genanki", "torch"} & loaded


@pytest.mark.parametrize(
    "command",
    [
        ["lessons"],
        ["--version"],
        ["review", "--due", "shape-ops"],
        ["export", "shape-ops", "--format", "md", "--out", "OUT"],
    ],
)
def test_headless_commands_do_not_load_torch_or_textual(command, tmp_path):
    command = [str(tmp_path) if part == "OUT" else part for part in command]
    loaded = modules_loaded_by(
        "import io, contextlib\n"
        "from studytorch import cli\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        f"    cli.main({command!r})\n"
    )
    assert "torch" not in loaded
    assert "textual" not in loaded
