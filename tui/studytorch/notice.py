"""Notice: what the engine has to tell the learner, as a catalogue key and its fields.

The kernel bridge, the course runner and the store speak in notices; `ui_text.say` turns one
into English or Korean. A field may itself be a Notice (a death inside a restart), rendered in
the same language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Notice:
    key: str
    """A key of the catalogue (studytorch.ui_text)."""
    params: Mapping[str, Any] = field(default_factory=dict)
    """The values the key's template names: numbers, names, paths, other notices."""
