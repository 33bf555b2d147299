"""Text as the screen shows it: untrusted text made harmless, tensor shapes written the same way.

Everything we did not write ourselves (snippet output, reprs, names, check messages, kernel
logs, lesson files, paths, command-line arguments) goes through here before Rich or Textual
sees it. Control characters are drawn as visible symbols (ESC as ␛, BEL as ␇, C1 as \\x9b), so
an escape sequence in a learner's output can be read on the screen but never reaches the
terminal, where it could retitle the window, clear the screen or write the clipboard.

Rich only, no Textual: the headless commands and the app's widgets share it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Rich is imported on first use: `visible` serves the CLI, which starts fast
    from rich.text import Text

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
"""C0 controls but tab and newline, DEL, C1 controls (\\x9b is a one-byte CSI, \\x9d an OSC)
and lone surrogates (which cannot be encoded for the terminal at all)."""

_COLOUR = re.compile(r"\x1b\[(?:\d{1,3}(?:;\d{1,3}){0,15})?m")
"""An SGR sequence with sane parameters: colours and bold, nothing that moves or writes."""


def _picture(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control pictures": ␛ ␇ ␀ ...
    if code == 0x7F:
        return "␡"
    if code <= 0x9F:
        return f"\\x{code:02x}"
    return "\ufffd"  # a lone surrogate


def has_controls(text: str) -> bool:
    """Whether `visible` would change anything but line endings."""
    return _CONTROL.search(text) is not None


def one_cell(text: str) -> str:
    """Each control character as one visible cell (C1 as �), for text laid out cell by cell
    like the editor's, where a four-cell \\x9b would push the rest of the line out of place."""
    return _CONTROL.sub(lambda m: "\ufffd" if ord(m.group()) >= 0x80 else _picture(m), text)


def visible(text: str) -> str:
    """`text` with every control character drawn as a symbol; newlines and tabs kept."""
    return _CONTROL.sub(_picture, text.replace("\r\n", "\n").replace("\r", "\n"))


def plain(text: str, style: str = "") -> Text:
    """Untrusted text as a Rich Text: never markup, never an escape sequence."""
    from rich.text import Text

    return Text(visible(text), style=style)


def visible_but_colours(text: str) -> str:
    """Like `visible`, but well-formed colour sequences (SGR) are kept as they are."""
    parts = []
    last = 0
    for match in _COLOUR.finditer(text):
        parts.append(visible(text[last : match.start()]))
        parts.append(match.group())
        last = match.end()
    parts.append(visible(text[last:]))
    return "".join(parts)


def safe_text(text: str, style: str = "") -> Text:
    """Untrusted output for the screen: ANSI colours kept, every other control made visible."""
    from rich.text import Text

    # Only well-formed colour sequences are left for Rich to decode.
    result = Text.from_ansi(visible_but_colours(text))
    if style:
        result.stylize(style)
    return result


def shape_text(shape: list[int]) -> str:
    """A shape the way torch prints a tuple: (2, 3), (6,), ()."""
    return "(" + ", ".join(map(str, shape)) + ("," if len(shape) == 1 else "") + ")"


NOTE_DRAWN = 16_000
"""Characters of a lesson note drawn on screen. Textual lays Markdown out on every key and
resize: a 960 KB note took 128 s per key. The longest built-in note is a few kB."""


def drawable_note(note: str, cut: str) -> str:
    """`note` as much as can be drawn quickly; past NOTE_DRAWN it ends at a paragraph with
    `cut` (which may say `{kb}`, the size left out)."""
    if len(note) <= NOTE_DRAWN:
        return note
    end = note.rfind("\n\n", 0, NOTE_DRAWN)
    kept = note[: end if end > NOTE_DRAWN // 2 else NOTE_DRAWN]
    if kept.count("```") % 2:
        kept += "\n```"  # a code block left open would swallow the notice
    return f"{kept}\n\n*{cut.format(kb=(len(note) - len(kept)) // 1000)}*"
