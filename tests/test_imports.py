"""The two-process rule, checked in a fresh interpreter: the UI never imports torch, and the
engine never imports Textual."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

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


PACKAGE = Path(__file__).resolve().parents[1] / "tui" / "studytorch"
KERNEL_SIDE = {"studytorch.kernel.boot", "studytorch.kernel.probe_loader"}
"""Files that run inside the kernel (they may import torch); the UI process never imports them.
The probe package (studytorch.kernel.probe.*) is kernel-side as a whole."""


def ui_modules() -> list[str]:
    """Every module of the package, screens and widgets included, but the kernel-side files."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        probe = name == "studytorch.kernel.probe" or name.startswith("studytorch.kernel.probe.")
        if name not in KERNEL_SIDE and not probe and not name.endswith("__main__"):
            found.append(name)
    return found


def test_the_ui_side_never_imports_torch():
    names = ui_modules()
    assert "studytorch.screens.lesson" in names and "studytorch.widgets.results" in names
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
