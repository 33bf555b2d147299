"""Fault cases: hostile text, lost edits, bad lessons, odd arguments, each through the real thing.

The terminal test drives the installed command in tmux and records every byte the app sends to
its terminal (`pipe-pane`); the others go through the app (Pilot), the CLI or the SQLite file.
"""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest

from test_e2e_tmux import STUDYTORCH, Tmux, home, tmp, tmux  # noqa: F401

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
    write_lesson(home, "hostile", HOSTILE_LESSON)
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
    for tag in ("PWN-TENSOR", "PWN-MODULE", "PWN-REPR", "PWN-CHECK", "PWN-LOG", "PWN-LESSON"):
        assert re.search(rf"␛\][02];{tag}", sent), f"{tag} was never shown"
