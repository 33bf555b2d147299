"""A run's temporary folders (`tempfile.mkdtemp`, as the dataset lesson makes) are gone once
the run and its check are over: nothing piles up in the system's temp directory."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

import pytest

from conftest import RUN_LIMIT_S, warm_session
from studytorch.course.model import Localized, Step
from studytorch.course.runner import run_step
from studytorch.kernel.result import collect

pytestmark = [pytest.mark.kernel, pytest.mark.asyncio]

MAKES_A_FOLDER = """\
import os, tempfile
data_dir = tempfile.mkdtemp(prefix="lesson-csv-")
with open(os.path.join(data_dir, "sample_0.csv"), "w") as f:
    f.write("1.0,2.0,0\\n")
print(data_dir)
"""
READS_IT = (
    "import os\n"
    "expect(os.path.exists(os.path.join(data_dir, 'sample_0.csv')), 'the file is gone')\n"
)


def step(check: str | None) -> Step:
    return Step("s", Localized("s", "s"), Localized("", ""), MAKES_A_FOLDER, check=check)


async def test_a_runs_temporary_folder_is_read_by_its_check_then_removed(tmp_path: Path) -> None:
    system_temp = Path(tempfile.gettempdir())
    before = set(system_temp.glob("lesson-csv-*"))
    async with warm_session("cpu", tmp_path) as session:
        run = await asyncio.wait_for(run_step(session, "l", step(READS_IT), MAKES_A_FOLDER), 120)
        assert run.passed, run.check_message  # the check still saw the run's file
        folder = Path(run.result.stdout.strip())
        assert not folder.exists(), "the run's temporary folder outlived its check"
        # A run without a check: its folder goes when the next run starts, or with the kernel.
        first = await asyncio.wait_for(collect(session.execute(MAKES_A_FOLDER)), RUN_LIMIT_S)
        kept = Path(first.stdout.strip())
        assert kept.exists()
        await asyncio.wait_for(collect(session.execute("print(1)")), RUN_LIMIT_S)
        assert not kept.exists()
        last = await asyncio.wait_for(collect(session.execute(MAKES_A_FOLDER)), RUN_LIMIT_S)
        assert Path(last.stdout.strip()).exists()
    assert not Path(last.stdout.strip()).exists(), "the kernel's end takes the last one along"
    assert set(system_temp.glob("lesson-csv-*")) == before
