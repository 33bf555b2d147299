"""Which language the learner reads: Korean when the locale says so, else English."""

from __future__ import annotations

import os

LANGUAGES = ("en", "ko")


def default_language() -> str:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            return "ko" if value.lower().startswith("ko") else "en"
    return "en"
