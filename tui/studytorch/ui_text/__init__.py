"""Every word the app and the CLI say to the learner, in English and Korean, by key.

One catalogue, kept in a file per area (`screens`, `kernel`, `review`, `cli`): the engine hands
over a key and its fields (a `Notice`), the front ends call `ui` or `say`. PyTorch's own names
(grad_fn, dtype, shape, requires_grad, device, .grad) stay as they are in both languages: they
are what the learner types and reads in tracebacks. Korean templates never write a particle in
parentheses: `{name:을/를}` picks it by the sound of the word (studytorch.korean).
No Textual, no Rich: the headless commands use it too.
"""

from __future__ import annotations

from studytorch.korean import format_ko
from studytorch.notice import Notice
from studytorch.ui_text import cli, kernel, review, screens

TEXT: dict[str, dict[str, str]] = {**screens.TEXT, **kernel.TEXT, **review.TEXT, **cli.TEXT}
"""key -> {"en": template, "ko": template}."""

__all__ = ["TEXT", "Notice", "say", "ui"]


def ui(key: str, lang: str = "en", **fields: object) -> str:
    """The text for `key` in `lang` (English where a language lacks it), `fields` filled in;
    a field that is a Notice (or a list of them) is said in the same language."""
    texts = TEXT[key]
    text = texts.get(lang) or texts["en"]
    if not fields:
        return text
    filled = {name: _said(value, lang) for name, value in fields.items()}
    if lang == "ko":
        return format_ko(text, **filled)
    return text.format(**filled)


def say(notice: Notice, lang: str = "en") -> str:
    """What the engine reported (a key and its fields), in words."""
    return ui(notice.key, lang, **notice.params)


def _said(value: object, lang: str) -> object:
    """A field as the template gets it: a Notice (or a list of them, joined by "; ") in words."""
    if isinstance(value, Notice):
        return say(value, lang)
    if isinstance(value, (list, tuple)) and value and all(isinstance(v, Notice) for v in value):
        return "; ".join(say(v, lang) for v in value)
    return value
