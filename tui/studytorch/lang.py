"""Which language the learner reads: Korean when the locale says so, else English."""

from __future__ import annotations

import os

LANGUAGES = ("en", "ko")
_chosen: str | None = None
"""The language `--lang` gave this process, wherever it stood on the command line."""


def choose(lang: str | None) -> None:
    """Use `lang` for everything this process prints (the command line's `--lang`)."""
    global _chosen
    _chosen = lang if lang in LANGUAGES else None


def default_language() -> str:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            return "ko" if value.lower().startswith("ko") else "en"
    return "en"


def learner_language(explicit: str | None = None) -> str:
    """`explicit` (or `--lang`), else the language the learner chose in the app (Ctrl+L), else the
    locale's: a learner who reads the app in Korean gets the CLI in Korean too."""
    if explicit:
        return explicit
    if _chosen:
        return _chosen
    from studytorch import locations
    from studytorch.store import Store, StoreError

    path = locations.database_path()
    if path.exists():  # never create the database just to read a setting
        try:
            with Store(path) as store:
                saved = store.get_setting("lang")
        except StoreError:
            saved = None
        if saved in LANGUAGES:
            return saved
    return default_language()
