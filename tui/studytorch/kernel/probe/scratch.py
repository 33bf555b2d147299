"""Each learner run's temporary files in a folder of its own, removed once the run is over.

`tempfile.mkdtemp()` in a snippet (the dataset lesson writes its CSV files so) would leave a
folder in the system's temp directory at every run. During a run, tempfile points into a fresh
folder under the kernel's private folder (STUDYTORCH_SCRATCH, set by launch.py): the step's
check still reads what the run wrote, then the folder goes (after the check, or when the next
run starts); whatever is left goes with the kernel's private folder when the kernel ends.
"""

from __future__ import annotations

import os
import shutil
import tempfile

ROOT = "STUDYTORCH_SCRATCH"
"""The environment variable naming where runs' folders are made (unset: tempfile as is)."""

_current: str | None = None


def begin() -> None:
    """A fresh temporary folder for the run about to start (the last run's is removed)."""
    global _current
    end()
    root = os.environ.get(ROOT)
    if not root:
        return  # an attached kernel: its temp directory is its owner's business
    try:
        os.makedirs(root, mode=0o700, exist_ok=True)
        _current = tempfile.mkdtemp(prefix="run-", dir=root)
    except OSError:
        return  # a full disk: tempfile's own directory, as before
    tempfile.tempdir = _current


def end() -> None:
    """Remove the run's temporary folder and give tempfile its own directory back."""
    global _current
    if _current is None:
        return
    if tempfile.tempdir == _current:
        tempfile.tempdir = None
    shutil.rmtree(_current, ignore_errors=True)
    _current = None
