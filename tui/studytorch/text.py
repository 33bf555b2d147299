"""Text as the screen shows it: untrusted output made safe, tensor shapes written the same way.

Rich only, no Textual: the headless commands and the app's widgets share it.
"""

from __future__ import annotations

import re

from rich.text import Text

_CONTROL = re.compile(
    r"\x1b\[(?![0-9;]*m)[0-?]*[ -/]*[@-~]"  # CSI other than colours: cursor moves, clears
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window titles, hyperlinks
    r"|\x1b(?!\[[0-9;]*m)[@-Z\\-_]?"  # any other escape, and a lone ESC
    r"|[\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f]"
)
"""Control characters and whole escape sequences other than colours (cursor moves, clears...).

The whole sequence goes: removing only the ESC would leave "[2J" or "[A" on the screen."""


def safe_text(text: str, style: str = "") -> Text:
    """Untrusted text for the screen: ANSI colours kept, markup and cursor tricks not."""
    cleaned = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    result = Text.from_ansi(cleaned)
    if style:
        result.stylize(style)
    return result


def shape_text(shape: list[int]) -> str:
    """A shape the way torch prints a tuple: (2, 3), (6,), ()."""
    return "(" + ", ".join(map(str, shape)) + ("," if len(shape) == 1 else "") + ")"
