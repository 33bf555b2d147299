"""Kernel-side probe: turns what a snippet did into small JSON summaries for the UI.

studytorch never imports this package. The bridge sends its sources to the kernel, which
installs them as the package `_studytorch_probe` (probe_loader.py), so it works in any
environment that has ipykernel and torch. Standard library and torch only. The bridge's own
cells reach it as `__import__('_studytorch_probe')`, which works even after a snippet cleared
its globals.
"""

from __future__ import annotations

from .checks import CheckFailed, check, expect
from .lifecycle import announce, install
from .metrics import track
from .namespace import fresh_namespace, prewarm
from .state import MIME, PROBE_CELL, idle_seconds, ready

reset = fresh_namespace
"""The bridge's name for it (between steps of `studytorch check`)."""

__all__ = [
    "MIME",
    "PROBE_CELL",
    "CheckFailed",
    "announce",
    "check",
    "expect",
    "fresh_namespace",
    "idle_seconds",
    "install",
    "prewarm",
    "ready",
    "reset",
    "track",
]
